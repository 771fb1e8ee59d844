/**
 * R24 YoY (同比) and MoM (环比) as ratios for a percent-formatted cell: (current − base) ÷ base.
 * With no positive base there is nothing to compare with: null, written as a blank cell rather
 * than 0% or an infinite growth that would mislead a reader (a negative base is a correction,
 * not revenue).
 */
import type { Fen } from '../money';

export function changeRatio(current: Fen, base: Fen): number | null {
  if (!(base > 0)) return null;
  return (current - base) / base;
}
