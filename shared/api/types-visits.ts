/** Results of the visit channels (拜访, R23). */
import type { Scope, Tier } from '../domain/tiers';

export type VisitStatus = 'planned' | 'held' | 'not_held';

export interface VisitView {
  id: number;
  customerId: string;
  customerName: string;
  date: string;
  kind: 'manager' | 'leader';
  status: VisitStatus;
  managerId: number | null;
  managerName: string | null;
  purpose: string | null;
  participants: string | null;
  outcome: string | null;
  reason: string | null;
  recordedBy: string;
}

/** One key customer's R23 obligation for a month: manager visits or contacts required and held. */
export interface VisitObligationView {
  customerId: string;
  customerName: string;
  unit: string;
  tier: Tier;
  scope: Scope;
  required: number;
  held: number;
  short: number;
}

/** A manager holding the customer's A or B role (R20) on the day the obligation is read. */
export interface VisitManagerRef {
  id: number;
  name: string;
  role: 'A' | 'B';
}

/** The obligation with who answers for it: the responsible unit (R15) and the A/B managers (R20). */
export interface VisitObligationRow extends VisitObligationView {
  unitName: string;
  responsibleUnit: string;
  responsibleUnitName: string;
  managers: VisitManagerRef[];
}

/** One customer behind a completion group: required, held (capped at required) and raw held. */
export interface VisitCompletionCustomer {
  customerId: string;
  customerName: string;
  required: number;
  /** Held visits counted: each month's held capped at that month's requirement (R23). */
  counted: number;
  /** Held visits as recorded, uncapped. */
  held: number;
}

export interface VisitCompletionGroup {
  /** Manager id, unit code or tier; '' for "no A/B manager". */
  key: string;
  label: string;
  required: number;
  counted: number;
  /** counted ÷ required, 0–1; null when nothing is required. */
  rate: number | null;
  customers: VisitCompletionCustomer[];
}

export interface VisitCompletionView {
  period: string;
  span: 'month' | 'ytd';
  /** First and last month counted. */
  from: string;
  to: string;
  total: { required: number; counted: number; rate: number | null; customers: number };
  byManager: VisitCompletionGroup[];
  byUnit: VisitCompletionGroup[];
  byTier: VisitCompletionGroup[];
}

/** One key customer's leader-led visits in a year (R23: 1–2 a year, policy visits.leaderPerYear). */
export interface LeaderVisitRow {
  customerId: string;
  customerName: string;
  unit: string;
  unitName: string;
  tier: Tier;
  /** Held leader-led visits dated in the year up to asOf. */
  held: number;
  /** Planned ones still ahead (dated after asOf or not yet recorded). */
  planned: number;
  lastHeldOn: string | null;
  min: number;
  max: number;
  /** held ≥ min. */
  met: boolean;
}

export interface LeaderCheckView {
  year: number;
  asOf: string;
  min: number;
  max: number;
  rows: LeaderVisitRow[];
}
