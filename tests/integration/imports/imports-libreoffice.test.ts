/**
 * DOMAIN-DECISIONS "Imports": a workbook written by a real spreadsheet program, not by SheetJS itself. A unit's CSV
 * (Chinese line names, `1,234.50`, `1.2万`) is saved as .xlsx by headless LibreOffice, then
 * previewed and committed through the registry. LibreOffice turns the 14-digit IDs and `1,234.50`
 * into numbers and keeps `1.2万` as text, as it does for an officer. Not skipped without
 * LibreOffice: the test fails saying it is required (`.ci/run` installs it).
 */
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { dumpTables } from '../../support/db-dump';
import {
  csvToXlsxWithLibreOffice,
  LibreOfficeError,
  requireSoffice,
  sofficeConvert,
  xlsxToCsvWithLibreOffice,
} from '../../support/libreoffice';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-import-lo-');
const NOW = new Date('2026-11-10T02:00:00Z');

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const toCsv = (rows: string[][]) => `${rows.map((r) => r.map(csvField).join(',')).join('\n')}\n`;

describe('importing a workbook that LibreOffice wrote', () => {
  it('previews and commits a LibreOffice .xlsx made from a unit CSV, storing the exact figures', async () => {
    requireSoffice(); // fails with the install hint, never skips
    const b = openBackend({ databasePath: ':memory:', now: () => NOW });
    try {
      fillDemo(b.db, POLICY_V1, { customers: 12, seed: 3 }, NOW);
      const customers = b.db.prepare('SELECT id FROM customers ORDER BY id LIMIT 3').all() as { id: string }[];
      const [a, c, d] = customers.map((r) => r.id) as [string, string, string];
      const dir = tempDir();
      const csv = toCsv([
        ['客户ID', '月份', '业务种类', '收入(元)'],
        [a, '2026-10', '函件', '1,234.50'],
        [a, '2026-10', '速递', '1.2万'],
        [a, '2026年9月', '集邮', '88.8'],
        [c, '2026-10', '报刊', '12,000'],
        [c, '2026-10', '帐单', '0.35万'],
        [d, '2026-10', '包件', '5000'],
        [d, '2026-10', '储汇', ''], // blank: not reported, writes nothing
      ]);
      const xlsx = await csvToXlsxWithLibreOffice(csv, dir, '澄海分局2026年10月');
      expect(xlsx.endsWith('.xlsx')).toBe(true);

      const before = dumpTables(b.db);
      const preview = await b.registry.call('imports/preview', { path: xlsx });
      expect(dumpTables(b.db)).toEqual(before);
      expect(preview.issues).toEqual([]);
      expect(preview.counts).toMatchObject({ rows: 7, new: 6, changed: 0, blank: 1, errors: 0 });

      const batch = await b.registry.call('imports/commit', { token: preview.token });
      expect(batch).toMatchObject({ fileName: '澄海分局2026年10月.xlsx', created: 6, rows: 7 });
      const stored = b.db
        .prepare(
          "SELECT customer_id AS id, period, line, amount_fen AS fen, source_ref AS ref FROM revenue WHERE source_kind = 'import' ORDER BY customer_id, period, line",
        )
        .all();
      const ref = `batch:${batch.id}`;
      expect(stored).toEqual(
        [
          { id: a, period: '2026-09', line: 'philately', fen: 8_880, ref },
          { id: a, period: '2026-10', line: 'express', fen: 1_200_000, ref },
          { id: a, period: '2026-10', line: 'letters', fen: 123_450, ref },
          { id: c, period: '2026-10', line: 'bills', fen: 350_000, ref },
          { id: c, period: '2026-10', line: 'newspapers', fen: 1_200_000, ref },
          { id: d, period: '2026-10', line: 'parcels', fen: 500_000, ref },
        ].sort((x, y) => `${x.id}${x.period}${x.line}`.localeCompare(`${y.id}${y.period}${y.line}`)),
      );
      // The monthly copy the tiering reads moved with the batch.
      const grid = await b.registry.call('revenue/customer', { customerId: a, year: 2026 });
      expect(grid.months[9]?.cells.letters?.amount).toBe(123_450);
      expect(grid.months[9]?.cells.express?.amount).toBe(1_200_000);
    } finally {
      b.close();
    }
  }, 120_000);

  it('reads LibreOffice CSV back as UTF-8 and names what failed', async () => {
    requireSoffice();
    const dir = tempDir();
    const xlsx = await csvToXlsxWithLibreOffice(
      toCsv([
        ['客户名称', '收入(元)'],
        ['汕头市宏达电子有限公司', '1.2万'],
      ]),
      dir,
    );
    const text = await xlsxToCsvWithLibreOffice(xlsx, tempDir());
    expect(text.split(/\r?\n/).slice(0, 2)).toEqual(['客户名称,收入(元)', '汕头市宏达电子有限公司,1.2万']);
    await expect(sofficeConvert(`${dir}/nope.xlsx`, 'csv', dir)).rejects.toThrow(LibreOfficeError);
    await expect(sofficeConvert(`${dir}/nope.xlsx`, 'csv', dir)).rejects.toThrow('要转换的文件不存在');
  }, 120_000);
});
