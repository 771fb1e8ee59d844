/**
 * The customer as the hub: for some customers (a page of the list, or one customer's page), the
 * tier in force this month and its scope, the responsible unit and its managers. The tier comes
 * from tiering/in-force.ts, the one answer every reader uses (R9–R13: the latest annual run of an
 * earlier year, R13 approvals and overrides first); it is read for the given customers only, so a
 * page of 100 rows costs a few indexed lookups whatever the size of the database.
 */
import type { Database } from 'better-sqlite3';
import type { CustomerManagerRef, CustomerStanding } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import type { ManagerPost } from '../../../shared/domain/organisation';
import type { Period } from '../../../shared/domain/periods';
import type { Scope, Tier } from '../../../shared/domain/tiers';
import { keptWhileUnchanged } from '../db/unchanged';
import { findTierBasis, keyCustomersInForce, monthTiers } from '../tiering/in-force';

/** The month whose tiers a customer's row and page show: the current one. */
export function currentPeriod(now: Date): Period {
  return localDate(now).slice(0, 7);
}

/** Scrolling a filtered list asks page after page: the city's tiers are read once per database state. */
const keyCustomersCached = keptWhileUnchanged(keyCustomersInForce, (period: Period) => period);

/**
 * The list's tier filter: the customers holding `tier` in force this month, or for 'none' every
 * customer but the key customers. Read for the whole city (in-force.ts), only when the filter is on.
 */
export function tierFilter(
  db: Database,
  period: Period,
  tier: Tier | 'none',
): { set: ReadonlySet<string>; exclude: boolean } {
  const inForce = keyCustomersCached(db, period);
  if (tier === 'none') return { set: new Set(inForce.keys()), exclude: true };
  const set = new Set<string>();
  for (const [id, t] of inForce) if (t.tier === tier) set.add(id);
  return { set, exclude: false };
}

/** Customer ID → its standing; `unitId` is each customer's own unit (whose managers stand in without an R15 unit). */
export function standingOf(
  db: Database,
  period: Period,
  customers: readonly { id: string; unitId: number }[],
): Map<string, CustomerStanding> {
  const out = new Map<string, CustomerStanding>();
  if (customers.length === 0) return out;
  const ids = customers.map((c) => c.id);
  const basis = findTierBasis(db, period);
  const tiers = monthTiers(db, basis, period, ids);
  const graded = new Map<string, { scope: Scope; score: number; unitId: number | null; unitName: string | null }>();
  if (basis !== null) {
    const rows = db
      .prepare(
        `SELECT r.customer_id, r.scope, r.total_x100, r.responsible_unit_id, u.name FROM tier_results r
         LEFT JOIN units u ON u.id = r.responsible_unit_id
         WHERE r.run_id = ? AND r.customer_id IN (SELECT value FROM json_each(?))`,
      )
      .raw()
      .all(basis.runId, JSON.stringify(ids)) as [string, Scope, number, number | null, string | null][];
    for (const [id, scope, total, unitId, unitName] of rows)
      graded.set(id, { scope, score: total / 100, unitId, unitName });
  }
  const unitOf = (c: { id: string; unitId: number }) => graded.get(c.id)?.unitId ?? c.unitId;
  // Until customers have their own A and B managers (R20), a customer is served by the account
  // managers (大客户经理, R4) in post at its responsible unit; directors and officers serve none.
  const managersByUnit = new Map<number, CustomerManagerRef[]>();
  const unitIds = [...new Set(customers.map(unitOf))];
  const managerRows = db
    .prepare(
      `SELECT id, name, post, unit_id FROM managers
       WHERE left_on IS NULL AND post = 'account_manager' AND unit_id IN (SELECT value FROM json_each(?))
       ORDER BY id`,
    )
    .raw()
    .all(JSON.stringify(unitIds)) as [number, string, ManagerPost, number][];
  for (const [id, name, post, unitId] of managerRows) {
    const list = managersByUnit.get(unitId) ?? [];
    list.push({ id, name, post });
    managersByUnit.set(unitId, list);
  }
  for (const c of customers) {
    const t = tiers.get(c.id);
    const g = graded.get(c.id);
    out.set(c.id, {
      tier: t?.tier ?? null,
      computedTier: t?.computedTier ?? null,
      tierSource: t?.tier ? t.source : null,
      scope: g?.scope ?? null,
      score: g?.score ?? null,
      tierBasis: basis,
      responsibleUnit: g && g.unitId !== null && g.unitName !== null ? { id: g.unitId, name: g.unitName } : null,
      managers: managersByUnit.get(unitOf(c)) ?? [],
    });
  }
  return out;
}
