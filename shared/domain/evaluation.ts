/**
 * One customer through the whole rule chain — R5–R8 qualification, R9–R12 score and tier, R14
 * scope, R15 responsible role — with a Chinese explanation of every step and its numbers. Used
 * by tiering runs, the what-if and `kam rules evaluate`, so all three agree by construction.
 */
import { LINE_NAMES_ZH, PRODUCT_LINES } from './lines';
import { formatMoney } from './money';
import type { Band, Policy, ResponsibleRole } from './policy/policy';
import { type Qualification, type QualificationInput, qualifyWithTotals, totalOf } from './qualification';
import { type ScopeSuggestion, suggestScopeWithTotal } from './scope';
import { type Score, scoreCustomer } from './scoring';
import { SCOPE_NAMES_ZH, TIER_NAMES_ZH, type Tier } from './tiers';

export interface EvaluationInput extends QualificationInput {
  /** R10 denominator: the whole city bureau's annual revenue of the same year, fen. */
  bureauRevenue: number;
  /** R14: the customer's home unit is a county/district bureau. */
  homeUnitIsCounty: boolean;
  credit?: number;
}

export interface ExplanationStep {
  rule: string;
  text: string;
}

export interface Evaluation {
  qualification: Qualification;
  annualRevenue: number;
  thisMonthRevenue: number;
  score: Score;
  /** Null when the customer is not a key customer (no clause of R5–R7 holds). */
  tier: Tier | null;
  scope: ScopeSuggestion;
  responsibleRole: ResponsibleRole | null;
  explanation: ExplanationStep[];
}

export const RESPONSIBLE_ROLE_NAMES_ZH: Record<ResponsibleRole, string> = {
  province_centre: '省局大客户中心',
  city_centre: '市局大客户中心',
  home_county_centre: '属地县（区）局大客户中心（市区客户由市局大客户中心负责）',
  main_line_bureau: '主营业务所属专业局',
  home_unit: '属地单位的支局/班组',
};

export function formatPermille(ppm: number): string {
  return `${(ppm / 1000).toFixed(3).replace(/\.?0+$/, '')}‰`;
}

function bandText(bands: Band[], index: number | null, fmt: (n: number) => string): string {
  if (index === null) return `低于最低档 ${fmt((bands[bands.length - 1] as Band).min)}`;
  const band = bands[index] as Band;
  const upper = bands[index - 1];
  return upper ? `落在 [${fmt(band.min)}, ${fmt(upper.min)}) 档` : `≥ ${fmt(band.min)}`;
}

export interface EvaluateOptions {
  /** Runs and the what-if skip the text (the costly part) and rebuild it on demand. */
  explain?: boolean;
}

export function evaluateCustomer(input: EvaluationInput, policy: Policy, options: EvaluateOptions = {}): Evaluation {
  // Each total is summed once and shared by R6, R9–R10 and R14 (a run evaluates every customer).
  const annualTotal = totalOf(input.figures.annual);
  const annualRevenue = input.annualRevenue ?? annualTotal;
  const thisMonthRevenue = totalOf(input.figures.thisMonth);
  const qualification = qualifyWithTotals(input, annualRevenue, thisMonthRevenue, policy);
  const score = scoreCustomer({ annualRevenue, bureauRevenue: input.bureauRevenue, credit: input.credit ?? 0 }, policy);
  const tier = qualification.qualified ? score.tier : null;
  const scope = suggestScopeWithTotal(
    { clauses: qualification.clauses, annual: input.figures.annual, homeUnitIsCounty: input.homeUnitIsCounty },
    annualTotal,
    policy,
  );
  const role = tier === null ? null : policy.responsibility[tier][scope.scope];
  const evaluation: Evaluation = {
    qualification,
    annualRevenue,
    thisMonthRevenue,
    score,
    tier,
    scope,
    responsibleRole: role,
    explanation: [],
  };
  if (options.explain !== false) evaluation.explanation = explain(input, evaluation, policy);
  return evaluation;
}

/**
 * The Chinese explanation of every step with its numbers. Deterministic in the input and the
 * policy, so a stored result's explanation is rebuilt from its stored inputs and policy version.
 */
export function explain(
  input: EvaluationInput,
  evaluation: Omit<Evaluation, 'explanation'>,
  policy: Policy,
): ExplanationStep[] {
  const { qualification, annualRevenue, thisMonthRevenue, score, tier, scope } = evaluation;
  const role = evaluation.responsibleRole;
  const steps: ExplanationStep[] = [];
  const q = policy.qualification;
  if (input.agreement) steps.push({ rule: 'R5', text: '已与邮政签订业务协议，符合大客户条件' });
  steps.push({
    rule: 'R6',
    text: `综合：上年收入 ${formatMoney(annualRevenue)}（门槛 ${formatMoney(q.comprehensive.lastYearMin)}），当月 ${formatMoney(thisMonthRevenue)}（门槛 ${formatMoney(q.comprehensive.thisMonthMin)}）——${qualification.clauses.includes('R6') ? '符合' : '不符合'}`,
  });
  const r7 = PRODUCT_LINES.filter((l) => qualification.clauses.includes(`R7:${l}`));
  const turnover = input.figures.newspaperTurnover;
  const usedTurnover = turnover !== undefined && (turnover.annual !== null || turnover.thisMonth !== null);
  steps.push({
    rule: 'R7',
    text:
      r7.length === 0
        ? '专业：没有一项业务的上年与当月收入同时达到门槛'
        : `专业：${r7
            .map(
              (l) =>
                `${LINE_NAMES_ZH[l]}（上年门槛 ${formatMoney(q.professional[l].lastYearMin)}，当月门槛 ${formatMoney(q.professional[l].thisMonthMin)}）`,
            )
            .join('、')}达到门槛${r7.includes('newspapers') && usedTurnover ? '（报刊按流转额，R8）' : ''}`,
  });
  if (qualification.clauses.includes('manual')) {
    steps.push({ rule: 'R5–R8', text: `中心人工认定：${input.manual?.reason ?? ''}` });
  }
  if (!qualification.qualified) {
    steps.push({
      rule: 'R5–R8',
      text: qualification.withoutLastYear
        ? '没有上年收入数据，只能凭业务协议（R5）或中心人工认定成为大客户；目前不是大客户'
        : '不符合任何大客户条件，不参与分级',
    });
  }
  const s = policy.scoring;
  steps.push({
    rule: 'R9',
    text: `年收入 ${formatMoney(annualRevenue)} ${bandText(s.revenueBands, score.revenue.band, formatMoney)}，收入得分 ${score.revenue.score}`,
  });
  steps.push({
    rule: 'R10',
    text: `占全局年收入 ${formatMoney(input.bureauRevenue)} 的 ${formatPermille(score.sharePpm)}，${bandText(s.shareBands, score.share.band, formatPermille)}，占比得分 ${score.share.score}`,
  });
  const w = s.weights;
  const parts = [`${w.revenue}% × ${score.revenue.score}`, `${w.share}% × ${score.share.score}`];
  const values = [(w.revenue * score.revenue.score) / 100, (w.share * score.share.score) / 100];
  if (w.credit > 0) {
    parts.push(`${w.credit}% × ${score.credit}`);
    values.push((w.credit * score.credit) / 100);
  }
  steps.push({ rule: 'R11', text: `总分 = ${parts.join(' + ')} = ${values.join(' + ')} = ${score.total}` });
  const t = policy.tiers;
  const band =
    score.tier === 'diamond'
      ? `≥ ${t.diamond}`
      : score.tier === 'gold'
        ? `在 [${t.gold}, ${t.diamond}) 之间`
        : score.tier === 'silver'
          ? `在 [${t.silver}, ${t.gold}) 之间`
          : `< ${t.silver}`;
  steps.push({
    rule: 'R12',
    text:
      tier === null
        ? `总分 ${score.total} ${band}（若为大客户应为${TIER_NAMES_ZH[score.tier]}）`
        : `总分 ${score.total} ${band}，分级为${TIER_NAMES_ZH[tier]}`,
  });
  const scopeReason = {
    single_professional_clause: '仅凭一项业务的专业条件（R7）入选',
    dominant_line: `主营业务收入占比不低于 ${policy.scope.dominantLinePercent}%`,
    county_home_unit: '属地单位为县（区）局',
    default: '非专业、非县区属地',
  }[scope.reason];
  steps.push({
    rule: 'R14',
    text: `建议范围：${SCOPE_NAMES_ZH[scope.scope]}（${scopeReason}${scope.mainLine ? `；主营业务 ${LINE_NAMES_ZH[scope.mainLine]}` : ''}）`,
  });
  if (role) steps.push({ rule: 'R15', text: `负责单位：${RESPONSIBLE_ROLE_NAMES_ZH[role]}` });

  return steps;
}
