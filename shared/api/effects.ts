/**
 * What each write changes, by the read areas it makes stale (an area is a channel's first path
 * segment: `customers` for `customers/list` and `customers/get`). The renderer refetches the
 * queries of these areas after the write succeeds, so every page that shows the changed data
 * refreshes by itself; a test checks every write handler of the registry is listed here.
 */
import type { Channel } from './contract';

export const READ_AREAS = [
  'app',
  'areas',
  'units',
  'managers',
  'customers',
  'revenue',
  'tiers',
  'policies',
  'imports',
  'submissions',
  'reports',
  'backups',
  'audit',
  'operators',
  'session',
  'worklist',
  'registrations',
  'applications',
  'archives',
  'assignments',
  'teams',
  'manager-changes',
  'inbox',
  'complaints',
  'holidays',
  'visits',
  'developments',
  'logs',
  'scorecards',
  'classification',
  'ranking',
  'discounts',
] as const;
export type ReadArea = (typeof READ_AREAS)[number];

/** Names, units and managers appear on customers, tiers and the tracker: renames reach them all. */
const ORGANISATION: readonly ReadArea[] = [
  'reports',
  'areas',
  'units',
  'managers',
  'customers',
  'tiers',
  'submissions',
  'imports',
];
/** A revenue figure feeds the customer page, the summaries and the tracker (not a tier: runs are explicit, R13). */
const REVENUE: readonly ReadArea[] = ['revenue', 'customers', 'submissions', 'reports'];
/**
 * A batch brings revenue and the units' forms; its undo takes them back. Its commit (like a
 * tiering run) may make a backup first, and its full check may find the file damaged: `backups`.
 */
const BATCH: readonly ReadArea[] = [
  'imports',
  'submissions',
  'revenue',
  'customers',
  'tiers',
  'managers',
  'reports',
  // A template's 新客户申报/营销申报 rows and its 客户经理变动 (DOMAIN-DECISIONS "Template intake").
  'inbox',
  'manager-changes',
  'assignments',
  // Its 营销日志, 拜访记录, 投诉登记 and 资费优惠申请 (R22, R23, R33, R29), written and withdrawn with it.
  'logs',
  'visits',
  'complaints',
  'discounts',
];

export const WRITE_EFFECTS = {
  'areas/upsert': ORGANISATION,
  'units/create': ORGANISATION,
  'units/rename': ORGANISATION,
  'units/retire': ORGANISATION,
  'units/reinstate': ORGANISATION,
  'units/set-minimum': ['units'],
  // R15: the table feeds the next tiering run; results already stored keep their unit.
  'units/set-line-bureau': ['units'],
  'managers/register': ['managers', 'units', 'customers'],
  'managers/update': ['managers', 'units', 'customers'],
  'managers/move': ['managers', 'units', 'customers'],
  // R20: a leaver's customers may move to a successor in the same write.
  'managers/leave': ['managers', 'units', 'customers', 'assignments', 'teams'],
  'customers/create': ['customers', 'tiers', 'submissions', 'reports'],
  'customers/update': ['customers', 'tiers', 'submissions', 'reports'],
  'customers/set-agreement': ['customers', 'tiers'],
  'customers/set-qualification': ['customers', 'tiers'],
  // A customer-list batch adds (or its undo removes) customers: everything that lists customers.
  'customers/import-commit': ['customers', 'tiers', 'submissions', 'reports', 'backups'],
  'customers/import-undo': ['customers', 'tiers', 'submissions', 'reports'],
  'revenue/set': REVENUE,
  'revenue/set-newspaper': REVENUE,
  // R10: runs computed with the replaced figure show as stale.
  'revenue/bureau-set': ['revenue', 'tiers', 'reports'],
  'tiers/run': ['tiers', 'customers', 'reports', 'backups'],
  'tiers/set-in-force': ['tiers', 'customers', 'submissions', 'reports'],
  'tiers/approve': ['tiers', 'customers', 'reports'],
  'tiers/override': ['tiers', 'customers', 'reports'],
  'tiers/revoke': ['tiers', 'customers', 'reports'],
  'policies/create': ['policies', 'tiers', 'reports'],
  'imports/commit': [...BATCH, 'backups'],
  'imports/undo': BATCH,
  'reports/create': ['reports'],
  'reports/save-texts': ['reports'],
  'reports/finalise': ['reports'],
  'reports/revise': ['reports'],
  // A copy changes no data, only the list of copies.
  'backups/create': ['backups'],
  'backups/set-retention': ['backups'],
  // A restore replaces the whole database: every page refetches.
  'backups/restore': READ_AREAS,
  'operators/save': ['operators', 'session', 'audit'],
  'session/start': ['session', 'operators', 'audit'],
  // R19: a registration's step may allocate a customer (R16) or move one (a ruling, a release).
  'registrations/add': ['registrations'],
  'registrations/decide': ['registrations', 'customers', 'tiers', 'submissions', 'reports', 'applications'],
  'registrations/release': ['registrations', 'customers', 'tiers', 'submissions', 'reports', 'applications'],
  // A granted application puts a unit on the customer's team (the customer page lists it).
  'applications/add': ['applications', 'customers'],
  'applications/decide': ['applications', 'customers'],
  'inbox/file': ['inbox', 'registrations', 'applications', 'customers'],
  'inbox/decline': ['inbox'],
  'holidays/set': ['holidays', 'complaints'],
  'complaints/add': ['complaints', 'customers'],
  'complaints/event': ['complaints', 'customers'],
  'complaints/route': ['complaints', 'customers'],
  'visits/add': ['visits', 'customers'],
  'developments/add': ['developments', 'customers'],
  // A win records the customer's agreement (R5, R19c) and may hand the lead to B (R20).
  'developments/move': ['developments', 'customers', 'registrations', 'assignments', 'tiers'],
  'logs/add': ['logs', 'developments', 'customers'],
  'scorecards/set-target': ['scorecards'],
  // R21: the 附件6-2/7 lists and the report follow the table's order.
  'classification/set-industries': ['classification', 'ranking', 'submissions', 'reports'],
  'classification/place': ['classification', 'submissions', 'reports'],
  // R21 steps 2–3: the worksheet; a prospect turned into a registration files it (R19).
  'ranking/set-factors': ['ranking'],
  'ranking/add-prospect': ['ranking'],
  'ranking/update-prospect': ['ranking'],
  'ranking/remove-prospect': ['ranking'],
  'ranking/register': ['ranking', 'registrations'],
  // R29: the customer page shows its discounts and its timeline their steps.
  'discounts/add': ['discounts', 'customers'],
  'discounts/decide': ['discounts', 'customers'],
  'discounts/withdraw': ['discounts', 'customers'],
  'visits/record': ['visits', 'customers'],
  // R17: a viewing of key persons is recorded (the views list).
  'archives/view-personal': ['archives'],
  'archives/update': ['archives', 'customers'],
  'assignments/set': ['assignments', 'customers'],
  'assignments/end': ['assignments', 'customers'],
  'assignments/set-lead': ['assignments', 'customers'],
  'assignments/reassign': ['assignments', 'teams', 'customers', 'managers'],
  'teams/add': ['teams', 'assignments', 'customers'],
  'teams/end': ['teams', 'assignments', 'customers'],
  // R30: the register and its change log; customers show their managers.
  'manager-changes/commit': ['manager-changes', ...ORGANISATION, 'assignments'],
  'manager-changes/undo': ['manager-changes', ...ORGANISATION, 'assignments'],
} as const satisfies Partial<Record<Channel, readonly ReadArea[]>>;

/**
 * Stale after any write: every write appends a row to the audit log (DOMAIN-DECISIONS "Audit
 * log"), and the work list (待办) is gathered from every part's records, so almost any write can
 * add or settle a duty.
 */
export const ALWAYS_STALE: readonly ReadArea[] = ['audit', 'worklist'];

export type WriteChannel = keyof typeof WRITE_EFFECTS;

export function isWriteChannel(channel: string): channel is WriteChannel {
  return Object.hasOwn(WRITE_EFFECTS, channel);
}

/** The read area of a channel: its first path segment. */
export function areaOf(channel: string): string {
  const slash = channel.indexOf('/');
  return slash < 0 ? channel : channel.slice(0, slash);
}
