/**
 * The hub's 时间线 (customers/timeline): merged at read time from what each part stores — the
 * registration, each year's grading in force when the tier changes (R9–R13), R13 approvals, the
 * R5 agreement, figures typed by hand — newest first, with who did it.
 */
import { describe, expect, it } from 'vitest';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';

const open = backendsForTests();

describe('customers/timeline', () => {
  it('merges registration, gradings that changed the tier, approvals, the agreement and typed figures, newest first', async () => {
    const clock = { now: new Date('2026-03-02T02:00:00Z') };
    const b = open({ databasePath: ':memory:', now: () => clock.now });
    fillDemo(b.db, POLICY_V1, { customers: 30, seed: 4 }, clock.now);
    fillDemoRevenue(b.db, { months: 26, endPeriod: '2026-02', seed: 4 }, clock.now.toISOString());
    const run24 = await b.registry.call('tiers/run', { kind: 'annual', year: 2024 });
    clock.now = new Date('2026-03-03T02:00:00Z');
    const run25 = await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
    // A customer graded in both years.
    const id = b.db
      .prepare('SELECT customer_id FROM tier_results WHERE run_id = ? AND qualified = 1 AND tier IS NOT NULL LIMIT 1')
      .pluck()
      .get(run25.id) as string;
    expect(id).toBeTruthy();

    clock.now = new Date('2026-03-04T02:00:00Z');
    await b.registry.call('customers/set-agreement', { id, since: '2026-03-01' });
    clock.now = new Date('2026-03-05T02:00:00Z');
    await b.registry.call('tiers/approve', {
      customerId: id,
      approver: '省局大客户中心',
      documentNo: '粤邮大〔2026〕3号',
      reason: '全省重点项目',
      validFrom: '2026-03-05',
    });
    clock.now = new Date('2026-03-06T02:00:00Z');
    await b.registry.call('revenue/set', { customerId: id, period: '2026-02', line: 'letters', amount: '1234.5' });

    const events = await b.registry.call('customers/timeline', { id });
    const kinds = events.map((e) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['revenue_typed', 'approval']);
    // The agreement is dated from when it was signed (1 March), before the customer was entered.
    expect(kinds.at(-1)).toBe('agreement');
    // At one instant, the registration comes last (it happened first): the demo graded on the day it registered.
    expect(kinds.indexOf('created')).toBeGreaterThan(kinds.indexOf('grading'));
    // Newest first throughout.
    const ats = events.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(events[0]).toMatchObject({
      kind: 'revenue_typed',
      actor: expect.any(String),
      facts: { period: '2026-02', line: 'letters', amount: '1234.5' },
    });
    expect(events[1]?.facts).toMatchObject({ tier: 'diamond', documentNo: '粤邮大〔2026〕3号' });

    // Gradings: the first graded year always, a later one only when its tier differs.
    const tierOf = (runId: number) =>
      b.db.prepare('SELECT tier FROM tier_results WHERE run_id = ? AND customer_id = ?').pluck().get(runId, id);
    const gradings = events.filter((e) => e.kind === 'grading').map((e) => e.facts.year);
    expect(gradings).toEqual(tierOf(run24.id) === tierOf(run25.id) ? [2024] : [2025, 2024]);
  });

  it('adds the registration’s steps, archive revisions and A/B holders from their own tables', async () => {
    const clock = { now: new Date('2026-01-10T04:00:00Z') };
    const b = open({ databasePath: ':memory:', now: () => clock.now });
    const units = await b.registry.call('units/list', {});
    const unit = (code: string) => (units.find((u) => u.code === code) as { id: number }).id;
    const r = await b.registry.call('registrations/add', {
      unitId: unit('440515'),
      name: '汕头市澄海区甄逸乐器有限公司',
      areaCode: '440515',
      reason: '新开发客户',
      date: '2026-01-10',
    });
    let d = await b.registry.call('registrations/decide', { id: r.id, approve: true, date: '2026-01-10' });
    if (d.state === 'review')
      d = await b.registry.call('registrations/decide', { id: r.id, approve: true, date: '2026-01-10' });
    const id = d.customerId as string;
    clock.now = new Date('2026-01-12T04:00:00Z');
    await b.registry.call('archives/update', { customerId: id, basic: { address: '澄海区工业大道 8 号' } });
    const manager = await b.registry.call('managers/register', {
      name: '陈文',
      unitId: unit('440515'),
      post: 'account_manager',
      employment: 'full_time',
      effectiveOn: '2026-01-01',
    });
    await b.registry.call('assignments/set', {
      customerId: id,
      role: 'A',
      managerId: manager.id,
      fromOn: '2026-01-12',
    });
    await b.registry.call('assignments/end', { customerId: id, role: 'A', toOn: '2026-01-20', reason: '调岗' });

    const events = await b.registry.call('customers/timeline', { id });
    const kinds = events.map((e) => e.kind);
    expect(kinds).toContain('registration_step');
    expect(events.filter((e) => e.kind === 'registration_step').map((e) => e.facts.step)).toEqual(
      d.state === 'approved' ? expect.arrayContaining(['submit', 'review']) : [],
    );
    expect(events.find((e) => e.kind === 'archive')?.facts).toMatchObject({ revision: 1, verified: 0, changed: 1 });
    expect(events.find((e) => e.kind === 'manager_assigned')).toMatchObject({
      at: '2026-01-12',
      facts: { role: 'A', manager: '陈文' },
    });
    expect(events.find((e) => e.kind === 'manager_ended')).toMatchObject({
      at: '2026-01-20',
      facts: { role: 'A', manager: '陈文', reason: '调岗' },
    });
    // Newest first: the holder's end (20 Jan) before everything else.
    expect(kinds[0]).toBe('manager_ended');
  });

  it('refuses an unknown customer', async () => {
    const b = open({ databasePath: ':memory:' });
    expect((await appError(b.registry.call('customers/timeline', { id: '44051500999000' }))).code).toBe('NOT_FOUND');
  });
});
