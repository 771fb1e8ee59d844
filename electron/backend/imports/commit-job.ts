/**
 * One import batch's commit or undo as a job for the writer thread (writer/thread.ts): plain data
 * in, plain data out, so the same function runs in a worker's transaction or, on an in-memory
 * database, in the main thread's.
 */
import type { Database } from 'better-sqlite3';
import type { FluctuationReasonRow, UnitAnalysisTexts } from '../../../shared/domain/templates/side-sheets';
import { type BatchCells, type BatchMeta, type CommitResult, commitCells, type UndoResult, undoBatch } from './batches';
import { storeFluctuationReasons, storeUnitAnalysis } from './template-batches';

export interface CommitJob {
  meta: BatchMeta;
  cells: BatchCells;
  /** R27 reasons from the workbook's 波动原因 sheet, stored with the batch. */
  reasons: FluctuationReasonRow[];
  /** R31 texts from the template's 经营分析 sheet (null: none written), stored with the batch. */
  analysis?: UnitAnalysisTexts | null;
  at: string;
  actor: string;
}

export function runCommitJob(db: Database, job: CommitJob): CommitResult {
  const result = commitCells(db, job.meta, job.cells, job.at, job.actor);
  storeFluctuationReasons(db, result.batchId, job.meta.unitId, job.reasons, job.at);
  storeUnitAnalysis(db, result.batchId, job.meta, job.analysis ?? null, job.at);
  return result;
}

export interface UndoJob {
  batchId: number;
  force: boolean;
  at: string;
  actor: string;
}

export function runUndoJob(db: Database, job: UndoJob): UndoResult {
  return undoBatch(db, job.batchId, job.force, job.at, job.actor);
}
