import { describe, expect, it } from 'vitest';
import { compactCustomerId, isHeadOfficeCustomerId, spacedCustomerId, splitCustomerId } from './customer-id';

describe('splitCustomerId', () => {
  it('splits a 14-digit ID into area code, sequence and branch (R16)', () => {
    expect(splitCustomerId('44051500001000')).toEqual({ areaCode: '440515', sequence: '00001', branch: '000' });
    expect(splitCustomerId('44050799999001')).toEqual({ areaCode: '440507', sequence: '99999', branch: '001' });
  });

  it('refuses anything that is not exactly 14 digits', () => {
    expect(splitCustomerId('4405150000100')).toBeNull();
    expect(splitCustomerId('440515000010000')).toBeNull();
    expect(splitCustomerId('44051500001O00')).toBeNull();
    expect(splitCustomerId('')).toBeNull();
  });
});

describe('spacedCustomerId', () => {
  it('spaces the three parts', () => {
    expect(spacedCustomerId('44051500001000')).toBe('440515 00001 000');
  });
  it('leaves malformed text alone', () => {
    expect(spacedCustomerId('abc')).toBe('abc');
  });
});

describe('isHeadOfficeCustomerId', () => {
  it('is true for branch number 000 only', () => {
    expect(isHeadOfficeCustomerId('44051500001000')).toBe(true);
    expect(isHeadOfficeCustomerId('44051500001002')).toBe(false);
    expect(isHeadOfficeCustomerId('x')).toBe(false);
  });
});

describe('compactCustomerId', () => {
  it('drops spaces and dashes', () => {
    expect(compactCustomerId('440515 00001 000')).toBe('44051500001000');
    expect(compactCustomerId('440515-00001-000')).toBe('44051500001000');
  });
});
