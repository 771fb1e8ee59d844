/**
 * R34 scorecards at 200 account managers and 20,000 customers with two graded years, two years of
 * visits and marketing logs, developments, archive revisions and a month of revenue:
 *  - `scorecards/list` for a month (every manager and unit, figured, scored, ranked) ≤ 500 ms;
 *    baseline: the bare reads it cannot avoid (holders at the month's end, the month's revenue copy,
 *    held visits and log entries grouped by customer), no rule applied.
 * `tests/bench/run.ts` wires this in (`--only scorecards`).
 */
import { openBackend } from '../../electron/backend';
import { BENCH_LINES, benchCustomerId, fillGradedCity } from './graded-city';
import { percentile, type Row, round, time, timeAsync } from './stats';

const CUSTOMERS = 20_000;
const MANAGERS = 200;
const ROUNDS = 9;
const PERIOD = '2026-10';
const MONTHS = Array.from({ length: 24 }, (_, k) => {
  const year = 2025 + Math.floor(k / 12);
  return `${year}-${String((k % 12) + 1).padStart(2, '0')}`;
});

export async function scorecardsBench(): Promise<Row[]> {
  const backend = openBackend({ databasePath: ':memory:' });
  const { db } = backend;
  try {
    const unit = db.prepare("SELECT id FROM units WHERE code = '440515'").pluck().get() as number;
    const id = benchCustomerId;
    db.transaction(() => {
      fillGradedCity(db, unit, CUSTOMERS);
      const manager = db.prepare(
        "INSERT INTO managers (name, unit_id, post, employment, started_on) VALUES (?, ?, 'account_manager', 'full_time', '2025-01-01')",
      );
      const managers = Array.from({ length: MANAGERS }, (_, k) =>
        Number(manager.run(`经理${k}`, unit).lastInsertRowid),
      );
      const target = db.prepare(
        "INSERT INTO scorecard_targets (manager_id, year, revenue_target_fen, updated_at, updated_by) VALUES (?, 2026, ?, '', 'bench')",
      );
      for (const m of managers) target.run(m, 120_000_000);
      const holder = db.prepare(
        `INSERT INTO customer_managers (customer_id, manager_id, role, from_on, recorded_at, recorded_by)
         VALUES (?, ?, ?, '2025-06-01', '', 'bench')`,
      );
      const revenue = db.prepare(
        "INSERT INTO revenue (customer_id, period, line, amount_fen, source_kind, updated_at) VALUES (?, ?, ?, ?, 'import', '')",
      );
      const visit = db.prepare(
        `INSERT INTO visits (customer_id, visit_on, kind, status, recorded_at, recorded_by, updated_at)
         VALUES (?, ?, 'manager', 'held', '', 'bench', '')`,
      );
      const log = db.prepare(
        `INSERT INTO marketing_logs (customer_id, log_on, stage, method, content, summary, unit_id, recorded_at, recorded_by)
         VALUES (?, ?, NULL, 'phone', '电话回访', ?, ?, '', 'bench')`,
      );
      const development = db.prepare(
        `INSERT INTO developments (customer_id, line, stage, status, opened_on, recorded_at, recorded_by, updated_at)
         VALUES (?, 'express', 'contact', 'open', '2026-08-01', '', 'bench', '')`,
      );
      const revision = db.prepare(
        `INSERT INTO archive_revisions (customer_id, revision, schema_version, document, changed, verified_only, updated_on,
           recorded_at, recorded_by) VALUES (?, ?, 1, '{"basic":{},"extended":{},"keyPersons":[],"competitors":[]}', '[]', 1, ?, '', 'bench')`,
      );
      for (let i = 1; i <= CUSTOMERS; i++) {
        holder.run(id(i), managers[i % MANAGERS] as number, 'A');
        holder.run(id(i), managers[(i + 1) % MANAGERS] as number, 'B');
        for (const [period, fen] of [
          [PERIOD, 1000 * (i % 97)],
          ['2026-09', 1000 * (i % 89)],
        ] as const) {
          const line = BENCH_LINES[i % 9] as string;
          revenue.run(id(i), period, line, fen);
          // The monthly copy the app keeps beside each write (revenue/writes.ts).
          db.prepare(`INSERT INTO revenue_months (period, customer_id, ${line}) VALUES (?, ?, ?)`).run(
            period,
            id(i),
            fen,
          );
        }
        MONTHS.forEach((m, k) => {
          if ((i + k) % 3 !== 0) visit.run(id(i), `${m}-${String(1 + ((i + k) % 27)).padStart(2, '0')}`);
          if ((i + k) % 2 === 0)
            log.run(id(i), `${m}-${String(1 + ((i * 7 + k) % 27)).padStart(2, '0')}`, k % 3 === 2 ? 1 : 0, unit);
        });
        if (i % 3 === 0) development.run(id(i));
        revision.run(id(i), 1, '2026-0' + String(1 + (i % 9)) + '-10');
      }
    })();
    db.exec('ANALYZE');
    const start = `${PERIOD}-01`;
    const end = `${PERIOD}-31`;
    const bareHolders = db.prepare(
      'SELECT manager_id, customer_id FROM customer_managers WHERE from_on <= ? AND (to_on IS NULL OR to_on > ?)',
    );
    const bareRevenue = db.prepare(
      'SELECT customer_id, savings + bills + letters + philately + express + logistics + parcels + newspapers + other FROM revenue_months WHERE period = ?',
    );
    const bareVisits = db.prepare(
      "SELECT customer_id, count(*) FROM visits WHERE status = 'held' AND visit_on BETWEEN ? AND ? GROUP BY customer_id",
    );
    const bareLogs = db.prepare('SELECT DISTINCT customer_id FROM marketing_logs WHERE log_on BETWEEN ? AND ?');
    const ours: number[] = [];
    const bare: number[] = [];
    let managersSeen = 0;
    for (let r = 0; r < ROUNDS + 1; r++) {
      const t = await timeAsync(() => backend.registry.call('scorecards/list', { period: PERIOD }));
      managersSeen = t.value.managers.length;
      const b = time(() => {
        bareHolders.raw().all(end, end);
        bareRevenue.raw().all(PERIOD);
        bareVisits.raw().all(start, end);
        bareLogs.raw().all(start, end);
      }).ms;
      if (r === 0) continue; // warm-up
      ours.push(t.ms);
      bare.push(b);
    }
    const p95 = percentile(ours, 95);
    const baseP95 = percentile(bare, 95);
    return [
      {
        name: `scorecards: scorecards/list for a month, ${managersSeen} managers, 20,000 customers, two years of visits and logs`,
        target: '≤ 500 ms',
        p50: round(percentile(ours, 50), 0),
        p95: round(p95, 0),
        baselineP50: round(percentile(bare, 50), 0),
        baselineP95: round(baseP95, 0),
        ratioP95: round(p95 / baseP95),
        pass: p95 <= 500,
      },
    ];
  } finally {
    await backend.close();
  }
}
