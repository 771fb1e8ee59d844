/**
 * The amounts already stored for a preview's rows (R27 and the new / changed / unchanged counts
 * both need them). Asked a slice of rows at a time in one `json_each` statement, pausing between
 * slices: a point query per row was ~0.4 s of a month's twelve workbooks, and one statement for a
 * 200,000-row sheet would hold the thread too long.
 */
import type { Database } from 'better-sqlite3';
import type { Pacer } from './pace';

const SLICE = 4_000;

export async function storedAmounts(
  db: Database,
  rows: readonly { customerId: string; period: string; line: string }[],
  pacer: Pacer,
): Promise<(number | null)[]> {
  const query = db
    .prepare(
      `SELECT j.key, r.amount_fen FROM json_each(?) j JOIN revenue r
         ON r.customer_id = j.value ->> 0 AND r.period = j.value ->> 1 AND r.line = j.value ->> 2`,
    )
    .raw();
  const out: (number | null)[] = new Array(rows.length).fill(null);
  for (let from = 0; from < rows.length; from += SLICE) {
    const slice = JSON.stringify(rows.slice(from, from + SLICE).map((r) => [r.customerId, r.period, r.line]));
    for (const [key, amount] of query.all(slice) as [number, number][]) out[from + key] = amount;
    if (pacer.due()) await pacer.pause();
  }
  return out;
}
