/**
 * The pre-fill of a year's working-day calendar (R33) from the `chinese-days` package, which
 * carries the State Council's holiday notices for the years it knows. The officer keeps the
 * calendar (it is edited in settings and stored); this only offers a starting point. A year the
 * package does not know gives null: the caller says so rather than assume Monday to Friday.
 */
import { getHolidaysInRange, isWorkday } from 'chinese-days';
import { weekdayOf, type YearCalendar } from '../../../shared/domain/calendar/working-days';
import { addDays } from '../../../shared/domain/dates';

export function chineseDaysCalendar(year: number): YearCalendar | null {
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  // The package answers Monday–Friday for a year it has no notice for: no holiday at all means unknown.
  if (getHolidaysInRange(first, last, false).length === 0) return null;
  const off: string[] = [];
  const work: string[] = [];
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6;
    const working = isWorkday(day);
    if (weekend && working) work.push(day);
    if (!weekend && !working) off.push(day);
  }
  return { year, off, work };
}
