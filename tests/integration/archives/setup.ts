/** A backend on a fresh in-memory database with customers and tiers in force (R13 via graded runs). */
import { type Backend, openBackend } from '../../../electron/backend';
import type { Scope, Tier } from '../../../shared/domain/tiers';

/** Local wall-clock time: R18 and R30 work on the bureau's local dates. */
export const local = (date: string, hh = 10) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hh, 0, 0);
};

const LINES = ['savings', 'bills', 'letters', 'philately', 'express', 'logistics', 'parcels', 'newspapers', 'other'];

export async function setup(backends: Backend[], start = '2026-03-10') {
  let now = local(start);
  const b = openBackend({ databasePath: ':memory:', now: () => now });
  backends.push(b);
  const call = b.registry.call.bind(b.registry);
  const units = await call('units/list', { includeRetired: true });
  const unit = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  };
  const customer = async (name: string, areaCode = '440515', unitCode = '440515') =>
    (await call('customers/create', { name, areaCode, unitId: unit(unitCode) })).id;
  /** An annual run for `year` (its tiers are in force during year + 1). */
  const grade = (year: number, tiers: Record<string, Tier | [Tier, Scope, number?]>) => {
    const run = Number(
      b.db
        .prepare(
          `INSERT INTO tier_runs (kind, run_key, window_from, window_to, policy_version, bureau_year, bureau_revenue_fen,
             customers, qualified, created_at, actor) VALUES ('annual', ?, ?, ?, 1, ?, 1, 0, 0, ?, 'test')`,
        )
        .run(String(year), `${year}-01`, `${year}-12`, year, now.toISOString()).lastInsertRowid,
    );
    const cols = LINES.flatMap((l) => [`in_${l}`, `in_month_${l}`]);
    const insert = b.db.prepare(
      `INSERT INTO tier_results (run_id, customer_id, qualified, clauses, annual_fen, this_month_fen, revenue_score,
         share_score, share_ppm, total_x100, tier, scope, responsible_unit_id, in_agreement, in_home_unit_is_county,
         ${cols.join(', ')}) VALUES (?, ?, 1, '[]', 0, 0, 0, 0, 0, 0, ?, ?, ?, 0, 0, ${cols.map(() => '0').join(', ')})`,
    );
    for (const [id, t] of Object.entries(tiers)) {
      const [tier, scope, responsible] = Array.isArray(t) ? t : [t, 'regional' as Scope, undefined];
      insert.run(run, id, tier, scope, responsible ?? null);
    }
    return run;
  };
  const manager = async (name: string, unitCode = '440515', effectiveOn = '2025-01-01') =>
    (
      await call('managers/register', {
        name,
        unitId: unit(unitCode),
        post: 'account_manager',
        employment: 'full_time',
        effectiveOn,
      })
    ).id;
  return {
    b,
    call,
    unit,
    customer,
    grade,
    manager,
    setNow: (date: string) => {
      now = local(date);
    },
  };
}
