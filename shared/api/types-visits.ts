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
