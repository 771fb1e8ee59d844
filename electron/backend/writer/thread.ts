/**
 * The writer thread, so the UI and IPC stay responsive while an import commits or is undone
 * (DOMAIN-DECISIONS "Imports", responsiveness). Committing or undoing 100,000 revenue rows holds
 * SQLite for about a second; on the main thread that second would stop every IPC answer. Such
 * writes run here instead: a worker with its own connection to the same file, one job at a time,
 * each in one immediate transaction with its audit row. The registry queues them with the other
 * writes (never two writers), and the main connection keeps answering reads from the last
 * committed state (WAL), so nobody sees half a batch.
 *
 * An in-memory database cannot be shared with another thread: there the job runs inline, in the
 * main thread's transaction, with the same code.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { type CopyFacts, FULL_CHECK, type FullCheck, fullCheck, inspectCopy } from '../backups/check';
import type { AuditEntry } from '../db/audit';
import { asKnownFault } from '../db/faults';
import { IN_MEMORY } from '../db/pragmas';
import { preferUnpacked } from '../unpacked';
import type { WriterJobName, WriterPayload, WriterResult } from './jobs';
import { runWriterJob } from './run-job';
import type { WriterReply, WriterRequest, WriterWorkerData } from './worker';

export interface WriterThreadOptions {
  databasePath: string;
  nativeBinding?: string;
  /**
   * Called on the main thread after each job committed on the worker's connection (not inline:
   * the main connection's own writes are seen as such). No writer job changes a customer, so the
   * backend keeps its search index here instead of letting `data_version` rebuild it.
   */
  committedElsewhere?: () => void;
}

/**
 * The built app ships the worker as `writer-worker.js` beside the main bundle (see
 * electron.vite.config.ts; packaged, its copy outside the asar: unpacked.ts); from source (tests, `npm run kam`) it is the TypeScript file, loaded
 * through tsx's require hook.
 */
function workerEntry(): { file: string; execArgv: string[] } {
  for (const dir of [__dirname, join(__dirname, '..')]) {
    const built = preferUnpacked(join(dir, 'writer-worker.js'));
    if (existsSync(built)) return { file: built, execArgv: [] };
  }
  // Resolved from here, not from the working folder (a CLI may be started anywhere).
  return { file: join(__dirname, 'worker.ts'), execArgv: ['--require', require.resolve('tsx/cjs')] };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

export class WriterThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  /** Requests that are full checks, not jobs: their answer is no commit elsewhere. */
  private readonly checks = new Set<number>();
  private nextId = 1;

  constructor(
    private readonly db: Database,
    private readonly options: WriterThreadOptions,
  ) {}

  /** True when jobs run on a worker (a file database), false when inline (in memory). */
  get offThread(): boolean {
    return this.options.databasePath !== IN_MEMORY;
  }

  run<K extends WriterJobName>(name: K, payload: WriterPayload<K>, audit: AuditEntry): Promise<WriterResult<K>> {
    if (!this.offThread) {
      try {
        return Promise.resolve(runWriterJob(this.db, name, payload, audit));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    const worker = this.start();
    const id = this.nextId++;
    return new Promise<WriterResult<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // Held only while a job is out, so an idle writer never keeps a CLI process alive.
      worker.ref();
      const request: WriterRequest = { id, name, payload, audit };
      worker.postMessage(request);
    });
  }

  /**
   * `integrity_check` + `foreign_key_check` on the worker's connection (DOMAIN-DECISIONS
   * "Backups"): ~2 s at 20,000 customers, so off the main thread; queued behind any job, and jobs
   * queue behind it. Inline on an in-memory database (tiny).
   */
  fullCheck(): Promise<FullCheck> {
    if (!this.offThread) return Promise.resolve(fullCheck(this.db));
    return this.check<FullCheck>(null);
  }

  /** A fresh backup copy's check and counts (backups/check.ts inspectCopy), off the main thread. */
  checkCopy(file: string): Promise<CopyFacts> {
    if (!this.offThread) {
      try {
        return Promise.resolve(inspectCopy(file, this.options.nativeBinding));
      } catch (e) {
        return Promise.reject(e);
      }
    }
    return this.check<CopyFacts>({ file });
  }

  private check<T>(payload: { file: string } | null): Promise<T> {
    const worker = this.start();
    const id = this.nextId++;
    this.checks.add(id);
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.ref();
      const request: WriterRequest = {
        id,
        name: FULL_CHECK,
        payload,
        audit: { at: '', actor: '', channel: '', input: '' },
      };
      worker.postMessage(request);
    });
  }

  /**
   * Starts the worker now if it is not running, so a job soon to come does not wait for it (an
   * import's preview calls this: the thread starts while the file is checked).
   */
  warm(): void {
    if (this.offThread) this.start();
  }

  /** True while the worker (and so its connection) is up. */
  get running(): boolean {
    return this.worker !== null;
  }

  /** Ends the worker (its connection closes with it); jobs still out fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    this.failAll('写入线程已关闭');
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const entry = workerEntry();
    const data: WriterWorkerData = {
      databasePath: this.options.databasePath,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    };
    const worker = new Worker(entry.file, { workerData: data, execArgv: entry.execArgv });
    worker.on('message', (reply: WriterReply) => this.settle(reply));
    worker.on('error', (e) => {
      // The transaction of a job under way dies with the worker's connection (rolled back).
      if (this.worker === worker) this.worker = null;
      // Its connection failed to open (a locked or read-only file…): the fault's own code.
      this.failAll(asKnownFault(e));
    });
    worker.on('exit', (code) => {
      if (this.worker === worker) this.worker = null;
      this.failAll(`写入线程意外退出（代码 ${code}）`);
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: WriterReply): void {
    const job = this.pending.get(reply.id);
    if (!job) return;
    this.pending.delete(reply.id);
    if (this.pending.size === 0) this.worker?.unref();
    const check = this.checks.delete(reply.id);
    if (reply.ok) {
      if (!check) this.options.committedElsewhere?.();
      job.resolve(reply.result);
    } else if ('error' in reply) job.reject(AppError.fromJSON(reply.error));
    else job.reject(new Error(reply.internal));
  }

  private failAll(reason: unknown): void {
    const jobs = [...this.pending.values()];
    this.pending.clear();
    this.checks.clear();
    const error = reason instanceof Error ? reason : new Error(String(reason));
    for (const job of jobs) job.reject(error);
  }
}
