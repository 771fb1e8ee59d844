/**
 * 设置 → 客户经理 in the browser at 1366×768 (R20, R30): a unit's 客户经理变动表 with one wrong row
 * is previewed (the problem named by sheet, row and column; the late change marked 逾期), imported
 * leaving the wrong row out, seen in the register, and undone; a batch that a customer's
 * assignment depends on is refused with the reason; a leaving manager's customer passes to the
 * successor chosen in the leave dialog. Screenshots into /tmp/shots-managers (KAM_MANAGERS_SHOTS to
 * choose), copied by hand to docs/screenshots/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend';
import { MANAGER_CHANGE_COLUMNS, MANAGER_CHANGE_SHEET } from '../../shared/domain/managers/change-sheet';
import { type Harness, startHarness } from './harness';
import { closeNotifications } from './ui';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_MANAGERS_SHOTS ?? '/tmp/shots-managers';
const VIEWPORT = { width: 1366, height: 768 };
/** Local noon (Asia/Shanghai) of 2026-03-10: February's changes were due on 25 February. */
const NOW = new Date('2026-03-10T04:00:00Z');
const CENTRE = '市局大客户中心';
const CUSTOMER = '汕头市明达贸易有限公司';

/** A 客户经理变动 workbook: the template's header (MANAGER_CHANGE_COLUMNS) and these rows. */
function changeWorkbook(dir: string, name: string, rows: (string | null)[][]): string {
  const header = MANAGER_CHANGE_COLUMNS.map((c) => c.header);
  expect(header).toEqual([
    '单位',
    '姓名',
    '变动类型',
    '生效日期',
    '岗位',
    '专兼职',
    '联系电话',
    '调往/调自单位',
    '备注',
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), MANAGER_CHANGE_SHEET);
  const path = join(dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

async function register(b: Backend, people: [string, string][]): Promise<void> {
  const units = await b.registry.call('units/list', {});
  for (const [name, code] of people) {
    await b.registry.call('managers/register', {
      name,
      unitId: units.find((u) => u.code === code)?.id ?? 0,
      post: 'account_manager',
      employment: 'full_time',
      effectiveOn: '2020-01-01',
    });
  }
}

async function shot(h: Harness, name: string): Promise<void> {
  await expect
    .poll(async () => {
      await closeNotifications(h.page);
      return h.page.locator('.mantine-Notification-root').count();
    })
    .toBe(0);
  await h.page.mouse.move(0, 0);
  await h.settled();
  mkdirSync(SHOTS, { recursive: true });
  await h.page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

const managerNamed = async (b: Backend, name: string) =>
  (await b.registry.call('managers/list', { unitId: null, includeInactive: true })).find((m) => m.name === name);

describe('设置 → 客户经理, in the browser', () => {
  let h: Harness;
  let dir: string;
  const zone = process.env.TZ;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kam-managers-'));
    // The backend writes a change's 登记时间 in local time; on an office PC it shares the window's
    // zone, so here too (the browser is in Asia/Shanghai) — the screenshots then agree with themselves.
    process.env.TZ = 'Asia/Shanghai';
  });
  afterEach(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('R30: previews a change sheet with one wrong row, imports the rest, and undoes the batch', async () => {
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: (b) =>
        register(b, [
          ['林伟', '440500'],
          ['陈志强', '440515'],
        ]),
    });
    const { page } = h;
    const file = changeWorkbook(dir, '澄海分局客户经理变动表2026年3月.xlsx', [
      [CENTRE, '张晓明', '新增', '2026-03-02', '大客户经理', '专职', '13800138001', null, null],
      // Effective in February, reported on 10 March: late (R30, due 25 February).
      ['澄海分局', '陈志强', '调出', '2026-02-16', null, null, null, CENTRE, null],
      [CENTRE, '林伟', '信息变更', '2026-03-01', null, null, '13900139002', null, null],
      [CENTRE, '王小五', '升职', '2026-03-01', '大客户经理', null, null, null, null],
    ]);
    await h.open('#/settings/managers');
    await page.getByTestId('manager-change-empty').waitFor();
    await shot(h, 'settings-managers-change-empty');

    h.host.openFile = [file];
    await page.getByTestId('manager-change-choose').click();
    await page.getByTestId('manager-change-preview').waitFor();
    expect(await page.getByTestId('manager-change-ready').textContent()).toBe('可登记 3 条');
    expect(await page.getByTestId('manager-change-error-rows').textContent()).toBe('错误行 1');
    expect(await page.getByTestId('manager-change-late-count').textContent()).toBe('逾期 1 条');
    // The wrong row's problem by sheet, row and column: 客户经理变动, row 5, column C (变动类型).
    const issue = page.getByTestId('issue-row');
    await expect.poll(() => issue.count()).toBe(1);
    const cells = (await issue.locator('td').allTextContents()).map((s) => s.trim());
    expect(cells.slice(0, 4)).toEqual(['客户经理变动', '5', 'C', '错误']);
    expect(cells[4]).toContain('变动类型“升职”应为 新增、调出、调入、离职、信息变更 之一');
    // The three good rows, the February transfer marked late.
    const rows = page.getByTestId('manager-change-row');
    await expect.poll(() => rows.count()).toBe(3);
    const late = page.locator('[data-testid="manager-change-row"][data-late]');
    expect(await late.count()).toBe(1);
    expect(await late.getAttribute('data-row')).toBe('3');
    expect(await late.getByTestId('manager-change-row-late').textContent()).toBe('逾期');
    expect(await late.textContent()).toContain('陈志强 由澄海分局调往市局大客户中心');
    // Nothing written yet; 导入 waits until the wrong row is left out.
    expect(await managerNamed(h.backend, '张晓明')).toBeUndefined();
    expect(await page.getByTestId('manager-change-commit').isDisabled()).toBe(true);
    expect(await page.getByTestId('manager-change-blocked').textContent()).toBe('请先排除错误行');
    // The preview from its heading, then its end (the rows, 排除错误行 and 导入).
    await page.getByTestId('manager-change-card').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await shot(h, 'settings-managers-change-preview');
    // The kind is its own column; the summary says what changes.
    expect(await late.textContent()).not.toContain('调出：');

    await page.getByTestId('manager-change-exclude').check();
    await expect.poll(() => page.getByTestId('manager-change-commit').isEnabled()).toBe(true);
    expect(await page.getByTestId('manager-change-blocked').count()).toBe(0);
    await page.getByTestId('manager-change-errors').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await shot(h, 'settings-managers-change-rows');
    await page.getByTestId('manager-change-commit').click();
    await expect.poll(() => page.getByText('已导入第 1 批客户经理变动').count()).toBe(1);
    expect(await page.getByText('3 条变动已登记到名册，其中逾期 1 条').count()).toBe(1);
    await page.getByTestId('manager-change-empty').waitFor();
    // The register on the same page, without a reload.
    const roster = page.getByTestId('manager-row');
    await expect.poll(() => roster.filter({ hasText: '张晓明' }).count()).toBe(1);
    await expect.poll(() => roster.filter({ hasText: '陈志强' }).textContent()).toContain(CENTRE);
    await expect.poll(() => roster.filter({ hasText: '林伟' }).textContent()).toContain('13900139002');
    expect((await managerNamed(h.backend, '陈志强'))?.unitName).toBe(CENTRE);
    // The month's change log shows the late transfer in red, noting the file and row it came from.
    const transfer = page.getByTestId('change-row').filter({ hasText: '陈志强 由澄海分局调往市局大客户中心' });
    await expect.poll(() => transfer.getAttribute('data-late')).toBe('true');
    expect(await transfer.textContent()).toContain('第 3 行');
    const batch = page.getByTestId('manager-batch-row');
    await expect.poll(() => batch.count()).toBe(1);
    expect(await batch.textContent()).toContain('澄海分局客户经理变动表2026年3月.xlsx');
    await batch.scrollIntoViewIfNeeded();
    await shot(h, 'settings-managers-change-batches');

    // 撤销 asks first; cancelling changes nothing.
    await batch.getByTestId('manager-batch-undo').click();
    const confirm = page.getByTestId('manager-undo-confirm');
    await expect.poll(() => page.getByTestId('manager-undo-submit').isEnabled()).toBe(true);
    expect(await confirm.textContent()).toContain('“澄海分局客户经理变动表2026年3月.xlsx”登记的 3 条变动');
    await shot(h, 'settings-managers-change-undo');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await managerNamed(h.backend, '张晓明')).toBeDefined();

    await batch.getByTestId('manager-batch-undo').click();
    await expect.poll(() => page.getByTestId('manager-undo-submit').isEnabled()).toBe(true);
    await page.getByTestId('manager-undo-submit').click();
    await expect.poll(() => batch.getAttribute('data-undone')).toBe('true');
    expect(await batch.textContent()).toContain('已撤销');
    expect(await batch.getByTestId('manager-batch-undo').count()).toBe(0);
    await expect.poll(() => roster.filter({ hasText: '张晓明' }).count()).toBe(0);
    await expect.poll(() => roster.filter({ hasText: '陈志强' }).textContent()).toContain('澄海分局');
    expect(await managerNamed(h.backend, '张晓明')).toBeUndefined();
    expect((await managerNamed(h.backend, '陈志强'))?.unitName).toBe('澄海分局');
    expect(h.pageErrors).toEqual([]);
  });

  it('R20/R30: a batch a customer depends on is not undone (the reason shown); a leaver’s customer passes to the successor', async () => {
    let customerId = '';
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        await register(b, [
          ['林伟', '440500'],
          ['黄敏', '440500'],
          ['陈志强', '440515'],
        ]);
        const units = await b.registry.call('units/list', {});
        const centre = units.find((u) => u.code === '440500')?.id ?? 0;
        customerId = (await b.registry.call('customers/create', { name: CUSTOMER, areaCode: '440507', unitId: centre }))
          .id;
        const lin = (await managerNamed(b, '林伟'))?.id ?? 0;
        await b.registry.call('assignments/set', { customerId, role: 'A', managerId: lin, fromOn: '2026-01-05' });
        // A batch that registered 张晓明, who is now the customer's B manager.
        const sheet = changeWorkbook(dir, '市局客户经理变动表2026年3月.xlsx', [
          [CENTRE, '张晓明', '新增', '2026-03-02', '大客户经理', '专职', null, null, null],
        ]);
        const preview = await b.registry.call('manager-changes/preview', { path: sheet });
        await b.registry.call('manager-changes/commit', { token: preview.token, excludeErrorRows: false });
        const zhang = (await managerNamed(b, '张晓明'))?.id ?? 0;
        await b.registry.call('assignments/set', { customerId, role: 'B', managerId: zhang, fromOn: '2026-03-05' });
      },
    });
    const { page } = h;
    await h.open('#/settings/managers');
    const batch = page.getByTestId('manager-batch-row');
    await expect.poll(() => batch.count()).toBe(1);
    await batch.getByTestId('manager-batch-undo').click();
    const refused = page.getByTestId('manager-undo-refused');
    await refused.waitFor();
    expect(await refused.textContent()).toContain('张晓明 已被指定为客户的客户经理或项目组成员');
    expect(await page.getByTestId('manager-undo-submit').count()).toBe(0);
    await shot(h, 'settings-managers-change-undo-refused');
    await page.keyboard.press('Escape');
    await expect.poll(() => refused.count()).toBe(0);
    expect(await batch.getAttribute('data-undone')).toBeNull();

    // 林伟 leaves; 黄敏 takes over his customers.
    const lin = page.getByTestId('manager-row').filter({ hasText: '林伟' });
    await lin.getByRole('button', { name: '林伟 的操作' }).click();
    await page.getByRole('menuitem', { name: '离岗' }).click();
    const form = page.getByTestId('manager-leave-form');
    await form.getByLabel('离岗原因').fill('调往省分公司');
    const successor = page.getByTestId('manager-leave-successor');
    await successor.click();
    const offered = (await page.getByRole('option').allTextContents()).map((s) => s.trim());
    // The leaver is not offered; his own unit's managers come first, each with its unit.
    expect(offered).toEqual([`黄敏 · ${CENTRE}`, `张晓明 · ${CENTRE}`, '陈志强 · 澄海分局']);
    await page.getByRole('option', { name: `黄敏 · ${CENTRE}` }).click();
    expect(await successor.inputValue()).toBe(`黄敏 · ${CENTRE}`);
    await shot(h, 'settings-managers-leave-successor');
    await form.getByTestId('form-submit').click();
    await expect.poll(() => page.getByText(`林伟 名下的客户已转给 黄敏 · ${CENTRE}`).count()).toBe(1);
    await expect.poll(() => form.count()).toBe(0);
    const view = await h.backend.registry.call('assignments/get', { customerId });
    const holder = (role: string) => view.current.find((r) => r.role === role)?.managerName;
    expect(holder('A')).toBe('黄敏');
    expect(holder('B')).toBe('张晓明');
    expect((await managerNamed(h.backend, '林伟'))?.active).toBe(false);
    // The customer's page shows the successor as its A manager.
    await h.open(`#/customers/${customerId}`);
    await expect.poll(async () => (await page.locator('body').textContent()) ?? '').toContain('黄敏');
    expect(h.pageErrors).toEqual([]);
  });
});
