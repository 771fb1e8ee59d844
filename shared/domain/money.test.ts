import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FEN_PER_WAN,
  type Fen,
  fenToYuanString,
  formatMoney,
  formatWan,
  isFen,
  MAX_FEN,
  type MoneyParse,
  parseMoney,
  yuan,
} from './money';

const amount = (fen: Fen): MoneyParse => ({ ok: true, empty: false, fen });
const EMPTY: MoneyParse = { ok: true, empty: true };

/** What a Chinese IME types: every printable ASCII character as its full-width form. */
function toFullWidth(text: string): string {
  return text.replace(/[!-~]/g, (ch) => String.fromCharCode((ch.codePointAt(0) ?? 0) + 0xfee0));
}

/** Full-width digits only. */
function toFullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (ch) => String.fromCharCode((ch.codePointAt(0) ?? 0) + 0xfee0));
}

function fenOf(r: MoneyParse): Fen | 'empty' | 'error' {
  if (!r.ok) return 'error';
  return r.empty ? 'empty' : r.fen;
}

describe('parseMoney: text in yuan → fen', () => {
  it.each([
    ['1234.5', 123_450],
    ['1234.50', 123_450],
    ['1234', 123_400],
    ['0', 0],
    ['0.00', 0],
    ['0.01', 1],
    ['.5', 50], // a leading point is read as 0.5
    ['007', 700], // leading zeros are harmless
    ['1,234.50', 123_450],
    ['1,234', 123_400],
    ['1,234,567.89', 123_456_789],
    ['¥1 234.50', 123_450], // space as thousands separator
    ['1 234 567', 123_456_700],
    ['¥1234.5', 123_450],
    ['¥ 1234.5', 123_450],
    ['￥1234.5', 123_450], // full-width yen sign
    ['1234.50元', 123_450],
    ['1234.50 元', 123_450],
    ['¥1234.50元', 123_450],
    ['１２３４.５', 123_450], // full-width digits
    ['１，２３４．５０', 123_450], // full-width digits, comma and point
    ['１２３４．５元', 123_450],
    ['1.2万', 1_200_000], // 12,000 yuan
    ['1.2 万', 1_200_000],
    ['1万', 1_000_000],
    ['0.5万元', 500_000],
    ['3亿', 30_000_000_000], // 300,000,000 yuan
    ['1.5亿元', 15_000_000_000],
    ['1,234.5万', 1_234_500_000],
    ['1.2345万', 1_234_500], // 12,345.00 yuan exactly
    ['0.123456万', 123_456], // 1,234.56 yuan
    ['1.23456789亿', 12_345_678_900],
    ['(1,234.00)', -123_400], // accounting negative
    ['（1,234.00）', -123_400], // full-width parentheses
    ['(¥1,234.00)', -123_400],
    ['¥(1,234.00)', -123_400],
    ['(1.2万)', -1_200_000],
    ['-1234.5', -123_450],
    ['- 1234.5', -123_450],
    ['－1234.5', -123_450], // full-width minus
    ['\u22121234.5', -123_450], // Unicode minus sign
    ['-¥1,234.50', -123_450], // what formatMoney prints
    ['¥-1,234.50', -123_450],
    ['+1234.5', 123_450],
    ['  1234.5  ', 123_450],
    ['\u30001234.5\u3000', 123_450], // ideographic spaces
    ['\t1234.5\n', 123_450],
    ['1\u00a0234.50', 123_450], // a no-break space as separator
    ['-0', 0], // never negative zero
    ['(0.00)', 0],
    ['-0.004', 0],
  ])('%j → %i fen', (input, fen) => {
    expect(parseMoney(input)).toEqual(amount(fen));
  });

  it.each([
    ['1.005', 101], // half up: exactly half a fen rounds away from zero
    ['1.004', 100],
    ['1.0049999', 100],
    ['1.0050000', 101],
    ['-1.005', -101], // half away from zero, not towards +∞
    ['-1.004', -100],
    ['(1.005)', -101],
    ['0.005', 1],
    ['0.0049', 0],
    ['-0.005', -1],
    ['2.675', 268], // a classic float trap: 2.675 * 100 is 267.49999…
    ['1.015', 102],
    ['0.995', 100],
    ['99.995', 10_000],
    ['0.0000005万', 1], // 0.005 yuan
    ['0.0000004万', 0],
    ['1.2345655万', 1_234_566], // 12,345.655 yuan: half a fen
    ['1.2345654万', 1_234_565],
    ['0.00000000005亿', 1], // 0.005 yuan
    ['1,234.565', 123_457],
  ])('rounds %j half away from zero → %i fen', (input, fen) => {
    expect(parseMoney(input)).toEqual(amount(fen));
  });

  it.each([
    [''],
    ['   '],
    ['\u3000'],
    ['-'],
    ['--'],
    ['—'],
    ['——'],
    ['–'],
    ['－'], // full-width hyphen
    [' - '],
  ])('%j is empty, not 0', (input) => {
    expect(parseMoney(input)).toEqual(EMPTY);
  });

  it('keeps empty distinct from zero', () => {
    expect(parseMoney('')).not.toEqual(parseMoney('0'));
    expect(parseMoney('0')).toEqual(amount(0));
  });

  it.each([
    ['1.2.3', '小数点多于一个'],
    ['1..2', '小数点多于一个'],
    ['5.', '小数点后缺少数字'],
    ['1e5', '不接受科学计数法'],
    ['1E5', '不接受科学计数法'],
    ['1.5e-3', '不接受科学计数法'],
    ['1e+5', '不接受科学计数法'],
    ['abc', '含有无法识别的字符“abc”'],
    ['12abc', '含有无法识别的字符“abc”'],
    ['RMB 100', '含有无法识别的字符“RMB”'],
    ['1234$', '含有无法识别的字符“$”'],
    ['12³', '含有无法识别的字符“³”'], // not folded to a digit
    ['10 20', '千位分隔符位置不对'], // two numbers in one cell
    ['1,23,4', '千位分隔符位置不对'],
    ['12,34', '千位分隔符位置不对'], // a decimal comma or 万-grouping: refused, not guessed
    ['1,5', '千位分隔符位置不对'],
    ['1,2345', '千位分隔符位置不对'],
    ['1,23,456', '千位分隔符位置不对'], // Indian grouping
    ['1234,567', '千位分隔符位置不对'],
    [',234', '千位分隔符位置不对'],
    ['1,,234', '千位分隔符位置不对'],
    ['1,234 567', '千位分隔符不统一'],
    ['1,234.567,8', '小数部分不能有分隔符'],
    ['--1234', '正负号多于一个'],
    ['+-1234', '正负号多于一个'],
    ['-¥-1234', '正负号多于一个'],
    ['(-1234)', '正负号多于一个'],
    ['-(1234)', '正负号多于一个'],
    ['((1234))', '正负号多于一个'],
    ['(1234', '缺少右括号'],
    ['1234)', '缺少左括号'],
    ['¥¥1234', '货币符号“¥”多于一个'],
    ['1234元元', '“元”多于一个'],
    ['1万万', '单位重复（“万万”）'],
    ['1万亿', '单位重复（“万亿”）'],
    ['1亿万', '单位重复'],
    ['1元万', '“万”应写在“元”之前'],
    ['万万', '没有数字'],
    ['¥', '没有数字'],
    ['元', '没有数字'],
    ['()', '没有数字'],
    ['.', '没有数字'],
    ['1234-', '含有无法识别的字符“-”'],
    ['N/A', '含有无法识别的字符“N/A”'],
  ])('refuses %j: %s', (input, reason) => {
    const r = parseMoney(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain(`无法识别的金额“${input.trim()}”`);
      expect(r.message).toContain(reason);
    }
  });

  it('names the fault in Chinese, quoting what was typed', () => {
    expect(parseMoney('1.2.3')).toMatchObject({ ok: false, message: '无法识别的金额“1.2.3”：小数点多于一个' });
  });

  it.each([
    ['90071992547409.91', MAX_FEN],
    ['-90071992547409.91', -MAX_FEN],
    ['9,007,199,254.740991万', MAX_FEN],
  ])('accepts the largest safe amount %j', (input, fen) => {
    expect(parseMoney(input)).toEqual(amount(fen));
  });

  it.each([
    ['90071992547409.92'],
    ['90071992547409.915'], // rounds up past the limit
    ['-90071992547409.92'],
    ['1000000000亿'],
    ['99999999999999999999999999999999'],
  ])('refuses %j beyond the safe range', (input) => {
    const r = parseMoney(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toBe(`金额“${input}”超出可处理的范围（绝对值不能超过 ¥90,071,992,547,409.91）`);
  });
});

describe('parseMoney: numbers from spreadsheets (yuan)', () => {
  it.each([
    [1234.5, 123_450],
    [1234, 123_400],
    [0, 0],
    [-0, 0],
    [0.1, 10],
    [0.07, 7], // 0.07 * 100 is 7.000000000000001 in floating point
    [1.005, 101], // the double is 1.00499999999999989…, but the cell showed 1.005
    [1.004, 100],
    [-1.005, -101],
    [2.675, 268],
    [0.005, 1],
    [-1234.5, -123_450],
    [1e-7, 0], // String(1e-7) is "1e-7"
    [5e-3, 1],
    [1.5e-7, 0],
    [4.9e-3, 0],
    [123456789012.34, 12_345_678_901_234],
  ])('%d → %i fen', (input, fen) => {
    expect(parseMoney(input)).toEqual(amount(fen));
  });

  it.each([
    [1.5e21, '1.5e+21'],
    [1e21, '1e+21'],
    [1e15, '1000000000000000'],
    [-1e300, '-1e+300'],
    [90071992547409.92, '90071992547409.92'],
  ])('refuses %d beyond the safe range', (input, shown) => {
    const r = parseMoney(input);
    expect(r).toMatchObject({
      ok: false,
      message: `金额“${shown}”超出可处理的范围（绝对值不能超过 ¥90,071,992,547,409.91）`,
    });
  });

  it.each([
    [Number.NaN, '金额不是有效数字（NaN）'],
    [Number.POSITIVE_INFINITY, '金额不是有限数值（Infinity）'],
    [Number.NEGATIVE_INFINITY, '金额不是有限数值（-Infinity）'],
  ])('refuses %d', (input, message) => {
    expect(parseMoney(input)).toMatchObject({ ok: false, message });
  });

  it('reads a number with up to 15 significant digits exactly as the yuan it shows', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15) + 1, max: 10 ** 15 - 1 }), (fen) => {
        expect(parseMoney(fen / 100)).toEqual(amount(fen));
      }),
    );
  });
});

describe('formatMoney', () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [5, '¥0.05'],
    [-5, '-¥0.05'],
    [100, '¥1.00'],
    [99_999, '¥999.99'],
    [100_000, '¥1,000.00'],
    [123_450, '¥1,234.50'],
    [-123_450, '-¥1,234.50'],
    [123_456_789, '¥1,234,567.89'],
    [MAX_FEN, '¥90,071,992,547,409.91'],
    [-MAX_FEN, '-¥90,071,992,547,409.91'],
  ])('%i → %s', (fen, text) => {
    expect(formatMoney(fen)).toBe(text);
  });

  it.each([[0.5], [Number.NaN], [Number.POSITIVE_INFINITY], [MAX_FEN + 1]])('refuses %d (not integer fen)', (fen) => {
    expect(() => formatMoney(fen)).toThrow(RangeError);
  });
});

describe('fenToYuanString', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [-5, '-0.05'],
    [-100, '-1.00'],
    [123_450, '1234.50'],
    [-123_450, '-1234.50'],
    [123_456_789, '1234567.89'],
    [MAX_FEN, '90071992547409.91'],
  ])('%i → %s', (fen, text) => {
    expect(fenToYuanString(fen)).toBe(text);
  });
});

describe('formatWan', () => {
  it.each([
    [1_234_000 * 100, 1, '123.4万'],
    [1_234_000 * 100, 0, '123万'],
    [1_234_500 * 100, 0, '123万'], // 123.45万 → 123万 at 0 digits
    [1_235_000 * 100, 0, '124万'], // 123.5万: half up
    [1_234_500 * 100, 2, '123.45万'],
    [1_234_550 * 100, 1, '123.5万'], // 123.455万: half up
    [1_234_449 * 100, 1, '123.4万'],
    [FEN_PER_WAN, 1, '1.0万'],
    [FEN_PER_WAN, 0, '1万'],
    [FEN_PER_WAN - 1, 1, '9,999.99元'], // under 1万: plain yuan, nothing hidden
    [99_999_500, 1, '100.0万'], // 99.9995万: the carry reaches the integer part
    [500_000, 1, '5,000.00元'],
    [5, 1, '0.05元'],
    [0, 1, '0.00元'],
    [-500_000, 1, '-5,000.00元'],
    [-1_234_550 * 100, 1, '-123.5万'], // half away from zero
    [-1_234_549 * 100, 1, '-123.5万'],
    [12_345_000_000, 1, '12,345.0万'], // grouped by thousands
    [99_999_940_000, 1, '99,999.9万'],
    [99_999_950_000, 1, '100,000.0万'],
    [99_999_950_000, 0, '100,000万'],
    [123_456_789, 6, '123.456789万'],
    [MAX_FEN, 1, '9,007,199,254.7万'],
  ])('formatWan(%i, %i) → %s', (fen, digits, text) => {
    expect(formatWan(fen, digits)).toBe(text);
  });

  it('defaults to one decimal', () => {
    expect(formatWan(123_400_000)).toBe('123.4万');
  });

  it.each([[-1], [7], [1.5]])('refuses %d digits', (digits) => {
    expect(() => formatWan(100, digits)).toThrow(RangeError);
  });
});

describe('helpers for the rule engine', () => {
  it.each([
    [0, 0],
    [1, 100],
    [10_000, 1_000_000], // R6's ¥10,000
    [-25_000, -2_500_000],
  ])('yuan(%i) = %i fen', (n, fen) => {
    expect(yuan(n)).toBe(fen);
  });

  it.each([[0.5], [1.01], [Number.NaN], [Number.POSITIVE_INFINITY], [MAX_FEN]])('yuan(%d) throws', (n) => {
    expect(() => yuan(n)).toThrow(RangeError);
  });

  it('isFen', () => {
    expect(isFen(0)).toBe(true);
    expect(isFen(-MAX_FEN)).toBe(true);
    expect(isFen(0.5)).toBe(false);
    expect(isFen('1')).toBe(false);
    expect(isFen(MAX_FEN + 1)).toBe(false);
  });
});

describe('properties', () => {
  const safeFen = fc.integer({ min: -MAX_FEN, max: MAX_FEN });

  it('parseMoney(fenToYuanString(x)) is x for any safe integer', () => {
    fc.assert(
      fc.property(safeFen, (fen) => {
        expect(parseMoney(fenToYuanString(fen))).toEqual(amount(fen));
      }),
    );
  });

  it('parseMoney(formatMoney(x)) is x for any safe integer', () => {
    fc.assert(
      fc.property(safeFen, (fen) => {
        expect(parseMoney(formatMoney(fen))).toEqual(amount(fen));
      }),
    );
  });

  it('full-width forms parse like their ASCII forms', () => {
    fc.assert(
      fc.property(safeFen, (fen) => {
        for (const text of [formatMoney(fen), fenToYuanString(fen)]) {
          expect(parseMoney(toFullWidth(text))).toEqual(amount(fen));
          expect(parseMoney(toFullWidthDigits(text))).toEqual(amount(fen));
        }
      }),
    );
  });

  it('parsing any text is invariant under full-width conversion of the digits', () => {
    const chars = fc.constantFrom(...'0123456789012345678901234567890123456789.,. -+()¥万亿元ea'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 14 }), (parts) => {
        const text = parts.join('');
        expect(fenOf(parseMoney(toFullWidthDigits(text)))).toEqual(fenOf(parseMoney(text)));
        expect(fenOf(parseMoney(toFullWidth(text)))).toEqual(fenOf(parseMoney(text)));
      }),
    );
  });

  it('a parsed amount formats back to text that parses to the same fen', () => {
    const chars = fc.constantFrom(...'0123456789.,万亿'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 12 }), (parts) => {
        const r = parseMoney(parts.join(''));
        if (r.ok && !r.empty) expect(parseMoney(formatMoney(r.fen))).toEqual(r);
      }),
    );
  });

  it('yuan 万 and 亿 agree: "x万" is x × 10,000 yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 9 }), (fen) => {
        // fen/100 yuan = fen/1,000,000 万: write the same digits with the point moved four places
        const digits = String(fen).padStart(7, '0');
        const wan = `${digits.slice(0, -6)}.${digits.slice(-6)}万`;
        expect(parseMoney(wan)).toEqual(amount(fen));
      }),
    );
  });

  it('formatWan with 6 digits loses nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: FEN_PER_WAN, max: MAX_FEN }), (fen) => {
        expect(parseMoney(formatWan(fen, 6))).toEqual(amount(fen));
      }),
    );
  });
});
