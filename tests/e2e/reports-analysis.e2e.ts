/**
 * Browser end-to-end for 报表 → 月度分析报告 (R28, R31, R32) on demo data (24 months of revenue
 * ending last month, last year's annual tiering, two units' 经营分析 imported with their
 * templates): create the month's city report, read part 一's sentence against the dashboard's
 * facts, write part 三 by quoting a unit and typing (saved as typed, still there after a reload),
 * finalise (the hash shown is the stored one; the editor is read-only), revise into revision 2,
 * print preview with the seven parts, 打印 to the host, 另存为 Word to a file on disk; a refused
 * save keeps the text in the box.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import { localDate } from '../../shared/domain/dates';
import { previousPeriod } from '../../shared/domain/periods';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { GOLD_HEADING, PART_HEADINGS } from '../../shared/domain/report/document';
import { formatCell } from '../../shared/domain/report/format';
import { type Harness, startHarness } from './harness';

const now = new Date();
const today = localDate(now);
const lastMonth = previousPeriod(today.slice(0, 7));
const lastYear = Number(today.slice(0, 4)) - 1;
const SHOTS = '/tmp/shots-editor';
const VIEWPORT = { width: 1366, height: 768 };

const PARTS = [...PART_HEADINGS, GOLD_HEADING];

vi.setConfig({ testTimeout: 600_000, expect: { poll: { timeout: 60_000 } } });

type AnalysisLabel = '竞争情况' | '波动原因补充说明' | '上月工作及好的做法' | '存在问题及本月计划';

/** A unit's template for the month with its 经营分析 written, imported as the unit sends it (R31). */
async function sendAnalysis(b: Backend, dir: string, unitCode: string, texts: Partial<Record<AnalysisLabel, string>>) {
  const out = mkdtempSync(join(dir, 'tpl-'));
  const { files } = await b.registry.call('templates/generate', { period: lastMonth, outDir: out, unitCode });
  const path = (files[0] as { path: string }).path;
  const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
  const sheet = wb.Sheets.经营分析 as XLSX.WorkSheet;
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, blankrows: true });
  for (const [label, text] of Object.entries(texts)) {
    const r = rows.findIndex((row) => row[0] === label);
    expect(r).toBeGreaterThan(0);
    sheet[`B${r + 1}`] = { t: 's', v: text };
  }
  const filled = join(out, `${unitCode}-已填.xlsx`);
  writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const preview = await b.registry.call('imports/preview', { path: filled });
  expect(preview.counts.errors).toBe(0);
  await b.registry.call('imports/commit', { token: preview.token });
}

describe('月度分析报告, in the browser', () => {
  let h: Harness;
  let dir: string;
  let units: { code: string; name: string }[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kam-e2e-analysis-'));
    mkdirSync(SHOTS, { recursive: true });
    h = await startHarness({
      viewport: VIEWPORT,
      prepare: async (b) => {
        fillDemo(b.db, POLICY_V1, { customers: 150, seed: 5 }, now);
        fillDemoRevenue(b.db, { months: 24, endPeriod: lastMonth, seed: 5 }, now.toISOString());
        await b.registry.call('tiers/run', { kind: 'annual', year: lastYear });
      },
    });
    units = (await h.backend.registry.call('submissions/tracker', { period: lastMonth })).units;
    expect(units.length).toBeGreaterThanOrEqual(2);
    const [first, second] = units;
    await sendAnalysis(h.backend, dir, first?.code ?? '', {
      竞争情况: '同城快递企业以低价争夺电商小包，本单位两户客户部分业务转移。',
      存在问题及本月计划: '揽收时限偏长；本月走访流失客户。',
    });
    await sendAnalysis(h.backend, dir, second?.code ?? '', { 上月工作及好的做法: '开展政企客户上门服务。' });
  }, 180_000);
  afterEach(async () => {
    await h?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates, writes, finalises, revises, previews, prints and saves the month’s report', async () => {
    const { page } = h;
    const unit = units[0] as { code: string; name: string };

    // The list: empty, the month defaults to last month, 全市.
    await h.open('#/reports/analysis');
    await page.getByTestId('analysis-reports-empty').waitFor();
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'list-empty.png') });
    await page.getByTestId('report-create').click();
    await page.getByTestId('report-editor').waitFor();
    const [created] = await h.backend.registry.call('reports/list', { period: lastMonth });
    expect(created).toMatchObject({ period: lastMonth, unit: null, revision: 1, status: 'draft' });
    expect(page.url()).toMatch(new RegExp(`#/reports/analysis/${created?.id}$`));

    // The parts in R28's order, and part 一's sentence with the key total as the dashboard has it.
    await expect.poll(() => page.getByTestId('report-part-title').allTextContents()).toEqual(PARTS);
    // The list of parts marks each one the officer writes (三, 四's note, 六, 七, the gold section) as still empty.
    const judged = new Set([2, 3, 5, 6, 7]);
    const nav = page.getByTestId('report-nav-part');
    expect(await nav.allTextContents()).toEqual(PARTS.map((p, i) => (judged.has(i) ? `${p}○` : p)));
    const facts = await h.backend.registry.call('reports/dashboard', { period: lastMonth, unitCode: null });
    expect(facts.overall.key.thisMonth).toBeGreaterThan(0);
    const partOne = page.locator('[data-testid="report-part"][data-part="0"]');
    await expect
      .poll(() => partOne.getByTestId('report-paragraph').allTextContents())
      .toContainEqual(
        expect.stringContaining(`本月大客户收入合计 ${formatCell(facts.overall.key.thisMonth, 'wan')} 万元`),
      );
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'editor-top.png') });

    // Part 三: the units' competition text beside the box; 引用 inserts it; then the officer types.
    const part3 = page.locator('[data-testid="judgement"][data-field="competition"]');
    const unitText = part3.locator(`[data-testid="unit-text"][data-unit="${unit.code}"]`);
    await unitText.waitFor();
    expect(await unitText.textContent()).toContain('同城快递企业以低价争夺电商小包');
    await part3.scrollIntoViewIfNeeded();
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'judgement-units.png') });
    await unitText.getByTestId('unit-text-quote').click();
    const box = page.getByTestId('report-text-competition');
    await expect
      .poll(() => box.inputValue())
      .toBe(`${unit.name}：同城快递企业以低价争夺电商小包，本单位两户客户部分业务转移。`);
    await box.press('End');
    await box.pressSequentially('\n全市应对：加快时限，稳住重点客户。');
    const written = `${unit.name}：同城快递企业以低价争夺电商小包，本单位两户客户部分业务转移。\n全市应对：加快时限，稳住重点客户。`;
    // Saved as typed: the indicator comes back to 已保存 and the backend holds the text.
    await expect.poll(() => page.getByTestId('report-save-status').getAttribute('data-status')).toBe('saved');
    const id = created?.id as number;
    expect((await h.backend.registry.call('reports/get', { id })).texts.competition).toBe(written);
    expect(await nav.nth(2).textContent()).toBe(`${PARTS[2]}●`);
    await page.reload();
    await expect.poll(() => page.getByTestId('report-text-competition').inputValue()).toBe(written);

    // 定稿: a modal says what it does; then the hash shown is the stored one and the box is read-only.
    await page.getByTestId('report-finalise').click();
    // The modal names the parts still empty (they would print as 未填写); 三 is written.
    const empty = await page.getByTestId('report-finalise-empty').textContent();
    expect(empty).toContain('波动情况说明、上月工作及好的做法、存在问题及本月计划、黄金客户分析');
    expect(empty).not.toContain('竞争情况');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'finalise-modal.png') });
    await page.getByTestId('report-finalise-confirm').click();
    await expect.poll(() => page.getByTestId('report-status').getAttribute('data-status')).toBe('final');
    const final = await h.backend.registry.call('reports/get', { id });
    expect(final.info.hash).toMatch(/^[0-9a-f]{64}$/);
    await expect.poll(() => page.getByTestId('report-hash').textContent()).toBe(final.info.hash);
    expect(await page.getByTestId('report-text-competition').getAttribute('readonly')).not.toBeNull();
    expect(await page.getByTestId('report-finalise').count()).toBe(0);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'final.png') });

    // 修订: revision 2 as a draft with the same text, editable; the list shows both.
    await page.getByTestId('report-revise').click();
    await expect.poll(() => page.getByTestId('report-revision').textContent()).toBe('第 2 版');
    const revisions = await h.backend.registry.call('reports/list', { period: lastMonth });
    const second = revisions.find((r) => r.revision === 2);
    expect(second?.status).toBe('draft');
    expect(page.url()).toMatch(new RegExp(`#/reports/analysis/${second?.id}$`));
    await expect.poll(() => page.getByTestId('report-text-competition').inputValue()).toBe(written);
    expect(await page.getByTestId('report-text-competition').getAttribute('readonly')).toBeNull();

    // 打印预览: the print view in a frame, with the seven parts; 打印 goes to the host.
    await page.getByTestId('report-preview-open').click();
    const frame = page.frameLocator('[data-testid="report-preview-frame"]');
    await expect.poll(() => frame.locator('h2').allTextContents()).toEqual(PARTS);
    expect(await frame.locator('body').textContent()).toContain('全市应对：加快时限，稳住重点客户。');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'preview.png') });
    await page.getByTestId('report-preview-print').click();
    await expect.poll(() => h.host.shown.filter((s) => s.channel === 'host/print').length).toBe(1);
    const printed = h.host.shown.find((s) => s.channel === 'host/print')?.input as { html: string; title: string };
    expect(printed.html).toContain('三、竞争情况');
    expect(printed.title).toContain('第2版');

    // 另存为 Word: the save dialog offers the report's name; the file is written where chosen.
    const target = join(dir, '分析报告.docx');
    h.host.saveFile = target;
    await page.getByTestId('report-preview-save').click();
    await page.getByTestId('report-preview-save-docx').click();
    await expect.poll(() => page.getByTestId('report-saved-path').textContent()).toBe(target);
    const dialog = h.host.shown.find((s) => s.channel === 'host/save-file')?.input as { defaultName: string };
    expect(dialog.defaultName).toBe(
      `全市大客户月度分析报告_${Number(lastMonth.slice(0, 4))}年${Number(lastMonth.slice(5))}月_第2版_草稿.docx`,
    );
    expect(existsSync(target)).toBe(true);
    expect(statSync(target).size).toBeGreaterThan(1000);
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');

    // Back in the list: two revisions, the first final and superseded.
    await page.keyboard.press('Escape');
    await h.open('#/reports/analysis');
    await expect.poll(() => page.getByTestId('report-row').count()).toBe(2);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'list.png') });

    // The customer is the hub: its page names the final report it is in, and opens it.
    const named = final.facts.keyCustomers[0];
    if (!named) throw new Error('the demo month has key customers');
    await h.open(`#/customers/${named.id}`);
    const finals = page.getByTestId('customer-reports-finals');
    await finals.waitFor();
    expect(await page.getByTestId('customer-reports-live').textContent()).toContain('列入重点客户表');
    const link = finals.locator(`a[href="#/reports/analysis/${id}"]`);
    expect(await link.count()).toBe(1);
    expect(await finals.textContent()).toContain('列入重点客户表');
    await page.getByTestId('customer-reports').scrollIntoViewIfNeeded();
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'customer-reports.png') });
    await link.click();
    await expect.poll(() => page.getByTestId('report-revision').textContent()).toBe('第 1 版');
    expect(await page.getByTestId('report-status').getAttribute('data-status')).toBe('final');
    expect(h.pageErrors).toEqual([]);
  }, 240_000);

  it('keeps the text in the box and says why when a save is refused', async () => {
    const { page } = h;
    // A stale link first: the reason and the way back to the list.
    await h.open('#/reports/analysis/9999');
    await expect.poll(() => page.getByTestId('api-error').textContent()).toContain('找不到分析报告 9999');
    const info = await h.backend.registry.call('reports/create', { period: lastMonth, unitCode: null });
    await h.open(`#/reports/analysis/${info.id}`);
    const box = page.getByTestId('report-text-practice');
    await box.waitFor();
    // Finalised behind the editor's back (another window): the next save is refused.
    await h.backend.registry.call('reports/finalise', { id: info.id });
    await box.click();
    await box.pressSequentially('上门服务');
    await expect.poll(() => page.getByTestId('report-save-status').getAttribute('data-status')).toBe('error');
    expect(await page.getByTestId('api-error').textContent()).toContain('已定稿');
    expect(await box.inputValue()).toBe('上门服务');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'save-error.png') });
  }, 120_000);

  it('reads in English: the editor’s chrome, the units’ texts and the facts beside a part', async () => {
    const { page } = h;
    const info = await h.backend.registry.call('reports/create', { period: lastMonth, unitCode: null });
    await h.open(`#/reports/analysis/${info.id}`);
    await page.getByTestId('report-editor').waitFor();
    await page.evaluate("localStorage.setItem('kam-desk.language', 'en')");
    await page.reload();
    await expect.poll(() => page.getByTestId('report-finalise').textContent()).toBe('Finalise');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'english-top.png') });
    const part6 = page.locator('[data-testid="judgement"][data-field="practice"]');
    await part6.scrollIntoViewIfNeeded();
    await expect.poll(() => part6.getByTestId('judgement-tab-units').textContent()).toBe('Units’ analyses (1)');
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'english.png') });
    expect(h.pageErrors).toEqual([]);
  }, 120_000);
});
