/**
 * The renderer's shared pieces, through the real UI on the 客户经理 page (the reference page):
 * a form shows every error at once (from the channel's zod schema), a dialog with typed input asks
 * before it throws it away, a write refreshes what else is shown without a reload (query
 * invalidation), a list is saved as .xlsx with exactly the shown columns, and an empty filtered
 * list offers to clear its filters.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from './harness';
import { choose, readListExport } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

describe('shared forms and lists, in the browser', () => {
  let h: Harness;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kam-foundations-'));
    h = await startHarness({
      prepare: async (b) => {
        const unitId = (await b.registry.call('units/list', {})).find((u) => u.name === '潮阳分局')?.id ?? 0;
        for (const name of ['林少华', '黄志强']) {
          await b.registry.call('managers/register', {
            name,
            unitId,
            post: 'account_manager',
            employment: 'full_time',
            phone: '0754-88888888',
            effectiveOn: '2026-01-05',
          });
        }
      },
    });
  });
  afterEach(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows every error of an empty form at once, from the channel’s schema', async () => {
    const { page } = h;
    await h.open('#/settings/managers');
    await page.getByTestId('manager-register').click();
    const form = page.getByTestId('manager-form');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.getByText('请填写姓名').count()).toBe(1);
    // The unit's error shows together with the name's (it used to wait until a unit was chosen).
    expect(await form.getByText('请选择单位').count()).toBe(1);
    expect((await h.backend.registry.call('managers/list', {})).length).toBe(2);
  });

  it('asks before closing over typed input: keep editing keeps it, discard closes and writes nothing', async () => {
    const { page } = h;
    await h.open('#/settings/managers');
    await page.getByTestId('manager-register').click();
    const form = page.getByTestId('manager-form');
    await form.getByLabel('姓名').fill('陈晓明');
    await page.keyboard.press('Escape');
    await page.getByTestId('discard-keep').click();
    await expect.poll(() => form.getByLabel('姓名').inputValue()).toBe('陈晓明');
    await form.getByRole('button', { name: '取消' }).click();
    await page.getByTestId('discard-confirm').click();
    await expect.poll(() => page.getByTestId('manager-form').count()).toBe(0);
    expect((await h.backend.registry.call('managers/list', {})).map((m) => m.name)).not.toContain('陈晓明');

    // Nothing typed: the dialog closes at once, without asking.
    await page.getByTestId('manager-register').click();
    await page.getByTestId('manager-form').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('manager-form').count()).toBe(0);
    expect(await page.getByTestId('discard-confirm').count()).toBe(0);
  });

  it('a registration refreshes the list and the change register below it by itself', async () => {
    const { page } = h;
    await h.open('#/settings/managers');
    await expect.poll(() => page.getByTestId('manager-row').count()).toBe(2);
    const changesBefore = await page.getByTestId('change-row').count();
    await page.getByTestId('manager-register').click();
    const form = page.getByTestId('manager-form');
    await form.getByLabel('姓名').fill('陈晓明');
    await choose(page, form.getByRole('combobox', { name: '单位' }), /澄海分局/);
    await form.getByTestId('form-submit').click();
    await expect.poll(() => page.getByTestId('manager-row').count()).toBe(3);
    await expect.poll(() => page.getByTestId('change-row').count()).toBe(changesBefore + 1);
  });

  it('saves the list as .xlsx with the shown columns, in order, and drops a hidden one', async () => {
    const { page } = h;
    await h.open('#/settings/managers');
    await expect.poll(() => page.getByTestId('manager-row').count()).toBe(2);
    const first = join(dir, '客户经理.xlsx');
    h.host.saveFile = first;
    await page.getByTestId('managers-export').click();
    await expect.poll(() => page.getByText(`已导出 2 行到 ${first}`).count()).toBe(1);
    const all = readListExport(first, '姓名');
    expect(all.above[0]).toBe('客户经理名单');
    expect(all.header).toEqual(['姓名', '单位', '岗位', '专/兼职', '电话', '到岗日期', '状态']);
    expect(all.rows.map((r) => r[0]).sort()).toEqual(['林少华', '黄志强'].sort());
    expect(all.rows[0]?.slice(1, 5)).toEqual(['潮阳分局', '大客户经理', '专职', '0754-88888888']);

    // 显示列: hide 电话; the next export leaves it out.
    await page.getByTestId('managers-columns').click();
    const phone = page.getByRole('menuitem', { name: '电话' });
    await phone.click();
    await expect.poll(() => phone.locator('input[type="checkbox"]').isChecked()).toBe(false);
    await page.keyboard.press('Escape');
    const second = join(dir, '客户经理-无电话.xlsx');
    h.host.saveFile = second;
    await page.getByTestId('managers-export').click();
    await expect.poll(() => page.getByText(`已导出 2 行到 ${second}`).count()).toBe(1);
    expect(readListExport(second, '姓名').header).toEqual(['姓名', '单位', '岗位', '专/兼职', '到岗日期', '状态']);
  });

  it('an empty filtered list offers to clear its filters', async () => {
    const { page } = h;
    await h.open('#/settings/managers');
    await expect.poll(() => page.getByTestId('manager-row').count()).toBe(2);
    await choose(page, page.getByTestId('managers-unit-filter'), /澄海分局/);
    await page.getByTestId('managers-clear-filters').click();
    await expect.poll(() => page.getByTestId('manager-row').count()).toBe(2);
    expect(await page.getByTestId('managers-unit-filter').inputValue()).toBe('');
  });
});

describe('English mode and polish, in the browser', () => {
  let h: Harness;
  const shots = process.env.KAM_SHOTS;

  beforeEach(async () => {
    h = await startHarness({
      viewport: { width: 1366, height: 768 },
      prepare: async (b) => {
        await b.registry.call('revenue/bureau-set', { year: 2025, amount: 36_722_600 });
        if (shots) {
          const unitId = (await b.registry.call('units/list', {})).find((u) => u.name === '澄海分局')?.id ?? 0;
          for (const name of ['汕头市宏达物流有限公司', '汕头市潮汕报业传媒集团', '澄海区玩具协会']) {
            await b.registry.call('customers/create', { name, areaCode: '440515', unitId });
          }
        }
      },
    });
  });
  afterEach(async () => {
    await h?.close();
  });

  async function toEnglish(): Promise<void> {
    await h.page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => h.page.evaluate(() => document.documentElement.lang)).toBe('en');
  }

  it('English money is ¥ with thousands separators, never 万 (one style in the table)', async () => {
    const { page } = h;
    await h.open('#/settings/bureau');
    await toEnglish();
    const row = page.locator('tr', { hasText: '2025' }).first();
    await expect.poll(() => row.textContent()).toContain('¥36,722,600.00');
    expect(await row.textContent()).not.toContain('万');
    if (shots) {
      await h.settled();
      await page.screenshot({ path: join(shots, 'bureau-english.png') });
      await h.open('#/customers');
      await h.settled();
      await page.screenshot({ path: join(shots, 'customers-english.png') });
    }
  });

  it('a backend refusal shows in English when the interface is English, in Chinese otherwise', async () => {
    const { page } = h;
    await h.open('#/customers/44051599999000');
    await expect.poll(() => page.getByTestId('api-error').textContent()).toContain('找不到客户 44051599999000');
    await toEnglish();
    await expect.poll(() => page.getByTestId('api-error').textContent()).toContain('Customer 44051599999000 not found');
    expect(await page.getByTestId('api-error').textContent()).not.toContain('找不到');
  });

  it('a customer that does not exist offers no 重试 (a retry cannot find it)', async () => {
    const { page } = h;
    await h.open('#/customers/44051599999000');
    await page.getByTestId('api-error').waitFor();
    await h.settled();
    expect(await page.getByTestId('api-error').getByRole('button').count()).toBe(0);
    expect(await page.getByText('重试').count()).toBe(0);
    if (shots) await page.screenshot({ path: join(shots, 'customer-not-found.png') });
  });

  it('the date picker’s header reads 2026年12月 in Chinese (not 十二月 2026)', async () => {
    const { page } = h;
    await h.open('#/settings/managers');
    await page.getByTestId('manager-register').click();
    const form = page.getByTestId('manager-form');
    const date = form.getByLabel('生效日期');
    await date.fill('2026-12-15');
    await date.click();
    const header = page.locator('.mantine-DateInput-calendarHeaderLevel');
    await expect.poll(() => header.textContent()).toBe('2026年12月');
    if (shots) {
      await h.settled();
      await page.screenshot({ path: join(shots, 'date-picker-chinese.png') });
    }
  });
});
