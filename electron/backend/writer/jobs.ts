/**
 * The writes that may run on the writer thread (writer/thread.ts): the long ones, an import
 * batch's commit and undo (100,000 rows hold SQLite for about a second). Each job is
 * a plain function of a connection and a plain-data payload, run inside one transaction.
 * None may change a customer: the search index is kept across them (see WriterThreadOptions).
 */
import type { Database } from 'better-sqlite3';
import type { AuditChange } from '../../../shared/domain/audit/changes';
import { entity } from '../audit/entities';
import { runCommitJob, runUndoJob } from '../imports/commit-job';

export const WRITER_JOBS = {
  'imports/commit': runCommitJob,
  'imports/undo': runUndoJob,
} satisfies Record<string, (db: Database, payload: never) => unknown>;

export type WriterJobName = keyof typeof WRITER_JOBS;
export type WriterPayload<K extends WriterJobName> = Parameters<(typeof WRITER_JOBS)[K]>[1];
export type WriterResult<K extends WriterJobName> = ReturnType<(typeof WRITER_JOBS)[K]>;

/**
 * What each job's audit row names (DOMAIN-DECISIONS "Audit log"): the batch, and its counts as the
 * changes (a batch's rows are its own record, in import_cells, with where each came from).
 */
export const JOB_AUDIT: {
  [K in WriterJobName]: (
    payload: WriterPayload<K>,
    result: WriterResult<K>,
  ) => { entity: string; changes: AuditChange[] };
} = {
  'imports/commit': (_, r) => ({
    entity: entity('batch', r.batchId),
    changes: [
      { field: 'rows', before: null, after: r.total },
      { field: 'created', before: null, after: r.created },
      { field: 'changed', before: null, after: r.changed },
    ],
  }),
  'imports/undo': (p) => ({
    entity: entity('batch', p.batchId),
    changes: [{ field: 'undone', before: false, after: true }],
  }),
};
