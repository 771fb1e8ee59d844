/**
 * A revision as the editor and every output see it: its figures (frozen for a final revision,
 * gathered now for a draft) composed with its texts into the report's document.
 */
import type { ReportView } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import { composeReport } from '../../../shared/domain/report/compose';
import type { ReportFacts } from '../../../shared/domain/report/facts';
import type { HandlerContext } from '../context';
import { readAuditHead } from '../db/audit';
import { gatherReportFacts } from './gather';
import { listReports, type ReportSnapshot, type StoredReport } from './store';

/** A revision's figures: frozen for a final one, gathered now for a draft. */
export function factsOf(ctx: HandlerContext, report: StoredReport): ReportFacts {
  if (report.snapshot !== null) return (JSON.parse(report.snapshot) as ReportSnapshot).facts;
  return gatherReportFacts(ctx, report.info.period, report.info.unit?.code ?? null);
}

export function viewOf(ctx: HandlerContext, report: StoredReport): ReportView {
  const facts = factsOf(ctx, report);
  const info = report.info;
  const document = composeReport(facts, report.texts, {
    status: info.status,
    revision: info.revision,
    hash: info.hash,
    // A final carries the head it was finalised after; a draft the head now (DOMAIN-DECISIONS "Audit log").
    auditHead: info.auditHead ?? readAuditHead(ctx.db),
    date: info.finalisedAt === null ? localDate(ctx.now()) : localDate(new Date(info.finalisedAt)),
  });
  return {
    info,
    texts: report.texts,
    facts,
    document,
    revisions: listReports(ctx.db, info.period, info.unit?.id ?? 0),
  };
}
