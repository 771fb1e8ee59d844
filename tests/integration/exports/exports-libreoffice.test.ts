/**
 * DOMAIN-DECISIONS "Exports" (R24–R26): every export opened by a real spreadsheet program. LibreOffice converts each
 * workbook (every sheet) to CSV as it shows the cells — numbers through their number formats — and
 * the figures are checked against SQL on the `revenue` table. Requires soffice (`.ci/run` installs
 * libreoffice-calc); without it the test fails saying so, it is never skipped.
 */

import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import type { ExportFileView } from '../../../shared/api/types';
import { fenToYuanString } from '../../../shared/domain/money';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { OFFICIAL_LINE_ROWS } from '../../support/official-lines';
import { parseCsv, workbooksToCsvWithLibreOffice } from '../../support/soffice-csv';
import { tempDirsForTests } from '../../support/temp-dir';

const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';
const EVIL = '=HYPERLINK("http://evil.example","点我")';

/**
 * The lines as the forms print them, in their order (R1, then 其他): written out rather than
 * taken from the code's own names and order, so a wrong name or a swapped column fails here.
 */
const LINE_ROWS = OFFICIAL_LINE_ROWS;

/** Yuan as LibreOffice shows "#,##0.00" for `fen`: "1,234,567.89", "-5.00". */
function shown(fen: number): string {
  const [whole, cents] = fenToYuanString(fen).split('.') as [string, string];
  const sign = whole.startsWith('-') ? '-' : '';
  return `${sign}${whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** "0.0%" of (a − b) ÷ b, or "" without a base. */
function shownRatio(a: number, b: number): string {
  return b > 0 ? `${(((a - b) / b) * 100).toFixed(1).replace(/^-0\.0$/, '0.0')}%` : '';
}

function sumLine(db: Database, where: string, ...args: unknown[]): Map<string, number> {
  const rows = db
    .prepare(`SELECT line, sum(amount_fen) AS s FROM revenue r WHERE ${where} GROUP BY line`)
    .all(...args) as { line: string; s: number }[];
  return new Map(rows.map((r) => [r.line, r.s]));
}

const tempDir = tempDirsForTests('kam-exports-lo-');

describe('exports read back by LibreOffice', () => {
  let b: Backend;
  const files = new Map<string, ExportFileView>();

  beforeAll(async () => {
    b = openBackend({ databasePath: ':memory:', now: () => NOW });
    fillDemo(b.db, POLICY_V1, { customers: 300, seed: 11 }, NOW);
    fillDemoRevenue(b.db, { months: 24, endPeriod: PERIOD, seed: 11 }, NOW.toISOString());
    const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 0;
    const evil = await b.registry.call('customers/create', { name: EVIL, areaCode: '440515', unitId });
    await b.registry.call('revenue/set', {
      customerId: evil.id,
      period: PERIOD,
      line: 'express',
      amount: '9,999,999.99',
      // Far above the sanity bounds on purpose (widest figure the forms must lay out).
      confirm: true,
    });
    await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
  }, 120_000);
  afterAll(() => b?.close());

  it('converts every export with soffice and finds the database figures in the CSV', async () => {
    const dir = tempDir();
    const requests = [
      ['city-6-1', { form: '6-1' as const }],
      ['unit-6-1', { form: '6-1' as const, unitCode: '440515' }],
      ['city-6-2', { form: '6-2' as const }],
      ['city-7', { form: '7' as const }],
      ['province', { form: 'province' as const }],
    ] as const;
    for (const [name, request] of requests) {
      const path = join(dir, `${name}.xlsx`);
      files.set(name, await b.registry.call('exports/build', { ...request, period: PERIOD, path }));
    }
    const csv = await workbooksToCsvWithLibreOffice(
      [...files.entries()].map(([, v]) => ({ path: v.path as string, sheets: v.sheets.map((s) => s.name) })),
      dir,
    );
    const sheet = (name: string, sheetName: string) =>
      parseCsv(csv.get(files.get(name)?.path as string)?.get(sheetName) as string);
    const db = b.db;

    // 附件6-1, city and 澄海分局: every line × this month / last month / MoM / same month last year / YoY / YTD.
    const unitIds = (
      db
        .prepare(
          "SELECT id FROM units WHERE code = '440515' OR parent_id IN (SELECT id FROM units WHERE code = '440515')",
        )
        .all() as {
        id: number;
      }[]
    ).map((u) => u.id);
    for (const [name, sheetName, scope] of [
      ['city-6-1', '附件6-1', '1 = 1'],
      ['unit-6-1', '附件6-1', `r.customer_id IN (SELECT id FROM customers WHERE unit_id IN (${unitIds.join(',')}))`],
      ['province', '附件6-1（全市汇总）', '1 = 1'],
    ] as const) {
      const rows = sheet(name, sheetName);
      const start = rows.findIndex((r) => r[0] === '业务种类');
      expect(start, `${name}: header`).toBeGreaterThan(0);
      expect(rows[start], `${name}: header`).toEqual([
        '业务种类',
        '本月',
        '上月',
        '环比',
        '去年同月',
        '同比',
        '本年累计',
        '去年同期累计',
        '累计同比',
      ]);
      const thisMonth = sumLine(db, `${scope} AND r.period = ?`, PERIOD);
      const lastMonth = sumLine(db, `${scope} AND r.period = ?`, '2026-09');
      const lastYear = sumLine(db, `${scope} AND r.period = ?`, '2025-10');
      const ytd = sumLine(db, `${scope} AND r.period BETWEEN ? AND ?`, '2026-01', PERIOD);
      const ytdLy = sumLine(db, `${scope} AND r.period BETWEEN ? AND ?`, '2025-01', '2025-10');
      const get = (m: Map<string, number>, l: string) => m.get(l) ?? 0;
      LINE_ROWS.forEach(([label, line], i) => {
        const [tm, lm, ly, y, yl] = [thisMonth, lastMonth, lastYear, ytd, ytdLy].map((m) => get(m, line)) as number[];
        expect(rows[start + 1 + i], `${name} ${line}`).toEqual([
          label,
          shown(tm as number),
          shown(lm as number),
          shownRatio(tm as number, lm as number),
          shown(ly as number),
          shownRatio(tm as number, ly as number),
          shown(y as number),
          shown(yl as number),
          shownRatio(y as number, yl as number),
        ]);
      });
      const total = [...thisMonth.values()].reduce((a, v) => a + v, 0);
      expect(rows[start + 1 + LINE_ROWS.length]?.slice(0, 2)).toEqual(['合计', shown(total)]);
    }

    // 附件6-2: each listed customer's month and year to date.
    const six2 = sheet('city-6-2', '附件6-2').filter((r) => /^\d+$/.test(r[0] ?? ''));
    expect(six2.length).toBeGreaterThanOrEqual(10);
    const perCustomer = db.prepare(
      'SELECT coalesce(sum(amount_fen), 0) AS s FROM revenue WHERE customer_id = ? AND period BETWEEN ? AND ?',
    );
    for (const r of six2) {
      const id = r[1] as string;
      expect(r[6], id).toBe(shown((perCustomer.get(id, PERIOD, PERIOD) as { s: number }).s));
      expect(r[11], id).toBe(shown((perCustomer.get(id, '2026-01', PERIOD) as { s: number }).s));
    }

    // 附件7 (alone and in the package): 12-month totals and this month's lines; the customer named
    // like a formula is listed (¥9,999,999.99 this month) and LibreOffice shows it as text.
    for (const [name, sheetName] of [
      ['city-7', '附件7'],
      ['province', '附件7'],
    ] as const) {
      const header = sheet(name, sheetName).find((r) => r[0] === '序号');
      expect(header?.slice(6), `${name}: header`).toEqual([
        '近12个月收入',
        '月均收入',
        '本月储汇',
        '本月帐单',
        '本月函件',
        '本月集邮',
        '本月特快',
        '本月物流',
        '本月包件',
        '本月报刊',
        '本月其他',
        '本月合计',
      ]);
      const seven = sheet(name, sheetName).filter((r) => /^\d+$/.test(r[0] ?? ''));
      expect(seven.length).toBeGreaterThanOrEqual(10);
      for (const r of seven.slice(0, 15)) {
        const id = r[1] as string;
        expect(r[6], id).toBe(shown((perCustomer.get(id, '2025-11', PERIOD) as { s: number }).s));
        const lines = sumLine(db, 'r.customer_id = ? AND r.period = ?', id, PERIOD);
        expect(r.slice(8, 17), id).toEqual(LINE_ROWS.map(([, l]) => shown(lines.get(l) ?? 0)));
      }
      expect(seven.map((r) => r[2])).toContain(EVIL);
    }
  }, 180_000);
});
