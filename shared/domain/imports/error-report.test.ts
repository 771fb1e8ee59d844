import { describe, expect, it } from 'vitest';
import { TEMPLATE_SHEETS } from '../templates/layout';
import { planErrorReport, problemText } from './error-report';
import type { ImportIssue } from './revenue-sheet';

const issue = (over: Partial<ImportIssue>): ImportIssue => ({
  sheet: '收入明细',
  row: 5,
  column: 'D',
  severity: 'error',
  message: '收入不是数字',
  ...over,
});

describe('the error report plan (问题清单)', () => {
  it.each([
    ['error', '错误 · D列：收入不是数字'],
    ['warning', '警告 · D列：收入不是数字'],
  ] as const)('names a %s with the word the app uses', (severity, text) => {
    expect(problemText(issue({ severity }))).toBe(text);
  });

  it.each([
    // name, hidden, used, headerRow → written?, problem columns?
    ['收入明细', false, true, 3, true, true],
    ['新客户申报', false, true, null, true, true],
    ['备注', false, false, null, true, false],
    [TEMPLATE_SHEETS.instructions, false, false, null, false, false],
    [TEMPLATE_SHEETS.meta, true, false, null, false, false],
    ['旧表', true, false, null, false, false],
  ] as const)(
    'sheet %s (hidden %s, read %s, header row %s): written %s, problem columns %s',
    (name, hidden, used, headerRow, written, columns) => {
      const plan = planErrorReport('a.xlsx', [{ name, hidden, used, headerRow }], []);
      const sheet = plan.sheets.find((s) => s.name === name);
      expect(sheet !== undefined).toBe(written);
      if (sheet) expect(sheet.problemColumns).toBe(columns);
    },
  );

  it('counts warnings as 警告 in the summary and lists only the sheets it writes', () => {
    const plan = planErrorReport(
      'a.xlsx',
      [
        { name: TEMPLATE_SHEETS.instructions, hidden: false, used: false, headerRow: null },
        { name: '收入明细', hidden: false, used: true, headerRow: 2 },
        { name: TEMPLATE_SHEETS.meta, hidden: true, used: false, headerRow: null },
      ],
      [issue({}), issue({ severity: 'warning', row: 6 })],
    );
    expect(plan.summary).toContainEqual(['警告', 1, '处：请核对，必要时在“波动原因”中说明']);
    expect(plan.summary.flat()).not.toContain('提示');
    expect(plan.summary.flat()).not.toContain(TEMPLATE_SHEETS.meta);
    expect(plan.summary.flat()).not.toContain(TEMPLATE_SHEETS.instructions);
    expect(plan.sheets.map((s) => s.name)).toEqual(['收入明细']);
    expect(plan.sheets[0]).toMatchObject({ titleRow: 2, flagRows: true, problemColumns: true });
  });
});
