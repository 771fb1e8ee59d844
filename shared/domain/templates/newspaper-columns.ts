/**
 * R8 in a revenue sheet: beside 收入(元), a 报刊 row may carry the annual turnover, the average
 * rate and other revenue; the month's newspapers revenue is then computed from them (and must
 * agree with 收入 when both are given). Read from the template and from hand-made sheets alike.
 */

import { type Bilingual, bi } from '../bilingual';
import {
  type HeaderMatch,
  type ImportIssue,
  issueText,
  normaliseHeader,
  type RevenueRow,
  type SheetInput,
} from '../imports/revenue-sheet';
import { fenToYuanString, parseMoney } from '../money';
import { newspaperMonthlyRevenue } from '../qualification';
import { columnLetter } from '../spreadsheet/cells';

export interface NewspaperInputs {
  /** Fen. */
  annualTurnover: number;
  /** 25.00% = 2500. */
  rateBasisPoints: number;
  /** Fen. */
  other: number;
}

export type NewspaperField = 'turnover' | 'rate' | 'other';

/** Header texts after `normaliseHeader`, by field (the wide layout reads them under 报刊 too). */
export const NEWSPAPER_HEADER_VARIANTS: Record<NewspaperField, readonly string[]> = {
  turnover: ['报刊年流转额(元)', '报刊年流转额', '年流转额(元)', '年流转额', '流转额(元)', '流转额'],
  rate: ['报刊平均费率(%)', '报刊平均费率', '平均费率(%)', '平均费率', '费率(%)', '费率'],
  other: ['报刊其他收入(元)', '报刊其他收入', '其他收入(元)', '其他收入'],
};

const LABELS: Record<NewspaperField, Bilingual> = {
  turnover: bi('报刊年流转额', 'Newspaper annual turnover'),
  rate: bi('报刊平均费率', 'Newspaper average rate'),
  other: bi('报刊其他收入', 'Newspaper other revenue'),
};

export type NewspaperColumns = Partial<Record<NewspaperField, number>>;

export function findNewspaperColumns(sheet: SheetInput, header: HeaderMatch): NewspaperColumns {
  const out: NewspaperColumns = {};
  (sheet.rows[header.row] ?? []).forEach((cell, c) => {
    const key = normaliseHeader(cell?.v === null || cell?.v === undefined ? '' : String(cell.v));
    for (const field of Object.keys(NEWSPAPER_HEADER_VARIANTS) as NewspaperField[]) {
      if (out[field] === undefined && NEWSPAPER_HEADER_VARIANTS[field].includes(key)) out[field] = c;
    }
  });
  return out;
}

export type RateParse = { ok: true; basisPoints: number } | { ok: false; message: string; messageEn: string };

/** "25", "25.5", "25%", 25 → basis points; 0–100 with at most two decimals. */
export function parseRatePercent(input: string | number): RateParse {
  const bad: RateParse = {
    ok: false,
    message: '平均费率应为 0–100 之间的百分数（如 25 表示 25%），最多两位小数',
    messageEn: 'The average rate must be a percentage from 0 to 100 (25 means 25%), with at most two decimals',
  };
  if (typeof input === 'number') {
    if (!Number.isFinite(input) || input < 0 || input > 100) return bad;
    const bp = Math.round(input * 100);
    // Two decimals at most: 25.005 would be rounded silently otherwise.
    return Math.abs(input * 100 - bp) < 1e-6 ? { ok: true, basisPoints: bp } : bad;
  }
  const text = input.normalize('NFKC').trim().replace(/%$/, '').trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || Number(text) > 100) return bad;
  const [whole, fraction = ''] = text.split('.');
  return { ok: true, basisPoints: Number(whole) * 100 + Number(fraction.padEnd(2, '0')) };
}

export type RowWithNewspaper = RevenueRow & { newspaper?: NewspaperInputs };

function cellText(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * Adds the R8 inputs to the rows that carry them and computes their amount. A row with a problem
 * is left out and reported; the rest pass through unchanged.
 */
export function applyNewspaperInputs(
  sheet: SheetInput,
  header: HeaderMatch,
  columns: NewspaperColumns,
  rows: readonly RevenueRow[],
): { rows: RowWithNewspaper[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const out: RowWithNewspaper[] = [];
  const fields = Object.keys(columns) as NewspaperField[];
  for (const r of rows) {
    const cells = sheet.rows[r.row - 1] ?? [];
    const raw = (f: NewspaperField) => {
      const c = columns[f];
      return c === undefined ? null : (cells[c] ?? null);
    };
    const filled = fields.filter((f) => cellText(raw(f)?.v) !== '');
    if (filled.length === 0) {
      out.push(r);
      continue;
    }
    const problem = (field: NewspaperField | 'amount', message: Bilingual, severity: 'error' | 'warning' = 'error') => {
      const c = field === 'amount' ? header.columns.amount : columns[field];
      issues.push({
        sheet: sheet.name,
        row: r.row,
        column: c === undefined ? null : columnLetter(c),
        severity,
        ...issueText(message),
      });
    };
    if (r.line !== 'newspapers') {
      problem(
        filled[0] as NewspaperField,
        bi(
          `${filled.map((f) => LABELS[f].zh).join('、')}只适用于“报刊”行（R8）`,
          `${filled.map((f) => LABELS[f].en).join(', ')}: only for the newspapers line (R8)`,
        ),
      );
      continue;
    }
    const before = issues.length;
    const money = (f: 'turnover' | 'other'): number | null => {
      const cell = raw(f);
      if (!cell || cellText(cell.v) === '') return null;
      const parsed = parseMoney(typeof cell.v === 'number' ? cell.v : cellText(cell.v));
      if (!parsed.ok) {
        problem(f, bi(`${LABELS[f].zh}：${parsed.message}`, `${LABELS[f].en}: ${parsed.messageEn}`));
        return null;
      }
      return parsed.empty ? null : parsed.fen;
    };
    const turnover = money('turnover');
    const other = money('other');
    const rateCell = raw('rate');
    let rate: number | null = null;
    if (rateCell && cellText(rateCell.v) !== '') {
      const parsed = parseRatePercent(typeof rateCell.v === 'number' ? rateCell.v : cellText(rateCell.v));
      if (parsed.ok) rate = parsed.basisPoints;
      else problem('rate', bi(parsed.message, parsed.messageEn));
    }
    if (issues.length > before) continue;
    if (turnover === null) {
      problem(
        'turnover',
        bi(
          '填写了报刊费率或其他收入，但缺少报刊年流转额（R8）',
          'A rate or other revenue is given but the newspaper annual turnover is missing (R8)',
        ),
      );
    } else if (turnover < 0) {
      problem('turnover', bi('报刊年流转额不能为负数', 'The newspaper annual turnover cannot be negative'));
    }
    if (rate === null) {
      problem(
        'rate',
        bi(
          '填写了报刊年流转额或其他收入，但缺少平均费率（R8）',
          'A turnover or other revenue is given but the average rate is missing (R8)',
        ),
      );
    }
    if (issues.length > before || turnover === null || rate === null) continue;
    // A unit that reports turnover and rate without other revenue has none (as in manual entry).
    const inputs: NewspaperInputs = { annualTurnover: turnover, rateBasisPoints: rate, other: other ?? 0 };
    const computed = newspaperMonthlyRevenue(inputs);
    if (r.amount !== null && r.amount !== computed) {
      problem(
        'amount',
        bi(
          `收入 ${fenToYuanString(r.amount)} 元与按报刊年流转额 × 平均费率 ÷ 12 + 其他收入计算的 ${fenToYuanString(computed)} 元不一致（R8）：请只填一种，或改正其一`,
          `Revenue ${fenToYuanString(r.amount)} yuan differs from turnover × rate ÷ 12 + other revenue = ${fenToYuanString(computed)} yuan (R8): give one of them, or correct one`,
        ),
      );
      continue;
    }
    if (typeof rateCell?.v === 'number' && rate > 0 && rate < 100) {
      problem(
        'rate',
        bi(
          `平均费率 ${rateCell.v} 按 ${rateCell.v}% 计算；如指 ${rateCell.v * 100}%，请填 ${rateCell.v * 100}`,
          `Average rate ${rateCell.v} is taken as ${rateCell.v}%; if ${rateCell.v * 100}% is meant, enter ${rateCell.v * 100}`,
        ),
        'warning',
      );
    }
    out.push({ ...r, amount: computed, newspaper: inputs });
  }
  return { rows: out, issues };
}
