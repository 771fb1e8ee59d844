/**
 * A gold customer for 2026 (graded on 2025, the DOMAIN.md worked check) with two managers in post
 * at the city centre, and the basic block of its archive as an officer would type it: shared by
 * the browser tests of 档案 and 待办.
 */
import type { Backend } from '../../electron/backend';
import type { RevenueLine } from '../../shared/domain/lines';

export const GOLD = '汕头市宏达电子有限公司';

/** A gold customer for 2026 (graded on 2025, the DOMAIN.md worked check) and two managers in post. */
export async function prepareGoldCustomer(b: Backend): Promise<string> {
  const call = b.registry.call.bind(b.registry) as Backend['registry']['call'];
  const units = await call('units/list', {});
  const unit = (code: string) => units.find((u) => u.code === code)?.id ?? 0;
  const gold = await call('customers/create', { name: GOLD, areaCode: '440507', unitId: unit('440500') });
  for (let m = 1; m <= 12; m++) {
    const period = `2025-${String(m).padStart(2, '0')}`;
    for (const line of ['bills', 'express'] as RevenueLine[]) {
      await call('revenue/set', { customerId: gold.id, period, line, amount: m < 12 ? 60_000 : 65_000 });
    }
  }
  await call('revenue/bureau-set', { year: 2025, amount: 1_611_111_111 });
  for (const name of ['林晓华', '陈志强']) {
    await call('managers/register', {
      name,
      unitId: unit('440500'),
      post: 'account_manager',
      employment: 'full_time',
      effectiveOn: '2025-06-01',
    });
  }
  await call('tiers/run', { kind: 'annual', year: 2025 });
  return gold.id;
}

export const BASIC: Record<string, string> = {
  fullName: GOLD,
  address: '汕头市龙湖区长平路 88 号',
  postcode: '515041',
  legalRepresentative: '陈宏达',
  contactName: '李小姐',
  contactPhone: '13800138000',
  industry: '电子制造',
  mainProducts: '电子元件、电源模块',
  postalLines: '函件、特快专递、物流',
  postalSpend: '每月约 12 万元',
};
