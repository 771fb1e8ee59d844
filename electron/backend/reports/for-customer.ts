/**
 * The reports as the customer page shows them (the customer is the hub): how the customer figures
 * in last month's live analysis for the city, and each month's latest final revision (the city's, or
 * a unit's above the customer) whose frozen figures name it, newest month first.
 */

import { AppError } from '../../../shared/api/errors';
import type { CustomerReportsView, ReportInfo } from '../../../shared/api/types';
import { bi } from '../../../shared/domain/bilingual';
import { localDate } from '../../../shared/domain/dates';
import { previousPeriod } from '../../../shared/domain/periods';
import { isMentioned, mentionOf } from '../../../shared/domain/report/mention';
import type { HandlerContext } from '../context';
import { gatherReportFacts } from './gather';
import { listReports, type ReportSnapshot, readReport } from './store';

/** Enough for two years of the city's and a unit's monthly reports. */
const MAX_REPORTS = 48;

export function customerReports(ctx: HandlerContext, customerId: string): CustomerReportsView {
  const customer = ctx.db.prepare('SELECT unit_id AS unitId FROM customers WHERE id = ?').get(customerId) as
    | { unitId: number }
    | undefined;
  if (!customer) {
    throw new AppError('NOT_FOUND', bi(`找不到客户 ${customerId}`, `No customer ${customerId}`), { customerId });
  }
  // The customer's unit and every unit above it: the reports whose scope holds the customer.
  const chain = ctx.db
    .prepare(
      `WITH RECURSIVE up(id, parent_id) AS (
         SELECT id, parent_id FROM units WHERE id = ?
         UNION SELECT u.id, u.parent_id FROM units u JOIN up ON u.id = up.parent_id)
       SELECT id FROM up`,
    )
    .pluck()
    .all(customer.unitId) as number[];
  const scopes = new Set([0, ...chain]);

  const period = previousPeriod(localDate(ctx.now()).slice(0, 7));
  const live = mentionOf(gatherReportFacts(ctx, period, null), customerId);

  // Each month and scope's latest final revision (a later draft does not unsay a final one).
  const latestFinal = new Map<string, ReportInfo>();
  for (const info of listReports(ctx.db, null, null)) {
    if (info.status !== 'final' || !scopes.has(info.unit?.id ?? 0)) continue;
    const key = `${info.period}|${info.unit?.id ?? 0}`;
    const seen = latestFinal.get(key);
    if (!seen || seen.revision < info.revision) latestFinal.set(key, info);
  }
  const reports: CustomerReportsView['reports'] = [];
  for (const info of latestFinal.values()) {
    if (reports.length >= MAX_REPORTS) break;
    const snapshot = readReport(ctx.db, info.id).snapshot;
    if (snapshot === null) continue;
    const mention = mentionOf((JSON.parse(snapshot) as ReportSnapshot).facts, customerId);
    if (isMentioned(mention)) reports.push({ info, mention });
  }
  return { period, live, reports };
}
