/**
 * 拜访 in the browser at 1366×768 (R23), in November's last week (visits_short is listed from seven
 * days before the month's end): the work list's row opens the page narrowed to the customer; a
 * planned visit recorded as held leaves the work list and the menu's count; a visit recorded on
 * the customer's page moves its month's figure; the completion chart's bar opens the customers
 * behind it. Screenshots into /tmp/shots-visits (KAM_VISITS_SHOTS to choose), copied by hand to
 * docs/screenshots/visits-*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { gradeCustomers } from '../support/grade';
import { type Harness, startHarness } from './harness';
import { closeNotifications } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_VISITS_SHOTS ?? '/tmp/shots-visits';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon of 2026-11-26 in the browser's zone (Asia/Shanghai): November's last week. */
const NOW = new Date('2026-11-26T04:00:00Z');

const HENGCHANG = '汕头市恒昌玩具厂';
const HONGDA = '汕头市宏达电子有限公司';
const JINLILAI = '汕头市澄海区金利来制衣有限公司';

describe('拜访, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('records visits from the work list and the customer page; the chart’s bar opens its customers', async () => {
    const ids: Record<string, string> = {};
    let li = 0;
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const call = b.registry.call.bind(b.registry);
        const units = await call('units/list', {});
        const unitId = units.find((u) => u.code === '440515')?.id as number;
        for (const name of [HENGCHANG, HONGDA, JINLILAI])
          ids[name] = (await call('customers/create', { name, areaCode: '440515', unitId })).id;
        // Graded on 2025, in force in 2026: comprehensive gold 2 a month, silver 1 each.
        gradeCustomers(b.db, 2025, [
          [ids[HENGCHANG] as string, 'gold', 'comprehensive'],
          [ids[HONGDA] as string, 'silver', 'comprehensive'],
          [ids[JINLILAI] as string, 'silver', 'regional'],
        ]);
        const manager = async (name: string, phone: string) =>
          (
            await call('managers/register', {
              name,
              unitId,
              post: 'account_manager',
              employment: 'full_time',
              phone,
              effectiveOn: '2026-01-01',
            })
          ).id;
        const chen = await manager('陈文', '13800138000');
        li = await manager('李娜', '13800138001');
        const assign = (name: string, role: 'A' | 'B', managerId: number) =>
          call('assignments/set', { customerId: ids[name] as string, role, managerId, fromOn: '2026-01-01' });
        await assign(HENGCHANG, 'A', chen);
        await assign(HENGCHANG, 'B', li);
        await assign(HONGDA, 'A', chen);
        await assign(HONGDA, 'B', li);
        await assign(JINLILAI, 'A', li);
        await assign(JINLILAI, 'B', chen);
        // 恒昌: one of two held; the second planned for yesterday.
        await call('visits/add', {
          customerId: ids[HENGCHANG] as string,
          date: '2026-11-05',
          kind: 'manager',
          status: 'held',
          managerId: chen,
          participants: '陈文；客户王总',
          outcome: '确认 12 月样品寄递需求',
        });
        await call('visits/add', {
          customerId: ids[HENGCHANG] as string,
          date: '2026-11-25',
          kind: 'manager',
          status: 'planned',
          managerId: chen,
          purpose: '年度协议续签',
        });
        await call('visits/add', {
          customerId: ids[HONGDA] as string,
          date: '2026-03-12',
          kind: 'leader',
          status: 'held',
          managerId: null,
          participants: '市分公司副总经理、陈文',
          outcome: '签订年度战略合作备忘录',
        });
      },
    });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });

    // 待办: all three short in the month's last week, counted on the 拜访 menu item.
    await h.open('#/worklist');
    const short = page.locator('[data-testid="worklist-table"] tbody tr[data-kind="visits_short"]');
    await expect.poll(() => short.count()).toBe(3);
    expect(await page.getByTestId('nav-count-visits').textContent()).toBe('3');

    // Its row opens the visits page narrowed to 恒昌.
    await short
      .filter({ hasText: HENGCHANG })
      .getByRole('link', { name: /去处理/ })
      .click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/visits/${ids[HENGCHANG]}`);
    await expect.poll(() => page.getByTestId('visits-customer-filter').textContent()).toContain(HENGCHANG);
    const obligations = page.getByTestId('visits-obligation-row');
    await expect.poll(() => obligations.count()).toBe(1);
    expect(await obligations.first().getAttribute('data-short')).toBe('1');

    // 拜访记录: the planned one → 记录结果; held needs participants and outcome.
    await page.getByTestId('visits-tab-records').click();
    const planned = page.locator('[data-testid="visit-row"][data-status="planned"]');
    await expect.poll(() => planned.count()).toBe(1);
    await planned.getByTestId('visit-record').click();
    const form = page.getByTestId('visit-record-form');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.textContent()).toContain('请填写参加人员');
    expect(await form.textContent()).toContain('请填写拜访结果');
    await form.getByTestId('visit-record-participants').fill('陈文、李娜；客户王总、采购部刘经理');
    await form.getByTestId('visit-record-outcome').fill('续签 2027 年度快递协议，月结寄递量约 3,000 件');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'record.png') });
    await form.getByTestId('form-submit').click();
    await expect.poll(() => page.locator('[data-testid="visit-row"][data-status="held"]').count()).toBe(2);
    await closeNotifications(page);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'records.png') });

    // Done for the month: off the work list and the menu's count.
    await page.getByTestId('visits-tab-obligations').click();
    await expect.poll(() => obligations.first().getAttribute('data-short')).toBe('0');
    await expect.poll(() => page.getByTestId('nav-count-visits').textContent()).toBe('2');

    // The whole list, with its filters; 只看未完成.
    await page.getByTestId('visits-clear-customer').click();
    await expect.poll(() => obligations.count()).toBe(3);
    await page.getByTestId('visits-filter-short').click();
    await expect.poll(() => obligations.count()).toBe(2);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'obligations.png') });

    // The customer page's 拜访 tab: 宏达 0 of 1; a visit recorded there makes it 1 of 1.
    await h.open(`#/customers/${ids[HONGDA]}`);
    await page.getByTestId('customer-tab-visits').click();
    const figure = page.getByTestId('customer-visits-month');
    await expect.poll(() => figure.textContent()).toContain('应拜访 1 次，已拜访 0 次');
    expect(await page.getByTestId('customer-visits-leader').textContent()).toContain('已拜访 1 次（最近 2026-03-12）');
    await page.getByTestId('customer-visit-add').click();
    const add = page.getByTestId('visit-form');
    expect(await add.getByTestId('visit-form-date').inputValue()).toBe('2026-11-26');
    await add.getByTestId('visit-form-participants').fill('李娜；客户财务部张主任');
    await add.getByTestId('visit-form-outcome').fill('核对 11 月账单，客户要求增加上门揽收频次');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'form.png') });
    await add.getByTestId('form-submit').click();
    await expect.poll(() => figure.textContent()).toContain('应拜访 1 次，已拜访 1 次');
    await closeNotifications(page);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'customer.png') });
    // On its timeline, held visits with who took part and the outcome.
    await page.getByTestId('customer-tab-timeline').click();
    const held = page.locator('[data-testid="customer-timeline-event"][data-kind="visit_held"]');
    await expect.poll(() => held.count()).toBe(2);
    expect(await held.first().textContent()).toContain('客户经理拜访 #4 已拜访（李娜；客户财务部张主任）');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'timeline.png') });

    // One short left on the work list: 金利来.
    await h.open('#/worklist');
    await expect.poll(() => short.count()).toBe(1);
    expect(await short.first().textContent()).toContain(JINLILAI);

    // 完成率 by manager: 李娜 carries 恒昌 2/2, 宏达 1/1 and 金利来 0/1 → 3/4; her bar opens them.
    await h.open('#/visits');
    await page.getByTestId('visits-tab-completion').click();
    await expect
      .poll(() => page.getByTestId('visits-completion-total').textContent())
      .toContain('应拜访 4 次，计入 3 次，完成率 75%');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'completion.png') });
    await page.locator(`[data-testid="visits-completion-bar"][data-key="${li}"]`).click();
    const drawer = page.getByTestId('visits-drawer-customer');
    await expect.poll(() => drawer.count()).toBe(3);
    expect(await page.getByTestId('visits-drawer-title').textContent()).toBe('李娜：3/4（75%）');
    // The shortest first.
    expect(await drawer.first().getAttribute('data-customer')).toBe(ids[JINLILAI]);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'drawer.png') });
    await page.keyboard.press('Escape');

    // Year to date: eleven months of 2 + 1 + 1 due.
    await page.getByTestId('visits-completion-span').getByText('本年累计').click();
    await expect.poll(() => page.getByTestId('visits-completion-total').textContent()).toContain('应拜访 44 次');

    // 领导拜访: 宏达 done, the other two not yet.
    await page.getByTestId('visits-tab-leaders').click();
    await expect.poll(() => page.getByTestId('visits-leader-row').count()).toBe(3);
    expect(await page.locator('[data-testid="visits-leader-row"][data-met="true"]').count()).toBe(1);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'leaders.png') });

    // In English: the same page, nothing left in Chinese but the names.
    await page.getByTestId('language-switch').getByText('English').click();
    await page.getByTestId('visits-tab-completion').click();
    await expect.poll(() => page.getByTestId('visits-completion-total').textContent()).toContain('44 due');
    await page.getByTestId('visits-completion-by').getByText('By tier').click();
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'en.png') });
    expect(h.pageErrors).toEqual([]);
  });
});
