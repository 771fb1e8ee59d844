/** Calendar helpers on ISO dates (YYYY-MM-DD), free of time zones: the bureau works in local dates. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The calendar date `days` after (or before, when negative) `date`. Counted on the UTC calendar,
 * which has no daylight-saving gaps, so the answer is the same on every workstation.
 */
export function addDays(date: string, days: number): string {
  if (!isIsoDate(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD，且是有效日期：${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d + days));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(at.getUTCFullYear()).padStart(4, '0')}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}`;
}

/** Months later, the day kept or clamped to the month's last (2026-08-31 + 6 months → 2027-02-28). */
export function addMonthsClamped(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD，且是有效日期：${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The local calendar date of an instant, as YYYY-MM-DD. */
export function localDate(at: Date): string {
  const y = at.getFullYear();
  const m = String(at.getMonth() + 1).padStart(2, '0');
  const d = String(at.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/**
 * R30: the date by which a manager change effective on `effectiveOn` must reach the centre.
 * The month's cut-off is the due day (25th). A change effective after the cut-off belongs to the
 * next month's cycle, so it is due on the next month's due day — otherwise a change on the 27th
 * would be late before it happened.
 */
export function managerChangeDueDate(effectiveOn: string, dueDay: number): string {
  const [y, m, d] = effectiveOn.split('-').map(Number) as [number, number, number];
  let year = y;
  let month = m;
  if (d > dueDay) {
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  const day = Math.min(dueDay, daysInMonth(year, month));
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** R30: a change recorded after its due date is late. ISO dates compare as strings. */
export function isLateManagerChange(effectiveOn: string, recordedOn: string, dueDay: number): boolean {
  return recordedOn > managerChangeDueDate(effectiveOn, dueDay);
}

/** Local date and time, `YYYY-MM-DD HH:MM:SS`: what the officer reads, and sortable. */
export function localDateTime(at: Date): string {
  const t = [at.getHours(), at.getMinutes(), at.getSeconds()].map((n) => String(n).padStart(2, '0'));
  return `${localDate(at)} ${t.join(':')}`;
}
