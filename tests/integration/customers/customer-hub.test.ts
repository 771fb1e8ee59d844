/**
 * The customer is the hub: customers/list and customers/get show the tier in force this month
 * (R9–R13: the latest annual run of an earlier year, R13 approvals and overrides first), the run's
 * scope (R14), the responsible unit (R15) and its managers, through the registry.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import type { RevenueLine } from '../../../shared/domain/lines';

// November 2026: the tiers in force come from the annual run of 2025.
const NOW = new Date('2026-11-10T02:00:00Z');

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

async function setup() {
  const b = openBackend({ databasePath: ':memory:', now: () => NOW });
  backends.push(b);
  const call = b.registry.call.bind(b.registry) as Backend['registry']['call'];
  const units = await call('units/list', { includeRetired: true });
  const unit = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u;
  };
  // DOMAIN.md worked check: ¥1.45M at 0.9‰ → 78 → gold, comprehensive, 市局大客户中心 (R15).
  const gold = await call('customers/create', {
    name: '汕头市宏达电子有限公司',
    areaCode: '440507',
    unitId: unit('440500').id,
  });
  const small = await call('customers/create', {
    name: '澄海区恒信玩具有限公司',
    areaCode: '440515',
    unitId: unit('440515').id,
  });
  for (let m = 1; m <= 12; m++) {
    const period = `2025-${String(m).padStart(2, '0')}`;
    const each = m < 12 ? 60_000 : 65_000;
    for (const line of ['bills', 'express'] as RevenueLine[]) {
      await call('revenue/set', { customerId: gold.id, period, line, amount: each });
    }
  }
  await call('revenue/bureau-set', { year: 2025, amount: 1_611_111_111 });
  const manager = await call('managers/register', {
    name: '林晓华',
    unitId: unit('440500').id,
    post: 'account_manager',
    employment: 'full_time',
    effectiveOn: '2026-11-01',
  });
  // The centre's director is in post at the same unit but serves no customer (R4): never listed.
  await call('managers/register', {
    name: '郑国栋',
    unitId: unit('440500').id,
    post: 'director',
    employment: 'full_time',
    effectiveOn: '2026-11-01',
  });
  const listed = async (id: string) => {
    const page = await call('customers/list', { search: '', unitId: null, offset: 0, limit: 100 });
    const row = page.rows.find((r) => r.id === id);
    if (!row) throw new Error(`${id} not listed`);
    return row;
  };
  return { b, call, unit, gold, small, manager, listed };
}

describe('the customer as the hub (R9–R15)', () => {
  it('with no run yet, list and page both say 未分级 (tier, scope and basis null)', async () => {
    const f = await setup();
    const none = {
      tier: null,
      computedTier: null,
      tierSource: null,
      scope: null,
      score: null,
      tierBasis: null,
      responsibleUnit: null,
    };
    expect(await f.listed(f.gold.id)).toMatchObject(none);
    expect(await f.call('customers/get', { id: f.gold.id })).toMatchObject(none);
    // Without an R15 unit, the managers of the customer's own unit look after it.
    expect((await f.listed(f.gold.id)).managers).toEqual([
      { id: f.manager.id, name: '林晓华', post: 'account_manager' },
    ]);
  });

  it("a customer graded gold in last year's annual run shows gold, its scope and the run in list and page", async () => {
    const f = await setup();
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const standing = {
      tier: 'gold',
      computedTier: 'gold',
      tierSource: 'computed',
      scope: 'comprehensive',
      // DOMAIN.md worked check: 90×0.6 + 60×0.4 = 78.
      score: 78,
      tierBasis: { runId: run.id, year: 2025, policyVersion: 1 },
      responsibleUnit: { id: f.unit('440500').id, name: f.unit('440500').name },
      managers: [{ id: f.manager.id, name: '林晓华', post: 'account_manager' }],
    };
    expect(await f.listed(f.gold.id)).toMatchObject(standing);
    expect(await f.call('customers/get', { id: f.gold.id })).toMatchObject(standing);
    // Graded but not a key customer: a run exists, no tier.
    const small = await f.listed(f.small.id);
    expect(small).toMatchObject({ tier: null, tierBasis: { runId: run.id } });
    expect(await f.call('customers/get', { id: f.small.id })).toMatchObject({
      tier: null,
      tierBasis: { runId: run.id },
    });
  });

  it('an R13 override changes what list and page show, beside the computed tier; an approval wins over it', async () => {
    const f = await setup();
    await f.call('tiers/run', { kind: 'annual', year: 2025 });
    await f.call('tiers/override', { customerId: f.gold.id, tier: 'silver', approver: '王主任', reason: '合同到期' });
    const overridden = { tier: 'silver', computedTier: 'gold', tierSource: 'override', scope: 'comprehensive' };
    expect(await f.listed(f.gold.id)).toMatchObject(overridden);
    expect(await f.call('customers/get', { id: f.gold.id })).toMatchObject(overridden);

    await f.call('tiers/approve', {
      customerId: f.gold.id,
      approver: '省分公司大客户中心',
      documentNo: '粤邮大〔2026〕12号',
      reason: '战略客户',
      validFrom: '2026-01-01',
    });
    const approved = { tier: 'diamond', computedTier: 'gold', tierSource: 'approval' };
    expect(await f.listed(f.gold.id)).toMatchObject(approved);
    expect(await f.call('customers/get', { id: f.gold.id })).toMatchObject(approved);
  });

  it('the list filters by the tier in force (R13 included); none is every other customer', async () => {
    const f = await setup();
    const ids = async (tier: 'gold' | 'silver' | 'none' | null, search = '') =>
      (await f.call('customers/list', { search, tier })).rows.map((r) => r.id);
    // No run yet: nobody holds a tier.
    expect(await ids('gold')).toEqual([]);
    expect(await ids('none')).toEqual([f.gold.id, f.small.id]);
    await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(await ids('gold')).toEqual([f.gold.id]);
    expect(await ids('none')).toEqual([f.small.id]);
    expect(await ids(null)).toEqual([f.gold.id, f.small.id]);
    expect(await ids('gold', '澄海')).toEqual([]);
    expect(await ids('gold', '宏达')).toEqual([f.gold.id]);
    await f.call('tiers/override', { customerId: f.gold.id, tier: 'silver', approver: '王主任', reason: '合同到期' });
    expect(await ids('gold')).toEqual([]);
    expect(await ids('silver')).toEqual([f.gold.id]);
    expect((await f.call('customers/list', { tier: 'silver' })).total).toBe(1);
  });

  it('an override given before any run shows nothing until a run exists (no run: null)', async () => {
    const f = await setup();
    await f.call('tiers/override', { customerId: f.small.id, tier: 'gold', approver: '王主任', reason: '试点' });
    expect(await f.listed(f.small.id)).toMatchObject({ tier: null, tierBasis: null });
    expect(await f.call('customers/get', { id: f.small.id })).toMatchObject({ tier: null, tierBasis: null });
  });
});
