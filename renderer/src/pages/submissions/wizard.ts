/**
 * The import wizard's decisions, pure: which issues a filter shows, one page of a long list, and
 * whether 提交 may be pressed. The backend refuses the same things; the UI says so before asking.
 */
import type { ImportIssueView, ImportPreview } from '../../../../shared/api/types';
import { LINE_NAMES_ZH, type RevenueLine } from '../../../../shared/domain/lines';

export type IssueFilter = 'all' | 'error' | 'warning';

export function filterIssues(issues: readonly ImportIssueView[], filter: IssueFilter): ImportIssueView[] {
  return filter === 'all' ? [...issues] : issues.filter((i) => i.severity === filter);
}

/** Page `page` (1-based) of `size`; a page past the end gives the last page. */
export function pageOf<T>(items: readonly T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const current = Math.min(Math.max(1, Math.floor(page)), pages);
  return { rows: items.slice((current - 1) * size, current * size), page: current, pages };
}

export type CommitBlock = 'none' | 'errors' | 'sameFile';

/**
 * Why 提交 is not allowed yet: errors remain and the officer has not ticked "排除有错误的 N 行",
 * or the same file was already committed (the backend refuses it). A template with no amounts is
 * still committed: it tells the tracker that the unit has sent its month.
 */
export function commitBlock(
  preview: Pick<ImportPreview, 'counts' | 'earlierBatch'>,
  excludeErrors: boolean,
): CommitBlock {
  if (preview.earlierBatch !== null) return 'sameFile';
  if (preview.counts.errors > 0 && !excludeErrors) return 'errors';
  return 'none';
}

/** The issues the preview carries are the first ones only: say so when more were counted. */
export function issuesTruncated(preview: {
  issues: readonly unknown[];
  counts: { errors: number; warnings: number };
}): boolean {
  return preview.issues.length < preview.counts.errors + preview.counts.warnings;
}

/** The file name of a path from the native dialog (Windows or POSIX separators). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/** A line code from the backend as a revenue line (the eight of R1 or `other`), else null. */
export function revenueLineOf(value: string): RevenueLine | null {
  return Object.hasOwn(LINE_NAMES_ZH, value) ? (value as RevenueLine) : null;
}

/** The error report's suggested name: the unit's file name with 问题清单, as it goes back to the unit. */
export function errorReportName(fileName: string): string {
  const stem = fileName.replace(/\.(xlsx|xlsm|xls)$/i, '');
  return `${stem}_问题清单.xlsx`;
}
