/**
 * 待办: the duties the centre owes or waits for on a date, gathered from what each part stores
 * (R18 archives, R19 registrations, applications and the template inbox, R19c the ownership clock, R20 A/B roles, R30
 * manager changes, R31 the units' forms). Pure: the kinds, their order, their names, the window of
 * "due soon", and how a list is filtered, sorted and counted. Each backend part answers its own
 * kinds; nothing is copied into a table of duties.
 */
import { addDays } from './dates';
import { type Period, previousPeriod } from './periods';

export const WORK_ITEM_KINDS = [
  'archive_overdue',
  'archive_due',
  'missing_ab',
  'registration_step',
  'conflict',
  'application',
  'template_inbox',
  'lapse_warning',
  'lapse',
  'manager_change_late',
  'forms_missing',
  'complaint_due',
  'complaint_overdue',
  'visits_short',
  'development_stuck',
  'discount_pending',
  'discount_expiring',
] as const;
export type WorkItemKind = (typeof WORK_ITEM_KINDS)[number];

export const WORK_ITEM_KIND_NAMES: Record<WorkItemKind, { zh: string; en: string }> = {
  archive_overdue: { zh: '档案逾期未更新', en: 'Archive overdue' },
  archive_due: { zh: '档案即将到期', en: 'Archive due soon' },
  missing_ab: { zh: '缺少 A/B 角', en: 'Missing A/B manager' },
  registration_step: { zh: '注册待处理', en: 'Registration awaiting a step' },
  conflict: { zh: '注册冲突待裁定', en: 'Conflict awaiting a ruling' },
  application: { zh: '营销申报待裁定', en: 'Marketing application awaiting a ruling' },
  template_inbox: { zh: '模板申报待受理', en: 'Template submission to file' },
  lapse_warning: { zh: '注册保护期将满', en: 'Ownership period ending' },
  lapse: { zh: '注册保护期已满', en: 'Ownership period ended' },
  manager_change_late: { zh: '客户经理变动迟报', en: 'Manager change received late' },
  forms_missing: { zh: '报表未报送', en: 'Forms not received' },
  complaint_due: { zh: '投诉处理中', en: 'Complaint open' },
  complaint_overdue: { zh: '投诉超时', en: 'Complaint overdue' },
  visits_short: { zh: '本月拜访不足', en: 'Visits short this month' },
  development_stuck: { zh: '开发项目停滞', en: 'Development stuck' },
  discount_pending: { zh: '资费优惠待审批', en: 'Discount awaiting a decision' },
  discount_expiring: { zh: '资费优惠即将到期', en: 'Discount ending soon' },
};

/** One duty. `unit` is the unit that owes it or whose customer it concerns (its code). */
export interface WorkItem {
  kind: WorkItemKind;
  unit: string;
  customerId?: string;
  registrationId?: number;
  applicationId?: number;
  /** The date the duty falls (or fell) due, when it has one. */
  due?: string;
  /** Managers the duty concerns (A/B of the customer, the manager changed): the manager filter. */
  managerIds?: number[];
  /** The month a forms item is about. */
  period?: Period;
  /** What exactly is wrong, as the part says it (Chinese): the missing roles, the late change. */
  notes?: string[];
}

/** "Due soon": archives due within this many days of today are listed (R18), as forms are (R31). */
export const DUE_SOON_DAYS = 7;

/**
 * The months whose unit forms the work list asks after on `today` (R31): last month's when it is
 * still missing (overdue by now, as its due day has passed), and this month's from seven days before its
 * due day. Earlier months are the tracker's history, not today's duty.
 */
export function formsMonthsToChase(today: string, dueOn: (period: Period) => string): Period[] {
  const thisMonth = today.slice(0, 7) as Period;
  const months: Period[] = [];
  const last = previousPeriod(thisMonth);
  if (dueOn(last) < today) months.push(last);
  if (addDays(dueOn(thisMonth), -DUE_SOON_DAYS) <= today) months.push(thisMonth);
  return months;
}

export interface WorkListFilter {
  /** A unit's code: its duties, and its customers'. */
  unit?: string;
  managerId?: number;
}

export function filterWorkItems<T extends WorkItem>(items: readonly T[], filter: WorkListFilter): T[] {
  return items.filter(
    (i) =>
      (filter.unit === undefined || i.unit === filter.unit) &&
      (filter.managerId === undefined || (i.managerIds ?? []).includes(filter.managerId)),
  );
}

/**
 * The order the officer works in: the earliest due first (an item without a date, such as a
 * missing role, counts as due today), then by kind in WORK_ITEM_KINDS order, then by customer or
 * registration, so the list is stable between refreshes.
 */
export function sortWorkItems<T extends WorkItem>(items: readonly T[], today: string): T[] {
  const rank = new Map(WORK_ITEM_KINDS.map((k, i) => [k, i]));
  const key = (i: WorkItem) => i.due ?? today;
  // Dates, codes and IDs are ASCII: compared by code unit (localeCompare's collation cost ~0.3 s
  // over 20,000 items and orders them the same).
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...items].sort(
    (a, b) =>
      cmp(key(a), key(b)) ||
      (rank.get(a.kind) ?? 0) - (rank.get(b.kind) ?? 0) ||
      cmp(a.unit, b.unit) ||
      cmp(a.customerId ?? '', b.customerId ?? '') ||
      (a.registrationId ?? 0) - (b.registrationId ?? 0) ||
      (a.applicationId ?? 0) - (b.applicationId ?? 0) ||
      cmp(a.period ?? '', b.period ?? ''),
  );
}

/** Items per kind, every kind present (0 when none): the menu's and the page's counts. */
export function countWorkItems(items: readonly WorkItem[]): Record<WorkItemKind, number> {
  const counts = Object.fromEntries(WORK_ITEM_KINDS.map((k) => [k, 0])) as Record<WorkItemKind, number>;
  for (const i of items) counts[i.kind]++;
  return counts;
}
