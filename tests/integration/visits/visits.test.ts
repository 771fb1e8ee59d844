/**
 * R23 through the registry and `kam` on a database file: visits planned, held and not held; the
 * month's obligation by scope and tier in force (only held manager visits count, a visit of the
 * next month does not); the work list's visits_short in the month's last seven days; the command
 * line's JSON; a planned visit's result (held: participants and outcome; not held: the reason; once
 * only); completion rates capped per customer and month, by manager, unit and tier, month and
 * year to date, checked by hand; a tier changed mid-month; leader-led visits of the year.
 * DOMAIN-DECISIONS "Visits (R23)".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { appError } from '../../support/app-error';
import { gradeCustomers } from '../../support/grade';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-visits-');
/** R23: a held visit records who took part and the outcome. */
const HELD = { participants: '陈文', outcome: '了解本月寄递需求' };

/** Customers of 澄海分局 graded by the 2025 run (in force in 2026) with the given tier and scope. */
async function database(graded: [string, 'gold' | 'silver' | 'general', 'regional' | 'comprehensive'][]) {
  const db = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => new Date('2026-11-10T02:00:00Z') });
  const units = await b.registry.call('units/list', {});
  const unitId = units.find((u) => u.code === '440515')?.id as number;
  const ids: string[] = [];
  for (const [name] of graded)
    ids.push((await b.registry.call('customers/create', { name, areaCode: '440515', unitId })).id);
  gradeCustomers(
    b.db,
    2025,
    graded.map(([, tier, scope], i) => [ids[i] as string, tier, scope]),
  );
  return { b, db, ids };
}

describe('visits (R23)', () => {
  it('counts held manager visits of the month against the scope × tier figure', async () => {
    const { b, ids } = await database([
      ['汕头市恒昌玩具厂', 'gold', 'regional'],
      ['汕头市宏达电子有限公司', 'gold', 'comprehensive'],
      ['汕头市金利来制衣有限公司', 'silver', 'regional'],
    ]);
    const [regionalGold, comprehensiveGold, regionalSilver] = ids as [string, string, string];
    try {
      const add = (customerId: string, date: string, status: 'planned' | 'held' | 'not_held', more = {}) =>
        b.registry.call('visits/add', {
          customerId,
          date,
          kind: 'manager',
          status,
          managerId: null,
          ...(status === 'held' ? HELD : {}),
          ...more,
        });
      await add(regionalGold, '2026-11-05', 'held', { participants: '陈经理', outcome: '续签快递协议' });
      await add(comprehensiveGold, '2026-11-06', 'held');
      await add(comprehensiveGold, '2026-11-20', 'planned', { purpose: '年度回访' });
      await add(comprehensiveGold, '2026-11-09', 'not_held', { reason: '客户临时出差' });
      // Held is a day that has come (today is 10 November); a plan may look ahead.
      expect(await appError(add(comprehensiveGold, '2026-12-01', 'held'))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('晚于今天'),
      });
      await add(comprehensiveGold, '2026-12-01', 'planned');
      await b.registry.call('visits/add', {
        customerId: regionalSilver,
        date: '2026-11-08',
        kind: 'leader',
        status: 'held',
        managerId: null,
        ...HELD,
      });
      expect(await appError(add(regionalSilver, '2026-11-09', 'not_held'))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('请填写未拜访原因'),
      });

      const obligations = await b.registry.call('visits/obligations', { period: '2026-11' });
      // R23: regional gold 1; comprehensive gold 2 (one held: planned, not held and December's plan do
      // not count); regional silver 1 like every silver (a leader's visit is the yearly duty).
      expect(
        Object.fromEntries(obligations.map((o) => [o.customerId, [o.tier, o.scope, o.required, o.held, o.short]])),
      ).toEqual({
        [regionalGold]: ['gold', 'regional', 1, 1, 0],
        [comprehensiveGold]: ['gold', 'comprehensive', 2, 1, 1],
        [regionalSilver]: ['silver', 'regional', 1, 0, 1],
      });
      expect(
        (await b.registry.call('visits/obligations', { period: '2026-11', shortOnly: true })).map((o) => o.customerId),
      ).toEqual([comprehensiveGold, regionalSilver]);

      // 待办: in the month's last seven days, not before.
      const short = async (date: string) =>
        (await b.registry.call('worklist/list', { date })).items
          .filter((i) => i.kind === 'visits_short')
          .map((i) => [i.customerId, i.due, i.notes]);
      expect(await short('2026-11-22')).toEqual([]);
      expect(await short('2026-11-23')).toEqual([
        [comprehensiveGold, '2026-11-30', ['本月拜访 1/2 次']],
        [regionalSilver, '2026-11-30', ['本月拜访 0/1 次']],
      ]);
      await add(regionalSilver, '2026-11-09', 'held');
      expect((await short('2026-11-25')).map((r) => r[0])).toEqual([comprehensiveGold]);
    } finally {
      await b.close();
    }
  });

  it('kam visits add (held by default), list and obligations', async () => {
    const { b, db, ids } = await database([['汕头市恒昌玩具厂', 'gold', 'comprehensive']]);
    await b.close();
    const [id] = ids as [string];
    const added = await kam([
      'visits',
      'add',
      '--db',
      db,
      '--customer',
      id,
      '--date',
      '2026-11-05',
      '--kind',
      'manager',
      '--participants',
      '陈文',
      '--outcome',
      '续签快递协议',
      '--json',
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({
      customerId: id,
      date: '2026-11-05',
      kind: 'manager',
      status: 'held',
    });
    const refused = await kam([
      'visits',
      'add',
      '--db',
      db,
      '--customer',
      id,
      '--date',
      '2026-11-06',
      '--kind',
      'manager',
      '--status',
      'not_held',
    ]);
    expect(refused.code).not.toBe(0);
    const listed = JSON.parse((await kam(['visits', 'list', '--db', db, '--period', '2026-11', '--json'])).out);
    expect(listed).toHaveLength(1);
    const owed = JSON.parse((await kam(['visits', 'obligations', '--db', db, '--period', '2026-11', '--json'])).out);
    expect(owed).toEqual([expect.objectContaining({ customerId: id, required: 2, held: 1, short: 1 })]);
  });

  it('records a planned visit once: held needs participants and outcome, not held the reason', async () => {
    const { b, ids } = await database([['汕头市恒昌玩具厂', 'gold', 'comprehensive']]);
    const [id] = ids as [string];
    try {
      const plan = (date: string) =>
        b.registry.call('visits/add', {
          customerId: id,
          date,
          kind: 'manager',
          status: 'planned',
          managerId: null,
          purpose: '年度回访',
        });
      const first = await plan('2026-11-08');
      const count = () => b.db.prepare("SELECT count(*) FROM visits WHERE status = 'held'").pluck().get();
      // Held without the outcome: refused, naming the field; nothing written.
      expect(
        await appError(b.registry.call('visits/record', { id: first.id, status: 'held', participants: '陈文' })),
      ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('拜访结果') });
      expect(count()).toBe(0);
      const held = await b.registry.call('visits/record', {
        id: first.id,
        status: 'held',
        participants: '陈文、客户王总',
        outcome: '确认 12 月账单寄递量',
      });
      expect(held).toMatchObject({ status: 'held', date: '2026-11-08', participants: '陈文、客户王总', reason: null });
      // Recorded once: a second result is refused and the first stands.
      expect(
        await appError(b.registry.call('visits/record', { id: first.id, status: 'not_held', reason: '改期' })),
      ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('已登记为已拜访') });
      expect((await b.registry.call('visits/list', { customerId: id })).map((v) => v.status)).toEqual(['held']);

      // Not held needs the reason; a visit planned for a later day is held on the day given.
      const second = await plan('2026-11-20');
      expect(await appError(b.registry.call('visits/record', { id: second.id, status: 'not_held' }))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('未拜访原因'),
      });
      expect(
        await appError(
          b.registry.call('visits/record', {
            id: second.id,
            status: 'held',
            participants: '陈文',
            outcome: '提前拜访',
          }),
        ),
      ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('晚于今天') });
      await b.registry.call('visits/record', {
        id: second.id,
        status: 'held',
        date: '2026-11-09',
        participants: '陈文',
        outcome: '提前拜访',
      });
      const third = await plan('2026-11-10');
      expect(
        await b.registry.call('visits/record', { id: third.id, status: 'not_held', reason: '客户临时出差' }),
      ).toMatchObject({ status: 'not_held', reason: '客户临时出差', outcome: null });
      expect(
        (await b.registry.call('visits/obligations', { period: '2026-11' })).map((o) => [o.required, o.held]),
      ).toEqual([[2, 2]]);
      expect(
        await appError(b.registry.call('visits/record', { id: 999, status: 'not_held', reason: 'x' })),
      ).toMatchObject({ code: 'NOT_FOUND' });

      // The write is audited on the visit with what changed; a refused one leaves the row as it was.
      const audit = await b.registry.call('audit/list', { entity: `visit:${first.id}` });
      const recorded = audit.rows.find((r) => r.channel === 'visits/record');
      expect(recorded?.changes?.map((c) => [c.field, c.before, c.after])).toEqual(
        expect.arrayContaining([
          ['status', 'planned', 'held'],
          ['outcome', null, '确认 12 月账单寄递量'],
        ]),
      );
      const row = () => b.db.prepare('SELECT * FROM visits WHERE id = ?').get(first.id);
      const before = row();
      await appError(b.registry.call('visits/record', { id: first.id, status: 'not_held', reason: '改期' }));
      expect(row()).toEqual(before);

      // The customer's timeline: held and not held, planned not.
      const timeline = await b.registry.call('customers/timeline', { id });
      expect(timeline.filter((e) => e.kind.startsWith('visit')).map((e) => [e.kind, e.at])).toEqual([
        ['visit_not_held', '2026-11-10'],
        ['visit_held', '2026-11-09'],
        ['visit_held', '2026-11-08'],
      ]);
    } finally {
      await b.close();
    }
  });

  it('completion: held capped at each month’s requirement, by manager, unit and tier, month and year to date', async () => {
    const { b, ids } = await database([
      ['汕头市恒昌玩具厂', 'gold', 'comprehensive'],
      ['汕头市宏达电子有限公司', 'silver', 'comprehensive'],
      ['汕头市金利来制衣有限公司', 'general', 'regional'],
    ]);
    const [gold, silver] = ids as [string, string, string];
    try {
      const units = await b.registry.call('units/list', {});
      const unitId = units.find((u) => u.code === '440515')?.id as number;
      const manager = (name: string, phone: string) =>
        b.registry.call('managers/register', {
          name,
          unitId,
          post: 'account_manager',
          employment: 'full_time',
          phone,
          effectiveOn: '2026-01-01',
        });
      const chen = await manager('陈文', '13800138000');
      const li = await manager('李娜', '13800138001');
      const assign = (customerId: string, role: 'A' | 'B', managerId: number) =>
        b.registry.call('assignments/set', { customerId, role, managerId, fromOn: '2026-01-01' });
      await assign(gold, 'A', chen.id);
      await assign(gold, 'B', li.id);
      await assign(silver, 'A', chen.id);
      const held = (customerId: string, date: string, kind: 'manager' | 'leader' = 'manager') =>
        b.registry.call('visits/add', { customerId, date, kind, status: 'held', managerId: null, ...HELD });
      // November: gold visited 3 times (2 due), silver none (1 due). October: gold 1 of 2, silver 2 of 1.
      for (const d of ['2026-11-02', '2026-11-03', '2026-11-04', '2026-10-09']) await held(gold, d);
      for (const d of ['2026-10-12', '2026-10-13']) await held(silver, d);
      await held(silver, '2026-11-05', 'leader');

      const month = await b.registry.call('visits/completion', { period: '2026-11', span: 'month' });
      // Capped: gold 2 (not 3) + silver 0 = 2 of 3 — uncapped 3 of 3 would hide silver's shortfall.
      expect(month.total).toEqual({ required: 3, counted: 2, rate: 2 / 3, customers: 2 });
      const figures = (groups: typeof month.byTier) =>
        groups.map((g) => [g.label, g.counted, g.required, g.customers.map((c) => c.customerId)]);
      expect(figures(month.byTier)).toEqual([
        ['gold', 2, 2, [gold]],
        ['silver', 0, 1, [silver]],
      ]);
      // Both A and B carry the customer: 陈文 (A of both) 2 of 3, 李娜 (B of gold) 2 of 2.
      expect(figures(month.byManager)).toEqual([
        ['陈文', 2, 3, [silver, gold]],
        ['李娜', 2, 2, [gold]],
      ]);
      expect(figures(month.byUnit)).toEqual([['澄海分局', 2, 3, [silver, gold]]]);
      // R15: the run's responsible unit when it resolved one (the city centre for this gold).
      const centre = units.find((u) => u.kind === 'centre');
      b.db.prepare('UPDATE tier_results SET responsible_unit_id = ? WHERE customer_id = ?').run(centre?.id, gold);
      const byUnit = (await b.registry.call('visits/completion', { period: '2026-11', span: 'month' })).byUnit;
      expect(figures(byUnit)).toEqual([
        ['澄海分局', 0, 1, [silver]],
        [centre?.name, 2, 2, [gold]],
      ]);
      // One customer's page reads only it, with its managers.
      expect(
        (await b.registry.call('visits/obligations', { period: '2026-11', customerId: gold })).map((o) => [
          o.customerId,
          o.responsibleUnitName,
          o.managers.map((m) => `${m.role} ${m.name}`),
        ]),
      ).toEqual([[gold, centre?.name, ['A 陈文', 'B 李娜']]]);
      expect(
        (await b.registry.call('visits/leader-check', { year: 2026, customerId: silver })).rows.map((r) => [
          r.customerId,
          r.held,
          r.met,
        ]),
      ).toEqual([[silver, 1, true]]);
      expect(month.byUnit[0]?.customers.find((c) => c.customerId === gold)).toMatchObject({
        required: 2,
        counted: 2,
        held: 3,
      });

      // Year to date, January–November: 11 months × (2 + 1) = 33 required; counted gold 1 + 2,
      // silver 1 (October's second visit is over its one) = 4.
      const ytd = await b.registry.call('visits/completion', { period: '2026-11', span: 'ytd' });
      expect([ytd.from, ytd.to]).toEqual(['2026-01', '2026-11']);
      expect(ytd.total).toEqual({ required: 33, counted: 4, rate: 4 / 33, customers: 2 });
      expect(figures(ytd.byTier)).toEqual([
        ['gold', 3, 22, [gold]],
        ['silver', 1, 11, [silver]],
      ]);
    } finally {
      await b.close();
    }
  });

  it('a tier changed mid-month: the tier in force at the month’s end sets the month’s figure', async () => {
    const { b, ids } = await database([
      ['汕头市恒昌玩具厂', 'silver', 'comprehensive'],
      ['汕头市宏达电子有限公司', 'silver', 'comprehensive'],
    ]);
    const [raised, lapsed] = ids as [string, string];
    try {
      const approve = (customerId: string, validFrom: string, validTo: string | null) =>
        b.registry.call('tiers/approve', {
          customerId,
          tier: 'diamond',
          approver: '省分公司大客户中心',
          documentNo: '粤邮〔2026〕18号',
          reason: '战略客户',
          validFrom,
          validTo,
        });
      // Approved diamond from 15 October: October already counts as diamond (in force on the 31st).
      await approve(raised, '2026-10-15', null);
      // Diamond until 20 October: not in force on the 31st, so October is silver again.
      await approve(lapsed, '2026-09-01', '2026-10-20');
      const of = async (period: string) =>
        Object.fromEntries(
          (await b.registry.call('visits/obligations', { period })).map((o) => [o.customerId, [o.tier, o.required]]),
        );
      expect(await of('2026-09')).toEqual({ [raised]: ['silver', 1], [lapsed]: ['diamond', 2] });
      expect(await of('2026-10')).toEqual({ [raised]: ['diamond', 2], [lapsed]: ['silver', 1] });
      const ytd = await b.registry.call('visits/completion', { period: '2026-10', span: 'ytd' });
      // raised: 9 months silver + October diamond = 11; lapsed: 8 silver + September diamond (2)
      // + October silver = 11.
      expect(ytd.byTier.map((g) => [g.key, g.required])).toEqual([
        ['diamond', 4],
        ['silver', 18],
      ]);
    } finally {
      await b.close();
    }
  });

  it('leader-led visits: at least one a year for every key customer, as of a day', async () => {
    const { b, ids } = await database([
      ['汕头市恒昌玩具厂', 'gold', 'comprehensive'],
      ['汕头市宏达电子有限公司', 'general', 'regional'],
    ]);
    const [gold, general] = ids as [string, string];
    try {
      const leader = (customerId: string, date: string, status: 'planned' | 'held') =>
        b.registry.call('visits/add', {
          customerId,
          date,
          kind: 'leader',
          status,
          managerId: null,
          ...(status === 'held' ? HELD : {}),
        });
      await leader(gold, '2026-03-02', 'held');
      await leader(general, '2026-12-01', 'planned');
      await leader(general, '2025-11-20', 'held');
      const check = await b.registry.call('visits/leader-check', { year: 2026 });
      expect([check.asOf, check.min, check.max]).toEqual(['2026-11-10', 1, 2]);
      expect(check.rows.map((r) => [r.customerId, r.tier, r.held, r.planned, r.lastHeldOn, r.met])).toEqual([
        [general, 'general', 0, 1, null, false],
        [gold, 'gold', 1, 0, '2026-03-02', true],
      ]);
      // As of February the gold one was not yet visited.
      expect(
        (await b.registry.call('visits/leader-check', { year: 2026, asOf: '2026-02-28' })).rows.find(
          (r) => r.customerId === gold,
        )?.met,
      ).toBe(false);
    } finally {
      await b.close();
    }
  });

  it('kam visits record, completion and leaders: the contract’s JSON keys', async () => {
    const { b, db, ids } = await database([['汕头市恒昌玩具厂', 'gold', 'comprehensive']]);
    const [id] = ids as [string];
    const planned = await b.registry.call('visits/add', {
      customerId: id,
      date: '2026-11-05',
      kind: 'manager',
      status: 'planned',
      managerId: null,
    });
    await b.close();
    const args = ['visits', 'record', String(planned.id), '--db', db];
    const neither = await kam([...args, '--participants', '陈文']);
    expect(neither.code).not.toBe(0);
    expect(neither.err).toContain('--held');
    const missing = await kam([...args, '--held', '--participants', '陈文']);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('拜访结果');
    const done = await kam([...args, '--held', '--participants', '陈文', '--outcome', '续签协议', '--json']);
    expect(done.code).toBe(0);
    expect(Object.keys(JSON.parse(done.out)).sort()).toEqual(
      [
        'id',
        'customerId',
        'customerName',
        'date',
        'kind',
        'status',
        'managerId',
        'managerName',
        'purpose',
        'participants',
        'outcome',
        'reason',
        'recordedBy',
      ].sort(),
    );
    expect(JSON.parse(done.out)).toMatchObject({ status: 'held', outcome: '续签协议' });
    const again = await kam([...args, '--not-held', '--reason', '改期']);
    expect(again.code).not.toBe(0);
    expect(again.err).toContain('不能再次登记');

    const completion = JSON.parse(
      (await kam(['visits', 'completion', '--db', db, '--period', '2026-11', '--json'])).out,
    );
    expect(Object.keys(completion).sort()).toEqual(
      ['period', 'span', 'from', 'to', 'total', 'byManager', 'byUnit', 'byTier'].sort(),
    );
    expect(completion.total).toEqual({ required: 2, counted: 1, rate: 0.5, customers: 1 });
    expect(Object.keys(completion.byTier[0]).sort()).toEqual(
      ['key', 'label', 'required', 'counted', 'rate', 'customers'].sort(),
    );
    const ytd = JSON.parse(
      (await kam(['visits', 'completion', '--db', db, '--period', '2026-11', '--ytd', '--json'])).out,
    );
    expect([ytd.span, ytd.total.required]).toEqual(['ytd', 22]);
    const leaders = JSON.parse(
      (await kam(['visits', 'leaders', '--db', db, '--year', '2026', '--as-of', '2026-11-30', '--json'])).out,
    );
    expect(leaders).toMatchObject({ year: 2026, asOf: '2026-11-30', min: 1, max: 2 });
    expect(Object.keys(leaders.rows[0]).sort()).toEqual(
      [
        'customerId',
        'customerName',
        'unit',
        'unitName',
        'tier',
        'held',
        'planned',
        'lastHeldOn',
        'min',
        'max',
        'met',
      ].sort(),
    );
  });
});
