import { describe, expect, it } from 'vitest';
import { parseHash, routeArea, routeToHash } from './routes';

describe('parseHash', () => {
  it('defaults to the customer list', () => {
    expect(parseHash('')).toEqual({ name: 'customers' });
    expect(parseHash('#')).toEqual({ name: 'customers' });
    expect(parseHash('#/')).toEqual({ name: 'customers' });
  });

  it('parses the customer list and one customer', () => {
    expect(parseHash('#/customers')).toEqual({ name: 'customers' });
    expect(parseHash('#/customers/')).toEqual({ name: 'customers' });
    expect(parseHash('#/customers/44051500001000')).toEqual({ name: 'customer', id: '44051500001000' });
  });

  it('parses settings tabs, defaulting to units', () => {
    expect(parseHash('#/settings')).toEqual({ name: 'settings', tab: 'units' });
    expect(parseHash('#/settings/units')).toEqual({ name: 'settings', tab: 'units' });
    expect(parseHash('#/settings/managers')).toEqual({ name: 'settings', tab: 'managers' });
    expect(parseHash('#/settings/areas')).toEqual({ name: 'settings', tab: 'areas' });
    expect(parseHash('#/settings/about')).toEqual({ name: 'settings', tab: 'about' });
    expect(parseHash('#/settings/backups')).toEqual({ name: 'settings', tab: 'backups' });
    expect(parseHash('#/settings/rules')).toEqual({ name: 'settings', tab: 'rules' });
    expect(parseHash('#/settings/bureau')).toEqual({ name: 'settings', tab: 'bureau' });
  });

  it('parses the tiering area and one run', () => {
    expect(parseHash('#/tiers')).toEqual({ name: 'tiers', runId: null });
    expect(parseHash('#/tiers/12')).toEqual({ name: 'tiers', runId: 12 });
    expect(parseHash('#/tiers/0')).toEqual({ name: 'notFound', path: '/tiers/0' });
    expect(parseHash('#/tiers/abc')).toEqual({ name: 'notFound', path: '/tiers/abc' });
  });

  it('parses the 数据报送 tabs, defaulting to the tracker', () => {
    expect(parseHash('#/submissions')).toEqual({ name: 'submissions', tab: 'tracker' });
    expect(parseHash('#/submissions/tracker')).toEqual({ name: 'submissions', tab: 'tracker' });
    expect(parseHash('#/submissions/import')).toEqual({ name: 'submissions', tab: 'import' });
    expect(parseHash('#/submissions/batches')).toEqual({ name: 'submissions', tab: 'batches' });
    expect(parseHash('#/submissions/templates')).toEqual({ name: 'submissions', tab: 'templates' });
    expect(parseHash('#/submissions/exports')).toEqual({ name: 'submissions', tab: 'exports' });
    expect(parseHash('#/submissions/nope')).toEqual({ name: 'notFound', path: '/submissions/nope' });
    expect(parseHash('#/submissions/import/1')).toEqual({ name: 'notFound', path: '/submissions/import/1' });
  });

  it('parses the 报表 tabs and one report revision', () => {
    expect(parseHash('#/reports')).toEqual({ name: 'reports', tab: 'overview', reportId: null });
    expect(parseHash('#/reports/overview')).toEqual({ name: 'reports', tab: 'overview', reportId: null });
    expect(parseHash('#/reports/analysis')).toEqual({ name: 'reports', tab: 'analysis', reportId: null });
    expect(parseHash('#/reports/analysis/7')).toEqual({ name: 'reports', tab: 'analysis', reportId: 7 });
    expect(parseHash('#/reports/analysis/0')).toEqual({ name: 'notFound', path: '/reports/analysis/0' });
    expect(parseHash('#/reports/overview/7')).toEqual({ name: 'notFound', path: '/reports/overview/7' });
    expect(parseHash('#/reports/nope')).toEqual({ name: 'notFound', path: '/reports/nope' });
    expect(parseHash('#/reports/analysis/7/x')).toEqual({ name: 'notFound', path: '/reports/analysis/7/x' });
    for (const route of [
      { name: 'reports', tab: 'overview', reportId: null },
      { name: 'reports', tab: 'analysis', reportId: null },
      { name: 'reports', tab: 'analysis', reportId: 7 },
    ] as const) {
      expect(parseHash(routeToHash(route))).toEqual(route);
      expect(routeArea(route)).toBe('reports');
    }
  });

  it('parses 待办', () => {
    expect(parseHash('#/worklist')).toEqual({ name: 'worklist' });
    expect(parseHash('#/worklist/3')).toEqual({ name: 'notFound', path: '/worklist/3' });
    expect(routeArea({ name: 'worklist' })).toBe('worklist');
  });

  it('parses 资费优惠 (R29)', () => {
    expect(parseHash('#/discounts')).toEqual({ name: 'discounts' });
    expect(parseHash('#/discounts/approved')).toEqual({ name: 'discounts', tab: 'approved' });
    expect(parseHash('#/discounts/3')).toEqual({ name: 'notFound', path: '/discounts/3' });
    expect(routeArea({ name: 'discounts' })).toBe('discounts');
  });

  it('parses 注册申报: the list, one registration, the applications and inbox tabs', () => {
    expect(parseHash('#/registrations')).toEqual({ name: 'registrations', tab: 'list', id: null });
    expect(parseHash('#/registrations/12')).toEqual({ name: 'registrations', tab: 'list', id: 12 });
    expect(parseHash('#/registrations/applications')).toEqual({
      name: 'registrations',
      tab: 'applications',
      id: null,
    });
    expect(parseHash('#/registrations/inbox')).toEqual({ name: 'registrations', tab: 'inbox', id: null });
    expect(routeToHash({ name: 'registrations', tab: 'inbox', id: null })).toBe('#/registrations/inbox');
    expect(parseHash('#/registrations/0')).toEqual({ name: 'notFound', path: '/registrations/0' });
    expect(parseHash('#/registrations/12/x')).toEqual({ name: 'notFound', path: '/registrations/12/x' });
    expect(routeArea(parseHash('#/registrations/12'))).toBe('registrations');
  });

  it('parses 档案 and a customer opened on its 档案 tab', () => {
    expect(parseHash('#/archives')).toEqual({ name: 'archives' });
    expect(parseHash('#/archives/3')).toEqual({ name: 'notFound', path: '/archives/3' });
    expect(parseHash('#/customers/44051500001000/archive')).toEqual({
      name: 'customer',
      id: '44051500001000',
      tab: 'archive',
    });
    expect(routeArea({ name: 'archives' })).toBe('archives');
    expect(routeArea({ name: 'customer', id: '44051500001000', tab: 'archive' })).toBe('archives');
  });

  it('拜访 (R23): the page, or the page narrowed to one customer', () => {
    for (const route of [
      { name: 'visits', customerId: null },
      { name: 'visits', customerId: '44051500001000' },
    ] as const) {
      expect(parseHash(routeToHash(route))).toEqual(route);
      expect(routeArea(route)).toBe('visits');
    }
    expect(routeToHash({ name: 'visits', customerId: '44051500001000' })).toBe('#/visits/44051500001000');
  });

  it('ignores a query string', () => {
    expect(parseHash('#/settings/areas?x=1')).toEqual({ name: 'settings', tab: 'areas' });
  });

  it('reports unknown paths, malformed IDs and extra segments as not found', () => {
    expect(parseHash('#/customers/123')).toEqual({ name: 'notFound', path: '/customers/123' });
    expect(parseHash('#/settings/nope')).toEqual({ name: 'notFound', path: '/settings/nope' });
    expect(parseHash('#/visits/123')).toEqual({ name: 'notFound', path: '/visits/123' });
    expect(parseHash('#/customers/44051500001000/x')).toEqual({
      name: 'notFound',
      path: '/customers/44051500001000/x',
    });
  });
});

describe('routeToHash', () => {
  it('round-trips every route', () => {
    for (const hash of [
      '#/customers',
      '#/customers/44051500001000',
      '#/settings/units',
      '#/settings/managers',
      '#/settings/areas',
      '#/settings/about',
      '#/settings/rules',
      '#/settings/bureau',
      '#/tiers',
      '#/tiers/7',
      '#/submissions',
      '#/submissions/import',
      '#/submissions/batches',
      '#/submissions/templates',
      '#/submissions/exports',
      '#/worklist',
      '#/discounts',
      '#/discounts/approved',
      '#/discounts/all',
      '#/registrations',
      '#/registrations/12',
      '#/registrations/applications',
      '#/archives',
      '#/customers/44051500001000/archive',
    ]) {
      expect(routeToHash(parseHash(hash))).toBe(hash);
    }
    // The tracker is the area's default page: one address for it.
    expect(routeToHash({ name: 'submissions', tab: 'tracker' })).toBe('#/submissions');
  });
});

describe('routeArea', () => {
  it('maps a route to its navbar area', () => {
    expect(routeArea(parseHash('#/customers/44051500001000'))).toBe('customers');
    expect(routeArea(parseHash('#/settings/areas'))).toBe('settings');
    expect(routeArea(parseHash('#/tiers/3'))).toBe('grading');
    expect(routeArea(parseHash('#/submissions/import'))).toBe('submissions');
    expect(routeArea(parseHash('#/x'))).toBeNull();
  });
});
