/**
 * Builds, on a worker thread, what the large-template timing test previews: a database of
 * CUSTOMERS demo customers, and one unit's monthly template filled with every customer's nine
 * lines (other units' customers are warned about). The fixture is made off the test's thread
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

export interface LargeTemplateFixture {
  databasePath: string;
  path: string;
  rows: number;
}

const LINES = [...PRODUCT_LINES, 'other'] as const;

async function build(dir: string, customers: number, period: string, now: Date): Promise<LargeTemplateFixture> {
  const databasePath = join(dir, 'kam.sqlite');
  const b = openBackend({ databasePath, now: () => now });
  try {
    fillDemo(b.db, POLICY_V1, { customers, seed: 5 }, now);
    const unit = b.db.prepare('SELECT u.code FROM customers c JOIN units u ON u.id = c.unit_id LIMIT 1').pluck().get();
    const generated = await b.registry.call('templates/generate', { period, outDir: dir, unitCode: String(unit) });
    const template = generated.files[0]?.path as string;
    const wb = XLSX.read(readFileSync(template), { type: 'buffer' });
    const sheet = wb.Sheets.收入明细 as XLSX.WorkSheet;
    const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null });
    const headerAt = grid.findIndex((row) => row.includes('客户ID'));
    const header = grid[headerAt] as unknown[];
    const col = (name: string) => header.findIndex((h) => typeof h === 'string' && h.startsWith(name));
    const ids = b.db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
    const rows: unknown[][] = [];
    for (const id of ids) {
      for (const [k, line] of LINES.entries()) {
        const row: unknown[] = new Array(header.length).fill(null);
        row[col('客户ID')] = id;
        row[col('月份')] = period;
        row[col('业务种类')] = LINE_NAMES_ZH[line];
        row[col('收入')] = 100 + k;
        rows.push(row);
      }
    }
    wb.Sheets.收入明细 = XLSX.utils.aoa_to_sheet([...grid.slice(0, headerAt + 1), ...rows]);
    const path = join(dir, '大模板.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
    return { databasePath, path, rows: rows.length };
  } finally {
    b.close();
  }
}

if (parentPort) {
  const { dir, customers, period, now } = workerData as { dir: string; customers: number; period: string; now: string };
  build(dir, customers, period, new Date(now)).then(
    (fixture) => parentPort?.postMessage({ ok: true, fixture }),
    (e: Error) => parentPort?.postMessage({ ok: false, message: e.stack ?? e.message }),
  );
}
