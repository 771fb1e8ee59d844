/**
 * Display formatting for dates and money. Pure (no i18next, no DOM) so it can be unit-tested.
 * Money is always integer fen (分) in the data; dates are ISO `YYYY-MM-DD`, local date-times
 * `YYYY-MM-DD HH:mm:ss`, or instants with a zone (`…Z`), which are shown in local time.
 */
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

/** Integer fen as yuan with two decimals: 123450 → "¥1,234.50", -5 → "-¥0.05". */
export function formatFen(fen: number): string {
  if (!Number.isFinite(fen)) return EMPTY_VALUE;
  const rounded = Math.round(fen);
  const abs = Math.abs(rounded);
  const yuan = Math.floor(abs / 100);
  const cents = abs % 100;
  return `${rounded < 0 ? '-' : ''}¥${group(String(yuan))}.${pad2(cents)}`;
}

function trimDecimals(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

const FEN_PER_YUAN = 100;
const FEN_PER_WAN = 10_000 * FEN_PER_YUAN;
const FEN_PER_YI = 10_000 * FEN_PER_WAN;

/**
 * Compact money for summaries and dashboards. Chinese: "123.4万", "1.25亿", below ¥10,000 whole
 * yuan "9,876". English: "¥1.23M", "¥12.3K", "¥987".
 */
export function formatFenSummary(fen: number, language: Language): string {
  if (!Number.isFinite(fen)) return EMPTY_VALUE;
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  if (language === 'en') {
    const yuan = abs / FEN_PER_YUAN;
    if (yuan >= 1_000_000) return `${sign}¥${trimDecimals((yuan / 1_000_000).toFixed(2))}M`;
    if (yuan >= 1_000) return `${sign}¥${trimDecimals((yuan / 1_000).toFixed(1))}K`;
    return `${sign}¥${group(String(Math.round(yuan)))}`;
  }
  if (abs >= FEN_PER_YI) {
    const hundredthsOfYi = Math.round(abs / (FEN_PER_YI / 100));
    return `${sign}${trimDecimals((hundredthsOfYi / 100).toFixed(2))}亿`;
  }
  if (abs >= FEN_PER_WAN) {
    const tenthsOfWan = Math.round(abs / (FEN_PER_WAN / 10));
    if (tenthsOfWan >= 100_000) return `${sign}1亿`;
    return `${sign}${trimDecimals((tenthsOfWan / 10).toFixed(1))}万`;
  }
  return `${sign}${group(String(Math.round(abs / FEN_PER_YUAN)))}`;
}

/** An integer with thousands separators: 20000 → "20,000". */
export function formatCount(n: number): string {
  return `${n < 0 ? '-' : ''}${group(String(Math.abs(Math.round(n))))}`;
}
