/**
 * Which grading applies to a month, and the tier each customer holds in it: the one answer every
 * reader uses (exports, templates, import warnings, customer pages, a run's "previous tier"). Annual
 * grading of year Y (on Y's revenue) sets the tiers in force during Y+1, so a month of year Y uses
 * the annual run in force of the latest year graded before Y (the officer's choice among that
 * year's runs, else its last run). R13: a province approval valid at the
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

/**
 * The annual run in force for grading year `year`: the one the officer chose among the year's
 * runs, else the year's latest run (a re-run replaces it); null when the year was never graded.
 */
export function inForceRunOf(db: Database, year: number): number | null {
  const row = db
    .prepare(
      `SELECT coalesce(
         (SELECT run_id FROM tier_in_force WHERE year = @year),
         (SELECT id FROM tier_runs WHERE kind = 'annual' AND run_key = @key ORDER BY id DESC LIMIT 1)) AS id`,
    )
    .get({ year, key: String(year) }) as { id: number | null };
  return row.id;
}

/** The annual grading in force during `period`: that of the latest graded year before the period's year. */
export function findTierBasis(db: Database, period: Period): TierBasis | null {
  const latest = db
    .prepare(`SELECT max(run_key) AS key FROM tier_runs WHERE kind = 'annual' AND run_key < ?`)
    .get(String(yearOf(period))) as { key: string | null };
  if (latest.key === null) return null;
  const runId = inForceRunOf(db, Number(latest.key));
  if (runId === null) return null;
  const run = db.prepare('SELECT policy_version FROM tier_runs WHERE id = ?').get(runId) as { policy_version: number };
  return { runId, year: Number(latest.key), policyVersion: run.policy_version };
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
