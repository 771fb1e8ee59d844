/**
 * The pages, split by area: each area's code (and the libraries only it uses: charts, date
 * pickers, the policy editor) is its own chunk, loaded when the officer first opens it. The
 * customer list, where the window opens, is in the first chunk so the first paint waits for
 * nothing else (measured by `npm run bench -- --only startup`).
 */
import { lazy } from 'react';

export { CustomerListPage } from '../pages/customers/CustomerListPage';

export const CustomerDetailPage = lazy(() =>
  import('../pages/customers/CustomerDetailPage').then((m) => ({ default: m.CustomerDetailPage })),
);
export const ArchivesPage = lazy(() =>
  import('../pages/archives/ArchivesPage').then((m) => ({ default: m.ArchivesPage })),
);
export const SettingsPage = lazy(() =>
  import('../pages/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })),
);
export const TiersPage = lazy(() => import('../pages/tiers/TiersPage').then((m) => ({ default: m.TiersPage })));
export const SubmissionsPage = lazy(() =>
  import('../pages/submissions/SubmissionsPage').then((m) => ({ default: m.SubmissionsPage })),
);
export const ReportsPage = lazy(() => import('../pages/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
export const WorkListPage = lazy(() =>
  import('../pages/worklist/WorkListPage').then((m) => ({ default: m.WorkListPage })),
);
export const ComplaintsPage = lazy(() =>
  import('../pages/complaints/ComplaintsPage').then((m) => ({ default: m.ComplaintsPage })),
);
export const MarketingPage = lazy(() =>
  import('../pages/marketing/MarketingPage').then((m) => ({ default: m.MarketingPage })),
);
export const ScorecardsPage = lazy(() =>
  import('../pages/scorecards/ScorecardsPage').then((m) => ({ default: m.ScorecardsPage })),
);
export const DiscountsPage = lazy(() =>
  import('../pages/discounts/DiscountsPage').then((m) => ({ default: m.DiscountsPage })),
);
export const VisitsPage = lazy(() => import('../pages/visits/VisitsPage').then((m) => ({ default: m.VisitsPage })));
export const RegistrationsPage = lazy(() =>
  import('../pages/registrations/RegistrationsPage').then((m) => ({ default: m.RegistrationsPage })),
);
