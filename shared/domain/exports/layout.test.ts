import { describe, expect, it } from 'vitest';
import { POLICY_V1 } from '../policy/policy';
import type { ExportHeader } from './figures';
import { buildForm61 } from './form-6-1';
import { buildForm62 } from './form-6-2';
import {
  bodyRowHeight,
  type Cell,
  cellStyle,
  count,
  EMPTY,
  layoutTable,
  lineCount,
  money,
  type OfficialTable,
  PORTRAIT_MAX_WIDTH,
  percent,
  text,
  textWidth,
} from './layout';

const header: ExportHeader = {
  period: '2026-10',
  centreName: '市局大客户中心',
  unitName: null,
  tierBasis: { year: 2025, runId: 3, policyVersion: 1 },
  rules: POLICY_V1.reports,
};

const small = (over: Partial<OfficialTable> = {}): OfficialTable => ({
  sheetName: 'S',
  attachment: '附件X',
  title: '标题',
  meta: ['填报单位：甲'],
  columnWidths: [10, 10, 10],
  sections: [
    {
      caption: null,
      header: ['名称', '金额', '增幅'],
      rows: [
        [text('甲'), money(100), percent(null)],
        [text('合计'), money(100), EMPTY],
      ],
      totalRows: 1,
    },
  ],
  notes: ['注：1. 说明'],
  ...over,
});

describe('layout roles and print setup (official look)', () => {
  it('gives every row a role: attachment, title, meta, header, body, total, notes', () => {
    const layout = layoutTable(small());
    expect(layout.rowRoles).toEqual([
      'attachment',
      'title',
      'meta',
      'blank',
      'header',
      'body',
      'total',
      'blank',
      'note',
    ]);
    expect(layout.rowHeights).toHaveLength(layout.rows.length);
    expect(layout.print).toEqual({ landscape: false, headerRow: 4, frozenColumns: 0 });
  });

  it('styles cells by row role and kind; blanks inside the table are written (borders), outside not', () => {
    expect(cellStyle('title', text('标题'))).toBe('title');
    expect(cellStyle('meta', text('x'))).toBe('meta');
    expect(cellStyle('note', text('x'))).toBe('note');
    expect(cellStyle('note', EMPTY)).toBeNull();
    expect(cellStyle('blank', EMPTY)).toBeNull();
    expect(cellStyle('header', text('金额'))).toBe('header');
    const kinds: Cell[] = [text('a'), money(1), count(1), percent(0.1), percent(null), EMPTY];
    expect(kinds.map((c) => cellStyle('body', c))).toEqual(['text', 'money', 'count', 'percent', 'percent', 'text']);
    expect(kinds.map((c) => cellStyle('total', c))).toEqual([
      'totalText',
      'totalMoney',
      'totalCount',
      'totalPercent',
      'totalPercent',
      'totalText',
    ]);
  });

  it('附件6-1 has two headers: no repeated row; totals of both sections are total rows; landscape', () => {
    const layout = layoutTable(buildForm61(header, []));
    expect(layout.print.headerRow).toBeNull();
    expect(layout.print.landscape).toBe(layout.columnWidths.reduce((a, b) => a + b) > PORTRAIT_MAX_WIDTH);
    const totals = layout.rows.filter((_, i) => layout.rowRoles[i] === 'total');
    expect(totals.map((r) => (r[0]?.kind === 'text' ? r[0].text : ''))).toEqual(['合计', '合计']);
    expect(layout.rowRoles.filter((r) => r === 'header')).toHaveLength(2);
    // With a grading in force: the four tiers (key customers only), then the nine lines.
    expect(layout.rowRoles.filter((r) => r === 'body')).toHaveLength(4 + 9);
  });

  it('附件6-2 repeats its header row when printed and freezes the ID and name columns', () => {
    const layout = layoutTable(buildForm62(header, []));
    const headerRow = layout.rowRoles.indexOf('header');
    expect(layout.print).toEqual({ landscape: true, headerRow, frozenColumns: 3 });
    expect(layout.rows[headerRow]?.[0]).toEqual(text('序号'));
  });

  it('measures CJK as two characters and wraps long text into taller rows', () => {
    expect(textWidth('ab')).toBe(2);
    expect(textWidth('大客户')).toBe(6);
    expect(textWidth('（１）')).toBe(6);
    expect(lineCount('', 10)).toBe(1);
    expect(lineCount('汕头市客户', 16)).toBe(1);
    expect(lineCount('汕头市潮阳区荣丰化工集团有限公司', 16)).toBe(3);
    const one = bodyRowHeight([text('甲'), money(1)], [10, 10]);
    const two = bodyRowHeight([text('汕头市潮阳区荣丰化工集团'), money(1)], [16, 10]);
    expect(two).toBeGreaterThan(one);
    // A note wider than the table is given the rows its lines need.
    const long = layoutTable(small({ notes: ['注：'.repeat(40)] }));
    const short = layoutTable(small());
    expect(long.rowHeights.at(-1) as number).toBeGreaterThan(short.rowHeights.at(-1) as number);
  });
});
