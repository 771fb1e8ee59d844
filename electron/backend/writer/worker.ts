/**
 * The writer thread's body (writer/thread.ts): its own connection to the database file, one job
 * at a time, each in one immediate transaction with its audit row. The main thread's connection
 * keeps reading the last committed state meanwhile (WAL), so it never sees half a batch.
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { type ApiError, AppError } from '../../../shared/api/errors';
import { registerDigestFunctions } from '../audit/digests';
import { FULL_CHECK, fullCheck, inspectCopy } from '../backups/check';
import type { AuditEntry } from '../db/audit';
import { asKnownFault } from '../db/faults';
import { applyPragmas } from '../db/pragmas';
import type { WriterJobName } from './jobs';
import { runWriterJob } from './run-job';

export interface WriterWorkerData {
  databasePath: string;
  nativeBinding?: string;
}

export interface WriterRequest {
  id: number;
  /** A job, or the background full check (backups/check.ts: read only, no transaction, no audit). */
  name: WriterJobName | typeof FULL_CHECK;
  payload: unknown;
  audit: AuditEntry;
}

export type WriterReply =
  | { id: number; ok: true; result: unknown }
  | { id: number; ok: false; error: ApiError }
  /** Anything but an AppError: the main thread reports it as an internal error. */
  | { id: number; ok: false; internal: string };

const data = workerData as WriterWorkerData;
const db = new Database(data.databasePath, { fileMustExist: true, nativeBinding: data.nativeBinding });
applyPragmas(db, false);
// Revenue writes call it through migration 0013's checksum triggers.
registerDigestFunctions(db);

/** The database's full check, or (with a file) a fresh backup copy's check and counts. */
function checkRequest(payload: { file?: string } | null) {
  return payload?.file ? inspectCopy(payload.file, data.nativeBinding) : fullCheck(db);
}

parentPort?.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    const result =
      request.name === FULL_CHECK
        ? checkRequest(request.payload as { file?: string } | null)
        : runWriterJob(db, request.name, request.payload as never, request.audit);
    reply = { id: request.id, ok: true, result };
  } catch (caught) {
    // A database fault (busy, full, read-only…) crosses to the main thread as its own code.
    const e = asKnownFault(caught);
    reply =
      e instanceof AppError
        ? { id: request.id, ok: false, error: e.toJSON() }
        : { id: request.id, ok: false, internal: (e as Error)?.message ?? String(e) };
  }
  parentPort?.postMessage(reply);
});
