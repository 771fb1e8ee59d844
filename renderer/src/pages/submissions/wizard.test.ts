import { describe, expect, it } from 'vitest';
import type { ImportIssueView } from '../../../../shared/api/types';
import { baseName, commitBlock, errorReportName, filterIssues, issuesTruncated, pageOf, revenueLineOf } from './wizard';

const issue = (row: number, severity: 'error' | 'warning'): ImportIssueView => ({
  sheet: '收入明细',
  row,
  column: 'E',
  message: 'x',
  severity,
});

const counts = (errors: number) => ({ rows: 3, new: 1, changed: 1, unchanged: 1, blank: 0, errors, warnings: 0 });

describe('filterIssues', () => {
  it('keeps all, errors only or warnings only', () => {
    const list = [issue(2, 'error'), issue(3, 'warning'), issue(4, 'error')];
    expect(filterIssues(list, 'all')).toHaveLength(3);
    expect(filterIssues(list, 'error').map((i) => i.row)).toEqual([2, 4]);
    expect(filterIssues(list, 'warning').map((i) => i.row)).toEqual([3]);
  });
});

describe('pageOf', () => {
  it('cuts one page and clamps the page number', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 1, 50)).toMatchObject({ page: 1, pages: 3 });
    expect(pageOf(items, 3, 50).rows).toEqual(items.slice(100));
    expect(pageOf(items, 9, 50).page).toBe(3);
    expect(pageOf(items, 0, 50).page).toBe(1);
    expect(pageOf([], 1, 50)).toEqual({ rows: [], page: 1, pages: 1 });
  });
});

describe('commitBlock', () => {
  it('blocks while errors remain unless the officer excludes them', () => {
    expect(commitBlock({ counts: counts(2), earlierBatch: null }, false)).toBe('errors');
    expect(commitBlock({ counts: counts(2), earlierBatch: null }, true)).toBe('none');
    expect(commitBlock({ counts: counts(0), earlierBatch: null }, false)).toBe('none');
  });

  it('blocks a file committed before', () => {
    const earlierBatch = { id: 3, fileName: 'a.xlsx', committedAt: '2026-10-27T04:00:00Z' };
    expect(commitBlock({ counts: counts(0), earlierBatch }, true)).toBe('sameFile');
  });

  it('lets an empty template through: it still marks the unit as having sent its month', () => {
    const empty = { rows: 0, new: 0, changed: 0, unchanged: 0, blank: 12, errors: 0, warnings: 0 };
    expect(commitBlock({ counts: empty, earlierBatch: null }, false)).toBe('none');
  });
});

describe('issuesTruncated / baseName', () => {
  it('says when only the first issues came back', () => {
    expect(issuesTruncated({ counts: counts(2), issues: [issue(2, 'error'), issue(3, 'error')] })).toBe(false);
    expect(issuesTruncated({ counts: counts(3), issues: [issue(2, 'error')] })).toBe(true);
  });

  it('takes the file name from Windows or POSIX paths', () => {
    expect(baseName('C:\\报送\\澄海分局.xlsx')).toBe('澄海分局.xlsx');
    expect(baseName('/tmp/a/b.xlsx')).toBe('b.xlsx');
    expect(baseName('b.xlsx')).toBe('b.xlsx');
  });
});

describe('revenueLineOf', () => {
  it('knows the eight lines and other, nothing else', () => {
    expect(revenueLineOf('letters')).toBe('letters');
    expect(revenueLineOf('other')).toBe('other');
    expect(revenueLineOf('toString')).toBeNull();
    expect(revenueLineOf('x')).toBeNull();
  });
});

describe('errorReportName', () => {
  it('keeps the unit file name and marks it as the problem list', () => {
    expect(errorReportName('澄海分局_2026年10月_数据报送模板.xlsx')).toBe(
      '澄海分局_2026年10月_数据报送模板_问题清单.xlsx',
    );
    expect(errorReportName('收入.XLSX')).toBe('收入_问题清单.xlsx');
    expect(errorReportName('无后缀')).toBe('无后缀_问题清单.xlsx');
  });
});
