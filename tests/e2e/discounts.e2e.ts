/**
 * 资费优惠 in the browser at 1366×768 (R29): a request through 申请优惠 shows the steps it will need
 * before it is sent; the list shows its chain; 审批 approves the first step, a rejection without a
 * comment is refused on the field, and with one ends the request; the menu counts the pending
 * ones; the customer page lists its approved and pending discounts. Screenshots into
 * /tmp/shots-discounts (KAM_DISCOUNTS_SHOTS to choose), copied by hand to docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from './harness';
import { choose, closeNotifications } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_DISCOUNTS_SHOTS ?? '/tmp/shots-discounts';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon of 2026-12-05 in the browser's zone (Asia/Shanghai). */
const NOW = new Date('2026-12-05T04:00:00Z');

describe('资费优惠, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('requests a discount with its steps, approves a step, rejects with a comment; the customer page shows them', async () => {
    let approvedId = 0;
    let customer = '';
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const call = b.registry.call.bind(b.registry);
        const units = await call('units/list', {});
        const unitId = units.find((u) => u.code === '440515')?.id as number;
        customer = (await call('customers/create', { name: '汕头市恒昌玩具厂', areaCode: '440515', unitId })).id;
        const other = await call('customers/create', {
          name: '汕头市澄海区金利来制衣有限公司',
          areaCode: '440515',
          unitId,
        });
        // One approved through its single step, one waiting at the centre after the unit's head.
        const approved = await call('discounts/add', {
          customerId: customer,
          line: 'letters',
          rateUnit: '件',
          standardRate: '0.80',
          proposedRate: '0.76',
          monthlyVolume: 5000,
          reason: '商业信函批量交寄，按月结算',
          validFrom: '2026-12-01',
          validTo: '2027-05-31',
        });
        await call('discounts/decide', { id: approved.id, decision: 'approve', approver: '林主任' });
        approvedId = approved.id;
        const waiting = await call('discounts/add', {
          customerId: other.id,
          line: 'parcels',
          rateUnit: '千克',
          standardRate: '12.00',
          proposedRate: '9.60',
          monthlyVolume: 800,
          reason: '服装电商，旺季包裹量大，竞争对手报价 9.50 元',
          validFrom: '2027-01-01',
          validTo: '2027-12-31',
        });
        await call('discounts/decide', {
          id: waiting.id,
          decision: 'approve',
          approver: '陈局长',
          comment: '同意报市局',
        });
      },
    });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });

    await h.open('#/worklist');
    await expect.poll(() => page.getByTestId('nav-count-discounts').textContent()).toBe('1');
    await page.getByTestId('nav-discounts').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/discounts');
    const rows = page.getByTestId('discount-row');
    await expect.poll(() => rows.count()).toBe(1);

    // 申请优惠: the steps it will need show as the rates are typed (20% off: the leader too).
    await page.getByTestId('discount-add').click();
    const form = page.getByTestId('discount-form');
    await form.getByTestId('discount-form-customer').fill('恒昌');
    await page.getByRole('option', { name: /汕头市恒昌玩具厂/ }).click();
    await choose(page, form.getByTestId('discount-form-line'), /^特快$/);
    await form.getByTestId('discount-form-standard').fill('20.00');
    await form.getByTestId('discount-form-proposed').fill('16.00');
    await form.getByTestId('discount-form-volume').fill('300');
    await form.getByTestId('discount-form-to').fill('2027-06-30');
    await form.getByTestId('discount-form-reason').fill('跨境电商样品寄递，年度框架协议');
    await expect.poll(() => form.getByTestId('discount-form-preview').textContent()).toContain('单位负责人');
    expect(await form.getByTestId('discount-form-preview').textContent()).toContain('分管局领导');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'form.png') });
    await form.getByTestId('form-submit').click();
    await expect.poll(() => rows.count()).toBe(2);
    await closeNotifications(page);
    const fresh = rows.filter({ hasText: '汕头市恒昌玩具厂' });
    expect(await fresh.getByTestId('discount-step').count()).toBe(3);
    await expect.poll(() => page.getByTestId('nav-count-discounts').textContent()).toBe('2');

    // 审批: the unit's head approves with who signed.
    await fresh.getByTestId('discount-decide').click();
    const decide = page.getByTestId('discount-decide-form');
    await decide.getByTestId('discount-decide-approver').fill('林主任');
    await decide.getByTestId('form-submit').click();
    await expect.poll(() => fresh.locator('[data-testid="discount-step"][data-state="approve"]').count()).toBe(1);
    await closeNotifications(page);

    // The other one: a rejection needs its comment, and ends the request.
    const other = rows.filter({ hasText: '金利来' });
    await other.getByTestId('discount-decide').click();
    await page.getByTestId('discount-decide-decision').getByText('驳回').click();
    await decide.getByTestId('form-submit').click();
    await expect.poll(() => decide.textContent()).toContain('驳回须填写审批意见');
    await decide.getByTestId('discount-decide-comment').fill('幅度 20% 超出本季度让利额度，请重新测算');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'decide.png') });
    await decide.getByTestId('form-submit').click();
    await expect.poll(() => rows.count()).toBe(1);
    await closeNotifications(page);
    await page.getByTestId('discount-filter').getByText('全部').click();
    await expect.poll(() => rows.count()).toBe(3);
    await expect.poll(() => other.getAttribute('data-status')).toBe('rejected');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'list.png') });

    // The customer page: the approved one with its validity, the pending one waiting at the centre.
    await h.open(`#/customers/${customer}`);
    const panel = page.getByTestId('customer-discounts');
    await expect.poll(() => panel.getByTestId('customer-discount').count()).toBe(2);
    expect(await panel.textContent()).toContain('2026-12-01 至 2027-05-31');
    expect(await panel.textContent()).toContain('待 市局大客户中心 审批');
    await panel.scrollIntoViewIfNeeded();
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'customer.png') });
    // Its timeline: requested, the step decided, approved.
    await page.getByTestId('customer-tab-timeline').click();
    const events = page.locator('[data-testid="customer-timeline-event"][data-kind^="discount"]');
    await expect.poll(() => events.count()).toBe(5);
    expect(await page.getByTestId('customer-timeline').textContent()).toContain('资费优惠 #1（函件）获批准');
    expect(await page.getByTestId('customer-timeline').textContent()).toContain('第 1 步 单位负责人（林主任）：同意');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'timeline.png') });

    // The same page in English (checked by eye: nothing cut or overlapping).
    await page.getByTestId('language-switch').getByText('English').click();
    await h.open('#/discounts');
    await page.getByTestId('discount-filter').getByText('All').click();
    await expect.poll(() => rows.count()).toBe(3);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'list-en.png') });
    await h.open('#/worklist');
    await expect.poll(() => page.locator('main').textContent()).toContain('Discount awaiting a decision');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'worklist-en.png') });

    const stored = await h.backend.registry.call('discounts/list', { customerId: customer });
    expect(stored.find((d) => d.id === approvedId)?.status).toBe('approved');
    expect(stored.find((d) => d.line === 'express')?.steps[0]?.decision).toMatchObject({
      decision: 'approve',
      approver: '林主任',
    });
  });

  it('shows the approval chain the rules give under 设置 → 规则 (R29)', async () => {
    h = await startHarness({ viewport: VIEWPORT, now: () => NOW });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });
    await h.open('#/settings/rules');
    const section = page.getByTestId('policy-discounts');
    await expect.poll(() => section.count()).toBe(1);
    const text = await section.textContent();
    for (const part of [
      '单位负责人',
      '所有申请必经',
      '市局大客户中心',
      '优惠幅度 ≥10%',
      '钻石、黄金客户',
      '¥10,000.00',
      '省公司',
    ])
      expect(text).toContain(part);
    await section.scrollIntoViewIfNeeded();
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'rules.png') });

    // A draft tunes a depth (typed in %, stored in basis points) and is saved as a new version.
    await page.getByTestId('policy-draft-start').click();
    await page.getByTestId('policy-draft-discounts-steps-1-anyOf-0-minDepthBp').fill('15');
    await expect.poll(() => page.getByTestId('policy-draft-valid').count()).toBe(1);
    await page.getByTestId('policy-draft-save').click();
    await page.getByTestId('policy-save-label').fill('市局审批幅度调至 15%');
    await page.getByTestId('policy-save-form').getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('policy-version-row').count()).toBe(2);
    const saved = (await h.backend.registry.call('policies/get', { version: 2 })).document.discounts;
    expect(saved.steps[1]?.anyOf[0]).toEqual({ minDepthBp: 1500 });
    expect(h.pageErrors).toEqual([]);
  });
});
