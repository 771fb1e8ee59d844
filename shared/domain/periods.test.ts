import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  calendarYear,
  formatPeriodZh,
  gradingWindow,
  isPeriod,
  lastDayOf,
  MAX_YEAR,
  MIN_YEAR,
  monthOf,
  monthsBetween,
  nextPeriod,
  type Period,
  parsePeriod,
  periodOf,
  periodRange,
  previousPeriod,
  rollingWindow,
  sameMonthLastYear,
  yearOf,
  yearToDate,
} from './periods';

const ok = (period: Period) => ({ ok: true, period });

describe('parsePeriod: text', () => {
  it.each([
    ['2026-10', '2026-10'],
    ['2026-1', '2026-01'],
    ['2026-01', '2026-01'],
    ['2026年10月', '2026-10'],
    ['2026年1月', '2026-01'],
    ['2026年01月', '2026-01'],
    ['2026 年 10 月', '2026-10'],
    ['2026年10月份', '2026-10'],
    ['2026.10', '2026-10'],
    ['2026.1', '2026-01'],
    ['2026/10', '2026-10'],
    ['2026/1', '2026-01'],
    ['202610', '2026-10'],
    ['202601', '2026-01'],
    ['２０２６－１０', '2026-10'], // full-width digits and hyphen
    ['２０２６年１０月', '2026-10'],
    ['２０２６／１０', '2026-10'],
    ['２０２６１０', '2026-10'],
    ['2026-10-15', '2026-10'], // a date → its month
    ['2026-1-5', '2026-01'],
    ['2026/10/15', '2026-10'],
    ['2026.10.15', '2026-10'],
    ['2026年10月15日', '2026-10'],
    ['2026年10月15号', '2026-10'],
    ['20261015', '2026-10'],
    ['2028-02-29', '2028-02'], // leap day
    ['2000-02-29', '2000-02'],
    ['  2026-10  ', '2026-10'],
    ['\u30002026年10月\u3000', '2026-10'],
    ['1900-01', '1900-01'],
    ['9999-12', '9999-12'],
  ])('%j → %s', (input, period) => {
    expect(parsePeriod(input)).toEqual(ok(period));
  });

  it.each([
    ['2026-13', '月份应为 1–12，实际为 13'],
    ['2026-0', '月份应为 1–12，实际为 0'],
    ['2026-00', '月份应为 1–12，实际为 0'],
    ['2026年13月', '月份应为 1–12，实际为 13'],
    ['202613', '月份应为 1–12，实际为 13'],
    ['202600', '月份应为 1–12，实际为 0'],
    ['1899-12', '年份应在 1900–9999 之间'],
    ['0000-01', '年份应在 1900–9999 之间'],
    ['2026-02-30', '2026年2月没有 30 日'],
    ['2026-02-29', '2026年2月没有 29 日'], // not a leap year
    ['1900-02-29', '1900年2月没有 29 日'], // the real calendar, not Excel's
    ['2026-04-31', '2026年4月没有 31 日'],
    ['2026-10-00', '2026年10月没有 0 日'],
    ['20261032', '2026年10月没有 32 日'],
    ['10/2026', '年份应写在月份之前'],
    ['26-10', '年份应为四位数字'],
    ['26年10月', '年份应为四位数字'],
    ['2026-10-15 08:30', '不要带时间'],
    ['2026-10-15T08:30:00', '不要带时间'],
    ['2026-001', '应为 2026-10'],
    ['2026-10/15', '应为 2026-10'], // mixed separators
    ['2026', '应为 2026-10'], // a year alone is not a month
    ['2026 10', '应为 2026-10'],
    ['46000', '应为 2026-10'], // text is never an Excel serial
    ['二〇二六年十月', '应为 2026-10'],
    ['abc', '应为 2026-10'],
  ])('refuses %j: %s', (input, reason) => {
    const r = parsePeriod(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(`无法识别的月份“${input}”`);
      expect(r.message).toContain(reason);
    }
  });

  it.each([[''], ['   ']])('refuses blank %j', (input) => {
    expect(parsePeriod(input)).toMatchObject({ ok: false, message: '月份不能为空' });
  });
});

describe('parsePeriod: Excel serial dates (1900 system)', () => {
  it.each([
    [1, '1900-01'], // 1900-01-01
    [31, '1900-01'],
    [32, '1900-02'],
    [59, '1900-02'], // 1900-02-28
    [61, '1900-03'], // 1900-03-01
    [366, '1900-12'], // 1900-12-31
    [367, '1901-01'],
    [1462, '1904-01'], // 1904-01-01
    [36526, '2000-01'], // 2000-01-01
    [45658, '2025-01'], // 2025-01-01
    [45657, '2024-12'],
    [45658.75, '2025-01'], // 18:00 on the day: the fraction is a time
    [45688.999, '2025-01'], // 2025-01-31, late evening
    [45689, '2025-02'],
    [46295, '2026-09'], // 2026-09-30
    [46296, '2026-10'],
    [190000, '2420-03'], // the largest serial read as a serial
  ])('serial %d → %s', (serial, period) => {
    expect(parsePeriod(serial)).toEqual(ok(period));
  });

  it('refuses serial 60, the fictitious 1900-02-29', () => {
    expect(parsePeriod(60)).toMatchObject({ ok: false, message: '序列号 60 不是有效日期（Excel 1900 年闰日错误）' });
    expect(parsePeriod(60.5).ok).toBe(false);
  });

  it.each([[0], [0.5], [-1], [-45658]])('refuses serial %d (before 1900-01-01)', (serial) => {
    const r = parsePeriod(serial);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('1900 日期系统从 1 开始');
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY], [Number.NEGATIVE_INFINITY]])('refuses %d', (n) => {
    const r = parsePeriod(n);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('不是有效数字');
  });
});

describe('parsePeriod: Excel serial dates (1904 system)', () => {
  const date1904 = { date1904: true };

  it.each([
    [0, '1904-01'], // 1904-01-01
    [30, '1904-01'],
    [31, '1904-02'],
    [59, '1904-02'], // 1904-02-29: a real leap day
    [60, '1904-03'], // no Lotus bug in this system
    [44196, '2025-01'], // 2025-01-01
    [0.5, '1904-01'],
  ])('serial %d → %s', (serial, period) => {
    expect(parsePeriod(serial, date1904)).toEqual(ok(period));
  });

  it('refuses negative serials', () => {
    const r = parsePeriod(-1, date1904);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('1904 日期系统从 0 开始');
  });

  it('the 1904 serial of a date plus 1462 is its 1900 serial', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 190_000 - 1462 }), (serial) => {
        expect(parsePeriod(serial, date1904)).toEqual(parsePeriod(serial + 1462));
      }),
    );
  });

  it('date1904: false is the default', () => {
    expect(parsePeriod(45658, { date1904: false })).toEqual(parsePeriod(45658));
  });
});

describe('parsePeriod: numbers read as YYYYMM or YYYYMMDD', () => {
  it.each([
    [202610, '2026-10'],
    [202601, '2026-01'],
    [190001, '1900-01'],
    [999912, '9999-12'],
    [20261015, '2026-10'],
    [19000101, '1900-01'],
    [99991231, '9999-12'],
  ])('%d → %s', (n, period) => {
    expect(parsePeriod(n)).toEqual(ok(period));
    expect(parsePeriod(n, { date1904: true })).toEqual(ok(period));
  });

  it.each([
    [202613, '月份应为 1–12，实际为 13'],
    [202600, '月份应为 1–12，实际为 0'],
    [555555, '月份应为 1–12，实际为 55'],
    [202610.5, '不是整数'],
    [20260230, '2026年2月没有 30 日'],
    [20261015.5, '不是整数'],
    [999913, '不是 YYYYMM 年月或 YYYYMMDD 日期'], // a typo, not the year 4637
    [2026100, '不是 YYYYMM 年月或 YYYYMMDD 日期'],
    [2958465, '不是 YYYYMM 年月或 YYYYMMDD 日期'], // Excel's 9999-12-31, but not in this app
    [1e12, '不是 YYYYMM 年月或 YYYYMMDD 日期'],
  ])('refuses %d: %s', (n, reason) => {
    const r = parsePeriod(n);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(reason);
  });
});

describe('isPeriod', () => {
  it.each([
    ['2026-10', true],
    ['2026-01', true],
    ['1900-01', true],
    ['9999-12', true],
    ['2026-1', false],
    ['2026-13', false],
    ['2026-00', false],
    ['1899-12', false],
    ['202610', false],
    ['2026-10-01', false],
    [' 2026-10', false],
    ['２０２６-１０', false],
    [202610, false],
    [null, false],
  ])('isPeriod(%j) is %s', (value, expected) => {
    expect(isPeriod(value)).toBe(expected);
  });
});

describe('period arithmetic', () => {
  it.each([
    ['2026-11', 3, '2027-02'], // across the year end
    ['2026-01', -1, '2025-12'],
    ['2026-12', 1, '2027-01'],
    ['2026-10', 0, '2026-10'],
    ['2026-10', 12, '2027-10'],
    ['2026-10', -12, '2025-10'],
    ['2026-10', -22, '2024-12'],
    ['2026-10', 27, '2029-01'],
    ['1900-02', -1, '1900-01'],
    ['9999-11', 1, '9999-12'],
  ])('addMonths(%s, %i) = %s', (period, n, expected) => {
    expect(addMonths(period, n)).toBe(expected);
  });

  it.each([
    ['1900-01', -1],
    ['9999-12', 1],
    ['2026-10', 1e15],
  ])('addMonths(%s, %d) leaves 1900–9999 and throws', (period, n) => {
    expect(() => addMonths(period, n)).toThrow(RangeError);
  });

  it.each([[0.5], [Number.NaN]])('addMonths refuses %d months', (n) => {
    expect(() => addMonths('2026-10', n)).toThrow(RangeError);
  });

  it.each([['2026-1'], ['2026-13'], ['202610'], ['']])('refuses the malformed period %j', (period) => {
    expect(() => addMonths(period, 1)).toThrow('不是有效的月份');
    expect(() => yearOf(period)).toThrow(RangeError);
    expect(() => formatPeriodZh(period)).toThrow(RangeError);
  });

  it.each([
    ['2025-11', '2026-10', 11],
    ['2026-10', '2025-11', -11],
    ['2026-10', '2026-10', 0],
    ['2025-12', '2026-01', 1],
    ['2000-01', '2026-10', 321],
  ])('monthsBetween(%s, %s) = %i', (a, b, n) => {
    expect(monthsBetween(a, b)).toBe(n);
  });

  it('previous, next and same month last year', () => {
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(previousPeriod('2026-10')).toBe('2026-09');
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(sameMonthLastYear('2026-10')).toBe('2025-10');
    expect(sameMonthLastYear('2026-01')).toBe('2025-01');
  });

  it('yearOf, monthOf and periodOf', () => {
    expect(yearOf('2026-10')).toBe(2026);
    expect(monthOf('2026-01')).toBe(1);
    expect(periodOf(2026, 1)).toBe('2026-01');
    expect(periodOf(2026, 12)).toBe('2026-12');
  });

  it.each([
    [2026, 0],
    [2026, 13],
    [2026, 1.5],
    [1899, 12],
    [10000, 1],
    [2026.5, 1],
  ])('periodOf(%d, %d) throws', (year, month) => {
    expect(() => periodOf(year, month)).toThrow(RangeError);
  });

  it('rollingWindow(2026-10, 12) is 2025-11 … 2026-10, oldest first', () => {
    expect(rollingWindow('2026-10', 12)).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
    ]);
    expect(rollingWindow('2026-10')).toEqual(rollingWindow('2026-10', 12));
    expect(rollingWindow('2026-12')).toEqual(calendarYear(2026));
    expect(rollingWindow('2026-10', 1)).toEqual(['2026-10']);
    expect(rollingWindow('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
  });

  it.each([[0], [-1], [1.5]])('rollingWindow refuses %d months', (months) => {
    expect(() => rollingWindow('2026-10', months)).toThrow(RangeError);
  });

  it('calendarYear is YYYY-01 … YYYY-12', () => {
    const year = calendarYear(2025);
    expect(year).toHaveLength(12);
    expect(year[0]).toBe('2025-01');
    expect(year[11]).toBe('2025-12');
    expect(() => calendarYear(1899)).toThrow(RangeError);
  });

  it('periodRange is inclusive, oldest first, and empty when reversed', () => {
    expect(periodRange('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodRange('2026-10', '2026-10')).toEqual(['2026-10']);
    expect(periodRange('2026-10', '2026-09')).toEqual([]);
  });

  it('yearToDate runs from January through the period', () => {
    expect(yearToDate('2026-03')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(yearToDate('2026-01')).toEqual(['2026-01']);
  });

  it.each([
    ['2026-10', '2026年10月'],
    ['2026-01', '2026年1月'],
    ['1900-12', '1900年12月'],
  ])('formatPeriodZh(%s) = %s', (period, text) => {
    expect(formatPeriodZh(period)).toBe(text);
  });
});

describe('properties', () => {
  const period = fc
    .record({ year: fc.integer({ min: 1950, max: 2200 }), month: fc.integer({ min: 1, max: 12 }) })
    .map(({ year, month }) => periodOf(year, month));
  const shift = fc.integer({ min: -12 * 50, max: 12 * 50 });

  it('addMonths(p, n) then addMonths(−n) is the identity', () => {
    fc.assert(
      fc.property(period, shift, (p, n) => {
        expect(addMonths(addMonths(p, n), -n)).toBe(p);
      }),
    );
  });

  it('monthsBetween(p, addMonths(p, n)) = n', () => {
    fc.assert(
      fc.property(period, shift, (p, n) => {
        expect(monthsBetween(p, addMonths(p, n))).toBe(n);
      }),
    );
  });

  it('string order is time order', () => {
    fc.assert(
      fc.property(period, period, (a, b) => {
        expect(Math.sign(monthsBetween(b, a))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('rollingWindow has n consecutive months ending at the period', () => {
    fc.assert(
      fc.property(period, fc.integer({ min: 1, max: 36 }), (p, n) => {
        const window = rollingWindow(p, n);
        expect(window).toHaveLength(n);
        expect(window.at(-1)).toBe(p);
        window.forEach((q, i) => {
          expect(monthsBetween(q, p)).toBe(n - 1 - i);
        });
      }),
    );
  });

  it('formatPeriodZh output parses back to the same period', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(parsePeriod(formatPeriodZh(p))).toEqual(ok(p));
        expect(parsePeriod(p)).toEqual(ok(p));
        expect(parsePeriod(Number(p.replace('-', '')))).toEqual(ok(p));
      }),
    );
  });

  it('serial dates agree with Date.UTC (1900 system, serials from 61)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 190_000 }), (serial) => {
        const at = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        const expected = `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
        expect(parsePeriod(serial)).toEqual(ok(expected));
      }),
    );
  });

  it('a date typed as text and as its serial give the same month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 80_000 }), (serial) => {
        const at = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
        const iso = at.toISOString().slice(0, 10);
        expect(parsePeriod(iso)).toEqual(parsePeriod(serial));
      }),
    );
  });

  it('years span the whole range', () => {
    expect(isPeriod(`${MIN_YEAR}-01`)).toBe(true);
    expect(isPeriod(`${MAX_YEAR}-12`)).toBe(true);
  });
});

describe('gradingWindow (R13)', () => {
  it.each([
    [
      'a monthly preview of 2026-10: last year is 2025-10 … 2026-09, never the month itself',
      { kind: 'monthly', period: '2026-10' },
      '2025-10',
      '2026-09',
      '2026-10',
    ],
    [
      'a monthly preview of January: the whole previous calendar year',
      { kind: 'monthly', period: '2026-01' },
      '2025-01',
      '2025-12',
      '2026-01',
    ],
    [
      'an annual grading: the calendar year, December as this month',
      { kind: 'annual', year: 2025 },
      '2025-01',
      '2025-12',
      '2025-12',
    ],
  ] as const)('%s', (_, spec, from, to, thisMonth) => {
    const w = gradingWindow(spec);
    expect(w.lastYear).toHaveLength(12);
    expect([w.lastYear[0], w.lastYear[11], w.thisMonth]).toEqual([from, to, thisMonth]);
  });

  it('a preview never counts the graded month as last year', () => {
    for (const period of ['2026-01', '2026-06', '2026-12']) {
      expect(gradingWindow({ kind: 'monthly', period }).lastYear).not.toContain(period);
    }
  });
});

describe('lastDayOf', () => {
  it.each([
    ['2026-02', '2026-02-28'],
    ['2028-02', '2028-02-29'],
    ['2026-12', '2026-12-31'],
    ['2026-04', '2026-04-30'],
  ])('%s ends on %s', (period, day) => {
    expect(lastDayOf(period)).toBe(day);
  });
});
