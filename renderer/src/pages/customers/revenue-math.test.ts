import { describe, expect, it } from 'vitest';
import { gridMove, newspaperRevenue, parseRatePercent, previewNewspaper, startsEdit } from './revenue-math';

describe('R8 newspaper preview', () => {
  it('reads percentages like the server', () => {
    expect(parseRatePercent('25')).toBe(2500);
    expect(parseRatePercent('25.5%')).toBe(2550);
    expect(parseRatePercent('7.25％')).toBe(725);
    expect(parseRatePercent('101')).toBeNull();
    expect(parseRatePercent('2.555')).toBeNull();
    expect(parseRatePercent('')).toBeNull();
  });

  it('computes turnover × rate ÷ 12 + other, half up to the fen', () => {
    // ¥120,000 × 25% ÷ 12 = ¥2,500
    expect(newspaperRevenue(12_000_000, 2500, 0)).toBe(250_000);
    // ¥1 × 50% ÷ 12 = 4.1666… fen → 4; ¥1 × 90% ÷ 12 = 7.5 fen → 8
    expect(newspaperRevenue(100, 5000, 0)).toBe(4);
    expect(newspaperRevenue(100, 9000, 0)).toBe(8);
    expect(newspaperRevenue(12_000_000, 2500, 5_000)).toBe(255_000);
  });

  it('previews typed text, 万 included', () => {
    expect(previewNewspaper('12万', '25%', '50')).toBe(255_000);
    expect(previewNewspaper('', '25', '')).toBeNull();
    expect(previewNewspaper('12万', 'abc', '')).toBeNull();
  });
});

describe('gridMove (revenue grid keyboard)', () => {
  const size = { rows: 12, cols: 9 };
  it.each([
    [{ row: 0, col: 0 }, 'ArrowDown', { row: 1, col: 0 }],
    [{ row: 5, col: 3 }, 'ArrowUp', { row: 4, col: 3 }],
    [{ row: 5, col: 3 }, 'ArrowRight', { row: 5, col: 4 }],
    [{ row: 5, col: 3 }, 'ArrowLeft', { row: 5, col: 2 }],
    [{ row: 5, col: 3 }, 'Enter', { row: 6, col: 3 }],
    [{ row: 0, col: 0 }, 'ArrowUp', null],
    [{ row: 0, col: 0 }, 'ArrowLeft', null],
    [{ row: 11, col: 8 }, 'ArrowDown', null],
    [{ row: 11, col: 8 }, 'ArrowRight', null],
    [{ row: 3, col: 3 }, 'a', null],
  ])('%o + %s → %o', (at, key, to) => {
    expect(gridMove(at, size, key)).toEqual(to);
  });

  it('starts editing on a digit or money sign, not on letters or shortcuts', () => {
    expect(startsEdit('1', false)).toBe(true);
    expect(startsEdit('¥', false)).toBe(true);
    expect(startsEdit('１', false)).toBe(true);
    expect(startsEdit('-', false)).toBe(true);
    expect(startsEdit('c', false)).toBe(false);
    expect(startsEdit('1', true)).toBe(false);
    expect(startsEdit('Tab', false)).toBe(false);
  });
});
