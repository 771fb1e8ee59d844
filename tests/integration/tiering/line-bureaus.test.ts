/**
 * R15 through a tiering run: a professional customer's responsible unit is the bureau that owns
 * its main line in the line → bureau table, and the city centre stands in, with the reason in the
 * explanation, only when the line has no bureau.
 */
import { describe, expect, it } from 'vitest';
import type { ProductLine } from '../../../shared/domain/lines';
import { setup } from './fixture';

/** ¥100,000 a month in one line: ¥1.2M → 90; of a ¥1.2B bureau, 1‰ → 80; total 86 → gold. */
async function goldProfessional(lines: ProductLine[]) {
  const f = await setup();
  const ids = new Map<ProductLine, string>();
  for (const line of lines) {
    const id = await f.customer(`汕头市${line}贸易有限公司`, '440507', '440500');
    await f.seedYear(id, 2025, () => ({ [line]: 100_000 }));
    ids.set(line, id);
  }
  await f.call('revenue/bureau-set', { year: 2025, amount: 1_200_000_000 });
  const run = async () => {
    const r = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const rows = await f.results(r.id);
    const r15 = async (line: ProductLine) =>
      (await f.call('tiers/explain', { runId: r.id, customerId: ids.get(line) as string })).steps.find(
        (s) => s.rule === 'R15',
      )?.text;
    return { row: (line: ProductLine) => rows.get(ids.get(line) as string), r15 };
  };
  return { f, run };
}

describe('R15 professional bureau by line in a tiering run', () => {
  it('R15: gold professional customers in bills → 函件局, logistics and parcels → 速递物流局 (not the city centre)', async () => {
    const { run } = await goldProfessional(['bills', 'logistics', 'parcels', 'savings']);
    const r = await run();
    for (const [line, unit] of [
      ['bills', '函件局'],
      ['logistics', '速递物流局'],
      ['parcels', '速递物流局'],
      ['savings', '邮政储汇局'],
    ] as const) {
      expect(r.row(line)).toMatchObject({ tier: 'gold', scope: 'professional', mainLine: line, responsibleUnit: unit });
    }
    expect(await r.r15('bills')).toBe('负责单位：主营业务所属专业局——函件局（帐单业务归属该局）');
    expect(await r.r15('logistics')).toBe('负责单位：主营业务所属专业局——速递物流局（物流业务归属该局）');
  });

  it('R15: the officer’s table decides; a line left without a bureau falls to the city centre and says why', async () => {
    const { f, run } = await goldProfessional(['bills', 'logistics']);
    const units = await f.call('units/list', {});
    const p04 = units.find((u) => u.code === 'P04')?.id as number;
    await f.call('units/set-line-bureau', { line: 'bills', unitId: p04 });
    await f.call('units/set-line-bureau', { line: 'logistics', unitId: null });
    const r = await run();
    expect(r.row('bills')?.responsibleUnit).toBe('集邮公司');
    expect(r.row('logistics')).toMatchObject({
      tier: 'gold',
      scope: 'professional',
      responsibleUnit: '市局大客户中心',
    });
    expect(await r.r15('logistics')).toBe(
      '负责单位：主营业务所属专业局——市局大客户中心（物流业务未归属任何专业局，由市局大客户中心兜底负责；可在“设置 → 单位”中指定）',
    );
  });

  it('R15: a stored result keeps its unit when the table changes later; the next run follows the table', async () => {
    const { f, run } = await goldProfessional(['logistics']);
    const before = await run();
    await f.call('units/set-line-bureau', { line: 'logistics', unitId: null });
    expect(before.row('logistics')?.responsibleUnit).toBe('速递物流局');
    expect(await before.r15('logistics')).toBe('负责单位：主营业务所属专业局——速递物流局（物流业务归属该局）');
    expect((await run()).row('logistics')?.responsibleUnit).toBe('市局大客户中心');
  });
});
