/**
 * R33's clock for one complaint. Whoever first receives it owns it: it is logged the same calendar
 * day, the customer is contacted within 24 clock hours, and it is closed by the end of the 3rd
 * working day after the day of receipt (the 7th if complex). A pause (waiting for the customer)
 * stops the close clock: a working day the complaint stays paused over (still paused at its end)
 * does not count, so a pause of minutes within one day moves nothing and a pause over three
 * working days moves the deadline by three. While a pause is open the close deadline is unknown.
 * Breaches are judged against these deadlines and stay recorded after closing (the caller stores
 * them). DOMAIN-DECISIONS "Complaints (R33)". Pure: local date-times, YYYY-MM-DDTHH:MM.
 */

import type { WorkingCalendar } from '../calendar/working-days';
import { addDays } from '../dates';

/** Working days to close after the day of receipt (R33). */
export const CLOSE_WORKING_DAYS = { simple: 3, complex: 7 } as const;

export interface Pause {
  /** YYYY-MM-DDTHH:MM */
  from: string;
  /** null while paused. */
  to: string | null;
}

export interface ComplaintDeadlines {
  /** The calendar day it must be logged on. */
  log: string;
  /** 24 clock hours after receipt, YYYY-MM-DDTHH:MM. */
  contact: string;
  /** The working day by whose end it must be closed; null while a pause is open. */
  close: string | null;
  /** Years the close clock crossed with no holiday calendar kept (Monday–Friday was assumed). */
  calendarMissing: number[];
}

const dateOf = (at: string) => at.slice(0, 10);

/** `at` plus 24 hours on the wall clock (local time has no daylight saving in China). */
export function plus24Hours(at: string): string {
  return `${addDays(dateOf(at), 1)}${at.slice(10)}`;
}

/** True if the complaint was paused at the end of `day` (24:00, i.e. the next day's 00:00). */
export function pausedOverEndOf(day: string, pauses: readonly Pause[]): boolean {
  const end = `${addDays(day, 1)}T00:00`;
  return pauses.some((p) => p.from < end && (p.to === null || p.to >= end));
}

export function complaintDeadlines(
  receivedAt: string,
  complex: boolean,
  pauses: readonly Pause[],
  calendar: WorkingCalendar,
): ComplaintDeadlines {
  const received = dateOf(receivedAt);
  const open = pauses.some((p) => p.to === null);
  calendar.missingYears.clear();
  const close = open
    ? null
    : calendar.nthWorkingDayAfter(received, complex ? CLOSE_WORKING_DAYS.complex : CLOSE_WORKING_DAYS.simple, (day) =>
        pausedOverEndOf(day, pauses),
      );
  return {
    log: received,
    contact: plus24Hours(receivedAt),
    close,
    calendarMissing: [...calendar.missingYears].sort(),
  };
}

export interface ComplaintBreaches {
  log: boolean;
  contact: boolean;
  close: boolean;
}

/**
 * What was late, as of `now` for what has not happened yet: logged after its day; contacted after
 * (or not contacted by) the 24 hours; closed after (or still open past the end of) the close day.
 */
export function complaintBreaches(
  d: ComplaintDeadlines,
  facts: { loggedAt: string; contactedAt: string | null; closedAt: string | null },
  now: string,
): ComplaintBreaches {
  return {
    log: dateOf(facts.loggedAt) > d.log,
    contact: (facts.contactedAt ?? now) > d.contact,
    close: d.close !== null && dateOf(facts.closedAt ?? now) > d.close,
  };
}
