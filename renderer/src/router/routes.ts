/**
 * Hash routes of the renderer. Pure: parsing and formatting only, so the tests need no DOM.
 *   #/customers                  the customer list
 *   #/customers/44051500001000   one customer; #/customers/44051500001000/archive its 档案 tab
 *   #/archives                   档案: archives overdue and due (R18)
 *   #/tiers                      分级: run panel and the list of runs
 *   #/tiers/12                   one tiering run
 *   #/settings/units | managers | areas | rules | bureau | backups | operators | audit | about
 *   #/submissions                数据报送, its tracker; #/submissions/import | batches | templates | exports
 *   #/worklist                   待办: duties overdue and due soon
 *   #/complaints                 投诉 (R33): open complaints with their clocks
 *   #/logs                       营销日志 (R21–R22): developments and their log entries
 *   #/scorecards                 考核 (R34): the month's scorecards per manager and unit
 *   #/discounts                  资费优惠 (R29): requests waiting for a step; #/discounts/approved the
 *                                approved ones (a discount ending soon), #/discounts/all every request
 *   #/visits                     拜访 (R23); #/visits/44051500001000 the same, for one customer
 *   #/registrations              注册申报: the list; #/registrations/12 one registration;
 *                                #/registrations/applications 营销申报;
 *                                #/registrations/inbox 模板收件箱 (the units' template rows)
 *   #/reports                    报表 → 概览 (the dashboard); #/reports/analysis the monthly analysis
 *                                reports, #/reports/analysis/7 one report revision in its editor
 */
export const SETTINGS_TABS = [
  'units',
  'managers',
  'areas',
  'rules',
  'bureau',
  'holidays',
  'classification',
  'ranking',
  'backups',
  'operators',
  'audit',
  'about',
] as const;
export type SettingsTab = (typeof SETTINGS_TABS)[number];
export const SUBMISSIONS_TABS = ['tracker', 'import', 'batches', 'templates', 'exports'] as const;
export type SubmissionsTab = (typeof SUBMISSIONS_TABS)[number];
export const REPORTS_TABS = ['overview', 'analysis'] as const;
export type ReportsTab = (typeof REPORTS_TABS)[number];
export const REGISTRATIONS_TABS = ['list', 'applications', 'inbox'] as const;
export type RegistrationsTab = (typeof REGISTRATIONS_TABS)[number];
export type DiscountsTab = 'approved' | 'all';

export type Route =
  | { name: 'customers' }
  /** `tab`: the customer page opens on that tab (only 档案 has a link of its own). */
  | { name: 'customer'; id: string; tab?: 'archive' }
  | { name: 'archives' }
  | { name: 'settings'; tab: SettingsTab }
  | { name: 'tiers'; runId: number | null }
  | { name: 'submissions'; tab: SubmissionsTab }
  /** `reportId` only with the analysis tab: one revision open in the editor. */
  | { name: 'reports'; tab: ReportsTab; reportId: number | null }
  | { name: 'worklist' }
  | { name: 'complaints' }
  | { name: 'logs' }
  | { name: 'scorecards' }
  /** `tab`: the list's filter, pending requests when absent. */
  | { name: 'discounts'; tab?: DiscountsTab }
  /** `customerId`: the page narrowed to one customer (the work list's visits_short). */
  | { name: 'visits'; customerId: string | null }
  /** `id`: one registration open (the list tab). */
  | { name: 'registrations'; tab: RegistrationsTab; id: number | null }
  | { name: 'notFound'; path: string };

export const DEFAULT_ROUTE: Route = { name: 'customers' };

function isSettingsTab(value: string): value is SettingsTab {
  return (SETTINGS_TABS as readonly string[]).includes(value);
}

export function isSubmissionsTab(value: string | null): value is SubmissionsTab {
  return value !== null && (SUBMISSIONS_TABS as readonly string[]).includes(value);
}

export function isReportsTab(value: string | null): value is ReportsTab {
  return value !== null && (REPORTS_TABS as readonly string[]).includes(value);
}

/** Parses `location.hash` ("#/customers/…", "#customers", "" …) into a route. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? '';
  const segments = path
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  const [first, second, ...rest] = segments;
  if (first === undefined) return DEFAULT_ROUTE;
  if (first === 'reports' && rest.length <= 1) {
    const third = rest[0];
    if (second === undefined) return { name: 'reports', tab: 'overview', reportId: null };
    if (third === undefined && isReportsTab(second)) return { name: 'reports', tab: second, reportId: null };
    if (second === 'analysis' && third !== undefined && /^[1-9]\d{0,9}$/.test(third)) {
      return { name: 'reports', tab: 'analysis', reportId: Number(third) };
    }
  }
  if (first === 'customers' && second !== undefined && /^\d{14}$/.test(second) && rest.length === 1) {
    if (rest[0] === 'archive') return { name: 'customer', id: second, tab: 'archive' };
  }
  if (rest.length === 0) {
    if (first === 'archives' && second === undefined) return { name: 'archives' };
    if (first === 'customers') {
      if (second === undefined) return { name: 'customers' };
      if (/^\d{14}$/.test(second)) return { name: 'customer', id: second };
    }
    if (first === 'worklist' && second === undefined) return { name: 'worklist' };
    if (first === 'complaints' && second === undefined) return { name: 'complaints' };
    if (first === 'logs' && second === undefined) return { name: 'logs' };
    if (first === 'scorecards' && second === undefined) return { name: 'scorecards' };
    if (first === 'discounts') {
      if (second === undefined) return { name: 'discounts' };
      if (second === 'approved' || second === 'all') return { name: 'discounts', tab: second };
    }
    if (first === 'visits') {
      if (second === undefined) return { name: 'visits', customerId: null };
      if (/^\d{14}$/.test(second)) return { name: 'visits', customerId: second };
    }
    if (first === 'registrations') {
      if (second === undefined) return { name: 'registrations', tab: 'list', id: null };
      if (second === 'applications' || second === 'inbox') return { name: 'registrations', tab: second, id: null };
      if (/^[1-9]\d{0,9}$/.test(second)) return { name: 'registrations', tab: 'list', id: Number(second) };
    }
    if (first === 'tiers') {
      if (second === undefined) return { name: 'tiers', runId: null };
      if (/^[1-9]\d{0,9}$/.test(second)) return { name: 'tiers', runId: Number(second) };
    }
    if (first === 'settings') {
      if (second === undefined) return { name: 'settings', tab: 'units' };
      if (isSettingsTab(second)) return { name: 'settings', tab: second };
    }
    if (first === 'submissions') {
      if (second === undefined) return { name: 'submissions', tab: 'tracker' };
      if (isSubmissionsTab(second)) return { name: 'submissions', tab: second };
    }
  }
  return { name: 'notFound', path: `/${segments.join('/')}` };
}

/** The hash (with its leading "#") that shows a route. */
export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'customers':
      return '#/customers';
    case 'customer':
      return route.tab === 'archive' ? `#/customers/${route.id}/archive` : `#/customers/${route.id}`;
    case 'archives':
      return '#/archives';
    case 'settings':
      return `#/settings/${route.tab}`;
    case 'tiers':
      return route.runId === null ? '#/tiers' : `#/tiers/${route.runId}`;
    case 'submissions':
      return route.tab === 'tracker' ? '#/submissions' : `#/submissions/${route.tab}`;
    case 'reports':
      if (route.tab === 'analysis' && route.reportId !== null) return `#/reports/analysis/${route.reportId}`;
      return route.tab === 'overview' ? '#/reports' : `#/reports/${route.tab}`;
    case 'worklist':
      return '#/worklist';
    case 'complaints':
      return '#/complaints';
    case 'logs':
      return '#/logs';
    case 'scorecards':
      return '#/scorecards';
    case 'discounts':
      return route.tab ? `#/discounts/${route.tab}` : '#/discounts';
    case 'visits':
      return route.customerId === null ? '#/visits' : `#/visits/${route.customerId}`;
    case 'registrations':
      if (route.tab !== 'list') return `#/registrations/${route.tab}`;
      return route.id === null ? '#/registrations' : `#/registrations/${route.id}`;
    case 'notFound':
      return `#${route.path}`;
  }
}

/** The top-level navigation area a route belongs to, for highlighting the navbar. */
export function routeArea(
  route: Route,
):
  | 'worklist'
  | 'customers'
  | 'registrations'
  | 'archives'
  | 'complaints'
  | 'logs'
  | 'scorecards'
  | 'discounts'
  | 'visits'
  | 'settings'
  | 'grading'
  | 'submissions'
  | 'reports'
  | null {
  switch (route.name) {
    case 'customers':
      return 'customers';
    case 'customer':
      return route.tab === 'archive' ? 'archives' : 'customers';
    case 'archives':
      return 'archives';
    case 'settings':
      return 'settings';
    case 'tiers':
      return 'grading';
    case 'submissions':
      return 'submissions';
    case 'reports':
      return 'reports';
    case 'worklist':
      return 'worklist';
    case 'complaints':
      return 'complaints';
    case 'logs':
      return 'logs';
    case 'scorecards':
      return 'scorecards';
    case 'discounts':
      return 'discounts';
    case 'visits':
      return 'visits';
    case 'registrations':
      return 'registrations';
    case 'notFound':
      return null;
  }
}
