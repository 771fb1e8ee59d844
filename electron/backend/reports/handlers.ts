/**
 * 报表: the live dashboard and the monthly analysis report's revisions (R28, R32). A draft's
 * figures are gathered when read; a final revision's come from its frozen snapshot, so editing data
 * afterwards changes the dashboard but never a finalised report.
 */
import type { ReportInfo } from '../../../shared/api/types';
import { drillCustomers } from '../../../shared/domain/report/drill';
import { entity } from '../audit/entities';
import type { HandlerContext } from '../context';
import { resolveScope } from '../exports/scope';
import { defineHandlers } from '../registry';
import { customerReports } from './for-customer';
import { gatherReportFacts, gatherReportInput } from './gather';
import { exportMonthReport, exportReport, reportHtmlView } from './output';
import { createDraft, EMPTY_TEXTS, finalise, latestReport, listReports, readReport, revise, saveTexts } from './store';
import { viewOf } from './view';

/** The latest revision for a month and scope, created as an empty draft when there is none. */
export function openReport(ctx: HandlerContext, period: string, unitCode: string | null): ReportInfo {
  const scope = resolveScope(ctx.db, unitCode);
  const unitKey = scope.unit?.id ?? 0;
  const existing = latestReport(ctx.db, period, unitKey);
  if (existing) return existing.info;
  const id = createDraft(ctx.db, period, scope.unit?.id ?? null, 1, EMPTY_TEXTS, ctx.now().toISOString(), ctx.actor);
  return readReport(ctx.db, id).info;
}

export const reportHandlers = defineHandlers({
  'reports/dashboard': {
    kind: 'read',
    run: ({ period, unitCode }, ctx) => gatherReportFacts(ctx, period, unitCode),
  },
  'reports/list': {
    kind: 'read',
    run: ({ period, unitCode }, ctx) => {
      const unitKey = unitCode === null ? null : (resolveScope(ctx.db, unitCode).unit?.id ?? 0);
      return listReports(ctx.db, period, unitKey);
    },
  },
  'reports/create': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('report', r.id) : null) },
    run: ({ period, unitCode }, ctx) => openReport(ctx, period, unitCode),
  },
  'reports/get': {
    kind: 'read',
    run: ({ id }, ctx) => viewOf(ctx, readReport(ctx.db, id)),
  },
  'reports/save-texts': {
    kind: 'write',
    audit: { entity: (i) => entity('report', i.id) },
    run: ({ id, texts }, ctx) => saveTexts(ctx.db, id, texts, ctx.now().toISOString()).info,
  },
  'reports/finalise': {
    kind: 'write',
    audit: { entity: (i) => entity('report', i.id) },
    run: ({ id }, ctx) => {
      const report = readReport(ctx.db, id);
      const facts = gatherReportFacts(ctx, report.info.period, report.info.unit?.code ?? null);
      return finalise(ctx.db, id, facts, ctx.now().toISOString(), ctx.actor).info;
    },
  },
  'reports/revise': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('report', r.id) : null) },
    run: ({ id }, ctx) => revise(ctx.db, id, ctx.now().toISOString(), ctx.actor).info,
  },
  // Writes a file, not the database: a read as far as the registry is concerned (as exports/build).
  'reports/export': {
    kind: 'read',
    run: ({ id, format, path }, ctx) => exportReport(ctx, id, format, path),
  },
  'reports/export-month': {
    kind: 'read',
    run: ({ period, unitCode, format, path }, ctx) => exportMonthReport(ctx, period, unitCode, format, path),
  },
  'reports/for-customer': {
    kind: 'read',
    run: ({ customerId }, ctx) => customerReports(ctx, customerId),
  },
  'reports/html': {
    kind: 'read',
    run: ({ id }, ctx) => reportHtmlView(ctx, id),
  },
  'reports/customers': {
    kind: 'read',
    run: ({ period, unitCode, ...filter }, ctx) => drillCustomers(gatherReportInput(ctx, period, unitCode), filter),
  },
});
