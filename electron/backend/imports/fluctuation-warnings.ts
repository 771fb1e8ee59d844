/**
 * R27 at preview: warnings for key customers whose month total moves too much once a file's rows
 * are in (DOMAIN-DECISIONS "Imports": key = holding a tier in force in the row's month).
 */
import type { Database } from 'better-sqlite3';
import { fluctuation } from '../../../shared/domain/duties';
import type { ImportIssue, RevenueRow } from '../../../shared/domain/imports/revenue-sheet';
import { type Period, previousPeriod } from '../../../shared/domain/periods';
import { monthTotalSql } from '../revenue/store';
import { keyCustomersInForce } from '../tiering/in-force';
import type { Pacer } from './pace';

/** R27 warnings for key customers whose month total moves too much once the rows are in. */
export async function fluctuationWarnings(
  db: Database,
  rows: readonly (RevenueRow & { sheet: string })[],
  stored: readonly (number | null)[],
  policy: Parameters<typeof fluctuation>[1],
  pacer: Pacer,
): Promise<ImportIssue[]> {
  // R27 applies to key customers: those holding a tier in force in the row's month.
  const keyByPeriod = new Map<string, ReadonlyMap<string, unknown>>();
  const isKey = (customerId: string, period: Period) => {
    let key = keyByPeriod.get(period);
    if (!key) {
      key = keyCustomersInForce(db, period);
      keyByPeriod.set(period, key);
    }
    return key.has(customerId);
  };
  const monthTotal = db.prepare(
    `SELECT ${monthTotalSql()} AS total FROM revenue_months WHERE customer_id = ? AND period = ?`,
  );
  const byMonth = new Map<string, { sheet: string; row: number; customerId: string; period: string; delta: number }>();
  for (const [i, r] of rows.entries()) {
    if ((i & 1023) === 0 && pacer.due()) await pacer.pause();
    if (r.amount === null) continue;
    const key = `${r.customerId}|${r.period}`;
    const old = stored[i] ?? 0;
    const entry = byMonth.get(key) ?? {
      sheet: r.sheet,
      row: r.row,
      customerId: r.customerId,
      period: r.period,
      delta: 0,
    };
    entry.delta += r.amount - old;
    byMonth.set(key, entry);
  }
  const out: ImportIssue[] = [];
  let n = 0;
  for (const e of byMonth.values()) {
    if ((++n & 255) === 0 && pacer.due()) await pacer.pause();
    if (!isKey(e.customerId, e.period)) continue;
    const now = ((monthTotal.get(e.customerId, e.period) as { total: number } | undefined)?.total ?? 0) + e.delta;
    const last =
      (monthTotal.get(e.customerId, previousPeriod(e.period)) as { total: number } | undefined)?.total ?? null;
    const f = fluctuation({ thisMonth: now, lastMonth: last }, policy);
    if (f.flagged) {
      out.push({
        sheet: e.sheet,
        row: e.row,
        column: null,
        severity: 'warning',
        message: `R27：客户 ${e.customerId} ${e.period} 收入较上月${f.changePercent === null ? (f.reason === 'new' ? '新增' : '变动') : `变动 ${f.changePercent > 0 ? '+' : ''}${f.changePercent}%`}，需在“波动原因”中说明`,
        messageEn: `R27: customer ${e.customerId} ${e.period} revenue ${f.changePercent === null ? (f.reason === 'new' ? 'is new' : 'changed') : `changed ${f.changePercent > 0 ? '+' : ''}${f.changePercent}%`} on the month before: explain it in the fluctuation reasons sheet`,
      });
    }
  }
  return out;
}
