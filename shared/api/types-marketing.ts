/** Results of the development and marketing-log channels (R21–R22). */
import type { RevenueLine } from '../domain/lines';
import type { DevelopmentStage, DevelopmentStatus, LogMethod } from '../domain/marketing/development';
import type { Tier } from '../domain/tiers';

export interface DevelopmentMoveView {
  stage: DevelopmentStage | 'lost';
  on: string;
  /** R22 diamond: the reason kept when the stage it left had no log entry. */
  overrideReason: string | null;
  recordedBy: string;
}

export interface DevelopmentView {
  id: number;
  customerId: string;
  customerName: string;
  /** The tier in force today (R22's rules follow it). */
  tier: Tier | null;
  unit: string;
  line: RevenueLine;
  title: string | null;
  stage: DevelopmentStage;
  status: DevelopmentStatus;
  expectedRevenueFen: number | null;
  expectedOn: string | null;
  openedOn: string;
  closedOn: string | null;
  lostReason: string | null;
  managerId: number | null;
  managerName: string | null;
  moves: DevelopmentMoveView[];
  /** Log entries per stage. */
  entries: Partial<Record<DevelopmentStage, number>>;
  lastActivity: string;
  /** The day it became stuck (no entry or move for the tier's days), when it is. */
  stuckSince: string | null;
}

/** What a move did besides moving: a win's agreement date and lead change (R19c, R5, R20). */
export interface DevelopmentMoveResult {
  development: DevelopmentView;
  /** Set when the win recorded the customer's first agreement (customers.agreement_since). */
  agreementSince: string | null;
  /** R20: the lead moved from A to B on the win; false with the reason when it could not. */
  leadToB: { moved: true } | { moved: false; reason: { zh: string; en: string } } | null;
}

export interface MarketingLogView {
  id: number;
  customerId: string;
  customerName: string;
  developmentId: number | null;
  date: string;
  stage: DevelopmentStage | null;
  method: LogMethod;
  content: string;
  ourParticipants: string | null;
  theirParticipants: string | null;
  needs: string | null;
  cooperation: string | null;
  satisfaction: number | null;
  summary: boolean;
  unit: string;
  unitName: string;
  managerId: number | null;
  managerName: string | null;
  importBatchId: number | null;
  recordedBy: string;
}
