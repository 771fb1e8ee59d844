/**
 * The working-day calendar R33 counts on, kept by the officer per year (holiday_calendars,
 * migration 0018): `holidays/show` gives the stored year, or the chinese-days pre-fill as a
 * suggestion, or says the year is unknown; `holidays/set` replaces a year.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { HolidayCalendarView } from '../../../shared/api/types-complaints';
import { bi } from '../../../shared/domain/bilingual';
import { WorkingCalendar, weekdayOf, type YearCalendar } from '../../../shared/domain/calendar/working-days';
import { chineseDaysCalendar } from '../calendar/chinese-days';

interface Row {
  year: number;
  off: string;
  work: string;
  source: 'officer' | 'chinese-days';
}

function storedYears(db: Database): YearCalendar[] {
  return (db.prepare('SELECT year, off, work FROM holiday_calendars').all() as Row[]).map((r) => ({
    year: r.year,
    off: JSON.parse(r.off) as string[],
    work: JSON.parse(r.work) as string[],
  }));
}

/** The calendar the clock counts on: the stored years only (a missing year is named, never guessed). */
export function workingCalendar(db: Database): WorkingCalendar {
  return new WorkingCalendar(storedYears(db));
}

export function showYear(db: Database, year: number): HolidayCalendarView {
  const r = db.prepare('SELECT year, off, work, source FROM holiday_calendars WHERE year = ?').get(year) as
    | Row
    | undefined;
  if (r) return { year, off: JSON.parse(r.off), work: JSON.parse(r.work), source: r.source };
  const suggested = chineseDaysCalendar(year);
  return suggested
    ? { year, off: [...suggested.off], work: [...suggested.work], source: 'suggested' }
    : { year, off: [], work: [], source: null };
}

/** Replaces a year: days off on weekdays, working weekends; each in that year, none both. */
export function setYear(
  db: Database,
  input: { year: number; off: readonly string[]; work: readonly string[] },
  at: string,
  actor: string,
): HolidayCalendarView {
  const off = [...new Set(input.off)].sort();
  const work = [...new Set(input.work)].sort();
  const problem = (zh: string, en: string): never => {
    throw new AppError('VALIDATION', bi(zh, en));
  };
  for (const d of [...off, ...work]) {
    if (!d.startsWith(`${input.year}-`)) problem(`${d} 不在 ${input.year} 年`, `${d} is not in ${input.year}`);
  }
  for (const d of work) {
    const wd = weekdayOf(d);
    if (wd !== 0 && wd !== 6)
      problem(`调休上班日 ${d} 不是周末（周一至周五本就上班）`, `Working day ${d} is not a weekend day`);
    if (off.includes(d)) problem(`${d} 不能既放假又上班`, `${d} cannot be both off and worked`);
  }
  const source = (() => {
    const pre = chineseDaysCalendar(input.year);
    return pre && pre.off.join() === off.join() && pre.work.join() === work.join() ? 'chinese-days' : 'officer';
  })();
  db.prepare(
    `INSERT INTO holiday_calendars (year, off, work, source, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT(year) DO UPDATE SET off = excluded.off, work = excluded.work, source = excluded.source,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(input.year, JSON.stringify(off), JSON.stringify(work), source, at, actor);
  return showYear(db, input.year);
}
