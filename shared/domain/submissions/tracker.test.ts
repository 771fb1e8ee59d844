import { describe, expect, it } from 'vitest';
import { POLICY_V1 } from '../policy/policy';
import { formsOfBatch, type SubmissionForm, submissionDueDate, submissionStatus } from './tracker';

describe('submission due dates (R30, R31)', () => {
  it.each<[SubmissionForm, string, string]>([
    ['revenue', '2026-10', '2026-10-28'],
    ['registrations', '2026-10', '2026-10-28'],
    ['fluctuation_reasons', '2026-02', '2026-02-28'],
    ['manager_changes', '2026-10', '2026-10-25'],
    ['manager_changes', '2026-02', '2026-02-25'],
  ])('%s of %s is due %s', (form, period, due) => {
    expect(submissionDueDate(form, period, POLICY_V1)).toBe(due);
  });

  it('a policy with a later due day than the month has days falls back to the last day', () => {
    const policy = { reporting: { ...POLICY_V1.reporting, unitReportDueDay: 31, managerChangeDueDay: 30 } };
    expect(submissionDueDate('revenue', '2026-02', policy)).toBe('2026-02-28');
    expect(submissionDueDate('manager_changes', '2028-02', policy)).toBe('2028-02-29');
  });
});

describe('submission status (R31: after the 28th is late)', () => {
  it.each([
    // received, due, today, status
    ['2026-10-28', '2026-10-28', '2026-11-02', 'on_time'],
    ['2026-10-29', '2026-10-28', '2026-11-02', 'late'],
    ['2026-10-01', '2026-10-28', '2026-10-02', 'on_time'],
    [null, '2026-10-28', '2026-10-28', 'pending'],
    [null, '2026-10-28', '2026-10-29', 'overdue'],
  ] as const)('received %s, due %s, today %s → %s', (received, due, today, status) => {
    expect(submissionStatus(received, due, today)).toBe(status);
  });
});

describe('forms a batch delivers', () => {
  it('a unit template carries all four forms, and the analysis only when written (R31); a hand-made sheet revenue only', () => {
    expect(formsOfBatch('unit-monthly')).toEqual([
      'revenue',
      'registrations',
      'manager_changes',
      'fluctuation_reasons',
    ]);
    expect(formsOfBatch('unit-monthly', true)).toEqual([
      'revenue',
      'registrations',
      'manager_changes',
      'fluctuation_reasons',
      'unit_analysis',
    ]);
    expect(formsOfBatch('revenue', true)).toEqual(['revenue']);
    expect(formsOfBatch('revenue')).toEqual(['revenue']);
    expect(formsOfBatch('something-else')).toEqual([]);
  });
});
