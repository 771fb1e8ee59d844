/**
 * 投诉 in the browser at 1366×768 (R33): a complaint recorded through the form shows its clock on
 * the officer's calendar; contacted, then paused with a reason (the close clock stops); an old one
 * never contacted is late and escalated, and counted on the menu. Screenshots into
 * /tmp/shots-complaints (KAM_COMPLAINTS_SHOTS to choose), copied by hand to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from './harness';
import { closeNotifications } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_COMPLAINTS_SHOTS ?? '/tmp/shots-complaints';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon of 2026-12-05 in the browser's zone (Asia/Shanghai). */
const NOW = new Date('2026-12-05T04:00:00Z');

describe('投诉, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('records a complaint with its clock, contacts and pauses it; a late one is escalated and counted', async () => {
    let late = 0;
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const call = b.registry.call.bind(b.registry);
        const units = await call('units/list', {});
        const unitId = units.find((u) => u.code === '440515')?.id as number;
        await call('customers/create', { name: '汕头市恒昌玩具厂', areaCode: '440515', unitId });
        const old = await call('customers/create', {
          name: '汕头市澄海区金利来制衣有限公司',
          areaCode: '440515',
          unitId,
        });
        const year = await call('holidays/show', { year: 2026 });
        await call('holidays/set', { year: 2026, off: year.off, work: year.work });
        late = (
          await call('complaints/add', {
            customerId: old.id,
            receivedAt: '2026-11-02T09:30',
            channel: '电话',
            content: '月结账单金额与合同不符',
            complex: false,
            unitId: null,
            loggedAt: '2026-11-02T09:40',
          })
        ).id;
      },
    });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });

    await h.open('#/worklist');
    // The late one is on the menu's count and the work list.
    await expect.poll(() => page.getByTestId('nav-count-complaints').textContent()).toBe('1');
    await page.getByTestId('nav-complaints').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/complaints');
    const rows = page.getByTestId('complaint-row');
    await expect.poll(() => rows.count()).toBe(1);
    const lateRow = page.locator(`[data-testid="complaint-row"][data-id="${late}"]`);
    expect(await lateRow.getByTestId('complaint-breached').count()).toBe(1);
    expect(await lateRow.getByTestId('complaint-escalated').textContent()).toBe('已上报中心');

    // A new complaint through the form, logged the day it came (Saturday): closed by Wednesday's end.
    await page.getByTestId('complaint-add').click();
    const form = page.getByTestId('complaint-form');
    await form.getByTestId('complaint-form-customer').fill('恒昌');
    await page.getByRole('option', { name: /汕头市恒昌玩具厂/ }).click();
    await form.getByTestId('complaint-form-received').fill('2026-12-05T09:30');
    await form.getByTestId('complaint-form-content').fill('寄往外省的样品破损，要求赔偿');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'form.png') });
    await form.getByTestId('form-submit').click();
    await expect.poll(() => rows.count()).toBe(2);
    const fresh = rows.filter({ hasText: '汕头市恒昌玩具厂' });
    expect(await fresh.textContent()).toContain('2026-12-06 09:30');
    expect(await fresh.textContent()).toContain('2026-12-09 前');
    expect(await fresh.getByTestId('complaint-breached').count()).toBe(0);
    await closeNotifications(page);

    // Contacted within the hour; then paused: a reason is required, and the close clock stops.
    await fresh.getByTestId('complaint-contact').click();
    const step = page.getByTestId('complaint-step-form');
    await step.getByTestId('complaint-step-at').fill('2026-12-05T10:00');
    await step.getByTestId('form-submit').click();
    await expect.poll(() => fresh.getAttribute('data-status')).toBe('contacted');
    await closeNotifications(page);
    await fresh.getByTestId('complaint-pause').click();
    await step.getByTestId('complaint-step-at').fill('2026-12-05T10:30');
    await step.getByTestId('form-submit').click();
    await expect.poll(() => step.textContent()).toContain('请填写暂停原因');
    await step.getByTestId('complaint-step-reason').fill('等待客户提供破损照片和寄件凭证');
    await step.getByTestId('form-submit').click();
    await expect.poll(() => fresh.getAttribute('data-status')).toBe('paused');
    expect(await fresh.textContent()).toContain('暂停中，时限停止');
    await closeNotifications(page);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'list.png') });

    const stored = await h.backend.registry.call('complaints/list', { open: true });
    const mine = stored.find((c) => c.customerName === '汕头市恒昌玩具厂');
    expect(mine?.pauses).toEqual([{ from: '2026-12-05T10:30', to: null, reason: '等待客户提供破损照片和寄件凭证' }]);

    // The customer's own page has it too; routed (转办) from there to 速递物流局, the receiver keeps it.
    await h.open(`#/customers/${mine?.customerId}`);
    await page.getByTestId('customer-tab-complaints').click();
    const onPage = page.getByTestId('customer-complaints').getByTestId('complaint-row');
    await expect.poll(() => onPage.count()).toBe(1);
    await onPage.getByTestId('complaint-route').click();
    const route = page.getByTestId('complaint-route-form');
    await route.getByTestId('complaint-route-unit').click();
    await page.getByRole('option', { name: '速递物流局' }).click();
    await route.getByTestId('form-submit').click();
    await expect.poll(() => onPage.getByTestId('complaint-routed').textContent()).toBe('转办：速递物流局');
    await closeNotifications(page);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'customer.png') });
  });

  it('warns while the year has no calendar; 设置 → 节假日 accepts the notice’s suggestion', async () => {
    h = await startHarness({ viewport: VIEWPORT, now: () => NOW });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });
    await h.open('#/complaints');
    await expect.poll(() => page.getByTestId('complaints-calendar-missing').count()).toBe(1);
    expect(await page.getByTestId('complaints-calendar-missing').textContent()).toContain(
      '2026 年的节假日安排尚未设置',
    );

    await h.open('#/settings/holidays');
    await expect.poll(() => page.getByTestId('holidays-source').textContent()).toBe('建议，未保存');
    expect(await page.getByTestId('holidays-off').inputValue()).toContain('2026-10-01');
    expect(await page.getByTestId('holidays-work').inputValue()).toContain('2026-10-10');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'holidays.png') });
    // A typing slip is named, nothing saved.
    await page.getByTestId('holidays-work').fill('2026-10-10\n2026-13-01');
    await page.getByTestId('holidays-save').click();
    await expect.poll(() => page.locator('main').textContent()).toContain('“2026-13-01”不是日期或区间');
    expect((await h.backend.registry.call('holidays/show', { year: 2026 })).source).toBe('suggested');
    await page
      .getByTestId('holidays-work')
      .fill('2026-01-04\n2026-02-14\n2026-02-28\n2026-05-09\n2026-09-20\n2026-10-10');
    await page.getByTestId('holidays-save').click();
    await expect.poll(() => page.getByTestId('holidays-source').textContent()).toBe('已设置（按通知）');

    await h.open('#/complaints');
    await expect.poll(() => page.getByTestId('complaints-table').count()).toBe(1);
    await h.settled();
    expect(await page.getByTestId('complaints-calendar-missing').count()).toBe(0);
  });
});
