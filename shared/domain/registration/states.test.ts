import { describe, expect, it } from 'vitest';
import { addDays, addMonthsClamped } from '../dates';
import { ownershipClock } from './clock';
import { initialState, nextState, preReviewer, type UnitNode } from './states';

const UNITS = new Map<number, UnitNode>(
  [
    { id: 1, kind: 'province', parentId: null },
    { id: 2, kind: 'centre', parentId: 1 },
    { id: 3, kind: 'county', parentId: 2 },
    { id: 4, kind: 'professional', parentId: 2 },
    { id: 5, kind: 'branch', parentId: 3 },
    { id: 6, kind: 'branch', parentId: 4 },
    { id: 7, kind: 'branch', parentId: 2 },
    { id: 8, kind: 'branch', parentId: 5 },
  ].map((u) => [u.id, u as UnitNode]),
);

describe('R19 review chain', () => {
  it.each([
    ['a branch office under a county bureau: the county centre', 5, 3],
    ['a team under a branch office: still the county centre', 8, 3],
    ['a branch under a professional bureau: the bureau', 6, 4],
    ['a county bureau directly under the city centre: skipped', 3, null],
    ['a professional bureau: skipped', 4, null],
    ['a branch directly under the city centre: skipped', 7, null],
    ['the city centre itself: skipped', 2, null],
  ])('R19: %s', (_case, unit, reviewer) => {
    expect(preReviewer(unit, UNITS)).toBe(reviewer);
    expect(initialState(reviewer)).toBe(reviewer === null ? 'review' : 'pre_review');
  });
  it.each([
    ['pre_review', true, 'review'],
    ['pre_review', false, 'rejected'],
    ['review', true, 'approved'],
    ['review', false, 'rejected'],
    ['approved', true, null],
    ['rejected', true, null],
    ['released', false, null],
  ] as const)('R19: %s, approve %s → %s', (state, approve, next) => {
    expect(nextState(state, approve)).toBe(next);
  });
});

describe('R19c ownership clock (6 months, warning 30 days)', () => {
  const policy = { lapseMonths: 6, warningDays: 30 };
  const clock = (today: string, agreementSince: string | null = null, firstRevenuePeriod: string | null = null) =>
    ownershipClock({ approvedOn: '2026-01-15', today, agreementSince, firstRevenuePeriod }, policy);
  it.each([
    ['running the day after approval', '2026-01-16', 'running'],
    ['running the day before the warning', '2026-06-14', 'running'],
    ['warning 30 days before the end', '2026-06-15', 'warning'],
    ['warning the day before the end', '2026-07-14', 'warning'],
    ['lapsed on the end day', '2026-07-15', 'lapsed'],
    ['lapsed long after', '2027-03-01', 'lapsed'],
  ])('R19c: %s', (_case, today, state) => {
    expect(clock(today).state).toBe(state);
    expect(clock(today).lapsesOn).toBe('2026-07-15');
  });
  it('R19c: revenue in any month on or after approval confirms', () => {
    expect(clock('2026-09-01', null, '2026-01').confirmedBy).toBe('revenue');
    expect(clock('2026-09-01', null, '2025-12').state).toBe('lapsed');
    // A month after today (a future import) does not count yet.
    expect(clock('2026-03-01', null, '2026-04').state).toBe('running');
  });
  it('R19c: a recorded agreement confirms, from its date', () => {
    expect(clock('2026-09-01', '2026-08-01').confirmedBy).toBe('agreement');
    expect(clock('2026-07-20', '2026-08-01').state).toBe('lapsed');
  });
  it('R19c: months clamp to the month’s end; days cross years', () => {
    expect(addMonthsClamped('2026-08-31', 6)).toBe('2027-02-28');
    expect(addDays('2026-12-20', 90)).toBe('2027-03-20');
  });
});
