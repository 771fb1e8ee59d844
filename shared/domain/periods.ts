/**
 * Reporting months (R24–R32: "this month", "same month last year", "year to date", the rolling 12
 * months of the monthly tier preview) as `YYYY-MM` strings. They sort and compare as strings, so
 * they can be SQL keys as they are. Calendar arithmetic is done on integers here, never with a
 * local-time `Date`: a month must not move because the workstation's time zone did.
 */

import { type Bilingual, bi } from './bilingual';

/** A month, `YYYY-MM`, year 1900–9999. */
export type Period = string;

/** `message` is Chinese; `messageEn` the same in English, for the interface in English. */
export type PeriodParse = { ok: true; period: Period } | { ok: false; message: string; messageEn: string };

export interface ParsePeriodOptions {
  /** The workbook uses Excel's 1904 date system (old Mac workbooks): serial 0 is 1904-01-01. */
  date1904?: boolean;
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 9999;

const PERIOD = /^(\d{4})-(\d{2})$/;

const pad2 = (n: number) => String(n).padStart(2, '0');

export function isPeriod(value: unknown): value is Period {
  if (typeof value !== 'string') return false;
  const m = PERIOD.exec(value);
  if (!m) return false;
  const year = Number(m[1]);
  const month = Number(m[2]);
  return year >= MIN_YEAR && month >= 1 && month <= 12;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// ---------------------------------------------------------------------------------------------
// Day counts (days since 1970-01-01, proleptic Gregorian), for Excel serial dates

/**
 * Counts from 1 March of year 0, so the leap day is the last day of its "year" and the month
 * lengths from March on repeat in a 153-day five-month pattern (31 30 31 30 31); 400-year eras
 * are 146097 days. 719468 is the number of days from 0000-03-01 to 1970-01-01.
 */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = month > 2 ? month - 3 : month + 9; // March = 0
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The inverse of `daysFromCivil`. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Excel's 1900 system counts 1900-01-01 as serial 1 and, copying Lotus 1-2-3, treats 1900 as a
 * leap year: serial 60 is the non-existent 1900-02-29 and every serial from 61 on is one more than
 * the true day count. So serials 1–59 count from 1899-12-31 and serials ≥ 61 from 1899-12-30.
 */
const EPOCH_1900_EARLY = daysFromCivil(1899, 12, 31);
const EPOCH_1900 = daysFromCivil(1899, 12, 30);
const EPOCH_1904 = daysFromCivil(1904, 1, 1);

// ---------------------------------------------------------------------------------------------
// Parsing

/** Full-width digits and punctuation (an IME's "２０２６／１０") and every kind of space → ASCII. */
function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    out += code >= 0xff01 && code <= 0xff5e ? String.fromCharCode(code - 0xfee0) : ch;
  }
  return out.replace(/\s/g, ' ');
}

const FORMAT_HINT = bi(
  '应为 2026-10、2026年10月、2026/10、2026.10 或 202610 这样的年月',
  'expected a year and month such as 2026-10, 2026/10, 2026.10 or 202610',
);

const reject = (raw: string, reason: Bilingual): PeriodParse => ({
  ok: false,
  message: `无法识别的月份“${raw}”：${reason.zh}`,
  messageEn: `Unrecognised month "${raw}": ${reason.en}`,
});
const fail = (message: Bilingual): PeriodParse => ({ ok: false, message: message.zh, messageEn: message.en });

/** Checks year, month and, for a date, the day; the period is the date's month. */
function fromParts(raw: string, year: number, month: number, day?: number): PeriodParse {
  if (year < MIN_YEAR || year > MAX_YEAR)
    return reject(raw, bi(`年份应在 ${MIN_YEAR}–${MAX_YEAR} 之间`, `the year must be ${MIN_YEAR}–${MAX_YEAR}`));
  if (month < 1 || month > 12)
    return reject(raw, bi(`月份应为 1–12，实际为 ${month}`, `the month must be 1–12, not ${month}`));
  if (day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return reject(raw, bi(`${year}年${month}月没有 ${day} 日`, `${year}-${pad2(month)} has no day ${day}`));
  }
  return { ok: true, period: `${year}-${pad2(month)}` };
}

/** Year and month, with one separator: "2026-10", "2026.1", "2026/10". */
const YEAR_MONTH = /^(\d{4}) ?([-./]) ?(\d{1,2})$/;
/** A date, the same separator twice: "2026-10-15", "2026/1/5". */
const YEAR_MONTH_DAY = /^(\d{4}) ?([-./]) ?(\d{1,2}) ?\2 ?(\d{1,2})$/;
const ZH_YEAR_MONTH = /^(\d{4}) ?年 ?(\d{1,2}) ?月份?$/;
const ZH_DATE = /^(\d{4}) ?年 ?(\d{1,2}) ?月 ?(\d{1,2}) ?[日号]$/;
const COMPACT_MONTH = /^(\d{4})(\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

function parsePeriodText(input: string): PeriodParse {
  const raw = input.trim();
  const text = foldWidth(input).trim();
  if (text === '') return fail(bi('月份不能为空', 'The month is empty'));
  const num = (s: string | undefined) => Number(s ?? '');
  let m = YEAR_MONTH.exec(text) ?? ZH_YEAR_MONTH.exec(text);
  if (m) return fromParts(raw, num(m[1]), num(m[m.length - 1]));
  m = YEAR_MONTH_DAY.exec(text);
  if (m) return fromParts(raw, num(m[1]), num(m[3]), num(m[4]));
  m = ZH_DATE.exec(text) ?? COMPACT_DATE.exec(text);
  if (m) return fromParts(raw, num(m[1]), num(m[2]), num(m[3]));
  m = COMPACT_MONTH.exec(text);
  if (m) return fromParts(raw, num(m[1]), num(m[2]));
  // Diagnose the usual slips rather than only repeating the format.
  if (/^\d{1,2} ?[-./] ?\d{4}$/.test(text))
    return reject(raw, bi('年份应写在月份之前（如 2026-10）', 'the year comes before the month (e.g. 2026-10)'));
  if (/^\d{2,3} ?[-./年]/.test(text)) return reject(raw, bi('年份应为四位数字', 'the year must have four digits'));
  if (/\d:\d/.test(text))
    return reject(raw, bi('只需年月或日期，不要带时间', 'give a month or a date, without a time'));
  return reject(raw, FORMAT_HINT);
}

function parsePeriodNumber(n: number, date1904: boolean): PeriodParse {
  if (!Number.isFinite(n)) return fail(bi(`月份不是有效数字：${n}`, `The month is not a valid number: ${n}`));
  // A six-digit number is YYYYMM, an eight-digit one YYYYMMDD (see `parsePeriod`).
  if (n >= 190001 && n <= 999912) {
    if (!Number.isInteger(n))
      return reject(String(n), bi('按 YYYYMM 年月读取，但不是整数', 'read as YYYYMM but not a whole number'));
    return fromParts(String(n), Math.floor(n / 100), n % 100);
  }
  if (n >= 19000101 && n <= 99991231) {
    if (!Number.isInteger(n))
      return reject(String(n), bi('按 YYYYMMDD 日期读取，但不是整数', 'read as YYYYMMDD but not a whole number'));
    return fromParts(String(n), Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
  }
  // Any other number this large is a typo ("2026100"), not a serial: serial 190001 is in 2420.
  if (n >= 190001) {
    return fail(
      bi(
        `数字 ${n} 不是 YYYYMM 年月或 YYYYMMDD 日期，也不是合理的 Excel 日期序列号`,
        `The number ${n} is neither a YYYYMM month, a YYYYMMDD date nor a plausible Excel date serial`,
      ),
    );
  }
  // An Excel serial date; a fraction is the time of day and does not change the month.
  const serial = Math.floor(n);
  let days: number;
  if (date1904) {
    if (serial < 0) {
      return fail(
        bi(
          `序列号 ${n} 不是有效日期（1904 日期系统从 0 开始）`,
          `Serial ${n} is not a valid date (the 1904 date system starts at 0)`,
        ),
      );
    }
    days = EPOCH_1904 + serial;
  } else {
    if (serial < 1) {
      return fail(
        bi(
          `序列号 ${n} 不是有效日期（1900 日期系统从 1 开始）`,
          `Serial ${n} is not a valid date (the 1900 date system starts at 1)`,
        ),
      );
    }
    if (serial === 60)
      return fail(
        bi(
          '序列号 60 不是有效日期（Excel 1900 年闰日错误）',
          'Serial 60 is not a valid date (Excel’s 1900 leap-day bug)',
        ),
      );
    days = (serial < 60 ? EPOCH_1900_EARLY : EPOCH_1900) + serial;
  }
  const { year, month } = civilFromDays(days);
  return { ok: true, period: `${year}-${pad2(month)}` };
}

/**
 * A month as units write it or a spreadsheet holds it → `YYYY-MM`.
 *
 * Text: "2026-10", "2026-1", "2026.10", "2026/10", "2026年10月", "2026年10月份", "202610", full-width
 * digits, and dates whose month is meant — "2026-10-15", "2026/10/15", "2026年10月15日", "20261015"
 * (the day is checked: "2026-02-30" is refused). Text is never read as an Excel serial: "46000"
 * typed in a cell is refused, not taken as 2025-12-09. Times, two-digit years and month-first
 * forms ("10/2026") are refused with a message saying so.
 *
 * Numbers: an integer 190001–999912 is read as YYYYMM and an integer 19000101–99991231 as
 * YYYYMMDD; any other number from 190001 up is refused (a typo such as 2026100, not a date);
 * a number below 190001 is an Excel serial date in the 1900 system (serial 1 = 1900-01-01, 60 =
 * Excel's fictitious 1900-02-29 → error, 61 = 1900-03-01), or in the 1904 system with `date1904`
 * (serial 0 = 1904-01-01). The split is safe because serials for the dates this app deals in are
 * near 46000 (2026) and serial 190001 would fall in the year 2420, so no real serial is lost; and
 * it keeps a mistyped six- or seven-digit number from becoming a month centuries away. Fractional
 * serials are floored (the fraction is a time of day); serials before the system's start are
 * refused.
 */
export function parsePeriod(input: string | number, options: ParsePeriodOptions = {}): PeriodParse {
  return typeof input === 'number' ? parsePeriodNumber(input, options.date1904 === true) : parsePeriodText(input);
}

// ---------------------------------------------------------------------------------------------
// Arithmetic: a period is a month index year × 12 + (month − 1)

function assertPeriod(period: Period): void {
  if (!isPeriod(period)) throw new RangeError(`不是有效的月份：“${period}”（应为 YYYY-MM）`);
}

function toIndex(period: Period): number {
  assertPeriod(period);
  return Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;
}

/**
 * A month or year outside 1900–9999 reached by arithmetic (a year back, the next month): the
 * registry answers it as a validation error (electron/backend/db/faults.ts), not an internal one.
 */
export class PeriodRangeError extends RangeError {
  override name = 'PeriodRangeError';
}

function fromIndex(index: number): Period {
  const month = (index % 12) + 1;
  const year = (index - month + 1) / 12;
  if (year < MIN_YEAR || year > MAX_YEAR) throw new PeriodRangeError(`月份超出 ${MIN_YEAR}–${MAX_YEAR} 年的范围`);
  return `${year}-${pad2(month)}`;
}

/** periodOf(2026, 10) → "2026-10". Throws RangeError outside 1900–9999 or months 1–12. */
export function periodOf(year: number, month: number): Period {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new PeriodRangeError(`年份应为 ${MIN_YEAR}–${MAX_YEAR} 的整数：${year}`);
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`月份应为 1–12 的整数：${month}`);
  return `${year}-${pad2(month)}`;
}

export function yearOf(period: Period): number {
  assertPeriod(period);
  return Number(period.slice(0, 4));
}

export function monthOf(period: Period): number {
  assertPeriod(period);
  return Number(period.slice(5, 7));
}

/** addMonths("2026-11", 3) → "2027-02"; n may be negative. Throws RangeError on leaving 1900–9999. */
export function addMonths(period: Period, n: number): Period {
  if (!Number.isSafeInteger(n)) throw new RangeError(`月数应为整数：${n}`);
  return fromIndex(toIndex(period) + n);
}

/** b − a in months: monthsBetween("2025-11", "2026-10") = 11; negative when b is earlier. */
export function monthsBetween(a: Period, b: Period): number {
  return toIndex(b) - toIndex(a);
}

/** R27 "last month" (环比). */
export function previousPeriod(period: Period): Period {
  return addMonths(period, -1);
}

export function nextPeriod(period: Period): Period {
  return addMonths(period, 1);
}

/** R24 "same month last year" (同比). */
export function sameMonthLastYear(period: Period): Period {
  return addMonths(period, -12);
}

/**
 * Every month from `from` to `to`, both included, oldest first. Empty when `from` is after `to`,
 * like an empty range, so callers that build a range from user input must check the order.
 */
export function periodRange(from: Period, to: Period): Period[] {
  const start = toIndex(from);
  const end = toIndex(to);
  const out: Period[] = [];
  for (let i = start; i <= end; i++) out.push(fromIndex(i));
  return out;
}

/**
 * The `months` periods ending at and including `period`, oldest first (R26's 12 months ending with
 * the period). rollingWindow("2026-10") is 2025-11 … 2026-10. Not the preview's "last year": see
 * `gradingWindow`.
 */
export function rollingWindow(period: Period, months = 12): Period[] {
  if (!Number.isSafeInteger(months) || months < 1) throw new RangeError(`窗口月数应为正整数：${months}`);
  return periodRange(addMonths(period, -(months - 1)), period);
}

/** What a grading compares (R6, R7, R9): the "last year" months and the month graded as "this month". */
export interface GradingWindow {
  /** "Last year", oldest first. */
  lastYear: Period[];
  thisMonth: Period;
}

/**
 * R13: an annual grading of year Y uses Y-01 … Y-12 as last year and Y-12 as this month; a monthly
 * preview of M uses the 12 months before M (M−12 … M−1) as last year and M as this month, so the
 * two never overlap and a customer whose only revenue is in M has no last-year figures.
 */
export function gradingWindow(
  spec: { kind: 'annual'; year: number } | { kind: 'monthly'; period: Period },
): GradingWindow {
  if (spec.kind === 'annual') return { lastYear: calendarYear(spec.year), thisMonth: periodOf(spec.year, 12) };
  return { lastYear: rollingWindow(addMonths(spec.period, -1), 12), thisMonth: spec.period };
}

/** YYYY-01 … YYYY-12: the calendar year of the annual grading (R6, R7, R9). */
export function calendarYear(year: number): Period[] {
  return periodRange(periodOf(year, 1), periodOf(year, 12));
}

/** R24 "year to date" (累计): January of the period's year through the period. */
export function yearToDate(period: Period): Period[] {
  return periodRange(periodOf(yearOf(period), 1), period);
}

/** "2026-10" → "2026年10月", "2026-01" → "2026年1月" (no leading zero, as written in reports). */
/** The ISO date of the period's last day, e.g. `2026-02` → `2026-02-28`. */
export function lastDayOf(period: Period): string {
  return `${period}-${String(daysInMonth(yearOf(period), monthOf(period))).padStart(2, '0')}`;
}

export function formatPeriodZh(period: Period): string {
  return `${yearOf(period)}年${monthOf(period)}月`;
}
