import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { SEED_AREA_CODES } from '../organisation';
import { identityName, PROVINCE_NAMES, regionWordsOf, similarDifference } from './identity';
import { classifyMatch, type IdentityProbe, normalisePhone } from './matches';

const REGIONS = regionWordsOf([...SEED_AREA_CODES.map((a) => a.name), ...PROVINCE_NAMES]);
const id = (name: string) => identityName(name, REGIONS);

describe('R19b region words from the area table', () => {
  it('R19b: names with and without their suffix, the bracketed note dropped', () => {
    expect(REGIONS).toEqual(expect.arrayContaining(['汕头市', '汕头', '澄海区', '澄海', '南澳县', '南澳']));
    expect(REGIONS).not.toContain('汕头市（市本级）');
  });
});

describe('R19b identity names: the same company', () => {
  it.each([
    ['region in front', '汕头市宏达玩具实业有限公司', '宏达玩具实业有限公司'],
    ['region without its suffix', '汕头宏达玩具实业有限公司', '宏达玩具实业有限公司'],
    ['region in brackets', '宏达玩具实业（汕头）有限公司', '汕头市宏达玩具实业有限公司'],
    ['district in front', '澄海区宏达玩具实业有限公司', '宏达玩具实业有限公司'],
    ['province, city and district in front', '广东省汕头市澄海区宏达玩具实业有限公司', '宏达玩具实业有限公司'],
    ['province without its suffix', '广东宏达玩具实业有限公司', '宏达玩具实业（汕头）有限公司'],
    ['有限责任公司 / 有限公司', '汕头市金源电子科技有限责任公司', '金源电子科技有限公司'],
    ['股份有限公司', '汕头市金源电子科技股份有限公司', '金源电子科技有限公司'],
    ['集团有限公司', '汕头市金源电子科技集团有限公司', '汕头金源电子科技有限公司'],
    ['厂', '澄海区联兴塑料制品厂', '联兴塑料制品有限公司'],
    ['商行', '汕头市金平区顺发商行', '汕头市顺发商行'.replace('商行', '经营部')],
    ['full-width letters, digits and brackets', '汕头市ＡＢＣ１２３贸易（汕头）有限公司', '汕头市abc123贸易有限公司'],
    ['spaces and punctuation', '汕头市 宏达·玩具 实业有限公司', '宏达玩具实业有限公司'],
    ['bracket content kept when not a region', '汕头市宏达（国际）物流有限公司', '宏达国际物流有限公司'],
  ])('R19b: %s — %s = %s', (_case, a, b) => {
    expect(id(a).key).toBe(id(b).key);
    expect(id(a).branch).toBeNull();
  });
});

describe('R19b identity names: different companies', () => {
  it.each([
    ['only 物流 shared', '汕头市宏达物流有限公司', '汕头市顺丰物流有限公司'],
    ['only 电子科技 shared', '汕头市金源电子科技有限公司', '汕头市华美电子科技有限公司'],
    ['only 玩具实业 shared', '澄海区宏达玩具实业有限公司', '澄海区星辉玩具实业有限公司'],
    ['a different industry', '汕头市宏达物流有限公司', '汕头市宏达玩具实业有限公司'],
  ])('R19b: %s — %s ≠ %s, and not similar', (_case, a, b) => {
    expect(id(a).key).not.toBe(id(b).key);
    expect(similarDifference(id(a), id(b), distance)).toBeNull();
  });
});

describe('R19b one-character 字号 differences are possible duplicates, with the characters', () => {
  it.each([
    ['汕头市宏达玩具实业有限公司', '汕头市宏远玩具实业有限公司', '达', '远'],
    ['汕头市金源电子科技有限公司', '汕头市金原电子科技有限公司', '源', '原'],
    ['汕头市宏达物流有限公司', '汕头市宏达兴物流有限公司', '', '兴'],
  ])('R19b: %s ~ %s (%s/%s)', (a, b, ours, theirs) => {
    expect(similarDifference(id(a), id(b), distance)).toEqual({ ours, theirs });
  });
  it('R19b: a one-character 字号 shares nothing with another and is not similar', () => {
    expect(similarDifference(id('汕头市华物流有限公司'), id('汕头市达物流有限公司'), distance)).toBeNull();
  });
});

describe('R19b branches', () => {
  it.each([
    ['汕头市宏达物流有限公司澄海分公司', '澄海', '分公司'],
    ['宏达物流有限公司汕头办事处', '汕头', '办事处'],
    ['汕头市顺发商行澄海分店', '澄海', '分店'],
    ['汕头市宏达物流澄海营业部', '澄海', '营业部'],
  ])('R19b: %s is a branch of the head office named before it (place %s)', (name, place, suffix) => {
    const i = id(name);
    expect(i.branch?.place).toBe(place);
    expect(i.key.endsWith(suffix)).toBe(true);
  });
  it('R19b: the head office key is the head office’s own identity', () => {
    expect(id('汕头市宏达物流有限公司澄海分公司').branch?.headKey).toBe(id('宏达物流有限公司').key);
    expect(id('汕头市顺发商行澄海分店').branch?.headKey).toBe(id('顺发商行').key);
  });
  it('R19b: two branches of one head office in different places are different', () => {
    expect(id('宏达物流有限公司澄海分公司').key).not.toBe(id('宏达物流有限公司潮阳分公司').key);
  });
});

describe('R19a/R19b classification: credit code > name > branch > similar > phone', () => {
  const probe = (name: string, creditCode: string | null = null, phone: string | null = null): IdentityProbe => ({
    identity: id(name),
    creditCode,
    phone: normalisePhone(phone),
  });
  it.each([
    [
      'credit code wins over everything',
      probe('甲', 'C1', '075488881234'),
      probe('乙', 'C1', '0754-8888 1234'),
      'credit_code',
    ],
    ['same company by name', probe('汕头市宏达物流有限公司'), probe('宏达物流（汕头）有限责任公司'), 'name'],
    ['a branch of a known head office', probe('宏达物流有限公司澄海分公司'), probe('汕头市宏达物流有限公司'), 'branch'],
    [
      'similar before phone',
      probe('宏达物流有限公司', null, '13800138000'),
      probe('宏远物流有限公司', null, '138 0013 8000'),
      'similar',
    ],
    [
      'phone only',
      probe('宏达物流有限公司', null, '+86 138-0013-8000'),
      probe('星辉玩具厂', null, '13800138000'),
      'phone',
    ],
  ])('R19a: %s', (_case, a, b, reason) => {
    expect(classifyMatch(a, b, distance)?.reason).toBe(reason);
  });
  it('R19a: nothing in common is no match', () => {
    expect(classifyMatch(probe('宏达物流有限公司'), probe('星辉玩具厂'), distance)).toBeNull();
  });
  it('R19a: phone numbers compare by digits; too short is none', () => {
    expect(normalisePhone('（0754）8888-1234')).toBe('075488881234');
    expect(normalisePhone('0086 138 0013 8000')).toBe('13800138000');
    expect(normalisePhone('123')).toBeNull();
  });
});
