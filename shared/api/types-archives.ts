/**
 * Results of the archives (R17–R18), customer managers (R20), project teams and 客户经理变动
 * batches (R30) channels. Kept apart from types.ts so the features' types read together.
 */

import type { Completeness } from '../domain/archive/completeness';
import type { ArchiveChange } from '../domain/archive/document';
import type { ArchiveDocument } from '../domain/archive/fields';
import type { ArchiveKeeperRole } from '../domain/archive/keeper';
import type { ImportIssue } from '../domain/imports/revenue-sheet';
import type { ManagerChangeSheetKind } from '../domain/managers/change-sheet';
import type { Cadence } from '../domain/policy/policy';
import type { Scope, Tier } from '../domain/tiers';

export interface ArchiveDueView {
  tier: Tier | null;
  scope: Scope | null;
  cadence: Cadence | null;
  tierSince: string | null;
  lastUpdatedOn: string | null;
  dueOn: string | null;
  overdue: boolean;
  daysOverdue: number;
}

export interface ArchiveKeeperView {
  role: ArchiveKeeperRole;
  unitId: number | null;
  unitName: string | null;
}

export interface ArchiveView {
  customerId: string;
  customerName: string;
  /** The revision shown; null when the archive was never saved. */
  revision: number | null;
  latestRevision: number | null;
  updatedOn: string | null;
  recordedAt: string | null;
  recordedBy: string | null;
  verifiedOnly: boolean;
  note: string | null;
  /** Key persons and other personal fields masked unless `personalShown` (R17). */
  document: ArchiveDocument;
  personalShown: boolean;
  /** Today's date the due date was judged on. */
  asOf: string;
  due: ArchiveDueView;
  completeness: Completeness;
  keeper: ArchiveKeeperView | null;
}

export interface ArchiveRevisionSummary {
  revision: number;
  updatedOn: string;
  recordedAt: string;
  recordedBy: string;
  verifiedOnly: boolean;
  changed: string[];
  note: string | null;
}

export interface ArchiveDiffView {
  customerId: string;
  from: number;
  to: number;
  /** Personal values masked (R17). */
  changes: ArchiveChange[];
}

export interface ArchiveDutyRow {
  customerId: string;
  customerName: string;
  tier: Tier;
  tierSince: string;
  lastUpdatedOn: string | null;
  revision: number | null;
  dueOn: string;
  overdue: boolean;
  daysOverdue: number;
}

export interface ArchiveViewRecord {
  id: number;
  customerId: string;
  revision: number | null;
  viewedAt: string;
  viewedBy: string;
  purpose: string;
}

export type CustomerManagerRole = 'A' | 'B' | 'responsible';

export interface CustomerManagerRow {
  id: number;
  role: CustomerManagerRole;
  managerId: number;
  managerName: string;
  unitId: number;
  unitName: string;
  fromOn: string;
  toOn: string | null;
  endedReason: string | null;
}

export interface TeamMemberView {
  id: number;
  customerId: string;
  unitId: number;
  unitName: string;
  managerId: number | null;
  managerName: string | null;
  purpose: string;
  source: 'project' | 'application';
  fromOn: string;
  toOn: string | null;
}

export interface AssignmentsView {
  customerId: string;
  customerName: string;
  asOf: string;
  tier: Tier | null;
  /** Holders on `asOf`. */
  current: CustomerManagerRow[];
  /** Every row, newest first (ended rows kept). */
  history: CustomerManagerRow[];
  /** R20: A leads while developing, B once won; null: no lead recorded (A by default). */
  lead: { role: 'A' | 'B'; fromOn: string; reason: string } | null;
  /** R20 problems for the work list (missing A/B for silver+, a gold customer without 专人…). */
  problems: string[];
  team: TeamMemberView[];
}

export interface AssignmentProblemRow {
  customerId: string;
  customerName: string;
  tier: Tier;
  problems: string[];
}

export interface ReassignView {
  fromManagerId: number;
  toManagerId: number;
  on: string;
  /** Customer roles moved (A, B, 专人) and team memberships moved. */
  roles: number;
  teamMembers: number;
  customers: string[];
}

export interface ManagerChangeRowView {
  sheet: string;
  row: number;
  kind: ManagerChangeSheetKind;
  unitName: string;
  name: string;
  effectiveOn: string;
  dueOn: string;
  late: boolean;
  summary: string;
}

export interface ManagerChangePreview {
  token: string;
  fileName: string;
  sheet: string | null;
  asOf: string;
  counts: { ready: number; errorRows: number; errors: number; warnings: number; late: number };
  issues: ImportIssue[];
  rows: ManagerChangeRowView[];
}

export interface ManagerChangeBatchView {
  id: number;
  fileName: string;
  items: number;
  late: number;
  committedAt: string;
  committedBy: string;
  undoneAt: string | null;
  /** The unit's template import this batch came in (undone with it), or null for a file of its own. */
  importBatchId: number | null;
}

export interface ManagerChangeUndoView {
  batchId: number;
  canUndo: boolean;
  reason: string | null;
}

export interface LateManagerChangeRow {
  id: number;
  managerId: number;
  managerName: string;
  kind: string;
  effectiveOn: string;
  dueOn: string;
  recordedAt: string;
  summary: string;
}
