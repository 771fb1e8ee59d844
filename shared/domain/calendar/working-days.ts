/**
 * Working days (R33's close clock): Monday to Friday, minus the days off the officer keeps per year,
 * plus that year's 调休 working weekends. A year without a kept calendar is not silently Monday to
 * Friday: the calendar counts it so and says which years it lacked, for the caller to warn.
 * Pure: dates are local calendar dates, YYYY-MM-DD.
 */
import { addDays } from '../dates';

export interface YearCalendar {
  year: number;
  /** Days off that would otherwise be working days (holidays on weekdays; weekend holidays may be listed too). */
  off: readonly string[];
  /** Weekend days worked instead (调休). */
  work: readonly string[];
}

/** Day of the week of a YYYY-MM-DD date, 0 Sunday … 6 Saturday (the date's own, no time zone). */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export class WorkingCalendar {
  private readonly off = new Set<string>();
  private readonly work = new Set<string>();
  private readonly years = new Set<number>();
  /** Years a question fell in that have no calendar kept (Monday–Friday was assumed). */
  readonly missingYears = new Set<number>();

  constructor(years: readonly YearCalendar[]) {
    for (const y of years) {
      this.years.add(y.year);
      for (const d of y.off) this.off.add(d);
      for (const d of y.work) this.work.add(d);
    }
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  isWorkingDay(date: string): boolean {
    const year = Number(date.slice(0, 4));
    if (!this.years.has(year)) this.missingYears.add(year);
    if (this.work.has(date)) return true;
    if (this.off.has(date)) return false;
    const wd = weekdayOf(date);
    return wd !== 0 && wd !== 6;
  }

  /**
   * The `n`th working day after `date` (not counting `date` itself), skipping the days `skip`
   * says do not count (R33: a day the complaint stayed paused over).
   */
  nthWorkingDayAfter(date: string, n: number, skip: (day: string) => boolean = () => false): string {
    let day = date;
    let counted = 0;
    // Bounded: a year has ~250 working days; a pause cannot make the search run away.
    for (let guard = 0; guard < 3660 && counted < n; guard++) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day) && !skip(day)) counted++;
    }
    return day;
  }
}
