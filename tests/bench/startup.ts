/**
 * Start-up of the window: how long until the built renderer paints, and until the customer list
 * (the first page the officer sees) shows its rows, loaded fresh in Chromium through the browser
 * harness on 2,000 demo customers, with the HTTP cache off (Electron reads the files from disk
 * on each start). Baseline, same browser, same server, same round: a bare HTML page of one small
 * table: the floor any page pays. The renderer is split by area (lazy routes), so the first paint
 * waits only for the shell and the customer list, not for every screen.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fillDemo } from '../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { startHarness } from '../e2e/harness';
import { serveStatic } from '../e2e/static-server';
import { percentile, type Row, round } from './stats';

const ROUNDS = 12;

/** Records, in the page, when the first customer row appears (before any test round-trip). */
const RECORD_FIRST_ROW = `(() => {
  const seen = () => {
    if (window.__kamFirstRow === undefined && document.querySelector('[data-testid="customer-row"]')) {
      window.__kamFirstRow = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})();`;

const BARE_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>bare</title></head>
<body><table>${Array.from({ length: 30 }, (_, i) => `<tr><td>客户 ${i}</td><td>${i * 100}</td></tr>`).join('')}</table></body></html>`;

async function firstContentfulPaint(page: import('playwright-core').Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0);
  return page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
}

export async function startupBench(): Promise<Row[]> {
  const bareDir = mkdtempSync(join(tmpdir(), 'kam-bare-page-'));
  writeFileSync(join(bareDir, 'index.html'), BARE_PAGE);
  const bare = await serveStatic(bareDir);
  const harness = await startHarness({
    viewport: { width: 1366, height: 768 },
    prepare: (b) => {
      fillDemo(b.db, POLICY_V1, { customers: 2000, seed: 7 }, new Date());
    },
  });
  const paint: number[] = [];
  const rows: number[] = [];
  const base: number[] = [];
  try {
    await harness.context.addInitScript({ content: RECORD_FIRST_ROW });
    for (let round = -1; round < ROUNDS; round++) {
      const page = await harness.context.newPage();
      const cdp = await harness.context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(bare.url);
      const bareFcp = await firstContentfulPaint(page);
      await page.goto(`${harness.url}#/customers`);
      const fcp = await firstContentfulPaint(page);
      await page.waitForSelector('[data-testid="customer-row"]');
      const firstRow = await page.evaluate(() => (window as unknown as { __kamFirstRow: number }).__kamFirstRow);
      await page.close();
      if (round < 0) continue; // warm-up: the browser's own first start
      base.push(bareFcp);
      paint.push(fcp);
      rows.push(firstRow);
    }
  } finally {
    await harness.close();
    await bare.close();
    rmSync(bareDir, { recursive: true, force: true });
  }
  const row = (name: string, samples: number[]): Row => {
    const p95 = round(percentile(samples, 95));
    const baselineP95 = round(percentile(base, 95));
    return {
      name,
      target: 'reported',
      p50: round(percentile(samples, 50)),
      p95,
      baselineP50: round(percentile(base, 50)),
      baselineP95,
      ratioP95: round(p95 / baselineP95),
      pass: true,
    };
  };
  return [
    row('startup: first paint of the window (FCP), fresh load, 2,000 customers (baseline: a bare HTML page)', paint),
    row('startup: customer list rows visible, fresh load, 2,000 customers (baseline: a bare HTML page)', rows),
  ];
}
