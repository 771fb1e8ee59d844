import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FEN_PER_WAN } from '../money';
import type { CellFormat, TableCell } from './document';
import {
  cellAlign,
  formatCell,
  formatCountFigure,
  formatPercentFigure,
  formatRatioFigure,
  formatWanFigure,
  formatYuanFigure,
  MINUS,
} from './format';

describe('formatCell: every format, at the edges', () => {
  const cases: [string, TableCell, CellFormat, string][] = [
    // 万元: 1 万元 = 1,000,000 fen.
    ['wan: the report total', 3_672_260_000, 'wan', '3,672.26'],
    ['wan: 1万元', FEN_PER_WAN, 'wan', '1.00'],
    ['wan: zero', 0, 'wan', '0.00'],
    ['wan: half a hundredth rounds up', 5_000, 'wan', '0.01'],
    ['wan: just under half rounds down', 4_999, 'wan', '0.00'],
    ['wan: a negative half rounds away from zero', -5_000, 'wan', `${MINUS}0.01`],
    ['wan: a tiny negative is a plain zero, not −0.00', -4_999, 'wan', '0.00'],
    ['wan: a fall', -1_250_000, 'wan', `${MINUS}1.25`],
    ['wan: carry into the whole part', 999_995_000, 'wan', '1,000.00'],
    ['wan: the largest safe amount', Number.MAX_SAFE_INTEGER, 'wan', '9,007,199,254.74'],
    ['yuan: grouped with two decimals', 123_450, 'yuan', '1,234.50'],
    ['yuan: one fen', 1, 'yuan', '0.01'],
    ['yuan: negative', -5, 'yuan', `${MINUS}0.05`],
    ['yuan: a million', 100_000_000, 'yuan', '1,000,000.00'],
    ['percent: 0.042', 0.042, 'percent', '4.2%'],
    ['percent: 601/400 − 1 is half → up, despite 502.4999… in binary', 601 / 400 - 1, 'percent', '50.3%'],
    ['ratio: 197/400 − 1 is half → away from zero', 197 / 400 - 1, 'ratio', `${MINUS}50.8%`],
    ['percent: 1', 1, 'percent', '100.0%'],
    ['percent: zero', 0, 'percent', '0.0%'],
    ['percent: negative', -0.05, 'percent', `${MINUS}5.0%`],
    ['percent: grouped above 1,000%', 12.345, 'percent', '1,234.5%'],
    ['ratio: a rise is signed +', 0.042, 'ratio', '+4.2%'],
    ['ratio: a fall uses U+2212', -0.013, 'ratio', `${MINUS}1.3%`],
    ['ratio: exactly zero has no sign', 0, 'ratio', '0.0%'],
    ['ratio: a rise that rounds to zero has no sign', 0.0004, 'ratio', '0.0%'],
    ['ratio: a fall that rounds to zero has no sign', -0.0004, 'ratio', '0.0%'],
    ['ratio: half a tenth rounds away from zero', -0.0005, 'ratio', `${MINUS}0.1%`],
    ['ratio: stopped is −100%', -1, 'ratio', `${MINUS}100.0%`],
    ['count: grouped', 12_345, 'count', '12,345'],
    ['count: zero', 0, 'count', '0'],
    ['count: negative (a net loss of customers)', -3, 'count', `${MINUS}3`],
    ['null is a dash in every format', null, 'wan', '—'],
    ['null ratio (no base)', null, 'ratio', '—'],
    ['null count', null, 'count', '—'],
    ['text is printed as given', '合计', 'wan', '合计'],
    ['text with markup characters is not changed here (renderers escape)', '<A&B>', 'text', '<A&B>'],
    ['a number in a text column is plain', 2026, 'text', '2026'],
  ];
  it.each(cases)('%s', (_name, value, format, expected) => {
    expect(formatCell(value, format)).toBe(expected);
  });

  it.each([
    ['wan: a fraction of a fen', 1.5, 'wan'],
    ['yuan: beyond the safe range', Number.MAX_SAFE_INTEGER + 2, 'yuan'],
    ['count: a fraction', 2.5, 'count'],
    ['percent: NaN', Number.NaN, 'percent'],
    ['ratio: infinity', Number.POSITIVE_INFINITY, 'ratio'],
  ] as [string, number, CellFormat][])('throws on a value that is a bug upstream: %s', (_name, value, format) => {
    expect(() => formatCell(value, format)).toThrow(RangeError);
  });
});

describe('figures agree with their own arithmetic', () => {
  it('wan: parsing the text back gives the amount within half a hundredth of 万元', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (fen) => {
        const text = formatWanFigure(fen);
        const back = Number(text.replace(MINUS, '-').replace(/,/g, '')) * FEN_PER_WAN;
        expect(Math.abs(back - fen)).toBeLessThanOrEqual(FEN_PER_WAN / 200 + 1);
      }),
    );
  });
  it('yuan is exact: digits without the separators and point are the fen', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (fen) => {
        const text = formatYuanFigure(fen).replace(MINUS, '-').replace(/[,.]/g, '');
        expect(BigInt(text)).toBe(BigInt(fen));
      }),
    );
  });
  it('ratio and percent agree apart from the sign', () => {
    fc.assert(
      fc.property(fc.double({ min: -50, max: 50, noNaN: true }), (x) => {
        const ratio = formatRatioFigure(x);
        expect(ratio.replace(/^[+\u2212]/, '')).toBe(formatPercentFigure(x).replace(MINUS, ''));
      }),
    );
  });
  it('count groups every three digits', () => {
    expect(formatCountFigure(1_234_567)).toBe('1,234,567');
    expect(formatCountFigure(999)).toBe('999');
  });
});

describe('cellAlign', () => {
  it('puts figures on the right and text on the left', () => {
    expect(cellAlign('text')).toBe('left');
    for (const f of ['wan', 'yuan', 'percent', 'ratio', 'count'] as const) expect(cellAlign(f)).toBe('right');
  });
});
