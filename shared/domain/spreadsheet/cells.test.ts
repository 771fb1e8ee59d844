import { describe, expect, it } from 'vitest';
import { cellRef, columnLetter, columnRange } from './cells';

describe('columnLetter', () => {
  it.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'], // Excel's last column
  ])('%i → %s', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
  });
});

describe('cellRef and columnRange', () => {
  it.each([
    [0, 0, 'A1'],
    [6, 2, 'C7'],
    [1048575, 16383, 'XFD1048576'],
  ])('row %i, column %i → %s', (row, col, ref) => {
    expect(cellRef(row, col)).toBe(ref);
  });
  it('names a column’s rows as Excel shows them', () => {
    expect(columnRange(3, 2, 5000)).toBe('D2:D5000');
    expect(columnRange(27, 2, 9)).toBe('AB2:AB9');
  });
});
