/**
 * A tiering result's inputs as typed columns of `tier_results` (migration 0004): written by a
 * run into a reused parameter array (no per-customer JSON), read back to rebuild the explanation.
 */
import type { EvaluationInput } from '../../../shared/domain/evaluation';
import { PRODUCT_LINES, type RevenueLine } from '../../../shared/domain/lines';
import type { LineAmounts } from '../../../shared/domain/qualification';

const LINES: readonly RevenueLine[] = [...PRODUCT_LINES, 'other'];

/** Column names in the order `writeInputs` fills them. */
export const INPUT_COLUMNS: readonly string[] = [
  'in_agreement',
  'in_home_unit_is_county',
  'in_manual',
  'in_manual_reason',
  'in_turnover',
  'in_month_turnover',
  ...LINES.map((l) => `in_${l}`),
  ...LINES.map((l) => `in_month_${l}`),
];

/** Writes the input columns of one result into `args` from `offset` (the run reuses one array). */
export function writeInputs(args: unknown[], offset: number, input: EvaluationInput): void {
  const { figures, manual } = input;
  args[offset] = input.agreement ? 1 : 0;
  args[offset + 1] = input.homeUnitIsCounty ? 1 : 0;
  args[offset + 2] = manual ? (manual.qualified ? 1 : 0) : null;
  args[offset + 3] = manual ? manual.reason : null;
  args[offset + 4] = figures.newspaperTurnover?.annual ?? null;
  args[offset + 5] = figures.newspaperTurnover?.thisMonth ?? null;
  const annual = figures.annual;
  const month = figures.thisMonth;
  for (let i = 0; i < LINES.length; i++) {
    const line = LINES[i] as RevenueLine;
    args[offset + 6 + i] = annual[line] ?? 0;
    args[offset + 6 + LINES.length + i] = month[line] ?? 0;
  }
}

export type InputRow = Record<string, number | string | null>;

function lineAmounts(row: InputRow, prefix: string): LineAmounts {
  const out: LineAmounts = {};
  for (const line of LINES) {
    const v = row[`${prefix}${line}`] as number;
    // Zeros are left out, as the figures were shown before they became columns.
    if (v !== 0) out[line] = v;
  }
  return out;
}

/** The stored inputs of one result (selected with `INPUT_COLUMNS`), without the run's bureau figure. */
export function readInputs(row: InputRow): Omit<EvaluationInput, 'bureauRevenue'> {
  const turnover = row.in_turnover as number | null;
  const monthTurnover = row.in_month_turnover as number | null;
  const figures: EvaluationInput['figures'] = {
    annual: lineAmounts(row, 'in_'),
    thisMonth: lineAmounts(row, 'in_month_'),
  };
  if (turnover !== null || monthTurnover !== null) {
    figures.newspaperTurnover = { annual: turnover, thisMonth: monthTurnover };
  }
  const input: Omit<EvaluationInput, 'bureauRevenue'> = {
    agreement: row.in_agreement === 1,
    figures,
    homeUnitIsCounty: row.in_home_unit_is_county === 1,
  };
  if (row.in_manual !== null) {
    input.manual = { qualified: row.in_manual === 1, reason: (row.in_manual_reason as string | null) ?? '' };
  }
  return input;
}
