/** R33: the complaint's log, contact and close deadlines on a working-day calendar, pauses, breaches. */
import { describe, expect, it } from 'vitest';
import { WorkingCalendar, type YearCalendar } from '../calendar/working-days';
import { complaintBreaches, complaintDeadlines, type Pause, pausedOverEndOf } from './deadlines';

/** 2026 as the State Council's notice has it (the officer's calendar; chinese-days agrees). */
const Y2026: YearCalendar = {
  year: 2026,
  off: [
    '2026-01-01',
    '2026-01-02',
    '2026-02-16',
    '2026-02-17',
    '2026-02-18',
    '2026-02-19',
    '2026-02-20',
    '2026-02-23',
    '2026-04-06',
    '2026-05-01',
    '2026-05-04',
    '2026-05-05',
    '2026-06-19',
    '2026-09-25',
    '2026-10-01',
    '2026-10-02',
    '2026-10-05',
    '2026-10-06',
    '2026-10-07',
  ],
  work: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
};
const calendar = () => new WorkingCalendar([Y2026]);

describe('working days', () => {
  it.each([
    ['2026-11-06', true, 'a Friday'],
    ['2026-11-07', false, 'a Saturday'],
    ['2026-10-01', false, 'National Day'],
    ['2026-10-10', true, 'a 调休 Saturday'],
    ['2026-09-20', true, 'a 调休 Sunday'],
    ['2026-10-08', true, 'the Thursday after the holiday'],
  ])('%s is a working day: %s (%s)', (date, working) => {
    expect(calendar().isWorkingDay(date)).toBe(working);
  });
});

describe('complaint deadlines (R33)', () => {
  it.each([
    // receivedAt, complex, close, why
    ['2026-11-02T09:30', false, '2026-11-05', 'Monday → Thursday: three working days after the day of receipt'],
    ['2026-11-05T16:00', false, '2026-11-10', 'Thursday → Fri, Mon, Tue: over the weekend'],
    ['2026-11-07T10:00', false, '2026-11-11', 'received on a Saturday: the clock starts after it'],
    ['2026-09-30T11:00', false, '2026-10-10', 'before National Day: Oct 8, 9 and the 调休 Saturday 10th'],
    ['2026-10-03T08:00', false, '2026-10-10', 'received on a holiday (a Saturday of the week off)'],
    ['2026-09-30T11:00', true, '2026-10-15', 'complex: Oct 8, 9, 10 (调休), 12, 13, 14, 15'],
    ['2026-11-02T23:59', false, '2026-11-05', 'a minute before midnight is still that day'],
  ])('%s (complex %s) closes by the end of %s — %s', (receivedAt, complex, close) => {
    const d = complaintDeadlines(receivedAt, complex, [], calendar());
    expect(d.close).toBe(close);
    expect(d.log).toBe(receivedAt.slice(0, 10));
    expect(d.calendarMissing).toEqual([]);
  });

  it('contact within 24 clock hours, across a month end and a holiday alike', () => {
    expect(complaintDeadlines('2026-10-31T18:45', false, [], calendar()).contact).toBe('2026-11-01T18:45');
    expect(complaintDeadlines('2026-10-01T08:00', false, [], calendar()).contact).toBe('2026-10-02T08:00');
  });

  it.each<[string, Pause[], string | null]>([
    ['no pause', [], '2026-11-05'],
    ['a pause within one day moves nothing', [{ from: '2026-11-03T10:00', to: '2026-11-03T15:00' }], '2026-11-05'],
    [
      'paused over Tuesday night: Tuesday does not count',
      [{ from: '2026-11-03T17:00', to: '2026-11-04T09:00' }],
      '2026-11-06',
    ],
    [
      'paused Tuesday to Thursday morning: two days do not count',
      [{ from: '2026-11-03T17:00', to: '2026-11-05T09:00' }],
      '2026-11-09',
    ],
    [
      'two pauses each over a night',
      [
        { from: '2026-11-03T20:00', to: '2026-11-04T08:00' },
        { from: '2026-11-05T20:00', to: '2026-11-06T08:00' },
      ],
      '2026-11-09',
    ],
    ['an open pause: the close day is not known', [{ from: '2026-11-03T10:00', to: null }], null],
  ])('%s', (_why, pauses, close) => {
    expect(complaintDeadlines('2026-11-02T09:30', false, pauses, calendar()).close).toBe(close);
  });

  it('a pause resumed exactly at midnight ended before the day’s end', () => {
    expect(pausedOverEndOf('2026-11-03', [{ from: '2026-11-03T10:00', to: '2026-11-04T00:00' }])).toBe(true);
    expect(pausedOverEndOf('2026-11-03', [{ from: '2026-11-03T10:00', to: '2026-11-03T23:59' }])).toBe(false);
  });

  it('a year with no calendar kept is named, not silently Monday–Friday', () => {
    const d = complaintDeadlines('2026-12-30T10:00', false, [], calendar());
    expect(d.close).toBe('2027-01-04');
    expect(d.calendarMissing).toEqual([2027]);
  });
});

describe('breaches (R33), kept after closing', () => {
  const d = complaintDeadlines('2026-11-02T09:30', false, [], calendar());
  it.each([
    [
      'on time throughout',
      '2026-11-02T10:00',
      '2026-11-03T09:00',
      '2026-11-05T17:00',
      '2026-11-20T00:00',
      [false, false, false],
    ],
    [
      'logged the next day',
      '2026-11-03T08:00',
      '2026-11-03T09:00',
      '2026-11-04T10:00',
      '2026-11-20T00:00',
      [true, false, false],
    ],
    [
      'contacted a minute late',
      '2026-11-02T10:00',
      '2026-11-03T09:31',
      '2026-11-04T10:00',
      '2026-11-20T00:00',
      [false, true, false],
    ],
    [
      'closed the day after the close day',
      '2026-11-02T10:00',
      '2026-11-02T11:00',
      '2026-11-06T09:00',
      '2026-11-20T00:00',
      [false, false, true],
    ],
    [
      'still open past the close day',
      '2026-11-02T10:00',
      '2026-11-02T11:00',
      null,
      '2026-11-06T00:01',
      [false, false, true],
    ],
    [
      'not yet contacted, still within 24 hours',
      '2026-11-02T10:00',
      null,
      null,
      '2026-11-03T09:00',
      [false, false, false],
    ],
    ['never contacted', '2026-11-02T10:00', null, null, '2026-11-03T09:31', [false, true, false]],
  ] as const)('%s', (_why, loggedAt, contactedAt, closedAt, now, expected) => {
    const b = complaintBreaches(d, { loggedAt, contactedAt, closedAt }, now);
    expect([b.log, b.contact, b.close]).toEqual(expected);
  });
});
