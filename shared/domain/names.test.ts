import { describe, expect, it } from 'vitest';
import { normaliseCustomerName } from './names';

describe('R19 normaliseCustomerName', () => {
  it.each([
    ['full-width brackets', '汕头市宏达电子（汕头）有限公司', '汕头市宏达电子汕头有限公司'],
    ['half-width brackets', '汕头市宏达电子(汕头)有限公司', '汕头市宏达电子汕头有限公司'],
    ['full-width letters upper', 'ＡＢＣ贸易有限公司', 'abc贸易有限公司'],
    ['half-width letters upper', 'ABC贸易有限公司', 'abc贸易有限公司'],
    ['full-width digits', '汕头第１２３中学', '汕头第123中学'],
    ['ideographic space', '汕头市　宏达　电子有限公司', '汕头市宏达电子有限公司'],
    ['ordinary and surrounding spaces', ' 汕头市 宏达 电子有限公司 ', '汕头市宏达电子有限公司'],
    ['Chinese punctuation', '汕头市宏达·电子、有限公司。', '汕头市宏达电子有限公司'],
    ['square brackets and quotes', '【汕头】“宏达”电子有限公司', '汕头宏达电子有限公司'],
    ['symbols', '宏达+电子&贸易有限公司', '宏达电子贸易有限公司'],
  ])('%s: %s → %s', (_label, raw, normalised) => {
    expect(normaliseCustomerName(raw)).toBe(normalised);
  });

  it('R19: full-width and half-width spellings of one name normalise to the same key', () => {
    expect(normaliseCustomerName('广东有线广播电视网络有限公司（汕头分公司）')).toBe(
      normaliseCustomerName('广东有线广播电视网络有限公司(汕头分公司)'),
    );
    expect(normaliseCustomerName('ＴＣＬ 电子（汕头）有限公司')).toBe(normaliseCustomerName('tcl电子(汕头)有限公司'));
  });

  it('R19: legal suffixes are kept, so a company and a group stay different', () => {
    expect(normaliseCustomerName('汕头市宏达有限公司')).not.toBe(normaliseCustomerName('汕头市宏达集团'));
    expect(normaliseCustomerName('汕头市宏达有限公司')).not.toBe(normaliseCustomerName('汕头市宏达股份有限公司'));
  });

  it('is idempotent', () => {
    const once = normaliseCustomerName('（ＡＢ）宏达　电子');
    expect(normaliseCustomerName(once)).toBe(once);
  });
});
