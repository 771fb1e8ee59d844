import { Anchor, AppShell, Badge, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkItemKind } from '../../shared/domain/worklist';
import { useApiQuery } from './api/query';
import { LoadingBlock } from './components/ApiViews';
import { useAppInfo } from './components/AppInfo';
import { EmptyBlock } from './components/EmptyBlock';
import { LanguageSwitch } from './components/LanguageSwitch';
import { PageHeader } from './components/PageHeader';
import { ReadOnlyBanner } from './components/ReadOnlyBanner';
import {
  ArchivesPage,
  ComplaintsPage,
  CustomerDetailPage,
  CustomerListPage,
  DiscountsPage,
  MarketingPage,
  RegistrationsPage,
  ReportsPage,
  ScorecardsPage,
  SettingsPage,
  SubmissionsPage,
  TiersPage,
  VisitsPage,
  WorkListPage,
} from './router/pages';
import { type Route, routeArea } from './router/routes';
import { hrefOf, useRoute } from './router/useRoute';
import { OperatorBadge } from './session/OperatorBadge';

/**
 * The areas of the app, in the bureau's order, 待办 first (what is owed today).
 */
const NAV_ITEMS = [
  { key: 'worklist', href: hrefOf({ name: 'worklist' }) },
  { key: 'customers', href: hrefOf({ name: 'customers' }) },
  { key: 'registrations', href: hrefOf({ name: 'registrations', tab: 'list', id: null }) },
  { key: 'archives', href: hrefOf({ name: 'archives' }) },
  { key: 'logs', href: hrefOf({ name: 'logs' }) },
  { key: 'visits', href: hrefOf({ name: 'visits', customerId: null }) },
  { key: 'complaints', href: hrefOf({ name: 'complaints' }) },
  { key: 'discounts', href: hrefOf({ name: 'discounts' }) },
  { key: 'submissions', href: hrefOf({ name: 'submissions', tab: 'tracker' }) },
  { key: 'grading', href: hrefOf({ name: 'tiers', runId: null }) },
  { key: 'reports', href: hrefOf({ name: 'reports', tab: 'overview', reportId: null }) },
  { key: 'scorecards', href: hrefOf({ name: 'scorecards' }) },
  { key: 'settings', href: hrefOf({ name: 'settings', tab: 'units' }) },
] as const;

/** The duties each menu item counts (the 待办 item counts them all). */
const NAV_DUTIES: Partial<Record<(typeof NAV_ITEMS)[number]['key'], readonly WorkItemKind[]>> = {
  customers: ['missing_ab', 'lapse'],
  registrations: ['registration_step', 'conflict', 'application', 'template_inbox'],
  archives: ['archive_overdue'],
  submissions: ['forms_missing'],
  settings: ['manager_change_late'],
  complaints: ['complaint_overdue'],
  logs: ['development_stuck'],
  // R29: every request waiting for a step.
  discounts: ['discount_pending'],
  visits: ['visits_short'],
};

function NavCount({ item }: { item: (typeof NAV_ITEMS)[number]['key'] }) {
  const { t } = useTranslation();
  const counts = useApiQuery('worklist/counts', {});
  if (!counts.data) return null;
  const kinds = NAV_DUTIES[item];
  const n =
    item === 'worklist' ? counts.data.total : (kinds ?? []).reduce((sum, k) => sum + (counts.data?.counts[k] ?? 0), 0);
  if (n === 0) return null;
  return (
    <Badge
      size="sm"
      circle={n < 10}
      color={item === 'worklist' ? 'red' : 'orange'}
      aria-label={t('nav.dutyCount', { count: n })}
      data-testid={`nav-count-${item}`}
    >
      {n > 999 ? '999+' : n}
    </Badge>
  );
}

export function Shell() {
  const { t } = useTranslation();
  const route = useRoute();
  const area = routeArea(route);
  // Pages seed default months and dates from the backend's today (frozen in tests, and the
  // officer's month-end may straddle midnight): render them once it is known.
  const { known } = useAppInfo();

  // Each page starts at the top.
  useEffect(() => {
    if (route) window.scrollTo(0, 0);
  }, [route]);

  return (
    <AppShell header={{ height: 52 }} navbar={{ width: 188, breakpoint: 0 }} padding="md">
      <AppShell.Header className="kam-header">
        <button
          type="button"
          className="kam-skip-link"
          onClick={() => document.getElementById('main')?.focus()}
          data-testid="skip-to-content"
        >
          {t('app.skipToContent')}
        </button>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="xs" wrap="nowrap">
            <span className="kam-logo" aria-hidden="true" />
            <Text fw={700} size="md" c="white" data-testid="product-name">
              {t('app.productName')}
            </Text>
          </Group>
          <Group gap="md" wrap="nowrap">
            <OperatorBadge />
            <LanguageSwitch />
          </Group>
        </Group>
      </AppShell.Header>

      <AppShell.Navbar p="xs" aria-label={t('nav.label')} component="nav">
        <ScrollArea>
          {NAV_ITEMS.map((item) =>
            item.href ? (
              <NavLink
                key={item.key}
                href={item.href}
                label={t(`nav.${item.key}`)}
                rightSection={<NavCount item={item.key} />}
                active={area === item.key}
                aria-current={area === item.key ? 'page' : undefined}
                data-testid={`nav-${item.key}`}
                variant="filled"
              />
            ) : (
              <NavLink
                key={item.key}
                component="button"
                type="button"
                label={t(`nav.${item.key}`)}
                description={t('nav.comingLater')}
                disabled
                aria-disabled="true"
                title={t('nav.comingLater')}
                data-testid={`nav-${item.key}`}
                className="kam-nav-disabled"
              />
            ),
          )}
        </ScrollArea>
      </AppShell.Navbar>

      <AppShell.Main id="main" tabIndex={-1} className="kam-main">
        <ReadOnlyBanner />
        {/* An area's chunk loads on its first visit (router/pages.tsx). */}
        <Suspense fallback={<LoadingBlock />}>{known ? <Page route={route} /> : <LoadingBlock />}</Suspense>
      </AppShell.Main>
    </AppShell>
  );
}

function Page({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'customers':
      return <CustomerListPage />;
    case 'customer':
      return <CustomerDetailPage key={`${route.id}/${route.tab ?? ''}`} id={route.id} initialTab={route.tab} />;
    case 'archives':
      return <ArchivesPage />;
    case 'settings':
      return <SettingsPage tab={route.tab} />;
    case 'tiers':
      return <TiersPage runId={route.runId} />;
    case 'submissions':
      return <SubmissionsPage tab={route.tab} />;
    case 'reports':
      return <ReportsPage tab={route.tab} reportId={route.reportId} />;
    case 'worklist':
      return <WorkListPage />;
    case 'complaints':
      return <ComplaintsPage />;
    case 'logs':
      return <MarketingPage />;
    case 'scorecards':
      return <ScorecardsPage />;
    case 'discounts':
      return <DiscountsPage key={route.tab ?? 'pending'} tab={route.tab ?? 'pending'} />;
    case 'visits':
      return <VisitsPage key={route.customerId ?? ''} customerId={route.customerId} />;
    case 'registrations':
      return <RegistrationsPage key={route.id ?? route.tab} tab={route.tab} id={route.id} />;
    case 'notFound':
      return (
        <>
          <PageHeader title={t('notFound.title')} />
          <EmptyBlock description={t('notFound.text', { path: route.path })}>
            <Anchor href={hrefOf({ name: 'customers' })}>{t('notFound.back')}</Anchor>
          </EmptyBlock>
        </>
      );
  }
}
