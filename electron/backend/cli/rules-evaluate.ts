/**
 * `kam rules evaluate`: customers' figures in (JSON on stdin), R5–R12 results out (JSON), with
 * the version 1 policy or `--policy FILE`. Amounts are yuan, as decimal strings or numbers,
 * parsed like every import (R0 money rules); bad input names the customer and the field.
 */
import { AppError } from '../../../shared/api/errors';
import { type EvaluationInput, evaluateCustomer } from '../../../shared/domain/evaluation';
import { isProductLine, type RevenueLine } from '../../../shared/domain/lines';
import { parseMoney } from '../../../shared/domain/money';
import type { Policy } from '../../../shared/domain/policy/policy';
import type { LineAmounts } from '../../../shared/domain/qualification';

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
