import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fillDemo } from '../../electron/backend/demo/fill';
import { checkCreditCode } from '../../shared/domain/credit-code';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { workbookFile } from '../support/workbook-file';
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

/** Issue-11 walkthrough points on the customer pages, at 1366×768 with screenshots looked at. */
describe('customer pages: sanity, ranking, limits, first start, customer-list import', () => {
  const SHOTS = '/tmp/shots-customers';
  let h: Harness;
  let dir: string;
  beforeEach(() => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(join(tmpdir(), 'kam-e2e-customers-'));
  });
  afterEach(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const shot = async (name: string) => {
    await h.settled();
    await h.page.screenshot({ path: join(SHOTS, `${name}.png`) });
  };

  it('typing -500 in the revenue grid asks first; 仍然保存 saves it', async () => {
    let id = '';
    h = await startHarness({
      viewport: { width: 1366, height: 768 },
      prepare: async (b) => {
        const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440500')?.id ?? 0;
        id = (await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440507', unitId }))
          .id;
      },
    });
    const { page } = h;
    await h.open(`#/customers/${id}`);
    const cell = page.getByTestId('revenue-cell').nth(2);
    await cell.locator('button').click();
    await cell.getByTestId('revenue-cell-input').fill('-500');
    await cell.getByTestId('revenue-cell-input').press('Enter');
    const prompt = page.getByTestId('revenue-sanity');
    await expect.poll(() => prompt.count()).toBe(1);
    expect(await prompt.getByTestId('revenue-sanity-warning').getAttribute('data-code')).toBe('negative');
    expect(await prompt.textContent()).toContain('收入为负数');
    // Nothing saved while it asks.
    expect(
      (await h.backend.registry.call('revenue/customer', { customerId: id, year: new Date().getFullYear() })).total,
    ).toBe(0);
    await cell.scrollIntoViewIfNeeded();
    await shot('revenue-warning');
    await prompt.getByTestId('revenue-sanity-confirm').click();
    await expect.poll(() => cell.getAttribute('data-amount')).toBe('-50000');
    // The figure's source, under the grid once the cell is selected: who typed it.
    await cell.locator('button').focus();
    await expect
      .poll(() => page.getByTestId('revenue-source-text').textContent())
      .toMatch(/年1月 函件 -¥500\.00：信息主管 于 .+ 手工录入/);
    await shot('revenue-source');
    expect(h.pageErrors).toEqual([]);
  });

  it('440513 lists the ID-prefix match first and says why the credit-code match matched', async () => {
    h = await startHarness({
      viewport: { width: 1366, height: 768 },
      prepare: async (b) => {
        const units = await b.registry.call('units/list', {});
        const unit = (code: string) => units.find((u) => u.code === code)?.id ?? 0;
        await b.registry.call('customers/create', {
          name: '汕头市龙湖贸易有限公司',
          areaCode: '440507',
          unitId: unit('440500'),
          creditCode: '91440513MA4UQ1234X'.slice(0, 17) + checkChar('91440513MA4UQ1234'),
        });
        await b.registry.call('customers/create', {
          name: '潮阳区和平电器厂',
          areaCode: '440513',
          unitId: unit('440513'),
        });
      },
    });
    const { page } = h;
    await h.open('#/customers');
    await page.getByTestId('customer-search').fill('440513');
    await expect.poll(() => page.getByTestId('customer-total').textContent()).toBe('共 2 个客户');
    const rows = page.getByTestId('customer-row');
    await expect.poll(() => rows.first().getAttribute('data-customer-id')).toMatch(/^440513/);
    expect(await rows.nth(1).getByTestId('customer-row-match').textContent()).toBe('匹配：信用代码');
    expect(await rows.first().getByTestId('customer-row-match').count()).toBe(0);
    await shot('search-match-reason');
  });

  it('a long name is refused with the limit, not cut', async () => {
    h = await startHarness({ viewport: { width: 1366, height: 768 } });
    const { page } = h;
    await h.open('#/customers');
    await page.getByTestId('checklist-create').click();
    const long = `汕头市${'长'.repeat(74)}有限公司`;
    await page.getByTestId('customer-form-name').fill(long);
    expect(await page.getByTestId('customer-form-name').inputValue()).toBe(long);
    await choose(page, page.getByTestId('customer-form-area'), /440507/);
    await choose(page, page.getByTestId('customer-form-unit'), /市局大客户中心/);
    await page.getByTestId('customer-form-submit').click();
    await expect
      .poll(() => dialog(page).getByText('客户全称不能超过 80 个字（现有 81 个字），请删减后再保存').count())
      .toBe(1);
    expect((await h.backend.registry.call('customers/list', {})).total).toBe(0);
    await shot('long-name-refused');
    // 80 characters are kept whole, and the header's 总部 badge keeps its two characters beside it.
    await page.getByTestId('customer-form-name').fill(long.slice(1));
    await page.getByTestId('customer-form-submit').click();
    const badges = page.getByTestId('customer-header-badges');
    await expect.poll(() => badges.count()).toBe(1);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(long.slice(1));
    const badge = badges.locator('.mantine-Badge-label').first();
    expect(await badge.textContent()).toBe('总部');
    expect(await badge.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shot('long-name-header');
  });

  it('an empty database shows the checklist; a customer list is previewed, imported and undone', async () => {
    h = await startHarness({ viewport: { width: 1366, height: 768 } });
    const { page } = h;
    await h.open('#/customers');
    const checklist = page.getByTestId('first-start-checklist');
    await expect.poll(() => checklist.count()).toBe(1);
    const state = (key: string) => checklist.locator(`[data-item="${key}"]`).getAttribute('data-done');
    expect(await state('units')).toBe('true');
    expect(await state('managers')).toBe('false');
    expect(await state('customers')).toBe('false');
    expect(await checklist.textContent()).toContain('待完成');
    await shot('first-start-checklist');

    const file = workbookFile(
      dir,
      '客户名单.xlsx',
      [
        ['客户全称*', '客户简称', '统一社会信用代码', '属地区划*', '所属单位*', '行业', '地址'],
        ['澄海区恒信玩具有限公司', '恒信玩具', '', '440515', '澄海分局', '制造业', ''],
        ['汕头市龙湖电器有限公司', '', '', '440507', '市局大客户中心', '', ''],
        ['澄海区恒信玩具有限公司', '', '', '449999', '澄海分局', '', ''],
      ],
      '客户名单',
    );
    h.host.openFile = [file];
    await page.getByTestId('checklist-import').click();
    await page.getByTestId('customer-import-choose').click();
    const preview = page.getByTestId('customer-import-preview');
    await expect.poll(() => preview.count()).toBe(1);
    expect(await page.getByTestId('customer-import-ready').textContent()).toBe('可导入 2 个客户');
    const issues = await page.getByTestId('customer-import-issue').allTextContents();
    expect(issues.join('\n')).toContain('客户名单 第 4 行 D 列');
    expect(issues.join('\n')).toContain('属地区划“449999”不在区划代码表中');
    await shot('customer-import-preview');
    expect(await page.getByTestId('customer-import-commit').isDisabled()).toBe(true);
    await page.getByTestId('customer-import-exclude').click();
    await page.getByTestId('customer-import-commit').click();
    await expect.poll(() => page.getByTestId('customer-import-done').textContent()).toContain('已导入 2 个客户');
    expect((await h.backend.registry.call('customers/list', {})).total).toBe(2);
    await page.getByTestId('customer-import-undo').click();
    await expect.poll(() => page.getByTestId('customer-import-done').textContent()).toContain('已撤销本批导入');
    expect((await h.backend.registry.call('customers/list', {})).total).toBe(0);
    expect(h.pageErrors).toEqual([]);
  });
});

/** The GB 32100 check character completing `first17`. */
function checkChar(first17: string): string {
  for (const c of '0123456789ABCDEFGHJKLMNPQRTUWXY') if (checkCreditCode(first17 + c).ok) return c;
  throw new Error(`no check character for ${first17}`);
}
