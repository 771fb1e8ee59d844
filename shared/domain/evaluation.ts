/**
 * One customer through the whole rule chain — R5–R8 qualification, R9–R12 score and tier, R14
 * scope, R15 responsible role — with a Chinese explanation of every step and its numbers. Used
 * by tiering runs, the what-if and `kam rules evaluate`, so all three agree by construction.
 */
import { LINE_NAMES_ZH, PRODUCT_LINES, type ProductLine } from './lines';
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

/**
 * One step of the explanation: a stable `key` (the sentence, `EXPLANATION_ZH[key]`, and the UI's
 * `explainStep.<key>` in every language) with its `params`, and the Chinese `text` for the CLI and
 * the exports. Params that name a code (`tier`, `wouldBe`, `scope`, `mainLine`, `role`, `reason`)
 * hold the code; the sentence names it in its own language. Money and ratios are formatted already
 * (¥ with thousands separators, ‰), the same in both languages.
 */
export interface ExplanationStep {
  rule: string;
  key: ExplanationKey;
  params: Record<string, string>;
  /** R7: each line that reached its thresholds. */
  lines?: { line: ProductLine; lastYearMin: string; thisMonthMin: string }[];
  text: string;
}

/** The Chinese sentence of each step (i18next's `{{name}}` placeholders; the UI's zh-CN uses it as is). */
export const EXPLANATION_ZH = {
  agreement: '已与邮政签订业务协议，符合大客户条件',
  comprehensiveMet: '综合：上年收入 {{annual}}（门槛 {{annualMin}}），当月 {{month}}（门槛 {{monthMin}}）——符合',
  comprehensiveNotMet: '综合：上年收入 {{annual}}（门槛 {{annualMin}}），当月 {{month}}（门槛 {{monthMin}}）——不符合',
  professionalNone: '专业：没有一项业务的上年与当月收入同时达到门槛',
  professionalMet: '专业：{{lines}}达到门槛',
  professionalMetTurnover: '专业：{{lines}}达到门槛（报刊按流转额，R8）',
  professionalLine: '{{line}}（上年门槛 {{lastYearMin}}，当月门槛 {{thisMonthMin}}）',
  professionalLineSeparator: '、',
  newspapersNoTurnover: '报刊：上年或当月未报流转额，报刊专业条件按流转额判断（R8），无法成立',
  manual: '中心人工认定：{{reason}}',
  notKeyWithoutLastYear: '没有上年收入数据，只能凭业务协议（R5）或中心人工认定成为大客户；目前不是大客户',
  notKey: '不符合任何大客户条件，不参与分级',
  revenueScoreTop: '年收入 {{annual}} ≥ {{lower}}，收入得分 {{score}}',
  revenueScoreRange: '年收入 {{annual}} 落在 [{{lower}}, {{upper}}) 档，收入得分 {{score}}',
  revenueScoreBelow: '年收入 {{annual}} 低于最低档 {{lower}}，收入得分 {{score}}',
  shareScoreTop: '占全局年收入 {{bureau}} 的 {{share}}，≥ {{lower}}，占比得分 {{score}}',
  shareScoreRange: '占全局年收入 {{bureau}} 的 {{share}}，落在 [{{lower}}, {{upper}}) 档，占比得分 {{score}}',
  shareScoreBelow: '占全局年收入 {{bureau}} 的 {{share}}，低于最低档 {{lower}}，占比得分 {{score}}',
  total: '总分 = {{formula}}',
  tierTop: '总分 {{total}} ≥ {{lower}}，分级为{{tier}}',
  tierRange: '总分 {{total}} 在 [{{lower}}, {{upper}}) 之间，分级为{{tier}}',
  tierBelow: '总分 {{total}} < {{upper}}，分级为{{tier}}',
  tierNotKeyTop: '总分 {{total}} ≥ {{lower}}（若为大客户应为{{wouldBe}}）',
  tierNotKeyRange: '总分 {{total}} 在 [{{lower}}, {{upper}}) 之间（若为大客户应为{{wouldBe}}）',
  tierNotKeyBelow: '总分 {{total}} < {{upper}}（若为大客户应为{{wouldBe}}）',
  scope: '建议范围：{{scope}}（{{reason}}）',
  scopeMainLine: '建议范围：{{scope}}（{{reason}}；主营业务 {{mainLine}}）',
  scopeReasonSingleClause: '仅凭一项业务的专业条件（R7）入选',
  scopeReasonDominantLine: '主营业务收入占比不低于 {{percent}}%',
  scopeReasonCountyHomeUnit: '属地单位为县（区）局',
  scopeReasonDefault: '非专业、非县区属地',
  responsible: '负责单位：{{role}}',
} as const;

export type ExplanationKey = keyof typeof EXPLANATION_ZH;

type ScopeReason = ScopeSuggestion['reason'];

/** R14: the sentence of each reason for the suggested scope. */
export const SCOPE_REASON_KEYS: Record<ScopeReason, ExplanationKey> = {
  single_professional_clause: 'scopeReasonSingleClause',
  dominant_line: 'scopeReasonDominantLine',
  county_home_unit: 'scopeReasonCountyHomeUnit',
  default: 'scopeReasonDefault',
};

/** Fills `{{name}}` placeholders. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => params[name] ?? '');
}

/** The Chinese sentence of a step from its key and params (codes named in Chinese). */
function stepZh(step: Omit<ExplanationStep, 'text'>): string {
  const p: Record<string, string> = { ...step.params };
  if (p.tier) p.tier = TIER_NAMES_ZH[p.tier as Tier];
  if (p.wouldBe) p.wouldBe = TIER_NAMES_ZH[p.wouldBe as Tier];
  if (p.scope) p.scope = SCOPE_NAMES_ZH[p.scope as keyof typeof SCOPE_NAMES_ZH];
  if (p.mainLine) p.mainLine = LINE_NAMES_ZH[p.mainLine as ProductLine];
  if (p.role) p.role = RESPONSIBLE_ROLE_NAMES_ZH[p.role as ResponsibleRole];
  if (p.reason && step.key.startsWith('scope')) {
    p.reason = fillTemplate(EXPLANATION_ZH[SCOPE_REASON_KEYS[p.reason as ScopeReason]], p);
  }
  if (step.lines) {
    p.lines = step.lines
      .map((l) => fillTemplate(EXPLANATION_ZH.professionalLine, { ...l, line: LINE_NAMES_ZH[l.line] }))
      .join(EXPLANATION_ZH.professionalLineSeparator);
  }
  return fillTemplate(EXPLANATION_ZH[step.key], p);
}

function step(
  rule: string,
  key: ExplanationKey,
  params: Record<string, string> = {},
  lines?: ExplanationStep['lines'],
): ExplanationStep {
  const s: Omit<ExplanationStep, 'text'> = lines ? { rule, key, params, lines } : { rule, key, params };
  return { ...s, text: stepZh(s) };
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

/** Which band of `bands` (best first) `index` is, with its bounds, for the band sentences. */
function bandOf(
  bands: Band[],
  index: number | null,
  fmt: (n: number) => string,
): { kind: 'Top' | 'Range' | 'Below'; lower: string; upper: string } {
  if (index === null) return { kind: 'Below', lower: fmt((bands[bands.length - 1] as Band).min), upper: '' };
  const band = bands[index] as Band;
  const upper = bands[index - 1];
  return upper
    ? { kind: 'Range', lower: fmt(band.min), upper: fmt(upper.min) }
    : { kind: 'Top', lower: fmt(band.min), upper: '' };
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
  const money = formatMoney;
  if (input.agreement) steps.push(step('R5', 'agreement'));
  steps.push(
    step('R6', qualification.clauses.includes('R6') ? 'comprehensiveMet' : 'comprehensiveNotMet', {
      annual: money(annualRevenue),
      annualMin: money(q.comprehensive.lastYearMin),
      month: money(thisMonthRevenue),
      monthMin: money(q.comprehensive.thisMonthMin),
    }),
  );
  const r7 = PRODUCT_LINES.filter((l) => qualification.clauses.includes(`R7:${l}`));
  const turnover = input.figures.newspaperTurnover;
  steps.push(
    r7.length === 0
      ? step('R7', 'professionalNone')
      : step(
          'R7',
          r7.includes('newspapers') ? 'professionalMetTurnover' : 'professionalMet',
          {},
          r7.map((l) => ({
            line: l,
            lastYearMin: money(q.professional[l].lastYearMin),
            thisMonthMin: money(q.professional[l].thisMonthMin),
          })),
        ),
  );
  // R8: newspaper revenue without turnover figures cannot meet R7's newspaper thresholds; say so
  // to a customer that has newspaper business, so the officer knows what the unit must report.
  const newspaperRevenue =
    (input.figures.annual.newspapers ?? 0) !== 0 || (input.figures.thisMonth.newspapers ?? 0) !== 0;
  if (newspaperRevenue && (turnover?.annual == null || turnover?.thisMonth == null)) {
    steps.push(step('R7', 'newspapersNoTurnover'));
  }
  if (qualification.clauses.includes('manual')) {
    steps.push(step('R5–R8', 'manual', { reason: input.manual?.reason ?? '' }));
  }
  if (!qualification.qualified) {
    steps.push(step('R5–R8', qualification.withoutLastYear ? 'notKeyWithoutLastYear' : 'notKey'));
  }
  const s = policy.scoring;
  const revenueBand = bandOf(s.revenueBands, score.revenue.band, money);
  steps.push(
    step('R9', `revenueScore${revenueBand.kind}`, {
      annual: money(annualRevenue),
      lower: revenueBand.lower,
      upper: revenueBand.upper,
      score: String(score.revenue.score),
    }),
  );
  const shareBand = bandOf(s.shareBands, score.share.band, formatPermille);
  steps.push(
    step('R10', `shareScore${shareBand.kind}`, {
      bureau: money(input.bureauRevenue),
      share: formatPermille(score.sharePpm),
      lower: shareBand.lower,
      upper: shareBand.upper,
      score: String(score.share.score),
    }),
  );
  const w = s.weights;
  const parts = [`${w.revenue}% × ${score.revenue.score}`, `${w.share}% × ${score.share.score}`];
  const values = [(w.revenue * score.revenue.score) / 100, (w.share * score.share.score) / 100];
  if (w.credit > 0) {
    parts.push(`${w.credit}% × ${score.credit}`);
    values.push((w.credit * score.credit) / 100);
  }
  steps.push(step('R11', 'total', { formula: `${parts.join(' + ')} = ${values.join(' + ')} = ${score.total}` }));
  const t = policy.tiers;
  const bounds =
    score.tier === 'diamond'
      ? { kind: 'Top', lower: t.diamond, upper: '' }
      : score.tier === 'gold'
        ? { kind: 'Range', lower: t.gold, upper: t.diamond }
        : score.tier === 'silver'
          ? { kind: 'Range', lower: t.silver, upper: t.gold }
          : { kind: 'Below', lower: '', upper: t.silver };
  const tierParams = { total: String(score.total), lower: String(bounds.lower), upper: String(bounds.upper) };
  steps.push(
    tier === null
      ? step('R12', `tierNotKey${bounds.kind as 'Top'}`, { ...tierParams, wouldBe: score.tier })
      : step('R12', `tier${bounds.kind as 'Top'}`, { ...tierParams, tier }),
  );
  const scopeParams: Record<string, string> = {
    scope: scope.scope,
    reason: scope.reason,
    percent: String(policy.scope.dominantLinePercent),
  };
  if (scope.mainLine) scopeParams.mainLine = scope.mainLine;
  steps.push(step('R14', scope.mainLine ? 'scopeMainLine' : 'scope', scopeParams));
  if (role) steps.push(step('R15', 'responsible', { role }));

  return steps;
}
