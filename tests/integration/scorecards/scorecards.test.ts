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
import { gradeCustomers } from '../../support/grade';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-scorecards-');

async function database() {
  const db = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => new Date('2026-12-02T02:00:00Z') });
  const call = b.registry.call.bind(b.registry);
  const units = await call('units/list', {});
  const unitId = units.find((u) => u.code === '440515')?.id as number;
  const customer = async (name: string) => (await call('customers/create', { name, areaCode: '440515', unitId })).id;
  const c1 = await customer('汕头市恒昌玩具厂');
  const c2 = await customer('汕头市宏达电子有限公司');
  const c3 = await customer('汕头市金利来制衣有限公司');
  gradeCustomers(b.db, 2025, [
    [c1, 'gold', 'regional'],
    [c2, 'silver', 'regional'],
    [c3, 'general', 'regional'],
  ]);
  const manager = (name: string) =>
    call('managers/register', {
      name,
      unitId,
      post: 'account_manager',
      employment: 'full_time',
      effectiveOn: '2026-01-01',
    });
  const chen = await manager('陈文');
  const lin = await manager('林晓');
  // A registration approved in November: a new customer, 陈文 its A manager.
  const reg = await call('registrations/add', {
    unitId,
    name: '汕头市新华印刷有限公司',
    areaCode: '440515',
    date: '2026-11-03',
  });
  let decided = await call('registrations/decide', { id: reg.id, approve: true, date: '2026-11-06' });
  while (decided.state !== 'approved')
    decided = await call('registrations/decide', { id: reg.id, approve: true, date: '2026-11-06' });
  const c4 = decided.customerId as string;
  const assign = (customerId: string, role: 'A' | 'B', managerId: number) =>
    call('assignments/set', { customerId, role, managerId, fromOn: '2026-02-01' });
  await assign(c1, 'A', chen.id);
  await assign(c2, 'A', chen.id);
  await assign(c4, 'A', chen.id);
  await assign(c3, 'A', lin.id);
  await assign(c1, 'B', lin.id);
  for (const [id, yuan] of [
    [c1, '50000'],
    [c2, '30000'],
    [c3, '5000'],
  ] as const)
    await call('revenue/set', { customerId: id, period: '2026-11', line: 'express', amount: yuan, confirm: true });
  await call('revenue/set', { customerId: c1, period: '2026-10', line: 'express', amount: '99999', confirm: true });
  await call('scorecards/set-target', { managerId: chen.id, year: 2026, revenueTargetFen: '120万' });
  // R23: c1 (regional gold, 1 a month) visited; c2 (regional silver, 1) not; December's does not count.
  await call('visits/add', { customerId: c1, date: '2026-11-12', kind: 'manager' });
  await call('visits/add', { customerId: c1, date: '2026-11-20', kind: 'manager' });
  await call('visits/add', { customerId: c2, date: '2026-12-01', kind: 'manager' });
  // R22: c1's development logged in November, c2's not.
  const d1 = await call('developments/add', { customerId: c1, line: 'express', date: '2026-10-01' });
  await call('developments/add', { customerId: c2, line: 'letters', date: '2026-11-05' });
  await call('logs/add', {
    customerId: c1,
    developmentId: d1.id,
    date: '2026-11-15',
    method: 'visit',
    content: '回访',
  });
  // R33: c1's closed in time; c2's never closed, late by the month's end.
  const holidays = await call('holidays/show', { year: 2026 });
  await call('holidays/set', { year: 2026, off: holidays.off, work: holidays.work });
  const k1 = await call('complaints/add', {
    customerId: c1,
    receivedAt: '2026-11-02T09:00',
    channel: '电话',
    content: '投递延误',
    loggedAt: '2026-11-02T09:10',
  });
  await call('complaints/event', { id: k1.id, event: 'contact', at: '2026-11-02T10:00' });
  await call('complaints/event', {
    id: k1.id,
    event: 'close',
    at: '2026-11-03T16:00',
    resolution: '已补发',
    satisfaction: 5,
  });
  await call('complaints/add', {
    customerId: c2,
    receivedAt: '2026-11-09T09:00',
    channel: '电话',
    content: '账单错误',
    loggedAt: '2026-11-09T09:10',
  });
  return { b, db, call, c1, c2, c3, c4, chen: chen.id, lin: lin.id };
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
