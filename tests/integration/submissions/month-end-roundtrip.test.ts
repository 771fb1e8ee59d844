/**
 * The round trip the month-end is (DOMAIN-DECISIONS "Templates", "Exports"): templates generated from demo data → every unit
 * fills its 收入明细 (some figures left blank, as units do) → each workbook imported (preview,
 * commit) → 附件6-1 exported → its month column per line equals what the units filled, which
 * equals the database's sums.
 */

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import type { RevenueLine } from '../../../shared/domain/lines';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { OFFICIAL_LINE_ROWS } from '../../support/official-lines';
import { tempDirsForTests } from '../../support/temp-dir';
import { mapWideSheet, setWide } from '../../support/wide-template';

const NOW = new Date('2026-11-03T02:00:00Z');
const PERIOD = '2026-10';
const tempDir = tempDirsForTests('kam-month-end-');
/**
 * The lines as the template and 附件6-1 print them, in the form's order (R1, then 其他): written
 * out rather than taken from the code's own names, which would map a wrong name back to itself.
 */
const LINE_ROWS = OFFICIAL_LINE_ROWS;
const LINE_BY_ZH = new Map(LINE_ROWS);
let b: Backend | undefined;
afterAll(() => b?.close());

type Cells = (string | number | null)[];

describe('month-end round trip', () => {
  // On a database file, as the app runs: every commit goes through the writer thread.
  it('templates → filled by every unit → imported → 附件6-1 equals the filled figures and the database', async () => {
    b = openBackend({ databasePath: join(tempDir(), 'kam.sqlite'), now: () => NOW });
    expect(b.registry.ctx.writer.offThread).toBe(true);
    fillDemo(b.db, POLICY_V1, { customers: 80, seed: 21 }, NOW);
    fillDemoRevenue(b.db, { months: 13, seed: 21, endPeriod: '2026-09' }, NOW.toISOString());
    const outDir = tempDir();
    const { files } = await b.registry.call('templates/generate', { period: PERIOD, outDir });
    expect(files.length).toBeGreaterThanOrEqual(3);

    const filled = new Map<RevenueLine, number>();
    let n = 0;
    for (const f of files) {
      const wb = XLSX.read(readFileSync(f.path), { type: 'buffer' });
      const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
      // The wide layout: one row per customer, each line's 本月 column beside last month's.
      const map = mapWideSheet(ws);
      expect(map.rows.size).toBeGreaterThan(0);
      for (const id of map.rows.keys()) {
        for (const [zh, line] of LINE_BY_ZH) {
          n++;
          if (n % 5 === 0) continue; // left blank: not reported
          const fen = 10_000 + ((n * 7919) % 5_000_000);
          setWide(ws, map, id, zh, fen / 100);
          filled.set(line, (filled.get(line) ?? 0) + fen);
        }
      }
      const path = join(outDir, `已填_${f.fileName}`);
      writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      const preview = await b.registry.call('imports/preview', { path });
      expect(preview.counts.errors, f.fileName).toBe(0);
      expect(preview.template?.period).toBe(PERIOD);
      await b.registry.call('imports/commit', { token: preview.token });
    }

    const database = new Map(
      (
        b.db.prepare('SELECT line, sum(amount_fen) AS s FROM revenue WHERE period = ? GROUP BY line').all(PERIOD) as {
          line: RevenueLine;
          s: number;
        }[]
      ).map((r) => [r.line, r.s]),
    );
    expect(database).toEqual(filled);

    const exported = await b.registry.call('exports/build', { form: '6-1', period: PERIOD });
    const book = XLSX.read(Buffer.from(exported.base64 ?? '', 'base64'));
    const rows = XLSX.utils.sheet_to_json<Cells>(book.Sheets['附件6-1'] as XLSX.WorkSheet, {
      header: 1,
      raw: true,
      defval: null,
    });
    const start = rows.findIndex((r) => r[0] === '业务种类');
    // The revenue table lists every line, in the form's order, then 合计.
    expect(rows.slice(start + 1, start + 11).map((r) => r[0])).toEqual([...LINE_ROWS.map(([label]) => label), '合计']);
    const lineRow = (label: string) => rows.slice(start + 1).find((r) => r[0] === label) as Cells;
    let total = 0;
    for (const [label, line] of LINE_ROWS) {
      const cell = lineRow(label)[1];
      // Numbers stored as numbers (yuan), not text.
      expect(typeof cell).toBe('number');
      expect(Math.round((cell as number) * 100), line).toBe(database.get(line) ?? 0);
      total += database.get(line) ?? 0;
    }
    expect(Math.round((lineRow('合计')[1] as number) * 100)).toBe(total);

    // The tracker counts every unit's four forms as received for the month; 经营分析 (R31) was
    // left blank, so it is still owed.
    const tracker = await b.registry.call('submissions/tracker', { period: PERIOD });
    expect(tracker.totals.expected).toBe(files.length * 5);
    expect(tracker.totals.onTime + tracker.totals.late).toBe(files.length * 4);
  });
});
