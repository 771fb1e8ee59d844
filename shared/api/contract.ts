/**
 * The API contract: every channel, its input schema and its result type. The backend registry,
 * the Electron IPC binding, the renderer client, the command line and the tests all use it.
 */
import type { z } from 'zod';
import type * as reg from './registration-types';
import * as s from './schemas';
import type {
  AppInfo,
  ApprovalView,
  AreaCode,
  AuditPage,
  AuditVerifyView,
  BackupsView,
  BackupView,
  BureauRevenue,
  BureauRevenueChange,
  Customer,
  CustomerDetail,
  CustomerPage,
  CustomerReportsView,
  CustomerRevenue,
  DuplicateCheck,
  ExportFileView,
  ImportBatchView,
  ImportErrorReportView,
  ImportPreview,
  ImportProgressView,
  ImportUndoCheckView,
  ImportUndoView,
  LineBureauView,
  ListExportView,
  Manager,
  ManagerChange,
  NewspaperInputsView,
  OperatorView,
  OverrideView,
  PolicyDocumentView,
  PolicyValidation,
  PolicyVersionInfo,
  QualificationDecision,
  ReceiptFilesView,
  ReportCustomersView,
  ReportFacts,
  ReportFileView,
  ReportHtmlView,
  ReportInfo,
  ReportView,
  RestoreView,
  RetentionView,
  RevenueCellView,
  RevenueSourceView,
  RevenueSummary,
  SessionView,
  SubmissionBatchView,
  SubmissionTrackerView,
  TemplateFilesView,
  TierExplanation,
  TierResultPage,
  TierRunSummary,
  TimelineEvent,
  Unit,
  UnitAnalysis,
  UnitView,
  WhatIfResult,
  WorkListCounts,
  WorkListView,
} from './types';
import type * as A from './types-archives';

export const inputSchemas = {
  'app/info': s.empty,
  'areas/list': s.empty,
  'areas/upsert': s.areasUpsert,
  'units/list': s.unitsList,
  'units/create': s.unitsCreate,
  'units/rename': s.unitsRename,
  'units/retire': s.unitsRetire,
  'units/reinstate': s.unitsReinstate,
  'units/set-minimum': s.unitsSetMinimum,
  'units/line-bureaus': s.empty,
  'units/set-line-bureau': s.unitsSetLineBureau,
  'managers/list': s.managersList,
  'managers/register': s.managersRegister,
  'managers/update': s.managersUpdate,
  'managers/move': s.managersMove,
  'managers/leave': s.managersLeave,
  'managers/changes': s.managersChanges,
  'customers/list': s.customersList,
  'customers/get': s.customersGet,
  'customers/create': s.customersCreate,
  'customers/update': s.customersUpdate,
  'customers/check-duplicates': s.customersCheckDuplicates,
  'customers/set-agreement': s.customersSetAgreement,
  'customers/set-qualification': s.customersSetQualification,
  'customers/import-preview': s.customersImportPreview,
  'customers/import-commit': s.customersImportCommit,
  'customers/import-undo-check': s.customersImportBatch,
  'customers/import-undo': s.customersImportBatch,
  'customers/import-list': s.empty,
  'customers/import-template': s.customersImportTemplate,
  'revenue/set': s.revenueSet,
  'revenue/set-newspaper': s.revenueSetNewspaper,
  'revenue/customer': s.revenueCustomer,
  'revenue/source': s.revenueSource,
  'revenue/bureau-list': s.empty,
  'revenue/bureau-set': s.bureauSet,
  'revenue/bureau-history': s.empty,
  'tiers/run': s.tiersRun,
  'tiers/runs': s.empty,
  'tiers/summary': s.tiersSummary,
  'tiers/set-in-force': s.tiersSetInForce,
  'tiers/results': s.tiersResults,
  'tiers/explain': s.tiersExplain,
  'tiers/approve': s.tiersApprove,
  'tiers/override': s.tiersOverride,
  'tiers/revoke': s.tiersRevoke,
  'policies/list': s.empty,
  'policies/get': s.policiesGet,
  'policies/validate': s.policiesDocument,
  'policies/create': s.policiesDocument,
  'policies/what-if': s.policiesWhatIf,
  'imports/preview': s.importsPreview,
  'imports/commit': s.importsCommit,
  'imports/undo': s.importsUndo,
  'imports/list': s.empty,
  'imports/undo-check': s.importsUndoCheck,
  'imports/progress': s.importsProgress,
  'imports/error-report': s.importsErrorReport,
  'reports/dashboard': s.reportsScope,
  'reports/list': s.reportsList,
  'reports/create': s.reportsScope,
  'reports/get': s.reportsId,
  'reports/save-texts': s.reportsSaveTexts,
  'reports/finalise': s.reportsId,
  'reports/revise': s.reportsId,
  'reports/export': s.reportsExport,
  'reports/for-customer': s.reportsForCustomer,
  'reports/export-month': s.reportsExportMonth,
  'reports/html': s.reportsId,
  'reports/customers': s.reportsCustomers,
  'submissions/tracker': s.submissionsTracker,
  'submissions/unit-batches': s.submissionsUnitBatches,
  'reports/unit-analyses': s.reportsUnitAnalyses,
  'templates/generate': s.templatesGenerate,
  'exports/build': s.exportsBuild,
  'revenue/summary': s.revenueSummary,
  'lists/export': s.listsExport,
  'backups/list': s.empty,
  'backups/create': s.backupsCreate,
  'backups/restore': s.backupsRestore,
  'backups/set-retention': s.backupsSetRetention,
  'audit/list': s.auditList,
  'audit/verify': s.empty,
  'operators/list': s.operatorsList,
  'operators/save': s.operatorsSave,
  'session/get': s.empty,
  'session/start': s.sessionStart,
  'customers/timeline': s.customersTimeline,
  'receipts/generate': s.receiptsGenerate,
  'worklist/list': s.worklistList,
  'worklist/counts': s.worklistCounts,
  'registrations/dupcheck': s.registrationsDupcheck,
  'registrations/add': s.registrationsAdd,
  'registrations/decide': s.registrationsDecide,
  'registrations/list': s.registrationsList,
  'registrations/get': s.registrationsGet,
  'registrations/release': s.registrationsRelease,
  'applications/add': s.applicationsAdd,
  'applications/decide': s.applicationsDecide,
  'applications/list': s.applicationsList,
  'inbox/list': s.inboxList,
  'inbox/file': s.inboxFile,
  'inbox/decline': s.inboxDecline,
  'holidays/show': s.holidaysShow,
  'holidays/set': s.holidaysSet,
  'complaints/add': s.complaintsAdd,
  'complaints/event': s.complaintsEvent,
  'complaints/route': s.complaintsRoute,
  'complaints/list': s.complaintsList,
  'discounts/add': s.discountsAdd,
  'discounts/decide': s.discountsDecide,
  'discounts/withdraw': s.discountsWithdraw,
  'discounts/list': s.discountsList,
  'visits/add': s.visitsAdd,
  'visits/list': s.visitsList,
  'visits/obligations': s.visitsObligations,
  'developments/add': s.developmentsAdd,
  'developments/move': s.developmentsMove,
  'developments/list': s.developmentsList,
  'logs/add': s.logsAdd,
  'logs/list': s.logsList,
  'scorecards/list': s.scorecardsList,
  'scorecards/records': s.scorecardsRecords,
  'scorecards/export': s.scorecardsExport,
  'scorecards/targets': s.scorecardsTargets,
  'scorecards/set-target': s.scorecardsSetTarget,
  'classification/get': s.classificationGet,
  'classification/set-industries': s.classificationSetIndustries,
  'classification/place': s.classificationPlace,
  'ranking/get': s.rankingGet,
  'ranking/set-factors': s.rankingSetFactors,
  'ranking/add-prospect': s.rankingAddProspect,
  'ranking/update-prospect': s.rankingUpdateProspect,
  'ranking/remove-prospect': s.rankingRemoveProspect,
  'ranking/register': s.rankingRegister,
  'visits/record': s.visitsRecord,
  'visits/completion': s.visitsCompletion,
  'visits/leader-check': s.visitsLeaderCheck,
  'archives/get': s.archivesGet,
  'archives/view-personal': s.archivesViewPersonal,
  'archives/update': s.archivesUpdate,
  'archives/history': s.archivesCustomer,
  'archives/diff': s.archivesDiff,
  'archives/duties': s.archivesDuties,
  'archives/views': s.archivesCustomer,
  'assignments/get': s.assignmentsGet,
  'assignments/problems': s.assignmentsProblems,
  'assignments/set': s.assignmentsSet,
  'assignments/end': s.assignmentsEnd,
  'assignments/set-lead': s.assignmentsSetLead,
  'assignments/reassign': s.assignmentsReassign,
  'teams/list': s.teamsList,
  'teams/add': s.teamsAdd,
  'teams/end': s.teamsEnd,
  'manager-changes/preview': s.managerChangesPreview,
  'manager-changes/commit': s.managerChangesCommit,
  'manager-changes/undo-check': s.managerChangesBatch,
  'manager-changes/undo': s.managerChangesBatch,
  'manager-changes/batches': s.empty,
  'manager-changes/late': s.managerChangesLate,
} as const satisfies Record<string, z.ZodType>;

export interface ApiResults {
  'app/info': AppInfo;
  'areas/list': AreaCode[];
  'areas/upsert': AreaCode;
  'units/list': UnitView[];
  'units/create': Unit;
  'units/rename': Unit;
  'units/retire': Unit;
  'units/reinstate': Unit;
  'units/set-minimum': Unit;
  'units/line-bureaus': LineBureauView[];
  'units/set-line-bureau': LineBureauView[];
  'managers/list': Manager[];
  'managers/register': Manager;
  'managers/update': Manager;
  'managers/move': Manager;
  'managers/leave': Manager;
  'managers/changes': ManagerChange[];
  'customers/list': CustomerPage;
  'customers/get': CustomerDetail;
  'customers/create': Customer;
  'customers/update': Customer;
  'customers/check-duplicates': DuplicateCheck;
  'customers/set-agreement': Customer;
  'customers/set-qualification': QualificationDecision | null;
  'customers/import-preview': import('./types').CustomerImportPreview;
  'customers/import-commit': import('./types').CustomerImportBatchView;
  'customers/import-undo-check': import('./types').CustomerImportUndoView;
  'customers/import-undo': import('./types').CustomerImportBatchView;
  'customers/import-list': import('./types').CustomerImportBatchView[];
  'customers/import-template': { path: string };
  'revenue/set': RevenueCellView;
  'revenue/set-newspaper': NewspaperInputsView;
  'revenue/customer': CustomerRevenue;
  'revenue/source': RevenueSourceView;
  'revenue/bureau-list': BureauRevenue[];
  'revenue/bureau-set': BureauRevenue & { staleRuns: number };
  'revenue/bureau-history': BureauRevenueChange[];
  'tiers/run': TierRunSummary;
  'tiers/runs': TierRunSummary[];
  'tiers/summary': TierRunSummary;
  'tiers/set-in-force': TierRunSummary;
  'tiers/results': TierResultPage;
  'tiers/explain': TierExplanation;
  'tiers/approve': ApprovalView;
  'tiers/override': OverrideView;
  'tiers/revoke': { ok: true };
  'policies/list': PolicyVersionInfo[];
  'policies/get': PolicyDocumentView;
  'policies/validate': PolicyValidation;
  'policies/create': PolicyVersionInfo;
  'policies/what-if': WhatIfResult;
  'imports/preview': ImportPreview;
  'imports/commit': ImportBatchView;
  'imports/undo': ImportUndoView;
  'imports/list': ImportBatchView[];
  'imports/undo-check': ImportUndoCheckView;
  'imports/progress': ImportProgressView | null;
  'imports/error-report': ImportErrorReportView;
  'reports/dashboard': ReportFacts;
  'reports/list': ReportInfo[];
  'reports/create': ReportInfo;
  'reports/get': ReportView;
  'reports/save-texts': ReportInfo;
  'reports/finalise': ReportInfo;
  'reports/revise': ReportInfo;
  'reports/export': ReportFileView;
  'reports/for-customer': CustomerReportsView;
  'reports/export-month': ReportFileView;
  'reports/html': ReportHtmlView;
  'reports/customers': ReportCustomersView;
  'submissions/tracker': SubmissionTrackerView;
  'submissions/unit-batches': SubmissionBatchView[];
  'reports/unit-analyses': UnitAnalysis[];
  'templates/generate': TemplateFilesView;
  'exports/build': ExportFileView;
  'revenue/summary': RevenueSummary;
  'lists/export': ListExportView;
  'backups/list': BackupsView;
  'backups/create': BackupView;
  'backups/restore': RestoreView;
  'backups/set-retention': RetentionView;
  'audit/list': AuditPage;
  'audit/verify': AuditVerifyView;
  'operators/list': OperatorView[];
  'operators/save': OperatorView;
  'session/get': SessionView;
  'session/start': SessionView;
  'customers/timeline': TimelineEvent[];
  'receipts/generate': ReceiptFilesView;
  'worklist/list': WorkListView;
  'worklist/counts': WorkListCounts;
  'registrations/dupcheck': reg.DupcheckResult;
  'registrations/add': reg.RegistrationAdded;
  'registrations/decide': reg.RegistrationDecided;
  'registrations/list': reg.RegistrationRow[];
  'registrations/get': reg.RegistrationDetail;
  'registrations/release': reg.RegistrationReleased;
  'applications/add': reg.ApplicationView;
  'applications/decide': reg.ApplicationView;
  'applications/list': reg.ApplicationView[];
  'inbox/list': reg.SubmissionView[];
  'inbox/file': reg.SubmissionsFiled;
  'inbox/decline': reg.SubmissionView[];
  'holidays/show': import('./types-complaints').HolidayCalendarView;
  'holidays/set': import('./types-complaints').HolidayCalendarView;
  'complaints/add': import('./types-complaints').ComplaintView;
  'complaints/event': import('./types-complaints').ComplaintView;
  'complaints/route': import('./types-complaints').ComplaintView;
  'complaints/list': import('./types-complaints').ComplaintView[];
  'discounts/add': import('./types-discounts').DiscountView;
  'discounts/decide': import('./types-discounts').DiscountView;
  'discounts/withdraw': import('./types-discounts').DiscountView;
  'discounts/list': import('./types-discounts').DiscountView[];
  'visits/add': import('./types-visits').VisitView;
  'visits/list': import('./types-visits').VisitView[];
  'developments/add': import('./types-marketing').DevelopmentView;
  'developments/move': import('./types-marketing').DevelopmentMoveResult;
  'developments/list': import('./types-marketing').DevelopmentView[];
  'logs/add': import('./types-marketing').MarketingLogView;
  'logs/list': import('./types-marketing').MarketingLogView[];
  'scorecards/list': import('./types-scorecards').ScorecardsView;
  'scorecards/records': import('./types-scorecards').ScorecardRecordsView;
  'scorecards/export': import('./types-scorecards').ScorecardExportView;
  'scorecards/targets': import('./types-scorecards').ScorecardTargetView[];
  'scorecards/set-target': import('./types-scorecards').ScorecardTargetView;
  'classification/get': import('./types-classification').ClassificationView;
  'classification/set-industries': import('./types-classification').ClassificationView;
  'classification/place': import('./types-classification').ClassificationView;
  'ranking/get': import('./types-classification').RankingView;
  'ranking/set-factors': import('./types-classification').RankingView;
  'ranking/add-prospect': import('./types-classification').ProspectChanged;
  'ranking/update-prospect': import('./types-classification').ProspectChanged;
  'ranking/remove-prospect': import('./types-classification').ProspectChanged;
  'ranking/register': import('./types-classification').ProspectRegistered;
  'visits/obligations': import('./types-visits').VisitObligationRow[];
  'visits/record': import('./types-visits').VisitView;
  'visits/completion': import('./types-visits').VisitCompletionView;
  'visits/leader-check': import('./types-visits').LeaderCheckView;
  'archives/get': A.ArchiveView;
  'archives/view-personal': A.ArchiveView;
  'archives/update': A.ArchiveView;
  'archives/history': A.ArchiveRevisionSummary[];
  'archives/diff': A.ArchiveDiffView;
  'archives/duties': A.ArchiveDutyRow[];
  'archives/views': A.ArchiveViewRecord[];
  'assignments/get': A.AssignmentsView;
  'assignments/problems': A.AssignmentProblemRow[];
  'assignments/set': A.AssignmentsView;
  'assignments/end': A.AssignmentsView;
  'assignments/set-lead': A.AssignmentsView;
  'assignments/reassign': A.ReassignView;
  'teams/list': A.TeamMemberView[];
  'teams/add': A.TeamMemberView[];
  'teams/end': A.TeamMemberView[];
  'manager-changes/preview': A.ManagerChangePreview;
  'manager-changes/commit': A.ManagerChangeBatchView;
  'manager-changes/undo-check': A.ManagerChangeUndoView;
  'manager-changes/undo': A.ManagerChangeBatchView;
  'manager-changes/batches': A.ManagerChangeBatchView[];
  'manager-changes/late': A.LateManagerChangeRow[];
}

export type Channel = keyof typeof inputSchemas;
/** What a caller passes (defaults may be omitted). */
export type ApiInput<C extends Channel> = z.input<(typeof inputSchemas)[C]>;
/** What a handler receives after parsing. */
export type ParsedInput<C extends Channel> = z.output<(typeof inputSchemas)[C]>;
export type ApiResult<C extends Channel> = ApiResults[C];

// Every channel has a result type and every result type a channel.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _contractComplete: Same<Channel, keyof ApiResults> = true;
void _contractComplete;

export const CHANNELS = Object.keys(inputSchemas) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(inputSchemas, value);
}

/** The bridge the preload exposes as `window.kam` (and the browser tests inject). */
export interface KamBridge {
  invoke(channel: string, input: unknown): Promise<unknown>;
}
