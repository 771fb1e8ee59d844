/**
 * 待办 in the browser at 1366×768: the duties of the day with their due dates and counts, the menu's
 * counts, the unit filter, and each row opening the place to act. Screenshots into
 * /tmp/shots-worklist (KAM_WORKLIST_SHOTS to choose), copied by hand to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fillDemo } from '../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { BASIC, GOLD, prepareGoldCustomer } from './gold-customer';
import { type Harness, startHarness } from './harness';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_WORKLIST_SHOTS ?? '/tmp/shots-worklist';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon of 2026-12-05 in the browser's zone (Asia/Shanghai). */
const NOW = new Date('2026-12-05T04:00:00Z');

describe('待办, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('lists the day’s duties with their due dates, counts them on the menu, filters by unit and opens the place to act', async () => {
    let units: string[] = [];
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        fillDemo(b.db, POLICY_V1, { customers: 60, seed: 5 }, NOW);
        units = (await b.registry.call('worklist/list', {})).items.map((i) => i.unit);
      },
    });
    const { page } = h;
    expect(units.length).toBeGreaterThanOrEqual(3);
    await h.open('#/worklist');
    const rows = page.getByTestId('worklist-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(units.length);
    // November's forms were due on the 25th/28th: every row says how long ago.
    expect(await rows.first().textContent()).toContain('已逾期 10 天');
    expect(await rows.first().textContent()).toContain(
      '2026年11月：收入明细、新客户申报、客户经理变动、波动原因、经营分析',
    );
    expect(await page.getByTestId('nav-count-worklist').textContent()).toBe(String(units.length));
    expect(await page.getByTestId('nav-count-submissions').textContent()).toBe(String(units.length));
    expect(await page.getByTestId('worklist-kinds').textContent()).toContain(`报表未报送 ${units.length}`);
    await h.settled();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'worklist.png') });

    // One unit: its row only.
    await page.getByTestId('worklist-unit').click();
    await page.getByRole('option', { name: new RegExp(`（${units[0]}）`) }).click();
    await expect.poll(() => rows.count()).toBe(1);

    // 去处理 opens the tracker, where the forms are received.
    await rows
      .first()
      .getByRole('link', { name: /去处理/ })
      .click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/submissions');
  });

  it('shrinks as duties are done: the archive filled from its row leaves the list and the menu count', async () => {
    let id = '';
    h = await startHarness({
      viewport: VIEWPORT,
      // 10 March 2026: the gold customer's archive was due by 31 January; it has no A, B or 专人.
      now: () => new Date('2026-03-10T04:00:00Z'),
      prepare: async (b) => {
        id = await prepareGoldCustomer(b);
      },
    });
    const { page } = h;
    await h.open('#/worklist');
    const rows = page.getByTestId('worklist-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).getAttribute('data-kind')).toBe('archive_overdue');
    expect(await rows.nth(0).textContent()).toContain(GOLD);
    expect(await rows.nth(0).textContent()).toContain('已逾期 38 天');
    expect(await rows.nth(1).getAttribute('data-kind')).toBe('missing_ab');
    expect(await rows.nth(1).textContent()).toContain('缺少A角客户经理');
    expect(await page.getByTestId('nav-count-worklist').textContent()).toBe('2');
    await h.settled();
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'worklist-duties.png') });

    // 去处理 opens the customer's 档案 tab; filling it in settles the duty.
    await rows
      .nth(0)
      .getByRole('link', { name: /去处理/ })
      .click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/customers/${id}/archive`);
    await page.getByTestId('archive-fill').click();
    const form = page.getByTestId('archive-form');
    for (const [key, value] of Object.entries(BASIC)) await page.getByTestId(`archive-field-basic-${key}`).fill(value);
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => page.getByTestId('nav-count-worklist').textContent()).toBe('1');

    await page.getByTestId('nav-worklist').click();
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-kind')).toBe('missing_ab');
    expect(h.pageErrors).toEqual([]);
  });
});
