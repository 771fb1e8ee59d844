import type { Database } from 'better-sqlite3';

const LINES = ['savings', 'bills', 'letters', 'philately', 'express', 'logistics', 'parcels', 'newspapers', 'other'];

/**
 * An annual run for `year` grading the given customers with a tier and scope (its other figures
 * zero), in force the year after — for tests about what follows from a tier, not about grading.
 */
export function gradeCustomers(
  db: Database,
  year: number,
  graded: readonly [customerId: string, tier: string, scope: string][],
): number {
  const run = Number(
    db
      .prepare(
        `INSERT INTO tier_runs (kind, run_key, window_from, window_to, policy_version, bureau_year, bureau_revenue_fen,
           customers, qualified, created_at, actor) VALUES ('annual', ?, ?, ?, 1, ?, 1, 1, 1, ?, 't')`,
      )
      .run(String(year), `${year}-01`, `${year}-12`, year, `${year + 1}-01-05T00:00:00Z`).lastInsertRowid,
  );
  const cols = LINES.flatMap((l) => [`in_${l}`, `in_month_${l}`]);
  const insert = db.prepare(
    `INSERT INTO tier_results (run_id, customer_id, qualified, clauses, annual_fen, this_month_fen, revenue_score,
       share_score, share_ppm, total_x100, tier, scope, in_agreement, in_home_unit_is_county, ${cols.join(', ')})
     VALUES (?, ?, 1, '[]', 0, 0, 0, 0, 0, 0, ?, ?, 0, 0, ${cols.map(() => '0').join(', ')})`,
  );
  for (const [id, tier, scope] of graded) insert.run(run, id, tier, scope);
  return run;
}
