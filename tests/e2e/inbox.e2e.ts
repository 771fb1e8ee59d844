/**
 * 模板收件箱 in the browser at 1366×768 (DOMAIN-DECISIONS "Template intake"): a unit's monthly
 * template with two new customers and a marketing plan is imported through the real preview and
 * commit; the inbox lists the rows with the duplicate check (R19a); two are filed at once and
 * become a registration and an application; the third is declined with a reason. Screenshots into
 * /tmp/shots-inbox (KAM_INBOX_SHOTS to choose), copied by hand to docs/screenshots/.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { type Harness, startHarness } from './harness';
import { closeNotifications } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_INBOX_SHOTS ?? '/tmp/shots-inbox';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon of 2026-12-05 in the browser's zone (Asia/Shanghai). */
const NOW = new Date('2026-12-05T04:00:00Z');
const HOLDER = '汕头市宏达电子有限公司';

describe('模板收件箱, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('lists what a unit sent with the duplicate check, files two at once and declines one with a reason', async () => {
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const call = b.registry.call.bind(b.registry);
        const units = await call('units/list', { includeRetired: true });
        const unit = (code: string) => units.find((u) => u.code === code)?.id as number;
        await call('customers/create', { name: '汕头市澄海区恒昌玩具厂', areaCode: '440515', unitId: unit('440515') });
        // Another unit's customers: one the new registration repeats, one the plan is for.
        await call('customers/create', { name: HOLDER, areaCode: '440513', unitId: unit('440513') });
        const target = await call('customers/create', {
          name: '汕头市潮阳区金利来制衣有限公司',
          areaCode: '440513',
          unitId: unit('440513'),
        });
        const dir = mkdtempSync(join(tmpdir(), 'kam-inbox-'));
        const made = await call('templates/generate', { period: '2026-11', outDir: dir, unitCode: '440515' });
        const path = made.files[0]?.path as string;
        const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
        const add = (sheet: string, rows: unknown[][]) =>
          XLSX.utils.sheet_add_aoa(wb.Sheets[sheet] as XLSX.WorkSheet, rows, { origin: -1 });
        add('新客户申报', [
          [
            '汕头市澄海区新禾玩具有限公司',
            '',
            '440515 澄海区',
            '制造业',
            '莲上镇工业区 8 号',
            '陈生',
            '13800138000',
            '特快',
            '8万',
            '月寄件约 3000 件',
            '否',
            '新开业，年货季寄递量大',
          ],
          ['宏达电子（汕头）有限公司', '', '440515', '制造业', '', '林经理', '0754-83215566', '包件', '', '', '否', ''],
        ]);
        add('营销申报', [[target.id, target.name, '年货礼盒寄递，由澄海分局揽收', '2026-12-10', '2027-02-28', '3万']]);
        const filled = join(dir, '澄海分局_已填.xlsx');
        writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
        const preview = await call('imports/preview', { path: filled });
        await call('imports/commit', { token: preview.token, excludeErrorRows: false });
      },
    });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });

    await h.open('#/registrations');
    await page.getByTestId('registrations-tab-inbox').click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#/registrations/inbox');
    const table = page.getByTestId('inbox-table');
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('汕头市澄海区新禾玩具有限公司');
    expect(text).toContain('营销申报');
    expect(text).toContain('批次 1 · 第 2 行');
    // R19a: the repeated company shows its holder's unit, not its dossier.
    const repeated = rows.filter({ hasText: '宏达电子（汕头）有限公司' });
    expect(await repeated.getByTestId('registration-match').first().textContent()).toContain('潮阳分局');
    expect(await repeated.textContent()).not.toContain(HOLDER);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'inbox.png') });

    // File the new customer and the plan at once.
    const registrationsBefore = (await h.backend.registry.call('registrations/list', {})).length;
    await rows.filter({ hasText: '新禾玩具' }).locator('input[type=checkbox]').check();
    await rows.filter({ hasText: '金利来制衣' }).locator('input[type=checkbox]').check();
    await page.getByRole('button', { name: '受理所选（2）', exact: true }).click();
    await expect.poll(() => rows.count()).toBe(1);
    expect((await h.backend.registry.call('registrations/list', {})).length).toBe(registrationsBefore + 1);
    expect(await h.backend.registry.call('applications/list', {})).toEqual([
      expect.objectContaining({ unit: '440515', ownerUnit: '440513', state: 'owner_opinion' }),
    ]);
    await closeNotifications(page);

    // Decline the repeated company: a reason is required and kept for the unit's receipt.
    await rows.first().getByTestId('inbox-decline').click();
    const form = page.getByTestId('inbox-decline-form');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.textContent()).toContain('请填写不予受理的理由');
    await form.getByRole('textbox').fill('该企业已是潮阳分局客户，请与潮阳分局协商后提交营销申报');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'decline.png') });
    await form.getByTestId('form-submit').click();
    await expect.poll(() => form.count()).toBe(0);
    await expect.poll(() => rows.count()).toBe(0);
    expect(await table.textContent()).toContain('没有待受理的申报');

    // 全部: each row's outcome, the filed ones linking to what they became.
    await page.getByText('全部', { exact: true }).click();
    await expect.poll(() => rows.count()).toBe(3);
    const all = (await table.textContent()) ?? '';
    expect(all).toContain('已受理');
    expect(all).toMatch(/注册申报 #\d+/);
    expect(all).toMatch(/营销申报 #\d+/);
    expect(all).toContain('请与潮阳分局协商');
    await closeNotifications(page);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'all.png') });

    // Undoing the import says beforehand that the filed rows stay, and leaves them filed.
    await h.open('#/submissions/batches');
    const batchRow = page.getByTestId('batch-row').first();
    await batchRow.getByTestId('batch-undo').click();
    const sides = page.getByTestId('undo-template-sides');
    await expect.poll(() => sides.textContent()).toContain('已受理的 2 条申报保留');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'undo.png') });
    await page.getByTestId('undo-submit').click();
    await page.getByTestId('undo-result').waitFor();
    const after = await h.backend.registry.call('inbox/list', { state: null });
    expect(after.map((s) => s.state).sort()).toEqual(['declined', 'filed', 'filed']);
  });
});
