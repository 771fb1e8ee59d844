/**
 * The audit log in the browser (DOMAIN-DECISIONS "Audit log"): the operator chosen at start (a new
 * profile created on the spot, or one picked with the keyboard), named in the header and on every
 * row; a customer's edit in 设置 → 审计 with its operator and its change before → after, and on the
 * customer's own page (the customer is the hub); 校验审计链 intact, then naming the row a program
 * rewrote behind the app's back; 设置 → 操作员 adding and retiring a profile, never the one in use.
 * Screenshots at 1366×768 into /tmp/shots-audit (KAM_AUDIT_SHOTS to choose), copied by hand to
 * docs/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from './harness';
import { dialog } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_AUDIT_SHOTS ?? '/tmp/shots-audit';
const VIEWPORT = { width: 1366, height: 768 };
const OLD_NAME = '汕头市宏达电子有限公司';
const NEW_NAME = '汕头市宏达电子集团有限公司';

describe('审计, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });
  const shot = async (name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    // The notifications of the steps before would cover the page.
    const closers = h.page.locator('.mantine-Notification-closeButton');
    for (const closer of await closers.all()) await closer.click({ timeout: 5_000 }).catch(() => undefined);
    await expect.poll(() => h.page.locator('.mantine-Notification-root').count()).toBe(0);
    await h.settled();
    await h.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  it('asks who is working, signs an edit with the new operator, shows it before → after in 审计 and on the customer page, and names a row rewritten behind the app', async () => {
    let customerId = '';
    h = await startHarness({
      viewport: VIEWPORT,
      chooser: true,
      prepare: async (b) => {
        const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 0;
        customerId = (await b.registry.call('customers/create', { name: OLD_NAME, areaCode: '440515', unitId })).id;
        await b.registry.call('revenue/set', { customerId, period: '2026-10', line: 'letters', amount: '1234.5' });
      },
    });
    const { page } = h;
    await h.open(`#/customers/${customerId}`);

    // Nothing of the shell until an operator is chosen.
    const chooser = page.getByTestId('operator-chooser');
    await chooser.waitFor();
    expect(await page.getByTestId('nav-customers').count()).toBe(0);
    expect(await page.getByTestId('operator-option').allTextContents()).toEqual([expect.stringContaining('信息主管')]);
    await shot('audit-chooser');

    // A new profile: the contract's messages, in Chinese, on the field.
    await page.getByTestId('operator-create').click();
    await page.getByTestId('operator-create-submit').click();
    await expect.poll(() => chooser.textContent()).toContain('请填写姓名');
    await page.getByTestId('operator-name').fill('陈文');
    await page.getByTestId('operator-title').fill('大客户中心客户经理');
    await page.getByTestId('operator-create-submit').click();
    await expect.poll(() => page.getByTestId('current-operator').textContent()).toBe('当前操作员：陈文');
    expect((await h.backend.registry.call('session/get', {})).operator?.name).toBe('陈文');

    // An edit of the customer, signed by 陈文.
    await page.getByTestId('customer-edit').click();
    await page.getByTestId('customer-form-name').fill(NEW_NAME);
    await page.getByTestId('customer-form-submit').click();
    await expect.poll(() => page.getByTestId('customer-form').count()).toBe(0);

    // The customer's own 时间线: the figure typed by hand, by the operator of the time.
    await page.getByTestId('customer-tab-timeline').click();
    const events = page.getByTestId('customer-timeline-event');
    await expect.poll(() => events.count()).toBe(2);
    expect(await events.first().textContent()).toContain('手工录入 2026年10月 函件：¥1,234.50');
    expect(await events.nth(1).getAttribute('data-kind')).toBe('created');
    await shot('customer-timeline');

    // The customer's own 变更记录: the edit, the revenue month, the creation.
    await page.getByTestId('customer-tab-audit').click();
    const panelRows = page.getByTestId('customer-audit-row');
    await expect.poll(() => panelRows.count()).toBe(3);
    const edit = await panelRows.first().textContent();
    expect(edit).toContain('陈文');
    expect(edit).toContain('编辑客户');
    expect(edit).toContain(`名称：${OLD_NAME} → ${NEW_NAME}`);
    expect(await panelRows.nth(1).textContent()).toContain('函件：（空） → ¥1,234.50');
    // On its own page a record goes without the customer's ID.
    expect(await panelRows.nth(1).textContent()).toContain('收入 · 2026年10月');
    await page.getByTestId('customer-audit').scrollIntoViewIfNeeded();
    await shot('audit-customer-history');

    // 设置 → 审计: the same row, its record a link back to the customer.
    await h.open('#/settings/audit');
    const rows = page.getByTestId('audit-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    const top = rows.first();
    expect(await top.textContent()).toContain(`名称：${OLD_NAME} → ${NEW_NAME}`);
    expect(await top.textContent()).toContain('陈文');
    expect(await top.getByTestId('audit-entity-link').getAttribute('href')).toBe(`#/customers/${customerId}`);
    // Filtered by operator: only 陈文's rows (starting work, the edit; the profile was created
    // before anyone was chosen, so the backend signs it with its default actor).
    await page.getByTestId('audit-filter-actor').click();
    await page.getByRole('option', { name: '陈文' }).click();
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('audit-count').textContent()).toContain('2');

    await page.getByTestId('audit-verify-run').click();
    const ok = page.getByTestId('audit-verify-ok');
    await ok.waitFor();
    const verified = await h.backend.registry.call('audit/verify', {});
    expect(await ok.textContent()).toContain(`已校验 ${verified.rows} 行`);
    expect(await page.getByTestId('audit-head-hash').textContent()).toBe(verified.head.hash);
    await shot('audit-tab-ok');

    // Another program drops the guard and rewrites the edit's change: the check names that row.
    const editId = Number(await top.getAttribute('data-id'));
    const other = new Database(h.databasePath);
    other.exec('DROP TRIGGER audit_log_no_update');
    other
      .prepare('UPDATE audit_log SET changes = replace(changes, ?, ?) WHERE id = ?')
      .run(OLD_NAME, '汕头市某某有限公司', editId);
    // And, with the checksum's trigger dropped, a revenue figure (DOMAIN-DECISIONS "Audit log").
    other.exec('DROP TRIGGER revenue_digest_update; UPDATE revenue SET amount_fen = amount_fen + 100');
    other.close();
    await page.getByTestId('audit-verify-run').click();
    const broken = page.getByTestId('audit-verify-broken');
    await broken.waitFor();
    expect(await broken.getAttribute('data-row')).toBe(String(editId));
    expect(await broken.textContent()).toContain(`审计链在第 ${editId} 行断开`);
    expect(await broken.textContent()).toContain(`断开前最后完好的一行：第 ${editId - 1} 行`);
    expect(await page.getByTestId('audit-verify-data-broken').textContent()).toContain(
      '收入数据与本程序记下的校验值不符',
    );
    await shot('audit-tab-broken');
    expect(h.pageErrors).toEqual([]);
  });

  it('picks an operator with the keyboard, switches from the header, and manages profiles in 设置 → 操作员', async () => {
    h = await startHarness({
      viewport: VIEWPORT,
      chooser: true,
      prepare: async (b) => {
        await b.registry.call('operators/save', { name: '林小梅', title: '数据管理员' });
        await b.registry.call('operators/save', { name: '黄志强', title: '' });
      },
    });
    const { page } = h;
    await h.open('#/settings/operators');
    const options = page.getByTestId('operator-option');
    await expect.poll(() => options.count()).toBe(3);
    // The first is focused; ↓ ↓ then Enter picks the third.
    const third = (await options.nth(2).textContent()) ?? '';
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('operator-option');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    const name = ['信息主管', '林小梅', '黄志强'].find((n) => third.includes(n)) ?? '';
    await expect.poll(() => page.getByTestId('current-operator').textContent()).toBe(`当前操作员：${name}`);

    // Switching from the header: the dialog lists them, the current one first in focus.
    await page.getByTestId('operator-switch-open').click();
    await dialog(page).getByTestId('operator-option').filter({ hasText: '林小梅' }).click();
    await expect.poll(() => page.getByTestId('current-operator').textContent()).toBe('当前操作员：林小梅');

    // 设置 → 操作员: the one in use cannot be retired; another can, and comes back.
    const row = (n: string) => page.locator(`[data-testid="operator-row"][data-name="${n}"]`);
    await row('林小梅').waitFor();
    expect(await row('林小梅').getByTestId('operator-retire').isDisabled()).toBe(true);
    await row('黄志强').getByTestId('operator-retire').click();
    await expect.poll(() => row('黄志强').textContent()).toContain('已停用');
    await page.getByTestId('operator-add').click();
    await page.getByTestId('operator-name').fill('郑晓');
    await dialog(page).getByTestId('form-submit').click();
    await row('郑晓').waitFor();
    await page.mouse.move(0, 0);
    await shot('audit-operators');
    await row('黄志强').getByTestId('operator-reactivate').click();
    await expect.poll(() => row('黄志强').textContent()).toContain('在用');
    // A name already used is refused on the field.
    await page.getByTestId('operator-add').click();
    await page.getByTestId('operator-name').fill('林小梅');
    await dialog(page).getByTestId('form-submit').click();
    await expect.poll(() => dialog(page).textContent()).toContain('该姓名已有操作员使用');
    expect(h.pageErrors).toEqual([]);
  });
});
