/**
 * R34 through the registry and `kam` on a database file: a month's scorecards per account manager
 * and unit from stored data, each figure checked against an independent SQL query (or, for R18,
 * the archive duties channel), the scores and ranking by the policy's weights, the records behind
 * a number, the targets, and the workbook. DOMAIN-DECISIONS "Staff scorecards (R34)".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openBackend } from '../../../electron/backend';
import { appError } from '../../support/app-error';
import { kam } from '../../support/kam';
import { seedScorecardMonth } from '../../support/scorecard-month';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-scorecards-');

async function database() {
  const db = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => new Date('2026-12-02T02:00:00Z') });
  const call = b.registry.call.bind(b.registry);
  return { b, db, call, ...(await seedScorecardMonth(b)) };
}

describe('staff scorecards (R34)', () => {
  it('figures from stored data agree with independent queries; scores and ranking by the policy’s weights', async () => {
    const { b, call, c1, c2, c4, chen, lin } = await database();
    try {
      const view = await call('scorecards/list', { period: '2026-11' });
      const chenRow = view.managers.find((m) => m.managerId === chen);
      const linRow = view.managers.find((m) => m.managerId === lin);

      // Independent SQL: the manager's customers at the month's end, their November revenue.
      const sql = (managerId: number) =>
        b.db
          .prepare(
            `SELECT count(DISTINCT cm.customer_id) AS customers,
               (SELECT coalesce(sum(r.amount_fen), 0) FROM revenue r WHERE r.period = '2026-11' AND r.customer_id IN
                 (SELECT customer_id FROM customer_managers WHERE manager_id = @m AND from_on <= '2026-11-30'
                    AND (to_on IS NULL OR to_on > '2026-11-30'))) AS revenue,
               (SELECT count(*) FROM registrations g WHERE g.state = 'approved' AND g.approved_on LIKE '2026-11-%'
                  AND g.customer_id IN (SELECT customer_id FROM customer_managers WHERE manager_id = @m)) AS fresh,
               (SELECT count(DISTINCT l.customer_id) FROM marketing_logs l WHERE l.log_on LIKE '2026-11-%'
                  AND l.customer_id IN (SELECT customer_id FROM customer_managers WHERE manager_id = @m)) AS logged
             FROM customer_managers cm WHERE cm.manager_id = @m AND cm.from_on <= '2026-11-30'
               AND (cm.to_on IS NULL OR cm.to_on > '2026-11-30')`,
          )
          .get({ m: managerId }) as { customers: number; revenue: number; fresh: number; logged: number };
      const chenSql = sql(chen);
      expect(chenRow).toMatchObject({
        customers: chenSql.customers,
        figures: {
          revenue: { actualFen: chenSql.revenue, targetFen: 10_000_000 },
          newCustomers: { count: chenSql.fresh },
          logs: { due: 2, kept: chenSql.logged },
        },
      });
      expect(chenSql).toEqual({ customers: 3, revenue: 8_000_000, fresh: 1, logged: 1 });

      // R23 held visits of November to the key customers, each up to its requirement, by SQL.
      const held = b.db
        .prepare(
          `SELECT customer_id, count(*) AS n FROM visits WHERE status = 'held' AND kind = 'manager'
             AND visit_on BETWEEN '2026-11-01' AND '2026-11-30' GROUP BY customer_id`,
        )
        .all() as { customer_id: string; n: number }[];
      expect(held).toEqual([{ customer_id: c1, n: 2 }]);
      // c1 gold 1 (two held count once), c2 silver 1 (none), c4 not graded: 1 of 2.
      expect(chenRow?.figures.visits).toEqual({ required: 2, held: 1 });

      // R18 from the archive duties channel on the month's last day.
      const duties = await call('archives/duties', { date: '2026-11-30' });
      const mine = duties.filter((d) => [c1, c2, c4].includes(d.customerId));
      expect(chenRow?.figures.archives).toEqual({
        due: mine.length,
        onTime: mine.filter((d) => !d.overdue).length,
      });
      // R33 by SQL: closed in November without a breach, and c2's open one past its close day.
      const closedInTime = b.db
        .prepare(
          `SELECT count(*) FROM complaints WHERE closed_at LIKE '2026-11-%' AND breach_log + breach_contact + breach_close = 0`,
        )
        .pluck()
        .get();
      expect(chenRow?.figures.complaints).toEqual({ handled: 2, inTime: closedInTime });

      // Scores: revenue 80, new 100 (the best has 1), visits 50, logs 50, complaints 50, archives as figured.
      const archives = chenRow?.scores.archives ?? null;
      expect(chenRow?.figures.archives.due).toBe(2);
      expect(chenRow?.scores).toMatchObject({ revenue: 80, newCustomers: 100, visits: 50, logs: 50, complaints: 50 });
      const parts = [[80, 40], [100, 15], [50, 15], [50, 10], [50, 10], ...(archives === null ? [] : [[archives, 10]])];
      const expected =
        Math.round(
          (parts.reduce((s, [v, w]) => s + (v as number) * (w as number), 0) /
            parts.reduce((s, [, w]) => s + (w as number), 0)) *
            10,
        ) / 10;
      expect(chenRow?.total).toBe(expected);

      // 林晓: c3 (general, nothing due in November) and c1 as B; no target: revenue not judged.
      expect(linRow).toMatchObject({
        customers: 2,
        figures: { revenue: { actualFen: 5_500_000, targetFen: null }, newCustomers: { count: 0 } },
        scores: { revenue: null, newCustomers: 0, visits: 100 },
      });
      expect(view.managers.map((m) => m.rank)).toEqual(
        [...view.managers].sort((a, b) => (b.total ?? -1) - (a.total ?? -1)).map((m) => m.rank),
      );

      // The unit: its four customers, the target its managers', the registration it made.
      const unit = view.units.find((u) => u.unit === '440515');
      expect(unit).toMatchObject({
        customers: 4,
        figures: { revenue: { actualFen: 8_500_000, targetFen: 10_000_000 }, newCustomers: { count: 1 } },
      });

      // Each number opens its records.
      const revenue = await call('scorecards/records', { period: '2026-11', managerId: chen, part: 'revenue' });
      expect(revenue.records.map((r) => [r.customerId, r.amountFen])).toEqual([
        [c1, 5_000_000],
        [c2, 3_000_000],
      ]);
      const visits = await call('scorecards/records', { period: '2026-11', managerId: chen, part: 'visits' });
      expect(visits.records.map((r) => [r.customerId, r.ok])).toEqual([
        [c1, true],
        [c2, false],
      ]);
      const complaints = await call('scorecards/records', {
        period: '2026-11',
        unitCode: '440515',
        part: 'complaints',
      });
      expect(complaints.records.map((r) => [r.customerId, r.ok])).toEqual([
        [c1, true],
        [c2, false],
      ]);
      const fresh = await call('scorecards/records', { period: '2026-11', managerId: chen, part: 'newCustomers' });
      expect(fresh.records.map((r) => r.customerId)).toEqual([c4]);
    } finally {
      b.close();
    }
  });

  it('refuses bad targets and unknown subjects, changing nothing', async () => {
    const { b, call, chen } = await database();
    try {
      expect(
        await appError(call('scorecards/set-target', { managerId: chen, year: 2026, revenueTargetFen: '-5' })),
      ).toMatchObject({ code: 'VALIDATION' });
      expect(
        await appError(call('scorecards/set-target', { managerId: 9999, year: 2026, revenueTargetFen: '1万' })),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(await appError(call('scorecards/records', { period: '2026-11', part: 'revenue' }))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('请给出一位客户经理或一个单位'),
      });
      expect(await appError(call('scorecards/list', { period: '2026-11', unitCode: 'NOPE' }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      const targets = await call('scorecards/targets', { year: 2026 });
      expect(targets.find((t) => t.managerId === chen)?.revenueTargetFen).toBe(120_000_000);
      // An empty target removes it.
      expect(
        (await call('scorecards/set-target', { managerId: chen, year: 2026, revenueTargetFen: '' })).revenueTargetFen,
      ).toBeNull();
    } finally {
      b.close();
    }
  });

  it('kam scorecards prints the JSON and writes the workbook', async () => {
    const { b, db, chen } = await database();
    b.close();
    const json = JSON.parse((await kam(['scorecards', '--period', '2026-11', '--db', db, '--json'])).out);
    expect(Object.keys(json)).toEqual(['period', 'policyVersion', 'weights', 'managers', 'units']);
    expect(json.managers.find((m: { managerId: number }) => m.managerId === chen)).toMatchObject({
      name: '陈文',
      rank: expect.any(Number),
      scores: { revenue: 80 },
    });
    const unitOnly = JSON.parse(
      (await kam(['scorecards', '--period', '2026-11', '--unit', '440515', '--db', db, '--json'])).out,
    );
    expect(unitOnly.units.map((u: { unit: string }) => u.unit)).toEqual(['440515']);
    const out = join(tempDir(), '考核.xlsx');
    const written = await kam(['scorecards', '--period', '2026-11', '--out', out, '--db', db]);
    expect(written.code).toBe(0);
    const book = XLSX.read(readFileSync(out));
    expect(book.SheetNames).toEqual(['客户经理考核', '单位考核']);
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['客户经理考核'] as XLSX.WorkSheet, { header: 1 });
    expect(rows.some((r) => r.includes('陈文'))).toBe(true);
    expect(rows.flat()).toContain('总分');
  });
});
