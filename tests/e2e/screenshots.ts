/**
 * `npm run screenshots`: a PNG of every page, on demo data, into screenshots/ (git-ignored), at
 * 1366×768, a common office screen and the smallest the app is laid out for.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as XLSX from 'xlsx';
import type { Backend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import { localDate } from '../../shared/domain/dates';
import { previousPeriod } from '../../shared/domain/periods';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { startHarness } from './harness';

const OUT = resolve(__dirname, '../../screenshots');
const REVENUE_SHEET = '收入明细';
const VIEWPORT = { width: 1366, height: 768 };

/**
 * A unit's template for `period`, with 收入明细 cells set as the unit would send it back (the wide
 * layout: customers from row 3, F is 帐单 本月).
 */
async function filledTemplate(
  b: Backend,
  dir: string,
  period: string,
  unitCode: string,
  cells: Record<string, string | number>,
): Promise<string> {
  const out = mkdtempSync(join(dir, 'tpl-'));
  const { files } = await b.registry.call('templates/generate', { period, outDir: out, unitCode });
  const path = (files[0] as { path: string; fileName: string }).path;
  const wb = XLSX.read(readFileSync(path), { type: 'buffer' });
  const sheet = wb.Sheets[REVENUE_SHEET] as XLSX.WorkSheet;
  for (const [ref, v] of Object.entries(cells)) sheet[ref] = typeof v === 'number' ? { t: 'n', v } : { t: 's', v };
  const filled = join(out, (files[0] as { fileName: string }).fileName);
  writeFileSync(filled, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return filled;
}

async function commitFile(b: Backend, path: string): Promise<void> {
  const preview = await b.registry.call('imports/preview', { path });
  await b.registry.call('imports/commit', { token: preview.token, excludeErrorRows: true });
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const now = new Date();
  const today = localDate(now);
  const lastMonth = previousPeriod(today.slice(0, 7));
  const lastYear = Number(today.slice(0, 4)) - 1;
  const work = mkdtempSync(join(tmpdir(), 'kam-shots-'));
  // 数据报送: units' workbooks arrive during last month (some by the 28th, one after), so the
  // tracker shows every status; the clock is moved for those commits only.
  let clock: Date | null = null;
  const harness = await startHarness({
    viewport: VIEWPORT,
    now: () => clock ?? new Date(),
    prepare: async (b) => {
      fillDemo(b.db, POLICY_V1, { customers: 400, seed: 3 }, now);
      fillDemoRevenue(b.db, { months: 24, endPeriod: lastMonth, seed: 3 }, now.toISOString());
      await b.registry.call('tiers/run', { kind: 'annual', year: lastYear });
      const codes = (await b.registry.call('submissions/tracker', { period: lastMonth })).units.map((u) => u.code);
      const arrivals: [string | undefined, string][] = [
        [codes[0], '20'],
        [codes[1], '24'],
        [codes[2], '27'],
        [codes[3], '28'],
      ];
      for (const [code, day] of arrivals) {
        if (!code) continue;
        clock = new Date(`${lastMonth}-${day}T10:30:00`);
        await commitFile(b, await filledTemplate(b, work, lastMonth, code, { F3: 12345.6, F4: 880 }));
      }
      clock = null;
      // A hand-made workbook: no unit named, listed apart.
      const first = b.db.prepare('SELECT id FROM customers ORDER BY id LIMIT 1').pluck().get() as string;
      const hand = join(work, '市场部手工收入表.xlsx');
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(
        wb,
        XLSX.utils.aoa_to_sheet([
          ['客户ID', '月份', '业务种类', '收入(元)'],
          [first, lastMonth, '函件', 1200],
        ]),
        '收入',
      );
      writeFileSync(hand, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      await commitFile(b, hand);
    },
  });
  try {
    const { page } = harness;
    const firstBranch = harness.backend.db
      .prepare('SELECT parent_id AS id FROM customers WHERE parent_id IS NOT NULL ORDER BY id LIMIT 1')
      .get() as { id: string };
    const shots: [string, string][] = [
      ['customers', '#/customers'],
      ['customer-detail', `#/customers/${firstBranch.id}`],
      ['settings-units', '#/settings/units'],
      ['settings-managers', '#/settings/managers'],
      ['settings-areas', '#/settings/areas'],
      ['settings-about', '#/settings/about'],
      ['settings-rules', '#/settings/rules'],
      ['settings-bureau', '#/settings/bureau'],
      ['tiers', '#/tiers'],
      ['submissions-batches', '#/submissions/batches'],
    ];
    // Every shot waits for the page to be at rest (answers in, nothing loading or animating).
    const shoot = async (name: string, fullPage = false) => {
      await harness.settled();
      // A full-page capture draws the fixed header where the viewport was: start at the top.
      if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: resolve(OUT, `${name}.png`), fullPage });
      console.log(`screenshots/${name}.png`);
    };
    for (const [name, hash] of shots) {
      await harness.open(hash);
      await shoot(name);
    }

    // 分级: one run in full, then the "why this tier" drawer of its top customer.
    const run = (await harness.backend.registry.call('tiers/runs', {}))[0];
    if (run) {
      await harness.open(`#/tiers/${run.id}`);
      await page.getByTestId('tier-result-row').first().waitFor();
      await shoot('tier-run', true);
      await page.getByTestId('tier-result-row').first().click();
      await page.getByTestId('explain-step').first().waitFor();
      await shoot('tier-explain');
      await page.getByTestId('explain-approve').click();
      await shoot('tier-approve');
    }
    // A year without bureau revenue: the run is refused with a link to enter it.
    await harness.open('#/tiers');
    await page.getByTestId('tier-run-year').click();
    await page.getByRole('option', { name: String(lastYear - 4) }).click();
    await page.getByTestId('tier-run-submit').click();
    await page.getByTestId('tier-run-error').waitFor();
    await shoot('tiers-missing-bureau');

    // 规则: a draft with the gold cut-off raised, tried on last year.
    await harness.open('#/settings/rules');
    await page.getByTestId('policy-draft-start').click();
    await page.getByTestId('policy-draft-gold').fill('85');
    await page.getByTestId('policy-whatif-run').click();
    await page.getByTestId('whatif-matrix').waitFor();
    const expand = page.getByTestId('whatif-expand').first();
    if ((await expand.count()) > 0) await expand.click();
    await shoot('settings-rules-whatif', true);
    await page.getByTestId('policy-draft-silver').fill('85');
    await shoot('settings-rules-invalid');

    // 收入: the grid of a customer, a cell being edited with a refused figure, the R8 dialog.
    await harness.open(`#/customers/${firstBranch.id}`);
    await page.getByTestId('revenue-grid').waitFor();
    await page.getByTestId('agreement-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shoot('customer-revenue');
    const cell = page.locator(`[data-testid="revenue-cell"][data-period="${lastMonth}"][data-line="letters"]`);
    if ((await cell.count()) > 0) {
      await cell.locator('button').click();
      await cell.getByTestId('revenue-cell-input').fill('12,34');
      await cell.getByTestId('revenue-cell-input').press('Enter');
      await cell.filter({ hasText: '千位分隔符' }).waitFor();
      await cell.scrollIntoViewIfNeeded();
      await shoot('customer-revenue-error');
      await cell.getByTestId('revenue-cell-input').press('Escape');
    }
    await page.getByTestId('revenue-newspaper-open').click();
    await page.getByTestId('newspaper-turnover').fill('120万');
    await page.getByTestId('newspaper-rate').fill('25.5%');
    await shoot('customer-newspaper');

    await harness.open('#/customers');
    await page.getByTestId('customer-new').click();
    await page.getByTestId('customer-form-name').waitFor();
    await shoot('customer-create');
    // 数据报送: a unit's drawer, the import wizard on a workbook with errors, templates, an export.
    await harness.open('#/submissions');
    await page.getByTestId('tracker-table').waitFor();
    await shoot('submissions-tracker', true);
    await page.getByTestId('tracker-row').first().click();
    await page.getByTestId('unit-batch').first().waitFor();
    await shoot('submissions-unit-drawer');
    await page.keyboard.press('Escape');
    const trackerView = await harness.backend.registry.call('submissions/tracker', { period: lastMonth });
    const waiting = trackerView.units.find((u) => u.cells.every((c) => c.batchId === null));
    if (waiting) {
      const messy = await filledTemplate(harness.backend, work, lastMonth, waiting.code, {
        F3: 23456.78,
        F4: '一千二',
        F5: 990,
        F6: -5,
        F7: 31000,
      });
      harness.host.openFile = [messy];
      await harness.open('#/submissions/import');
      await shoot('submissions-import-choose');
      await page.getByTestId('import-choose-file').click();
      await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
      await shoot('submissions-import-preview', true);
      await page.getByTestId('preview-next').click();
      await page.getByTestId('commit-errors').waitFor();
      await shoot('submissions-import-commit');
      await page.getByTestId('commit-exclude').click();
      await page.getByTestId('commit-submit').click();
      await page.getByTestId('import-done').waitFor();
      await shoot('submissions-import-done');
      await page.getByTestId('done-undo').click();
      await page.getByTestId('undo-confirm').waitFor();
      await shoot('submissions-undo-confirm');
      await page.keyboard.press('Escape');
    }
    harness.host.chooseFolder = join(work, '模板');
    await harness.open('#/submissions/templates');
    await page.getByTestId('templates-generate').click();
    await page.getByTestId('templates-written').waitFor();
    await shoot('submissions-templates', true);
    harness.host.saveFile = join(work, '附件6-1_全市.xlsx');
    await harness.open('#/submissions/exports');
    await page.getByTestId('exports-run').click();
    await page.getByTestId('exports-done').waitFor({ timeout: 30_000 });
    await shoot('submissions-exports');

    // The English interface, as the language switch leaves it.
    await page.evaluate(() => window.localStorage.setItem('kam-desk.language', 'en'));
    await harness.open('#/customers');
    await page.reload(); // a hash change alone does not restart the app
    await page.getByTestId('customer-row').first().waitFor();
    await shoot('customers-en');
    await harness.open('#/settings/units');
    await shoot('settings-units-en');
    if (run) {
      await harness.open(`#/tiers/${run.id}`);
      await page.getByTestId('tier-result-row').first().waitFor();
      await shoot('tier-run-en', true);
    }
    await harness.open('#/settings/rules');
    await shoot('settings-rules-en', true);
    await harness.open('#/submissions');
    await page.getByTestId('tracker-table').waitFor();
    await shoot('submissions-tracker-en');
    if (harness.pageErrors.length > 0) console.warn(`页面错误：\n${harness.pageErrors.join('\n')}`);
  } finally {
    await harness.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
