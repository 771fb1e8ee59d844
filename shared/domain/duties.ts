/**
 * Recurring duties towards a key customer and the centre's monthly deadlines, as pure rules:
 * R18 archive update cadence, R20 A/B manager roles, R23 visits, R27 revenue fluctuation and the
 * R30–R32 reporting deadlines. Every number comes from the policy (R0); each function takes only
 * the part of the policy it reads, so a whole `Policy` can always be passed.
 *
 * Dates are ISO calendar dates (YYYY-MM-DD) and months are periods (YYYY-MM); all arithmetic is on
 * plain integers, never on local-time `Date`, so the result does not depend on the time zone of
 * the workstation. Malformed dates and periods are programming errors: they throw RangeError.
 */
import { daysInMonth, isIsoDate, managerChangeDueDate } from './dates';
import type { Fen } from './money';
import { monthOf, nextPeriod, type Period, periodOf, yearOf } from './periods';
import type { Cadence, Policy } from './policy/policy';
import { type Scope, TIER_NAMES_ZH, type Tier } from './tiers';

/** A calendar date, YYYY-MM-DD. */
type IsoDate = string;

// ---------------------------------------------------------------------------------------------
// Calendar helpers (private); month arithmetic comes from periods.ts.

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function parseDate(date: IsoDate): Ymd {
  if (!isIsoDate(date)) throw new RangeError(`日期格式应为 YYYY-MM-DD，且是有效日期：${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatDate(y: number, m: number, d: number): IsoDate {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

/** Day `day` of the period's month, or its last day when the month is shorter (a due day of 31). */
function dueDayOf(period: Period, day: number): IsoDate {
  const y = yearOf(period);
  const m = monthOf(period);
  return formatDate(y, m, Math.min(day, daysInMonth(y, m)));
}

// ---------------------------------------------------------------------------------------------
// R18: archive update cadence

export interface ArchivePeriod {
  start: IsoDate;
  end: IsoDate;
}

/**
 * R18: the calendar-aligned period of `cadence` that contains `date`. Half months are the 1st–15th
 * and the 16th–month end (so the second half of February is 13 or 14 days); quarters are Jan–Mar,
 * Apr–Jun, Jul–Sep, Oct–Dec; half years Jan–Jun and Jul–Dec. Calendar alignment (rather than
 * "15 days after the last update") is what the work list and the monthly reports count by.
 */
export function archivePeriodOf(date: IsoDate, cadence: Cadence): ArchivePeriod {
  const { y, m, d } = parseDate(date);
  const monthEnd = (month: number) => formatDate(y, month, daysInMonth(y, month));
  switch (cadence) {
    case 'half_month':
      return d <= 15
        ? { start: formatDate(y, m, 1), end: formatDate(y, m, 15) }
        : { start: formatDate(y, m, 16), end: monthEnd(m) };
    case 'month':
      return { start: formatDate(y, m, 1), end: monthEnd(m) };
    case 'quarter': {
      const first = Math.floor((m - 1) / 3) * 3 + 1;
      return { start: formatDate(y, first, 1), end: monthEnd(first + 2) };
    }
    case 'half_year': {
      const first = m <= 6 ? 1 : 7;
      return { start: formatDate(y, first, 1), end: monthEnd(first + 5) };
    }
  }
}

/** R18: the period of the same cadence that follows `period` (it starts the day after its end). */
export function archivePeriodAfter(period: ArchivePeriod, cadence: Cadence): ArchivePeriod {
  const { y, m, d } = parseDate(period.end);
  if (d < daysInMonth(y, m)) return archivePeriodOf(formatDate(y, m, d + 1), cadence);
  return archivePeriodOf(`${nextPeriod(periodOf(y, m))}-01`, cadence);
}

export interface ArchiveDutyInput {
  /** The customer's current tier; its cadence (policy.archiveCadence) applies. */
  tier: Tier;
  /** The date of the latest archive revision, or null when the archive was never updated. */
  lastUpdatedOn: IsoDate | null;
  /** Since when the customer has held its current tier (or has been a key customer at all). */
  tierSince: IsoDate;
}

/**
 * R18: the date by which the archive must next be updated.
 *
 * Reading of "update every <period>": at least once in every cadence period. An archive updated at
 * any time in one period has satisfied that period, so the next update is due by the **end of the
 * next period** — a silver (quarterly) archive updated on 1 March or on 31 March is due by 30 June
 * either way. Counting a fixed length from the update ("three months after 1 March") would make the
 * due date drift and would not match the per-period counts of the reports.
 *
 * Never updated: the first update is due at the end of the period containing `tierSince`.
 *
 * Tier change: the current tier's cadence applies from the period **after** the change. The period
 * in which the tier changed is a grace period, so the clock runs from the later of the last update
 * and `tierSince`: a silver customer promoted to diamond on 10 May with its archive last updated
 * on 1 April is due by 31 May (end of the next half month), not overdue since 30 April under a
 * cadence it did not yet have. A demotion restarts the clock the same way, so an archive that was
 * overdue under the old, tighter cadence stops being overdue; the input carries no previous tier,
 * and the old overdue period remains visible in the revision history (R34 scores it by month).
 */
export function archiveDueDate(input: ArchiveDutyInput, policy: Pick<Policy, 'archiveCadence'>): IsoDate {
  const cadence = policy.archiveCadence[input.tier];
  parseDate(input.tierSince);
  if (input.lastUpdatedOn === null) return archivePeriodOf(input.tierSince, cadence).end;
  parseDate(input.lastUpdatedOn);
  // The later of the two; ISO dates compare as strings (not Math.max, which would give NaN).
  let anchor = input.tierSince;
  if (input.lastUpdatedOn > anchor) anchor = input.lastUpdatedOn;
  return archivePeriodAfter(archivePeriodOf(anchor, cadence), cadence).end;
}

/** R18: an archive is overdue from the day after its due date; on the due date it is not yet. */
export function isArchiveOverdue(
  input: ArchiveDutyInput,
  today: IsoDate,
  policy: Pick<Policy, 'archiveCadence'>,
): boolean {
  parseDate(today);
  return today > archiveDueDate(input, policy);
}

// ---------------------------------------------------------------------------------------------
// R23: visits

export interface VisitDutyInput {
  tier: Tier;
  scope: Scope;
  /** R13: the province centre approved this customer as diamond. */
  provinceApprovedDiamond: boolean;
}

/**
 * R23: account-manager visits or contacts required per month. A province-approved diamond (R13)
 * gets `visits.provinceDiamondMonthly` whatever its scope — and whatever `tier` says, because R13
 * keeps the computed tier beside the approval, so the caller may pass the computed tier (say gold)
 * of a customer the province made diamond. Everyone else reads `visits.monthly[scope][tier]`.
 */
export function monthlyVisitsRequired(input: VisitDutyInput, policy: Pick<Policy, 'visits'>): number {
  if (input.provinceApprovedDiamond) return policy.visits.provinceDiamondMonthly;
  return policy.visits.monthly[input.scope][input.tier];
}

/** R23: leader-led visits per year, the same range for every key customer (general tier too). */
export function leaderVisitsRequired(policy: Pick<Policy, 'visits'>): { min: number; max: number } {
  return { min: policy.visits.leaderPerYear.min, max: policy.visits.leaderPerYear.max };
}

/** R23/R34: visits still missing; doing more than required never yields a negative shortfall. */
export function visitShortfall(required: number, done: number): number {
  return Math.max(0, required - done);
}

// ---------------------------------------------------------------------------------------------
// R20: A/B manager roles

export type ManagerRole = 'A' | 'B';

export interface RoleAssignment {
  role: ManagerRole;
  managerId: number;
}

/** R20: whether the tier needs both an A and a B manager (silver and above in POLICY_V1). */
export function requiresABRoles(tier: Tier, policy: Pick<Policy, 'abRoleTiers'>): boolean {
  return policy.abRoleTiers.includes(tier);
}

/**
 * R20: what is wrong with a customer's A/B assignment, as Chinese messages for the work list;
 * empty when nothing is.
 *
 * - A missing A or B is a problem only for tiers that require both (`abRoleTiers`).
 * - More than one A or B, and one manager holding both roles, are problems for every tier: a
 *   general customer need not have managers, but those it has must still make sense.
 * - Managers are counted by distinct id: the same manager listed twice as A is one A (a duplicate
 *   row is for the store to refuse, not two managers).
 *
 * Order: missing A, missing B, several A, several B, then each manager in both roles by id.
 */
export function abRoleProblems(
  input: { tier: Tier; managers: readonly RoleAssignment[] },
  policy: Pick<Policy, 'abRoleTiers'>,
): string[] {
  const ids = (role: ManagerRole) =>
    [...new Set(input.managers.filter((a) => a.role === role).map((a) => a.managerId))].sort((x, y) => x - y);
  const a = ids('A');
  const b = ids('B');
  const problems: string[] = [];
  if (requiresABRoles(input.tier, policy)) {
    const tierName = TIER_NAMES_ZH[input.tier];
    if (a.length === 0) problems.push(`缺少A角客户经理：${tierName}客户须同时配备A角和B角`);
    if (b.length === 0) problems.push(`缺少B角客户经理：${tierName}客户须同时配备A角和B角`);
  }
  if (a.length > 1) problems.push(`A角客户经理只能有一名，现有 ${a.length} 名`);
  if (b.length > 1) problems.push(`B角客户经理只能有一名，现有 ${b.length} 名`);
  for (const id of a.filter((x) => b.includes(x))) {
    problems.push(`同一客户经理（编号 ${id}）不能同时担任A角和B角`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// R30–R32: reporting deadlines

/** R31: units send the month's statistics and analysis by `unitReportDueDay` of that month. */
export function unitReportDueDate(period: Period, policy: Pick<Policy, 'reporting'>): IsoDate {
  return dueDayOf(period, policy.reporting.unitReportDueDay);
}

/** R32: the centre sends the month's city roll-up and report by `centreReportDueDay` of the next month. */
export function centreReportDueDate(period: Period, policy: Pick<Policy, 'reporting'>): IsoDate {
  return dueDayOf(nextPeriod(period), policy.reporting.centreReportDueDay);
}

/** R30–R32: received after the due date is late; on the due date itself is on time. */
export function isLate(dueOn: IsoDate, receivedOn: IsoDate): boolean {
  parseDate(dueOn);
  parseDate(receivedOn);
  return receivedOn > dueOn;
}

/** R30: `managerChangeDueDate` (dates.ts, which explains the cut-off) with the policy's due day. */
export function managerChangeDueDateFor(effectiveOn: IsoDate, policy: Pick<Policy, 'reporting'>): IsoDate {
  parseDate(effectiveOn);
  return managerChangeDueDate(effectiveOn, policy.reporting.managerChangeDueDay);
}

// ---------------------------------------------------------------------------------------------
// R27: month-on-month revenue fluctuation

export type FluctuationReason = 'rise' | 'fall' | 'new' | 'stopped';

export interface FluctuationInput {
  /** The month's revenue in fen; null when the customer had no figure for the month. */
  thisMonth: Fen | null;
  lastMonth: Fen | null;
  /** R27: the change was marked one-time (一次性), so no written reason is needed. */
  oneOff?: boolean;
}

export interface Fluctuation {
  /** A written reason is required (R27). */
  flagged: boolean;
  /** (this − last) ÷ |last| in percent, rounded half away from zero to one decimal; null without a base. */
  changePercent: number | null;
  /** Why the change counts as a fluctuation; null when it stays within the limit. */
  reason: FluctuationReason | null;
}

function assertFen(value: Fen, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what}必须是安全范围内的整数分：${value}`);
}

/** `numerator ÷ denominator` × 100 to one decimal, half away from zero, exactly; denominator > 0. */
function percentOneDecimal(numerator: bigint, denominator: bigint): number {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const tenths = (magnitude * 2000n + denominator) / (2n * denominator);
  const value = Number(tenths) / 10;
  return negative && value !== 0 ? -value : value;
}

/**
 * R27: does this month's revenue change against last month's need a written reason?
 *
 * - change = (this − last) ÷ last. The limit is strict: flagged only when |change| is **more
 *   than** `fluctuationPercent` — with 30, a change of exactly 30% is not flagged, 30.01% is. The
 *   comparison is exact in integers: |this − last| × 100 > percent × |last| (BigInt, so no amount
 *   in the safe range can overflow).
 * - null and 0 both mean "no revenue". Last month none and this month some → `new`; last month
 *   some and this month none → `stopped` (−100%). Both are flagged whatever the percentage,
 *   because a customer appearing or disappearing is the largest change there is. Both none → not
 *   flagged, no change.
 * - Negative months (reversals, 红冲) go through the same formula on |last|, the direction from
 *   the sign of this − last; a negative month after an empty one is a `fall` with no percentage.
 * - `oneOff` (一次性) clears `flagged` but keeps `reason` and `changePercent`, so the monthly
 *   report (R28 part 4) can still list the movement with its one-time note.
 */
export function fluctuation(input: FluctuationInput, policy: Pick<Policy, 'fluctuationPercent'>): Fluctuation {
  const thisMonth = input.thisMonth ?? 0;
  const lastMonth = input.lastMonth ?? 0;
  assertFen(thisMonth, '本月收入');
  assertFen(lastMonth, '上月收入');
  const percent = policy.fluctuationPercent;
  if (!Number.isInteger(percent) || percent <= 0) throw new RangeError(`波动幅度应为正整数百分比：${percent}`);

  let reason: FluctuationReason | null;
  let changePercent: number | null;
  if (lastMonth === 0) {
    changePercent = null;
    reason = thisMonth > 0 ? 'new' : thisMonth < 0 ? 'fall' : null;
  } else {
    const diff = BigInt(thisMonth) - BigInt(lastMonth);
    const base = BigInt(Math.abs(lastMonth));
    changePercent = percentOneDecimal(diff, base);
    const magnitude = diff < 0n ? -diff : diff;
    const exceeds = magnitude * 100n > BigInt(percent) * base;
    if (thisMonth === 0 && lastMonth > 0) reason = 'stopped';
    else if (!exceeds) reason = null;
    else reason = diff > 0n ? 'rise' : 'fall';
  }
  return { flagged: reason !== null && input.oneOff !== true, changePercent, reason };
}
