/**
 * The revenue store's derived copies as they must be: `revenue_months` the aggregate of `revenue`
 * (and R8 newspaper turnover), `revenue_years` (triggers, migration 0004) the yearly sum of it.
 */
import type { Database } from 'better-sqlite3';
import { expect } from 'vitest';
import { PRODUCT_LINES } from '../../shared/domain/lines';

const LINES = [...PRODUCT_LINES, 'other'];

export function expectRevenueCopiesExact(db: Database): void {
  const expected = db
    .prepare(
      `SELECT r.period, r.customer_id, ${LINES.map((l) => `coalesce(sum(CASE r.line WHEN '${l}' THEN r.amount_fen END), 0) AS ${l}`).join(', ')},
        (SELECT n.annual_turnover_fen / 12 FROM newspaper_inputs n WHERE n.customer_id = r.customer_id
           AND n.period = r.period) AS newspaper_turnover
       FROM revenue r GROUP BY r.period, r.customer_id ORDER BY r.period, r.customer_id`,
    )
    .all();
  const months = db
    .prepare(
      `SELECT period, customer_id, ${LINES.join(', ')}, newspaper_turnover FROM revenue_months ORDER BY period, customer_id`,
    )
    .all();
  expect(months).toEqual(expected);
  const yearly = db
    .prepare(
      `SELECT CAST(substr(period, 1, 4) AS INTEGER) AS year, customer_id, ${LINES.map((l) => `sum(${l}) AS ${l}`).join(', ')},
         coalesce(sum(newspaper_turnover), 0) AS newspaper_turnover, count(newspaper_turnover) AS turnover_months,
         count(*) AS months
       FROM revenue_months GROUP BY 1, 2 ORDER BY 1, 2`,
    )
    .all();
  expect(db.prepare('SELECT * FROM revenue_years ORDER BY year, customer_id').all()).toEqual(yearly);
}
