/**
 * 待办 gathers every part's duties (R18 archives, R19 registrations and applications, R19c the
 * ownership clock, R20 roles, R30 late manager changes) and loses each one as it is done: through
 * the registry on a demo database graded for 2025.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import type { WorkItemView } from '../../../shared/api/types';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { backendsForTests } from '../../support/backends';

const open = backendsForTests();
/** Local noon of a date, so the local date is that date in any time zone CI uses. */
const at = (date: string) => new Date(`${date}T12:00:00`);

async function setup() {
  const clock = { now: at('2026-01-05') };
  const b = open({ databasePath: ':memory:', now: () => clock.now });
  fillDemo(b.db, POLICY_V1, { customers: 40, seed: 8 }, clock.now);
  fillDemoRevenue(b.db, { months: 24, endPeriod: '2025-12', seed: 8 }, clock.now.toISOString());
  await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
  const units = await b.registry.call('units/list', {});
  const unit = (code: string) => units.find((u) => u.code === code) as { id: number; code: string };
  return { b, clock, unit };
}

const of = (items: WorkItemView[], kind: string, key: Partial<WorkItemView> = {}) =>
  items.filter((i) => i.kind === kind && Object.entries(key).every(([k, v]) => i[k as keyof WorkItemView] === v));

/** A graded silver-or-above customer of a county unit, and its tier. */
function keyCustomer(b: Backend): { id: string; tier: string; unitId: number; unitCode: string } {
  return b.db
    .prepare(
      `SELECT r.customer_id AS id, r.tier, c.unit_id AS unitId, u.code AS unitCode
       FROM tier_results r JOIN customers c ON c.id = r.customer_id JOIN units u ON u.id = c.unit_id
       WHERE r.tier IN ('silver', 'gold') AND u.kind = 'county' ORDER BY r.customer_id LIMIT 1`,
    )
    .get() as { id: string; tier: string; unitId: number; unitCode: string };
}

describe('worklist: every part’s duties, and each gone once done', () => {
  it('R18 archives and R20 roles: listed for a key customer, settled by an update and by naming A, B (and 专人)', async () => {
    const { b, clock } = await setup();
    const x = keyCustomer(b);
    expect(x).toBeDefined();
    clock.now = at('2026-03-10');
    let list = await b.registry.call('worklist/list', {});
    // Never updated: due at the end of the period the tier began in (1 Jan), so overdue by March.
    expect(of(list.items, 'archive_overdue', { customerId: x.id })).toHaveLength(1);
    const ab = of(list.items, 'missing_ab', { customerId: x.id });
    expect(ab).toHaveLength(1);
    expect(ab[0]?.notes?.join('')).toMatch(/A/);
    expect(ab[0]?.unit).toBe(x.unitCode);

    await b.registry.call('archives/update', { customerId: x.id, basic: { address: '澄海区工业大道 8 号' } });
    const m = [];
    for (const name of ['陈文', '林晓']) {
      m.push(
        await b.registry.call('managers/register', {
          name,
          unitId: x.unitId,
          post: 'account_manager',
          employment: 'full_time',
          effectiveOn: '2026-03-01',
        }),
      );
    }
    const a = m[0] as { id: number };
    const bb = m[1] as { id: number };
    await b.registry.call('assignments/set', { customerId: x.id, role: 'A', managerId: a.id, fromOn: '2026-03-10' });
    await b.registry.call('assignments/set', { customerId: x.id, role: 'B', managerId: bb.id, fromOn: '2026-03-10' });
    if (x.tier === 'gold') {
      await b.registry.call('assignments/set', {
        customerId: x.id,
        role: 'responsible',
        managerId: a.id,
        fromOn: '2026-03-10',
      });
    }
    list = await b.registry.call('worklist/list', {});
    expect(of(list.items, 'archive_overdue', { customerId: x.id })).toEqual([]);
    expect(of(list.items, 'archive_due', { customerId: x.id })).toEqual([]);
    expect(of(list.items, 'missing_ab', { customerId: x.id })).toEqual([]);
    // The manager filter: the customer's A sees its duties once it has some (none left here).
    expect(
      (await b.registry.call('worklist/list', { managerId: a.id })).items.every((i) => i.managerIds?.includes(a.id)),
    ).toBe(true);
  });

  it('R19 and R19c: a registration awaiting a step, a conflict awaiting a ruling, an application, the warning and the lapse', async () => {
    const { b, unit } = await setup();
    const ch = unit('440515');
    const cy = unit('440513');
    const first = await b.registry.call('registrations/add', {
      unitId: ch.id,
      name: '汕头市宏达玩具实业有限公司',
      areaCode: '440515',
      date: '2025-06-02',
    });
    // Approved on 2 June 2025; nothing confirms it: the period (6 months) ends 2 Dec 2025.
    let r = await b.registry.call('registrations/decide', { id: first.id, approve: true, date: '2025-06-02' });
    if (r.state === 'review')
      r = await b.registry.call('registrations/decide', { id: first.id, approve: true, date: '2025-06-02' });
    expect(r.state).toBe('approved');
    const customerId = r.customerId as string;

    const warning = await b.registry.call('worklist/list', { date: '2025-11-10' });
    expect(of(warning.items, 'lapse_warning', { registrationId: first.id })).toMatchObject([
      { unit: '440515', customerId, due: '2025-12-02' },
    ]);
    const lapsed = await b.registry.call('worklist/list', { date: '2025-12-03' });
    expect(of(lapsed.items, 'lapse', { registrationId: first.id })).toHaveLength(1);
    expect(of(lapsed.items, 'lapse_warning', { registrationId: first.id })).toEqual([]);

    // Another unit registers the same company: awaiting pre-review or review, then a ruling.
    const second = await b.registry.call('registrations/add', {
      unitId: cy.id,
      name: '宏达玩具实业（汕头）有限公司',
      areaCode: '440513',
      date: '2025-12-03',
    });
    expect(second.conflicts.length).toBeGreaterThan(0);
    let list = await b.registry.call('worklist/list', { date: '2025-12-03' });
    expect(of(list.items, 'registration_step', { registrationId: second.id })).toHaveLength(
      second.state === 'pre_review' ? 1 : 0,
    );
    if (second.state === 'pre_review') {
      await b.registry.call('registrations/decide', { id: second.id, approve: true, date: '2025-12-03' });
    }
    list = await b.registry.call('worklist/list', { date: '2025-12-03' });
    expect(of(list.items, 'conflict', { registrationId: second.id })).toMatchObject([{ unit: '440513' }]);
    await b.registry.call('registrations/decide', {
      id: second.id,
      approve: false,
      ruling: 'signing_location',
      reason: '合同在澄海签订，归澄海分局',
      date: '2025-12-04',
    });
    list = await b.registry.call('worklist/list', { date: '2025-12-04' });
    expect(list.items.filter((i) => i.registrationId === second.id)).toEqual([]);

    // A marketing application by another unit awaits the owner's opinion, then the centre.
    const app = await b.registry.call('applications/add', {
      customerId,
      unitId: cy.id,
      plan: '代发工资项目',
      startsOn: '2025-12-10',
      untilOn: '2026-06-30',
      expectedRevenueFen: '50000',
      date: '2025-12-04',
    });
    list = await b.registry.call('worklist/list', { date: '2025-12-04' });
    expect(of(list.items, 'application', { customerId })).toMatchObject([{ applicationId: app.id, unit: '440513' }]);
    // The centre releases the lapsed registration: its lapse leaves the list.
    await b.registry.call('registrations/release', { id: first.id, reason: '半年无协议无收入', date: '2025-12-05' });
    list = await b.registry.call('worklist/list', { date: '2025-12-05' });
    expect(of(list.items, 'lapse', { registrationId: first.id })).toEqual([]);
  });

  it('R30: a manager change recorded after its due day is listed for that month and the next', async () => {
    const { b, clock, unit } = await setup();
    clock.now = at('2026-03-10');
    const m = await b.registry.call('managers/register', {
      name: '郑敏',
      unitId: unit('440515').id,
      post: 'account_manager',
      employment: 'full_time',
      effectiveOn: '2026-02-10', // due 25 Feb, recorded 10 Mar: late
    });
    const items = of((await b.registry.call('worklist/list', {})).items, 'manager_change_late');
    expect(items).toMatchObject([{ unit: '440515', due: '2026-02-25', managerIds: [m.id] }]);
    expect(items[0]?.notes?.[0]).toContain('郑敏');
    // Two months on, it is history, not a duty.
    expect(of((await b.registry.call('worklist/list', { date: '2026-05-10' })).items, 'manager_change_late')).toEqual(
      [],
    );
  });
});
