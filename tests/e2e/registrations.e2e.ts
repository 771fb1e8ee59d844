/**
 * 注册申报 in the browser at 1366×768: the list by state with the ownership clock; a new
 * registration whose duplicate check shows, while the name is typed, that another unit already
 * holds the same company (only the holder's unit, state and date, R19a); a wrong credit code
 * refused with the character named and nothing stored; the conflict's two sides side by side;
 * the centre's ruling; approved with the customer's 14-digit ID, whose page opens. Screenshots
 * into /tmp/shots-registrations (KAM_REGISTRATIONS_SHOTS to choose), copied by hand to
 * docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { creditCodeCheckCharacter } from '../../shared/domain/credit-code';
import { type Harness, startHarness } from './harness';
import { closeNotifications } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_REGISTRATIONS_SHOTS ?? '/tmp/shots-registrations';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon of 2026-12-05 in the browser's zone (Asia/Shanghai). */
const NOW = new Date('2026-12-05T04:00:00Z');
const HOLDER = '汕头市宏达电子有限公司';
const TYPED = '宏达电子（汕头）有限公司';
const BODY = '91440513MA4UHD0Q1';
const RIGHT = BODY + creditCodeCheckCharacter(BODY);
const WRONG = BODY + (creditCodeCheckCharacter(BODY) === '0' ? '1' : '0');

describe('注册申报, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('shows the duplicate while typing, refuses a wrong credit code, shows the conflict side by side, rules and approves with the customer’s ID', async () => {
    let holderId = '';
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const call = b.registry.call.bind(b.registry);
        const units = await call('units/list', { includeRetired: true });
        const unit = (code: string) => units.find((u) => u.code === code)?.id as number;
        // Another unit's customer, the company about to be registered again.
        holderId = (await call('customers/create', { name: HOLDER, areaCode: '440515', unitId: unit('440515') })).id;
        const branch = await call('units/create', {
          code: 'CH01',
          name: '澄海莲下支局',
          kind: 'branch',
          parentId: unit('440515'),
          areaCode: '440515',
        });
        await call('registrations/add', {
          unitId: branch.id,
          name: '汕头市顺捷物流有限公司',
          areaCode: '440515',
          date: '2026-12-01',
        });
        const approved = await call('registrations/add', {
          unitId: unit('440515'),
          name: '汕头市金源电子科技有限公司',
          areaCode: '440515',
          date: '2026-06-01',
        });
        await call('registrations/decide', { id: approved.id, approve: true, date: '2026-06-05' });
        await call('registrations/add', {
          unitId: unit('P05'),
          name: '汕头市新星电子科技有限公司',
          areaCode: '440507',
          lines: ['express'],
          date: '2026-11-28',
        });
        const rejected = await call('registrations/add', {
          unitId: unit('440514'),
          name: '汕头市远航贸易有限公司',
          areaCode: '440514',
          date: '2026-10-20',
        });
        await call('registrations/decide', {
          id: rejected.id,
          approve: false,
          reason: '收入证明不足',
          date: '2026-10-25',
        });
      },
    });
    const { page } = h;
    const stored = async () => (await h.backend.registry.call('registrations/list', {})).length;
    mkdirSync(SHOTS, { recursive: true });
    /** Closes the toasts (they cover the page's header in a screenshot). */
    const closeToasts = async () => {
      await closeNotifications(page);
      await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
    };

    // The menu item is enabled and opens the list.
    await h.open('#/customers');
    await page.getByTestId('nav-registrations').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/registrations');
    const rows = page.getByTestId('registrations-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(4);
    const table = page.getByTestId('registrations-table');
    expect(await table.textContent()).toContain('待预审');
    expect(await table.textContent()).toContain('已通过');
    expect(await table.textContent()).toContain('已驳回');
    // The approved one shows its ownership period and its customer link.
    expect(await page.getByTestId('registration-clock').first().textContent()).toMatch(/保护期内|将满|已满|已确认/);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'list.png') });

    // Only 待预审.
    await page.getByTestId('registrations-state').getByText('待预审').click();
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByTestId('registrations-state').getByText('全部').click();
    await expect.poll(() => rows.count()).toBe(4);

    // A new registration: the duplicate shows while the name is typed.
    const before = await stored();
    await page.getByTestId('registration-add').click();
    const form = page.getByTestId('registration-form');
    await form.getByTestId('registration-form-unit').click();
    await page.getByRole('option', { name: '潮阳分局' }).click();
    await expect.poll(() => form.getByTestId('registration-form-area').inputValue()).toContain('440513');
    await form.getByTestId('registration-form-name').pressSequentially(TYPED, { delay: 20 });
    const dup = form.getByTestId('registration-dup');
    await expect.poll(() => dup.textContent()).toContain('同一企业');
    const dupText = (await dup.textContent()) ?? '';
    expect(dupText).toContain('澄海分局');
    expect(dupText).toContain('已是客户');
    expect(dupText).toContain('2026年12月5日');
    // R19a: the holder's facts only, never its dossier.
    expect(dupText).not.toContain(HOLDER);
    expect(dupText).not.toContain(holderId);
    expect(await form.getByTestId('registration-dup-conflict').textContent()).toContain('市局大客户中心裁定');
    await form.getByTestId('registration-form-phone').fill('0754-8321 5566');
    await form.getByTestId('registration-form-revenue').fill('180000');
    await form.getByTestId('registration-form-evidence').fill('快递服务合同（2026年11月）');
    await form.getByTestId('registration-form-contact').fill('林经理');
    await form.getByTestId('registration-form-lines').click();
    await page.getByRole('option', { name: '特快' }).click();
    await page.getByRole('option', { name: '包件' }).click();
    await page.keyboard.press('Escape');
    await form.getByTestId('registration-form-reason').fill('客户在潮阳签订快递合同，业务由潮阳分局承接');

    // A wrong credit code: the character is named while typing and on submit; nothing is stored.
    await form.getByTestId('registration-form-credit-code').fill(WRONG);
    await expect.poll(() => form.textContent()).toContain('校验位错误：第 18 位应为');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'form-matches.png') });
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.textContent()).toContain('校验位错误');
    expect(await stored()).toBe(before);
    // Nothing typed is lost.
    expect(await form.getByTestId('registration-form-name').inputValue()).toBe(TYPED);
    expect(await form.getByTestId('registration-form-reason').inputValue()).toContain('潮阳签订');

    await form.getByTestId('registration-form-credit-code').fill(RIGHT);
    await expect.poll(() => form.textContent()).not.toContain('校验位错误');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#\/registrations\/\d+$/);
    expect(await stored()).toBe(before + 1);

    // The detail: needs a ruling, the two sides side by side.
    await expect.poll(() => page.getByTestId('registration-needs-ruling').count()).toBe(1);
    const sides = page.getByTestId('registration-side');
    await expect.poll(() => sides.count()).toBe(2);
    expect(await sides.nth(0).textContent()).toContain('潮阳分局');
    expect(await sides.nth(0).textContent()).toContain('180,000.00');
    expect(await sides.nth(1).textContent()).toContain('澄海分局');
    expect(await sides.nth(1).textContent()).toContain(holderId);
    // No approval past the conflict: only 裁定.
    expect(await page.getByTestId('act-approve').count()).toBe(0);
    // The result was told: state and the conflict.
    expect(await page.locator('.mantine-Notification-root').first().textContent()).toContain('须由市局大客户中心裁定');
    await closeToasts();
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'conflict.png') });

    // The ruling: for this registration, by signing location.
    await page.getByTestId('act-rule').click();
    const decide = page.getByTestId('registration-decide');
    await decide.getByTestId('decide-reason').fill('合同在潮阳签订');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'ruling.png') });
    await decide.getByTestId('form-submit').click();
    await expect.poll(() => decide.count()).toBe(0);
    await expect.poll(() => page.getByTestId('registration-state').first().textContent()).toBe('已通过');
    const link = page.getByTestId('registration-customer');
    await expect.poll(() => link.textContent()).toBe(holderId);
    expect(holderId).toMatch(/^\d{14}$/);
    expect(await page.getByTestId('registration-rulings').textContent()).toContain('签约地优先');
    expect(await page.getByTestId('registration-steps').textContent()).toContain('裁定归本申报');
    await closeToasts();
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'approved.png') });

    // The customer page opens, now the registering unit's.
    await link.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/customers/${holderId}`);
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain(HOLDER);
    const customer = await h.backend.registry.call('customers/get', { id: holderId });
    const units = await h.backend.registry.call('units/list', { includeRetired: true });
    expect(customer.unitId).toBe(units.find((u) => u.code === '440513')?.id);
    // The hub names the registration that now owns it, and its timeline the change of unit.
    const owned = page.getByTestId('customer-registration');
    await expect.poll(() => owned.textContent()).toContain('潮阳分局');
    expect(await owned.textContent()).toContain('已通过');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'customer-hub.png') });
    await page.getByTestId('customer-tab-timeline').click();
    await expect
      .poll(() => page.locator('[data-testid="customer-timeline-event"][data-kind="owner_change"]').textContent())
      .toContain('澄海分局 → 潮阳分局');
    expect(h.pageErrors).toEqual([]);
  });

  it('营销申报: filed by another unit, the owner agrees, the centre rules the share and end date', async () => {
    let customerId = '';
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const units = await b.registry.call('units/list', { includeRetired: true });
        const chenghai = units.find((u) => u.code === '440515')?.id as number;
        customerId = (await b.registry.call('customers/create', { name: HOLDER, areaCode: '440515', unitId: chenghai }))
          .id;
      },
    });
    const { page } = h;
    await h.open('#/registrations/applications');
    await expect.poll(() => page.getByTestId('applications-empty').count()).toBe(1);
    await page.getByTestId('application-add').click();
    const form = page.getByTestId('application-form');
    await form.getByTestId('application-form-customer').fill('宏达');
    await page.getByRole('option', { name: new RegExp(HOLDER) }).click();
    await form.getByTestId('application-form-unit').click();
    await page.getByRole('option', { name: '速递物流局' }).click();
    await form.getByTestId('application-form-plan').fill('承接该客户的速递业务，上门揽收');
    await form.getByTestId('application-form-starts').fill('2026-12-10');
    await form.getByTestId('application-form-until').fill('2027-06-30');
    await form.getByTestId('application-form-revenue').fill('50000');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.count()).toBe(0);
    const rows = page.getByTestId('applications-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('待归属单位意见');

    // The owner unit agrees; then the centre rules: 30 % until the end of June.
    await rows.first().getByTestId('application-decide').click();
    let decide = page.getByTestId('application-decide-form');
    await decide.getByTestId('application-decide-opinion').fill('同意，由速递物流局承接速递');
    await decide.getByTestId('form-submit').click();
    await expect.poll(() => rows.first().textContent()).toContain('待中心裁定');
    await rows.first().getByTestId('application-decide').click();
    decide = page.getByTestId('application-decide-form');
    await decide.getByTestId('application-decide-percent').fill('30');
    await decide.getByTestId('application-decide-opinion').fill('按 30% 计入速递物流局');
    await decide.getByTestId('form-submit').click();
    await expect.poll(() => rows.first().textContent()).toContain('已同意');
    expect(await rows.first().textContent()).toContain('30%');
    const [app] = await h.backend.registry.call('applications/list', { customerId });
    expect(app).toMatchObject({ state: 'granted', attributionPercent: 30, endOn: '2027-06-30' });
    await closeNotifications(page);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'applications.png') });
    expect(h.pageErrors).toEqual([]);
  });

  it('pre-review then a rejection (the backend’s refusal on the field, nothing lost), a branch approved under its head office, a lapsed one released', async () => {
    const ids: Record<string, number> = {};
    let headId = '';
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const call = b.registry.call.bind(b.registry);
        const units = await call('units/list', { includeRetired: true });
        const unit = (code: string) => units.find((u) => u.code === code)?.id as number;
        const branch = await call('units/create', {
          code: 'CH01',
          name: '澄海莲下支局',
          kind: 'branch',
          parentId: unit('440515'),
          areaCode: '440515',
        });
        ids.pending = (
          await call('registrations/add', {
            unitId: branch.id,
            name: '汕头市顺捷物流有限公司',
            areaCode: '440515',
            date: '2026-12-01',
          })
        ).id;
        const head = await call('registrations/add', {
          unitId: unit('440515'),
          name: '汕头市宏达物流有限公司',
          areaCode: '440515',
          date: '2026-11-01',
        });
        headId = (await call('registrations/decide', { id: head.id, approve: true, date: '2026-11-03' }))
          .customerId as string;
        ids.branch = (
          await call('registrations/add', {
            unitId: unit('440515'),
            name: '汕头市宏达物流有限公司澄海分公司',
            areaCode: '440515',
            date: '2026-12-02',
          })
        ).id;
        ids.lapsed = (
          await call('registrations/add', {
            unitId: unit('440515'),
            name: '汕头市金源电子科技有限公司',
            areaCode: '440515',
            date: '2026-06-01',
          })
        ).id;
        await call('registrations/decide', { id: ids.lapsed, approve: true, date: '2026-06-05' });
      },
    });
    const { page } = h;
    const state = () => page.getByTestId('registration-state').first().textContent();
    const decide = page.getByTestId('registration-decide');

    // Pre-review by 澄海分局, with an opinion.
    await h.open(`#/registrations/${ids.pending}`);
    await expect.poll(state).toBe('待预审');
    await page.getByTestId('act-preApprove').click();
    await decide.getByTestId('decide-reason').fill('属实，已核对营业执照');
    await decide.getByTestId('form-submit').click();
    await expect.poll(state).toBe('待审核');
    const steps = page.getByTestId('registration-steps');
    expect(await steps.textContent()).toContain('预审 · 通过');
    expect(await steps.textContent()).toContain('澄海分局');

    // A rejection without a reason: the backend refuses, on the field; the dialog stays as typed.
    await page.getByTestId('act-reject').click();
    await decide.getByTestId('form-submit').click();
    await expect.poll(() => decide.textContent()).toContain('请填写驳回理由');
    await decide.getByTestId('decide-reason').fill('收入证明不足');
    await decide.getByTestId('form-submit').click();
    await expect.poll(state).toBe('已驳回');
    expect(await page.getByTestId('registration-outcome').textContent()).toContain('收入证明不足');

    // A branch: approved under the head office the match offers (R16: head's 11 digits + 001).
    await h.open(`#/registrations/${ids.branch}`);
    await expect.poll(() => page.getByTestId('registration-matches').textContent()).toContain('已知总部的分支机构');
    await page.getByTestId('act-branch').click();
    expect(await decide.getByTestId('decide-branch-of').inputValue()).toContain(headId.slice(0, 6));
    await decide.getByTestId('form-submit').click();
    await expect.poll(state).toBe('已通过');
    expect(await page.getByTestId('registration-customer').textContent()).toBe(`${headId.slice(0, 11)}001`);

    // The lapsed ownership period: 释放, with a reason.
    await h.open(`#/registrations/${ids.lapsed}`);
    await expect.poll(() => page.getByTestId('registration-clock').first().getAttribute('data-clock')).toBe('lapsed');
    await page.getByTestId('act-release').click();
    const release = page.getByTestId('registration-release');
    await release.getByTestId('release-reason').fill('半年无业务，协议未签');
    await release.getByTestId('form-submit').click();
    await expect.poll(state).toBe('已释放');
    expect(h.pageErrors).toEqual([]);
  });
});
