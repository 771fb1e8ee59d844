/**
 * 考核 in the browser at 1366×768 (R34): November's scorecards ranked, a number opened down to the
 * records behind it, a target entered (the revenue score follows), the units' view, and the
 * workbook exported through the save dialog. Screenshots into /tmp/shots-scorecards
 * (KAM_SCORECARDS_SHOTS to choose), copied by hand to docs/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seedScorecardMonth } from '../support/scorecard-month';
import { type Harness, startHarness } from './harness';
import { closeNotifications } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_SCORECARDS_SHOTS ?? '/tmp/shots-scorecards';
const VIEWPORT = { width: 1366, height: 768 };
/** 2026-12-02 in the browser's zone: the page opens on last month, November. */
const NOW = new Date('2026-12-02T02:00:00Z');

describe('考核, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('ranks November, opens a number down to its records, takes a target, exports the workbook', async () => {
    let ids = { c1: '', c2: '', chen: 0, lin: 0 };
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        ids = await seedScorecardMonth(b);
      },
    });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });

    await h.open('#/worklist');
    await page.getByTestId('nav-scorecards').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/scorecards');
    const chen = page.locator(`[data-testid="scorecard-row"][data-id="${ids.chen}"]`);
    const lin = page.locator(`[data-testid="scorecard-row"][data-id="${ids.lin}"]`);
    await expect.poll(() => chen.getByTestId('scorecard-cell-revenue').textContent()).toBe('80.080,000 / 100,000');
    expect(await lin.getByTestId('scorecard-cell-revenue').textContent()).toBe('—55,000（未定目标）');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'managers.png') });

    // 陈文's visits: 1 of 2 — the drawer names the customer visited and the one not.
    await chen.getByTestId('scorecard-cell-visits').click();
    const drawer = page.getByTestId('scorecard-records');
    await expect.poll(() => drawer.getByTestId('scorecard-record').count()).toBe(2);
    expect(await drawer.textContent()).toContain('得分 50.0（1 / 2）');
    expect(await drawer.getByTestId('scorecard-record').nth(0).textContent()).toContain('汕头市恒昌玩具厂');
    expect(await drawer.getByTestId('scorecard-record').nth(1).textContent()).toContain('未完成');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'records.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.count()).toBe(0);

    // A target for 林晓: 66万 a year is 55,000 a month, met by his customers' 55,000.
    await page.getByTestId('scorecards-targets').click();
    const row = page.locator(`[data-testid="target-row"][data-id="${ids.lin}"]`);
    await row.getByTestId('target-input').fill('66万');
    await row.getByTestId('target-save').click();
    await expect.poll(() => row.textContent()).toContain('每月 ¥55,000.00');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'targets.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => lin.getByTestId('scorecard-cell-revenue').textContent()).toBe('100.055,000 / 55,000');

    // The units' view, and the workbook through the save dialog.
    await page.getByTestId('scorecards-who').getByText('单位').click();
    await expect.poll(() => page.locator('[data-testid="scorecard-row"][data-id="440515"]').count()).toBe(1);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'units.png') });
    const saved = join(SHOTS, '考核表_2026-11.xlsx');
    h.host.saveFile = saved;
    await page.getByTestId('scorecards-export').click();
    await expect.poll(() => page.locator('.mantine-Notification-root').textContent()).toContain('已导出');
    expect(existsSync(saved)).toBe(true);
    await closeNotifications(page);

    // In English: the same ranking, the parts and the weights named in English.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('scorecards-who').getByText('Account managers').click();
    await expect.poll(() => page.getByTestId('scorecards-table').textContent()).toContain('Complaints');
    expect(await page.locator('main').textContent()).toContain(
      'Weights (policy version 1): Revenue 40%, New customers 15%',
    );
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'managers-en.png') });
  });
});
