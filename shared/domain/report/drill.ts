/**
 * The dashboard's drill-through: the customers behind one bar or slice, picked from the same
 * gathered figures the facts are worked out from (facts.ts), with the same definitions, so a
 * bar's count and the list it opens always agree: key customers (a tier in force) filtered by
 * tier, scope (R14), the comparison table's unit, and revenue in a line this month; or the month's
 * new, lost or fluctuating (R27) key customers.
 */
import { REPORT_LINES } from '../exports/figures';
import type { RevenueLine } from '../lines';
import type { Scope, Tier } from '../tiers';
import { byRevenue, fluctuationOf, type ReportCustomer, type ReportInput, reportCustomer } from './facts';

export type DrillSet = 'key' | 'added' | 'lost' | 'fluctuating';

export interface DrillFilter {
  set: DrillSet;
  tier: Tier | null;
  scope: Scope | null;
  line: RevenueLine | null;
  groupUnitId: number | null;
  limit: number;
}

/**
 * Each set in the order the report lists it (facts.ts): by revenue; lost customers have nothing
 * this month, so the largest loss (last month's revenue) first; fluctuations (R27) by the size
 * of the change, as 四、波动客户 lists them.
 */
const ORDER: Record<DrillSet, (a: ReportCustomer, b: ReportCustomer) => number> = {
  key: byRevenue,
  added: byRevenue,
  lost: (a, b) => b.lastMonth - a.lastMonth || a.id.localeCompare(b.id),
  fluctuating: (a, b) =>
    Math.abs(b.thisMonth - b.lastMonth) - Math.abs(a.thisMonth - a.lastMonth) || a.id.localeCompare(b.id),
};

export function drillCustomers(
  input: ReportInput,
  filter: DrillFilter,
): { customers: ReportCustomer[]; total: number } {
  const lineIndex = filter.line === null ? -1 : REPORT_LINES.indexOf(filter.line);
  const rows: ReportCustomer[] = [];
  for (const c of input.customers) {
    if (c.tier === null) continue;
    if (filter.tier !== null && c.tier !== filter.tier) continue;
    const scope = input.scopeOf.get(c.id) ?? null;
    if (filter.scope !== null && scope !== filter.scope) continue;
    if (filter.groupUnitId !== null && input.groupOf.get(c.id)?.unitId !== filter.groupUnitId) continue;
    if (lineIndex >= 0 && (c.thisMonth[lineIndex] ?? 0) === 0) continue;
    const row = reportCustomer(c, scope);
    if (filter.set === 'added' && !(row.thisMonth > 0 && !(row.lastMonth > 0))) continue;
    if (filter.set === 'lost' && !(row.lastMonth > 0 && !(row.thisMonth > 0))) continue;
    if (filter.set === 'fluctuating' && fluctuationOf(row.thisMonth, row.lastMonth, input.fluctuationPercent) === null)
      continue;
    rows.push(row);
  }
  rows.sort(ORDER[filter.set]);
  return { customers: rows.slice(0, filter.limit), total: rows.length };
}
