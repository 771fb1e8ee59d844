/**
 * Issue 4: a unit's monthly template with more than 130,000 revenue rows previews without
 * overflowing the stack (the template checks compact rows in a loop, not `splice(…, ...rows)`) and
 * with the template checks paced, without a long main-thread stall (see the bound below).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openBackend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { LINE_NAMES_ZH, PRODUCT_LINES } from '../../shared/domain/lines';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { pingWhile } from '../support/ping';
import { tempDirsForTests } from '../support/temp-dir';

const tempDir = tempDirsForTests('kam-template-large-');
const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';
const LINES = [...PRODUCT_LINES, 'other'] as const;
const CUSTOMERS = 15_000;

describe('a large template-form workbook (issue 4)', () => {
  it(`previews ${(CUSTOMERS * LINES.length).toLocaleString('en')} template rows, answering pings without a long stall`, async () => {
    const b = openBackend({ databasePath: join(tempDir(), 'kam.sqlite'), now: () => NOW });
    try {
      fillDemo(b.db, POLICY_V1, { customers: CUSTOMERS, seed: 5 }, NOW);
      const unit = b.db
        .prepare('SELECT u.code FROM customers c JOIN units u ON u.id = c.unit_id LIMIT 1')
        .pluck()
        .get();
      const generated = await b.registry.call('templates/generate', {
        period: PERIOD,
        outDir: tempDir(),
        unitCode: String(unit),
      });
      const template = generated.files[0]?.path as string;
      // The unit fills 收入明细 with every customer's nine lines (other units' customers are warned about).
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
          row[col('月份')] = PERIOD;
          row[col('业务种类')] = LINE_NAMES_ZH[line];
          row[col('收入')] = 100 + k;
          rows.push(row);
        }
      }
      wb.Sheets.收入明细 = XLSX.utils.aoa_to_sheet([...grid.slice(0, headerAt + 1), ...rows]);
      const path = join(tempDir(), '大模板.xlsx');
      writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);

      const pings = pingWhile(() => b.registry.call('app/info', {}));
      const preview = await b.registry.call('imports/preview', { path });
      await pings.stop();
      expect(preview.template).not.toBeNull();
      expect(preview.counts).toMatchObject({ rows: rows.length, errors: 0 });
      console.log(
        `[template preview] ${rows.length} rows: worst ping ${pings.worst.toFixed(1)} ms over ${pings.count}`,
      );
      // Measured 80–170 ms here (the hand-made path of imports-responsiveness stays under 40 ms):
      // a pause of that size remains somewhere in the template path — not yet found, likely a
      // major GC over the 135,000 staged rows. This bound catches a return of multi-second
      // stalls; the < 100 ms target for template files is an open item of issue 4.
      expect(pings.worst).toBeLessThan(250);
    } finally {
      b.close();
    }
  }, 180_000);
});
