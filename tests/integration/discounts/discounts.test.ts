/**
 * R29 through the registry and `kam` on a database file: the approval chain a request gets from the
 * policy's conditions (shallow and deep discounts, tier, monthly revenue, no volume given), every
 * step a recorded decision in order (none passes by itself), a rejection ending the request and
 * needing its comment, refused requests leaving the database as it was, the work list's
 * discount_pending and discount_expiring with their dates, the customer's timeline, and the command
 * line's JSON keys. DOMAIN-DECISIONS "Discounts (R29)".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import type { DiscountView } from '../../../shared/api/types-discounts';
import { appError } from '../../support/app-error';
import { dumpTables } from '../../support/db-dump';
import { gradeCustomers } from '../../support/grade';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-discounts-');
const NOW = new Date('2026-12-05T04:00:00Z');

/** Three customers of 澄海分局: one not graded, one silver and one diamond by the 2025 run (in force in 2026). */
async function database() {
  const db = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => NOW });
  const units = await b.registry.call('units/list', {});
  const unitId = units.find((u) => u.code === '440515')?.id as number;
  const create = async (name: string) =>
    (await b.registry.call('customers/create', { name, areaCode: '440515', unitId })).id;
  const plain = await create('汕头市恒昌玩具厂');
  const silver = await create('汕头市宏达电子有限公司');
  const diamond = await create('汕头市金利来制衣有限公司');
  gradeCustomers(b.db, 2025, [
    [silver, 'silver', 'regional'],
    [diamond, 'diamond', 'regional'],
  ]);
  return { b, db, plain, silver, diamond };
}

type Backend = Awaited<ReturnType<typeof database>>['b'];

const request = (
  b: Backend,
  customerId: string,
  more: Partial<{
    line: 'express' | 'letters' | 'parcels';
    standardRate: string;
    proposedRate: string;
    monthlyVolume: number | null;
    validFrom: string;
    validTo: string;
  }> = {},
) =>
  b.registry.call('discounts/add', {
    customerId,
    line: 'express',
    rateUnit: '件',
    standardRate: '20.00',
    proposedRate: '19.00',
    monthlyVolume: 100,
    reason: '年度协议客户，批量寄递',
    validFrom: '2027-01-01',
    validTo: '2027-06-30',
    ...more,
  });

const roles = (d: DiscountView) => d.steps.map((s) => s.role);

describe('the approval chain follows the policy’s conditions (R29)', () => {
  it('by depth, tier and monthly revenue, fixed with the policy version', async () => {
    const { b, plain, silver, diamond } = await database();
    try {
      // Shallow (5%), small volume, a non-key customer: the unit's head only — still a step.
      const shallow = await request(b, plain);
      expect([shallow.status, shallow.tier, shallow.depthBp, roles(shallow)]).toEqual([
        'pending',
        null,
        500,
        ['unit_head'],
      ]);
      expect([shallow.standardRate, shallow.proposedRate, shallow.monthlyRevenue, shallow.policyVersion]).toEqual([
        2000, 1900, 190_000, 1,
      ]);
      expect(shallow.currentStep).toBe(0);
      // Deep (25%): the centre and the bureau leader too.
      const deep = await request(b, silver, { proposedRate: '15.00' });
      expect([deep.tier, roles(deep)]).toEqual(['silver', ['unit_head', 'city_centre', 'bureau_leader']]);
      expect(deep.steps[2]?.reasons.map((r) => r.zh)).toEqual(['优惠幅度 25% ≥ 20%']);
      // A diamond (the tier in force), shallow: the centre and the province.
      const byTier = await request(b, diamond);
      expect([byTier.tier, roles(byTier)]).toEqual(['diamond', ['unit_head', 'city_centre', 'province']]);
      // ¥19.00 × 3,000 = ¥57,000 a month: the centre and the leader by volume.
      const byVolume = await request(b, plain, { line: 'parcels', monthlyVolume: 3000 });
      expect(roles(byVolume)).toEqual(['unit_head', 'city_centre', 'bureau_leader']);
      // No volume given: the revenue conditions count as met, never spared.
      const noVolume = await request(b, plain, { line: 'letters', monthlyVolume: null });
      expect(roles(noVolume)).toEqual(['unit_head', 'city_centre', 'bureau_leader']);
      expect(noVolume.monthlyRevenue).toBeNull();

      // The list by status, customer and unit.
      expect((await b.registry.call('discounts/list', { customerId: plain })).map((d) => d.id).sort()).toEqual(
        [shallow.id, byVolume.id, noVolume.id].sort(),
      );
      expect(await b.registry.call('discounts/list', { status: 'approved' })).toEqual([]);
      expect(await b.registry.call('discounts/list', { unitCode: '440513' })).toEqual([]);
      expect(await b.registry.call('discounts/list', { unitCode: '440515' })).toHaveLength(5);
    } finally {
      await b.close();
    }
  });

  it('every step is a recorded decision in order; the last approval approves, a rejection ends', async () => {
    const { b, silver } = await database();
    try {
      const d = await request(b, silver, { proposedRate: '15.00' });
      const decide = (decision: 'approve' | 'reject', more = {}) =>
        b.registry.call('discounts/decide', { id: d.id, decision, ...more });
      // No auto-pass: two approvals leave it pending at the third step.
      const one = await decide('approve', { approver: '陈主任' });
      const two = await decide('approve', { step: 1 });
      expect([two.status, two.currentStep, two.closedAt]).toEqual(['pending', 2, null]);
      expect(one.steps[0]?.decision).toMatchObject({ decision: 'approve', approver: '陈主任', comment: null });
      // The step shown must be the one waiting.
      expect(await appError(decide('approve', { step: 1 }))).toMatchObject({ code: 'CONFLICT' });
      const approved = await decide('approve', { step: 2, comment: '同意，请按季度复核' });
      expect([approved.status, approved.currentStep, approved.closedAt]).toEqual(['approved', null, NOW.toISOString()]);
      expect(approved.steps.map((s) => s.decision?.decision)).toEqual(['approve', 'approve', 'approve']);
      expect(await appError(decide('approve'))).toMatchObject({ code: 'CONFLICT' });

      // A rejection needs its comment (named on the field) and ends the request at its step.
      const other = await request(b, silver, { line: 'letters', proposedRate: '15.00' });
      const noComment = await appError(b.registry.call('discounts/decide', { id: other.id, decision: 'reject' }));
      expect(noComment).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('驳回须填写审批意见') });
      await b.registry.call('discounts/decide', { id: other.id, decision: 'approve' });
      const rejected = await b.registry.call('discounts/decide', {
        id: other.id,
        decision: 'reject',
        comment: '幅度过大，请重新测算',
      });
      expect([rejected.status, rejected.currentStep]).toEqual(['rejected', null]);
      expect(rejected.steps.map((s) => s.decision?.decision ?? null)).toEqual(['approve', 'reject', null]);
      expect(await appError(b.registry.call('discounts/decide', { id: other.id, decision: 'approve' }))).toMatchObject({
        code: 'CONFLICT',
      });
      // The decisions are append-only.
      expect(() => b.db.prepare('DELETE FROM discount_decisions').run()).toThrow(/append-only/);

      // Withdrawn with its reason.
      const third = await request(b, silver, { line: 'parcels' });
      const withdrawn = await b.registry.call('discounts/withdraw', { id: third.id, reason: '客户改用其他方案' });
      expect([withdrawn.status, withdrawn.withdrawReason]).toEqual(['withdrawn', '客户改用其他方案']);

      // The timeline: requested, each step decided, approved (a view over the two tables).
      const timeline = (await b.registry.call('customers/timeline', { id: silver }))
        .filter((e) => e.kind.startsWith('discount') && e.facts.id === d.id)
        .map((e) => [e.kind, e.facts.step ?? null, e.facts.decision ?? null]);
      expect(timeline).toEqual([
        // Newest first; at one instant the later event first.
        ['discount_approved', null, null],
        ['discount_decided', 3, 'approve'],
        ['discount_decided', 2, 'approve'],
        ['discount_decided', 1, 'approve'],
        ['discount_requested', null, null],
      ]);
      const kinds = (await b.registry.call('customers/timeline', { id: silver })).map((e) => e.kind);
      expect(kinds).toContain('discount_withdrawn');
      // The audit log names each request.
      const audit = await b.registry.call('audit/list', { entity: `discount:${d.id}` });
      expect(JSON.stringify(audit)).toContain('discounts/decide');
      // …and the customer's 变更记录 lists them: three requests, five decisions, one withdrawal.
      const own = await b.registry.call('audit/list', { customer: silver });
      expect(own.rows.filter((r) => r.channel.startsWith('discounts/')).length).toBe(9);
    } finally {
      await b.close();
    }
  });

  it('refuses what cannot be, leaving the database as it was', async () => {
    const { b, plain } = await database();
    try {
      await request(b, plain);
      const before = dumpTables(b.db);
      const refused = async (p: Promise<unknown>, code: string, text: string) =>
        expect(await appError(p)).toMatchObject({ code, message: expect.stringContaining(text) });
      await refused(request(b, plain, { proposedRate: '20.00' }), 'VALIDATION', '优惠资费应低于标准资费');
      await refused(request(b, plain, { proposedRate: '0' }), 'VALIDATION', '优惠资费须大于 0');
      await refused(request(b, plain, { validTo: '2026-12-31', validFrom: '2027-01-01' }), 'VALIDATION', '有效期止');
      await refused(request(b, plain, { validFrom: '2026-11-01', validTo: '2026-11-30' }), 'VALIDATION', '已过');
      await refused(request(b, plain, { validTo: '2028-01-01' }), 'VALIDATION', '有效期最长 12 个月');
      // The same customer and line with overlapping dates: one discount at a time.
      await refused(
        request(b, plain, { validFrom: '2027-06-01', validTo: '2027-09-30' }),
        'CONFLICT',
        '有效期不能重叠',
      );
      await refused(request(b, '44051500099000'), 'NOT_FOUND', '找不到客户');
      expect(dumpTables(b.db)).toEqual(before);

      // A decision whose second statement fails (the request's status cannot be written) takes its
      // first (the decision row) back with it: the use case is one transaction.
      const [first] = await b.registry.call('discounts/list', { customerId: plain });
      b.db.exec(
        "CREATE TEMP TRIGGER refuse_status BEFORE UPDATE ON discount_requests BEGIN SELECT RAISE(ABORT, 'disk says no'); END",
      );
      await expect(b.registry.call('discounts/decide', { id: first?.id ?? 0, decision: 'approve' })).rejects.toThrow();
      b.db.exec('DROP TRIGGER temp.refuse_status');
      expect(dumpTables(b.db)).toEqual(before);
      // After the first ends, the next may start (a renewal).
      expect((await request(b, plain, { validFrom: '2027-07-01', validTo: '2027-12-31' })).status).toBe('pending');
    } finally {
      await b.close();
    }
  });
});

describe('the work list (R29)', () => {
  it('lists a request waiting for a step and an approved discount ending soon, with their dates', async () => {
    const { b, plain, silver } = await database();
    try {
      const duties = async (date: string) =>
        (await b.registry.call('worklist/list', { date })).items
          .filter((i) => i.kind.startsWith('discount'))
          .map((i) => [i.kind, i.unit, i.customerId, i.due, i.notes?.[0]]);
      const pending = await request(b, plain, { validFrom: '2026-12-05', validTo: '2026-12-31' });
      // Requested on Dec 5: the unit's head has the policy's 5 days.
      expect(await duties('2026-12-05')).toEqual([
        ['discount_pending', '440515', plain, '2026-12-10', `资费优惠 #${pending.id}（特快）待单位负责人审批`],
      ]);
      await b.registry.call('discounts/decide', { id: pending.id, decision: 'approve' });
      // Approved to Dec 31: within 30 days of Dec 5, due its last day; gone after it ends.
      expect(await duties('2026-12-05')).toEqual([
        ['discount_expiring', '440515', plain, '2026-12-31', `资费优惠 #${pending.id}（特快）2026-12-31 到期`],
      ]);
      expect(await duties('2027-01-01')).toEqual([]);
      // A renewal requested meanwhile takes it off (and is itself waiting).
      const renewal = await request(b, plain, { validFrom: '2027-01-01', validTo: '2027-03-31' });
      expect((await duties('2026-12-05')).map((d) => [d[0], d[3]])).toEqual([['discount_pending', '2026-12-10']]);
      expect(renewal.status).toBe('pending');

      // The next step's days count from the last decision.
      const deep = await request(b, silver, { proposedRate: '15.00' });
      await b.registry.call('discounts/decide', { id: deep.id, decision: 'approve' });
      const counts = await b.registry.call('worklist/counts', { date: '2026-12-05' });
      expect(counts.counts.discount_pending).toBe(2);
      const item = (await b.registry.call('worklist/list', { date: '2026-12-05' })).items.find(
        (i) => i.customerId === silver && i.kind === 'discount_pending',
      );
      expect([item?.kind, item?.due, item?.notes]).toEqual([
        'discount_pending',
        '2026-12-10',
        [`资费优惠 #${deep.id}（特快）待市局大客户中心审批`],
      ]);
    } finally {
      await b.close();
    }
  });
});

describe('kam discounts', () => {
  it('requests, decides and lists with the contract’s JSON keys', async () => {
    const { b, db, silver } = await database();
    await b.close();
    const added = await kam([
      'discounts',
      'add',
      '--db',
      db,
      '--customer',
      silver,
      '--line',
      '特快',
      '--standard',
      '20',
      '--proposed',
      '17.50',
      '--volume',
      '200',
      '--reason',
      '电商客户，月均寄递稳定',
      '--from',
      '2027-01-01',
      '--to',
      '2027-12-31',
      '--json',
    ]);
    expect(added.code).toBe(0);
    const d = JSON.parse(added.out) as DiscountView;
    expect(d).toMatchObject({
      customerId: silver,
      line: 'express',
      rateUnit: '件',
      standardRate: 2000,
      proposedRate: 1750,
      depthBp: 1250,
      monthlyVolume: 200,
      monthlyRevenue: 350_000,
      status: 'pending',
      currentStep: 0,
      tier: 'silver',
    });
    expect(Object.keys(d).sort()).toEqual(
      [
        'id',
        'customerId',
        'customerName',
        'unit',
        'unitName',
        'tier',
        'line',
        'rateUnit',
        'standardRate',
        'proposedRate',
        'depthBp',
        'monthlyVolume',
        'monthlyRevenue',
        'reason',
        'validFrom',
        'validTo',
        'status',
        'policyVersion',
        'steps',
        'currentStep',
        'requestedOn',
        'requestedAt',
        'requestedBy',
        'closedAt',
        'withdrawReason',
      ].sort(),
    );
    expect(d.steps.map((s) => s.label.zh)).toEqual(['单位负责人', '市局大客户中心']);

    const neither = await kam(['discounts', 'decide', String(d.id), '--db', db]);
    expect(neither.code).not.toBe(0);
    const noComment = await kam(['discounts', 'decide', String(d.id), '--reject', '--db', db]);
    expect([noComment.code !== 0, noComment.err]).toEqual([true, expect.stringContaining('驳回须填写审批意见')]);
    const first = await kam(['discounts', 'decide', String(d.id), '--approve', '--by', '陈主任', '--db', db, '--json']);
    expect(JSON.parse(first.out)).toMatchObject({ status: 'pending', currentStep: 1 });
    const second = await kam(['discounts', 'decide', String(d.id), '--approve', '--db', db, '--json']);
    expect(JSON.parse(second.out)).toMatchObject({ status: 'approved', currentStep: null });

    const listed = JSON.parse(
      (await kam(['discounts', 'list', '--customer', silver, '--status', 'approved', '--db', db, '--json'])).out,
    ) as DiscountView[];
    expect(listed.map((x) => [x.id, x.status, x.steps.map((s) => s.decision?.approver ?? null)])).toEqual([
      [d.id, 'approved', ['陈主任', null]],
    ]);
    const text = await kam(['discounts', 'list', '--db', db]);
    expect(text.out).toContain('单位负责人✓ → 市局大客户中心✓');
  });
});
