/**
 * Parses a spreadsheet off the main thread, so a large or hostile file can neither stall nor crash
 * the app: the file guard (zip-guard.ts) first, then SheetJS in a worker thread (parse-worker.cjs)
 * with a memory ceiling and a time limit, dense, with a row limit (a warm worker is kept between
 * files, below). The result is plain rows of cells, made on access from the worker's packed cells
 * (packed-rows.ts) — header names never become object keys (`__proto__` is data).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type Bilingual, bi } from '../../../shared/domain/bilingual';
import { preferUnpacked } from '../unpacked';
import { type PackedSheet, packedRows } from './packed-rows';
import type { ParsedSheet, ParseOutcome } from './parsed-workbook';
import { checkSpreadsheetFile, DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-guard';

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

type WireSheet = Omit<ParsedSheet, 'rows'> & { packed: PackedSheet };

/** A sheet as the readers take it; its rows are made on access (packed-rows.ts says why). */
function unpackSheet(wire: WireSheet): ParsedSheet {
  const { packed, ...rest } = wire;
  return { ...rest, rows: packedRows(packed) };
}

function workerScript(): string {
  const candidates = [
    preferUnpacked(join(__dirname, 'parse-worker.cjs')),
    resolve(__dirname, '../../electron/backend/imports/parse-worker.cjs'),
  ];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`找不到表格解析程序 parse-worker.cjs（已查找：${candidates.join('；')}）`);
  return found;
}

/**
 * One warm worker is kept between files (and ended after IDLE_MS idle, or after a failure): a new
 * worker costs ~250 ms to start and runs SheetJS with a cold JIT, which made twelve unit
 * workbooks parse 2.5× slower than one thread reading them in turn. Files are still parsed one at
 * a time per worker, under the same memory ceiling and time limit; a worker that timed out, ran
 * out of memory or failed is never reused.
 */
const IDLE_MS = 10_000;
const MAX_JOBS_PER_WORKER = 50;

interface WarmWorker {
  worker: Worker;
  maxMemoryMb: number;
  jobs: number;
  idleTimer: NodeJS.Timeout | null;
}

let spare: WarmWorker | null = null;

function takeWorker(limits: ParseLimits): WarmWorker {
  const warm = spare;
  spare = null;
  if (warm && warm.maxMemoryMb === limits.maxMemoryMb) {
    if (warm.idleTimer) clearTimeout(warm.idleTimer);
    warm.idleTimer = null;
    warm.worker.ref();
    return warm;
  }
  if (warm) void warm.worker.terminate();
  const worker = new Worker(workerScript(), {
    resourceLimits: { maxOldGenerationSizeMb: limits.maxMemoryMb, maxYoungGenerationSizeMb: 48 },
  });
  return { worker, maxMemoryMb: limits.maxMemoryMb, jobs: 0, idleTimer: null };
}

function releaseWorker(warm: WarmWorker): void {
  if (spare !== null || warm.jobs >= MAX_JOBS_PER_WORKER) {
    void warm.worker.terminate();
    return;
  }
  // Idle, it must not keep a CLI or test process alive.
  warm.worker.unref();
  warm.idleTimer = setTimeout(() => {
    if (spare === warm) spare = null;
    void warm.worker.terminate();
  }, IDLE_MS);
  warm.idleTimer.unref();
  spare = warm;
}

const failed = (reason: string, message: Bilingual): ParseOutcome => ({
  ok: false,
  reason,
  message: message.zh,
  messageEn: message.en,
});
/** The parser's own words (SheetJS, in English) after ours. */
const unreadable = (name: string, cause: string): ParseOutcome =>
  failed('unreadable', bi(`无法读取文件“${name}”：${cause}`, `Cannot read the file “${name}”: ${cause}`));

type WorkerReply = { ok: true; date1904: boolean; sheets: WireSheet[] } | { ok: false; message: string };

export function parseSpreadsheet(
  buf: Buffer,
  name: string,
  limits: ParseLimits = DEFAULT_PARSE_LIMITS,
): Promise<ParseOutcome> {
  const check = checkSpreadsheetFile(buf, name, limits.zip);
  if (!check.ok) return Promise.resolve(check);
  return new Promise((done) => {
    let settled = false;
    const warm = takeWorker(limits);
    warm.jobs++;
    const { worker } = warm;
    /** `reusable`: the worker answered normally and may take the next file. */
    const finish = (outcome: ParseOutcome, reusable: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Only this job's listeners: the Worker's own bookkeeping listens too.
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      if (reusable) releaseWorker(warm);
      else void worker.terminate();
      done(outcome);
    };
    const timer = setTimeout(
      () =>
        finish(
          failed(
            'timeout',
            bi(
              `文件“${name}”解析超过 ${Math.round(limits.timeoutMs / 1000)} 秒仍未完成，已停止；文件可能过大或结构异常`,
              `Stopped reading “${name}” after ${Math.round(limits.timeoutMs / 1000)} s: the file may be too large or malformed`,
            ),
          ),
          false,
        ),
      limits.timeoutMs,
    );
    const onMessage = (m: WorkerReply) => {
      if (!m.ok) {
        finish(unreadable(name, m.message), true);
        return;
      }
      clearTimeout(timer);
      try {
        finish({ ok: true, workbook: { date1904: m.date1904, sheets: m.sheets.map(unpackSheet) } }, true);
      } catch (e) {
        finish(unreadable(name, (e as Error).message), true);
      }
    };
    const onError = (e: Error & { code?: string }) =>
      finish(
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? failed(
              'out_of_memory',
              bi(
                `文件“${name}”解析时内存超过上限 ${limits.maxMemoryMb} MB，已停止；文件可能过大或是恶意文件`,
                `Stopped reading “${name}”: it needed more than ${limits.maxMemoryMb} MB; the file may be too large or hostile`,
              ),
            )
          : unreadable(name, e.message),
        false,
      );
    const onExit = (code: number) =>
      finish(
        failed(
          'unreadable',
          bi(`文件“${name}”解析意外中止（代码 ${code}）`, `Reading “${name}” stopped unexpectedly (code ${code})`),
        ),
        false,
      );
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ buffer: buf, maxRows: limits.maxRows, kind: check.kind });
  });
}
