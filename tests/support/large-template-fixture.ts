/**
 * Builds, on a worker thread, what the large-template timing test previews: a database of
 * CUSTOMERS demo customers, and one unit's monthly template filled with every customer's nine
 * lines (other units' customers are warned about) — in the template's wide layout (one row per
 * customer, a 本月 cell per line) or in the long layout of version 1 templates (one row per
 * customer and line, 收入明细 replaced and the metadata's version set to 1). The fixture is made off the test's thread
 * because a unit's spreadsheet program is not the app: building 135,000 rows with SheetJS leaves
 * some 200 MB of garbage, and collecting it in the middle of the preview (a 150–250 ms
 * mark-compact, seen with --trace-gc) was being counted against the app.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import * as XLSX from 'xlsx';
import { openBackend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { LINE_NAMES_ZH, PRODUCT_LINES } from '../../shared/domain/lines';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { mapWideSheet, wideColumn } from './wide-template';

export type LargeTemplateLayout = 'wide' | 'long';

export interface LargeTemplateFixture {
  databasePath: string;
  path: string;
  /** Figures filled: the preview's revenue rows. */
  rows: number;
  /** Rows of 收入明细 below its header. */
  sheetRows: number;
}

const LINES = [...PRODUCT_LINES, 'other'] as const;

/** The version 1 header, written out as those templates had it. */
const LONG_HEADER = [
  '客户ID',
  '客户名称',
  '月份',
  '业务种类',
  '收入(元)',
  '报刊年流转额(元)',
  '报刊平均费率(%)',
  '报刊其他收入(元)',
  '备注',
];

async function build(
  dir: string,
  customers: number,
  period: string,
  now: Date,
  layout: LargeTemplateLayout,
): Promise<LargeTemplateFixture> {
  const databasePath = join(dir, 'kam.sqlite');
  const b = openBackend({ databasePath, now: () => now });
  try {
    fillDemo(b.db, POLICY_V1, { customers, seed: 5 }, now);
    const unit = b.db.prepare('SELECT u.code FROM customers c JOIN units u ON u.id = c.unit_id LIMIT 1').pluck().get();
    const generated = await b.registry.call('templates/generate', { period, outDir: dir, unitCode: String(unit) });
    const template = generated.files[0]?.path as string;
    const wb = XLSX.read(readFileSync(template), { type: 'buffer' });
    const ids = b.db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
    let sheetRows: number;
    if (layout === 'long') {
      const col = (name: string) => LONG_HEADER.indexOf(name);
      const rows: unknown[][] = [];
      for (const id of ids) {
        for (const [k, line] of LINES.entries()) {
          const row: unknown[] = new Array(LONG_HEADER.length).fill(null);
          row[col('客户ID')] = id;
          row[col('月份')] = period;
          row[col('业务种类')] = LINE_NAMES_ZH[line];
          row[col('收入(元)')] = 100 + k;
          rows.push(row);
        }
      }
      wb.Sheets.收入明细 = XLSX.utils.aoa_to_sheet([LONG_HEADER, ...rows]);
      const meta = wb.Sheets._kam_meta as XLSX.WorkSheet;
      if (meta.A3?.v !== 'version') throw new Error('the metadata sheet has no version in row 3');
      meta.B3 = { t: 'n', v: 1 };
      sheetRows = rows.length;
    } else {
      const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
      const map = mapWideSheet(ws);
      const listed = new Set(map.rows.keys());
      const grid = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, defval: null, blankrows: true });
      const extra = ids.filter((id) => !listed.has(id));
      for (const id of extra) {
        const row: unknown[] = new Array(map.width).fill(null);
        row[map.idColumn] = id;
        map.rows.set(id, grid.length);
        grid.push(row);
      }
      for (const id of ids) {
        const row = grid[map.rows.get(id) as number] as unknown[];
        for (const [k, line] of LINES.entries()) row[wideColumn(map, LINE_NAMES_ZH[line])] = 100 + k;
      }
      const merges = ws['!merges'];
      wb.Sheets.收入明细 = XLSX.utils.aoa_to_sheet(grid);
      (wb.Sheets.收入明细 as XLSX.WorkSheet)['!merges'] = merges;
      sheetRows = grid.length - map.firstRow;
    }
    const path = join(dir, '大模板.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    const rows = ids.length * LINES.length;
    return { databasePath, path, rows, sheetRows };
  } finally {
    b.close();
  }
}

if (parentPort) {
  const { dir, customers, period, now, layout } = workerData as {
    dir: string;
    customers: number;
    period: string;
    now: string;
    layout: LargeTemplateLayout;
  };
  build(dir, customers, period, new Date(now), layout).then(
    (fixture) => parentPort?.postMessage({ ok: true, fixture }),
    (e: Error) => parentPort?.postMessage({ ok: false, message: e.stack ?? e.message }),
  );
}
