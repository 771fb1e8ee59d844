/**
 * Browser end-to-end for 数据报送, through the built renderer and the real registry on a real
 * SQLite file (demo customers and revenue up to last month). A unit's template is generated with
 * `templates/generate`, an amount filled in with SheetJS, and the native dialogs answered by the
 * harness: the import wizard from file choice → preview (counts) → commit → tracker shows the unit
 * as received → undo from the history; a workbook with an error row is blocked until the officer
 * ticks "排除有错误的 N 行", then undone from the wizard's last step; templates and an export are
 * written where the dialogs say.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import { localDate } from '../../shared/domain/dates';
import { previousPeriod } from '../../shared/domain/periods';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { type Harness, startHarness } from './harness';

const now = new Date();
const lastMonth = previousPeriod(localDate(now).slice(0, 7));
const REVENUE_SHEET = '收入明细';
/** Screenshots to look at (the common brief): 1366 × 768. */
const SHOTS = '/tmp/shots-analysis';

/** A count box of the preview, e.g. kind "errors". */
const count = (page: Page, kind: string) =>
  page.locator(`[data-testid="preview-count"][data-kind="${kind}"]`).getAttribute('data-value');

/** What the preview's count boxes show, label and figure, in their order. */
const countBoxes = (page: Page) => page.getByTestId('preview-count').allTextContents();

/** The template's line names (its 业务种类 drop-down), as the import reads them. */
const LINE_OF: Record<string, string> = {
  储汇: 'savings',
  帐单: 'bills',
  函件: 'letters',
  集邮: 'philately',
  特快: 'express',
  物流: 'logistics',
  包件: 'parcels',
  报刊: 'newspapers',
  其他: 'other',
};

// A poll waits for the page, which on a busy machine (tests beside CPU-bound work) can take
// seconds; the default second would fail a correct page.
vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

describe('数据报送, in the browser', () => {
  let h: Harness;
  let dir: string;
  let units: { code: string; name: string }[];

  /**
   * The unit's template for last month, with 收入明细 cells set as the unit would send it; also
   * its customer rows as generated (客户ID, 客户名称, then each line's 上月 and 本月: the wide
   * layout, two header rows, D is 储汇 本月).
   */
  async function filledTemplate(
    unitCode: string,
    cells: Record<string, string | number>,
    /** 经营分析's 内容 cells (column B), by the row's 项目 label. */
    analysis: Record<string, string> = {},
  ): Promise<{ file: string; rows: unknown[][] }> {
    const out = mkdtempSync(join(dir, 'tpl-'));
    const { files } = await h.backend.registry.call('templates/generate', { period: lastMonth, outDir: out, unitCode });
    const path = (files[0] as { path: string }).path;
    const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
    const sheet = wb.Sheets[REVENUE_SHEET] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null }).slice(2);
    for (const [ref, v] of Object.entries(cells)) sheet[ref] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
    const analysisSheet = wb.Sheets.经营分析 as XLSX.WorkSheet;
    const labels = XLSX.utils.sheet_to_json<unknown[]>(analysisSheet, { header: 1, defval: null, blankrows: true });
    for (const [label, v] of Object.entries(analysis)) {
      const r = labels.findIndex((l) => l[0] === label);
      expect(r).toBeGreaterThan(0);
      analysisSheet[`B${r + 1}`] = { t: 's', v };
    }
    const filled = join(out, `${unitCode}-已填.xlsx`);
    writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    return { file: filled, rows };
  }

  // Each test on its own copy of the same demo data (fresh database and browser), so any one of
  // them runs alone (-t) and none sees another's batches.
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kam-e2e-submissions-'));
    h = await startHarness({
      prepare: (b) => {
        fillDemo(b.db, POLICY_V1, { customers: 120, seed: 11 }, now);
        fillDemoRevenue(b.db, { months: 3, endPeriod: lastMonth, seed: 11 }, now.toISOString());
      },
    });
    units = (await h.backend.registry.call('submissions/tracker', { period: lastMonth })).units;
    expect(units.length).toBeGreaterThanOrEqual(2);
  });
  afterEach(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a unit workbook: choose → preview with counts → commit; the tracker shows it received', async () => {
    const { page } = h;
    const unit = units[0] as { code: string; name: string };
    const { file, rows } = await filledTemplate(unit.code, { D3: 4321.5 });
    // The filled cell's figure stands at ¥1,000.00 before the import, so it is one change.
    const [customerId, customerName] = rows[0] as [string, string];
    const lineName = '储汇';
    await h.backend.registry.call('revenue/set', {
      customerId,
      period: lastMonth,
      line: LINE_OF[lineName] as 'letters',
      amount: '1000',
    });
    await h.open('#/submissions');
    await page.getByTestId('tracker-table').waitFor();
    const row = page.locator(`[data-testid="tracker-row"][data-unit-code="${unit.code}"]`);
    // Last month's due dates have passed and nothing has arrived yet.
    await expect
      .poll(() => row.locator('[data-testid="tracker-cell"][data-form="revenue"]').getAttribute('data-status'))
      .toBe('overdue');

    await page.getByTestId('submissions-tab-import').click();
    expect(page.url()).toMatch(/#\/submissions\/import$/);
    h.host.openFile = [file];
    await page.getByTestId('import-choose-file').click();
    await page.getByTestId('import-preview').waitFor();
    expect(h.host.shown.at(-1)).toMatchObject({ channel: 'host/open-file' });
    expect(await page.getByTestId('preview-template').textContent()).toMatch(
      new RegExp(`^模板信息：${unit.name}（${unit.code}） · `),
    );
    // One figure typed, changed from ¥1,000.00; the cells left blank are not reported (no rows).
    expect(rows.length).toBeGreaterThan(1);
    expect(await countBoxes(page)).toEqual(['数据行1', '新增0', '修改1', '未变0', '空白0', '错误0', '警告0']);
    expect(await page.getByTestId('change-row').count()).toBe(1);
    const change = await page.getByTestId('change-row').locator('td').allTextContents();
    expect(change.slice(0, 2)).toEqual(['收入明细 第 3 行', `${customerName}${customerId}`]);
    expect(change.slice(3)).toEqual([lineName, '¥1,000.00', '→', '¥4,321.50']);
    // Nothing is written by a preview.
    expect(await h.backend.registry.call('imports/list', {})).toEqual([]);

    await page.getByTestId('preview-next').click();
    await expect.poll(() => page.getByTestId('commit-submit').isEnabled()).toBe(true);
    await page.getByTestId('commit-submit').click();
    await page.getByTestId('import-done').waitFor();
    const [batch] = await h.backend.registry.call('imports/list', {});
    expect(batch).toMatchObject({ form: 'unit-monthly', period: lastMonth, undoneAt: null });
    expect(await page.getByTestId('import-done').getAttribute('data-batch-id')).toBe(String(batch?.id));

    // The tracker counts the unit's four forms as received (late: last month's deadlines passed);
    // its 经营分析 was left blank, so that is still owed (R31).
    await page.getByTestId('submissions-tab-tracker').click();
    const cells = row.getByTestId('tracker-cell');
    await expect
      .poll(() => cells.evaluateAll((tds) => tds.map((td) => td.getAttribute('data-status'))))
      .toEqual(['late', 'late', 'late', 'late', 'overdue']);
    expect(await row.getByTestId('tracker-batch-link').allTextContents()).toEqual(Array(4).fill(`第 ${batch?.id} 批`));
    // The unit's drawer lists the batch.
    await row.getByTestId('tracker-batch-link').first().click();
    await expect
      .poll(() => page.getByTestId('unit-batch').first().getAttribute('data-batch-id'))
      .toBe(String(batch?.id));
    await page.keyboard.press('Escape');

    // Undo from the history: confirm, see the result; the tracker no longer counts it.
    await page.getByTestId('submissions-tab-batches').click();
    const batchRow = page.locator(`[data-testid="batch-row"][data-batch-id="${batch?.id}"]`);
    await batchRow.waitFor();

    // 导出 Excel of the history: the visible columns (not the undo button) and the one batch.
    const exported = join(dir, '导入批次.xlsx');
    h.host.saveFile = exported;
    await page.getByTestId('batches-export').click();
    await expect.poll(() => existsSync(exported)).toBe(true);
    const shownTitles = (await page.getByTestId('batches-table').locator('thead th').allTextContents())
      .map((title) => title.trim())
      .filter((title) => title !== '' && title !== '操作');
    const book = XLSX.read(readFileSync(exported), { type: 'buffer' });
    const sheetRows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet, {
      header: 1,
      defval: null,
    });
    const headerAt = sheetRows.findIndex((r) => (r as unknown[])[0] === '批次');
    expect(sheetRows[headerAt]).toEqual(shownTitles);
    expect(shownTitles).toEqual([
      '批次',
      '文件',
      '月份',
      '行数',
      '新增',
      '修改',
      '未变',
      '空白',
      '排除',
      '导入时间',
      '状态',
    ]);
    const body = sheetRows.slice(headerAt + 1).filter((r) => (r as unknown[]).some((v) => v !== null));
    expect(body).toHaveLength(1);
    expect((body[0] as unknown[])[0]).toBe(String(batch?.id));

    await batchRow.getByTestId('batch-undo').click();
    await page.getByTestId('undo-submit').click();
    await page.getByTestId('undo-result').waitFor();
    expect(await page.getByTestId('undo-result').getAttribute('data-kept')).toBe('0');
    // The list behind the dialog refreshed by itself (the undo invalidates the batches), before
    // the dialog is closed and without a reload.
    await expect.poll(() => batchRow.getAttribute('data-undone')).toBe('true');
    await page.getByTestId('undo-close').click();
    await expect.poll(() => batchRow.getAttribute('data-undone')).toBe('true');
    expect((await h.backend.registry.call('imports/list', {}))[0]?.undoneAt).not.toBeNull();
    await page.getByTestId('submissions-tab-tracker').click();
    await expect
      .poll(() => row.locator('[data-testid="tracker-cell"][data-form="revenue"]').getAttribute('data-status'))
      .toBe('overdue');
    expect(h.pageErrors).toEqual([]);
  });

  it('经营分析 (R31): the preview says how many items were written; the tracker counts the analysis', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1366, height: 768 });
    const unit = units[0] as { code: string; name: string };
    const { file } = await filledTemplate(
      unit.code,
      { D3: 100 },
      { 竞争情况: '顺丰在本区降价约一成，两家客户询价。', 存在问题及本月计划: '人手不足；本月走访 5 家重点客户。' },
    );
    await h.open('#/submissions/import');
    h.host.openFile = [file];
    await page.getByTestId('import-choose-file').click();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('preview-analysis').textContent()).toBe('经营分析：已填写 2 项（共 4 项）');
    const section = page.getByTestId('preview-section').filter({ hasText: '经营分析' });
    expect(await section.locator('td').allTextContents()).toEqual(['经营分析', '2', '0', '随本批保存']);
    mkdirSync(SHOTS, { recursive: true });
    await page.getByTestId('preview-sections').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'preview-analysis.png') });

    await page.getByTestId('preview-next').click();
    await expect.poll(() => page.getByTestId('commit-submit').isEnabled()).toBe(true);
    await page.getByTestId('commit-submit').click();
    await page.getByTestId('import-done').waitFor();
    const [batch] = await h.backend.registry.call('imports/list', {});

    await page.getByTestId('submissions-tab-tracker').click();
    const row = page.locator(`[data-testid="tracker-row"][data-unit-code="${unit.code}"]`);
    const analysisCell = row.locator('[data-testid="tracker-cell"][data-form="unit_analysis"]');
    await expect.poll(() => analysisCell.getAttribute('data-status')).toBe('late');
    expect(await analysisCell.getByTestId('tracker-batch-link').textContent()).toBe(`第 ${batch?.id} 批`);
    expect(await page.getByTestId('tracker-table').locator('thead th').allTextContents()).toContain('经营分析');
    // Another unit sent nothing: its analysis is overdue.
    const other = page.locator(`[data-testid="tracker-row"][data-unit-code="${(units[1] as { code: string }).code}"]`);
    expect(
      await other.locator('[data-testid="tracker-cell"][data-form="unit_analysis"]').getAttribute('data-status'),
    ).toBe('overdue');
    await page.screenshot({ path: join(SHOTS, 'tracker-analysis.png') });
    expect(h.pageErrors).toEqual([]);
  });

  it('blocks a workbook with an error row until "排除有错误的 N 行" is ticked, then undoes it', async () => {
    const { page } = h;
    const unit = units[1] as { code: string; name: string };
    const { file } = await filledTemplate(unit.code, { D3: 777, D4: '七百' });
    await h.open('#/submissions/import');
    h.host.openFile = [file];
    await page.getByTestId('import-choose-file').click();
    await page.getByTestId('import-preview').waitFor();
    const errors = Number(await count(page, 'errors'));
    // The one figure that is not a number.
    expect(errors).toBe(1);
    // The issues list opens on the errors, with sheet and row.
    const issue = page.locator('[data-testid="issue-row"][data-severity="error"]');
    expect(await issue.count()).toBe(1);
    expect((await issue.locator('td').allTextContents()).slice(0, 2)).toEqual(['收入明细', '4']);
    // 下载问题清单: written where the save dialog says, the unit's rows with their problems.
    const reportPath = join(mkdtempSync(join(dir, 'report-')), '问题清单.xlsx');
    h.host.saveFile = reportPath;
    await page.getByTestId('error-report-save').click();
    await expect.poll(() => existsSync(reportPath)).toBe(true);
    const report = XLSX.read(readFileSync(reportPath), { type: 'buffer' });
    expect(report.SheetNames[0]).toBe('问题汇总');
    const rows = XLSX.utils.sheet_to_json<unknown[]>(report.Sheets.收入明细 as XLSX.WorkSheet, { header: 1 });
    // The problem columns head the column-name row (row 2 of the wide layout's two header rows).
    expect((rows[1] as unknown[]).slice(-2)).toEqual(['有问题', '问题']);
    expect(JSON.stringify(rows[3])).toContain('七百');

    await page.getByTestId('preview-next').click();
    await page.getByTestId('commit-errors').waitFor();
    expect(await page.getByTestId('commit-submit').isDisabled()).toBe(true);
    expect(await page.getByTestId('commit-blocked').isVisible()).toBe(true);
    await page.getByLabel(`排除有错误的 ${errors} 行`, { exact: false }).check();
    await expect.poll(() => page.getByTestId('commit-submit').isEnabled()).toBe(true);
    await page.getByTestId('commit-submit').click();
    await page.getByTestId('import-done').waitFor();
    const [batch] = await h.backend.registry.call('imports/list', {});
    expect(batch?.excluded).toBe(errors);

    // A figure of the batch edited afterwards: the undo dialog lists it before the officer chooses.
    const changed = h.backend.db
      .prepare('SELECT customer_id, period, line FROM import_changes WHERE batch_id = ? LIMIT 1')
      .get(batch?.id) as { customer_id: string; period: string; line: 'letters' };
    await h.backend.registry.call('revenue/set', {
      customerId: changed.customer_id,
      period: changed.period,
      line: changed.line,
      amount: '1.5万',
    });
    // 撤销本批 from the last step, keeping the edit.
    await page.getByTestId('done-undo').click();
    await expect.poll(() => page.getByTestId('undo-edited-row').count()).toBe(1);
    expect(await page.getByTestId('undo-edited-row').textContent()).toContain('¥15,000.00');
    await page.getByTestId('undo-submit').click();
    await page.getByTestId('undo-result').waitFor();
    expect(await page.getByTestId('undo-result').getAttribute('data-kept')).toBe('1');
    const kept = (
      await h.backend.registry.call('revenue/customer', {
        customerId: changed.customer_id,
        year: Number(changed.period.slice(0, 4)),
      })
    ).months.find((m) => m.period === changed.period)?.cells[changed.line]?.amount;
    expect(kept).toBe(1_500_000);
    expect((await h.backend.registry.call('imports/list', {}))[0]?.undoneAt).not.toBeNull();
    await page.getByTestId('undo-close').click();
    expect(await page.getByTestId('done-undo').isDisabled()).toBe(true);
    expect(h.pageErrors).toEqual([]);
  });

  it('writes templates into the chosen folder and an export where the save dialog says', async () => {
    const { page } = h;
    const folder = join(dir, '模板');
    h.host.chooseFolder = folder;
    await h.open('#/submissions/templates');
    await page.getByTestId('templates-generate').click();
    await page.getByTestId('templates-written').waitFor();
    expect(await page.getByTestId('template-file').count()).toBe(units.length);
    // 回执 for the same month, all units in one action, into another folder.
    h.host.chooseFolder = join(dir, '回执');
    await page.getByTestId('receipts-generate').click();
    await page.getByTestId('receipts-written').waitFor();
    expect(await page.getByTestId('receipts-written').textContent()).toMatch(/已出具 \d+ 份回执/);
    expect(readdirSync(join(dir, '回执')).filter((n) => n.endsWith('_回执.xlsx')).length).toBeGreaterThan(0);

    const target = join(dir, '附件6-1_全市.xlsx');
    h.host.saveFile = target;
    await h.open('#/submissions/exports');
    await page.getByTestId('exports-run').click();
    await page.getByTestId('exports-done').waitFor();
    expect(existsSync(target)).toBe(true);
    const save = h.host.shown.findLast((s) => s.channel === 'host/save-file');
    expect(save?.input).toMatchObject({ defaultName: expect.stringMatching(/^附件6-1_全市_\d{4}年\d{1,2}月\.xlsx$/) });
    expect(h.pageErrors).toEqual([]);
  });
});
