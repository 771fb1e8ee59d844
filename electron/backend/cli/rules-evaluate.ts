/**
 * `kam rules evaluate`: customers' figures in (JSON on stdin), R5–R12 results out (JSON), with
 * the version 1 policy or `--policy FILE`. Amounts are yuan, as decimal strings or numbers,
 * parsed like every import (R0 money rules); bad input names the customer and the field.
 * Newspapers may come as R8 inputs (`newspapers`: turnover, rate, other revenue) instead of
 * revenue: R7's newspaper clause is judged on turnover only.
 */
import { AppError } from '../../../shared/api/errors';
import { type EvaluationInput, evaluateCustomer } from '../../../shared/domain/evaluation';
import { isProductLine, type RevenueLine } from '../../../shared/domain/lines';
import { parseMoney } from '../../../shared/domain/money';
import type { Policy } from '../../../shared/domain/policy/policy';
import { type LineAmounts, newspaperMonthlyRevenue, newspaperTurnover } from '../../../shared/domain/qualification';
import { parseRatePercent } from '../../../shared/domain/templates/newspaper-columns';

export interface EvaluateResult {
  ref: string;
  qualified: boolean;
  clauses: string[];
  revenueScore: number;
  shareScore: number;
  score: number;
  tier: string | null;
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function bad(where: string, message: string): never {
  throw new AppError('VALIDATION', `${where}：${message}`, { field: where });
}

function amount(value: unknown, where: string, required: boolean): number | null {
  if (value === undefined || value === null) {
    if (required) bad(where, '缺少金额');
    return null;
  }
  if (typeof value !== 'string' && typeof value !== 'number') bad(where, '金额应为数字或文本');
  const parsed = parseMoney(value);
  if (!parsed.ok) bad(where, parsed.message);
  if (parsed.empty) {
    if (required) bad(where, '金额为空');
    return null;
  }
  return parsed.fen;
}

function lines(value: unknown, where: string): LineAmounts {
  if (value === undefined) return {};
  if (!isObject(value)) bad(where, '应为 { 业务种类: 金额 } 对象');
  const out: LineAmounts = {};
  for (const [key, raw] of Object.entries(value)) {
    if (!isProductLine(key) && key !== 'other') {
      bad(
        `${where}.${key}`,
        '未知的业务种类（应为 savings、bills、letters、philately、express、logistics、parcels、newspapers 或 other）',
      );
    }
    const fen = amount(raw, `${where}.${key}`, false);
    if (fen !== null) out[key as RevenueLine] = fen;
  }
  return out;
}

/** One month's R8 inputs as entered: annual turnover and average rate (with other revenue). */
interface NewspaperMonth {
  annualTurnover: number;
  revenue: number;
}

function newspaperMonth(value: unknown, where: string): NewspaperMonth {
  if (!isObject(value)) bad(where, '应为 { turnover: 年流转额, rate: 平均费率(%), other: 其他收入 } 对象');
  for (const key of Object.keys(value)) {
    if (!['turnover', 'rate', 'other'].includes(key))
      bad(`${where}.${key}`, '未知字段（应为 turnover、rate 或 other）');
  }
  const annualTurnover = amount(value.turnover, `${where}.turnover`, true) as number;
  if (annualTurnover < 0) bad(`${where}.turnover`, '报刊年流转额不能为负数');
  if (value.rate === undefined || value.rate === null) bad(`${where}.rate`, '填写了报刊年流转额，但缺少平均费率（R8）');
  if (typeof value.rate !== 'string' && typeof value.rate !== 'number') bad(`${where}.rate`, '平均费率应为数字或文本');
  const rate = parseRatePercent(value.rate);
  if (!rate.ok) bad(`${where}.rate`, rate.message);
  const other = amount(value.other, `${where}.other`, false) ?? 0;
  return {
    annualTurnover,
    revenue: newspaperMonthlyRevenue({ annualTurnover, rateBasisPoints: rate.basisPoints, other }),
  };
}

/**
 * R8 inputs of a customer (`newspapers`): `lastYear` one object per month (up to twelve), or one
 * object standing for each of the twelve months; `thisMonth` one object. The months' revenue goes
 * into the newspapers line, and their turnover is R7's newspaper measure (added as entered, ÷ 12
 * once: `newspaperTurnover`). Newspaper revenue given in `lastYear`/`thisMonth` as well is refused:
 * it would be counted twice.
 */
function applyNewspapers(value: unknown, where: string, figures: EvaluationInput['figures']): void {
  if (value === undefined) return;
  if (!isObject(value)) bad(where, '应为 { lastYear: [...], thisMonth: {...} } 对象');
  for (const key of Object.keys(value)) {
    if (key !== 'lastYear' && key !== 'thisMonth') bad(`${where}.${key}`, '未知字段（应为 lastYear 或 thisMonth）');
  }
  const turnover: { annual: number | null; thisMonth: number | null } = { annual: null, thisMonth: null };
  if (value.lastYear !== undefined) {
    const w = `${where}.lastYear`;
    if (figures.annual.newspapers !== undefined) bad(w, '已在 lastYear.newspapers 中给出报刊收入，不能再给 R8 输入');
    let months: NewspaperMonth[];
    if (Array.isArray(value.lastYear)) {
      if (value.lastYear.length === 0 || value.lastYear.length > 12) bad(w, '应为 1–12 个月的 R8 输入');
      months = value.lastYear.map((m, i) => newspaperMonth(m, `${w}[${i}]`));
    } else {
      const one = newspaperMonth(value.lastYear, w);
      months = Array.from({ length: 12 }, () => one);
    }
    figures.annual.newspapers = months.reduce((sum, m) => sum + m.revenue, 0);
    turnover.annual = newspaperTurnover(months.map((m) => m.annualTurnover));
  }
  if (value.thisMonth !== undefined) {
    const w = `${where}.thisMonth`;
    if (figures.thisMonth.newspapers !== undefined)
      bad(w, '已在 thisMonth.newspapers 中给出报刊收入，不能再给 R8 输入');
    const m = newspaperMonth(value.thisMonth, w);
    figures.thisMonth.newspapers = m.revenue;
    turnover.thisMonth = newspaperTurnover([m.annualTurnover]);
  }
  figures.newspaperTurnover = turnover;
}

export function evaluateRequest(text: string, policy: Policy): { results: EvaluateResult[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (e) {
    throw new AppError('VALIDATION', `标准输入不是有效的 JSON：${(e as Error).message}`);
  }
  if (!isObject(body)) bad('输入', '应为 JSON 对象');
  const bureauRevenue = amount(body.bureauAnnualRevenue, 'bureauAnnualRevenue', true) as number;
  if (bureauRevenue <= 0) bad('bureauAnnualRevenue', '全局年收入必须大于 0');
  if (!Array.isArray(body.customers)) bad('customers', '应为数组');
  const results = body.customers.map((raw: unknown, i: number) => {
    const label = isObject(raw) && typeof raw.ref === 'string' ? `customers[${i}]（${raw.ref}）` : `customers[${i}]`;
    if (!isObject(raw)) bad(label, '应为对象');
    if (typeof raw.ref !== 'string' || raw.ref.trim() === '') bad(`${label}.ref`, '缺少客户标识 ref');
    if (raw.agreement !== undefined && typeof raw.agreement !== 'boolean')
      bad(`${label}.agreement`, '应为 true 或 false');
    const input: EvaluationInput = {
      agreement: raw.agreement === true,
      figures: {
        annual: lines(raw.lastYear, `${label}.lastYear`),
        thisMonth: lines(raw.thisMonth, `${label}.thisMonth`),
      },
      bureauRevenue,
      homeUnitIsCounty: false,
    };
    applyNewspapers(raw.newspapers, `${label}.newspapers`, input.figures);
    const annual = amount(raw.annualRevenue, `${label}.annualRevenue`, false);
    if (annual !== null) input.annualRevenue = annual;
    const e = evaluateCustomer(input, policy);
    return {
      ref: raw.ref,
      qualified: e.qualification.qualified,
      clauses: e.qualification.clauses,
      revenueScore: e.score.revenue.score,
      shareScore: e.score.share.score,
      score: e.score.total,
      tier: e.tier,
    };
  });
  return { results };
}
