/** Results of the scorecard channels (R34). DOMAIN-DECISIONS "Staff scorecards (R34)". */
import type { ScorecardPart, ScorecardWeights } from '../domain/policy/policy';
import type { PartScores, ScorecardFigures } from '../domain/scorecards/score';

export interface ScorecardRow {
  /** A manager's number, or null for a unit's row. */
  managerId: number | null;
  name: string;
  unit: string;
  unitName: string;
  customers: number;
  figures: ScorecardFigures;
  scores: PartScores;
  total: number | null;
  rank: number | null;
}

export interface ScorecardsView {
  period: string;
  policyVersion: number;
  weights: ScorecardWeights;
  managers: ScorecardRow[];
  units: ScorecardRow[];
}

/** One record behind a scorecard number: the customer (or complaint) and what it counted as. */
export interface ScorecardRecord {
  customerId: string;
  customerName: string;
  /** The complaint's number for the complaints part. */
  complaintId?: number;
  /** The figure it adds (revenue in fen, visits held of required, …), as text for the table. */
  detail: string;
  /** Whether it counts for the score (held, kept, on time, in time); null for revenue. */
  ok: boolean | null;
  amountFen?: number;
}

export interface ScorecardRecordsView {
  part: ScorecardPart;
  subject: string;
  records: ScorecardRecord[];
}

export interface ScorecardExportView {
  period: string;
  fileName: string;
  size: number;
  /** Where it was written, when a path was given. */
  path: string | null;
  /** The workbook (base64) when no path was given: the renderer saves it itself. */
  base64: string | null;
}

export interface ScorecardTargetView {
  managerId: number;
  managerName: string;
  unit: string;
  unitName: string;
  year: number;
  revenueTargetFen: number | null;
}
