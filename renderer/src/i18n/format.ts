/**
 * Display formatting for dates and money. Pure (no i18next, no DOM) so it can be unit-tested.
 * Money is always integer fen (分) in the data; dates are ISO `YYYY-MM-DD`, local date-times
 * `YYYY-MM-DD HH:mm:ss`, or instants with a zone (`…Z`), which are shown in local time.
 */
import { FEN_PER_YUAN, formatMoney, formatWan } from '../../../shared/domain/money';
import type { Language } from './languages';

/** Shown for a missing value. */
export const EMPTY_VALUE = '—';

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number | null;
  minute: number | null;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function localParts(value: string): LocalParts | null {
  let m = DATE_ONLY.exec(value);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: null, minute: null };
  m = LOCAL_DATE_TIME.exec(value);
  if (m) {
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4]),
      minute: Number(m[5]),
    };
  }
  if (ZONED.test(value)) {
    const at = new Date(value);
    if (Number.isNaN(at.getTime())) return null;
    return {
      year: at.getFullYear(),
      month: at.getMonth() + 1,
      day: at.getDate(),
      hour: at.getHours(),
      minute: at.getMinutes(),
    };
  }
  return null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

export type DateStyle = 'long' | 'iso';

/**
 * A calendar date: `long` is "2026年11月28日" (English "28 Nov 2026"), `iso` is "2026-11-28".
 * Text that is not a date is returned unchanged; null or empty gives "—".
 */
export function formatDate(value: string | null | undefined, language: Language, style: DateStyle = 'long'): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  const p = localParts(value);
  if (!p) return value;
  if (style === 'iso') return `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
  if (language === 'en') return `${p.day} ${MONTHS_EN[p.month - 1] ?? ''} ${p.year}`;
  return `${p.year}年${p.month}月${p.day}日`;
}

/** A date and time to the minute, "2026-11-28 09:05", in local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY_VALUE;
  const p = localParts(value);
  if (!p) return value;
  const date = `${p.year}-${pad2(p.month)}-${pad2(p.day)}`;
  return p.hour === null || p.minute === null ? date : `${date} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** A month "2026-11" as "2026年11月" (English "Nov 2026"). */
export function formatMonth(value: string, language: Language): string {
  const m = /^(\d{4})-(\d{2})/.exec(value);
  if (!m) return value;
  const month = Number(m[2]);
  return language === 'en' ? `${MONTHS_EN[month - 1] ?? ''} ${m[1]}` : `${m[1]}年${month}月`;
}

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const isFen = (fen: number) => Number.isSafeInteger(fen);

/**
 * Integer fen as yuan with two decimals: 123450 → "¥1,234.50", -5 → "-¥0.05". The one style for
 * money in tables and forms, in both languages. Delegates to the
 * shared money module (integer arithmetic, never floats); a value that is not whole fen gives "—".
 */
export function formatFen(fen: number): string {
  return isFen(fen) ? formatMoney(fen) : EMPTY_VALUE;
}

/** Rounds |fen| to `step` fen, half away from zero, in integers. */
function roundTo(abs: number, step: number): number {
  const remainder = abs % step;
  return (abs - remainder) / step + (remainder * 2 >= step ? 1 : 0);
}

/** "1.23" from 123 hundredths, trailing zeros dropped. */
function decimal(steps: number, digits: number): string {
  const scale = 10 ** digits;
  const frac = steps % scale;
  const whole = group(String((steps - frac) / scale));
  const fraction = String(frac).padStart(digits, '0').replace(/0+$/, '');
  return fraction === '' ? whole : `${whole}.${fraction}`;
}

/**
 * Compact money for summary sentences and tooltips, where space is tight: Chinese delegates to the
 * shared `formatWan` ("123.4万"; below 1万 "9,876.50元"); English never shows 万: "¥1.6B",
 * "¥1.23M", "¥12.3K", "¥987.00" — integer arithmetic as well. Table cells use `formatFen` in both
 * languages (one money style per table, docs/DOMAIN-DECISIONS.md).
 */
export function formatFenSummary(fen: number, language: Language): string {
  if (!isFen(fen)) return EMPTY_VALUE;
  if (language !== 'en') return formatWan(fen);
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  // B and M are taken when the amount reaches them after rounding (¥999,995 is ¥1M, not ¥1,000K);
  // below ¥1,000 the amount is shown whole.
  const units: [step: number, digits: number, suffix: string][] = [
    [10_000_000 * FEN_PER_YUAN, 2, 'B'],
    [10_000 * FEN_PER_YUAN, 2, 'M'],
  ];
  for (const [step, digits, suffix] of units) {
    const steps = roundTo(abs, step);
    if (steps >= 10 ** digits) return `${sign}¥${decimal(steps, digits)}${suffix}`;
  }
  if (abs >= 1_000 * FEN_PER_YUAN) return `${sign}¥${decimal(roundTo(abs, 100 * FEN_PER_YUAN), 1)}K`;
  return formatMoney(fen);
}

/** An integer with thousands separators: 20000 → "20,000". */
export function formatCount(n: number): string {
  return `${n < 0 ? '-' : ''}${group(String(Math.abs(Math.round(n))))}`;
}
