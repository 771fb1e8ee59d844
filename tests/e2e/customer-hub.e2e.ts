/**
 * Browser end-to-end for the customer as the hub: the list and the customer's page show the tier
 * in force (R9–R13) with its scope (R14), the responsible unit and its managers (R15); the
 * customer form shows all its errors at once and asks before throwing typed input away; the list
 * exports the current search to .xlsx; an edit on the customer's page refreshes the page and the
 * list by themselves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../../electron/backend';
import { localDate } from '../../shared/domain/dates';
import type { RevenueLine } from '../../shared/domain/lines';
import { previousPeriod } from '../../shared/domain/periods';
import { type Harness, startHarness } from './harness';
import { choose, readListExport } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const lastYear = new Date().getFullYear() - 1;
const lastMonth = previousPeriod(localDate(new Date()).slice(0, 7));
const GOLD = '汕头市宏达电子有限公司';
const SMALL = '澄海区恒信玩具有限公司';

/** DOMAIN.md worked check: ¥1.45M at 0.9‰ of the bureau → 78 → gold, comprehensive (R9–R15). */
async function prepare(b: Backend): Promise<void> {
  const call = b.registry.call.bind(b.registry) as Backend['registry']['call'];
  const units = await call('units/list', {});
  const unit = (code: string) => units.find((u) => u.code === code)?.id ?? 0;
  const gold = await call('customers/create', { name: GOLD, areaCode: '440507', unitId: unit('440500') });
  await call('customers/create', { name: SMALL, areaCode: '440515', unitId: unit('440515') });
  for (let m = 1; m <= 12; m++) {
    const period = `${lastYear}-${String(m).padStart(2, '0')}`;
    for (const line of ['bills', 'express'] as RevenueLine[]) {
      await call('revenue/set', { customerId: gold.id, period, line, amount: m < 12 ? 60_000 : 65_000 });
    }
  }
  await call('revenue/bureau-set', { year: lastYear, amount: 1_611_111_111 });
  await call('managers/register', {
    name: '林晓华',
    unitId: unit('440500'),
    post: 'account_manager',
    employment: 'full_time',
    effectiveOn: `${lastYear}-06-01`,
  });
  await call('tiers/run', { kind: 'annual', year: lastYear });
}

function row(page: Page, name: string) {
  return page.getByTestId('customer-row').filter({ hasText: name });
}

describe('the customer as the hub, in the browser', () => {
  let h: Harness;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kam-customer-hub-'));
    h = await startHarness({ prepare });
  });
  afterEach(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows last year's tier, scope, responsible unit and managers on the list and the customer's page", async () => {
    const { page } = h;
    await h.open('#/customers');
    await expect.poll(() => row(page, GOLD).count()).toBe(1);
    const gold = row(page, GOLD);
    expect(await gold.getByTestId('customer-row-tier').getAttribute('data-tier')).toBe('gold');
    expect(await gold.textContent()).toContain('综合');
    expect(await gold.textContent()).toContain('林晓华');
    expect(await row(page, SMALL).getByTestId('customer-row-tier').getAttribute('data-tier')).toBe('none');
    // The tier filter keeps the gold customer only.
    await page.getByTestId('customer-tier-filter').click();
    await page.getByRole('option', { name: '黄金' }).click();
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(1);
    expect(await page.getByTestId('customer-total').textContent()).toBe('共 1 个客户');

    await gold.click();
    await page.getByTestId('customer-standing').waitFor();
    expect(await page.getByTestId('customer-tier').getAttribute('data-tier')).toBe('gold');
    expect(await page.getByTestId('customer-scope').textContent()).toBe('综合');
    expect(await page.getByTestId('customer-tier-basis').textContent()).toBe(
      `依据 ${lastYear} 年度分级（政策第 1 版）`,
    );
    expect(await page.getByTestId('customer-managers').textContent()).toContain('林晓华');
    expect(h.pageErrors).toEqual([]);
  });

  it('shows the score on the list and the page, and 为什么是这个分级？ opens the explanation', async () => {
    const { page } = h;
    await h.open('#/customers');
    await expect.poll(() => row(page, GOLD).count()).toBe(1);
    await page.getByTestId('customer-row-tier').first().waitFor();
    await expect.poll(() => row(page, GOLD).getByTestId('customer-row-score').textContent()).toBe('78');
    await row(page, GOLD).click();
    await page.getByTestId('customer-standing').waitFor();
    expect(await page.getByTestId('customer-score').textContent()).toBe('78 分');
    await page.getByTestId('customer-tier-why').click();
    const body = page.getByTestId('explain-body');
    await expect.poll(() => body.count()).toBe(1);
    const gold = (await h.backend.registry.call('customers/list', { search: GOLD })).rows[0];
    expect(await body.getAttribute('data-customer-id')).toBe(gold?.id);
    expect(await page.getByTestId('explain-step').count()).toBeGreaterThan(3);
    expect(h.pageErrors).toEqual([]);
  });

  it('an empty customer form shows every error at once and sends nothing', async () => {
    const { page } = h;
    await h.open('#/customers');
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form-submit').click();
    const form = page.getByTestId('customer-form');
    // The messages are the channel schema's (shared/api/schemas.ts customersCreate).
    await expect.poll(() => form.getByText('请填写客户全称', { exact: true }).count()).toBe(1);
    expect(await form.getByText('区划代码应为 6 位数字（GB/T 2260）', { exact: true }).count()).toBe(1);
    expect(await form.getByText('请选择所属单位', { exact: true }).count()).toBe(1);
    await h.settled();
    expect(h.calls.filter((c) => c.channel === 'customers/create')).toEqual([]);
  });

  it('drops the same-name warning and its 仍然登记 once the name is changed (R19)', async () => {
    const { page } = h;
    await h.open('#/customers');
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form-name').fill(GOLD);
    await choose(page, page.getByTestId('customer-form-area'), /440507/);
    await choose(page, page.getByTestId('customer-form-unit'), /市局大客户中心/);
    await page.getByTestId('customer-form-submit').click();
    await page.getByTestId('dup-name-save-anyway').waitFor();
    await page.getByTestId('customer-form-name').fill('汕头市宏达电子科技有限公司');
    await expect.poll(() => page.getByTestId('dup-name-confirm').count()).toBe(0);
    expect(await page.getByTestId('dup-name-save-anyway').count()).toBe(0);
    // The new name saves without asking.
    await page.getByTestId('customer-form-submit').click();
    await expect.poll(() => page.getByTestId('customer-form').count()).toBe(0);
    const n = h.backend.db
      .prepare('SELECT count(*) AS n FROM customers WHERE name = ?')
      .get('汕头市宏达电子科技有限公司') as {
      n: number;
    };
    expect(n.n).toBe(1);
  });

  it('asks before closing the customer form over typed input; keep keeps it, discard writes nothing', async () => {
    const { page } = h;
    await h.open('#/customers');
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form-name').fill('汕头市未保存测试有限公司');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-keep').click();
    await expect.poll(() => page.getByTestId('discard-keep').count()).toBe(0);
    expect(await page.getByTestId('customer-form-name').inputValue()).toBe('汕头市未保存测试有限公司');

    await page.keyboard.press('Escape');
    await page.getByTestId('discard-confirm').click();
    await expect.poll(() => page.getByTestId('customer-form').count()).toBe(0);
    const n = h.backend.db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number };
    expect(n.n).toBe(2);
  });

  it('exports the current search to .xlsx with the shown column titles and every matching row', async () => {
    const { page } = h;
    await h.open('#/customers');
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(2);
    await page.getByTestId('customer-search').fill('宏达');
    await expect.poll(() => page.getByTestId('customer-row').count()).toBe(1);
    const path = join(dir, '客户名单.xlsx');
    h.host.saveFile = path;
    await page.getByTestId('customers-export').click();
    await expect.poll(() => page.getByText(`已导出 1 行到 ${path}`).count()).toBe(1);

    const titles = await page.locator('[data-testid="customer-list"] thead th').allTextContents();
    const { above, header, rows } = readListExport(path, '客户编号');
    expect(above).toContain('搜索：宏达');
    expect(header).toEqual(titles);
    expect(rows).toHaveLength(1);
    const cells = rows[0] as unknown[];
    expect(cells[titles.indexOf('客户名称')]).toBe(GOLD);
    expect(cells[titles.indexOf('分级')]).toBe('黄金');
    expect(cells[titles.indexOf('范围')]).toBe('综合');
  });

  it("an edit on the customer's page refreshes the page and the list without a reload", async () => {
    const { page } = h;
    await h.open('#/customers');
    await expect.poll(() => row(page, SMALL).count()).toBe(1);
    await row(page, SMALL).click();
    await page.getByTestId('customer-edit').click();
    await page.getByTestId('customer-form-name').fill('澄海区恒信玩具实业有限公司');
    await page.getByTestId('customer-form-submit').click();
    await expect.poll(() => page.getByRole('heading', { name: '澄海区恒信玩具实业有限公司' }).count()).toBe(1);
    // The R5 agreement panel refreshes by itself too (customers/get is invalidated by the write).
    await page.getByTestId('agreement-set').click();
    await page.getByTestId('agreement-form').getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('agreement-value').textContent()).toContain('已于');

    // R8: the newspaper dialog's figure lands in the grid by itself (revenue/set-newspaper invalidates it).
    await page.getByTestId('revenue-newspaper-open').click();
    await page.getByTestId('newspaper-form').getByTestId('form-submit').click();
    const newspaper = page.getByTestId('newspaper-form');
    await expect.poll(() => newspaper.getByText('请填写年流转额', { exact: true }).count()).toBe(1);
    expect(await newspaper.getByText('平均费率应为 0–100 之间的百分数，最多两位小数').count()).toBe(1);
    await page.getByTestId('newspaper-turnover').fill('120万');
    await page.getByTestId('newspaper-rate').fill('25');
    await page.getByTestId('newspaper-form').getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('newspaper-form').count()).toBe(0);
    const cell = page.locator(`[data-testid="revenue-cell"][data-period="${lastMonth}"][data-line="newspapers"]`);
    await expect.poll(() => cell.getAttribute('data-amount')).toBe('2500000');

    await page.getByTestId('back-to-list').click();
    await expect.poll(() => row(page, '澄海区恒信玩具实业有限公司').count()).toBe(1);
    expect(h.pageErrors).toEqual([]);
  });
});
