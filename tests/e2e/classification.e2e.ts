/**
 * 设置 → 分类排序 in the browser at 1366×768 (附件2, R21): two key customers placed in 制造业 in
 * the officer's order, saved; 附件6-2 then lists them in that order rather than by revenue.
 * Screenshot into /tmp/shots-classification (KAM_CLASSIFICATION_SHOTS to choose).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { seedScorecardMonth } from '../support/scorecard-month';
import { type Harness, startHarness } from './harness';

vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

const SHOTS = process.env.KAM_CLASSIFICATION_SHOTS ?? '/tmp/shots-classification';
const VIEWPORT = { width: 1366, height: 768 };
const NOW = new Date('2026-12-02T02:00:00Z');

describe('分类排序, in the browser', () => {
  let h: Harness;
  afterEach(async () => {
    await h?.close();
  });

  it('places two key customers in 制造业 in order; 附件6-2 follows it', async () => {
    let ids = { c1: '', c2: '' };
    h = await startHarness({
      viewport: VIEWPORT,
      now: () => NOW,
      prepare: async (b) => {
        ids = await seedScorecardMonth(b);
      },
    });
    const { page } = h;
    mkdirSync(SHOTS, { recursive: true });
    const listed = async () => {
      const file = await h.backend.registry.call('exports/build', { form: '6-2', period: '2026-11' });
      const book = XLSX.read(Buffer.from(file.base64 as string, 'base64'));
      const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet, {
        header: 1,
      });
      return rows.flat().filter((v) => v === '汕头市恒昌玩具厂' || v === '汕头市宏达电子有限公司');
    };
    // By revenue first: 恒昌 (¥50,000) before 宏达 (¥30,000).
    expect(await listed()).toEqual(['汕头市恒昌玩具厂', '汕头市宏达电子有限公司']);

    await h.open('#/settings/classification');
    await page.locator('[data-testid="classification-industry"][data-code="C"]').click();
    const add = page.getByTestId('classification-add-customer');
    await add.click();
    await page.getByRole('option', { name: /汕头市宏达电子有限公司/ }).click();
    await add.click();
    await page.getByRole('option', { name: /汕头市恒昌玩具厂/ }).click();
    await expect.poll(() => page.getByTestId('classification-customer').count()).toBe(2);
    await page.getByTestId('classification-save-customers').click();
    await expect
      .poll(async () =>
        (await h.backend.registry.call('classification/get', {})).industries
          .find((i) => i.code === 'C')
          ?.customers.map((c) => c.id),
      )
      .toEqual([ids.c2, ids.c1]);
    await h.settled();
    await page.screenshot({ path: join(SHOTS, 'classification.png') });
    expect(await listed()).toEqual(['汕头市宏达电子有限公司', '汕头市恒昌玩具厂']);
  });
});
