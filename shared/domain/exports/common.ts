/** What every exported table says above and below its figures: unit, period, tier basis, units. */
import { formatPeriodZh } from '../periods';
import { TIER_NAMES_ZH } from '../tiers';
import type { CustomerFigures, ExportHeader } from './figures';

export const UNITS_OF_MEASURE = '金额单位：元　户数单位：户　增幅：%';

export function unitLine(header: ExportHeader): string {
  return header.unitName === null
    ? `填报单位：${header.centreName}　统计范围：全市`
    : `填报单位：${header.unitName}　统计范围：${header.unitName}及下属单位`;
}

export function periodLine(header: ExportHeader): string {
  return `统计期：${formatPeriodZh(header.period)}`;
}

export function tierBasisLine(header: ExportHeader): string {
  const basis = header.tierBasis;
  return basis === null
    ? '分级依据：尚无年度分级，客户分级未知'
    : `分级依据：${basis.year} 年度分级结果（分级批次 ${basis.runId}，政策版本 ${basis.policyVersion}）`;
}

/** The basis of the tiers, as a footnote every table with tiers carries. */
export const TIER_NOTE =
  '分级取统计期上一年及以前最近一次年度分级的结果（同一年度分级多次的取最后一次）；统计期末有效的省局认定优先，其次人工调整，并注明计算所得分级。';

/** R13: an approval or override is printed beside the computed tier, never instead of it. */
export function tierLabel(c: CustomerFigures, header: ExportHeader): string {
  if (header.tierBasis === null) return '未知';
  if (c.tier === null) return '未定级';
  const name = TIER_NAMES_ZH[c.tier];
  if (c.tierSource === 'computed') return name;
  const computed = c.computedTier === null ? '未定级' : TIER_NAMES_ZH[c.computedTier];
  return `${name}（${c.tierSource === 'approval' ? '省局认定' : '人工调整'}；计算为${computed}）`;
}

/** Fen ÷ n rounded half away from zero (a monthly average of a yearly figure). */
export function divideFen(fen: number, n: number): number {
  const q = Math.round(Math.abs(fen) / n);
  return fen < 0 ? -q : q;
}
