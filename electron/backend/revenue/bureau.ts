/**
 * R10: the bureau's annual revenue, the share score's denominator. A year already entered is
 * replaced only when the officer confirms it (`replace`); the figure it replaces is kept in
 * bureau_revenue_history, and the runs computed with it show as stale (tiering/summary.ts).
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { BureauRevenue, BureauRevenueChange } from '../../../shared/api/types';
import { formatMoney } from '../../../shared/domain/money';
import { writeBureauRevenue } from './store';

export function readBureauRevenue(db: Database, year: number): BureauRevenue | undefined {
  return db
    .prepare('SELECT year, amount_fen AS amount, entered_at AS enteredAt FROM bureau_revenue WHERE year = ?')
    .get(year) as BureauRevenue | undefined;
}

export function setBureauRevenue(
  db: Database,
  input: { year: number; amount: number; replace: boolean },
  at: string,
  actor: string,
): BureauRevenue & { staleRuns: number } {
  const { year, amount } = input;
  const current = readBureauRevenue(db, year);
  if (current && current.amount === amount) return { ...current, staleRuns: 0 };
  if (current && !input.replace) {
    throw new AppError(
      'CONFLICT',
      {
        zh: `${year} 年的全局收入已录入为 ${formatMoney(current.amount)}，改为 ${formatMoney(amount)} 需要确认；用旧数字计算的评级将需要重新评级`,
        en: `The bureau revenue of ${year} is already ${formatMoney(current.amount)}; replacing it with ${formatMoney(amount)} needs confirming, and runs computed with the old figure will need running again`,
      },
      { year, current: current.amount, amount },
    );
  }
  if (current) {
    db.prepare(
      `INSERT INTO bureau_revenue_history (year, old_amount_fen, new_amount_fen, changed_at, actor)
       VALUES (?, ?, ?, ?, ?)`,
    ).run(year, current.amount, amount, at, actor);
  }
  writeBureauRevenue(db, year, amount, at);
  const staleRuns = current
    ? (db
        .prepare('SELECT count(*) FROM tier_runs WHERE bureau_year = ? AND bureau_revenue_fen <> ?')
        .pluck()
        .get(year, amount) as number)
    : 0;
  return { ...(readBureauRevenue(db, year) as BureauRevenue), staleRuns };
}

export function bureauRevenueHistory(db: Database): BureauRevenueChange[] {
  return db
    .prepare(
      `SELECT id, year, old_amount_fen AS oldAmount, new_amount_fen AS newAmount, changed_at AS changedAt, actor
       FROM bureau_revenue_history ORDER BY id DESC`,
    )
    .all() as BureauRevenueChange[];
}
