/** The one registry's members: every feature's handlers, joined here and nowhere else. */
import { appHandlers } from './app/info';
import { archiveHandlers } from './archives/handlers';
import { assignmentHandlers } from './assignments/handlers';
import { auditHandlers } from './audit/handlers';
import { backupHandlers } from './backups/handlers';
import { classificationHandlers } from './classification/handlers';
import { rankingHandlers } from './classification/ranking';
import { complaintHandlers } from './complaints/handlers';
import { customerHandlers } from './customers/handlers';
import { customerImportHandlers } from './customers/import/handlers';
import { discountHandlers } from './discounts/handlers';
import { exportHandlers } from './exports/handlers';
import { importHandlers } from './imports/handlers';
import { listHandlers } from './lists/handlers';
import { marketingHandlers } from './marketing/handlers';
import { areaHandlers } from './organisation/areas';
import { managerChangeBatchHandlers } from './organisation/change-batches';
import { managerHandlers } from './organisation/managers';
import { unitHandlers } from './organisation/units';
import { policyHandlers } from './policies/handlers';
import { receiptHandlers } from './receipts/handlers';
import { registrationHandlers } from './registrations/handlers';
import type { NamedGroup } from './registry';
import { reportHandlers } from './reports/handlers';
import { unitAnalysisHandlers } from './reports/unit-analyses-handlers';
import { revenueHandlers } from './revenue/handlers';
import { revenueSummaryHandlers } from './revenue/summary';
import { scorecardHandlers } from './scorecards/handlers';
import { submissionHandlers } from './submissions/handlers';
import { templateHandlers } from './templates/handlers';
import { tieringHandlers } from './tiering/handlers';
import { visitHandlers } from './visits/handlers';
import { worklistHandlers } from './worklist/handlers';

export const HANDLER_GROUPS: readonly NamedGroup[] = [
  ['app', appHandlers],
  ['areas', areaHandlers],
  ['units', unitHandlers],
  ['managers', managerHandlers],
  ['customers', customerHandlers],
  ['customer-import', customerImportHandlers],
  ['revenue', revenueHandlers],
  ['revenue-summary', revenueSummaryHandlers],
  ['tiering', tieringHandlers],
  ['policies', policyHandlers],
  ['imports', importHandlers],
  ['submissions', submissionHandlers],
  ['unit-analyses', unitAnalysisHandlers],
  ['reports', reportHandlers],
  ['templates', templateHandlers],
  ['exports', exportHandlers],
  ['lists', listHandlers],
  ['backups', backupHandlers],
  ['audit', auditHandlers],
  ['worklist', worklistHandlers],
  ['receipts', receiptHandlers],
  ['registrations', registrationHandlers],
  ['archives', archiveHandlers],
  ['assignments', assignmentHandlers],
  ['manager-changes', managerChangeBatchHandlers],
  ['complaints', complaintHandlers],
  ['visits', visitHandlers],
  ['marketing', marketingHandlers],
  ['scorecards', scorecardHandlers],
  ['classification', classificationHandlers],
  ['ranking', rankingHandlers],
  ['discounts', discountHandlers],
];
