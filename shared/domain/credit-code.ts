/**
 * Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters from a 31-character
 * alphabet (digits and upper-case letters without I, O, Z, S, V). Positions 1–17 carry weights
 * 3^i mod 31; the 18th is the check character: (31 − Σ mod 31) mod 31.
 */
import { type Bilingual, bi } from './bilingual';

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeCheck =
  | { ok: true; code: string }
  | { ok: false; code: string; message: string; messageEn: string; expectedCheck?: string };

/** Upper-cases, converts full-width characters and drops spaces, as officers paste codes from PDFs. */
export function normaliseCreditCode(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s-]/g, '').toUpperCase();
}

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) throw new RangeError(`非法字符：${first17.charAt(i)}`);
    sum += value * (WEIGHTS[i] as number);
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** The check as an import problem: the field named, in both interface languages. */
export function checkCreditCodeText(raw: string): { ok: true; code: string } | { ok: false; problem: Bilingual } {
  const check = checkCreditCode(raw);
  if (check.ok) return check;
  return { ok: false, problem: bi(`统一社会信用代码：${check.message}`, `Credit code: ${check.messageEn}`) };
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const code = normaliseCreditCode(raw);
  if (code.length !== 18) {
    return {
      ok: false,
      code,
      message: `统一社会信用代码应为 18 位，当前为 ${code.length} 位`,
      messageEn: `A unified social credit code has 18 characters; this one has ${code.length}`,
    };
  }
  for (let i = 0; i < 18; i++) {
    const ch = code.charAt(i);
    if (!CREDIT_CODE_ALPHABET.includes(ch)) {
      return {
        ok: false,
        code,
        message: `第 ${i + 1} 位“${ch}”不是有效字符（不使用 I、O、Z、S、V）`,
        messageEn: `Character ${i + 1} ("${ch}") is not allowed (I, O, Z, S and V are not used)`,
      };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return {
      ok: false,
      code,
      message: '第 3–8 位应为 6 位行政区划代码',
      messageEn: 'Characters 3–8 must be a 6-digit administrative division code',
    };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  if (expected !== code.charAt(17)) {
    return {
      ok: false,
      code,
      expectedCheck: expected,
      message: `校验位错误：第 18 位应为“${expected}”，实际为“${code.charAt(17)}”，请核对代码是否抄错`,
      messageEn: `Wrong check character: character 18 should be "${expected}", not "${code.charAt(17)}"; check the code for a copying slip`,
    };
  }
  return { ok: true, code };
}
