/**
 * The writes that may run on the writer thread (writer/thread.ts): the long ones, an import
 * batch's commit and undo (100,000 rows hold SQLite for about a second). Each job is
 * a plain function of a connection and a plain-data payload, run inside one transaction.
 * None may change a customer: the search index is kept across them (see WriterThreadOptions).
 */
import type { Database } from 'better-sqlite3';
import { runCommitJob, runUndoJob } from '../imports/commit-job';

export const WRITER_JOBS = {
  'imports/commit': runCommitJob,
  'imports/undo': runUndoJob,
} satisfies Record<string, (db: Database, payload: never) => unknown>;

export type WriterJobName = keyof typeof WRITER_JOBS;
export type WriterPayload<K extends WriterJobName> = Parameters<(typeof WRITER_JOBS)[K]>[1];
export type WriterResult<K extends WriterJobName> = ReturnType<(typeof WRITER_JOBS)[K]>;
