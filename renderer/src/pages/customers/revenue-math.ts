/**
 * R8 preview in the dialog: newspaper monthly revenue = annual turnover × rate ÷ 12 + other,
 * rounded half up to the fen, in BigInt (the server computes the stored figure; this only shows
 * the officer what they are about to save).
 */
import { parseMoney } from '../../../../shared/domain/money';

/** "25", "25.5%", "25.50％" → basis points (2550); null when not a 0–100 percent with ≤ 2 decimals. */
export function parseRatePercent(text: string): number | null {
  const t = text.trim().replace(/[%％]$/, '');
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(t) || Number(t) > 100) return null;
  const [whole, fraction = ''] = t.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export function newspaperRevenue(turnoverFen: number, rateBasisPoints: number, otherFen: number): number {
  const num = BigInt(turnoverFen) * BigInt(rateBasisPoints);
  const den = 120_000n; // 10,000 basis points × 12 months
  const monthly = (num * 2n + den) / (2n * den);
  return Number(monthly) + otherFen;
}

/** The preview for the dialog's three texts, or null while any of them does not parse. */
export function previewNewspaper(turnover: string, rate: string, other: string): number | null {
  const tv = parseMoney(turnover);
  const ot = other.trim() === '' ? ({ ok: true, empty: true } as const) : parseMoney(other);
  const bp = parseRatePercent(rate);
  if (!tv.ok || tv.empty || bp === null || !ot.ok) return null;
  return newspaperRevenue(tv.fen, bp, ot.empty ? 0 : ot.fen);
}

/**
 * Spreadsheet movement in the revenue grid: arrows move one cell (stopping at the edges), Enter
 * after a save moves down. Returns the target's row and column, or null when the key is not a
 * movement or the edge is reached.
 */
export function gridMove(
  at: { row: number; col: number },
  size: { rows: number; cols: number },
  key: string,
): { row: number; col: number } | null {
  const step: Record<string, [number, number]> = {
    ArrowUp: [-1, 0],
    ArrowDown: [1, 0],
    Enter: [1, 0],
    ArrowLeft: [0, -1],
    ArrowRight: [0, 1],
  };
  const d = step[key];
  if (!d) return null;
  const row = at.row + d[0];
  const col = at.col + d[1];
  if (row < 0 || row >= size.rows || col < 0 || col >= size.cols) return null;
  return { row, col };
}

/** A key that starts editing a cell with that character typed, as in a spreadsheet. */
export function startsEdit(key: string, withModifier: boolean): boolean {
  return !withModifier && /^[0-9.\-(（¥￥０-９]$/.test(key);
}
