/**
 * The error report (问题清单, DOMAIN-DECISIONS "Imports"): a workbook the officer can send back,
 * the unit's rows with an added column of problems. The plan here is pure: which text goes beside
 * which row, and the summary sheet. The workbook itself is written by the backend
 * (imports/report-worker.cjs), which copies the unit's sheets as sent — all but hidden ones (the
 * template's `_kam_meta`) and the template's instructions sheet — and adds, to the sheets the import
 * read, two columns:
 *  - 有问题 (是/否): SheetJS Community Edition cannot colour cells, so the officer and the unit
 *    filter on this column (the header row gets an AutoFilter) instead of looking for red rows;
 *  - 问题: every problem of that row, column letter and field first, in Chinese.
 * Rows keep their row numbers, so "第 12 行" in the summary is row 12 of the sheet. The importer
 * finds its columns by header name, so a unit can fix the rows in this very file and send it back:
 * the two added columns and the summary sheet are ignored. The report prints legibly: A4 landscape,
 * one page wide, the header row repeated on every page, the 问题 column wrapped.
 */
import { TEMPLATE_SHEETS } from '../templates/layout';
import type { ImportIssue } from './revenue-sheet';

export const REPORT_SUMMARY_SHEET = '问题汇总';
export const REPORT_FLAG_HEADER = '有问题';
export const REPORT_PROBLEMS_HEADER = '问题';
export const REPORT_YES = '是';
export const REPORT_NO = '否';

/** The app's own words for a problem's severity (the preview's 错误 / 警告). */
const SEVERITY_ZH: Record<ImportIssue['severity'], string> = { error: '错误', warning: '警告' };

export interface ReportSheetPlan {
  name: string;
  /** 0-based row that gets the two column titles (the revenue header; else the first row). */
  titleRow: number;
  /** Whether data rows below the title row get 是/否 (only sheets whose header the import found). */
  flagRows: boolean;
  /** Whether the sheet gets the 有问题/问题 columns: only the data sheets, those the import read. */
  problemColumns: boolean;
  /** 1-based row → the 问题 text of that row. */
  problems: [row: number, text: string][];
}

export interface ReportPlan {
  summary: (string | number)[][];
  sheets: ReportSheetPlan[];
  counts: { errors: number; warnings: number; rows: number };
}

export interface ReportSheetInfo {
  name: string;
  /** Never read, and not the unit's to see (the template's `_kam_meta`): left out. */
  hidden: boolean;
  used: boolean;
  /** 0-based header row, when the import found one. */
  headerRow: number | null;
}

/** One problem as written in a row's 问题 cell: “错误 · C列：未知的业务种类…”. */
export function problemText(issue: ImportIssue): string {
  const where = issue.column === null ? '整行' : `${issue.column}列`;
  return `${SEVERITY_ZH[issue.severity]} · ${where}：${issue.message}`;
}

function byRowThenColumn(a: ImportIssue, b: ImportIssue): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return (a.column ?? '').localeCompare(b.column ?? '');
}

/**
 * The report's plan for a preview: `sheets` in workbook order (every sheet, used or not), `issues`
 * every problem the preview found.
 */
export function planErrorReport(
  fileName: string,
  sheets: readonly ReportSheetInfo[],
  issues: readonly ImportIssue[],
): ReportPlan {
  const bySheet = new Map<string, Map<number, ImportIssue[]>>();
  for (const issue of issues) {
    if (issue.row === null) continue; // listed in the summary only
    let rows = bySheet.get(issue.sheet);
    if (!rows) {
      rows = new Map();
      bySheet.set(issue.sheet, rows);
    }
    const list = rows.get(issue.row) ?? [];
    list.push(issue);
    rows.set(issue.row, list);
  }
  const counts = {
    errors: issues.filter((i) => i.severity === 'error').length,
    warnings: issues.filter((i) => i.severity === 'warning').length,
    rows: 0,
  };
  // The instructions are the app's, not the unit's data; hidden sheets were never read.
  const written = sheets.filter((s) => !s.hidden && s.name !== TEMPLATE_SHEETS.instructions);
  const plans: ReportSheetPlan[] = written.map((s) => {
    const rows = bySheet.get(s.name) ?? new Map<number, ImportIssue[]>();
    counts.rows += rows.size;
    return {
      name: s.name,
      titleRow: s.headerRow ?? 0,
      flagRows: s.used && s.headerRow !== null,
      problemColumns: s.used,
      problems: [...rows.entries()]
        .sort(([a], [b]) => a - b)
        .map(([row, list]): [number, string] => [row, [...list].sort(byRowThenColumn).map(problemText).join('；')]),
    };
  });

  const summary: (string | number)[][] = [
    ['数据报送问题清单'],
    ['文件', fileName],
    ['错误', counts.errors, '处：必须修正，否则这些行不能导入'],
    ['警告', counts.warnings, '处：请核对，必要时在“波动原因”中说明'],
    ['有问题的行', counts.rows, '行：在各工作表中按“有问题”列筛选“是”即可看到'],
    [],
    ['工作表', '状态'],
    ...written.map((s) => [s.name, s.used ? '已读取' : '未读取（没有找到收入表头）']),
    [],
    ['工作表', '行', '列', '类别', '问题'],
  ];
  const ordered = [...issues].sort((a, b) => {
    const sa = sheets.findIndex((s) => s.name === a.sheet);
    const sb = sheets.findIndex((s) => s.name === b.sheet);
    if (sa !== sb) return sa - sb;
    if ((a.row ?? 0) !== (b.row ?? 0)) return (a.row ?? 0) - (b.row ?? 0);
    return byRowThenColumn(a, b);
  });
  // Sheet-level problems (no row) sort first within their sheet.
  for (const i of ordered) {
    summary.push([i.sheet, i.row ?? '', i.column ?? '', SEVERITY_ZH[i.severity], i.message]);
  }
  return { summary, sheets: plans, counts };
}
