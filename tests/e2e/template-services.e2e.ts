/**
 * A unit's template with its service work (DOMAIN-DECISIONS "Template intake": 营销日志 R22, 拜访记录
 * R23, 投诉登记 R33, 资费优惠申请 R29) in the browser at 1366×768: previewed in the import wizard (the
 * four sheets with their handling and a refused row named by sheet, row and column), committed
 * leaving it out, the records on their pages; the undo dialog counts them, and once the centre has
 * decided the discount it says why the batch can no longer be undone and offers no undo.
 * Screenshots into /tmp/shots-template-services (KAM_SERVICES_SHOTS to choose).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { type Harness, startHarness } from './harness';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_SERVICES_SHOTS ?? '/tmp/shots-template-services';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon of 2026-12-05 in the browser's zone (Asia/Shanghai). */
const NOW = new Date('2026-12-05T04:00:00Z');

describe('template service sheets, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('counts the service records in the undo dialog, and refuses the undo once the centre decided a discount', async () => {
    let filled = '';
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        const call = b.registry.call.bind(b.registry);
        const units = await call('units/list', { includeRetired: true });
        const unitId = units.find((u) => u.code === '440515')?.id as number;
        const c = await call('customers/create', { name: '汕头市澄海区恒昌玩具厂', areaCode: '440515', unitId });
        const dir = mkdtempSync(join(tmpdir(), 'kam-services-'));
        const made = await call('templates/generate', { period: '2026-11', outDir: dir, unitCode: '440515' });
        const wb = XLSX.read(readFileSync(made.files[0]?.path as string), { type: 'buffer' });
        const add = (sheet: string, rows: unknown[][]) =>
          XLSX.utils.sheet_add_aoa(wb.Sheets[sheet] as XLSX.WorkSheet, rows, { origin: -1 });
        add('营销日志', [[c.id, '2026-12-01', '', '', '电话', '了解年货寄递计划', '陈文', '李总', '', '', 4, '否']]);
        add('拜访记录', [
          [c.id, '2026-12-02', '客户经理', '已拜访', '', '回访', '陈文、李总', '续签意向'],
          [c.id, '2026-12-03', '客户经理', '已拜访', '查无此人', '回访', '某某', '无'],
        ]);
        add('投诉登记', [['2026-12-01 09:30', c.id, '电话', '包裹延误', '时限', '否', '', '', '', '']]);
        add('资费优惠申请', [[c.id, '特快', '件', 12, 9.5, 3000, '月寄件量大', '2027-01-01', '2027-06-30']]);
        filled = join(dir, '澄海分局_已填.xlsx');
        writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      },
    });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });

    // Preview through the registry the wizard calls, then commit leaving the refused row out.
    const preview = await h.backend.registry.call('imports/preview', { path: filled });
    expect(preview.issues.filter((i) => i.severity === 'error').map((i) => [i.sheet, i.row, i.column])).toEqual([
      ['拜访记录', 3, 'E'],
    ]);
    await h.backend.registry.call('imports/commit', { token: preview.token, excludeErrorRows: true });

    // The undo dialog counts what the batch brought.
    await h.open('#/submissions/batches');
    await page.getByTestId('batch-row').first().getByTestId('batch-undo').click();
    const sides = page.getByTestId('undo-template-sides');
    await expect
      .poll(() => sides.textContent())
      .toContain('营销日志 1 条、拜访 1 次、投诉 1 件、资费优惠申请 1 项将一并撤回');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'undo-counts.png') });
    await page.keyboard.press('Escape');

    // The centre decides the discount's first step: the batch can no longer be undone.
    const [discount] = await h.backend.registry.call('discounts/list', {
      customerId: null,
      status: 'pending',
      unitCode: null,
    });
    await h.backend.registry.call('discounts/decide', {
      id: discount?.id as number,
      decision: 'approve',
      step: 0,
    });
    // Decided outside the window (the registry): a fresh page reads the batch again.
    await page.reload();
    await h.open('#/submissions/batches');
    await page.getByTestId('batch-row').first().getByTestId('batch-undo').click();
    await expect.poll(() => sides.textContent()).toContain('已有审批记录');
    expect(await page.getByTestId('undo-submit').isDisabled()).toBe(true);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'undo-blocked.png') });
  });
});
