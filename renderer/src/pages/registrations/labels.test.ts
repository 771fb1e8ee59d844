import { describe, expect, it } from 'vitest';
import type { RegistrationMatch } from '../../../../shared/api/registration-types';
import { headOffices, isConflict, matchColor, matchReasonLabel, needsRuling, suggestedScope } from './labels';

const match = (over: Partial<RegistrationMatch>): RegistrationMatch => ({
  reason: 'name',
  customerId: '44051500001000',
  registrationId: null,
  unit: '440515',
  unitName: '澄海分局',
  state: 'customer',
  since: '2026-01-15',
  message: '',
  messageEn: '',
  ...over,
});

describe('registration labels', () => {
  it('names each reason in Chinese, with the differing characters of a similar name', () => {
    expect(matchReasonLabel({ reason: 'credit_code' })).toBe('同一信用代码');
    expect(matchReasonLabel({ reason: 'name' })).toBe('同一企业');
    expect(matchReasonLabel({ reason: 'phone' })).toBe('同一电话');
    expect(matchReasonLabel({ reason: 'branch' })).toBe('已知总部的分支机构');
    expect(matchReasonLabel({ reason: 'similar', differing: { ours: '远', theirs: '达' } })).toBe(
      '疑似重复（差异字：远 / 达）',
    );
    expect(matchReasonLabel({ reason: 'similar', differing: { ours: '远', theirs: '达' } }, true)).toBe(
      'Possible duplicate (differs: 远 / 达)',
    );
  });

  it('treats credit code and name as conflicts, the rest as notes', () => {
    expect(isConflict({ reason: 'credit_code' })).toBe(true);
    expect(isConflict({ reason: 'name' })).toBe(true);
    expect(isConflict({ reason: 'similar' })).toBe(false);
    expect(matchColor({ reason: 'name' })).toBe('red');
    expect(matchColor({ reason: 'similar' })).toBe('orange');
    expect(matchColor({ reason: 'phone' })).toBe('gray');
  });

  it('needs a ruling only under review with a same-company match', () => {
    expect(needsRuling({ state: 'review', matches: [match({})] })).toBe(true);
    expect(needsRuling({ state: 'pre_review', matches: [match({})] })).toBe(false);
    expect(needsRuling({ state: 'review', matches: [match({ reason: 'similar' })] })).toBe(false);
  });

  it('offers each head office of a branch match once', () => {
    expect(
      headOffices([
        match({ reason: 'branch' }),
        match({ reason: 'branch' }),
        match({ reason: 'name', customerId: 'x' }),
      ]),
    ).toEqual([{ customerId: '44051500001000', unitName: '澄海分局' }]);
  });
});

describe('R14 suggestion', () => {
  const units = [
    { id: 1, kind: 'city', parentId: null },
    { id: 2, kind: 'county', parentId: 1 },
    { id: 3, kind: 'branch', parentId: 2 },
    { id: 4, kind: 'professional', parentId: 1 },
  ];
  it('one line → professional; under a county → regional; otherwise comprehensive', () => {
    expect(suggestedScope(['express'], 3, units)).toBe('professional');
    expect(suggestedScope(['express', 'letters'], 3, units)).toBe('regional');
    expect(suggestedScope([], 4, units)).toBe('comprehensive');
  });
});
