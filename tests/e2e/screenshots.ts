/** `npm run screenshots`: a PNG of every page, on demo data, into screenshots/ (git-ignored). */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import { localDate } from '../../shared/domain/dates';
import { previousPeriod } from '../../shared/domain/periods';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { startHarness } from './harness';

const OUT = resolve(__dirname, '../../screenshots');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const now = new Date();
  const today = localDate(now);
  const lastMonth = previousPeriod(today.slice(0, 7));
  const lastYear = Number(today.slice(0, 4)) - 1;
  const harness = await startHarness({
    prepare: async (b) => {
      fillDemo(b.db, POLICY_V1, { customers: 400, seed: 3 }, now);
      fillDemoRevenue(b.db, { months: 24, endPeriod: lastMonth, seed: 3 }, now.toISOString());
      await b.registry.call('tiers/run', { kind: 'annual', year: lastYear });
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
    ];
    for (const [name, hash] of shots) {
      await harness.open(hash);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(600);
      await page.screenshot({ path: resolve(OUT, `${name}.png`) });
      console.log(`screenshots/${name}.png`);
    }
    const shoot = async (name: string, fullPage = false) => {
      await page.waitForTimeout(700);
      // A full-page capture draws the fixed header where the viewport was: start at the top.
      if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: resolve(OUT, `${name}.png`), fullPage });
      console.log(`screenshots/${name}.png`);
    };

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
      await page.waitForTimeout(300);
      await cell.scrollIntoViewIfNeeded();
      await shoot('customer-revenue-error');
      await cell.getByTestId('revenue-cell-input').press('Escape');
    }
    await page.getByTestId('revenue-newspaper-open').click();
    await page.getByTestId('newspaper-turnover').fill('120万');
    await page.getByTestId('newspaper-rate').fill('25.5%');
    await shoot('customer-newspaper');

    await harness.open('#/customers');
    await page.waitForTimeout(500);
    const create = page.getByRole('button', { name: /新建客户/ });
    if ((await create.count()) > 0) {
      await create.first().click();
      await page.waitForTimeout(600);
      await page.screenshot({ path: resolve(OUT, 'customer-create.png') });
      console.log('screenshots/customer-create.png');
    }
    // The English interface, as the language switch leaves it.
    await page.evaluate(() => window.localStorage.setItem('kam-desk.language', 'en'));
    await harness.open('#/customers');
    await page.reload(); // a hash change alone does not restart the app
    await page.waitForTimeout(600);
    await page.screenshot({ path: resolve(OUT, 'customers-en.png') });
    console.log('screenshots/customers-en.png');
    await harness.open('#/settings/units');
    await page.waitForTimeout(600);
    await page.screenshot({ path: resolve(OUT, 'settings-units-en.png') });
    console.log('screenshots/settings-units-en.png');
    if (run) {
      await harness.open(`#/tiers/${run.id}`);
      await page.getByTestId('tier-result-row').first().waitFor();
      await shoot('tier-run-en', true);
    }
    await harness.open('#/settings/rules');
    await shoot('settings-rules-en', true);
    if (harness.pageErrors.length > 0) console.warn(`页面错误：\n${harness.pageErrors.join('\n')}`);
  } finally {
    await harness.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
