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
import { readListExport } from './ui';

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
    expect(list.header).toEqual(['单位名称', '代码', '类型', '区划', '客户经理 / 最低', '客户数', '状态']);
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
});
