/**
 * One revision as a file: the print view's HTML (the source of every PDF and of the in-app
 * preview and 打印), the PDF printed from it, the Word document and the tables workbook, all from
 * the same composed document (handlers.ts `viewOf`): a final revision's frozen figures, or a
 * draft's live ones marked 草稿.
 */
import type { ReportFormat } from '../../../shared/api/schemas';
import type { ReportFileView, ReportHtmlView, ReportInfo } from '../../../shared/api/types';
import { safeFileName } from '../../../shared/domain/exports/forms';
import { formatPeriodZh } from '../../../shared/domain/periods';
import type { ReportDocument } from '../../../shared/domain/report/document';
import { reportHtml } from '../../../shared/domain/report/print-html';
import type { HandlerContext } from '../context';
import { saveWorkbook } from '../exports/save';
import { reportDocx } from './docx';
import { viewOf } from './handlers';
import { readReport } from './store';
import { reportWorkbook } from './xlsx';

const STATUS_ZH = { draft: '草稿', final: '定稿' } as const;
const EXTENSION: Record<ReportFormat, string> = { pdf: 'pdf', docx: 'docx', xlsx: 'xlsx' };

/** 全市大客户月度分析报告_2026年10月_第1版_定稿: what the save dialog offers and the title printed under. */
export function reportTitle(info: ReportInfo): string {
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

export async function exportReport(
  ctx: HandlerContext,
  id: number,
  format: ReportFormat,
  path: string | null,
): Promise<ReportFileView> {
  const { info, document } = documentOf(ctx, id);
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
  };
}
