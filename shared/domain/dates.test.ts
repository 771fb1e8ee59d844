import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  daysInMonth,
  isIsoDate,
  isLateManagerChange,
  localDate,
  localDateTime,
  managerChangeDueDate,
} from './dates';

const DUE_DAY = 25; // POLICY_V1.reporting.managerChangeDueDay

describe('R30 manager change due date (due day 25)', () => {
  it.each([
    ['2026-11-10', '2026-11-25'],
    ['2026-11-01', '2026-11-25'],
    ['2026-11-25', '2026-11-25'], // on the cut-off day: still this month
    ['2026-11-26', '2026-12-25'], // the day after the cut-off belongs to the next cycle
    ['2026-11-27', '2026-12-25'],
    ['2026-11-30', '2026-12-25'],
    ['2026-12-25', '2026-12-25'],
    ['2026-12-28', '2027-01-25'], // across the year end
    ['2026-12-31', '2027-01-25'],
    ['2028-02-29', '2028-03-25'],
  ])('R30: effective %s → due %s', (effectiveOn, due) => {
    expect(managerChangeDueDate(effectiveOn, DUE_DAY)).toBe(due);
  });

  it.each([
    // a due day later than the month's last day falls on the last day
    ['2026-02-10', 31, '2026-02-28'],
    ['2028-02-10', 31, '2028-02-29'],
    ['2026-01-31', 30, '2026-02-28'],
    ['2026-04-10', 31, '2026-04-30'],
    ['2026-03-31', 31, '2026-03-31'],
    ['2026-03-05', 1, '2026-04-01'],
  ])('R30: effective %s with due day %i → %s', (effectiveOn, dueDay, due) => {
    expect(managerChangeDueDate(effectiveOn, dueDay)).toBe(due);
  });
});

describe('R30 lateness (due day 25)', () => {
  it.each([
    ['2026-11-10', '2026-11-25', false, 'recorded on the due day: on time'],
    ['2026-11-10', '2026-11-26', true, 'recorded the day after the due day: late'],
    ['2026-11-10', '2026-11-10', false, 'recorded the same day'],
    ['2026-11-27', '2026-11-27', false, 'effective after the cut-off, recorded at once'],
    ['2026-11-27', '2026-12-25', false, 'effective after the cut-off, recorded on next month\u2019s due day'],
    ['2026-11-27', '2026-12-26', true, 'effective after the cut-off, recorded after next month\u2019s due day'],
    ['2026-12-28', '2027-01-25', false, 'across the year end, on time'],
    ['2026-12-28', '2027-01-26', true, 'across the year end, late'],
    ['2026-11-10', '2026-10-01', false, 'recorded before it is effective (announced in advance)'],
    ['2026-11-03', '2027-03-01', true, 'months later'],
  ])('R30: effective %s recorded %s → late=%s (%s)', (effectiveOn, recordedOn, late) => {
    expect(isLateManagerChange(effectiveOn, recordedOn, DUE_DAY)).toBe(late);
  });
});

describe('isIsoDate', () => {
  it.each([
    ['2026-11-10', true],
    ['2026-01-31', true],
    ['2026-12-31', true],
    ['2026-04-30', true],
    ['2028-02-29', true], // leap year
    ['2000-02-29', true], // divisible by 400
    ['2026-02-28', true],
    ['2026-02-29', false], // not a leap year
    ['2100-02-29', false], // divisible by 100, not 400
    ['2026-04-31', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-01-00', false],
    ['2026-01-32', false],
    ['2026-1-5', false],
    ['26-01-05', false],
    ['2026/01/05', false],
    ['2026-01-05T00:00:00', false],
    [' 2026-01-05', false],
    ['2026-01-05 ', false],
    ['', false],
    ['２０２６-０１-０５', false], // full-width digits are not ISO
  ])('isIsoDate(%j) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });
});

describe('daysInMonth', () => {
  it.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2028, 2, 29],
    [2100, 2, 28],
    [2000, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (y, m, days) => {
    expect(daysInMonth(y, m)).toBe(days);
  });
});

describe('local dates', () => {
  it('formats the local calendar date and time, zero-padded', () => {
    const at = new Date(2026, 0, 5, 7, 8, 9); // local time
    expect(localDate(at)).toBe('2026-01-05');
    expect(localDateTime(at)).toBe('2026-01-05 07:08:09');
  });

  it('uses the local date, not the UTC one', () => {
    const lateEvening = new Date(2026, 10, 25, 23, 59, 59);
    const justAfterMidnight = new Date(2026, 10, 26, 0, 0, 1);
    expect(localDate(lateEvening)).toBe('2026-11-25');
    expect(localDate(justAfterMidnight)).toBe('2026-11-26');
  });
});

describe('addDays and daysBetween (calendar arithmetic, no time zone)', () => {
  it.each([
    ['2026-12-05', 7, '2026-12-12'],
    ['2026-12-28', 7, '2027-01-04'], // across the year end
    ['2028-02-28', 1, '2028-02-29'], // leap day
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-12-28', -7, '2026-12-21'],
    ['2026-06-30', 90, '2026-09-28'],
    ['2026-01-01', 0, '2026-01-01'],
  ])('%s + %i days = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it('refuses a date that is not one', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });
});

describe('addMonthsClamped', () => {
  it.each([
    ['2026-08-31', 6, '2027-02-28'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2026-01-15', 6, '2026-07-15'],
    ['2026-12-31', 1, '2027-01-31'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });
});
