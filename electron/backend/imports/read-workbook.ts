/**
 * The first half of `imports/preview`: a parsed workbook read into checked rows (every row's
 * customer, month, line and amount, template side sheets, R8 columns, the same cell twice in the
 * file). It depends on the file and on reference data only (customers, units, managers, the
 * template's metadata), never on revenue, so it may run ahead: while the writer thread commits
 * file k, the main thread reads file k+1 (read-ahead.ts). The second half (the template's period
 * and unit claims, old → new, R27) reads revenue and always runs at preview time, after the
 * previous commit.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { bi } from '../../../shared/domain/bilingual';
import {
  findHeader,
  type HeaderMatch,
  type ImportIssue,
  type ReadRevenueOptions,
  type RevenueRow,
  type RevenueSheetResult,
  readRevenueSheet,
  type SheetInput,
} from '../../../shared/domain/imports/revenue-sheet';
import type { Policy } from '../../../shared/domain/policy/policy';
import { type BatchCells, batchCellsPaced } from './batches';
import { cachedCustomerLookup, type PrimedLookup } from './customer-lookup';
import { Pacer, type PreviewProgress } from './pace';
import { DEFAULT_PARSE_LIMITS } from './parse';
import type { ParseOutcome } from './parsed-workbook';
import { readTemplateContext } from './template-import';
import { TemplatePreview } from './template-preview';

export type SheetRow = RevenueRow & { sheet: string };

export interface WorkbookReading {
  date1904: boolean;
  /** The monthly template's steps and what they read (side sheets, R27 reasons), for the second half. */
  template: TemplatePreview;
  /** Rows read and kept (errors and repeated cells excluded), in file order. */
  unique: SheetRow[];
  /** `unique` in its commit form, built here so a queued file has it before its preview. */
  cells: BatchCells;
  issues: ImportIssue[];
  sheets: { name: string; used: boolean; rows: number }[];
  /** Header row (0-based) of each revenue sheet, for the error report (error-report.ts). */
  headerRows: [sheet: string, row: number][];
  /** Hidden sheets, never read: the error report leaves them out. */
  hiddenSheets: string[];
}

export interface ReadEnv {
  db: Database;
  policy: Policy;
  now: Date;
}

/** Rows checked between two looks at the clock (pace.ts). */
const CHUNK_ROWS = 500;
const ID_PATTERN = /^\d{14}$/;

/** `readRevenueSheet` in slices of rows with pauses between them; the same result. */
async function readRevenueSheetPaced(
  sheet: SheetInput,
  header: HeaderMatch,
  customers: PrimedLookup,
  options: Omit<ReadRevenueOptions, 'from' | 'to'>,
  pacer: Pacer,
): Promise<RevenueSheetResult> {
  const out: RevenueSheetResult = { rows: [], issues: [] };
  const idColumn = header.columns.customerId;
  for (let from = header.row + 1; from < sheet.rows.length; from += CHUNK_ROWS) {
    if (idColumn !== undefined) {
      const ids: string[] = [];
      for (let r = from; r < Math.min(from + CHUNK_ROWS, sheet.rows.length); r++) {
        const v = sheet.rows[r]?.[idColumn]?.v;
        // The reader's own normalisation (trim, no spaces); anything else is looked up one by one.
        const id = v === null || v === undefined ? '' : String(v).replace(/\s/g, '');
        if (ID_PATTERN.test(id)) ids.push(id);
      }
      customers.prime(ids);
    }
    const part = readRevenueSheet(sheet, header, customers, { ...options, from, to: from + CHUNK_ROWS });
    // A loop, not push(...): spreading 100,000+ elements can overflow the call stack.
    for (const r of part.rows) out.rows.push(r);
    for (const i of part.issues) out.issues.push(i);
    if (pacer.progress) pacer.progress.done += Math.min(CHUNK_ROWS, sheet.rows.length - from);
    if (pacer.due()) await pacer.pause();
  }
  return out;
}

export async function readWorkbook(
  outcome: ParseOutcome,
  fileName: string,
  env: ReadEnv,
  progress: PreviewProgress,
): Promise<WorkbookReading> {
  if (!outcome.ok) throw new AppError('VALIDATION', bi(outcome.message, outcome.messageEn), { reason: outcome.reason });
  const { workbook } = outcome;
  // A template's metadata names its unit, form and period; a tampered one stops here.
  const template = new TemplatePreview(env.db, readTemplateContext(env.db, workbook), {
    policy: env.policy,
    now: env.now,
    date1904: workbook.date1904,
  });
  // Row checks read SQLite on this thread: paced so IPC answers within 100 ms meanwhile.
  progress.stage = 'check';
  for (const sheet of workbook.sheets) if (!sheet.hidden) progress.total += sheet.rows.length;
  const pacer = new Pacer(progress);
  const lookup = cachedCustomerLookup(env.db);
  const issues: ImportIssue[] = [];
  const rows: SheetRow[] = [];
  const sheets: WorkbookReading['sheets'] = [];
  const headerProblems: ImportIssue[] = [];
  const headerRows: [sheet: string, row: number][] = [];
  const hiddenSheets: string[] = [];
  for (const sheet of workbook.sheets) {
    if (sheet.hidden) {
      hiddenSheets.push(sheet.name);
      sheets.push({ name: sheet.name, used: false, rows: 0 });
      continue;
    }
    if (sheet.truncated) {
      throw new AppError('VALIDATION', {
        zh: `工作表“${sheet.name}”超过 ${DEFAULT_PARSE_LIMITS.maxRows.toLocaleString('en')} 行，请拆分后再导入`,
        en: `Sheet “${sheet.name}” has more than ${DEFAULT_PARSE_LIMITS.maxRows.toLocaleString('en')} rows; split it, then import`,
      });
    }
    const other = template.readOtherSheet(sheet);
    if (other) {
      for (const i of other.issues) issues.push(i);
      sheets.push(other.sheet);
      continue;
    }
    // 收入明细 in the template's wide layout (one row per customer); else a long revenue sheet.
    const wide = await template.readWideSheet(sheet, lookup, pacer);
    if (wide) {
      headerRows.push([sheet.name, wide.headerRow]);
      for (const i of wide.issues) issues.push(i);
      for (const r of wide.rows) {
        (r as SheetRow).sheet = sheet.name;
        rows.push(r as SheetRow);
      }
      sheets.push({ name: sheet.name, used: true, rows: wide.rowsRead });
      continue;
    }
    const header = findHeader(sheet);
    if ('message' in header) {
      headerProblems.push(header);
      sheets.push({ name: sheet.name, used: false, rows: 0 });
      continue;
    }
    headerRows.push([sheet.name, header.row]);
    const result = await readRevenueSheetPaced(sheet, header, lookup, { date1904: workbook.date1904 }, pacer);
    for (const i of result.issues) issues.push(i);
    for (const r of await template.withNewspaperInputs(sheet, header, result.rows, issues, pacer)) {
      if (pacer.due()) await pacer.pause();
      // The reader's own fresh objects: named with their sheet in place, not copied (100,000
      // copies were garbage the collector paid for).
      const named = r as SheetRow;
      named.sheet = sheet.name;
      rows.push(named);
    }
    // Rows read: those kept plus those refused, each once however many problems it has (a
    // warning's row is among those kept).
    const refused = new Set<number>();
    for (const i of result.issues) if (i.severity === 'error' && i.row !== null) refused.add(i.row);
    sheets.push({ name: sheet.name, used: true, rows: result.rows.length + refused.size });
  }
  if (!sheets.some((s) => s.used)) {
    const none = headerProblems.length === 0;
    throw new AppError(
      'VALIDATION',
      {
        zh: none ? `文件“${fileName}”中没有工作表` : headerProblems.map((p) => p.message).join('；'),
        en: none ? `File "${fileName}" has no sheets` : headerProblems.map((p) => p.messageEn ?? p.message).join('; '),
      },
      { issues: headerProblems },
    );
  }
  // The same cell twice in one file: the later row is an error (which one is right?).
  const seen = new Map<string, number>();
  const unique: SheetRow[] = [];
  for (const [i, r] of rows.entries()) {
    if ((i & 1023) === 0 && pacer.due()) await pacer.pause();
    const key = `${r.customerId}|${r.period}|${r.line}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const at = rows[first] as SheetRow;
      issues.push({
        sheet: r.sheet,
        row: r.row,
        column: r.column ?? null,
        severity: 'error',
        message: `与工作表“${at.sheet}”第 ${at.row} 行重复（同一客户、月份、业务种类）`,
        messageEn: `Same customer, month and line as row ${at.row} of sheet "${at.sheet}"`,
      });
      continue;
    }
    seen.set(key, i);
    unique.push(r);
  }
  const cells = await batchCellsPaced(unique, () => (pacer.due() ? pacer.pause() : undefined));
  return { date1904: workbook.date1904, template, unique, cells, issues, sheets, headerRows, hiddenSheets };
}
