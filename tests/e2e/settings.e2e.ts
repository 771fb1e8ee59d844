/**
 * 设置, in the browser through the built renderer and the real registry: a unit's empty form shows
 * every error from units/create's schema at once, the area dialog asks before it throws typed
 * input away, the units list is saved as .xlsx with the shown columns, and writes (a new policy
 * version, a year's bureau revenue) refresh the lists shown beside them without a reload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from './harness';
import { choose, readListExport } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

describe('设置, in the browser', () => {
  let h: Harness;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kam-settings-'));
    h = await startHarness();
  });
  afterEach(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows every error of an empty unit form at once and writes nothing', async () => {
    const { page } = h;
    const before = (await h.backend.registry.call('units/list', {})).length;
    await h.open('#/settings/units');
    await page.getByTestId('unit-add').click();
    const form = page.getByTestId('unit-create-form');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.getByText('请填写单位名称').count()).toBe(1);
    expect(await form.getByText('单位代码应为 2–12 位字母、数字或“-”').count()).toBe(1);
    expect(await form.getByText('请选择单位类型').count()).toBe(1);
    expect((await h.backend.registry.call('units/list', {})).length).toBe(before);
  });

  it('asks before closing the area dialog over typed input; discarding writes nothing', async () => {
    const { page } = h;
    await h.open('#/settings/areas');
    await page.getByTestId('area-add').click();
    const form = page.getByTestId('area-form');
    await form.getByLabel('区划代码').fill('440599');
    await form.getByLabel('区划名称').fill('测试区');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-keep').click();
    await expect.poll(() => form.getByLabel('区划名称').inputValue()).toBe('测试区');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-confirm').click();
    await expect.poll(() => page.getByTestId('area-form').count()).toBe(0);
    expect((await h.backend.registry.call('areas/list', {})).map((a) => a.code)).not.toContain('440599');
  });

  it('saves the units list as .xlsx with the shown column titles and one row per unit', async () => {
    const { page } = h;
    const units = await h.backend.registry.call('units/list', {});
    await h.open('#/settings/units');
    await expect.poll(() => page.getByTestId('unit-row').count()).toBe(units.length);
    const shownTitles = (await page.getByTestId('units-table').locator('thead th').allTextContents())
      .map((s) => s.trim())
      .filter((s) => s !== '' && s !== '操作');
    const path = join(dir, '单位.xlsx');
    h.host.saveFile = path;
    await page.getByTestId('units-export').click();
    await expect.poll(() => page.getByText(`已导出 ${units.length} 行到 ${path}`).count()).toBe(1);
    const list = readListExport(path, '单位名称');
    expect(list.above[0]).toBe('单位列表');
    expect(list.header).toEqual(shownTitles);
    expect(list.header).toEqual(['单位名称', '代码', '类型', '区划', '客户经理在岗 / 最低', '客户数', '状态']);
    expect(list.rows.length).toBe(units.length);
    // The tree's indentation stays on screen; the sheet carries the names alone.
    expect(list.rows.map((r) => r[0]).sort()).toEqual(units.map((u) => u.name).sort());
  });

  it('a saved policy version appears in the version list above the draft without a reload', async () => {
    const { page } = h;
    await h.open('#/settings/rules');
    await expect.poll(() => page.getByTestId('policy-version-row').count()).toBe(1);
    await page.getByTestId('policy-draft-start').click();
    await page.getByTestId('policy-draft-gold').fill('85');
    await expect.poll(() => page.getByTestId('policy-draft-valid').count()).toBe(1);
    await page.getByTestId('policy-draft-save').click();
    const form = page.getByTestId('policy-save-form');
    await page.getByTestId('policy-save-label').fill('黄金分数线调至 85');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('policy-version-row').count()).toBe(2);
    await expect
      .poll(() => page.locator('[data-testid="policy-version-row"][data-version="2"]').textContent())
      .toContain('黄金分数线调至 85');
    // The new version is the one shown, and it says 85.
    await expect.poll(() => page.getByTestId('policy-tiers').textContent()).toContain('85');
    expect((await h.backend.registry.call('policies/get', { version: 2 })).document.tiers.gold).toBe(85);
    expect(h.pageErrors).toEqual([]);
  });

  it("a year's bureau revenue shows in the list beside the form by itself", async () => {
    const { page } = h;
    await h.open('#/settings/bureau');
    await page.getByTestId('bureau-empty').waitFor();
    const shown = await page.getByTestId('bureau-year').inputValue();
    const year = Number(shown.replace(/\D/g, ''));
    await page.getByTestId('bureau-amount').fill('16亿');
    await page.getByTestId('bureau-submit').click();
    await expect.poll(() => page.getByTestId('bureau-row').count()).toBe(1);
    expect(await page.getByTestId('bureau-row').getAttribute('data-year')).toBe(String(year));
    expect(await page.getByTestId('bureau-row').textContent()).toContain('¥1,600,000,000.00');
    expect(await page.getByTestId('bureau-amount').inputValue()).toBe('');
  });

  it('replacing a year’s bureau revenue asks first and keeps the old figure in the history (R10)', async () => {
    const { page } = h;
    await h.open('#/settings/bureau');
    const year = Number((await page.getByTestId('bureau-year').inputValue()).replace(/\D/g, ''));
    await h.backend.registry.call('revenue/bureau-set', { year, amount: '16亿' });
    // Written behind the page's back: open it again to read it.
    await page.reload();
    await page.getByTestId('bureau-row').waitFor();
    await page.getByTestId('bureau-history-empty').waitFor();

    await page.getByTestId('bureau-amount').fill('17亿');
    await page.getByTestId('bureau-submit').click();
    // Cancelling the question changes nothing.
    await page.getByTestId('bureau-replace-cancel').click();
    await expect.poll(() => page.getByTestId('bureau-replace-cancel').count()).toBe(0);
    expect((await h.backend.registry.call('revenue/bureau-list', {}))[0]?.amount).toBe(160_000_000_000);
    expect(await page.getByTestId('bureau-history-row').count()).toBe(0);

    await page.getByTestId('bureau-submit').click();
    await page.getByTestId('bureau-replace-confirm').waitFor();
    expect(await page.getByRole('dialog').textContent()).toContain('¥1,600,000,000.00');
    await page.getByTestId('bureau-replace-confirm').click();
    await expect.poll(() => page.getByTestId('bureau-history-row').count()).toBe(1);
    const history = (await page.getByTestId('bureau-history-row').textContent()) ?? '';
    expect(history).toContain('¥1,600,000,000.00');
    expect(history).toContain('¥1,700,000,000.00');
    await expect.poll(() => page.getByTestId('bureau-row').textContent()).toContain('¥1,700,000,000.00');
    expect(h.pageErrors).toEqual([]);
  });
});

describe('设置 → 单位 at 1366×768: R15 line → bureau table and R4 staffing', () => {
  let h: Harness;
  const shots = process.env.KAM_SHOTS;

  beforeEach(async () => {
    h = await startHarness({
      viewport: { width: 1366, height: 768 },
      // Two account managers and the director in post at the city centre; one at 澄海分局.
      prepare: async (b) => {
        const units = await b.registry.call('units/list', {});
        const id = (code: string) => units.find((u) => u.code === code)?.id as number;
        for (const [name, code, post] of [
          ['林伟', '440500', 'account_manager'],
          ['黄敏', '440500', 'account_manager'],
          ['吴静', '440500', 'director'],
          ['陈志强', '440515', 'account_manager'],
        ] as const) {
          await b.registry.call('managers/register', {
            name,
            unitId: id(code),
            post,
            employment: 'full_time',
            effectiveOn: '2020-01-01',
          });
        }
      },
    });
  });
  afterEach(async () => {
    await h?.close();
  });

  it('R4: the city centre shows establishment against in post, never a gap; county centres keep their gap', async () => {
    const { page } = h;
    await h.open('#/settings/units');
    const centre = page.getByTestId('unit-row').filter({ hasText: '市局大客户中心' }).filter({ hasText: '440500' });
    await expect.poll(() => centre.getByTestId('staffing-establishment').textContent()).toBe('2 / 编制 5');
    expect(await centre.getByTestId('staffing-gap').count()).toBe(0);
    const county = page.getByTestId('unit-row').filter({ hasText: '澄海分局' });
    expect(await county.getByTestId('staffing-gap').textContent()).toBe('缺编 2 人');

    const card = page.getByTestId('centre-establishment');
    await card.scrollIntoViewIfNeeded();
    const row = (post: string) => card.locator(`[data-post="${post}"]`);
    await expect.poll(() => row('account_manager').textContent()).toContain('大客户经理');
    expect((await row('account_manager').locator('td').allTextContents()).slice(1, 4)).toEqual(['5', '2', '空 3']);
    expect((await row('director').locator('td').allTextContents()).slice(1, 4)).toEqual(['1', '1', '']);
    expect((await row('planning_manager').locator('td').allTextContents()).slice(1, 4)).toEqual(['2', '0', '空 2']);
    expect(await card.textContent()).not.toMatch(/缺编 \d/);
    if (shots) {
      await h.settled();
      await page.screenshot({ path: join(shots, 'units-staffing.png') });
      await page.evaluate(() => window.scrollTo(0, 0));
      await centre.scrollIntoViewIfNeeded();
      await h.settled();
      await page.screenshot({ path: join(shots, 'units-top.png') });
    }
    expect(h.pageErrors).toEqual([]);
  });

  it('R15: the officer gives 帐单 to 速递物流局 and leaves 物流 without a bureau; the city centre stands in', async () => {
    const { page } = h;
    await h.open('#/settings/units');
    const card = page.getByTestId('line-bureaus');
    await card.scrollIntoViewIfNeeded();
    const bills = page.getByTestId('line-bureau-bills');
    await expect.poll(() => bills.inputValue()).toBe('函件局');
    expect(await page.getByTestId('line-bureau-logistics').inputValue()).toBe('速递物流局');
    // Only active professional bureaus are offered, and "none".
    await bills.click();
    const offered = (await page.getByRole('option').allTextContents()).map((s) => s.trim());
    expect(offered).toEqual(['营业分局', '邮政储汇局', '函件局', '集邮公司', '速递物流局', '报刊发行局', '未指定']);
    await page.getByRole('option', { name: '速递物流局' }).click();
    await expect.poll(() => page.getByText('帐单：速递物流局').count()).toBe(1);

    await choose(page, page.getByTestId('line-bureau-logistics'), /^未指定$/);
    await expect.poll(() => page.getByText('物流：未指定（由市局大客户中心负责）').count()).toBe(1);
    await expect.poll(() => page.getByTestId('line-fallback-logistics').count()).toBe(1);
    expect(await page.getByTestId('line-fallback-logistics').textContent()).toBe('兜底：市局大客户中心');
    const table = Object.fromEntries(
      (await h.backend.registry.call('units/line-bureaus', {})).map((r) => [r.line, r.unitName]),
    );
    expect(table).toMatchObject({ bills: '速递物流局', letters: '函件局', logistics: null, parcels: '速递物流局' });
    if (shots) {
      await page.mouse.move(0, 0);
      await h.settled();
      await page.screenshot({ path: join(shots, 'units-line-bureaus.png') });
    }

    // Retiring a bureau that still owns lines is refused, naming them (R15).
    const p06 = page.getByTestId('unit-row').filter({ hasText: '报刊发行局' });
    await p06.getByRole('button', { name: '报刊发行局 的操作' }).click();
    await page.getByRole('menuitem', { name: '撤销' }).click();
    await page.getByTestId('unit-retire-form').getByTestId('form-submit').click();
    await expect
      .poll(() => page.getByText('“报刊发行局”仍负责报刊业务（R15）', { exact: false }).count())
      .toBeGreaterThan(0);
    expect((await h.backend.registry.call('units/list', {})).map((u) => u.code)).toContain('P06');
    expect(h.pageErrors).toEqual([]);
  });
});
