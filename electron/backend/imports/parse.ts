/**
 * Parses a spreadsheet off the UI path (issue 4): the file guard first, then SheetJS in a worker
 * thread with a memory ceiling and a time limit, dense, with a row limit. The result is plain
 * rows of cells — header names never become object keys (`__proto__` is data).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkSpreadsheetFile, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard';

export interface ParsedCell {
  /** SheetJS cell type: n number, s string, b boolean, d date, e error, z stub. */
  t: 'n' | 's' | 'b' | 'd' | 'e' | 'z';
  v: number | string | boolean | null;
  /** Formula text, when the cell has one. */
  f?: string;
  /** A formula without a saved result: the row cannot be trusted. */
  noCache?: true;
}

export interface ParsedSheet {
  name: string;
  /** Row 0 is the sheet's first row; cells by column index; null = empty. */
  rows: (ParsedCell | null)[][];
  merges: { s: { r: number; c: number }; e: { r: number; c: number } }[];
  /** Rows the sheet's dimension declares (may be absurd: 1,048,576 for three real rows). */
  declaredRows: number;
  /** More rows than the limit: the caller refuses rather than import part of a file. */
  truncated: boolean;
  hidden: boolean;
}

export interface ParsedWorkbook {
  date1904: boolean;
  sheets: ParsedSheet[];
}

export type ParseOutcome = { ok: true; workbook: ParsedWorkbook } | { ok: false; reason: string; message: string };

export interface ParseLimits {
  zip: ZipLimits;
  maxRows: number;
  timeoutMs: number;
  maxMemoryMb: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  zip: DEFAULT_ZIP_LIMITS,
  maxRows: 200_000,
  timeoutMs: 60_000,
  maxMemoryMb: 512,
};

function workerScript(): string {
  const candidates = [
    join(__dirname, 'parse-worker.cjs'),
    resolve(__dirname, '../../electron/backend/imports/parse-worker.cjs'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`找不到表格解析程序 parse-worker.cjs（已查找：${candidates.join('；')}）`);
  return found;
}

export function parseSpreadsheet(
  buf: Buffer,
  name: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<ParseOutcome> {
  const check = checkSpreadsheetFile(buf, name, limits.zip);
  if (!check.ok) return Promise.resolve({ ok: false, reason: check.reason, message: check.message });
  return new Promise((done) => {
    let settled = false;
    const finish = (outcome: ParseOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      done(outcome);
    };
    const worker = new Worker(workerScript(), {
      workerData: { buffer: buf, maxRows: limits.maxRows, kind: check.kind },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 64 },
    });
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          reason: 'timeout',
          message: `文件“${name}”解析超过 ${Math.round(limits.timeoutMs / 1000)} 秒仍未完成，已停止；文件可能过大或结构异常`,
        }),
      limits.timeoutMs,
    );
    worker.on(
      'message',
      (m: { ok: true; date1904: boolean; sheets: ParsedSheet[] } | { ok: false; message: string }) => {
        if (m.ok) finish({ ok: true, workbook: { date1904: m.date1904, sheets: m.sheets } });
        else finish({ ok: false, reason: 'unreadable', message: `无法读取文件“${name}”：${m.message}` });
      },
    );
    worker.on('error', (e: Error & { code?: string }) =>
      finish({
        ok: false,
        reason: e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out_of_memory' : 'unreadable',
        message:
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `文件“${name}”解析时内存超过上限 ${limits.maxMemoryMb} MB，已停止；文件可能过大或是恶意文件`
            : `无法读取文件“${name}”：${e.message}`,
      }),
    );
    worker.on('exit', (code) => {
      if (code !== 0) finish({ ok: false, reason: 'unreadable', message: `文件“${name}”解析意外中止（代码 ${code}）` });
    });
  });
}
