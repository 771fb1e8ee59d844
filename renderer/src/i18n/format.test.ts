import { describe, expect, it } from 'vitest';
import { formatCount, formatDate, formatDateTime, formatFen, formatFenSummary, formatMonth } from './format';

describe('formatDate', () => {
  it('formats ISO dates in Chinese long form and ISO form', () => {
    expect(formatDate('2026-11-28', 'zh-CN')).toBe('2026年11月28日');
    expect(formatDate('2026-01-05', 'zh-CN')).toBe('2026年1月5日');
    expect(formatDate('2026-11-28', 'zh-CN', 'iso')).toBe('2026-11-28');
    expect(formatDate('2026-11-28', 'en')).toBe('28 Nov 2026');
  });

  it('takes the date of a local date-time as written', () => {
    expect(formatDate('2026-11-28 23:59:59', 'zh-CN')).toBe('2026年11月28日');
  });

  it('shows instants with a zone in local time', () => {
    const at = new Date(2026, 10, 28, 12, 0, 0);
    expect(formatDate(at.toISOString(), 'zh-CN', 'iso')).toBe('2026-11-28');
  });

  it('handles missing and non-date values', () => {
    expect(formatDate(null, 'zh-CN')).toBe('—');
    expect(formatDate('', 'zh-CN')).toBe('—');
    expect(formatDate('soon', 'zh-CN')).toBe('soon');
  });
});

describe('formatDateTime', () => {
  it('shows minutes', () => {
    expect(formatDateTime('2026-11-28 09:05:33')).toBe('2026-11-28 09:05');
    expect(formatDateTime('2026-11-28')).toBe('2026-11-28');
    const at = new Date(2026, 10, 28, 9, 5, 0);
    expect(formatDateTime(at.toISOString())).toBe('2026-11-28 09:05');
  });
});

describe('formatMonth', () => {
  it('formats a month', () => {
    expect(formatMonth('2026-11', 'zh-CN')).toBe('2026年11月');
    expect(formatMonth('2026-03-01', 'en')).toBe('Mar 2026');
  });
});

describe('formatFen', () => {
  it('formats integer fen as yuan with two decimals (shared formatMoney)', () => {
    expect(formatFen(123450)).toBe('¥1,234.50');
    expect(formatFen(0)).toBe('¥0.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(-123456789)).toBe('-¥1,234,567.89');
    expect(formatFen(100_000_000_00)).toBe('¥100,000,000.00');
  });

  it('is exact beyond float precision and refuses non-integers', () => {
    expect(formatFen(9_007_199_254_740_991)).toBe('¥90,071,992,547,409.91');
    expect(formatFen(12.5)).toBe('—');
    expect(formatFen(Number.NaN)).toBe('—');
  });
});

describe('formatFenSummary', () => {
  it('uses 万 in Chinese (shared formatWan)', () => {
    expect(formatFenSummary(123_400_000, 'zh-CN')).toBe('123.4万');
    expect(formatFenSummary(1_000_000, 'zh-CN')).toBe('1.0万');
    expect(formatFenSummary(150_000_000_000, 'zh-CN')).toBe('150,000.0万');
    expect(formatFenSummary(123_450_000, 'zh-CN')).toBe('123.5万');
    expect(formatFenSummary(987_650, 'zh-CN')).toBe('9,876.50元');
    expect(formatFenSummary(-123_400_000, 'zh-CN')).toBe('-123.4万');
  });

  it('uses K and M in English, rounding half away from zero', () => {
    expect(formatFenSummary(123_400_000, 'en')).toBe('¥1.23M');
    expect(formatFenSummary(1_234_500, 'en')).toBe('¥12.3K');
    expect(formatFenSummary(1_235_000, 'en')).toBe('¥12.4K');
    expect(formatFenSummary(100_000_000, 'en')).toBe('¥1M');
    expect(formatFenSummary(98_700, 'en')).toBe('¥987.00');
    expect(formatFenSummary(-123_400_000, 'en')).toBe('-¥1.23M');
  });
});

describe('money in English (万 only in Chinese)', () => {
  it.each([
    [3_672_260_000, '¥36,722,600.00', '¥36.72M', '3,672.3万'],
    [1_000_000, '¥10,000.00', '¥10K', '1.0万'],
    [999_999, '¥9,999.99', '¥10K', '9,999.99元'],
    [160_000_000_000, '¥1,600,000,000.00', '¥1.6B', '160,000.0万'],
    [99_999_500_000, '¥999,995,000.00', '¥1B', '99,999.5万'],
    [-2_500_000, '-¥25,000.00', '-¥25K', '-2.5万'],
    [0, '¥0.00', '¥0.00', '0.00元'],
  ])('%i fen: table %s, English compact %s, Chinese compact %s', (fen, full, en, zh) => {
    expect(formatFen(fen)).toBe(full);
    expect(formatFenSummary(fen, 'en')).toBe(en);
    expect(formatFenSummary(fen, 'zh-CN')).toBe(zh);
    expect(formatFenSummary(fen, 'en')).not.toMatch(/[万元]/);
  });

  it('the pages never format money with 万 themselves: only through i18n/format, which knows the language', () => {
    const sources = import.meta.glob<string>(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!./format.ts'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources).length).toBeGreaterThan(50);
    const offenders = Object.entries(sources)
      .filter(([, text]) => /\bformatWan\b/.test(text))
      .map(([path]) => path);
    expect(offenders).toEqual([]);
  });
});

describe('formatCount', () => {
  it('groups thousands', () => {
    expect(formatCount(20000)).toBe('20,000');
    expect(formatCount(7)).toBe('7');
  });
});
