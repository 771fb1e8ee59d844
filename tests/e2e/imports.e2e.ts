/**
 * Browser end-to-end for the import wizard's points of DOMAIN-DECISIONS "Imports" at 1366×768:
 * CSV files as units save them (UTF-8, UTF-8 with a BOM, GBK) go through the wizard; the counts
 * (新增 / 修改 / 未变 / 空白) are the same in the preview, the done page and 导入记录; and a
 * notification (下载问题清单) never covers the wizard's primary action. Screenshots go to
 * /tmp/shots-imports/ when KAM_SHOTS is set.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import { localDate } from '../../shared/domain/dates';
import { LINE_NAMES_ZH, type RevenueLine } from '../../shared/domain/lines';
import { previousPeriod } from '../../shared/domain/periods';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { TEMPLATE_SHEETS } from '../../shared/domain/templates/layout';
import { CSV_HEADER, type CsvEncoding, csvBytes } from '../support/csv-bytes';
import { type Harness, startHarness } from './harness';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const now = new Date();
const lastMonth = previousPeriod(localDate(now).slice(0, 7));
const SHOTS = process.env.KAM_SHOTS ? '/tmp/shots-imports' : null;
const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The preview's count boxes, by kind. */
async function previewCounts(page: Page): Promise<Record<string, number>> {
  const boxes = page.getByTestId('preview-count');
  const out: Record<string, number> = {};
  for (const box of await boxes.all()) {
    out[(await box.getAttribute('data-kind')) as string] = Number(await box.getAttribute('data-value'));
  }
  return out;
}

/** The done page's facts, by kind, as shown ("1,234" → 1234). */
async function doneCounts(page: Page): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const fact of await page.getByTestId('done-fact').all()) {
    const kind = (await fact.getAttribute('data-kind')) as string;
    if (kind === 'period' || kind === 'at') continue;
    const texts = await fact.locator('p').allTextContents();
    out[kind] = Number((texts[1] ?? '').replace(/,/g, ''));
  }
  return out;
}

function intersects(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the import wizard at 1366×768', () => {
  let h: Harness;
  let dir: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kam-e2e-imports-'));
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
    h = await startHarness({
      viewport: { width: 1366, height: 768 },
      prepare: (b) => {
        fillDemo(b.db, POLICY_V1, { customers: 60, seed: 5 }, now);
        fillDemoRevenue(b.db, { months: 2, endPeriod: lastMonth, seed: 5 }, now.toISOString());
      },
    });
  });
  afterEach(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a CSV in UTF-8, UTF-8 with BOM and GBK; preview, done page and 导入记录 count alike', async () => {
    const { page } = h;
    const stored = h.backend.db
      .prepare(
        'SELECT customer_id AS id, line, amount_fen AS fen FROM revenue WHERE period = ? ORDER BY customer_id, line',
      )
      .all(lastMonth) as { id: string; line: RevenueLine; fen: number }[];
    // A year before the demo's months: nothing stored there, so the row is new.
    let older = lastMonth;
    for (let k = 0; k < 12; k++) older = previousPeriod(older);
    const encodings: CsvEncoding[] = ['utf8', 'utf8-bom', 'gbk'];
    await h.open('#/submissions/import');
    for (const [k, encoding] of encodings.entries()) {
      // One customer per file: each file's new row is new.
      const customers = [...new Set(stored.map((r) => r.id))];
      const same = stored.find((r) => r.id === customers[k]) as { id: string; line: RevenueLine; fen: number };
      const blankLine: RevenueLine = same.line === 'logistics' ? 'parcels' : 'logistics';
      const file = join(dir, `收入-${encoding}.csv`);
      writeFileSync(
        file,
        csvBytes(encoding, [
          CSV_HEADER,
          `${same.id},${lastMonth},${LINE_NAMES_ZH[same.line]},${yuan(same.fen)}`, // unchanged
          `${same.id},${older},函件,"1,234.50"`, // new
          `${same.id},${older},${LINE_NAMES_ZH[blankLine]},`, // blank: not reported
        ]),
      );
      h.host.openFile = [file];
      await page.getByTestId(k === 0 ? 'import-choose-file' : 'done-next').click();
      if (k > 0) await page.getByTestId('import-choose-file').click();
      await page.getByTestId('import-preview').waitFor();
      const shown = await previewCounts(page);
      expect(shown, encoding).toEqual({
        rows: 3,
        new: 1,
        changed: 0,
        unchanged: 1,
        blank: 1,
        errors: 0,
        warnings: shown.warnings,
      });
      if (SHOTS && k === 2) {
        await h.settled();
        await page.screenshot({ path: join(SHOTS, 'preview-csv-gbk.png') });
      }
      await page.getByTestId('preview-next').click();
      await expect.poll(() => page.getByTestId('commit-submit').isEnabled()).toBe(true);
      await page.getByTestId('commit-submit').click();
      await page.getByTestId('import-done').waitFor();
      expect(await doneCounts(page), encoding).toEqual({
        rows: 3,
        new: 1,
        changed: 0,
        unchanged: 1,
        blank: 1,
        excluded: 0,
      });
      if (SHOTS && k === 2) {
        await h.settled();
        await page.screenshot({ path: join(SHOTS, 'done-csv-gbk.png') });
      }
    }

    // 导入记录: the same numbers under the same headings.
    await page.getByTestId('submissions-tab-batches').click();
    await page.locator('[data-testid="batch-row"]').first().waitFor();
    const titles = (await page.getByTestId('batches-table').locator('thead th').allTextContents()).map((t) => t.trim());
    const rows = page.locator('[data-testid="batch-row"]');
    expect(await rows.count()).toBe(3);
    for (const row of await rows.all()) {
      const cells = (await row.locator('td').allTextContents()).map((t) => t.trim());
      const at = (title: string) => cells[titles.indexOf(title)];
      expect([at('行数'), at('新增'), at('修改'), at('未变'), at('空白')]).toEqual(['3', '1', '0', '1', '1']);
    }
    if (SHOTS) {
      await h.settled();
      await page.screenshot({ path: join(SHOTS, 'batches.png') });
    }
    expect(h.pageErrors).toEqual([]);
  });

  it('shows the preview’s problems in English when the interface is English, in Chinese otherwise', async () => {
    const { page } = h;
    const id = h.backend.db.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as string;
    const file = join(dir, 'bad.csv');
    writeFileSync(
      file,
      csvBytes('utf8', [
        CSV_HEADER,
        `${id},2026-13,函件,100`,
        `44051599999000,${lastMonth},函件,100`,
        `${id},${lastMonth},函件,12abc`,
      ]),
    );
    await h.open('#/submissions/import');
    await page.getByTestId('language-switch').getByText('English').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    h.host.openFile = [file];
    await page.getByTestId('import-choose-file').click();
    await page.getByTestId('import-preview').waitFor();
    const issues = page.getByTestId('issues-table');
    await expect.poll(() => issues.textContent()).toContain('No customer has ID 44051599999000');
    const text = (await issues.textContent()) ?? '';
    expect(text).toContain('Month: Unrecognised month "2026-13": the month must be 1–12, not 13');
    expect(text).toContain('Revenue: Unrecognised amount "12abc"');
    expect(text).not.toContain('不存在');
    if (SHOTS) {
      await h.settled();
      await page.screenshot({ path: join(SHOTS, 'preview-issues-english.png') });
    }
    // Back to Chinese: the same problems as the units read them.
    await page.getByTestId('language-switch').getByText('中文').click();
    await expect.poll(() => issues.textContent()).toContain('客户ID 44051599999000 不存在');
    expect(h.pageErrors).toEqual([]);
  });

  it('keeps a notification off the primary action (下一步：提交) after 下载问题清单', async () => {
    const { page } = h;
    const ids = (h.backend.db.prepare('SELECT id FROM customers ORDER BY id LIMIT 40').pluck().all() as string[]).map(
      (id) => [id, lastMonth, '函件', 100],
    );
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet([
        ['客户ID', '月份', '业务种类', '收入(元)'],
        ...ids,
        ['44059999999000', lastMonth, '函件', 1],
      ]),
      '收入明细',
    );
    const file = join(dir, '手工表.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await h.open('#/submissions/import');
    h.host.openFile = [file];
    await page.getByTestId('import-choose-file').click();
    await page.getByTestId('import-preview').waitFor();
    h.host.saveFile = join(dir, '问题清单.xlsx');
    await page.getByTestId('error-report-save').click();
    const note: Locator = page.locator('.mantine-Notification-root').first();
    await note.waitFor();
    // The pointer rests on the notification, which keeps it open; the officer scrolls to the
    // wizard's footer: its primary action must still be clear.
    await note.hover();
    const next = page.getByTestId('preview-next');
    await next.scrollIntoViewIfNeeded();
    await h.settled();
    const noteBox = await note.boundingBox();
    const nextBox = await next.boundingBox();
    expect(noteBox).not.toBeNull();
    expect(nextBox).not.toBeNull();
    if (noteBox && nextBox) expect(intersects(noteBox, nextBox)).toBe(false);
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'preview-notification.png') });
    // Also clear of the choose-again action at the footer's other end.
    const back = await page.getByTestId('preview-choose-again').boundingBox();
    if (noteBox && back) expect(intersects(noteBox, back)).toBe(false);
    expect(h.pageErrors).toEqual([]);
  });

  it('shows a unit’s batches in the tracker drawer with the counts of 导入记录', async () => {
    const { page } = h;
    const unitCode = (
      h.backend.db
        .prepare('SELECT u.code FROM units u JOIN customers c ON c.unit_id = u.id ORDER BY u.code LIMIT 1')
        .get() as { code: string }
    ).code;
    const { files } = await h.backend.registry.call('templates/generate', { period: lastMonth, outDir: dir, unitCode });
    const wb = XLSX.read(readFileSync(files[0]?.path as string), { type: 'buffer' });
    const sheet = wb.Sheets[TEMPLATE_SHEETS.revenue] as XLSX.WorkSheet;
    const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, blankrows: true });
    const idRow = grid.findIndex((r) => /^\d{14}$/.test(String(r[0] ?? '')));
    const amountColumn = grid
      .slice(0, idRow)
      .map((r) => r.findIndex((v) => /^(本月|收入)/.test(String(v ?? ''))))
      .find((c) => c >= 0) as number;
    sheet[XLSX.utils.encode_cell({ r: idRow, c: amountColumn })] = { t: 'n', v: 321 };
    const path = join(dir, '回报.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const preview = await h.backend.registry.call('imports/preview', { path });
    const batch = await h.backend.registry.call('imports/commit', { token: preview.token, excludeErrorRows: true });

    await h.open('#/submissions');
    const row = page.locator(`[data-testid="tracker-row"][data-unit-code="${unitCode}"]`);
    await row.getByTestId('tracker-batch-link').first().click();
    const item = page.locator(`[data-testid="unit-batch"][data-batch-id="${batch.id}"]`);
    await item.waitFor();
    const drawer = page.locator('.mantine-Drawer-content');
    const titles = (await drawer.locator('thead th').allTextContents()).map((t) => t.trim());
    const cells = (await item.locator('td').allTextContents()).map((t) => t.trim());
    const at = (title: string) => Number((cells[titles.indexOf(title)] ?? '').replace(/,/g, ''));
    expect([at('行数'), at('新增'), at('修改'), at('未变'), at('空白')]).toEqual([
      batch.rows,
      batch.created,
      batch.changed,
      batch.unchanged,
      batch.blank,
    ]);
    // Nothing of the drawer's table is cut off at 1366 px.
    const scroll = await drawer.evaluate((el) => {
      const table = el.querySelector('table');
      const box = table?.parentElement;
      return box ? box.scrollWidth - box.clientWidth : 0;
    });
    expect(scroll).toBeLessThanOrEqual(1);
    if (SHOTS) {
      await h.settled();
      await page.screenshot({ path: join(SHOTS, 'unit-drawer.png') });
    }
    expect(h.pageErrors).toEqual([]);
  });
});
