/**
 * The revenue store: every write of revenue goes through here, so `revenue_months` (the wide,
 * customer-ordered copy the tiering reads) is always refreshed in the same transaction. Cells one
 * by one (manual entry, R8 inputs) here; the set-wise writes (an import batch's commit and undo,
 * the demo data's bulk fill) in writes.ts beside it. The bureau's annual revenue (R10) is written
 * here too.
 */
import type { Database } from 'better-sqlite3';
import { PRODUCT_LINES, type RevenueLine } from '../../../shared/domain/lines';
import { newspaperMonthlyRevenue } from '../../../shared/domain/qualification';

export type SourceKind = 'manual' | 'import' | 'form';

export interface RevenueSource {
  kind: SourceKind;
  /** Import batch or form reference; null for manual entry. */
  ref: string | null;
}

export interface RevenueCell {
  customerId: string;
  period: string;
  line: RevenueLine;
  /** Fen; null removes the cell (blank is "not reported", not 0). */
  amount: number | null;
}

const MONTH_COLUMNS = [...PRODUCT_LINES, 'other'] as const;

/**
 * The monthly copy's line sums over `revenue` rows (aliased `alias.`), in revenue_months column
 * order: one definition for every writer that refreshes the copy.
 */
export function monthlyCopySql(alias: string): { columns: string; sums: string } {
  return {
    columns: MONTH_COLUMNS.join(', '),
    sums: MONTH_COLUMNS.map(
      (l) => `coalesce(sum(CASE ${alias}.line WHEN '${l}' THEN ${alias}.amount_fen END), 0)`,
    ).join(', '),
  };
}

/**
 * A `revenue_months` row's total over all lines (aliased `alias.`, or bare without one): R27's
 * fluctuation and the templates' 上月收入 both read it, so the sum is spelt once.
 */
export function monthTotalSql(alias = ''): string {
  const prefix = alias ? `${alias}.` : '';
  return MONTH_COLUMNS.map((c) => `${prefix}${c}`).join(' + ');
}

const copy = monthlyCopySql('r');
const REFRESH = `
  INSERT INTO revenue_months (period, customer_id, ${copy.columns}, newspaper_turnover)
  SELECT @period, @customerId, ${copy.sums},
    (SELECT annual_turnover_fen / 12 FROM newspaper_inputs n WHERE n.customer_id = @customerId AND n.period = @period)
  FROM revenue r WHERE r.customer_id = @customerId AND r.period = @period
  ON CONFLICT (customer_id, period) DO UPDATE SET
    ${MONTH_COLUMNS.map((l) => `${l} = excluded.${l}`).join(', ')}, newspaper_turnover = excluded.newspaper_turnover`;

/**
 * R8 inputs as stored (the newspapers revenue cell is the caller's to write): one statement for
 * manual entry and import batches, so both store them alike.
 */
export function upsertNewspaperInputs(
  db: Database,
  input: { customerId: string; period: string; annualTurnover: number; rateBasisPoints: number; other: number },
  source: { kind: string; ref: string | null },
  at: string,
): void {
  db.prepare(
    `INSERT INTO newspaper_inputs (customer_id, period, annual_turnover_fen, rate_bp, other_fen, source_kind, source_ref, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (customer_id, period) DO UPDATE SET annual_turnover_fen = excluded.annual_turnover_fen,
       rate_bp = excluded.rate_bp, other_fen = excluded.other_fen, source_kind = excluded.source_kind,
       source_ref = excluded.source_ref, updated_at = excluded.updated_at`,
  ).run(
    input.customerId,
    input.period,
    input.annualTurnover,
    input.rateBasisPoints,
    input.other,
    source.kind,
    source.ref,
    at,
  );
}

/**
 * R10: the bureau's annual revenue for `year`. `keepEntered` leaves a year already entered as it
 * is (demo data never overwrites a figure the officer typed).
 */
export function writeBureauRevenue(
  db: Database,
  year: number,
  amountFen: number,
  at: string,
  options: { keepEntered?: boolean } = {},
): void {
  db.prepare(
    options.keepEntered
      ? 'INSERT INTO bureau_revenue (year, amount_fen, entered_at) VALUES (?, ?, ?) ON CONFLICT (year) DO NOTHING'
      : `INSERT INTO bureau_revenue (year, amount_fen, entered_at) VALUES (?, ?, ?)
         ON CONFLICT (year) DO UPDATE SET amount_fen = excluded.amount_fen, entered_at = excluded.entered_at`,
  ).run(year, amountFen, at);
}

export class RevenueStore {
  private readonly upsert;
  private readonly remove;
  private readonly refresh;
  private readonly dropEmpty;
  private readonly dropNewspaper;

  constructor(private readonly db: Database) {
    this.upsert = db.prepare(
      `INSERT INTO revenue (customer_id, period, line, amount_fen, source_kind, source_ref, updated_at)
       VALUES (@customerId, @period, @line, @amount, @kind, @ref, @at)
       ON CONFLICT (customer_id, period, line) DO UPDATE SET amount_fen = excluded.amount_fen,
         source_kind = excluded.source_kind, source_ref = excluded.source_ref, updated_at = excluded.updated_at`,
    );
    this.remove = db.prepare('DELETE FROM revenue WHERE customer_id = ? AND period = ? AND line = ?');
    this.refresh = db.prepare(REFRESH);
    this.dropNewspaper = db.prepare('DELETE FROM newspaper_inputs WHERE customer_id = ? AND period = ?');
    this.dropEmpty = db.prepare(
      `DELETE FROM revenue_months WHERE customer_id = @customerId AND period = @period
         AND NOT EXISTS (SELECT 1 FROM revenue r WHERE r.customer_id = @customerId AND r.period = @period)`,
    );
  }

  /** Writes cells and refreshes each touched customer-month once. Call inside a transaction. */
  write(
    cells: readonly RevenueCell[],
    source: RevenueSource,
    at: string,
    options: { keepNewspaperInputs?: boolean } = {},
  ): void {
    const touched = new Map<string, { customerId: string; period: string }>();
    for (const c of cells) {
      // A newspapers figure entered directly no longer comes from R8 inputs: drop them, so R7
      // is not judged on a turnover nobody reports any more.
      if (c.line === 'newspapers' && !options.keepNewspaperInputs) this.dropNewspaper.run(c.customerId, c.period);
      if (c.amount === null) this.remove.run(c.customerId, c.period, c.line);
      else this.upsert.run({ ...c, kind: source.kind, ref: source.ref, at });
      touched.set(`${c.customerId}|${c.period}`, { customerId: c.customerId, period: c.period });
    }
    for (const key of touched.values()) {
      this.refresh.run(key);
      this.dropEmpty.run(key);
    }
  }

  /** R8: stores the newspaper inputs and the newspapers revenue computed from them. */
  writeNewspaper(
    input: { customerId: string; period: string; annualTurnover: number; rateBasisPoints: number; other: number },
    source: RevenueSource,
    at: string,
  ): number {
    const revenue = newspaperMonthlyRevenue(input);
    upsertNewspaperInputs(this.db, input, source, at);
    this.write(
      [{ customerId: input.customerId, period: input.period, line: 'newspapers', amount: revenue }],
      source,
      at,
      { keepNewspaperInputs: true },
    );
    return revenue;
  }
}
