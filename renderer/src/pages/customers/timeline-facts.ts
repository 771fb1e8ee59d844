/** Pure readings of a timeline event's facts (tested without a browser). */
import { parseMoney } from '../../../../shared/domain/money';

/**
 * A typed figure as the audit log keeps its input: a text ("1234.5", "1.2万") or a number of yuan
 * (the command line's JSON). Fen, or null when the figure was cleared (blank, or nothing).
 */
export function typedFen(amount: string | number | null | undefined): number | null {
  if (amount === null || amount === undefined) return null;
  const parsed = parseMoney(amount);
  return parsed.ok && !parsed.empty ? parsed.fen : null;
}
