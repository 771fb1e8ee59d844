/**
 * R0: every number the rules use lives in one versioned policy document. This is the part the
 * organisation and reporting rules need; the rule-engine issue adds qualification, scoring and
 * duties to the same document.
 */
import type { UnitKind } from '../organisation';

export interface Policy {
  version: number;
  label: string;
  /** ISO date from which this version applies. */
  effectiveFrom: string;
  organisation: {
    /** R4: minimum account managers by unit kind; a unit may carry its own figure (南澳: 1). */
    minAccountManagers: Record<UnitKind, number>;
  };
  reporting: {
    /** R30: manager changes reach the centre by this day of the month. */
    managerChangeDueDay: number;
    /** R31: units send statistics and analysis by this day. */
    unitReportDueDay: number;
    /** R32: the centre sends the city roll-up by this day of the next month. */
    centreReportDueDay: number;
  };
}

export const POLICY_V1: Policy = {
  version: 1,
  label: '汕头市局大客户营销管理实施方案（种子版）',
  effectiveFrom: '2026-01-01',
  organisation: {
    minAccountManagers: { province: 0, centre: 5, county: 3, professional: 2, branch: 0 },
  },
  reporting: { managerChangeDueDay: 25, unitReportDueDay: 28, centreReportDueDay: 5 },
};
