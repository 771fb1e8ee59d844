/**
 * 营销日志 in the browser at 1366×768 (R21–R22): a diamond customer's development stuck for 15 days
 * is counted on the menu; 推进 warns that its stage has no entry (R22) and asks for a reason; a log
 * entry through the form clears both; the win records the agreement and hands the lead to B (R20),
 * and the customer page's 开发与日志 tab and timeline show it. Screenshots into /tmp/shots-marketing
 * (KAM_MARKETING_SHOTS to choose), copied by hand to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gradeCustomers } from '../support/grade';
import { type Harness, startHarness } from './harness';
import { closeNotifications } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_MARKETING_SHOTS ?? '/tmp/shots-marketing';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon of 2026-12-05 in the browser's zone (Asia/Shanghai). */
const NOW = new Date('2026-12-05T04:00:00Z');

describe('营销日志, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('a stuck diamond development: the R22 warning, a log entry, then the win hands the lead to B', async () => {
    let customerId = '';
    let developmentId = 0;
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const call = b.registry.call.bind(b.registry);
        const units = await call('units/list', {});
        const unitId = units.find((u) => u.code === '440515')?.id as number;
        customerId = (await call('customers/create', { name: '汕头市恒昌玩具厂', areaCode: '440515', unitId })).id;
        const other = (await call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId }))
          .id;
        gradeCustomers(b.db, 2025, [
          [customerId, 'diamond', 'regional'],
          [other, 'gold', 'regional'],
        ]);
        for (const [name, role] of [
          ['陈文', 'A'],
          ['林晓', 'B'],
        ] as const) {
          const m = await call('managers/register', {
            name,
            unitId,
            post: 'account_manager',
            employment: 'full_time',
            effectiveOn: '2026-01-01',
          });
          await call('assignments/set', { customerId, role, managerId: m.id, fromOn: '2026-02-01' });
        }
        developmentId = (
          await call('developments/add', {
            customerId,
            line: 'express',
            title: '跨境小包月结',
            expectedRevenueFen: '36万',
            expectedOn: '2026-12-31',
            date: '2026-11-10',
          })
        ).id;
        const g = await call('developments/add', { customerId: other, line: 'letters', date: '2026-11-20' });
        await call('logs/add', {
          customerId: other,
          developmentId: g.id,
          date: '2026-11-21',
          method: 'phone',
          content: '电话了解商函需求，约下周面谈',
          ourParticipants: '陈文',
          theirParticipants: '行政部王主任',
          satisfaction: 4,
        });
      },
    });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });

    await h.open('#/worklist');
    await expect.poll(() => page.getByTestId('nav-count-logs').textContent()).toBe('1');
    await page.getByTestId('nav-logs').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/logs');
    const row = page.locator(`[data-testid="development-row"][data-id="${developmentId}"]`);
    await expect.poll(() => row.getByTestId('development-stuck').textContent()).toBe('停滞（2026-11-25 起）');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'developments.png') });

    // 推进 with no entry in 初次接触: the R22 warning, and a reason is required.
    await row.getByTestId('development-move-open').click();
    const move = page.getByTestId('development-move');
    await expect
      .poll(() => move.getByTestId('development-move-gate').textContent())
      .toContain('「初次接触」阶段还没有日志');
    await move.getByTestId('form-submit').click();
    await expect.poll(() => move.textContent()).toContain('请填写理由');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'move-gate.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => move.count()).toBe(0);

    // A log entry through the form: the stage's count and the stuck mark follow.
    await row.getByTestId('development-log').click();
    const form = page.getByTestId('log-form');
    await form.getByTestId('log-form-content').fill('上门介绍跨境小包月结方案，客户关注时效与破损赔付');
    await form.getByLabel('我方人员').fill('陈文、林晓');
    await form.getByLabel('客户方人员').fill('物流部李经理');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'log-form.png') });
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => row.getByTestId('development-stuck').count()).toBe(0);
    expect(await row.textContent()).toContain('1 / 0 / 0 / 0');
    await closeNotifications(page);

    // Now it signs: no warning; the agreement and the lead to B.
    await row.getByTestId('development-move-open').click();
    await page.getByTestId('development-move-to').click();
    await page.getByRole('option', { name: '达成协议/签合同' }).click();
    expect(await move.getByTestId('development-move-gate').count()).toBe(0);
    await move.getByTestId('form-submit').click();
    await expect.poll(() => page.locator('.mantine-Notification-root').textContent()).toContain('已改由 B 角维护');
    const stored = await h.backend.registry.call('assignments/get', { customerId, date: '2026-12-05' });
    expect(stored.lead?.role).toBe('B');
    expect((await h.backend.registry.call('customers/get', { id: customerId })).agreementSince).toBe('2026-12-05');

    await page.getByTestId('marketing-tab-logs').click();
    await expect.poll(() => page.getByTestId('log-row').count()).toBe(2);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'logs.png') });

    // The customer page's tab and timeline.
    await h.open(`#/customers/${customerId}`);
    await page.getByTestId('customer-tab-marketing').click();
    const mine = page.getByTestId('customer-marketing');
    await expect.poll(() => mine.locator('[data-testid="development-row"]').getAttribute('data-status')).toBe('won');
    await closeNotifications(page);
    await mine.scrollIntoViewIfNeeded();
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'customer.png') });
    await page.getByTestId('customer-tab-timeline').click();
    await expect.poll(() => page.locator('main').textContent()).toContain('达成协议/签合同');

    // In English: the 营销日志 page's stages, methods and buttons.
    await page.getByTestId('language-switch').getByText('English').click();
    await h.open('#/logs');
    await page.getByTestId('marketing-tab-developments').click();
    await page.getByText('All', { exact: true }).click();
    await expect.poll(() => page.getByTestId('developments-table').textContent()).toContain('Agreement / contract');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'developments-en.png') });
  });
});
