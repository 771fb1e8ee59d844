/**
 * Which grading applies to a month, and the tier each customer holds in it: the one answer every
 * reader uses (exports, templates, import warnings, customer pages). Annual grading of year Y (on Y's revenue)
 * sets the tiers in force during Y+1, so a month of year Y uses the latest annual run of a year
 * before Y (the last run of that year, if it was run again). R13: a province approval valid at the
 * month's end comes first, then the latest override, both printed beside the computed tier.
 */
import type { Database } from 'better-sqlite3';
import type { TierBasis, TierSource } from '../../../shared/domain/exports/figures';
import { lastDayOf, type Period, yearOf } from '../../../shared/domain/periods';
import type { Tier } from '../../../shared/domain/tiers';

export interface MonthTier {
  tier: Tier | null;
  computedTier: Tier | null;
  source: TierSource;
}

export function findTierBasis(db: Database, period: Period): TierBasis | null {
  const run = db
    .prepare(
      `SELECT id, run_key, policy_version FROM tier_runs WHERE kind = 'annual' AND run_key < ?
       ORDER BY run_key DESC, id DESC LIMIT 1`,
    )
    .get(String(yearOf(period))) as { id: number; run_key: string; policy_version: number } | undefined;
  return run ? { runId: run.id, year: Number(run.run_key), policyVersion: run.policy_version } : null;
}

/**
 * Customer ID → tier for the month; customers absent from the run and without R13 records are not
 * listed. `ids` narrows it to some customers (a page of the customer list), read the same way.
 */
export function monthTiers(
  db: Database,
  basis: TierBasis | null,
  period: Period,
  ids?: readonly string[],
): Map<string, MonthTier> {
  const out = new Map<string, MonthTier>();
  if (basis === null || ids?.length === 0) return out;
  const only = ids === undefined ? '' : ' AND customer_id IN (SELECT value FROM json_each(@ids))';
  const idsJson = ids === undefined ? null : JSON.stringify(ids);
  const computed = db
    .prepare(`SELECT customer_id, tier FROM tier_results WHERE run_id = @runId AND tier IS NOT NULL${only}`)
    .raw()
    .all(ids === undefined ? { runId: basis.runId } : { runId: basis.runId, ids: idsJson }) as [string, Tier][];
  for (const [id, tier] of computed) out.set(id, { tier, computedTier: tier, source: 'computed' });
  // Overrides first, approvals after, so an approval wins where both exist (R13). Within each, the
  // later record (higher id) wins.
  const overrides = db
    .prepare(`SELECT customer_id, tier FROM tier_overrides WHERE revoked_at IS NULL${only} ORDER BY id`)
    .raw()
    .all(...(ids === undefined ? [] : [{ ids: idsJson }])) as [string, Tier][];
  const asOf = lastDayOf(period);
  const approvals = db
    .prepare(
      `SELECT customer_id, tier FROM tier_approvals WHERE revoked_at IS NULL AND valid_from <= @asOf
         AND (valid_to IS NULL OR valid_to >= @asOf)${only} ORDER BY id`,
    )
    .raw()
    .all(ids === undefined ? { asOf } : { asOf, ids: idsJson }) as [string, Tier][];
  for (const [records, source] of [
    [overrides, 'override'],
    [approvals, 'approval'],
  ] as const) {
    for (const [id, tier] of records) {
      out.set(id, { tier, computedTier: out.get(id)?.computedTier ?? null, source });
    }
  }
  return out;
}

/** Customer IDs whose tier in force for the month is a key-customer tier (R13 records included). */
export function keyCustomersInForce(db: Database, period: Period): Map<string, MonthTier> {
  const out = monthTiers(db, findTierBasis(db, period), period);
  for (const [id, t] of out) if (t.tier === null) out.delete(id);
  return out;
}
