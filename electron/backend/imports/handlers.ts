/**
 * 数据报送 (DOMAIN-DECISIONS "Imports"): every `imports/` channel, one group. Preview a unit's
 * workbook (nothing written; preview.ts) and follow its progress, ask for its error report, commit
 * it as one batch, see what undoing a batch would keep, undo it, list batches. The file is parsed
 * in a worker; rows are checked in the main thread; commit and undo run on the writer thread
 * (writer/thread.ts).
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ImportBatchView, ImportProgressView, ImportUndoCheckView } from '../../../shared/api/types';
import { managerChangeUndoCheck } from '../organisation/change-register';
import { defineHandlers } from '../registry';
import { undoCheck } from './batches';
import { errorReportOf } from './error-report';
import type { PreviewProgress } from './pace';
import { previewFile } from './preview';
import { serviceUndoCheck } from './template-services';

/** The batch's service records (R22, R23, R33, R29) for undo-check: counts and what blocks the undo. */
function serviceUndo(db: Database, batchId: number): Pick<ImportUndoCheckView, 'services'> {
  const { blocker, ...counts } = serviceUndoCheck(db, batchId);
  if (counts.logs + counts.visits + counts.complaints + counts.discounts === 0) return {};
  return { services: { ...counts, blocker: blocker?.zh ?? null, blockerEn: blocker?.en ?? null } };
}

interface BatchDbRow {
  id: number;
  file_name: string;
  sha256: string;
  form: string;
  period: string | null;
  rows_total: number;
  rows_new: number;
  rows_changed: number;
  rows_unchanged: number;
  rows_excluded: number;
  committed_at: string;
  committed_by: string;
  undone_at: string | null;
  undo_kept: number | null;
  /** Joined by imports/list; absent elsewhere. */
  unit_name?: string | null;
}

function toBatch(r: BatchDbRow): ImportBatchView {
  return {
    id: r.id,
    fileName: r.file_name,
    sha256: r.sha256,
    form: r.form,
    period: r.period,
    rows: r.rows_total,
    created: r.rows_new,
    changed: r.rows_changed,
    unchanged: r.rows_unchanged,
    // Not a column of its own: every row is new, changed, unchanged or blank (DOMAIN-DECISIONS
    // "Imports", counts). Batches committed before that definition counted blanks as unchanged.
    blank: r.rows_total - r.rows_new - r.rows_changed - r.rows_unchanged,
    excluded: r.rows_excluded,
    committedAt: r.committed_at,
    committedBy: r.committed_by,
    undoneAt: r.undone_at,
    undoKept: r.undo_kept,
    unitName: r.unit_name ?? null,
  };
}

export const importHandlers = defineHandlers({
  'imports/preview': {
    kind: 'read',
    run: async ({ path, next, progressId }, ctx) => {
      const track = (progress: PreviewProgress) => {
        if (progressId !== undefined) ctx.imports.progress.set(progressId, progress);
      };
      try {
        return await previewFile(path, next, ctx, track);
      } finally {
        if (progressId !== undefined) ctx.imports.progress.delete(progressId);
      }
    },
  },
  'imports/progress': {
    kind: 'read',
    // How far a preview under way has got (the wizard polls it for its bar).
    run: ({ progressId }, { imports }): ImportProgressView | null => {
      const p = imports.progress.get(progressId);
      return p ? { stage: p.stage, done: Math.min(p.done, p.total), total: p.total } : null;
    },
  },
  'imports/error-report': {
    kind: 'read',
    run: (input, ctx) => errorReportOf(input, ctx),
  },
  'imports/commit': {
    kind: 'thread-write',
    backupBefore: 'pre-import',
    fullCheckAfter: true,
    run: async ({ token, excludeErrorRows }, ctx, audit) => {
      const staged = ctx.imports.take(token, ctx.now().getTime());
      if (!staged)
        throw new AppError('NOT_FOUND', {
          zh: '预览已过期或不存在，请重新选择文件预览后再导入',
          en: 'The preview has expired or does not exist; preview the file again, then import',
        });
      if (staged.errorRows > 0 && !excludeErrorRows) {
        throw new AppError(
          'VALIDATION',
          {
            zh: `还有 ${staged.errorRows} 处错误：请修正后重新导入，或明确选择“排除错误行”后再导入`,
            en: `${staged.errorRows} errors remain: correct them and import again, or choose “Leave out rows with errors” to import`,
          },
          { errors: staged.errorRows },
        );
      }
      const result = await ctx.writer.run(
        'imports/commit',
        {
          meta: { ...staged.meta, excluded: staged.errorRows },
          cells: staged.cells,
          reasons: staged.reasons ?? [],
          analysis: staged.analysis ?? null,
          submissions: staged.submissions ?? [],
          managerChanges: { rows: staged.managerChanges ?? [], dueDay: ctx.policy.reporting.managerChangeDueDay },
          ...(staged.services ? { services: staged.services } : {}),
          at: ctx.now().toISOString(),
          actor: ctx.actor,
        },
        audit,
      );
      ctx.afterCommit(() => ctx.imports.drop(token));
      return toBatch(ctx.db.prepare('SELECT * FROM import_batches WHERE id = ?').get(result.batchId) as BatchDbRow);
    },
  },
  'imports/undo-check': {
    kind: 'read',
    // What undoing a batch would restore and keep, shown before the officer chooses.
    run: ({ batchId }, { db }): ImportUndoCheckView => {
      const linked = db
        .prepare('SELECT id, item_count FROM manager_change_batches WHERE import_batch_id = ? AND undone_at IS NULL')
        .get(batchId) as { id: number; item_count: number } | undefined;
      const check = linked ? managerChangeUndoCheck(db, linked.id, true) : null;
      const inbox = db
        .prepare(
          `SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'filed') AS filed
           FROM template_submissions WHERE batch_id = ?`,
        )
        .get(batchId) as { pending: number; filed: number };
      return {
        ...undoCheck(db, batchId),
        managerChanges:
          linked && check
            ? { batchId: linked.id, items: linked.item_count, canUndo: check.canUndo, reason: check.reason }
            : null,
        inbox,
        ...serviceUndo(db, batchId),
      };
    },
  },
  'imports/undo': {
    kind: 'thread-write',
    run: ({ batchId, force }, ctx, audit) =>
      ctx.writer.run('imports/undo', { batchId, force, at: ctx.now().toISOString(), actor: ctx.actor }, audit),
  },
  'imports/list': {
    kind: 'read',
    run: (_input, { db }) =>
      (
        db
          .prepare(
            `SELECT b.*, u.name AS unit_name FROM import_batches b LEFT JOIN units u ON u.id = b.unit_id
             ORDER BY b.id DESC LIMIT 500`,
          )
          .all() as BatchDbRow[]
      ).map(toBatch),
  },
});
