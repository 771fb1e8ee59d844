/**
 * 设置 → 行业排序 in the browser at 1366×768 (R21 steps 2–3): 制造业's worksheet — weights that
 * do not sum to 100 are told in red and cannot be saved; a value typed in the table re-ranks the
 * enterprises; 新增企业; 转为注册申报 files a registration the row then shows; an enterprise that
 * is already a customer (same credit code, R19a) is refused with its holder and nothing changes.
 * Screenshots into docs/screenshots/ranking-*.png (KAM_RANKING_SHOTS to choose).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { creditCodeCheckCharacter } from '../../shared/domain/credit-code';
import { dumpTables } from '../support/db-dump';
import { type Harness, startHarness } from './harness';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_RANKING_SHOTS ?? join(__dirname, '../../docs/screenshots');
const VIEWPORT = { width: 1366, height: 768 };
const NOW = new Date('2026-12-02T02:00:00Z');
const withCheck = (body17: string) => body17 + creditCodeCheckCharacter(body17);
const HELD = withCheck('91440515MA4UXY712');
const FREE = withCheck('91440500MA4UABCD1');

describe('行业排序, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('weights, values, a new enterprise, a registration and a duplicate refused', async () => {
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const call = b.registry.call.bind(b.registry);
        const units = await call('units/list', {});
        const unitId = units.find((u) => u.code === '440515')?.id as number;
        await call('customers/create', {
          name: '汕头市恒信包装有限公司',
          areaCode: '440515',
          unitId,
          creditCode: HELD,
        });
        const add = (name: string, values: Record<string, number>, creditCode: string | null = null) =>
          call('ranking/add-prospect', { industryCode: 'C', name, areaCode: '440515', unitId, creditCode, values });
        await add('汕头市宏达玩具实业有限公司', { postal: 85, revenue: 70, growth: 80, standing: 75, fit: 90 }, FREE);
        await add('汕头市澄海区金鹰电子有限公司', { postal: 70, revenue: 85, growth: 60, standing: 80, fit: 70 });
        await add('恒信包装（汕头）', { postal: 75, revenue: 60, growth: 70, standing: 60, fit: 80 }, HELD);
        await add('汕头市东方印刷有限公司', { postal: 60, revenue: 55, growth: 65, standing: 50 });
      },
    });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });
    /** The notifications of earlier steps closed, so a screenshot shows the page under them. */
    const closeToasts = async () => {
      const closers = page.locator('.mantine-Notification-closeButton');
      for (const closer of await closers.all()) await closer.click({ timeout: 5_000 }).catch(() => undefined);
      await expect.poll(() => page.locator('.mantine-Notification-root').count()).toBe(0);
      await h.settled();
    };

    await h.open('#/settings/ranking');
    await page.getByTestId('ranking-industry').click();
    await page.getByRole('option', { name: /制造业/ }).click();
    const rows = page.getByTestId('ranking-prospect');
    await expect.poll(() => rows.count()).toBe(4);
    // 宏达: 30×85 + 20×70 + 15×80 + 15×75 + 20×90 = 2550 + 1400 + 1200 + 1125 + 1800 = 8075 → 80.75.
    await expect.poll(() => rows.first().getByTestId('ranking-score').textContent()).toBe('80.75');

    // Weights that sum to 90: told in red, 保存权重 disabled.
    const weights = page.getByTestId('ranking-weight');
    await weights.first().fill('20');
    await expect
      .poll(() => page.getByTestId('ranking-weight-sum').textContent())
      .toBe('各因素权重合计应为 100，现为 90');
    expect(await page.getByTestId('ranking-save-factors').isDisabled()).toBe(true);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'ranking-weights.png') });
    // 用邮规模 40, 发展潜力 5: 100 again, saved.
    await weights.first().fill('40');
    await weights.nth(2).fill('5');
    await expect.poll(() => page.getByTestId('ranking-weight-sum').textContent()).toBe('权重合计 100 / 100');
    await page.getByTestId('ranking-save-factors').click();
    await expect
      .poll(async () => (await h.backend.registry.call('ranking/get', { industryCode: 'C' })).factors[0]?.weight)
      .toBe(40);

    // 东方印刷 scored on 契合度: 40×60 + 20×55 + 5×65 + 15×50 + 20×95 = 2400+1100+325+750+1900 = 6475.
    const dongfang = rows.filter({ hasText: '东方印刷' });
    await dongfang.locator('[data-testid="ranking-value"][data-factor="fit"]').fill('95');
    await dongfang.locator('[data-testid="ranking-value"][data-factor="fit"]').press('Enter');
    await expect
      .poll(() => rows.filter({ hasText: '东方印刷' }).getByTestId('ranking-score').textContent())
      .toBe('64.75');

    // 新增企业.
    await page.getByTestId('ranking-add').click();
    const form = page.getByTestId('ranking-add-form');
    await form.getByTestId('ranking-add-name').fill('汕头市金平区美佳服装有限公司');
    await form.getByTestId('ranking-add-unit').click();
    await page.getByRole('option', { name: '澄海分局' }).click();
    const values = form.getByTestId('ranking-add-value');
    for (const [n, v] of [90, 80, 70, 60, 50].entries()) await values.nth(n).fill(String(v));
    await closeToasts();
    await page.screenshot({ path: join(SHOTS, 'ranking-add.png') });
    await form.getByRole('button', { name: '新增', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(5);

    // 转为注册申报 on 宏达: filed, the row shows it.
    await rows.filter({ hasText: '宏达' }).getByTestId('ranking-register').click();
    const reg = page.getByTestId('ranking-register-form');
    await expect.poll(() => reg.getByTestId('ranking-register-dupcheck').textContent()).toContain('没有找到');
    await reg.getByRole('button', { name: '提交申报' }).click();
    await expect.poll(() => rows.filter({ hasText: '宏达' }).textContent()).toContain('申报 #1');
    const filed = await h.backend.registry.call('registrations/get', { id: 1 });
    expect(filed).toMatchObject({ name: '汕头市宏达玩具实业有限公司', creditCode: FREE, industry: '制造业' });

    // 恒信: already a customer by its credit code — shown before, refused on submit, nothing changes.
    const before = dumpTables(h.backend.db);
    await rows.filter({ hasText: '恒信' }).getByTestId('ranking-register').click();
    await expect.poll(() => reg.getByTestId('ranking-register-dupcheck').textContent()).toContain('不能转为注册申报');
    expect(await reg.getByRole('button', { name: '提交申报' }).isDisabled()).toBe(true);
    await closeToasts();
    await page.screenshot({ path: join(SHOTS, 'ranking-refused.png') });
    expect(dumpTables(h.backend.db)).toEqual(before);
    await page.keyboard.press('Escape');
    await closeToasts();
    await page.screenshot({ path: join(SHOTS, 'ranking.png') });
    // In English: the same worksheet from the en strings.
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.getByTestId('ranking-factors').textContent()).toContain('Factors and weights');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'ranking-en.png') });
    expect(h.pageErrors).toEqual([]);
  });
});
