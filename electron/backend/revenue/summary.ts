/** `revenue/summary`: a month's revenue over every customer, by line (R1), for `kam revenue summary`. */
import type { Database } from 'better-sqlite3';
import type { RevenueSummary } from '../../../shared/api/types';
import { REPORT_LINES } from '../../../shared/domain/exports/figures';
import type { RevenueLine } from '../../../shared/domain/lines';
import type { Period } from '../../../shared/domain/periods';
import { defineHandlers } from '../registry';

/** From the monthly copy (one row per customer-month with any figure), which the store keeps equal to `revenue`. */
export function summariseMonth(db: Database, period: Period): RevenueSummary {
  const row = db
    .prepare(
      `SELECT count(*), ${REPORT_LINES.map((l) => `coalesce(sum(${l}), 0)`).join(', ')}
       FROM revenue_months WHERE period = ?`,
    )
    .raw()
    .get(period) as [number, ...number[]];
  const [customers, ...sums] = row;
  const byLine = Object.fromEntries(REPORT_LINES.map((l, i) => [l, sums[i] ?? 0])) as Record<RevenueLine, number>;
  return { period, total: sums.reduce((a, b) => a + b, 0), byLine, customers };
}

export const revenueSummaryHandlers = defineHandlers({
  'revenue/summary': {
    kind: 'read',
    run: ({ period }, { db }) => summariseMonth(db, period),
  },
});
