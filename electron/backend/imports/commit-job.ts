/**
 * One import batch's commit or undo as a job for the writer thread (writer/thread.ts): plain data
 * in, plain data out, so the same function runs in a worker's transaction or, on an in-memory
 * database, in the main thread's.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { bi } from '../../../shared/domain/bilingual';
import type { ManagerChangeRow } from '../../../shared/domain/managers/change-sheet';
import type { TemplateSubmission } from '../../../shared/domain/templates/intake';
import type { FluctuationReasonRow, UnitAnalysisTexts } from '../../../shared/domain/templates/side-sheets';
import {
  applyManagerChanges,
  managerChangeUndoCheck,
  planManagerChanges,
  undoManagerChanges,
} from '../organisation/change-register';
import { receiveSubmissions, withdrawSubmissions } from '../registrations/inbox-store';
import { type BatchCells, type BatchMeta, type CommitResult, commitCells, type UndoResult, undoBatch } from './batches';
import { storeFluctuationReasons, storeUnitAnalysis } from './template-batches';
import { type ServiceIntake, storeServiceRows, withdrawServiceRows } from './template-services';

export interface CommitJob {
  meta: BatchMeta;
  cells: BatchCells;
  /** R27 reasons from the workbook's 波动原因 sheet, stored with the batch. */
  reasons: FluctuationReasonRow[];
  /** R31 texts from the template's 经营分析 sheet (null: none written), stored with the batch. */
  analysis?: UnitAnalysisTexts | null;
  /** R19 新客户申报 and 营销申报 rows for the centre's inbox (registrations/inbox-store.ts). */
  submissions?: TemplateSubmission[];
  /** R30 客户经理变动 rows, applied to the register as a batch tied to this one; R30's due day. */
  managerChanges?: { rows: ManagerChangeRow[]; dueDay: number };
  /** R22 营销日志, R23 拜访记录, R33 投诉登记, R29 资费优惠申请: written through their channels' checks. */
  services?: ServiceIntake;
  at: string;
  actor: string;
}

/**
 * The template's manager changes, planned again against the register as it is now: a row the
 * preview accepted and the register now refuses (someone changed it meanwhile) stops the commit,
 * so nothing is left out unseen.
 */
function applyTemplateManagerChanges(db: Database, batchId: number, job: CommitJob): void {
  const changes = job.managerChanges;
  if (!changes || changes.rows.length === 0) return;
  const checked = planManagerChanges(db, changes.rows);
  const error = checked.issues.find((i) => i.severity === 'error');
  if (error) {
    throw new AppError(
      'CONFLICT',
      bi(
        `预览之后客户经理名册已有变化（${error.sheet} 第 ${error.row} 行：${error.message}）：未导入任何数据，请重新预览`,
        `The manager register changed after the preview (${error.sheet} row ${error.row}: ${error.messageEn ?? error.message}): nothing was imported; preview again`,
      ),
      { issues: [error] },
    );
  }
  if (checked.planned.length === 0) return;
  applyManagerChanges(db, checked.planned, {
    fileName: job.meta.fileName,
    sha256: job.meta.sha256,
    importBatchId: batchId,
    at: new Date(job.at),
    actor: job.actor,
    dueDay: changes.dueDay,
  });
}

export function runCommitJob(db: Database, job: CommitJob): CommitResult {
  const result = commitCells(db, job.meta, job.cells, job.at, job.actor);
  storeFluctuationReasons(db, result.batchId, job.meta.unitId, job.reasons, job.at);
  storeUnitAnalysis(db, result.batchId, job.meta, job.analysis ?? null, job.at);
  receiveSubmissions(db, result.batchId, job.meta.unitId, job.submissions ?? [], job.at);
  applyTemplateManagerChanges(db, result.batchId, job);
  storeServiceRows(db, result.batchId, job.services, job.at, job.actor);
  return result;
}

export interface UndoJob {
  batchId: number;
  force: boolean;
  at: string;
  actor: string;
}

/**
 * The batch's figures, its inbox rows not yet acted on, the manager changes it applied and its
 * service records (template-services.ts: refused while the centre has acted on one) — all or
 * nothing: the manager changes cannot be undone once later records depend on them (R30), and then
 * neither can the batch (its figures could still be corrected by a later template).
 */
export function runUndoJob(db: Database, job: UndoJob): UndoResult {
  const linked = db
    .prepare('SELECT id FROM manager_change_batches WHERE import_batch_id = ? AND undone_at IS NULL')
    .pluck()
    .all(job.batchId) as number[];
  for (const id of linked) {
    const check = managerChangeUndoCheck(db, id, true);
    if (!check.canUndo) {
      throw new AppError(
        'CONFLICT',
        bi(
          `本批的客户经理变动不能撤销：${check.reason ?? ''}。未撤销任何数据`,
          `This batch's manager changes cannot be undone (${check.reason ?? ''}): nothing was undone`,
        ),
        { managerChangeBatchId: id },
      );
    }
  }
  // Refused before anything changes while the centre has acted on one of its service records.
  const services = withdrawServiceRows(db, job.batchId);
  const result = undoBatch(db, job.batchId, job.force, job.at, job.actor);
  for (const id of linked) undoManagerChanges(db, id, job.at, job.actor);
  const inbox = withdrawSubmissions(db, job.batchId, job.at, job.actor);
  const { blocker: _, ...withdrawn } = services;
  return {
    ...result,
    inbox,
    ...(withdrawn.logs + withdrawn.visits + withdrawn.complaints + withdrawn.discounts > 0
      ? { services: withdrawn }
      : {}),
  };
}
