/**
 * Money is an integer count of fen (分) everywhere: in the database, in the rule engine (R6, R7,
 * R9, R26) and on the wire. Yuan (元) appear only at the edges, typed by people or read from
 * spreadsheets, and are turned into fen here with digit-string arithmetic, so no binary fraction
 * ever sits between what the unit wrote and what is stored.
 */

import { type Bilingual, bi } from './bilingual';

/** A safe integer count of fen (分). 1 yuan = 100 fen. */
export type Fen = number;

/** A parsed amount. `empty: false` makes `empty` a discriminant, so `r.ok && !r.empty` narrows to this. */
export type MoneyAmount = { ok: true; empty: false; fen: Fen };
/** The cell was blank or a placeholder dash: no figure was given, which is not the same as 0. */
export type MoneyEmpty = { ok: true; empty: true };
/** `message` is Chinese; `messageEn` the same in English, for the interface in English. */
export type MoneyError = { ok: false; message: string; messageEn: string };
export type MoneyParse = MoneyAmount | MoneyEmpty | MoneyError;

export const FEN_PER_YUAN = 100;
export const FEN_PER_WAN = 10_000 * FEN_PER_YUAN;
/** The largest amount the app can hold exactly: ¥90,071,992,547,409.91. */
export const MAX_FEN: Fen = Number.MAX_SAFE_INTEGER;

const MAX_FEN_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** Integers only, within ±MAX_FEN: anything else is a bug upstream, not a value to format. */
export function isFen(value: unknown): value is Fen {
  return Number.isSafeInteger(value);
}

function assertFen(fen: Fen, what: string): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${what}必须是安全范围内的整数分：${fen}`);
}

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * Full-width ASCII (U+FF01–U+FF5E, what a Chinese IME types: "１２３４．５"), the ideographic space
 * and the full-width yen sign become their ASCII forms; the Unicode minus (U+2212, what Word and
 * some exports write) becomes "-". Done by hand rather than with NFKC, which would also turn
 * superscripts and circled digits ("²", "①") into digits and so accept typing slips as amounts.
 */
function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCharCode(code - 0xfee0);
    else if (code === 0xffe5) out += '¥';
    else if (code === 0x2212) out += '-';
    else out += ch;
  }
  // Every kind of space (NBSP, thin space, ideographic space, tab) counts as a plain space.
  return out.replace(/\s/g, ' ');
}

/** Placeholders units put in a cell that has no figure: "-", "--", "—", "——", "–". */
const PLACEHOLDER = /^(?:-+|—+|–+)$/;

/** The number itself: digits, group separators (comma or space) and a point; never ends in a space. */
const BODY = /^[0-9.,](?:[0-9., ]*[0-9.,])?/;

/** 万 and 亿 move the decimal point; the value is written in yuan, fen are two places further. */
const UNIT_SHIFT: Record<string, number> = { 万: 4, 亿: 8 };

const outOfRange = (raw: string): MoneyError => ({
  ok: false,
  message: `金额“${raw}”超出可处理的范围（绝对值不能超过 ${formatMoney(MAX_FEN)}）`,
  messageEn: `Amount "${raw}" is out of range (at most ${formatMoney(MAX_FEN)} either way)`,
});
const reject = (raw: string, reason: Bilingual): MoneyError => ({
  ok: false,
  message: `无法识别的金额“${raw}”：${reason.zh}`,
  messageEn: `Unrecognised amount "${raw}": ${reason.en}`,
});

const NO_DIGITS = bi('没有数字', 'no digits');
const unknownText = (odd: string) => bi(`含有无法识别的字符“${odd}”`, `unrecognised characters "${odd}"`);

/** The first run of characters that is neither a digit nor a space, to name in an error. */
function oddText(text: string): string {
  return /^[^\d ]+/.exec(text)?.[0] ?? text;
}

/**
 * Yuan written as integer digits, fraction digits and a power-of-ten shift (4 for 万, 8 for 亿) →
 * fen, rounded half up on the magnitude, i.e. half away from zero: 1.005 → 101, -1.005 → -101.
 * That is how people round money by hand and how the bureau's spreadsheets (ROUND) do it; banker's
 * rounding would surprise them. Only the third decimal of the fen matters: anything from …5 on is
 * at least half a fen.
 */
function toFen(
  raw: string,
  negative: boolean,
  intDigits: string,
  fracDigits: string,
  shift: number,
): MoneyAmount | MoneyError {
  const digits = intDigits + fracDigits;
  const point = intDigits.length + shift + 2; // position of the fen point within `digits`
  // point ≥ 2 always: callers put every leading zero of a small number into `fracDigits`.
  const whole = point >= digits.length ? digits + '0'.repeat(point - digits.length) : digits.slice(0, point);
  const roundUp = point < digits.length && digits.charAt(point) >= '5';
  let magnitude = BigInt(whole);
  if (roundUp) magnitude += 1n;
  if (magnitude > MAX_FEN_BIG) return outOfRange(raw);
  const fen = Number(magnitude);
  // No negative zero: "-0.001" and "(0.00)" are 0.
  return { ok: true, empty: false, fen: negative && fen !== 0 ? -fen : fen };
}

/**
 * The integer part may be grouped by thousands with commas or single spaces ("1,234,567",
 * "1 234 567"), one kind of separator per number. Any other grouping is refused rather than
 * guessed: "12,34" could be a 万-grouping (1,2345), an Indian grouping (1,23,456) or a decimal
 * comma (12,34 = 12.34 in European sheets), and reading it as 1234 could be wrong by a factor of
 * 100. A person has to look at it.
 */
function checkGrouping(intPart: string): Bilingual | null {
  const separators = new Set(intPart.replace(/\d/g, ''));
  if (separators.size === 0) return null;
  if (separators.size > 1)
    return bi('千位分隔符不统一（逗号与空格混用）', 'thousands separators are mixed (commas and spaces)');
  const groups = intPart.split(/[, ]/);
  const ok = groups.every((g, i) => (i === 0 ? g.length >= 1 && g.length <= 3 : g.length === 3));
  return ok
    ? null
    : bi(
        '千位分隔符位置不对，应每三位一组（如 1,234,567）',
        'thousands separators are misplaced; group by three digits (e.g. 1,234,567)',
      );
}

/**
 * An amount in yuan as units type it or a spreadsheet holds it → integer fen.
 *
 * Text accepts: "1234.5", "1,234.50", "¥1 234.50", "￥1234.5", "1234.50元", full-width digits and
 * punctuation, "1.2万", "3亿", "0.5万元", "(1,234.00)" or "（1,234.00）" as negative, "-1234.5",
 * "-¥1,234.50" (what `formatMoney` prints), a leading "+", ".5" (= 0.5), surrounding spaces.
 * Blank, "-", "--", "—", "——" → empty (no figure), which is not 0.
 *
 * Refuses, with a Chinese message naming the fault: more than one point, "5." (digits missing
 * after the point), exponents typed as text ("1e5": a unit would not type that, a broken export
 * would), grouping other than by thousands, unknown text ("12abc", "RMB"), more than one sign or a
 * sign inside parentheses, a repeated unit ("万万", "万亿" — only one of 万/亿), and anything beyond
 * ±MAX_FEN.
 *
 * A number is taken in yuan through its shortest decimal form (`String(n)`), which is what the
 * spreadsheet showed: 0.1 is "0.1", and 1.005 is "1.005" → 101 fen even though the double is a
 * hair below 1.005. Exponent forms (1e-7, 1.5e21) are expanded digit by digit.
 */
export function parseMoney(input: string | number): MoneyParse {
  return typeof input === 'number' ? parseMoneyNumber(input) : parseMoneyText(input);
}

function parseMoneyNumber(n: number): MoneyParse {
  if (Number.isNaN(n))
    return { ok: false, message: '金额不是有效数字（NaN）', messageEn: 'The amount is not a valid number (NaN)' };
  if (!Number.isFinite(n))
    return { ok: false, message: `金额不是有限数值（${n}）`, messageEn: `The amount is not a finite number (${n})` };
  const raw = String(n);
  // String(n) is "-?d+(.d+)?" or "-?d(.d+)?e[+-]d+"; an exponent moves the point.
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(raw);
  if (!m) return reject(raw, bi('无法转换为十进制数', 'cannot be written as a decimal number'));
  const negative = m[1] === '-';
  const mantissa = (m[2] ?? '') + (m[3] ?? '');
  const point = (m[2] ?? '').length + Number(m[4] ?? '0');
  if (point <= 0) return toFen(raw, negative, '', '0'.repeat(-point) + mantissa, 0);
  if (point >= mantissa.length) return toFen(raw, negative, mantissa + '0'.repeat(point - mantissa.length), '', 0);
  return toFen(raw, negative, mantissa.slice(0, point), mantissa.slice(point), 0);
}

function parseMoneyText(input: string): MoneyParse {
  const text = foldWidth(input).trim();
  const raw = input.trim();
  if (text === '' || PLACEHOLDER.test(text)) return { ok: true, empty: true };

  // Prefix: signs, currency sign, opening parenthesis, in any order, with spaces between.
  let i = 0;
  let minus = 0;
  let plus = 0;
  let currency = 0;
  let open = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === '-') minus++;
    else if (ch === '+') plus++;
    else if (ch === '¥') currency++;
    else if (ch === '(') open++;
    else if (ch !== ' ') break;
    i++;
  }

  const body = BODY.exec(text.slice(i))?.[0] ?? '';
  const rest = text.slice(i + body.length);
  if (body === '') {
    const odd = text.slice(i);
    return reject(raw, odd === '' || /^[)元万亿 ]*$/.test(odd) ? NO_DIGITS : unknownText(oddText(odd)));
  }
  if (/^[eE][-+]?\d/.test(rest))
    return reject(
      raw,
      bi(
        '不接受科学计数法（如 1e5），请直接写出数字',
        'scientific notation (e.g. 1e5) is not accepted; write the digits out',
      ),
    );

  // Suffix: 万 or 亿, then 元, and the closing parenthesis.
  let close = 0;
  let unit = '';
  let yuanSign = 0;
  for (let j = 0; j < rest.length; j++) {
    const ch = rest.charAt(j);
    if (ch === ' ') continue;
    if (ch === ')') close++;
    else if (ch === '万' || ch === '亿') {
      if (unit !== '')
        return reject(
          raw,
          bi(
            `单位重复（“${unit}${ch}”），只能用一个“万”或“亿”`,
            `repeated unit ("${unit}${ch}"); use one 万 (10 thousand) or 亿 (100 million) only`,
          ),
        );
      if (yuanSign > 0) return reject(raw, bi(`“${ch}”应写在“元”之前`, `"${ch}" must come before 元 (yuan)`));
      unit = ch;
    } else if (ch === '元') yuanSign++;
    else return reject(raw, unknownText(oddText(rest.slice(j))));
  }

  if (minus + plus + open > 1) return reject(raw, bi('正负号多于一个', 'more than one sign'));
  if (open !== close) {
    return reject(
      raw,
      open > close ? bi('缺少右括号', 'closing parenthesis missing') : bi('缺少左括号', 'opening parenthesis missing'),
    );
  }
  if (currency > 1) return reject(raw, bi('货币符号“¥”多于一个', 'more than one "¥" sign'));
  if (yuanSign > 1) return reject(raw, bi('“元”多于一个', 'more than one 元 (yuan)'));

  if (!/\d/.test(body)) return reject(raw, NO_DIGITS);
  const points = body.split('.').length - 1;
  if (points > 1) return reject(raw, bi('小数点多于一个', 'more than one decimal point'));
  const [intPart = '', fracPart = ''] = body.split('.');
  if (points === 1 && fracPart === '')
    return reject(raw, bi('小数点后缺少数字', 'digits missing after the decimal point'));
  if (/[, ]/.test(fracPart))
    return reject(raw, bi('小数部分不能有分隔符', 'separators are not allowed after the decimal point'));
  const grouping = checkGrouping(intPart);
  if (grouping !== null) return reject(raw, grouping);

  return toFen(raw, minus + open > 0, intPart.replace(/[, ]/g, ''), fracPart, UNIT_SHIFT[unit] ?? 0);
}

// ---------------------------------------------------------------------------------------------
// Formatting (by hand: no Intl, whose output depends on the ICU data the runtime ships)

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits.charAt(i);
  }
  return out;
}

/** Splits a safe integer count of fen into sign, whole yuan and the two fen digits. */
function yuanParts(fen: Fen): { sign: string; whole: string; cents: string } {
  const abs = Math.abs(fen);
  const cents = abs % FEN_PER_YUAN;
  return {
    sign: fen < 0 ? '-' : '',
    whole: String((abs - cents) / FEN_PER_YUAN),
    cents: String(cents).padStart(2, '0'),
  };
}

/** 123450 → "¥1,234.50"; -123450 → "-¥1,234.50"; 0 → "¥0.00". Throws RangeError on a non-integer. */
export function formatMoney(fen: Fen): string {
  assertFen(fen, '金额');
  const { sign, whole, cents } = yuanParts(fen);
  return `${sign}¥${groupThousands(whole)}.${cents}`;
}

/** 123450 → "1234.50"; -5 → "-0.05": plain yuan for JSON, CSV and the CLI, no grouping, no sign for 0. */
export function fenToYuanString(fen: Fen): string {
  assertFen(fen, '金额');
  const { sign, whole, cents } = yuanParts(fen);
  return `${sign}${whole}.${cents}`;
}

/**
 * Compact amounts for summaries: 1,234,000 yuan → "123.4万" with `digits` decimals of 万 (0–6),
 * rounded half away from zero in integer arithmetic, integer part grouped by thousands
 * ("12,345.6万"). Below 1万 yuan the 万 figure would read "0.0万" or "0.5万" and hide the amount, so
 * those print as yuan with two decimals and the unit: "9,876.50元", "-5.00元".
 */
export function formatWan(fen: Fen, digits = 1): string {
  assertFen(fen, '金额');
  if (!Number.isInteger(digits) || digits < 0 || digits > 6) {
    throw new RangeError(`万元的小数位数应为 0–6：${digits}`);
  }
  const abs = Math.abs(fen);
  const sign = fen < 0 ? '-' : '';
  if (abs < FEN_PER_WAN) {
    const { whole, cents } = yuanParts(abs);
    return `${sign}${groupThousands(whole)}.${cents}元`;
  }
  const step = 10 ** (6 - digits); // fen per last printed digit
  const remainder = abs % step;
  const steps = (abs - remainder) / step + (remainder * 2 >= step ? 1 : 0);
  const scale = 10 ** digits;
  const frac = steps % scale;
  const whole = groupThousands(String((steps - frac) / scale));
  return digits === 0 ? `${sign}${whole}万` : `${sign}${whole}.${String(frac).padStart(digits, '0')}万`;
}

// ---------------------------------------------------------------------------------------------
// Helpers for the rule engine

/** Integer yuan → fen, for thresholds written in code and tests: yuan(10_000) is R6's ¥10,000. */
export function yuan(n: number): Fen {
  if (!Number.isSafeInteger(n)) throw new RangeError(`yuan() 只接受整数元：${n}`);
  const fen = n * FEN_PER_YUAN;
  if (!Number.isSafeInteger(fen)) throw new RangeError(`金额超出可处理的范围：${n} 元`);
  return fen === 0 ? 0 : fen;
}
