/** Calendar arithmetic on YYYY-MM-DD strings (UTC, no time of day) for the ownership clock and the bar. */

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
function format(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return format(d);
}

/** Months later, the day kept or clamped to the month's last (2026-08-31 + 6 → 2027-02-28). */
export function addMonthsClamped(date: string, months: number): string {
  const d = parse(date);
  const day = d.getUTCDate();
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return format(target);
}
