import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillDemo } from '../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { type Harness, startHarness } from './harness';
import { choose, dialog } from './ui';

// A poll waits for the page, which on a busy machine (tests beside CPU-bound work) can take
// seconds; the default second would fail a correct page.
vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

async function unitIdOf(h: Harness, name: string): Promise<number> {
  const unit = (await h.backend.registry.call('units/list', {})).find((u) => u.name === name);
  if (!unit) throw new Error(`no unit ${name}`);
  return unit.id;
}

describe('customers and organisation, in the browser', () => {
  // Each test on its own fresh database and browser, so any one of them runs alone (-t).
  let h: Harness;

  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(async () => {
    await h?.close();
  });

  it('registers an account manager for 澄海分局 and its R4 staffing gap shrinks', async () => {
    const { page } = h;
    await h.open('#/settings/units');
    const chenghai = page.getByTestId('unit-row').filter({ hasText: '澄海分局' });
    // The seeded 澄海分局 has no account manager and needs three (R4).
    const managersCell = chenghai.locator('td').nth(4);
    await expect.poll(() => chenghai.getByTestId('staffing-gap').textContent()).toBe('缺编 3 人');
    expect(await managersCell.getByText(/^\d+ \/ \d+$/).textContent()).toBe('0 / 3');

    await h.open('#/settings/managers');
    await page.getByTestId('manager-register').click();
    const form = dialog(page);
    await form.getByLabel('姓名').fill('陈晓明');
    await choose(page, form.getByRole('combobox', { name: '单位' }), /澄海分局/);
    await choose(page, form.getByRole('combobox', { name: '岗位' }), /大客户经理/);
    await form.getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('manager-row').filter({ hasText: '陈晓明' }).count()).toBe(1);

    const managers = await h.backend.registry.call('managers/list', {});
    expect(managers.find((m) => m.name === '陈晓明')).toMatchObject({ unitName: '澄海分局', post: 'account_manager' });

    await h.open('#/settings/units');
    await expect.poll(() => chenghai.getByTestId('staffing-gap').textContent()).toBe('缺编 2 人');
    expect(await managersCell.getByText(/^\d+ \/ \d+$/).textContent()).toBe('1 / 3');
  });

  it('creates a customer and a branch and shows their R16 IDs', async () => {
    const { page } = h;
    await h.open('#/customers');
    await page.getByTestId('customer-new').click();
    const form = dialog(page);
    await page.getByTestId('customer-form-name').fill('广东有线广播电视网络有限公司汕头分公司');
    await choose(page, page.getByTestId('customer-form-area'), /440515/);
    await choose(page, page.getByTestId('customer-form-unit'), /澄海分局/);
    await page.getByTestId('customer-form-submit').click();
    await expect.poll(() => page.getByTestId('customer-id').first().textContent()).toMatch(/^440515\s*00001\s*000$/);
    await expect.poll(() => form.count()).toBe(0);

    await page.getByTestId('customer-new-branch').click();
    await page.getByTestId('customer-form-name').fill('广东有线广播电视网络有限公司汕头分公司澄海营业部');
    // A branch starts with its head office's area and unit.
    await expect.poll(() => page.getByTestId('customer-form-area').inputValue()).toBe('440515 澄海区');
    expect(await page.getByTestId('customer-form-unit').inputValue()).toBe('澄海分局');
    await page.getByTestId('customer-form-submit').click();
    await expect.poll(() => page.getByTestId('customer-id').first().textContent()).toMatch(/^440515\s*00001\s*001$/);

    const head = await h.backend.registry.call('customers/get', { id: '44051500001000' });
    expect(head.branches).toEqual([{ id: '44051500001001', name: '广东有线广播电视网络有限公司汕头分公司澄海营业部' }]);
  });

  it('finds customers by pinyin initials', async () => {
    const { page } = h;
    const chenghai = await unitIdOf(h, '澄海分局');
    const head = await h.backend.registry.call('customers/create', {
      name: '广东有线广播电视网络有限公司汕头分公司',
      areaCode: '440515',
      unitId: chenghai,
    });
    const branch = await h.backend.registry.call('customers/create', {
      name: '广东有线广播电视网络有限公司汕头分公司澄海营业部',
      areaCode: '440515',
      unitId: chenghai,
      parentId: head.id,
    });
    await h.backend.registry.call('customers/create', {
      name: '汕头市金平区龙眼小学',
      areaCode: '440511',
      unitId: await unitIdOf(h, '营业分局'),
    });
    await h.open('#/customers');
    await expect.poll(() => page.getByTestId('customer-total').textContent()).toBe('共 3 个客户');
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(3);
    await page.getByTestId('customer-search').fill('gdyx');
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(2);
    const ids = await page
      .getByTestId('customer-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-customer-id')));
    expect(ids).toEqual([head.id, branch.id]);
    await page.getByTestId('customer-search').fill('stsjpq');
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('customer-row').first().textContent()).toContain('汕头市金平区龙眼小学');
  });

  it('refuses a wrong credit code with the check-character message and writes nothing', async () => {
    const { page } = h;
    const before = h.backend.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number };
    await h.open('#/customers');
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form-name').fill('汕头市测试校验有限公司');
    await choose(page, page.getByTestId('customer-form-area'), /440507/);
    await choose(page, page.getByTestId('customer-form-unit'), /市局大客户中心/);
    await page.getByTestId('customer-form-credit-code').fill('91350100M000100Y44');
    const message = '校验位错误：第 18 位应为“3”，实际为“4”，请核对代码是否抄错';
    await expect.poll(() => dialog(page).getByText(message, { exact: true }).count()).toBe(1);
    await page.getByTestId('customer-form-submit').click();
    // The form checks the channel's own schema (shared/api/schemas.ts, the same GB 32100 check the
    // backend runs), so the refusal happens before any call: nothing is sent.
    await h.settled();
    expect(h.calls.filter((c) => c.channel === 'customers/create')).toEqual([]);
    // The dialog is still open with the message, once; nothing was written.
    expect(await dialog(page).count()).toBe(1);
    await expect.poll(() => dialog(page).getByText(message, { exact: true }).count()).toBe(1);
    const after = h.backend.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number };
    expect(after.n).toBe(before.n);
    expect(h.pageErrors).toEqual([]);
  });
});

describe('a virtualised list of 20,000 customers', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness({
      prepare: (b) => void fillDemo(b.db, POLICY_V1, { customers: 20_000, seed: 11 }, new Date()),
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('renders only the visible rows and reaches the last customer', async () => {
    const { page } = h;
    await h.open('#/customers');
    await expect.poll(() => page.getByTestId('customer-total').textContent()).toBe('共 20,000 个客户');
    const rendered = await page.getByTestId('customer-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(120);

    const last = h.backend.db.prepare('SELECT max(id) AS id FROM customers').get() as { id: string };
    await page.getByTestId('customer-scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    await expect
      .poll(() => page.locator(`[data-testid="customer-row"][data-customer-id="${last.id}"]`).count())
      .toBe(1);
    expect(await page.getByTestId('customer-row').count()).toBeLessThan(120);
    expect(h.pageErrors).toEqual([]);
  });
});
