import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, checkCreditCode, creditCodeCheckCharacter, normaliseCreditCode } from './credit-code';

/**
 * An independent oracle for GB 32100-2015: weights are 3^i mod 31 and the check character is
 * (31 − Σ mod 31) mod 31, computed here from first principles rather than from the module's table.
 */
function oracleCheck(first17: string): string {
  let sum = 0;
  let weight = 1;
  for (const ch of first17) {
    sum += CREDIT_CODE_ALPHABET.indexOf(ch) * weight;
    weight = (weight * 3) % 31;
  }
  return CREDIT_CODE_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

const bodies17 = [
  '91440500MA4W12345', // enterprise, Shantou
  '12440515000000000', // public institution, Chenghai
  '9344051300ABCDEFG',
  '51440523X00000001',
  '00000000000000000',
];

describe('credit code alphabet (GB 32100-2015)', () => {
  it('has 31 characters and leaves out I, O, Z, S, V', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    for (const ch of 'IOZSV') expect(CREDIT_CODE_ALPHABET).not.toContain(ch);
    expect(new Set(CREDIT_CODE_ALPHABET).size).toBe(31);
  });
});

describe('creditCodeCheckCharacter', () => {
  it('gives 3 for the published sample body 91350100M000100Y4', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('gives 0 for an all-zero body (Σ = 0 → (31 − 0) mod 31 = 0)', () => {
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it.each(bodies17)('agrees with an independent computation for %s', (body) => {
    expect(creditCodeCheckCharacter(body)).toBe(oracleCheck(body));
  });

  it('refuses a body containing a letter outside the alphabet', () => {
    expect(() => creditCodeCheckCharacter('91440500MA4W1234I')).toThrow(RangeError);
    expect(() => creditCodeCheckCharacter('91440500MA4W1234I')).toThrow('非法字符：I');
  });
});

describe('checkCreditCode: valid codes', () => {
  it('accepts the published sample 91350100M000100Y43', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ ok: true, code: '91350100M000100Y43' });
  });

  it.each(bodies17)('accepts body %s followed by its computed check character', (body) => {
    const code = body + creditCodeCheckCharacter(body);
    expect(checkCreditCode(code)).toEqual({ ok: true, code });
  });
});

describe('checkCreditCode: normalisation of pasted input', () => {
  it.each([
    ['lower case', '91350100m000100y43'],
    ['full-width digits and letters', '９１３５０１００Ｍ０００１００Ｙ４３'],
    ['full-width lower case', '９１３５０１００ｍ０００１００ｙ４３'],
    ['spaces inside and around', ' 9135 0100 M000 100Y43 '],
    ['ideographic space (U+3000)', '91350100\u3000M000100Y43'],
    ['tab and newline from a PDF', '91350100\tM000100\nY43'],
    ['hyphens', '913501-00M000-100Y43'],
  ])('%s is normalised to the canonical code', (_label, raw) => {
    expect(normaliseCreditCode(raw)).toBe('91350100M000100Y43');
    expect(checkCreditCode(raw)).toEqual({ ok: true, code: '91350100M000100Y43' });
  });
});

describe('checkCreditCode: refusals', () => {
  it('names the expected check character when the 18th is wrong', () => {
    const result = checkCreditCode('91350100M000100Y44');
    expect(result).toMatchObject({
      ok: false,
      code: '91350100M000100Y44',
      expectedCheck: '3',
      message: '校验位错误：第 18 位应为“3”，实际为“4”，请核对代码是否抄错',
    });
  });

  it('reports a transposition of two body characters as a check-character error', () => {
    // 91350100M000100Y43 with positions 11 and 12 ("01") swapped → "10".
    const result = checkCreditCode('91350100M001000Y43');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.expectedCheck).toBe(creditCodeCheckCharacter('91350100M001000Y4'));
    expect(result.message).toContain(`第 18 位应为“${result.expectedCheck}”`);
  });

  it.each([
    ['17 characters', '91350100M000100Y4', 17],
    ['19 characters', '91350100M000100Y433', 19],
    ['empty', '', 0],
    ['only spaces', '   ', 0],
  ])('refuses %s with the length in the message', (_label, raw, length) => {
    const result = checkCreditCode(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(`统一社会信用代码应为 18 位，当前为 ${length} 位`);
    expect(result.expectedCheck).toBeUndefined();
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the illegal letter %s and names its position', (letter) => {
    const raw = `91350100M${letter}00100Y43`;
    const result = checkCreditCode(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe(`第 10 位“${letter}”不是有效字符（不使用 I、O、Z、S、V）`);
  });

  it('refuses an illegal lower-case letter after upper-casing it', () => {
    const result = checkCreditCode('91350100Mo00100Y43');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('第 10 位“O”');
  });

  it('refuses punctuation other than hyphens and spaces', () => {
    const result = checkCreditCode('91350100M000100Y4.');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain('第 18 位“.”');
  });

  it('refuses letters in the administrative-division digits (positions 3–8)', () => {
    const body = '91A50100M000100Y4';
    const result = checkCreditCode(body + creditCodeCheckCharacter(body));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toBe('第 3–8 位应为 6 位行政区划代码');
  });
});

describe('checkCreditCode: property over random bodies', () => {
  const alphabetChar = fc.constantFrom(...CREDIT_CODE_ALPHABET.split(''));
  const digit = fc.constantFrom(...'0123456789'.split(''));
  const body = fc
    .tuple(
      fc.array(alphabetChar, { minLength: 2, maxLength: 2 }),
      fc.array(digit, { minLength: 6, maxLength: 6 }),
      fc.array(alphabetChar, { minLength: 9, maxLength: 9 }),
    )
    .map(([a, b, c]) => [...a, ...b, ...c].join(''));

  it('body + its check character passes, and every other 18th character fails naming the right one', () => {
    fc.assert(
      fc.property(body, (b) => {
        const check = creditCodeCheckCharacter(b);
        expect(check).toBe(oracleCheck(b));
        expect(checkCreditCode(b + check)).toEqual({ ok: true, code: b + check });
        for (const other of CREDIT_CODE_ALPHABET) {
          if (other === check) continue;
          const result = checkCreditCode(b + other);
          expect(result.ok).toBe(false);
          if (!result.ok) expect(result.expectedCheck).toBe(check);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any single-character substitution in the body is detected', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 30 }), (b, pos, shift) => {
        const code = b + creditCodeCheckCharacter(b);
        const ch = code.charAt(pos);
        const replaced = CREDIT_CODE_ALPHABET.charAt((CREDIT_CODE_ALPHABET.indexOf(ch) + shift) % 31);
        const mutated = code.slice(0, pos) + replaced + code.slice(pos + 1);
        expect(checkCreditCode(mutated).ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
