/** One writer job and its audit row in one immediate transaction, on whichever thread calls it. */
import type { Database } from 'better-sqlite3';
import { type AuditEntry, writeAudit } from '../db/audit';
import { JOB_AUDIT, WRITER_JOBS, type WriterJobName, type WriterPayload, type WriterResult } from './jobs';

export function runWriterJob<K extends WriterJobName>(
  db: Database,
  name: K,
  payload: WriterPayload<K>,
  audit: AuditEntry,
): WriterResult<K> {
  const job = WRITER_JOBS[name] as (db: Database, payload: WriterPayload<K>) => WriterResult<K>;
  return db
    .transaction(() => {
      const result = job(db, payload);
      writeAudit(db, { ...audit, ...JOB_AUDIT[name](payload as never, result as never) });
      return result;
    })
    .immediate();
}
