/**
 * The work list reads the archive and role duties set-wise, once for all customers, sharing one
 * reading of the tiers in force between R18 and R20; archives/duties (R18) and assignments/problems
 * (R20) are the one answer for each, and the tier they go by is in-force.ts's for the month. On customers covering every way a tier is held (graded,
 * overridden, approved for part of the year, not graded) and every kind of holder problem (missing,
 * departed, one manager as both A and B), the list says what those channels say, on each date.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { setup } from '../archives/setup';

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

const BASIC = { address: '澄海区工业大道 8 号' };

async function world() {
  const s = await setup(backends, '2025-12-20');
  const c = {
    diamond: await s.customer('汕头市钻石公司'),
    gold: await s.customer('汕头市黄金公司'),
    silver: await s.customer('汕头市白银公司'),
    general: await s.customer('汕头市一般公司'),
    overridden: await s.customer('汕头市调整公司'),
    approved: await s.customer('汕头市批准公司'),
    ungraded: await s.customer('汕头市未分级公司'),
    departed: await s.customer('汕头市离岗公司'),
    both: await s.customer('汕头市同人公司'),
    other: await s.customer('汕头市潮阳公司', '440513', '440513'),
  };
  s.grade(2024, { [c.diamond]: 'diamond', [c.gold]: 'silver', [c.silver]: 'silver', [c.departed]: 'gold' });
  s.grade(2025, {
    [c.diamond]: 'diamond',
    [c.gold]: 'gold',
    [c.silver]: 'silver',
    [c.general]: 'general',
    [c.overridden]: 'general',
    [c.approved]: 'gold',
    [c.departed]: 'gold',
    [c.both]: 'silver',
    [c.other]: 'silver',
  });
  await s.call('tiers/override', { customerId: c.overridden, tier: 'silver', approver: '局长', reason: '调整' });
  await s.call('tiers/approve', {
    customerId: c.approved,
    tier: 'diamond',
    approver: '省中心',
    documentNo: '粤邮〔2026〕1号',
    reason: '省级批准',
    validFrom: '2026-04-01',
    validTo: '2026-09-30',
  });
  const chen = await s.manager('陈经理');
  const lin = await s.manager('林经理');
  const wu = await s.manager('吴经理');
  const zhao = await s.manager('赵经理', '440513');
  const set = (customerId: string, role: 'A' | 'B' | 'responsible', managerId: number, fromOn = '2026-01-05') =>
    s.call('assignments/set', { customerId, role, managerId, fromOn });
  await set(c.diamond, 'A', chen);
  await set(c.diamond, 'B', lin);
  await set(c.gold, 'A', chen);
  await set(c.silver, 'B', lin, '2026-06-01');
  await set(c.departed, 'A', wu);
  await set(c.departed, 'B', lin);
  await set(c.departed, 'responsible', wu);
  await set(c.other, 'A', zhao);
  // One manager as both A and B: the app refuses it, so only an old or imported record holds it.
  s.b.db
    .prepare(
      `INSERT INTO customer_managers (customer_id, manager_id, role, from_on, recorded_at, recorded_by)
       VALUES (?, ?, 'A', '2026-01-05', '', 'test'), (?, ?, 'B', '2026-01-05', '', 'test')`,
    )
    .run(c.both, chen, c.both, chen);
  await s.call('managers/leave', { id: wu, effectiveOn: '2026-07-01', reason: '调离' });
  for (const customerId of [c.diamond, c.silver, c.general]) {
    s.setNow('2026-02-10');
    await s.call('archives/update', { customerId, basic: BASIC });
  }
  s.setNow('2026-08-20');
  await s.call('archives/update', { customerId: c.gold, basic: BASIC });
  return { ...s, c };
}

describe('worklist: the archive and role duties agree with archives/duties and assignments/problems', () => {
  it('R18 and R20 on each date, for every customer, with its unit and its A/B managers', async () => {
    const s = await world();
    for (const date of ['2026-01-02', '2026-02-12', '2026-05-01', '2026-06-28', '2026-07-15', '2026-10-01']) {
      const list = await s.call('worklist/list', { date });
      const duties = await s.call('archives/duties', { date });
      const problems = await s.call('assignments/problems', { date });
      // R18: overdue, or due within the week (DUE_SOON_DAYS).
      const soon = new Date(`${date}T00:00:00Z`);
      soon.setUTCDate(soon.getUTCDate() + 7);
      const dueSoon = soon.toISOString().slice(0, 10);
      const archives = list.items
        .filter((i) => i.kind === 'archive_overdue' || i.kind === 'archive_due')
        .map((i) => [i.customerId, i.kind, i.due, i.customerName]);
      expect(archives.sort()).toEqual(
        duties
          .filter((d) => d.overdue || d.dueOn <= dueSoon)
          .map((d) => [d.customerId, d.overdue ? 'archive_overdue' : 'archive_due', d.dueOn, d.customerName])
          .sort(),
      );
      // R20: the same customers with the same problems, in the same words.
      const roles = list.items
        .filter((i) => i.kind === 'missing_ab')
        .map((i) => [i.customerId, i.notes, i.customerName]);
      expect(roles.sort()).toEqual(problems.map((p) => [p.customerId, p.problems, p.customerName]).sort());
      // Both read the tier in force from tier-spans.ts; it is in-force.ts's tier for the month, the
      // one the customer's page shows (R13: approval, then override, then the run in force).
      s.setNow(date);
      for (const customerId of Object.values(s.c)) {
        const shown = (await s.call('customers/get', { id: customerId })).tier;
        expect([customerId, duties.find((d) => d.customerId === customerId)?.tier ?? null]).toEqual([
          customerId,
          shown,
        ]);
      }
      // Every customer item carries its own unit and the A/B managers holding on the date (the
      // manager filter), departed ones included until their role is ended.
      for (const i of list.items.filter((x) => x.customerId !== undefined)) {
        const customerId = i.customerId as string;
        const held = await s.call('assignments/get', { customerId, date });
        const ab = held.current.filter((h) => h.role !== 'responsible').map((h) => h.managerId);
        expect([...(i.managerIds ?? [])].sort()).toEqual(ab.sort());
        expect(i.unit).toBe(customerId === s.c.other ? '440513' : '440515');
      }
    }
    // The cases above are all there: a departed holder, one manager as A and B, the approval's
    // months (diamond: no 专人 needed) and those after it (gold again: 专人 missing).
    const notes = async (date: string, customerId: string) =>
      (await s.call('worklist/list', { date })).items.find(
        (i) => i.kind === 'missing_ab' && i.customerId === customerId,
      )?.notes ?? [];
    expect((await notes('2026-07-15', s.c.departed)).join('')).toContain('离岗');
    expect((await notes('2026-07-15', s.c.both)).join('')).toContain('不能同时担任A角和B角');
    expect((await notes('2026-05-01', s.c.approved)).join('')).not.toContain('专人');
    expect((await notes('2026-10-01', s.c.approved)).join('')).toContain('专人');
  });
});
