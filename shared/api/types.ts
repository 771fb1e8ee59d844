/** Result types of the API. Plain JSON: they cross IPC, the CLI and the test bridge. */

import type { ExplanationStep } from '../domain/evaluation';
import type { TierBasis, TierSource } from '../domain/exports/figures';
import type { ExportForm } from '../domain/exports/forms';
import type { ProductLine, RevenueLine } from '../domain/lines';
import type { Employment, ManagerPost, Staffing, UnitKind } from '../domain/organisation';
import type { Policy } from '../domain/policy/policy';
import type { ReportDocument, ReportTexts } from '../domain/report/document';
import type { ReportCustomer, ReportFacts } from '../domain/report/facts';
import type { CustomerMention } from '../domain/report/mention';
import type { SubmissionForm } from '../domain/submissions/tracker';
import type { Scope, Tier } from '../domain/tiers';
import type { TimelineKind } from '../domain/timeline';
import type { WorkItem, WorkItemKind } from '../domain/worklist';

export interface AppInfo {
  version: string;
  databasePath: string;
  schemaVersion: number;
  today: string;
  policyVersion: number;
}

export interface AreaCode {
  code: string;
  name: string;
  urban: boolean;
  customerCount: number;
}

export interface Unit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
  areaCode: string | null;
  minManagers: number;
  retiredOn: string | null;
  createdAt: string;
}

/**
 * A unit with its R4 staffing: account managers in post against its minimum (a gap below it), or
 * for the city centre its establishment against who is in post (never a gap); and the product
 * lines it owns in the R15 line → bureau table.
 */
export interface UnitView extends Unit {
  parentName: string | null;
  accountManagers: number;
  staffingGap: number;
  staffing: Staffing;
  lines: ProductLine[];
  customerCount: number;
}

/** R15: one row of the line → professional bureau table; no unit when the line has no bureau. */
export interface LineBureauView {
  line: ProductLine;
  unitId: number | null;
  unitName: string | null;
  updatedAt: string | null;
}

export interface Manager {
  id: number;
  name: string;
  unitId: number;
  unitName: string;
  post: ManagerPost;
  employment: Employment;
  phone: string | null;
  active: boolean;
  startedOn: string;
  leftOn: string | null;
}

export type ManagerChangeKind = 'register' | 'edit' | 'move' | 'leave';

export interface ManagerChange {
  id: number;
  managerId: number;
  managerName: string;
  kind: ManagerChangeKind;
  effectiveOn: string;
  recordedAt: string;
  dueOn: string;
  /** R30: recorded after its due date (the 25th). */
  late: boolean;
  fromUnitName: string | null;
  toUnitName: string | null;
  summary: string;
}

export interface CustomerRef {
  id: string;
  name: string;
}

/** A manager of the unit that looks after a customer (shown on the customer's row and page). */
export interface CustomerManagerRef {
  id: number;
  name: string;
  post: ManagerPost;
}

/**
 * The customer as the hub: the grading in force this month and who looks after it. The tier is
 * the one tiering/in-force.ts answers for every reader (the latest annual run of an earlier year,
 * R13 approvals and overrides first); scope (R14) and the responsible unit (R15) are that run's.
 */
export interface CustomerStanding {
  /** The tier in force; null when the run did not make it a key customer, or no run exists. */
  tier: Tier | null;
  /** What the run computed, shown beside the tier when an R13 record changed it. */
  computedTier: Tier | null;
  /** Where the tier comes from; null with no tier. */
  tierSource: TierSource | null;
  /** R14 scope from the run; null when the run did not grade the customer, or no run exists. */
  scope: Scope | null;
  /** R9–R12 total score of the run in force (e.g. 78 or 78.5); null when the run did not grade the customer. */
  score: number | null;
  /** The annual run in force for this month; null when no run exists yet (未分级). */
  tierBasis: TierBasis | null;
  /** R15 responsible unit from the run; null without one (then the customer's own unit looks after it). */
  responsibleUnit: { id: number; name: string } | null;
  /** Managers in post at the responsible unit (or, without one, the customer's own unit). */
  managers: CustomerManagerRef[];
}

export interface CustomerRow extends CustomerStanding {
  id: string;
  name: string;
  shortName: string | null;
  unitId: number;
  unit: string;
  areaCode: string;
  industry: string | null;
  parentId: string | null;
  parentName: string | null;
  branchCount: number;
  /**
   * Why the row matched a search (null without one): the ID prefix, the name, or a field the list
   * does not show (short name, pinyin initials, credit code), which the row then names.
   */
  matchedOn: CustomerMatch | null;
}

export type CustomerMatch = 'id' | 'name' | 'shortName' | 'pinyin' | 'creditCode';

/** 客户名单导入: what a preview found (nothing written yet). */
export interface CustomerImportPreview {
  token: string;
  fileName: string;
  /** The sheet read; null when no sheet had the header. */
  sheet: string | null;
  counts: { ready: number; errorRows: number; errors: number; warnings: number };
  /** Errors first, then warnings, each naming sheet, row and column. */
  issues: {
    sheet: string;
    row: number | null;
    column: string | null;
    message: string;
    /** English, for the interface in English; absent → `message`. */
    messageEn?: string;
    severity: 'error' | 'warning';
  }[];
  /** The first rows that would be imported. */
  rows: CustomerImportRowView[];
}

export interface CustomerImportRowView {
  sheet: string;
  row: number;
  name: string;
  creditCode: string | null;
  areaCode: string;
  unitName: string;
  /** A warning names this row (e.g. a customer of the same name exists). */
  warning: boolean;
}

export interface CustomerImportBatchView {
  id: number;
  fileName: string;
  customers: number;
  committedAt: string;
  committedBy: string;
  undoneAt: string | null;
}

export interface CustomerImportUndoView {
  batchId: number;
  canUndo: boolean;
  customers: number;
  /** What refers to the batch's customers, by kind (收入, 分级结果…), with a few customer IDs. */
  blockers: { what: string; customers: number; examples: string[] }[];
  reason: string | null;
}

export interface CustomerPage {
  total: number;
  offset: number;
  rows: CustomerRow[];
}

export interface Customer {
  id: string;
  name: string;
  shortName: string | null;
  areaCode: string;
  unitId: number;
  industry: string | null;
  creditCode: string | null;
  address: string | null;
  parentId: string | null;
  pinyinInitials: string;
  /** R5: date a business agreement was signed, if any. */
  agreementSince: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerDetail extends Customer, CustomerStanding {
  unit: string;
  areaName: string | null;
  idParts: { areaCode: string; areaName: string | null; sequence: string; branch: string };
  parent: CustomerRef | null;
  branches: CustomerRef[];
}

/** `details` of a DUPLICATE_CUSTOMER error (R19). */
export interface DuplicateCustomerDetails {
  /** `creditCode`: the same legal entity, refused. `name`: same normalised name, may be confirmed. */
  reason: 'creditCode' | 'name';
  existing: CustomerRef;
  all?: CustomerRef[];
}

export interface DuplicateCheck {
  byCreditCode: CustomerRef | null;
  byName: CustomerRef[];
}

// ── Rule engine (R0–R15) ─────────────────────────────────────────────────────────────────

export type SourceKind = 'manual' | 'import' | 'form';

export interface RevenueCellView {
  customerId: string;
  period: string;
  line: RevenueLine;
  /** Fen; null when not reported. */
  amount: number | null;
  sourceKind: SourceKind | null;
  sourceRef: string | null;
  updatedAt: string | null;
}

export interface NewspaperInputsView {
  annualTurnover: number;
  rateBasisPoints: number;
  other: number;
  revenue: number;
}

export interface RevenueMonthView {
  period: string;
  /** By line; absent lines were not reported. */
  cells: Partial<Record<RevenueLine, RevenueCellView>>;
  total: number;
  newspaper: NewspaperInputsView | null;
}

/** Where one revenue figure came from (the customer page's 来源). */
export interface RevenueSourceView {
  customerId: string;
  period: string;
  line: string;
  /** Fen; null: no figure stored. */
  amount: number | null;
  kind: 'manual' | 'import' | 'form' | null;
  updatedAt: string | null;
  /** The import batch that wrote it; sheet/row/column are null for batches older than their recording. */
  batch: {
    id: number;
    fileName: string;
    form: string;
    unitName: string | null;
    committedAt: string;
    committedBy: string;
    undoneAt: string | null;
    sheet: string | null;
    row: number | null;
    column: string | null;
  } | null;
  /** Typed by hand: who (from the audit log; null before the log named operators) and when. */
  typed: { by: string | null; at: string } | null;
}

export interface CustomerRevenue {
  customerId: string;
  year: number;
  months: RevenueMonthView[];
  total: number;
}

/** The centre's manual key-customer decision (R5–R8), for customers without last year's figures. */
export interface QualificationDecision {
  customerId: string;
  qualified: boolean;
  reason: string;
  approver: string;
  decidedOn: string;
  recordedAt: string;
}

export interface BureauRevenue {
  year: number;
  /** Fen. */
  amount: number;
  enteredAt: string;
}

/** R10: a replaced bureau revenue figure (fen), who replaced it and when. */
export interface BureauRevenueChange {
  id: number;
  year: number;
  oldAmount: number;
  newAmount: number;
  changedAt: string;
  actor: string;
}

export type TierOrNone = Tier | 'none';

export interface TierRunSummary {
  id: number;
  kind: 'annual' | 'monthly';
  /** YYYY or YYYY-MM. */
  key: string;
  windowFrom: string;
  windowTo: string;
  policyVersion: number;
  bureauYear: number;
  bureauRevenue: number;
  customers: number;
  qualified: number;
  createdAt: string;
  /** Key customers by tier × scope. */
  counts: Record<Tier, Record<Scope, number>>;
  /**
   * Previous tier → this tier ('none' = not a key customer); null when there were no tiers in
   * force to compare with (无上期可比).
   */
  transitions: Record<TierOrNone, Record<TierOrNone, number>> | null;
  /** The annual run whose tiers were in force for this run's time; null: 无上期可比. */
  comparedWith: { runId: number; kind: 'annual' | 'monthly'; key: string } | null;
  /** R10: the bureau's figure for bureauYear has changed since this run (按旧的全局收入计算). */
  bureauStale: boolean;
  /** The bureau's figure for bureauYear now (fen); null when none is entered. */
  bureauRevenueNow: number | null;
  /** Annual runs: this run is the one in force for its year (exports and customer pages use it). */
  inForce: boolean;
  /** Annual runs of this run's year (1 for a single run; 0 for previews). */
  sameYearRuns: number;
}

export interface TierResultRow {
  customerId: string;
  name: string;
  unit: string;
  qualified: boolean;
  clauses: string[];
  annualRevenue: number;
  thisMonthRevenue: number;
  revenueScore: number;
  shareScore: number;
  sharePpm: number;
  total: number;
  tier: Tier | null;
  scope: Scope;
  mainLine: ProductLine | null;
  responsibleUnit: string | null;
  previousTier: Tier | null;
  /** False when the run had no tiers in force to compare with (previousTier is then unknown, not 非大客户). */
  compared: boolean;
  /** R13: the province's approval or an override, shown beside the computed tier. */
  effectiveTier: Tier | null;
  effectiveSource: 'computed' | 'approval' | 'override';
}

export interface TierResultPage {
  total: number;
  offset: number;
  rows: TierResultRow[];
}

export interface ApprovalView {
  id: number;
  customerId: string;
  tier: Tier;
  approver: string;
  documentNo: string;
  reason: string;
  validFrom: string;
  validTo: string | null;
  createdAt: string;
  revokedAt: string | null;
}

export interface OverrideView {
  id: number;
  customerId: string;
  tier: Tier;
  approver: string;
  reason: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface TierExplanation {
  runId: number;
  policyVersion: number;
  row: TierResultRow;
  steps: ExplanationStep[];
  /** The figures the result was computed from (fen). */
  inputs: unknown;
  approval: ApprovalView | null;
  override: OverrideView | null;
}

export interface PolicyVersionInfo {
  version: number;
  label: string;
  effectiveFrom: string;
  createdAt: string;
  createdBy: string;
  /** In force today. */
  current: boolean;
}

export interface PolicyDocumentView {
  info: PolicyVersionInfo;
  document: Policy;
}

export interface PolicyValidation {
  ok: boolean;
  issues: FieldIssueView[];
}

export interface FieldIssueView {
  path: string;
  message: string;
  /** The same in English, for the interface in English. */
  messageEn?: string;
}

export interface WhatIfChange {
  customerId: string;
  name: string;
  from: TierOrNone;
  to: TierOrNone;
  totalBefore: number;
  totalAfter: number;
  explanationBefore: ExplanationStep[];
  explanationAfter: ExplanationStep[];
}

export interface WhatIfResult {
  basePolicyVersion: number;
  kind: 'annual' | 'monthly';
  key: string;
  customers: number;
  matrix: Record<TierOrNone, Record<TierOrNone, number>>;
  changedTotal: number;
  /** The first changes (by customer ID); `changedTotal` counts them all. */
  changed: WhatIfChange[];
}

// ── Imports (DOMAIN-DECISIONS "Imports") ─────────────────────────────────────────────────

export interface ImportIssueView {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
  /** English, for the interface in English; absent → `message`. */
  messageEn?: string;
  severity: 'error' | 'warning';
}

export interface ImportChangeView {
  sheet: string;
  row: number;
  customerId: string;
  customerName: string;
  period: string;
  line: RevenueLine;
  /** Fen; null = no value before. */
  old: number | null;
  new: number;
}

export interface ImportPreview {
  token: string;
  fileName: string;
  sha256: string;
  sheets: { name: string; used: boolean; rows: number }[];
  counts: {
    rows: number;
    new: number;
    changed: number;
    unchanged: number;
    blank: number;
    errors: number;
    warnings: number;
  };
  /** The first problems (all counted in `counts`). */
  issues: ImportIssueView[];
  /** The first new or changed cells. */
  changes: ImportChangeView[];
  /** The same file was committed before (and not undone). */
  earlierBatch: { id: number; fileName: string; committedAt: string } | null;
  /** What a template's metadata says it holds; null for a hand-made workbook. */
  template: ImportTemplateView | null;
  /** 新客户申报, 营销申报, 客户经理变动, 波动原因, 经营分析 sheets found in the file. */
  sections: ImportSectionView[];
}

export interface ImportTemplateView {
  form: string;
  version: number;
  unitCode: string;
  unitName: string;
  period: string;
  generatedAt: string;
}

export interface ImportSectionView {
  sheet: string;
  kind:
    | 'registrations'
    | 'applications'
    | 'managerChanges'
    | 'fluctuations'
    | 'analysis'
    | 'logs'
    | 'visits'
    | 'complaints'
    | 'discounts';
  /** Rows read; for 经营分析 (R31), the items written. */
  rows: number;
  problems: number;
  /**
   * Stored on commit (DOMAIN-DECISIONS "Template intake"): 波动原因 (R27) and 经营分析 (R31) with the
   * batch, 新客户申报 and 营销申报 (R19) into the centre's inbox, 客户经理变动 (R30) applied to the
   * register, 营销日志/拜访记录/投诉登记/资费优惠申请 (R22, R23, R33, R29) written through their
   * channels' checks. False for a sheet that could not be read.
   */
  stored: boolean;
}

export interface ImportBatchView {
  id: number;
  fileName: string;
  sha256: string;
  form: string;
  period: string | null;
  rows: number;
  created: number;
  changed: number;
  /** A figure equal to the one stored; blank rows are `blank`, never here (DOMAIN-DECISIONS "Imports", counts). */
  unchanged: number;
  /** Rows without a figure: not reported, nothing written. rows = created + changed + unchanged + blank. */
  blank: number;
  excluded: number;
  committedAt: string;
  committedBy: string;
  undoneAt: string | null;
  undoKept: number | null;
  /** The unit a template named (listing only); null for a workbook made by hand. */
  unitName: string | null;
}

/** A preview under way: its stage, and data rows checked of those in the file. */
export interface ImportProgressView {
  stage: 'read' | 'parse' | 'check' | 'compare';
  done: number;
  total: number;
}

/** What an undo would do (nothing written): the batch's cells, and those edited since the import. */
export interface ImportUndoCheckView {
  batchId: number;
  cells: number;
  kept: ImportUndoView['kept'];
  /** A template's 客户经理变动 applied with the batch (R30): undone with it, or blocking the undo. */
  managerChanges: { batchId: number; items: number; canUndo: boolean; reason: string | null } | null;
  /** The batch's 新客户申报/营销申报 rows: pending ones are withdrawn, filed ones stay (R19). */
  inbox: { pending: number; filed: number };
  /**
   * The batch's 营销日志, 拜访记录, 投诉登记 and 资费优惠申请 records, withdrawn with it — or why not
   * (a record the centre has acted on since); absent for a batch with none.
   */
  services?: {
    logs: number;
    visits: number;
    complaints: number;
    discounts: number;
    blocker: string | null;
    /** The same in English. */
    blockerEn: string | null;
  };
}

export interface ImportUndoView {
  batchId: number;
  restored: number;
  kept: { customerId: string; period: string; line: string; current: number | null; imported: number | null }[];
  /** Inbox rows withdrawn, and those kept because the centre had filed them. */
  inbox?: { withdrawn: number; kept: number };
  /** The service records withdrawn (DOMAIN-DECISIONS "Template intake"). */
  services?: { logs: number; visits: number; complaints: number; discounts: number };
}

/** 问题清单: the unit's workbook with 有问题/问题 columns and a summary sheet. */
export interface ImportErrorReportView {
  /** The name to offer in the save dialog, e.g. 澄海分局2026年10月_问题清单.xlsx. */
  fileName: string;
  errors: number;
  warnings: number;
  rowsWithProblems: number;
  /** Bytes of the workbook. */
  size: number;
  /** Where it was written, when the caller gave a path. */
  path: string | null;
  /** The workbook (base64), when no path was given: the renderer saves it itself. */
  base64: string | null;
}

// ── Exports (R24–R26) ────────────────────────────────────────────────────────────────────

/** One exported workbook (附件6-1, 6-2, 7 or the province package). */
/** A list saved as a workbook ("导出 Excel"). */
export interface ListExportView {
  path: string;
  rows: number;
  size: number;
  /** The audit chain's head the workbook carries (a document property). */
  auditHead: AuditHeadRef;
}

export interface ExportFileView {
  form: ExportForm;
  period: string;
  /** Null: the city as a whole. */
  unit: { code: string; name: string } | null;
  /** The name to offer in the save dialog, e.g. 附件6-1_全市_2026年10月.xlsx. */
  fileName: string;
  sheets: { name: string; rows: number }[];
  /** The annual grading the tiers come from; null when none has been run (tiers unknown). */
  tierBasis: { runId: number; year: number; policyVersion: number } | null;
  /** The audit chain's head the workbook carries (a document property, DOMAIN-DECISIONS "Audit log"). */
  auditHead: AuditHeadRef;
  /** Bytes of the workbook. */
  size: number;
  /** Where the workbook was written, when the caller gave a path. */
  path: string | null;
  /** The workbook (base64), when no path was given: the renderer saves it itself. */
  base64: string | null;
}

/** A month's revenue over all customers, in fen. */
export interface RevenueSummary {
  period: string;
  total: number;
  /** R1's lines and `other`, in that order. */
  byLine: Record<RevenueLine, number>;
  /** Customers with at least one figure reported for the month. */
  customers: number;
}

// ── Templates (DOMAIN-DECISIONS "Templates") ─────────────────────────────────────────────

/** One unit's monthly template as written. */
export interface TemplateFileView {
  unitCode: string;
  unitName: string;
  fileName: string;
  path: string;
  customers: number;
  /** Prefilled rows of 收入明细. */
  revenueRows: number;
  /** Key customers listed in 波动原因 (R27). */
  keyCustomers: number;
}

export interface TemplateFilesView {
  period: string;
  generatedAt: string;
  files: TemplateFileView[];
}

// ── 数据报送 tracker (R30–R32) ───────────────────────────────────────────────────────────
export type SubmissionFormId =
  | 'revenue'
  | 'registrations'
  | 'manager_changes'
  | 'fluctuation_reasons'
  | 'unit_analysis';
export type SubmissionStatusId = 'on_time' | 'late' | 'pending' | 'overdue';

export interface SubmissionBatchView {
  id: number;
  fileName: string;
  form: string;
  period: string | null;
  rows: number;
  /** The same counts as 导入记录 (ImportBatchView): rows = created + changed + unchanged + blank. */
  created: number;
  changed: number;
  unchanged: number;
  blank: number;
  committedAt: string;
  committedBy: string;
  undoneAt: string | null;
  /** The tracker forms this batch delivered. */
  forms: SubmissionFormId[];
}

export interface SubmissionCellView {
  form: SubmissionFormId;
  status: SubmissionStatusId;
  dueOn: string;
  /** The first standing batch that delivered the form (it decides lateness). */
  batchId: number | null;
  receivedAt: string | null;
  /** Standing batches of the month that delivered the form. */
  batches: number;
}

export interface SubmissionUnitView {
  unitId: number;
  code: string;
  name: string;
  kind: string;
  customers: number;
  cells: SubmissionCellView[];
}

/** A unit's standing analysis of a month (经营分析, R31): each item's text, null where none was written. */
export interface UnitAnalysis {
  unitId: number;
  unitCode: string;
  unitName: string;
  /** The template batch that brought it. */
  batchId: number;
  recordedAt: string;
  competition: string | null;
  fluctuationNotes: string | null;
  practice: string | null;
  plan: string | null;
}

export interface SubmissionTrackerView {
  period: string;
  today: string;
  /** R31 */
  unitDueOn: string;
  /** R30 */
  managerChangeDueOn: string;
  /** R32: the centre's roll-up to the province. */
  centreDueOn: string;
  centreDaysLeft: number;
  units: SubmissionUnitView[];
  /** Workbooks made by hand for the month: no unit is named in them. */
  unattributed: SubmissionBatchView[];
  totals: { expected: number; onTime: number; late: number; pending: number; overdue: number };
}

// ── The monthly analysis report (R28, R32; DOMAIN-DECISIONS "Monthly analysis report") ──────
export type { ReportDocument, ReportFacts, ReportTexts };

export interface ReportInfo {
  id: number;
  period: string;
  /** Null: the city as a whole. */
  unit: { id: number; code: string; name: string } | null;
  revision: number;
  status: 'draft' | 'final';
  /** SHA-256 (hex) of the frozen snapshot; null for a draft. */
  hash: string | null;
  /**
   * The audit chain's last row when it was finalised (DOMAIN-DECISIONS "Audit log"), printed with
   * the hash; null for a draft (its outputs print the head at the time they are made).
   */
  auditHead: AuditHeadRef | null;
  /** The policy version and the annual run the figures use (frozen when final). */
  policyVersion: number | null;
  runId: number | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  finalisedAt: string | null;
  finalisedBy: string | null;
  /** A later revision of the same month and scope exists (this one is superseded). */
  superseded: boolean;
}

/** A revision written as a file (reports/export). */
export interface ReportFileView {
  format: 'pdf' | 'docx' | 'xlsx';
  /** The name to offer in the save dialog, e.g. 全市大客户月度分析报告_2026年10月_第1版_草稿.pdf. */
  fileName: string;
  size: number;
  /** Where it was written; null for a dry run. */
  path: string | null;
  status: 'draft' | 'final';
  revision: number;
  hash: string | null;
  /** The audit chain's head the file carries: the final's, or the current one for a draft. */
  auditHead: AuditHeadRef;
  period: string;
  /** Null: the city. */
  unit: { code: string; name: string } | null;
}

/** The print view of a revision (the same HTML every PDF is printed from), for preview and 打印. */
export interface ReportHtmlView {
  html: string;
  title: string;
}

/** The reports as the customer page shows them (reports/for-customer). */
export interface CustomerReportsView {
  /** Last month, as the live city analysis states it. */
  period: string;
  live: CustomerMention;
  /** Each month and scope's latest final revision whose figures name the customer, newest month first. */
  reports: { info: ReportInfo; mention: CustomerMention }[];
}

/** The customers behind one bar or slice of the dashboard, highest revenue first. */
export interface ReportCustomersView {
  customers: ReportCustomer[];
  /** How many match (the list stops at the limit). */
  total: number;
}

export interface ReportView {
  info: ReportInfo;
  texts: ReportTexts;
  /** Live for a draft, frozen for a final revision. */
  facts: ReportFacts;
  document: ReportDocument;
  /** Every revision of the month and scope, oldest first. */
  revisions: ReportInfo[];
}

/** One backup copy (electron/backend/backups/store.ts), as its sidecar records it. */
export interface BackupView {
  file: string;
  /** ISO time the copy was made. */
  at: string;
  reason: 'daily' | 'pre-import' | 'pre-tiering' | 'pre-migration' | 'pre-restore' | 'manual';
  size: number;
  customers: number;
  revenueRows: number;
  /** 'ok', or what `integrity_check` found on the copy. */
  integrity: string;
}

export interface RetentionView {
  daily: number;
  weekly: number;
  monthly: number;
  preImport: number;
}

export interface BackupsView {
  folder: string;
  /** Null when the database passed its checks; else what they found: it is open read-only. */
  problem: string | null;
  retention: RetentionView;
  backups: BackupView[];
}

export interface RestoreView {
  restored: BackupView;
  /** The copy of the database as it was just before the restore (reason 'pre-restore'). */
  saved: BackupView;
}

/** A row of the audit log and its hash, as a record outside the log names it. */
export interface AuditHeadRef {
  id: number;
  hash: string;
}

/** One row of the audit log (DOMAIN-DECISIONS "Audit log"). */
export interface AuditRowView {
  id: number;
  at: string;
  actor: string;
  channel: string;
  /** The record it changed, e.g. `customer:12345678901234`; null for none. */
  entity: string | null;
  /** The input as sent, JSON (personal values replaced). */
  input: string;
  changes: import('../domain/audit/changes').AuditChange[] | null;
  hash: string;
}

export interface AuditPage {
  rows: AuditRowView[];
  /** Rows matching the filters, all pages. */
  total: number;
}

/** Where the chain first fails, if it does. */
export interface AuditBreak {
  /** The first row that fails (for a deleted row: the missing id). */
  id: number;
  reason: 'altered' | 'unlinked' | 'deleted' | 'unsealed' | 'anchor';
  message: string;
  messageEn: string;
}

/** Figures that no longer match the checksum the triggers keep: written outside this program. */
export interface DataDigestBreak {
  table: 'revenue';
  /** Rows the checksum counted (null: its row is gone). */
  keptRows: number | null;
  actualRows: number;
  message: string;
  messageEn: string;
}

export interface AuditVerifyView {
  /** The chain holds and the data matches its checksum. */
  ok: boolean;
  /** Rows checked. */
  rows: number;
  head: { id: number; hash: string };
  broken: AuditBreak | null;
  /** The revenue figures changed around the log (DOMAIN-DECISIONS "Audit log"). */
  dataBroken: DataDigestBreak | null;
  /** Rows recording triggers found dropped or altered and put back on open. */
  repairs: { id: number; at: string; triggers: string[] }[];
  checkedAt: string;
}

export interface OperatorView {
  id: number;
  name: string;
  title: string;
  active: boolean;
  lastChosenAt: string | null;
}

export interface SessionView {
  /** Null until an officer is chosen at start. */
  operator: OperatorView | null;
}

// ── 待办 (the work list) ──────────────────────────────────────────────────────────────────

/** One duty with the names the page shows; `forms` only on `forms_missing`. */
export interface WorkItemView extends WorkItem {
  unitName: string;
  customerName?: string;
  forms?: SubmissionForm[];
}

export interface WorkListView {
  /** The day the list is for (today, or the date asked for). */
  date: string;
  items: WorkItemView[];
  /** Per kind, after the filter. */
  counts: Record<WorkItemKind, number>;
}

export interface WorkListCounts {
  date: string;
  counts: Record<WorkItemKind, number>;
  total: number;
}

// ── A customer's timeline (the hub's 时间线) ─────────────────────────────────────────────

/** One thing that happened to a customer: facts only, phrased by the renderer per kind. */
export interface TimelineEvent {
  /** ISO date-time (or a date, for facts recorded by day such as an agreement). */
  at: string;
  kind: TimelineKind;
  /** Who did it, when the part records it. */
  actor: string | null;
  facts: Record<string, string | number | null>;
}

/** 回执 workbooks written for a month: one per unit, with the rows of each section. */
export interface ReceiptFilesView {
  period: string;
  generatedAt: string;
  files: { unitCode: string; unitName: string; fileName: string; path: string; counts: Record<string, number> }[];
}
