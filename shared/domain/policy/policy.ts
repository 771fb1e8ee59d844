/**
 * R0: every threshold, band, weight, cadence, deadline and mapping of R1–R34 lives in one
 * versioned policy document with an effective date. Rule functions take the policy as an
 * argument; results record the version they used. Money is integer fen; shares are parts per
 * million (3‰ = 3000 ppm) so every comparison is exact.
 */
import type { ProductLine } from '../lines';
import type { UnitKind } from '../organisation';
import type { Scope, Tier } from '../tiers';

/** A lower-inclusive band: values ≥ `min` score `score` (R9 in fen, R10 in ppm). */
export interface Band {
  min: number;
  score: number;
}

export interface Threshold {
  /** Last calendar year (or rolling 12 months), in fen. */
  lastYearMin: number;
  /** This month, in fen. */
  thisMonthMin: number;
}

/** R15: who is responsible, resolved against the unit tree by the backend. */
export const RESPONSIBLE_ROLES = [
  'province_centre',
  'city_centre',
  'home_county_centre',
  'main_line_bureau',
  'home_unit',
] as const;
export type ResponsibleRole = (typeof RESPONSIBLE_ROLES)[number];

/**
 * R29: one approval step of a tariff discount — who signs (a role with its label in both
 * languages) and when the step is needed: always, or when any of its conditions holds. A condition
 * holds when every field it sets does (depth in basis points of the standard rate, 1% = 100 bp;
 * the customer's tier in force; the expected monthly revenue at the proposed rate, in fen).
 */
export interface DiscountCondition {
  minDepthBp?: number;
  tiers?: Tier[];
  minMonthlyRevenue?: number;
}
export interface DiscountStep {
  role: string;
  zh: string;
  en: string;
  always: boolean;
  anyOf: DiscountCondition[];
}

/** R18: calendar-aligned update periods. */
export const CADENCES = ['half_month', 'month', 'quarter', 'half_year'] as const;
export type Cadence = (typeof CADENCES)[number];

/** R34: the parts of a manager's or unit's monthly score. */
export const SCORECARD_PARTS = ['revenue', 'newCustomers', 'visits', 'logs', 'archives', 'complaints'] as const;
export type ScorecardPart = (typeof SCORECARD_PARTS)[number];
export type ScorecardWeights = Record<ScorecardPart, number>;

export interface Policy {
  version: number;
  label: string;
  /** ISO date from which this version applies. */
  effectiveFrom: string;
  qualification: {
    /** R6: comprehensive — all lines together. */
    comprehensive: Threshold;
    /** R7: professional — per line; newspapers compare turnover (R8). */
    professional: Record<ProductLine, Threshold>;
  };
  scoring: {
    /** R9: on annual revenue (fen), highest band first. */
    revenueBands: Band[];
    revenueBelowScore: number;
    /** R10: on annual revenue ÷ the bureau's annual revenue, in ppm, highest band first. */
    shareBands: Band[];
    shareBelowScore: number;
    /** R11: percentages summing to 100; credit stays 0 until the province enables it. */
    weights: { revenue: number; share: number; credit: number };
  };
  /** R12: minimum total score of each tier above general (lower inclusive). */
  tiers: { diamond: number; gold: number; silver: number };
  scope: {
    /** R14: a line with at least this share of revenue makes a customer professional. */
    dominantLinePercent: number;
  };
  /** R15: responsible unit by tier and scope. */
  responsibility: Record<Tier, Record<Scope, ResponsibleRole>>;
  /** R18: archive update cadence by tier. */
  archiveCadence: Record<Tier, Cadence>;
  visits: {
    /** R23: leader-led visits per year for every key customer. */
    leaderPerYear: { min: number; max: number };
    /** R23: account-manager visits or contacts per month. */
    monthly: Record<Scope, Record<Tier, number>>;
    /** R23: diamonds the province approved (R13) get this many a month whatever their scope. */
    provinceDiamondMonthly: number;
  };
  /** R20: tiers that need an A and a B manager. */
  abRoleTiers: Tier[];
  marketing: {
    /** R21–R22 [inferred]: an open development with no entry or stage move for this many days is stuck. */
    stuckDays: Record<Tier, number>;
  };
  /** R34 [inferred]: the scorecard's weights in percent, summing to 100. */
  scorecard: { weights: ScorecardWeights };
  /** R27: month-on-month change (percent) beyond which a key customer needs a written reason. */
  fluctuationPercent: number;
  /** R19: a registration lapses after this many months without agreement or revenue. */
  registrationLapseMonths: number;
  /** R19c: an unconfirmed registration warns this many days before its period ends. */
  registrationWarningDays: number;
  /** R19c: a released customer's previous owner may not register it again within this many days. */
  reregistrationBarDays: number;
  discounts: {
    /** R29: the approval chain in signing order; a request needs the steps whose condition it meets. */
    steps: DiscountStep[];
    /** R29: calendar days each step has to be decided in (the work list's due date). */
    stepDays: number;
    /** R29: an approved discount shows on the work list this many days before it ends. */
    expiringWarningDays: number;
    /** R29: the longest validity a request may ask for, in months. */
    maxValidityMonths: number;
  };
  reports: {
    /** R25: 附件6-2 lists this tier and above, or the unit's top N. */
    keyCustomerMinTier: Tier;
    keyCustomerTopN: number;
    /** R26: 附件7 lists customers averaging at least this a month (fen), or the city's top N. */
    provinceMonthlyAverageMin: number;
    provinceTopN: number;
  };
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

const YUAN = 100;
const threshold = (lastYearYuan: number, thisMonthYuan: number): Threshold => ({
  lastYearMin: lastYearYuan * YUAN,
  thisMonthMin: thisMonthYuan * YUAN,
});

/** The seed document's values (DOMAIN.md), version 1. [inferred] values are marked there. */
export const POLICY_V1: Policy = {
  version: 1,
  label: '汕头市局大客户营销管理实施方案（种子版）',
  effectiveFrom: '2026-01-01',
  qualification: {
    comprehensive: threshold(10_000, 1_000),
    professional: {
      savings: threshold(20_000, 2_000),
      bills: threshold(50_000, 5_000),
      letters: threshold(12_000, 1_000),
      philately: threshold(40_000, 3_500),
      express: threshold(20_000, 2_000),
      logistics: threshold(50_000, 5_000),
      parcels: threshold(10_000, 1_000),
      newspapers: threshold(20_000, 2_000),
    },
  },
  scoring: {
    revenueBands: [
      { min: 1_500_000 * YUAN, score: 100 },
      { min: 1_000_000 * YUAN, score: 90 },
      { min: 500_000 * YUAN, score: 80 },
      { min: 300_000 * YUAN, score: 70 },
      { min: 100_000 * YUAN, score: 60 },
    ],
    revenueBelowScore: 0,
    shareBands: [
      { min: 3000, score: 100 },
      { min: 1000, score: 80 },
      { min: 500, score: 60 },
      { min: 100, score: 40 },
    ],
    shareBelowScore: 0,
    weights: { revenue: 60, share: 40, credit: 0 },
  },
  tiers: { diamond: 90, gold: 75, silver: 65 },
  scope: { dominantLinePercent: 80 },
  responsibility: {
    diamond: { regional: 'city_centre', comprehensive: 'province_centre', professional: 'province_centre' },
    gold: { regional: 'home_county_centre', comprehensive: 'city_centre', professional: 'main_line_bureau' },
    silver: { regional: 'home_county_centre', comprehensive: 'home_county_centre', professional: 'main_line_bureau' },
    general: { regional: 'home_unit', comprehensive: 'home_unit', professional: 'home_unit' },
  },
  archiveCadence: { diamond: 'half_month', gold: 'month', silver: 'quarter', general: 'half_year' },
  visits: {
    leaderPerYear: { min: 1, max: 2 },
    monthly: {
      // Regional silver is not named by the seed: like every other silver (DOMAIN.md R23).
      regional: { diamond: 2, gold: 1, silver: 1, general: 0 },
      comprehensive: { diamond: 2, gold: 2, silver: 1, general: 0 },
      professional: { diamond: 2, gold: 2, silver: 1, general: 0 },
    },
    provinceDiamondMonthly: 2,
  },
  abRoleTiers: ['diamond', 'gold', 'silver'],
  marketing: { stuckDays: { diamond: 15, gold: 30, silver: 30, general: 60 } },
  scorecard: { weights: { revenue: 40, newCustomers: 15, visits: 15, logs: 10, archives: 10, complaints: 10 } },
  fluctuationPercent: 30,
  registrationLapseMonths: 6,
  registrationWarningDays: 30,
  reregistrationBarDays: 90,
  // R29 [inferred]: the seed names no figures (DOMAIN-DECISIONS "Discounts (R29)").
  discounts: {
    steps: [
      { role: 'unit_head', zh: '单位负责人', en: 'Head of the unit', always: true, anyOf: [] },
      {
        role: 'city_centre',
        zh: '市局大客户中心',
        en: 'City key-account centre',
        always: false,
        anyOf: [{ minDepthBp: 1000 }, { tiers: ['diamond', 'gold'] }, { minMonthlyRevenue: 10_000 * YUAN }],
      },
      {
        role: 'bureau_leader',
        zh: '分管局领导',
        en: 'Bureau leader in charge',
        always: false,
        anyOf: [{ minDepthBp: 2000 }, { minMonthlyRevenue: 50_000 * YUAN }],
      },
      {
        role: 'province',
        zh: '省公司',
        en: 'Provincial company',
        always: false,
        anyOf: [{ minDepthBp: 3000 }, { tiers: ['diamond'] }],
      },
    ],
    stepDays: 5,
    expiringWarningDays: 30,
    maxValidityMonths: 12,
  },
  reports: {
    keyCustomerMinTier: 'silver',
    keyCustomerTopN: 10,
    provinceMonthlyAverageMin: 25_000 * YUAN,
    provinceTopN: 10,
  },
  organisation: {
    minAccountManagers: { province: 0, centre: 5, county: 3, professional: 2, branch: 0 },
  },
  reporting: { managerChangeDueDay: 25, unitReportDueDay: 28, centreReportDueDay: 5 },
};
