/** R33: the calendar's pre-fill from chinese-days agrees with the State Council's 2026 notice. */
import { describe, expect, it } from 'vitest';
import { chineseDaysCalendar } from './chinese-days';

describe('chineseDaysCalendar', () => {
  it('2026: the weekday holidays and the 调休 weekends of the notice', () => {
    const c = chineseDaysCalendar(2026);
    expect(c?.work).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    // National Day week: Thursday 1st to Wednesday 7th, the weekend between being a weekend anyway.
    expect(c?.off.filter((d) => d.startsWith('2026-10'))).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(c?.off).toHaveLength(19);
  });

  it('a year the package has no notice for is unknown, not Monday to Friday', () => {
    expect(chineseDaysCalendar(2099)).toBeNull();
  });
});
