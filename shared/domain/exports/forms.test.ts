import { describe, expect, it } from 'vitest';
import { POLICY_V1 } from '../policy/policy';
import type { Tier } from '../tiers';
import { divideFen, tierLabel } from './common';
import { type CustomerFigures, type ExportHeader, periodPlan, REPORT_LINES, zeroLines } from './figures';
import { buildForm61, form61Figures } from './form-6-1';
import { buildForm7 } from './form-7';
import { exportFileName } from './forms';
import { layoutTable } from './layout';
import { buildProvincePackage } from './province';
import { changeRatio } from './ratios';

const header = (over: Partial<ExportHeader> = {}): ExportHeader => ({
  period: '2026-10',
  centreName: '市局大客户中心',
  unitName: null,
  tierBasis: { runId: 3, year: 2025, policyVersion: 1 },
  rules: POLICY_V1.reports,
  ...over,
});

/** A customer with `thisMonth` / `lastMonth` letters revenue (fen). */
function customer(id: string, thisMonth: number, lastMonth: number, tier: Tier | null = null): CustomerFigures {
  const lines = (letters: number) => {
    const v = zeroLines();
    v[REPORT_LINES.indexOf('letters')] = letters;
    return v;
  };
  return {
    id,
    name: `客户${id}`,
    unitName: '澄海分局',
    tier,
    computedTier: tier,
    tierSource: 'computed',
    thisMonth: lines(thisMonth),
    lastMonth: lines(lastMonth),
    sameMonthLastYear: zeroLines(),
    yearToDate: lines(thisMonth + lastMonth),
    yearToDateLastYear: zeroLines(),
    rolling12: thisMonth + lastMonth,
  };
}

describe('R24 change ratios', () => {
  it.each([
    [120_00, 100_00, 0.2],
    [80_00, 100_00, -0.2],
    [0, 100_00, -1],
    [100_00, 0, null],
    [100_00, -5_00, null],
  ])('changeRatio(%i, %i) = %s', (current, base, ratio) => {
    expect(changeRatio(current, base)).toBe(ratio);
  });
});

describe('periods each table compares (R24)', () => {
  it.each([
    ['2026-10', { lastMonth: '2026-09', sameMonthLastYear: '2025-10', yearStart: '2026-01', rollingStart: '2025-11' }],
    ['2026-01', { lastMonth: '2025-12', sameMonthLastYear: '2025-01', yearStart: '2026-01', rollingStart: '2025-02' }],
  ])('%s', (period, expected) => {
    expect(periodPlan(period)).toMatchObject(expected);
  });
});

describe('附件6-1 counts (R24)', () => {
  it('last month end + new − lost = period end, tier by tier; revenue totals add up', () => {
    const f = form61Figures([
      customer('1', 100, 0, 'gold'), // new
      customer('2', 0, 100, 'gold'), // lost
      customer('3', 50, 60, 'gold'), // stays
      customer('4', 10, 0, null), // new, no tier
      customer('5', 0, 0, 'silver'), // no business either month
    ]);
    expect(f.byTier.gold).toEqual({
      lastMonthEnd: 2,
      added: 1,
      lost: 1,
      periodEnd: 2,
      thisMonth: 150,
      yearToDate: 310,
    });
    expect(f.byTier.none).toEqual({ lastMonthEnd: 0, added: 1, lost: 0, periodEnd: 1, thisMonth: 10, yearToDate: 10 });
    expect(f.byTier.silver.periodEnd).toBe(0);
    expect(f.byLine.thisMonth[REPORT_LINES.indexOf('letters')]).toBe(160);
  });

  it('lays out title, unit, period, tier basis and units above, totals last', () => {
    const layout = layoutTable(buildForm61(header({ unitName: '澄海分局' }), [customer('1', 100, 50, 'gold')]));
    const firstTexts = layout.rows.slice(0, 6).map((r) => (r[0]?.kind === 'text' ? r[0].text : ''));
    expect(firstTexts).toEqual([
      '附件6-1',
      '大客户数量及收入统计表（2026年10月）',
      '填报单位：澄海分局　统计范围：澄海分局及下属单位',
      '统计期：2026年10月　本年累计：2026年1月至10月　同比对比期：2025年10月　环比对比期：2026年9月',
      '分级依据：2025 年度分级结果（分级批次 3，政策版本 1）',
      '金额单位：元　户数单位：户　增幅：%',
    ]);
    // The title lines are merged across the table's nine columns.
    expect(layout.merges[0]).toEqual({ row: 1, col: 0, lastRow: 1, lastCol: 8 });
    const total = layout.rows.find((r, i) => i > 20 && r[0]?.kind === 'text' && r[0].text === '合计');
    expect(total).toEqual([
      { kind: 'text', text: '合计' },
      { kind: 'money', fen: 100 },
      { kind: 'money', fen: 50 },
      { kind: 'percent', ratio: 1 },
      { kind: 'money', fen: 0 },
      { kind: 'percent', ratio: null },
      { kind: 'money', fen: 150 },
      { kind: 'money', fen: 0 },
      { kind: 'percent', ratio: null },
    ]);
  });

  it('says tiers are unknown when no annual grading exists', () => {
    const layout = layoutTable(buildForm61(header({ tierBasis: null }), [customer('1', 100, 0)]));
    const texts = layout.rows.map((r) => (r[0]?.kind === 'text' ? r[0].text : ''));
    expect(texts).toContain('分级依据：尚无年度分级，客户分级未知');
    expect(texts).toContain('分级未知');
  });
});

describe('R13 tier labels: an approval or override beside the computed tier', () => {
  const c = customer('1', 1, 1, 'diamond');
  it.each([
    [{ ...c, tierSource: 'approval' as const, computedTier: 'gold' as const }, '钻石（省局认定；计算为黄金）'],
    [{ ...c, tierSource: 'override' as const, computedTier: null }, '钻石（人工调整；计算为未定级）'],
    [c, '钻石'],
    [{ ...c, tier: null }, '未定级'],
  ])('%#', (figures, label) => {
    expect(tierLabel(figures, header())).toBe(label);
  });
  it('no run: unknown', () => expect(tierLabel(c, header({ tierBasis: null }))).toBe('未知'));
});

describe('附件7 per unit and the province package (R26, R17)', () => {
  it('a unit table is the city list narrowed to the unit; the package is city-wide 6-1 + 7', () => {
    const city = [customer('1', 400_000_00, 0), customer('2', 300_000_00, 0), customer('3', 5, 0)];
    const unit = layoutTable(buildForm7(header({ unitName: '澄海分局' }), city, new Set(['2', '3'])));
    const idsListed = unit.rows.flatMap((r) => (r[1]?.kind === 'text' && /^\d$/.test(r[1].text) ? [r[1].text] : []));
    expect(idsListed).toEqual(['2', '3']);
    const pkg = buildProvincePackage(header({ unitName: '澄海分局' }), city);
    expect(pkg.map((t) => t.sheetName)).toEqual(['附件6-1（全市汇总）', '附件7']);
    expect(pkg.every((t) => t.meta[0] === '填报单位：市局大客户中心　统计范围：全市')).toBe(true);
  });

  it.each([
    [12, 1],
    [18, 2],
    [-18, -2],
    [6, 1],
    [5, 0],
  ])('a monthly average of %i fen is %i fen (half away from zero)', (fen, avg) => {
    expect(divideFen(fen, 12)).toBe(avg);
  });
});

describe('file names offered in the save dialog', () => {
  it.each([
    ['6-1', null, '附件6-1_全市_2026年10月.xlsx'],
    ['6-2', '澄海分局', '附件6-2_澄海分局_2026年10月.xlsx'],
    ['7', 'a/b:c', '附件7_a_b_c_2026年10月.xlsx'],
    ['province', '澄海分局', '省局报送包_2026年10月.xlsx'],
  ] as const)('%s %s', (form, unit, name) => {
    expect(exportFileName(form, '2026-10', unit)).toBe(name);
  });
});
