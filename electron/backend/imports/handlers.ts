/**
 * 数据报送 (DOMAIN-DECISIONS "Imports"): preview a unit's workbook (nothing written), commit it as
 * one batch, undo a batch, list batches. The file is parsed in a worker; rows are checked in the
 * main thread; commit and undo run on the writer thread (writer/thread.ts).
 */
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ImportBatchView, ImportChangeView, ImportIssueView, ImportPreview } from '../../../shared/api/types';
import { fluctuation } from '../../../shared/domain/duties';
import type { ImportIssue, RevenueRow } from '../../../shared/domain/imports/revenue-sheet';
import { type Period, previousPeriod } from '../../../shared/domain/periods';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../registry';
import { monthTotalSql } from '../revenue/store';
import { keyCustomersInForce } from '../tiering/in-force';
import { batchCellsPaced, findCommittedBatch } from './batches';
import { readImportFile } from './import-file';
import { Pacer, type PreviewProgress } from './pace';
import { parseSpreadsheet } from './parse';
import { type ReadEnv, readWorkbook, type WorkbookReading } from './read-workbook';
import { storedAmounts } from './stored-cells';

const LIST_LIMIT = { issues: 1000, changes: 500 };

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
    excluded: r.rows_excluded,
    committedAt: r.committed_at,
    committedBy: r.committed_by,
    undoneAt: r.undone_at,
    undoKept: r.undo_kept,
    unitName: r.unit_name ?? null,
  };
}

/** R27 warnings for key customers whose month total moves too much once the rows are in. */
async function fluctuationWarnings(
  db: Database,
  rows: readonly (RevenueRow & { sheet: string })[],
  stored: readonly (number | null)[],
  policy: Parameters<typeof fluctuation>[1],
  pacer: Pacer,
): Promise<ImportIssue[]> {
  // R27 applies to key customers: those holding a tier in force in the row's month.
  const keyByPeriod = new Map<string, ReadonlyMap<string, unknown>>();
  const isKey = (customerId: string, period: Period) => {
    let key = keyByPeriod.get(period);
    if (!key) {
      key = keyCustomersInForce(db, period);
      keyByPeriod.set(period, key);
    }
    return key.has(customerId);
  };
  const monthTotal = db.prepare(
    `SELECT ${monthTotalSql()} AS total FROM revenue_months WHERE customer_id = ? AND period = ?`,
  );
  const byMonth = new Map<string, { sheet: string; row: number; customerId: string; period: string; delta: number }>();
  for (const [i, r] of rows.entries()) {
    if ((i & 1023) === 0 && pacer.due()) await pacer.pause();
    if (r.amount === null) continue;
    const key = `${r.customerId}|${r.period}`;
    const old = stored[i] ?? 0;
    const entry = byMonth.get(key) ?? {
      sheet: r.sheet,
      row: r.row,
      customerId: r.customerId,
      period: r.period,
      delta: 0,
    };
    entry.delta += r.amount - old;
    byMonth.set(key, entry);
  }
  const out: ImportIssue[] = [];
  let n = 0;
  for (const e of byMonth.values()) {
    if ((++n & 255) === 0 && pacer.due()) await pacer.pause();
    if (!isKey(e.customerId, e.period)) continue;
    const now = ((monthTotal.get(e.customerId, e.period) as { total: number } | undefined)?.total ?? 0) + e.delta;
    const last =
      (monthTotal.get(e.customerId, previousPeriod(e.period)) as { total: number } | undefined)?.total ?? null;
    const f = fluctuation({ thisMonth: now, lastMonth: last }, policy);
    if (f.flagged) {
      out.push({
        sheet: e.sheet,
        row: e.row,
        column: null,
        severity: 'warning',
        message: `R27：客户 ${e.customerId} ${e.period} 收入较上月${f.changePercent === null ? (f.reason === 'new' ? '新增' : '变动') : `变动 ${f.changePercent > 0 ? '+' : ''}${f.changePercent}%`}，需在“波动原因”中说明`,
      });
    }
  }
  return out;
}

/**
 * The first `limit` problems, errors before warnings, each in file order: two passes instead of
 * sorting them all (a template naming other units' customers has 100,000+ warnings; sorting
 * them held the thread for a pause of its own).
 */
function firstIssues(issues: readonly ImportIssue[], limit: number): ImportIssue[] {
  const out: ImportIssue[] = [];
  for (const severity of ['error', 'warning'] as const) {
    for (const i of issues) {
      if (out.length >= limit) return out;
      if (i.severity === severity) out.push(i);
    }
  }
  return out;
}

/** Moves on every row the main connection writes; import commits (writer thread) leave it. */
function mainWrites(db: Database): number {
  return db.prepare('SELECT total_changes()').pluck().get() as number;
}

/** Parses and reads a file; the parsed cells are garbage once read (only the rows go on). */
async function parseAndRead(
  buf: Buffer,
  fileName: string,
  env: ReadEnv,
  progress: PreviewProgress,
  onParsed: () => void,
): Promise<WorkbookReading> {
  const outcome = await parseSpreadsheet(buf, fileName);
  onParsed();
  return readWorkbook(outcome, fileName, env, progress);
}

/**
 * `imports/preview`: check a file and stage it; nothing is written. The first half (rows read
 * and checked against reference data) may have been done ahead (read-ahead.ts); the second half
 * reads revenue and runs now.
 */
async function previewFile(
  path: string,
  next: string | undefined,
  ctx: HandlerContext,
  track: (progress: PreviewProgress) => void,
): Promise<ImportPreview> {
  const { db } = ctx;
  // A commit usually follows: its thread starts while this file is checked.
  ctx.writer.warm();
  const { buf, sha256 } = await readImportFile(path);
  const fileName = basename(path);
  const env = { db, policy: ctx.policy, now: ctx.now() };
  // The parse worker is free once this file is parsed: the next file is then parsed, and read,
  // while this one is checked and committed.
  const startNext = () => {
    if (next === undefined) return;
    ctx.imports.ahead.start(next, readImportFile, {
      read: (outcome, p) => readWorkbook(outcome, basename(next), { db, policy: ctx.policy, now: ctx.now() }, p),
      stamp: () => mainWrites(db),
    });
  };
  const ahead = await ctx.imports.ahead.take(path, sha256, () => mainWrites(db));
  let progress: PreviewProgress = ahead?.progress ?? { stage: 'parse', done: 0, total: 0 };
  track(progress);
  let reading: WorkbookReading | null = null;
  if (ahead) {
    await ahead.parseDone;
    startNext();
    reading = await ahead.reading();
  }
  if (!reading) {
    progress = { stage: 'parse', done: 0, total: 0 };
    track(progress);
    reading = await parseAndRead(buf, fileName, env, progress, ahead ? () => undefined : startNext);
  }
  const { extras, unique, issues, sheets, headerRows } = reading;
  const pacer = new Pacer(progress);
  const readRows = unique.length;
  for (const i of await extras.checkRows(unique, pacer)) issues.push(i);
  progress.stage = 'compare';
  progress.done = progress.total;
  const stored = await storedAmounts(db, unique, pacer);
  const r27 = await fluctuationWarnings(db, unique, stored, ctx.policy, pacer);
  for (const w of await extras.explainFluctuations(r27, unique, pacer)) issues.push(w);
  const nameOf = db.prepare('SELECT name FROM customers WHERE id = ?');
  const counts = { rows: unique.length, new: 0, changed: 0, unchanged: 0, blank: 0, errors: 0, warnings: 0 };
  const changes: ImportChangeView[] = [];
  const periodSet = new Set<string>();
  for (const [i, r] of unique.entries()) {
    if ((i & 1023) === 0 && pacer.due()) await pacer.pause();
    periodSet.add(r.period);
    if (r.amount === null) {
      counts.blank++;
      continue;
    }
    const old = stored[i] ?? null;
    if (old === r.amount) counts.unchanged++;
    else {
      if (old === null) counts.new++;
      else counts.changed++;
      if (changes.length < LIST_LIMIT.changes) {
        changes.push({
          sheet: r.sheet,
          row: r.row,
          customerId: r.customerId,
          customerName: (nameOf.get(r.customerId) as { name: string }).name,
          period: r.period,
          line: r.line,
          old,
          new: r.amount,
        });
      }
    }
  }
  counts.errors = issues.filter((i) => i.severity === 'error').length;
  counts.warnings = issues.length - counts.errors;
  const periods = [...periodSet];
  const token = `${sha256}:${ctx.now().getTime()}`;
  ctx.imports.put(
    token,
    {
      meta: {
        fileName,
        sha256,
        ...extras.batchMeta(periods),
      },
      // In their commit form already: built here in paced slices, not in the commit handler.
      // Built while the file was read (ahead), unless the template checks just removed rows.
      cells:
        unique.length === readRows
          ? reading.cells
          : await batchCellsPaced(unique, () => (pacer.due() ? pacer.pause() : undefined)),
      errorRows: counts.errors,
      reasons: extras.reasons,
      report: { path, issues, headerRows, sheets },
    },
    ctx.now().getTime(),
  );
  return {
    token,
    fileName,
    sha256,
    sheets,
    counts,
    issues: firstIssues(issues, LIST_LIMIT.issues) as ImportIssueView[],
    changes,
    earlierBatch: findCommittedBatch(db, sha256),
    template: extras.view(),
    sections: extras.sections,
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
  'imports/commit': {
    kind: 'thread-write',
    run: async ({ token, excludeErrorRows }, ctx, audit) => {
      const staged = ctx.imports.take(token, ctx.now().getTime());
      if (!staged) throw new AppError('NOT_FOUND', '预览已过期或不存在，请重新选择文件预览后再导入');
      if (staged.errorRows > 0 && !excludeErrorRows) {
        throw new AppError(
          'VALIDATION',
          `还有 ${staged.errorRows} 处错误：请修正后重新导入，或明确选择“排除错误行”后再导入`,
          { errors: staged.errorRows },
        );
      }
      const result = await ctx.writer.run(
        'imports/commit',
        {
          meta: { ...staged.meta, excluded: staged.errorRows },
          cells: staged.cells,
          reasons: staged.reasons ?? [],
          at: ctx.now().toISOString(),
          actor: ctx.actor,
        },
        audit,
      );
      ctx.afterCommit(() => ctx.imports.drop(token));
      return toBatch(ctx.db.prepare('SELECT * FROM import_batches WHERE id = ?').get(result.batchId) as BatchDbRow);
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
