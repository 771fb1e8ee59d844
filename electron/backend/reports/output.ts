/**
 * One revision as a file: the print view's HTML (the source of every PDF and of the in-app
 * preview and 打印), the PDF printed from it, the Word document and the tables workbook, all from
 * the same composed document (handlers.ts `viewOf`): a final revision's frozen figures, or a
 * draft's live ones marked 草稿.
 */
import type { ReportFormat } from '../../../shared/api/schemas';
import type { ReportFileView, ReportHtmlView, ReportInfo } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import { safeFileName } from '../../../shared/domain/exports/forms';
import { formatPeriodZh } from '../../../shared/domain/periods';
import { composeReport } from '../../../shared/domain/report/compose';
import type { ReportDocument } from '../../../shared/domain/report/document';
import { reportHtml } from '../../../shared/domain/report/print-html';
import type { HandlerContext } from '../context';
import { readAuditHead } from '../db/audit';
import { saveWorkbook } from '../exports/save';
import { resolveScope } from '../exports/scope';
import { reportDocx } from './docx';
import { gatherReportFacts } from './gather';
import { EMPTY_TEXTS, listReports, readReport } from './store';
import { viewOf } from './view';
import { reportWorkbook } from './xlsx';

const STATUS_ZH = { draft: '草稿', final: '定稿' } as const;
const EXTENSION: Record<ReportFormat, string> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx' };

/** 全市大客户月度分析报告_2026年10月_第1版_定稿: what the save dialog offers and the title printed under. */
export function reportTitle(info: Pick<ReportInfo, 'period' | 'unit' | 'revision' | 'status'>): string {
  const scope = info.unit === null ? '全市' : info.unit.name;
  // Unit names are the officer's text: keep them out of a path's separators and reserved characters.
  return safeFileName(
    `${scope}大客户月度分析报告_${formatPeriodZh(info.period)}_第${info.revision}版_${STATUS_ZH[info.status]}`,
  );
}

function documentOf(ctx: HandlerContext, id: number): { info: ReportInfo; document: ReportDocument } {
  const view = viewOf(ctx, readReport(ctx.db, id));
  return { info: view.info, document: view.document };
}

export function reportHtmlView(ctx: HandlerContext, id: number): ReportHtmlView {
  const { info, document } = documentOf(ctx, id);
  return { html: reportHtml(document), title: reportTitle(info) };
}

async function bytesOf(ctx: HandlerContext, document: ReportDocument, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'pdf':
      return ctx.printPdf(reportHtml(document));
    case 'docx':
      return reportDocx(document);
    case 'xlsx':
      return reportWorkbook(document, ctx.now());
  }
}

type Titled = Pick<ReportInfo, 'period' | 'unit' | 'revision' | 'status' | 'hash'>;

async function writeDocument(
  ctx: HandlerContext,
  info: Titled,
  document: ReportDocument,
  format: ReportFormat,
  path: string | null,
): Promise<ReportFileView> {
  const bytes = await bytesOf(ctx, document, format);
  // All at once through a temporary file, never over the database (exports/save.ts).
  const written = path === null ? null : saveWorkbook(path, bytes, ctx.databasePath);
  return {
    format,
    fileName: `${reportTitle(info)}.${EXTENSION[format]}`,
    size: bytes.length,
    path: written,
    status: info.status,
    revision: info.revision,
    hash: info.hash,
    auditHead: document.auditHead ?? readAuditHead(ctx.db),
    period: info.period,
    unit: info.unit === null ? null : { code: info.unit.code, name: info.unit.name },
  };
}

export async function exportReport(
  ctx: HandlerContext,
  id: number,
  format: ReportFormat,
  path: string | null,
): Promise<ReportFileView> {
  const { info, document } = documentOf(ctx, id);
  return writeDocument(ctx, info, document, format, path);
}

/**
 * A month and scope's report as the province or a meeting should get it (the command line's
 * `kam report`): the latest final revision when there is one, else the latest draft (草稿 in its
 * header), else an empty draft composed now and not stored, so exporting never writes the database.
 */
export async function exportMonthReport(
  ctx: HandlerContext,
  period: string,
  unitCode: string | null,
  format: ReportFormat,
  path: string | null,
): Promise<ReportFileView> {
  const scope = resolveScope(ctx.db, unitCode);
  const revisions = listReports(ctx.db, period, scope.unit?.id ?? 0);
  const chosen = revisions.findLast((r) => r.status === 'final') ?? revisions.at(-1);
  if (chosen !== undefined) return exportReport(ctx, chosen.id, format, path);
  const facts = gatherReportFacts(ctx, period, unitCode);
  const info: Titled = { period, unit: scope.unit, revision: 1, status: 'draft', hash: null };
  const document = composeReport(facts, EMPTY_TEXTS, {
    ...info,
    auditHead: readAuditHead(ctx.db),
    date: localDate(ctx.now()),
  });
  return writeDocument(ctx, info, document, format, path);
}
