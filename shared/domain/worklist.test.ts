import { describe, expect, it } from 'vitest';
import { unitReportDueDate } from './duties';
import type { Period } from './periods';
import { POLICY_V1 } from './policy/policy';
import {
  countWorkItems,
  filterWorkItems,
  formsMonthsToChase,
  sortWorkItems,
  WORK_ITEM_KIND_NAMES,
  WORK_ITEM_KINDS,
  type WorkItem,
} from './worklist';

// R31: the units' forms are due on the 28th of their month (policy version 1).
const dueOn = (p: Period) => unitReportDueDate(p, POLICY_V1);

describe('which months of unit forms the work list chases (R31)', () => {
  it.each([
    // today, months asked after
    ['2026-12-05', ['2026-11']], // November's due day (28 Nov) has passed; December's is 23 days away
    ['2026-12-20', ['2026-11']], // 8 days before December's due day: not yet
    ['2026-12-21', ['2026-11', '2026-12']], // 7 days before: due soon
    ['2026-12-28', ['2026-11', '2026-12']], // the due day itself: still on time
    ['2026-12-29', ['2026-11', '2026-12']], // overdue
    ['2027-01-01', ['2026-12']], // across the year end: last month is December
    ['2026-03-01', ['2026-02']], // February's due day is its 28th
    ['2026-02-21', ['2026-01', '2026-02']], // 7 days before 28 Feb
  ])('on %s: %j', (today, months) => {
    expect(formsMonthsToChase(today, dueOn)).toEqual(months);
  });
});

const item = (over: Partial<WorkItem> & Pick<WorkItem, 'kind'>): WorkItem => ({ unit: '440515', ...over });

describe('work list filter, order and counts', () => {
  const items: WorkItem[] = [
    item({ kind: 'missing_ab', customerId: '44051500002000', managerIds: [3] }),
    item({ kind: 'archive_overdue', customerId: '44051500001000', due: '2026-11-30', managerIds: [3, 4] }),
    item({ kind: 'forms_missing', unit: '440513', due: '2026-11-28', period: '2026-11' }),
    item({ kind: 'archive_due', customerId: '44051500003000', due: '2026-12-08', managerIds: [4] }),
    item({ kind: 'registration_step', registrationId: 7 }),
  ];

  it('orders by due date (no date counts as today), then kind, unit and record', () => {
    expect(sortWorkItems(items, '2026-12-05').map((i) => i.kind)).toEqual([
      'forms_missing', // 11-28
      'archive_overdue', // 11-30
      'missing_ab', // today, and missing_ab comes before registration_step
      'registration_step',
      'archive_due', // 12-08
    ]);
  });

  it('filters by unit code and by manager', () => {
    expect(filterWorkItems(items, { unit: '440513' }).map((i) => i.kind)).toEqual(['forms_missing']);
    expect(filterWorkItems(items, { managerId: 4 }).map((i) => i.customerId)).toEqual([
      '44051500001000',
      '44051500003000',
    ]);
    expect(filterWorkItems(items, { unit: '440515', managerId: 3 })).toHaveLength(2);
    expect(filterWorkItems(items, {})).toHaveLength(items.length);
  });

  it('counts every kind, zero included', () => {
    const counts = countWorkItems(items);
    expect(Object.keys(counts)).toEqual([...WORK_ITEM_KINDS]);
    expect(counts.archive_overdue).toBe(1);
    expect(counts.lapse).toBe(0);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(items.length);
  });

  it('names every kind in both languages', () => {
    for (const k of WORK_ITEM_KINDS) {
      expect(WORK_ITEM_KIND_NAMES[k].zh).toMatch(/\p{Script=Han}/u);
      expect(WORK_ITEM_KIND_NAMES[k].en).toMatch(/^[A-Z]/);
    }
  });
});
