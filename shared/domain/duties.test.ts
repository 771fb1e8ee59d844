import { describe, expect, it } from 'vitest';
import {
  abRoleProblems,
  archiveDueDate,
  archivePeriodAfter,
  archivePeriodOf,
  centreReportDueDate,
  fluctuation,
  isArchiveOverdue,
  isLate,
  leaderVisitsRequired,
  managerChangeDueDateFor,
  monthlyVisitsRequired,
  type RoleAssignment,
  requiresABRoles,
  unitReportDueDate,
  visitShortfall,
} from './duties';
import { type Cadence, POLICY_V1, type Policy } from './policy/policy';
import { SCOPES, type Scope, TIERS, type Tier } from './tiers';

/** POLICY_V1 with one cadence for every tier, so each cadence can be tested on its own. */
const withCadence = (cadence: Cadence): Policy => ({
  ...POLICY_V1,
  archiveCadence: { diamond: cadence, gold: cadence, silver: cadence, general: cadence },
});

describe('R18 archive periods', () => {
  it.each<[string, Cadence, string, string]>([
    ['2026-02-01', 'half_month', '2026-02-01', '2026-02-15'],
    ['2026-02-15', 'half_month', '2026-02-01', '2026-02-15'],
    ['2026-02-16', 'half_month', '2026-02-16', '2026-02-28'],
    ['2028-02-20', 'half_month', '2028-02-16', '2028-02-29'],
    ['2026-04-30', 'half_month', '2026-04-16', '2026-04-30'],
    ['2026-02-10', 'month', '2026-02-01', '2026-02-28'],
    ['2026-01-01', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026-05-15', 'quarter', '2026-04-01', '2026-06-30'],
    ['2026-09-30', 'quarter', '2026-07-01', '2026-09-30'],
    ['2026-10-01', 'quarter', '2026-10-01', '2026-12-31'],
    ['2026-06-30', 'half_year', '2026-01-01', '2026-06-30'],
    ['2026-07-01', 'half_year', '2026-07-01', '2026-12-31'],
  ])('R18: %s in %s cadence → %s … %s', (date, cadence, start, end) => {
    expect(archivePeriodOf(date, cadence)).toEqual({ start, end });
  });

  it.each<[Cadence, string, string, string]>([
    ['half_month', '2026-12-16', '2027-01-01', '2027-01-15'],
    ['month', '2026-12-01', '2027-01-01', '2027-01-31'],
    ['quarter', '2026-10-01', '2027-01-01', '2027-03-31'],
    ['half_year', '2026-07-01', '2027-01-01', '2027-06-30'],
  ])('R18: the %s period after the one containing %s crosses the year end (%s … %s)', (cadence, date, start, end) => {
    expect(archivePeriodAfter(archivePeriodOf(date, cadence), cadence)).toEqual({ start, end });
  });

  it.each(['2026-02-30', '2026/02/01', '2026-13-01', ''])('R18: refuses the malformed date %j', (date) => {
    expect(() => archivePeriodOf(date, 'month')).toThrow(RangeError);
  });
});

describe('R18 archive due date: due by the end of the next period', () => {
  it.each<[Cadence, string, string]>([
    ['half_month', '2026-02-01', '2026-02-28'],
    ['half_month', '2026-02-15', '2026-02-28'],
    ['half_month', '2026-02-16', '2026-03-15'],
    ['half_month', '2026-02-28', '2026-03-15'],
    ['half_month', '2028-02-10', '2028-02-29'], // leap year: the second half of February ends on the 29th
    ['half_month', '2028-02-29', '2028-03-15'],
    ['half_month', '2026-12-20', '2027-01-15'],
    ['month', '2026-01-31', '2026-02-28'],
    ['month', '2026-01-01', '2026-02-28'],
    ['month', '2028-01-15', '2028-02-29'],
    ['month', '2026-12-05', '2027-01-31'],
    ['quarter', '2026-03-01', '2026-06-30'], // "at least once every quarter": 1 and 31 March alike
    ['quarter', '2026-03-31', '2026-06-30'],
    ['quarter', '2026-04-01', '2026-09-30'],
    ['quarter', '2026-11-11', '2027-03-31'],
    ['half_year', '2026-06-30', '2026-12-31'],
    ['half_year', '2026-07-01', '2027-06-30'],
  ])('R18: %s cadence, updated %s → due %s', (cadence, lastUpdatedOn, due) => {
    const input = { tier: 'gold' as const, lastUpdatedOn, tierSince: '2025-01-01' };
    expect(archiveDueDate(input, withCadence(cadence))).toBe(due);
  });

  it.each<[Tier, string, string]>([
    // POLICY_V1: diamond half month, gold month, silver quarter, general half year
    ['diamond', '2026-05-03', '2026-05-31'],
    ['gold', '2026-05-03', '2026-06-30'],
    ['silver', '2026-05-03', '2026-09-30'],
    ['general', '2026-05-03', '2026-12-31'],
  ])('R18: POLICY_V1 %s updated %s → due %s', (tier, lastUpdatedOn, due) => {
    expect(archiveDueDate({ tier, lastUpdatedOn, tierSince: '2025-01-01' }, POLICY_V1)).toBe(due);
  });

  it.each<[Tier, string, string]>([
    ['diamond', '2026-05-03', '2026-05-15'],
    ['diamond', '2026-05-20', '2026-05-31'],
    ['gold', '2026-05-20', '2026-05-31'],
    ['silver', '2026-05-20', '2026-06-30'],
    ['general', '2026-05-20', '2026-06-30'],
  ])('R18: never updated, %s since %s → first update due %s (end of that period)', (tier, tierSince, due) => {
    expect(archiveDueDate({ tier, lastUpdatedOn: null, tierSince }, POLICY_V1)).toBe(due);
  });

  it.each<[string, Tier, string, string, string]>([
    [
      'silver → diamond: the new cadence applies from the next half month',
      'diamond',
      '2026-04-01',
      '2026-05-10',
      '2026-05-31',
    ],
    ['silver → diamond late in the month', 'diamond', '2026-04-01', '2026-05-20', '2026-06-15'],
    ['silver → gold on a quarter end', 'gold', '2026-03-01', '2026-03-31', '2026-04-30'],
    ['updated in the same half month, before the change', 'diamond', '2026-05-05', '2026-05-10', '2026-05-31'],
    ['updated after the change: the update counts', 'diamond', '2026-05-20', '2026-05-10', '2026-06-15'],
    [
      'diamond → general: the clock restarts under the looser cadence',
      'general',
      '2026-01-01',
      '2026-05-10',
      '2026-12-31',
    ],
  ])('R18 tier change (%s)', (_, tier, lastUpdatedOn, tierSince, due) => {
    expect(archiveDueDate({ tier, lastUpdatedOn, tierSince }, POLICY_V1)).toBe(due);
  });

  it.each<[string, string | null, boolean]>([
    ['2026-05-31', '2026-05-03', false], // on the due date: not yet overdue
    ['2026-06-01', '2026-05-03', true], // the day after
    ['2026-05-20', '2026-05-03', false],
    ['2026-05-15', null, false], // never updated, diamond since 2026-05-03: due 2026-05-15
    ['2026-05-16', null, true],
  ])('R18 overdue: diamond on %s, last updated %s → %s', (today, lastUpdatedOn, overdue) => {
    const input = { tier: 'diamond' as const, lastUpdatedOn, tierSince: '2026-05-03' };
    expect(isArchiveOverdue(input, today, POLICY_V1)).toBe(overdue);
  });

  it('R18: the cadence comes from the policy', () => {
    const input = { tier: 'silver' as const, lastUpdatedOn: '2026-05-03', tierSince: '2025-01-01' };
    expect(archiveDueDate(input, POLICY_V1)).toBe('2026-09-30');
    expect(archiveDueDate(input, withCadence('month'))).toBe('2026-06-30');
  });
});

describe('R23 visits', () => {
  // The R23 table: ≥2 regional diamond, comprehensive/professional gold (and diamonds, which the
  // province owns); ≥1 regional gold and every silver (regional silver, not named by the seed,
  // like the others: DOMAIN.md R23); none for general.
  const table: Record<Scope, Record<Tier, number>> = {
    regional: { diamond: 2, gold: 1, silver: 1, general: 0 },
    comprehensive: { diamond: 2, gold: 2, silver: 1, general: 0 },
    professional: { diamond: 2, gold: 2, silver: 1, general: 0 },
  };
  const cases = SCOPES.flatMap((scope) => TIERS.map((tier) => [scope, tier, table[scope][tier]] as const));

  it.each(cases)('R23: %s %s → %i a month', (scope, tier, expected) => {
    expect(monthlyVisitsRequired({ tier, scope, provinceApprovedDiamond: false }, POLICY_V1)).toBe(expected);
  });

  it.each(SCOPES)('R23/R13: a province-approved diamond (%s) → provinceDiamondMonthly', (scope) => {
    expect(monthlyVisitsRequired({ tier: 'diamond', scope, provinceApprovedDiamond: true }, POLICY_V1)).toBe(2);
    const policy: Policy = { ...POLICY_V1, visits: { ...POLICY_V1.visits, provinceDiamondMonthly: 4 } };
    expect(monthlyVisitsRequired({ tier: 'diamond', scope, provinceApprovedDiamond: true }, policy)).toBe(4);
    // R13: the computed tier stays beside the approval; the approval decides the visits.
    expect(monthlyVisitsRequired({ tier: 'silver', scope, provinceApprovedDiamond: true }, policy)).toBe(4);
  });

  it('R23: leader-led visits 1–2 a year, from the policy', () => {
    expect(leaderVisitsRequired(POLICY_V1)).toEqual({ min: 1, max: 2 });
    const policy: Policy = { ...POLICY_V1, visits: { ...POLICY_V1.visits, leaderPerYear: { min: 2, max: 4 } } };
    expect(leaderVisitsRequired(policy)).toEqual({ min: 2, max: 4 });
  });

  it.each([
    [2, 0, 2],
    [2, 1, 1],
    [2, 2, 0],
    [2, 5, 0], // more than required: no negative shortfall
    [0, 0, 0],
    [0, 3, 0],
  ])('R23: required %i, done %i → %i missing', (required, done, missing) => {
    expect(visitShortfall(required, done)).toBe(missing);
  });
});

const asA = (managerId: number): RoleAssignment => ({ role: 'A', managerId });
const asB = (managerId: number): RoleAssignment => ({ role: 'B', managerId });

describe('R20 A/B roles', () => {
  it.each<[Tier, boolean]>([
    ['diamond', true],
    ['gold', true],
    ['silver', true],
    ['general', false],
  ])('R20: %s requires A and B → %s', (tier, required) => {
    expect(requiresABRoles(tier, POLICY_V1)).toBe(required);
  });

  it.each<[string, Tier, RoleAssignment[], string[]]>([
    ['A and B, different managers', 'gold', [asA(1), asB(2)], []],
    ['general tier with no managers', 'general', [], []],
    ['general tier with only an A', 'general', [asA(1)], []],
    [
      'silver with no managers',
      'silver',
      [],
      ['缺少A角客户经理：白银客户须同时配备A角和B角', '缺少B角客户经理：白银客户须同时配备A角和B角'],
    ],
    ['diamond without B', 'diamond', [asA(1)], ['缺少B角客户经理：钻石客户须同时配备A角和B角']],
    ['gold without A', 'gold', [asB(2)], ['缺少A角客户经理：黄金客户须同时配备A角和B角']],
    ['the same manager as A and B', 'gold', [asA(7), asB(7)], ['同一客户经理（编号 7）不能同时担任A角和B角']],
    ['two A managers', 'gold', [asA(1), asA(3), asB(2)], ['A角客户经理只能有一名，现有 2 名']],
    ['three B managers', 'silver', [asA(1), asB(2), asB(3), asB(4)], ['B角客户经理只能有一名，现有 3 名']],
    ['two A on a general customer', 'general', [asA(1), asA(2)], ['A角客户经理只能有一名，现有 2 名']],
    ['the same A listed twice counts once', 'gold', [asA(1), asA(1), asB(2)], []],
    [
      'several problems at once, in a fixed order',
      'gold',
      [asB(5), asA(5), asB(6), asA(4)],
      [
        'A角客户经理只能有一名，现有 2 名',
        'B角客户经理只能有一名，现有 2 名',
        '同一客户经理（编号 5）不能同时担任A角和B角',
      ],
    ],
  ])('R20: %s', (_, tier, managers, problems) => {
    expect(abRoleProblems({ tier, managers }, POLICY_V1)).toEqual(problems);
  });

  it('R20: the tiers that need A and B come from the policy', () => {
    const policy: Policy = { ...POLICY_V1, abRoleTiers: ['diamond', 'gold'] };
    expect(requiresABRoles('silver', policy)).toBe(false);
    expect(abRoleProblems({ tier: 'silver', managers: [] }, policy)).toEqual([]);
  });
});

describe('R30–R32 deadlines', () => {
  it.each([
    ['2026-10', '2026-10-28', '2026-11-05'],
    ['2026-12', '2026-12-28', '2027-01-05'],
    ['2026-02', '2026-02-28', '2026-03-05'],
    ['2026-01', '2026-01-28', '2026-02-05'],
  ])('R31/R32: period %s → units by %s, centre by %s', (period, units, centre) => {
    expect(unitReportDueDate(period, POLICY_V1)).toBe(units);
    expect(centreReportDueDate(period, POLICY_V1)).toBe(centre);
  });

  const lastDay: Policy = {
    ...POLICY_V1,
    reporting: { managerChangeDueDay: 31, unitReportDueDay: 31, centreReportDueDay: 31 },
  };
  it.each([
    ['2026-04', '2026-04-30', '2026-05-31'],
    ['2026-03', '2026-03-31', '2026-04-30'],
    ['2026-01', '2026-01-31', '2026-02-28'],
    ['2028-01', '2028-01-31', '2028-02-29'],
  ])('R31/R32: a due day of 31 clamps to the month end: %s → units %s, centre %s', (period, units, centre) => {
    expect(unitReportDueDate(period, lastDay)).toBe(units);
    expect(centreReportDueDate(period, lastDay)).toBe(centre);
  });

  it.each(['2026-13', '2026-1', '2026-10-01', ''])('R31/R32: refuses the malformed period %j', (period) => {
    expect(() => unitReportDueDate(period, POLICY_V1)).toThrow(RangeError);
    expect(() => centreReportDueDate(period, POLICY_V1)).toThrow(RangeError);
  });

  it.each([
    ['2026-10-28', '2026-10-27', false],
    ['2026-10-28', '2026-10-28', false], // on the due date: on time
    ['2026-10-28', '2026-10-29', true],
    ['2026-12-31', '2027-01-01', true],
  ])('R30–R32: due %s, received %s → late %s', (dueOn, receivedOn, late) => {
    expect(isLate(dueOn, receivedOn)).toBe(late);
  });

  it.each([
    ['2026-11-10', '2026-11-25'],
    ['2026-11-25', '2026-11-25'],
    ['2026-11-26', '2026-12-25'],
    ['2026-12-31', '2027-01-25'],
  ])('R30: manager change effective %s → due %s (policy due day 25)', (effectiveOn, due) => {
    expect(managerChangeDueDateFor(effectiveOn, POLICY_V1)).toBe(due);
  });

  it('R30: the due day comes from the policy', () => {
    const policy: Policy = { ...POLICY_V1, reporting: { ...POLICY_V1.reporting, managerChangeDueDay: 20 } };
    expect(managerChangeDueDateFor('2026-11-22', policy)).toBe('2026-12-20');
    expect(managerChangeDueDateFor('2026-11-22', POLICY_V1)).toBe('2026-11-25');
  });
});

describe('R27 fluctuation', () => {
  type Case = [string, number | null, number | null, boolean, number | null, string | null];
  it.each<Case>([
    ['+30% exactly is not more than 30%', 13_000, 10_000, false, 30, null],
    ['+30.01% is flagged', 13_001, 10_000, true, 30, 'rise'],
    ['−30% exactly is not flagged', 7_000, 10_000, false, -30, null],
    ['−31% is flagged', 6_900, 10_000, true, -31, 'fall'],
    ['−30.01% is flagged', 6_999, 10_000, true, -30, 'fall'],
    ['+10% is within the limit', 11_000, 10_000, false, 10, null],
    ['no change', 10_000, 10_000, false, 0, null],
    ['+200%', 30_000, 10_000, true, 200, 'rise'],
    ['one decimal, half away from zero', 10_005, 30_000, true, -66.7, 'fall'],
    ['new: nothing last month (0)', 5_000, 0, true, null, 'new'],
    ['new: nothing last month (null)', 5_000, null, true, null, 'new'],
    ['stopped: nothing this month (0)', 0, 10_000, true, -100, 'stopped'],
    ['stopped: nothing this month (null)', null, 10_000, true, -100, 'stopped'],
    ['both empty (null)', null, null, false, null, null],
    ['both zero', 0, 0, false, null, null],
    ['zero and null', 0, null, false, null, null],
    ['a reversal after an empty month', -500, null, true, null, 'fall'],
    ['into a negative month', -5_000, 10_000, true, -150, 'fall'],
    ['from a negative month to nothing', 0, -10_000, true, 100, 'rise'],
  ])('R27: %s (this %s, last %s) → flagged %s, %s%, %s', (_, thisMonth, lastMonth, flagged, changePercent, reason) => {
    expect(fluctuation({ thisMonth, lastMonth }, POLICY_V1)).toEqual({ flagged, changePercent, reason });
  });

  it.each<[number | null, number | null, number | null, string]>([
    [13_001, 10_000, 30, 'rise'],
    [5_000, 0, null, 'new'],
    [0, 10_000, -100, 'stopped'],
  ])(
    'R27: one-off (一次性) this %s, last %s → not flagged, movement kept',
    (thisMonth, lastMonth, changePercent, reason) => {
      expect(fluctuation({ thisMonth, lastMonth, oneOff: true }, POLICY_V1)).toEqual({
        flagged: false,
        changePercent,
        reason,
      });
    },
  );

  it('R27: the percentage comes from the policy', () => {
    const fifty: Policy = { ...POLICY_V1, fluctuationPercent: 50 };
    expect(fluctuation({ thisMonth: 14_000, lastMonth: 10_000 }, POLICY_V1).flagged).toBe(true);
    expect(fluctuation({ thisMonth: 14_000, lastMonth: 10_000 }, fifty).flagged).toBe(false);
    expect(fluctuation({ thisMonth: 15_000, lastMonth: 10_000 }, fifty).flagged).toBe(false);
    expect(fluctuation({ thisMonth: 15_001, lastMonth: 10_000 }, fifty)).toEqual({
      flagged: true,
      changePercent: 50,
      reason: 'rise',
    });
    // new and stopped are flagged whatever the percentage
    const thousand: Policy = { ...POLICY_V1, fluctuationPercent: 1000 };
    expect(fluctuation({ thisMonth: 0, lastMonth: 10_000 }, thousand).reason).toBe('stopped');
    expect(fluctuation({ thisMonth: 0, lastMonth: 10_000 }, thousand).flagged).toBe(true);
  });

  it('R27: exact for amounts near the safe-integer limit', () => {
    const last = 3_000_000_000_000_000; // ¥30 trillion: × 100 would overflow a double's exact range
    const exactly = last + (last / 100) * 30;
    expect(fluctuation({ thisMonth: exactly, lastMonth: last }, POLICY_V1).flagged).toBe(false);
    expect(fluctuation({ thisMonth: exactly + 1, lastMonth: last }, POLICY_V1).flagged).toBe(true);
  });

  it.each([1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('R27: refuses %s fen', (amount) => {
    expect(() => fluctuation({ thisMonth: amount, lastMonth: 100 }, POLICY_V1)).toThrow(RangeError);
  });
});
