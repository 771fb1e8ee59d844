/**
 * The tier explanation in English (its steps from keys and params, R5–R15) and an export of an
 * empty month (DOMAIN-DECISIONS "An empty month"), at 1366×768 with screenshots.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import { localDate } from '../../shared/domain/dates';
import { formatPeriodZh, previousPeriod } from '../../shared/domain/periods';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { type Harness, startHarness } from './harness';

const now = new Date();
const thisMonth = localDate(now).slice(0, 7);
const lastMonth = previousPeriod(thisMonth);
const lastYear = Number(thisMonth.slice(0, 4)) - 1;
const SHOTS = '/tmp/shots-rules';
const CJK = /[\u3400-\u9fff\uff01-\uff5e]/;

let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await startHarness({
    viewport: { width: 1366, height: 768 },
    prepare: (b) => {
      fillDemo(b.db, POLICY_V1, { customers: 120, seed: 5 }, now);
      // Revenue up to the month before last: last month (the export page's default) is empty.
      fillDemoRevenue(b.db, { months: 24, endPeriod: previousPeriod(lastMonth), seed: 5 }, now.toISOString());
    },
  });
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('rules in the interface', () => {
  it('an export of an empty month says there is nothing to export, before any save dialog', async () => {
    const { page } = h;
    await h.open('#/submissions/exports');
    await page.getByTestId('exports-run').click();
    const empty = page.getByTestId('exports-empty');
    await empty.waitFor();
    expect(await empty.textContent()).toContain(`${formatPeriodZh(lastMonth)}全市还没有任何收入数据，没有可导出的内容`);
    expect(h.host.shown.some((s) => s.channel === 'host/save-file')).toBe(false);
    expect(await page.getByTestId('exports-done').count()).toBe(0);
    await h.settled();
    await page.screenshot({ path: `${SHOTS}/exports-empty-month.png` });
    expect(h.pageErrors).toEqual([]);
  });

  it('the tier explanation reads in English when the interface is in English', async () => {
    const { page } = h;
    const run = await h.backend.registry.call('tiers/run', { kind: 'annual', year: lastYear });
    await page.evaluate(() => window.localStorage.setItem('kam-desk.language', 'en'));
    await h.open(`#/tiers/${run.id}`);
    await page.reload();
    await page.getByTestId('tier-result-row').first().click();
    await page.getByTestId('explain-body').waitFor();
    const steps = await page.getByTestId('explain-step').allTextContents();
    expect(steps.length).toBeGreaterThan(5);
    // The figures and names are the customer's; every sentence is English.
    for (const s of steps) expect(s, s).not.toMatch(CJK);
    expect(steps.some((s) => s.startsWith('R6Comprehensive: last year'))).toBe(true);
    expect(
      steps.some((s) => /^R12Total \d+(\.\d+)? .*(Diamond|Gold|Silver|General|as a key customer\))$/.test(s)),
    ).toBe(true);
    await h.settled();
    await page.screenshot({ path: `${SHOTS}/explain-drawer-en.png` });
    expect(h.pageErrors).toEqual([]);
  });
});
