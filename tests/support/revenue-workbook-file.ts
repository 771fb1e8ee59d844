/**
 * Writes a large revenue workbook (revenue-workbook.ts) to a file on a worker thread. A unit's
 * spreadsheet program is not the app: SheetJS writing 100,000 rows leaves ~100 MB of garbage,
 * and on the thread that then previews the file, collecting it (a mark-compact of 150–250 ms)
 * lands in the middle of the preview and was being counted against the app.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { type RevenueWorkbookSpec, revenueWorkbook } from './revenue-workbook';

interface Job {
  revenueWorkbookFile: { path: string; spec: RevenueWorkbookSpec };
}

export function writeRevenueWorkbookOffThread(path: string, spec: RevenueWorkbookSpec): Promise<void> {
  const job: Job = { revenueWorkbookFile: { path, spec } };
  const worker = new Worker(__filename, { execArgv: ['--require', require.resolve('tsx/cjs')], workerData: job });
  return new Promise<void>((resolve, reject) => {
    worker.once('message', (m: { ok: true } | { ok: false; message: string }) =>
      m.ok ? resolve() : reject(new Error(m.message)),
    );
    worker.once('error', reject);
  }).finally(() => void worker.terminate());
}

const job = isMainThread ? undefined : (workerData as Partial<Job> | undefined)?.revenueWorkbookFile;
if (job && parentPort) {
  try {
    writeFileSync(job.path, revenueWorkbook(job.spec));
    parentPort.postMessage({ ok: true });
  } catch (e) {
    parentPort.postMessage({ ok: false, message: (e as Error).stack ?? String(e) });
  }
}
