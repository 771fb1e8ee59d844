/**
 * `imports/preview` (DOMAIN-DECISIONS "Imports"): check a file and stage it; nothing is written.
 * In four steps: the workbook read and checked against reference data (read-workbook.ts; it may
 * have been done ahead, read-ahead.ts), then the checks that read revenue (the template's period
 * and unit claims, the stored amounts, R27), the counts of new / changed / unchanged cells, and
 * the batch staged in its commit form for `imports/commit`.
 */
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportChangeView, ImportIssueView, ImportPreview } from '../../../shared/api/types';
import type { ImportIssue } from '../../../shared/domain/imports/revenue-sheet';
import type { HandlerContext } from '../context';
import { importFigureWarnings } from '../revenue/sanity';
import { batchCellsPaced, findCommittedBatch } from './batches';
import { fluctuationWarnings } from './fluctuation-warnings';
import { readImportFile } from './import-file';
import { Pacer, type PreviewProgress } from './pace';
import { parseSpreadsheet } from './parse';
import { type ReadEnv, readWorkbook, type SheetRow, type WorkbookReading } from './read-workbook';
import { storedAmounts } from './stored-cells';

const LIST_LIMIT = { issues: 1000, changes: 500 };

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

interface FileReading {
  fileName: string;
  sha256: string;
  reading: WorkbookReading;
  progress: PreviewProgress;
}

/**
 * Step 1, the first half: the file read and hashed, then its workbook read and checked against
 * reference data — taken from the read-ahead if it is still valid, else parsed and read now. Once
 * this file is parsed, the next one (`next`) starts in the parse worker.
 */
async function readPreviewedFile(
  path: string,
  next: string | undefined,
  ctx: HandlerContext,
  track: (progress: PreviewProgress) => void,
): Promise<FileReading> {
  const { db } = ctx;
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
  return { fileName, sha256, reading, progress };
}

/**
 * Step 2, the second half: the checks that read revenue, always at the file's own preview (after
 * the previous commit). The template's period and unit claims (rows they refuse leave
 * `reading.unique`), then the amounts stored for the rows left and R27 on them. Problems are added
 * to `reading.issues`; returns the stored amounts, by row of `reading.unique`.
 */
async function checkAgainstRevenue(
  db: Database,
  reading: WorkbookReading,
  progress: PreviewProgress,
  policy: HandlerContext['policy'],
  pacer: Pacer,
): Promise<(number | null)[]> {
  const { template, unique, issues } = reading;
  for (const i of await template.checkRows(unique, pacer)) issues.push(i);
  progress.stage = 'compare';
  progress.done = progress.total;
  const stored = await storedAmounts(db, unique, pacer);
  const r27 = await fluctuationWarnings(db, unique, stored, policy, pacer);
  for (const w of await template.explainFluctuations(r27, unique, pacer)) issues.push(w);
  for (const w of await importFigureWarnings(db, unique, pacer)) issues.push(w);
  return stored;
}

interface ChangeSummary {
  counts: ImportPreview['counts'];
  /** The first changed cells, old → new, for the officer to look at. */
  changes: ImportChangeView[];
  periods: string[];
}

/** Step 3: each row against its stored amount (new, changed, unchanged, blank), and the problems counted. */
async function summariseChanges(
  db: Database,
  rows: readonly SheetRow[],
  stored: readonly (number | null)[],
  issues: readonly ImportIssue[],
  pacer: Pacer,
): Promise<ChangeSummary> {
  const nameOf = db.prepare('SELECT name FROM customers WHERE id = ?');
  const counts = { rows: rows.length, new: 0, changed: 0, unchanged: 0, blank: 0, errors: 0, warnings: 0 };
  const changes: ImportChangeView[] = [];
  const periodSet = new Set<string>();
  for (const [i, r] of rows.entries()) {
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
  return { counts, changes, periods: [...periodSet] };
}

/**
 * Step 4: the batch staged for `imports/commit` under a new token, in its commit form: built
 * while the file was read (ahead), unless the template checks just removed rows — then here, in
 * paced slices, not in the commit handler.
 */
async function stagePreview(
  ctx: HandlerContext,
  path: string,
  file: FileReading,
  summary: ChangeSummary,
  rowsRead: number,
  pacer: Pacer,
): Promise<string> {
  const { fileName, sha256, reading } = file;
  const { template, unique, issues, sheets, headerRows, hiddenSheets } = reading;
  const token = `${sha256}:${ctx.now().getTime()}`;
  ctx.imports.put(
    token,
    {
      meta: {
        fileName,
        sha256,
        ...template.batchMeta(summary.periods),
      },
      cells:
        unique.length === rowsRead
          ? reading.cells
          : await batchCellsPaced(unique, () => (pacer.due() ? pacer.pause() : undefined)),
      errorRows: summary.counts.errors,
      reasons: template.reasons,
      analysis: template.analysis,
      submissions: template.submissions,
      managerChanges: template.managerChanges,
      services: template.services(),
      report: { path, issues, headerRows, sheets, hiddenSheets },
    },
    ctx.now().getTime(),
  );
  return token;
}

/**
 * `imports/preview`: check a file and stage it; nothing is written. `track` is told the progress
 * object each time a new one starts (the wizard polls it through `imports/progress`).
 */
export async function previewFile(
  path: string,
  next: string | undefined,
  ctx: HandlerContext,
  track: (progress: PreviewProgress) => void,
): Promise<ImportPreview> {
  const { db } = ctx;
  // A commit usually follows: its thread starts while this file is checked.
  ctx.writer.warm();
  const file = await readPreviewedFile(path, next, ctx, track);
  const { fileName, sha256, reading, progress } = file;
  const pacer = new Pacer(progress);
  const rowsRead = reading.unique.length;
  const stored = await checkAgainstRevenue(db, reading, progress, ctx.policy, pacer);
  const summary = await summariseChanges(db, reading.unique, stored, reading.issues, pacer);
  const token = await stagePreview(ctx, path, file, summary, rowsRead, pacer);
  return {
    token,
    fileName,
    sha256,
    sheets: reading.sheets,
    counts: summary.counts,
    issues: firstIssues(reading.issues, LIST_LIMIT.issues) as ImportIssueView[],
    changes: summary.changes,
    earlierBatch: findCommittedBatch(db, sha256),
    template: reading.template.view(),
    sections: reading.template.sections,
  };
}
