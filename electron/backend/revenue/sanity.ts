/**
 * The context a revenue figure is judged in (shared/domain/revenue-sanity.ts): the customer's
 * largest month of the 24 before, and the bureau's annual revenue (R10). Used by manual entry
 * (revenue/set) and by an import's preview, so both ask about the same figures.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ImportIssue, RevenueRow } from '../../../shared/domain/imports/revenue-sheet';
import { addMonths, type Period, yearOf } from '../../../shared/domain/periods';
import {
  type RevenueFigureContext,
  type RevenueFigureWarning,
  revenueFigureWarnings,
} from '../../../shared/domain/revenue-sanity';
import type { Pacer } from '../imports/pace';

const HISTORY_MONTHS = 24;

export class RevenueSanity {
  private readonly history: Statement;
  private readonly bureau: Statement;
  private readonly bureauByYear = new Map<number, number | null>();

  constructor(db: Database) {
    this.history = db.prepare(
      `SELECT max(total) AS max FROM (
         SELECT sum(amount_fen) AS total FROM revenue
         WHERE customer_id = ? AND period BETWEEN ? AND ? GROUP BY period)`,
    );
    // The figure's year, else the nearest earlier year, else the nearest later one.
    this.bureau = db.prepare(
      'SELECT amount_fen AS amount FROM bureau_revenue ORDER BY (year <= @year) DESC, abs(year - @year) LIMIT 1',
    );
  }

  context(customerId: string, period: Period): RevenueFigureContext {
    const h = this.history.get(customerId, addMonths(period, -HISTORY_MONTHS), addMonths(period, -1)) as {
      max: number | null;
    };
    const year = yearOf(period);
    let bureauAnnual = this.bureauByYear.get(year);
    if (bureauAnnual === undefined) {
      bureauAnnual = (this.bureau.get({ year }) as { amount: number } | undefined)?.amount ?? null;
      this.bureauByYear.set(year, bureauAnnual);
    }
    return { historyMax: h.max, bureauAnnual };
  }

  warnings(customerId: string, period: Period, amount: number): RevenueFigureWarning[] {
    return revenueFigureWarnings(amount, this.context(customerId, period));
  }
}

/**
 * An import's rows judged against history and the bureau's revenue. The sheet-level checks
 * (negative, ceiling) were added while the rows were read; only these two are added here. Paced:
 * one indexed range read per customer-month.
 */
export async function importFigureWarnings(
  db: Database,
  rows: readonly (RevenueRow & { sheet: string })[],
  pacer: Pacer,
): Promise<ImportIssue[]> {
  const sanity = new RevenueSanity(db);
  const contexts = new Map<string, RevenueFigureContext>();
  const out: ImportIssue[] = [];
  for (const [i, r] of rows.entries()) {
    if ((i & 1023) === 0 && pacer.due()) await pacer.pause();
    if (r.amount === null || r.amount <= 0) continue;
    const key = `${r.customerId}|${r.period}`;
    let context = contexts.get(key);
    if (!context) {
      context = sanity.context(r.customerId, r.period as Period);
      contexts.set(key, context);
    }
    for (const w of revenueFigureWarnings(r.amount, context)) {
      if (w.code !== 'above-history' && w.code !== 'above-bureau') continue;
      out.push({
        sheet: r.sheet,
        row: r.row,
        column: null,
        severity: 'warning',
        message: `客户 ${r.customerId} ${r.period}：${w.message}`,
        messageEn: `Customer ${r.customerId} ${r.period}: ${w.messageEn}`,
      });
    }
  }
  return out;
}
