/**
 * Browser end-to-end for 报表 → 概览 (the dashboard), on demo data (customers, 24 months of revenue
 * ending October 2026, the 2025 annual tiering): the headline states the key customers' revenue as
 * reports/dashboard does; a chart shows its numbers as a table; a bar, or a table row by keyboard,
 * opens the customers behind it, as many as the bar counts, each a link to its page; a month
 * without revenue says what to do. Screenshots at 1366×768 into /tmp/shots-dash/ when SHOTS is set.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import type { ReportFacts } from '../../shared/api/types';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { formatCountFigure, formatWanFigure } from '../../shared/domain/report/format';
import { SCOPES, TIERS } from '../../shared/domain/tiers';
import { type Harness, startHarness } from './harness';
import { choose } from './ui';

// Generous waits: the suite must pass beside CPU-bound processes (the first paint of the charts is the slow part).
vi.setConfig({ testTimeout: 600_000, expect: { poll: { timeout: 60_000 } } });

const PERIOD = '2026-10';
/** A county bureau of the demo organisation, with branch offices under it. */
const UNIT = '440515';
const VIEWPORT = { width: 1366, height: 768 };
const SHOTS = process.env.SHOTS;

async function shot(h: Harness, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  await h.settled();
  await h.page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Demo data with revenue to October 2026 and the 2025 annual tiering, seen on `now`. */
function dashboardHarness(now: Date, tiering = true, slowChannels?: Record<string, number>): Promise<Harness> {
  return startHarness({
    now: () => now,
    ...(slowChannels ? { slowChannels } : {}),
    viewport: VIEWPORT,
    prepare: async (b) => {
      fillDemo(b.db, POLICY_V1, { customers: 200, seed: 11 }, now);
      fillDemoRevenue(b.db, { months: 24, endPeriod: PERIOD, seed: 11 }, now.toISOString());
      if (tiering) await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
    },
  });
}

describe('the dashboard, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('states the month’s figures and opens the customers behind a bar, by mouse and by keyboard', async () => {
    // Last month, by default: October 2026.
    h = await dashboardHarness(new Date('2026-11-10T02:00:00Z'));
    const { page } = h;
    await h.open('#/reports');
    const facts = (await h.backend.registry.call('reports/dashboard', {
      period: PERIOD,
      unitCode: null,
    })) as ReportFacts;
    expect(facts.overall.key.thisMonth).toBeGreaterThan(0);

    // The headline's key revenue, written as the printed report writes it (万元, two decimals).
    await expect
      .poll(() => page.getByTestId('headline-key-revenue-value').textContent())
      .toBe(formatWanFigure(facts.overall.key.thisMonth));
    await expect
      .poll(() => page.getByTestId('headline-key-count-value').textContent())
      .toBe(formatCountFigure(facts.overall.keyCount));
    expect(await page.getByTestId('headline-all-revenue-value').textContent()).toBe(
      formatWanFigure(facts.overall.all.thisMonth),
    );
    await shot(h, 'dashboard-top');

    // The largest tier × scope cell: its bar opens as many customers as it counts.
    const cells = TIERS.flatMap((tier) => SCOPES.map((scope) => ({ tier, scope, n: facts.tierScope[tier][scope] })));
    const cell = cells.reduce((a, b) => (b.n > a.n ? b : a));
    expect(cell.n).toBeGreaterThan(0);
    await page.locator(`[data-testid="tier-scope-bar"][data-tier="${cell.tier}"][data-scope="${cell.scope}"]`).click();
    const drawer = page.getByTestId('drill-drawer');
    await expect.poll(() => drawer.getByTestId('drill-count').getAttribute('data-total')).toBe(String(cell.n));
    await expect.poll(() => drawer.getByTestId('overview-customer-row').count()).toBe(Math.min(cell.n, 200));
    await shot(h, 'drawer-open');
    const first = drawer.getByTestId('overview-customer-row').first();
    const firstId = await first.getAttribute('data-customer-id');
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.getByTestId('drill-count').count()).toBe(0);

    // The same card as a table: one row per tier with its counts; Enter on a row opens the tier.
    const card = page.getByTestId('overview-tier-scope');
    await card.getByTestId('overview-tier-scope-view').getByText('表').click();
    const rows = card.getByTestId('tier-scope-table-row');
    await expect.poll(() => rows.count()).toBe(TIERS.length);
    const goldCell = card.locator('[data-testid="tier-scope-cell"][data-tier="gold"][data-scope="regional"]');
    expect(await goldCell.textContent()).toBe(formatCountFigure(facts.tierScope.gold.regional));
    await shot(h, 'table-view');
    const gold = card.locator('[data-testid="tier-scope-table-row"][data-row-key="gold"]');
    await gold.focus();
    await page.keyboard.press('Enter');
    const goldCount = SCOPES.reduce((s, scope) => s + facts.tierScope.gold[scope], 0);
    await expect.poll(() => drawer.getByTestId('drill-count').getAttribute('data-total')).toBe(String(goldCount));
    await expect.poll(() => drawer.getByTestId('drill-title').textContent()).toContain('黄金');
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.getByTestId('drill-count').count()).toBe(0);

    // The 图/表 switch answers the keyboard: arrow keys move between its two choices.
    const changes = page.getByTestId('overview-changes');
    await changes.getByRole('radio', { name: '图' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => changes.getAttribute('data-view')).toBe('table');
    await expect.poll(() => changes.getByTestId('changes-table-row').count()).toBe(3);

    // Scrolled to the middle: trend, lines and units.
    await page.getByTestId('overview-lines').scrollIntoViewIfNeeded();
    await shot(h, 'dashboard-middle');
    await page.getByTestId('overview-top20').scrollIntoViewIfNeeded();
    await shot(h, 'dashboard-bottom');

    // A unit's bar lists the unit's key customers; a customer's link opens the customer's page.
    const unit = facts.units[0];
    expect(unit).toBeDefined();
    await page.locator(`[data-testid="units-bar"][data-unit-id="${unit?.unitId}"]`).click();
    await expect.poll(() => drawer.getByTestId('drill-count').getAttribute('data-total')).toBe(String(unit?.keyCount));
    await drawer.getByTestId('overview-customer-row').first().getByTestId('customer-link').click();
    await expect.poll(() => page.url()).toMatch(/#\/customers\/\d{14}$/);
    expect(firstId).toMatch(/^\d{14}$/);
    expect(h.pageErrors).toEqual([]);
  });

  it('narrows to one unit: its headline and its tier × scope bar as the backend gives them', async () => {
    h = await dashboardHarness(new Date('2026-11-10T02:00:00Z'));
    const { page } = h;
    await h.open('#/reports');
    await page.getByTestId('headline-key-revenue-value').waitFor({ timeout: 90_000 });
    const facts = (await h.backend.registry.call('reports/dashboard', {
      period: PERIOD,
      unitCode: UNIT,
    })) as ReportFacts;
    expect(facts.overall.keyCount).toBeGreaterThan(0);
    await choose(page, page.getByTestId('overview-unit'), new RegExp(UNIT));
    await expect
      .poll(() => page.getByTestId('headline-key-revenue-value').textContent())
      .toBe(formatWanFigure(facts.overall.key.thisMonth));
    await expect
      .poll(() => page.getByTestId('headline-key-count-value').textContent())
      .toBe(formatCountFigure(facts.overall.keyCount));
    // A bar of the unit's chart lists the unit's customers only.
    const cells = TIERS.flatMap((tier) => SCOPES.map((scope) => ({ tier, scope, n: facts.tierScope[tier][scope] })));
    const cell = cells.reduce((a, b) => (b.n > a.n ? b : a));
    await page.locator(`[data-testid="tier-scope-bar"][data-tier="${cell.tier}"][data-scope="${cell.scope}"]`).click();
    const drawer = page.getByTestId('drill-drawer');
    await expect.poll(() => drawer.getByTestId('drill-count').getAttribute('data-total')).toBe(String(cell.n));
  });

  it('starts from the backend’s last month even when the backend’s date answers late', async () => {
    // The browser's own clock says December 2026; the backend's says November, so last month is
    // October. A page that seeded its month before app/info answered would show November, empty.
    h = await dashboardHarness(new Date('2026-11-10T02:00:00Z'), true, { 'app/info': 2_000 });
    const { page } = h;
    await h.open('#/reports');
    await page.getByTestId('headline-key-revenue-value').waitFor();
    expect(await page.getByTestId('overview-empty').count()).toBe(0);
    const periods = h.calls
      .filter((c) => c.channel === 'reports/dashboard')
      .map((c) => (c.input as { period: string }).period);
    expect(periods).toContain(PERIOD);
    expect(periods).not.toContain('2026-11');
  });

  it('says what to do when the month has no revenue', async () => {
    // Last month is November 2026, for which nothing was imported.
    h = await dashboardHarness(new Date('2026-12-10T02:00:00Z'));
    const { page } = h;
    await h.open('#/reports');
    const empty = page.getByTestId('overview-empty');
    await expect.poll(() => empty.textContent()).toContain('2026年11月尚无收入数据');
    expect(await page.getByTestId('headline-key-revenue').count()).toBe(0);
    await shot(h, 'empty-month');
    await page.getByTestId('overview-import').click();
    await expect.poll(() => page.url()).toMatch(/#\/submissions\/import$/);
  });

  it('says to run the tiering when no annual grading is in force', async () => {
    h = await dashboardHarness(new Date('2026-11-10T02:00:00Z'), false);
    const { page } = h;
    await h.open('#/reports');
    await page.getByTestId('overview-no-tiering').waitFor();
    await page.getByTestId('overview-run-tiering').click();
    await expect.poll(() => page.url()).toMatch(/#\/tiers$/);
  });

  it('reads in English', async () => {
    h = await dashboardHarness(new Date('2026-11-10T02:00:00Z'));
    const { page } = h;
    await h.open('#/reports');
    await page.evaluate(() => window.localStorage.setItem('kam-desk.language', 'en'));
    await page.reload();
    await expect.poll(() => page.getByTestId('overview-tier-scope').textContent()).toContain('Key customers by tier');
    expect(await page.getByTestId('headline-key-revenue').textContent()).toContain('10k yuan');
    await shot(h, 'english');
    await page.getByTestId('overview-lines').scrollIntoViewIfNeeded();
    await shot(h, 'english-middle');
  });
});
