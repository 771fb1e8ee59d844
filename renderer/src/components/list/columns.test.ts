import { describe, expect, it } from 'vitest';
import { cellValue, displayValue, exportMatrix, type ListColumn, sortRows } from './columns';
import { listFileName } from './ExportButton';

interface Row {
  id: number;
  name: string;
  fen: number | null;
  active: boolean;
}
const rows: Row[] = [
  { id: 1, name: '汕头市乙公司', fen: 500, active: true },
  { id: 2, name: '汕头市甲公司', fen: null, active: false },
  { id: 3, name: '澄海区丙公司', fen: 12_345, active: true },
  { id: 4, name: '汕头市甲公司', fen: 500, active: true },
];
const columns: ListColumn<Row>[] = [
  { key: 'name', title: '客户名称' },
  { key: 'fen', title: '收入', format: 'money' },
  { key: 'active', title: '在册' },
  { key: 'label', title: '标签', value: (r) => `#${r.id}` },
];

describe('list columns', () => {
  it('reads a row property by key, or the column’s own value', () => {
    expect(cellValue(columns[0] as ListColumn<Row>, rows[0] as Row)).toBe('汕头市乙公司');
    expect(cellValue(columns[1] as ListColumn<Row>, rows[1] as Row)).toBeNull();
    expect(cellValue(columns[2] as ListColumn<Row>, rows[1] as Row)).toBe('否');
    expect(cellValue(columns[3] as ListColumn<Row>, rows[2] as Row)).toBe('#3');
  });

  it('sorts numbers by value with blanks last in both directions, ties in the original order', () => {
    expect(sortRows(rows, columns, 'fen', 'asc', 'zh-CN').map((r) => r.id)).toEqual([1, 4, 3, 2]);
    expect(sortRows(rows, columns, 'fen', 'desc', 'zh-CN').map((r) => r.id)).toEqual([3, 1, 4, 2]);
  });

  it('sorts Chinese names in pinyin order (澄 chéng before 汕 shàn)', () => {
    expect(sortRows(rows, columns, 'name', 'asc', 'zh-CN').map((r) => r.id)).toEqual([3, 2, 4, 1]);
    expect(sortRows(rows, columns, 'unknown', 'asc', 'zh-CN').map((r) => r.id)).toEqual([1, 2, 3, 4]);
  });

  it('exports the shown columns’ values row by row, money in fen', () => {
    expect(exportMatrix(rows.slice(0, 2), [columns[0], columns[1]] as ListColumn<Row>[])).toEqual([
      ['汕头市乙公司', 500],
      ['汕头市甲公司', null],
    ]);
  });

  it('shows values by format', () => {
    expect(displayValue(123_456, 'money')).toBe('¥1,234.56');
    expect(displayValue(1234, 'count')).toBe('1,234');
    expect(displayValue(0.125, 'percent')).toBe('12.5%');
    expect(displayValue(null, 'money')).toBe('');
    expect(displayValue('已退出', 'money')).toBe('已退出');
  });

  it('offers a file name with the list’s title and the date, without characters Windows refuses', () => {
    expect(listFileName('客户经理名单', '2026-12-05')).toBe('客户经理名单_2026-12-05.xlsx');
    expect(listFileName('A/B: "x"?', '2026-12-05')).toBe('A_B_ _x___2026-12-05.xlsx');
  });
});
