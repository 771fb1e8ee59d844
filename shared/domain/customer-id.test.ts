import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatCustomerId,
  headOfficePrefix,
  isAreaCode,
  isHeadOfficeId,
  MAX_BRANCH,
  MAX_SEQUENCE,
  parseCustomerId,
} from './customer-id';

describe('R16 customer ID: formatCustomerId', () => {
  it.each([
    [{ areaCode: '440515', sequence: 1, branch: 0 }, '44051500001000'],
    [{ areaCode: '440515', sequence: 1, branch: 1 }, '44051500001001'],
    [{ areaCode: '440507', sequence: 42, branch: 7 }, '44050700042007'],
    [{ areaCode: '440523', sequence: 12345, branch: 123 }, '44052312345123'],
    [{ areaCode: '440500', sequence: MAX_SEQUENCE, branch: MAX_BRANCH }, '44050099999999'],
  ])('R16: %o → %s (sequence padded to 5, branch to 3)', (parts, id) => {
    expect(formatCustomerId(parts)).toBe(id);
    expect(formatCustomerId(parts)).toHaveLength(14);
  });

  it('has the R16 limits 99999 and 999', () => {
    expect(MAX_SEQUENCE).toBe(99_999);
    expect(MAX_BRANCH).toBe(999);
  });

  it.each([
    [
      'sequence 0 (sequences start at 00001)',
      { areaCode: '440515', sequence: 0, branch: 0 },
      '顺序号超出范围 1–99999：0',
    ],
    ['sequence 100000', { areaCode: '440515', sequence: 100_000, branch: 0 }, '顺序号超出范围 1–99999：100000'],
    ['negative sequence', { areaCode: '440515', sequence: -1, branch: 0 }, '顺序号超出范围'],
    ['fractional sequence', { areaCode: '440515', sequence: 1.5, branch: 0 }, '顺序号超出范围'],
    ['NaN sequence', { areaCode: '440515', sequence: Number.NaN, branch: 0 }, '顺序号超出范围'],
    ['branch 1000', { areaCode: '440515', sequence: 1, branch: 1000 }, '分支编号超出范围 0–999：1000'],
    ['branch -1', { areaCode: '440515', sequence: 1, branch: -1 }, '分支编号超出范围'],
    ['fractional branch', { areaCode: '440515', sequence: 1, branch: 0.5 }, '分支编号超出范围'],
    ['5-digit area code', { areaCode: '44051', sequence: 1, branch: 0 }, '区划代码必须是 6 位数字：44051'],
    ['7-digit area code', { areaCode: '4405150', sequence: 1, branch: 0 }, '区划代码必须是 6 位数字'],
    ['letters in area code', { areaCode: '44O515', sequence: 1, branch: 0 }, '区划代码必须是 6 位数字'],
  ])('R16: refuses %s', (_label, parts, message) => {
    expect(() => formatCustomerId(parts)).toThrow(RangeError);
    expect(() => formatCustomerId(parts)).toThrow(message);
  });
});

describe('R16 customer ID: parseCustomerId', () => {
  it.each([
    ['44051500001000', { areaCode: '440515', sequence: 1, branch: 0 }],
    ['44051500001002', { areaCode: '440515', sequence: 1, branch: 2 }],
    ['44050799999999', { areaCode: '440507', sequence: 99_999, branch: 999 }],
    ['44052300100010', { areaCode: '440523', sequence: 100, branch: 10 }],
  ])('parses %s', (id, parts) => {
    expect(parseCustomerId(id)).toEqual(parts);
  });

  it.each([
    ['13 digits', '4405150000100'],
    ['15 digits', '440515000010000'],
    ['empty', ''],
    ['letter O for zero', '44051500001O00'],
    ['spaces', '440515 00001 000'],
    ['leading space', ' 44051500001000'],
    ['full-width digits', '４４０５１５００００１０００'],
    ['sequence 00000 (never allocated)', '44051500000000'],
    ['sequence 00000 on a branch', '44051500000001'],
  ])('returns null for %s', (_label, id) => {
    expect(parseCustomerId(id)).toBeNull();
  });

  it('round-trips every valid part triple (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 1, max: MAX_SEQUENCE }),
        fc.integer({ min: 0, max: MAX_BRANCH }),
        (area, sequence, branch) => {
          const parts = { areaCode: String(area).padStart(6, '0'), sequence, branch };
          const id = formatCustomerId(parts);
          expect(id).toMatch(/^\d{14}$/);
          expect(parseCustomerId(id)).toEqual(parts);
          expect(formatCustomerId(parseCustomerId(id) ?? { areaCode: 'x', sequence: 0, branch: 0 })).toBe(id);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('R16 head offices and branches', () => {
  it.each([
    ['44051500001000', true],
    ['44051500001001', false],
    ['44051500001999', false],
    ['44051500000000', false], // not a valid ID at all
    ['not-an-id', false],
  ])('isHeadOfficeId(%s) is %s', (id, expected) => {
    expect(isHeadOfficeId(id)).toBe(expected);
  });

  it('R16: branches share the head office\u2019s first 11 digits', () => {
    expect(headOfficePrefix('44051500001000')).toBe('44051500001');
    expect(headOfficePrefix('44051500001001')).toBe(headOfficePrefix('44051500001000'));
    expect(headOfficePrefix('44051500002001')).not.toBe(headOfficePrefix('44051500001000'));
  });

  it.each([
    ['440515', true],
    ['44051', false],
    ['4405150', false],
    ['44051a', false],
    ['', false],
  ])('isAreaCode(%s) is %s', (code, expected) => {
    expect(isAreaCode(code)).toBe(expected);
  });
});
