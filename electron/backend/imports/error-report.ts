/**
 * 问题清单 (DOMAIN-DECISIONS "Imports", error report): a workbook the officer can send back, the
 * unit's rows with an added column of problems. Made from a staged preview (its token), not from a
 * path: the report then lists exactly the problems the officer saw, all of them (the preview shows
 * the first 1,000), and the file is checked to be the same bytes (SHA-256) as when it was
 * previewed. Ask for it before committing: a commit consumes the preview.
 *
 * Like `exports/build`: with a `path` (the main process's save dialog, or the CLI) the workbook is
 * written there; without one it comes back as base64, which goes through the one invoke channel,
 * the browser harness and the CLI's JSON unchanged, and the renderer saves it (a download, which
 * Electron turns into its own save dialog). The backend never picks a folder for the officer.
 * Reading and writing the workbook run in a worker (report-worker.cjs), so IPC stays answered.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../shared/api/errors';
import type { ImportErrorReportView } from '../../../shared/api/types';
import { bi } from '../../../shared/domain/bilingual';
import {
  planErrorReport,
  REPORT_FLAG_HEADER,
  REPORT_NO,
  REPORT_PROBLEMS_HEADER,
  REPORT_SUMMARY_SHEET,
  REPORT_YES,
  type ReportPlan,
} from '../../../shared/domain/imports/error-report';
import type { HandlerContext } from '../context';
import { saveWorkbook } from '../exports/save';
import { preferUnpacked } from '../unpacked';
import { XLSX_WRITE_OPTIONS } from '../xlsx/write';
import { readBoundedFile } from './import-file';
import { DEFAULT_PARSE_LIMITS, type ParseLimits } from './parse';
import { checkSpreadsheetFile } from './zip-guard';

function workerScript(): string {
  const candidates = [
    preferUnpacked(join(__dirname, 'report-worker.cjs')),
    resolve(__dirname, '../../electron/backend/imports/report-worker.cjs'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`找不到问题清单程序 report-worker.cjs（已查找：${candidates.join('；')}）`);
  return found;
}

/** The report's bytes, written in a worker under the parse's memory and time limits. */
export function writeErrorReport(
  buf: Buffer,
  fileName: string,
  plan: ReportPlan,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<Buffer> {
  const check = checkSpreadsheetFile(buf, fileName, limits.zip);
  if (!check.ok)
    return Promise.reject(new AppError('VALIDATION', bi(check.message, check.messageEn), { reason: check.reason }));
  return new Promise((done, fail) => {
    let settled = false;
    const finish = (outcome: Buffer | AppError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      if (outcome instanceof AppError) fail(outcome);
      else done(outcome);
    };
    const worker = new Worker(workerScript(), {
      workerData: {
        buffer: buf,
        kind: check.kind,
        maxRows: limits.maxRows,
        plan,
        labels: {
          summary: REPORT_SUMMARY_SHEET,
          flag: REPORT_FLAG_HEADER,
          problems: REPORT_PROBLEMS_HEADER,
          yes: REPORT_YES,
          no: REPORT_NO,
        },
        // The app's one way of writing a workbook (texts as shared strings), passed as data: the
        // worker is plain CommonJS and cannot import it.
        writeOptions: XLSX_WRITE_OPTIONS,
      },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
    });
    const timer = setTimeout(
      () =>
        finish(
          new AppError('INTERNAL', {
            zh: `生成问题清单超过 ${Math.round(limits.timeoutMs / 1000)} 秒仍未完成，已停止`,
            en: `The problem list took over ${Math.round(limits.timeoutMs / 1000)} seconds and was stopped`,
          }),
        ),
      limits.timeoutMs,
    );
    worker.on('message', (m: { ok: true; bytes: Uint8Array } | { ok: false; message: string }) => {
      if (m.ok) finish(Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength));
      else
        finish(
          new AppError('INTERNAL', {
            zh: `无法生成问题清单：${m.message}`,
            en: `Cannot make the problem list: ${m.message}`,
          }),
        );
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(
        new AppError(
          'INTERNAL',
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? {
                zh: `生成问题清单时内存超过上限 ${limits.maxMemoryMb} MB，已停止`,
                en: `The problem list needed more than ${limits.maxMemoryMb} MB of memory and was stopped`,
              }
            : { zh: `无法生成问题清单：${e.message}`, en: `Cannot make the problem list: ${e.message}` },
        ),
      ),
    );
    worker.on('exit', (code) => {
      if (code !== 0)
        finish(
          new AppError('INTERNAL', {
            zh: `生成问题清单意外中止（代码 ${code}）`,
            en: `Making the problem list stopped unexpectedly (code ${code})`,
          }),
        );
    });
  });
}

/** 澄海分局2026年10月.xlsx → 澄海分局2026年10月_问题清单.xlsx */
export function reportFileName(fileName: string): string {
  return `${basename(fileName, extname(fileName))}_问题清单.xlsx`;
}

/**
 * `imports/error-report`: the report of a staged preview (`token`), written to `path` or returned
 * as base64 when `path` is null.
 */
export async function errorReportOf(
  { token, path }: { token: string; path: string | null },
  ctx: Pick<HandlerContext, 'imports' | 'now' | 'databasePath'>,
): Promise<ImportErrorReportView> {
  const staged = ctx.imports.take(token, ctx.now().getTime());
  if (!staged?.report) {
    throw new AppError('NOT_FOUND', {
      zh: '预览已过期、已导入或不存在，请重新选择文件预览后再生成问题清单',
      en: 'The preview has expired, was imported or does not exist; preview the file again, then make the problem list',
    });
  }
  const { report, meta } = staged;
  let buf: Buffer;
  try {
    // Bounded as the preview read it: a path swapped for a device or a pipe since is refused.
    buf = await readBoundedFile(report.path);
  } catch {
    throw new AppError('NOT_FOUND', {
      zh: `找不到预览过的文件：${report.path}，请重新选择文件预览`,
      en: `The previewed file is gone: ${report.path}; choose the file and preview it again`,
    });
  }
  if (createHash('sha256').update(buf).digest('hex') !== meta.sha256) {
    throw new AppError('CONFLICT', {
      zh: `文件“${meta.fileName}”在预览之后被改动过，请重新预览后再生成问题清单`,
      en: `“${meta.fileName}” changed after the preview; preview it again, then make the problem list`,
    });
  }
  const headers = new Map(report.headerRows);
  const hidden = new Set(report.hiddenSheets);
  const plan = planErrorReport(
    meta.fileName,
    report.sheets.map((s) => ({
      name: s.name,
      hidden: hidden.has(s.name),
      used: s.used,
      headerRow: headers.get(s.name) ?? null,
    })),
    report.issues,
  );
  const bytes = await writeErrorReport(buf, meta.fileName, plan);
  const written = path === null ? null : saveWorkbook(path, bytes, ctx.databasePath);
  return {
    fileName: reportFileName(meta.fileName),
    errors: plan.counts.errors,
    warnings: plan.counts.warnings,
    rowsWithProblems: plan.counts.rows,
    size: bytes.length,
    path: written,
    base64: written === null ? bytes.toString('base64') : null,
  };
}
