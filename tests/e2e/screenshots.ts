/** `npm run screenshots`: a PNG of every page, on demo data, into screenshots/ (git-ignored). */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fillDemo } from '../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { startHarness } from './harness';

const OUT = resolve(__dirname, '../../screenshots');

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const harness = await startHarness({
    prepare: (b) => {
      fillDemo(b.db, POLICY_V1, { customers: 400, seed: 3 }, new Date());
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
    ];
    for (const [name, hash] of shots) {
      await harness.open(hash);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(600);
      await page.screenshot({ path: resolve(OUT, `${name}.png`) });
      console.log(`screenshots/${name}.png`);
    }
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
    if (harness.pageErrors.length > 0) console.warn(`页面错误：\n${harness.pageErrors.join('\n')}`);
  } finally {
    await harness.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
