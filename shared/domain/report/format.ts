/**
 * How the report's figures are written, one place for every output (print view → PDF, Word, the
 * in-app preview), so a figure reads the same in all of them. By hand rather than with Intl: its
 * grouping and minus sign depend on the ICU data the runtime ships (see money.ts).
 *
 * - `wan`: fen → 万元 with two decimals, grouped: 3,672,260,000 fen → "3,672.26".
 * - `yuan`: fen → 元 with two decimals, grouped: 123,450 fen → "1,234.50".
 * - `percent`: a fraction → one decimal: 0.042 → "4.2%".
 * - `ratio`: a fraction, signed: 0.042 → "+4.2%", −0.013 → "−1.3%", a change that rounds to 0 → "0.0%".
 * - `count`: an integer, grouped: 12345 → "12,345".
 * - null in any column → "—" (no base for a ratio, no figure reported).
 *
 * Every rounding is half away from zero, as people round by hand and as the bureau's spreadsheets
 * (ROUND) do (docs/DOMAIN-DECISIONS.md, money). Negative figures carry the typographic minus
 * U+2212, the same sign a falling ratio carries, so a column never mixes two minus signs.
 */
import { FEN_PER_WAN, FEN_PER_YUAN } from '../money';
import type { CellFormat, TableCell } from './document';

/** U+2212 MINUS SIGN: wider than the hyphen, and the sign a ratio's fall is written with. */
export const MINUS = '\u2212';
/** U+2014 EM DASH: a cell with no figure. */
export const NO_FIGURE = '\u2014';

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits.charAt(i);
  }
  return out;
}

function assertSafeInteger(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what}必须是安全范围内的整数：${value}`);
}

/**
 * A non-negative safe integer divided by `unit` (a power of ten ≥ 100), rounded half away from zero
 * to two decimals, grouped: all in integers, so no binary fraction decides a rounding.
 */
function twoDecimals(abs: number, unit: number): string {
  const step = unit / 100; // smallest units per last printed digit
  const remainder = abs % step;
  const hundredths = (abs - remainder) / step + (remainder * 2 >= step ? 1 : 0);
  const frac = hundredths % 100;
  return `${groupThousands(String((hundredths - frac) / 100))}.${String(frac).padStart(2, '0')}`;
}

function signed(negative: boolean, body: string): string {
  return negative ? `${MINUS}${body}` : body;
}

/** Fen → 万元, two decimals: 3,672,260,000 → "3,672.26"; 4,999 → "0.00"; −1,250,000 → "−1.25". */
export function formatWanFigure(fen: number): string {
  assertSafeInteger(fen, '金额（分）');
  const body = twoDecimals(Math.abs(fen), FEN_PER_WAN);
  // A small negative amount that rounds to 0.00 is written without a sign: "−0.00" reads as a fall.
  return signed(fen < 0 && body !== '0.00', body);
}

/** Fen → 元, two decimals: 123,450 → "1,234.50"; −5 → "−0.05". */
export function formatYuanFigure(fen: number): string {
  assertSafeInteger(fen, '金额（分）');
  return signed(fen < 0, twoDecimals(Math.abs(fen), FEN_PER_YUAN));
}

/**
 * |fraction| in tenths of a percent, rounded half away from zero. The product is first cut to 12
 * significant digits so that 0.0425 × 1000 = 42.49999999… counts as the 42.5 it was written as.
 */
function tenthsOfPercent(fraction: number): number {
  if (!Number.isFinite(fraction)) throw new RangeError(`百分比必须是有限数：${fraction}`);
  return Math.round(Number((Math.abs(fraction) * 1000).toPrecision(12)));
}

function percentBody(tenths: number): string {
  const frac = tenths % 10;
  return `${groupThousands(String((tenths - frac) / 10))}.${frac}%`;
}

/** A fraction → percent with one decimal: 0.042 → "4.2%"; −0.05 → "−5.0%". */
export function formatPercentFigure(fraction: number): string {
  const tenths = tenthsOfPercent(fraction);
  return signed(fraction < 0 && tenths > 0, percentBody(tenths));
}

/**
 * A change as a fraction, always signed: 0.042 → "+4.2%", −0.013 → "−1.3%"; one that rounds to
 * zero has no sign ("0.0%"), since "+0.0%" would claim a rise nobody can see; null → "—".
 */
export function formatRatioFigure(fraction: number | null): string {
  if (fraction === null) return NO_FIGURE;
  const tenths = tenthsOfPercent(fraction);
  if (tenths === 0) return percentBody(0);
  return `${fraction < 0 ? MINUS : '+'}${percentBody(tenths)}`;
}

/** An integer, grouped: 12,345 → "12,345"; −3 → "−3". */
export function formatCountFigure(count: number): string {
  assertSafeInteger(count, '数量');
  return signed(count < 0, groupThousands(String(Math.abs(count))));
}

/**
 * A table cell as text in its column's format. A string is already text (a name, a tier, "合计")
 * and is printed as given in any column; null is "—". A number in a `text` column is printed plain.
 */
export function formatCell(value: TableCell, format: CellFormat): string {
  if (value === null) return NO_FIGURE;
  if (typeof value === 'string') return value;
  switch (format) {
    case 'wan':
      return formatWanFigure(value);
    case 'yuan':
      return formatYuanFigure(value);
    case 'percent':
      return formatPercentFigure(value);
    case 'ratio':
      return formatRatioFigure(value);
    case 'count':
      return formatCountFigure(value);
    case 'text':
      return String(value);
  }
}

/** Figures line up on the right (the decimal point) in a table; text on the left. */
export function cellAlign(format: CellFormat): 'left' | 'right' {
  return format === 'text' ? 'left' : 'right';
}
