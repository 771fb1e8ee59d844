/**
 * The decisions beside the computed figures: R5 agreements, the centre's manual key-customer
 * decisions (R5–R8), and R13 province approvals and local overrides beside the computed tier.
 */
import { describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api/contract';
import { dumpTables } from '../../support/db-dump';
import { BUREAU, C1, NOW, workedCheckDb } from './fixture';

describe('R5 agreements', () => {
  it('a customer with no revenue qualifies by an agreement signed before the window end, not after', async () => {
    const f = await workedCheckDb(BUREAU.B);
    const d = await f.customer('澄海区新达陶瓷有限公司', '440515', '440515');
    const set = await f.call('customers/set-agreement', { id: d, since: '2025-06-01' });
    expect(set.agreementSince).toBe('2025-06-01');
    let run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)).toMatchObject({
      qualified: true,
      clauses: ['R5'],
      annualRevenue: 0,
      revenueScore: 0,
      shareScore: 0,
      total: 0,
      tier: 'general',
      scope: 'regional',
      responsibleUnit: '澄海分局',
    });
    expect(run.qualified).toBe(4);
    const steps = (await f.call('tiers/explain', { runId: run.id, customerId: d })).steps;
    expect(steps[0]).toMatchObject({ rule: 'R5', key: 'agreement', text: expect.stringContaining('协议') });

    // Signed on the last day of the window still counts.
    await f.call('customers/set-agreement', { id: d, since: '2025-12-31' });
    run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)?.clauses).toEqual(['R5']);

    // Signed after the window: not a key customer in 2025.
    await f.call('customers/set-agreement', { id: d, since: '2026-01-15' });
    run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)).toMatchObject({ qualified: false, clauses: [], tier: null });
    const text = (await f.call('tiers/explain', { runId: run.id, customerId: d })).steps.map((s) => s.text).join('\n');
    expect(text).toContain('R5');

    // Cleared.
    expect((await f.call('customers/set-agreement', { id: d, since: null })).agreementSince).toBeNull();
    expect((await f.fail(f.call('customers/set-agreement', { id: d, since: '2025-02-30' }))).code).toBe('VALIDATION');
    expect((await f.fail(f.call('customers/set-agreement', { id: '44051599999000', since: '2025-01-01' }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('manual key-customer decisions (R5–R8)', () => {
  it('a customer without last year’s figures qualifies by the centre’s decision with a reason, once decided', async () => {
    const f = await workedCheckDb(BUREAU.B);
    const d = await f.customer('汕头市新设物流有限公司', '440515', '440515');
    const decision = await f.call('customers/set-qualification', {
      id: d,
      decision: {
        qualified: true,
        reason: '新签约的重点项目，预计年收入超过 50 万元',
        approver: '王总监',
        decidedOn: '2025-09-01',
      },
    });
    expect(decision).toMatchObject({ customerId: d, qualified: true, approver: '王总监' });
    let run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)).toMatchObject({ qualified: true, clauses: ['manual'], tier: 'general' });
    const text = (await f.call('tiers/explain', { runId: run.id, customerId: d })).steps.map((s) => s.text).join('\n');
    expect(text).toContain('中心人工认定：新签约的重点项目');

    // Decided after the window: not a key customer of 2025.
    await f.call('customers/set-qualification', {
      id: d,
      decision: { qualified: true, reason: '补充认定', approver: '王总监', decidedOn: '2026-02-01' },
    });
    run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(run.id)).get(d)).toMatchObject({ qualified: false, tier: null });

    // Cleared; a decision without a reason is refused.
    expect(await f.call('customers/set-qualification', { id: d, decision: null })).toBeNull();
    const refused = await f.fail(
      f.call('customers/set-qualification', {
        id: d,
        decision: { qualified: true, reason: '', approver: '王总监', decidedOn: '2025-09-01' },
      }),
    );
    expect(refused.code).toBe('VALIDATION');
  });
});

describe('R13 approvals and overrides, beside the computed tier', () => {
  const approval = (over: Partial<ApiInput<'tiers/approve'>> = {}): ApiInput<'tiers/approve'> => ({
    customerId: C1,
    tier: 'diamond',
    approver: '省局大客户中心 李明',
    documentNo: '粤邮大客〔2025〕18号',
    reason: '全省重点战略客户',
    validFrom: '2025-10-01',
    validTo: '2026-09-30',
    ...over,
  });

  it('a valid province approval shows as the effective tier; the computed tier stays', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const resultsBefore = f.db.prepare('SELECT * FROM tier_results ORDER BY run_id, customer_id').all();

    const a = await f.call('tiers/approve', approval());
    expect(a).toMatchObject({
      customerId: C1,
      tier: 'diamond',
      documentNo: '粤邮大客〔2025〕18号',
      validFrom: '2025-10-01',
      validTo: '2026-09-30',
      createdAt: NOW.toISOString(),
      revokedAt: null,
    });
    let row = (await f.results(run.id)).get(C1);
    expect(row).toMatchObject({ tier: 'gold', total: 78, effectiveTier: 'diamond', effectiveSource: 'approval' });
    const explain = await f.call('tiers/explain', { runId: run.id, customerId: C1 });
    expect(explain.approval).toEqual(a);
    expect(explain.row.effectiveTier).toBe('diamond');
    // Never instead of the computed tier: the stored results are untouched.
    expect(f.db.prepare('SELECT * FROM tier_results ORDER BY run_id, customer_id').all()).toEqual(resultsBefore);
    // The summary counts computed tiers.
    expect((await f.call('tiers/summary', { runId: run.id })).counts.gold.comprehensive).toBe(1);

    // A local override shows beside too, but the province's approval wins.
    const o = await f.call('tiers/override', {
      customerId: C1,
      tier: 'silver',
      approver: '市局 王芳',
      reason: '年中流失主要业务',
    });
    expect(o).toMatchObject({ customerId: C1, tier: 'silver', approver: '市局 王芳', revokedAt: null });
    row = (await f.results(run.id)).get(C1);
    expect(row).toMatchObject({ tier: 'gold', effectiveTier: 'diamond', effectiveSource: 'approval' });

    // Revoke the approval → the override shows; revoke the override → the computed tier.
    expect(await f.call('tiers/revoke', { kind: 'approval', id: a.id })).toEqual({ ok: true });
    row = (await f.results(run.id)).get(C1);
    expect(row).toMatchObject({ tier: 'gold', effectiveTier: 'silver', effectiveSource: 'override' });
    const explained = await f.call('tiers/explain', { runId: run.id, customerId: C1 });
    expect(explained.approval).toBeNull();
    expect(explained.override).toEqual(o);
    await f.call('tiers/revoke', { kind: 'override', id: o.id });
    row = (await f.results(run.id)).get(C1);
    expect(row).toMatchObject({ tier: 'gold', effectiveTier: 'gold', effectiveSource: 'computed' });
    expect((await f.call('tiers/explain', { runId: run.id, customerId: C1 })).override).toBeNull();
    // Revoking twice, or an unknown record, is NOT_FOUND.
    expect((await f.fail(f.call('tiers/revoke', { kind: 'override', id: o.id }))).code).toBe('NOT_FOUND');
    expect((await f.fail(f.call('tiers/revoke', { kind: 'approval', id: 999 }))).code).toBe('NOT_FOUND');
    expect(f.db.prepare('SELECT revoked_at FROM tier_approvals WHERE id = ?').get(a.id)).toEqual({
      revoked_at: NOW.toISOString(),
    });
  });

  it('an approval not valid at the window end is ignored (expired before, or starting after)', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    await f.call('tiers/approve', approval({ validFrom: '2025-01-01', validTo: '2025-06-30' }));
    await f.call('tiers/approve', approval({ validFrom: '2026-01-01', validTo: null }));
    expect((await f.results(run.id)).get(C1)).toMatchObject({
      tier: 'gold',
      effectiveTier: 'gold',
      effectiveSource: 'computed',
    });
    expect((await f.call('tiers/explain', { runId: run.id, customerId: C1 })).approval).toBeNull();
    // Valid through the last day of the window, open-ended: counts.
    await f.call('tiers/approve', approval({ validFrom: '2025-12-31', validTo: null }));
    expect((await f.results(run.id)).get(C1)).toMatchObject({ effectiveTier: 'diamond', effectiveSource: 'approval' });
  });

  it('an approval ending before it starts, or without approver/document, is VALIDATION; nothing written', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const before = dumpTables(f.db);
    const error = await f.fail(f.call('tiers/approve', approval({ validFrom: '2025-10-01', validTo: '2025-09-30' })));
    expect(error.code).toBe('VALIDATION');
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['validTo']);
    expect((await f.fail(f.call('tiers/approve', approval({ documentNo: '  ' })))).code).toBe('VALIDATION');
    expect(
      (await f.fail(f.call('tiers/override', { customerId: C1, tier: 'gold', approver: '', reason: '理由' }))).code,
    ).toBe('VALIDATION');
    expect(
      (await f.fail(f.call('tiers/override', { customerId: C1, tier: 'gold', approver: '王芳', reason: '' }))).code,
    ).toBe('VALIDATION');
    expect((await f.fail(f.call('tiers/approve', approval({ customerId: '44051599999000' })))).code).toBe('NOT_FOUND');
    expect(dumpTables(f.db)).toEqual(before);
  });
});
