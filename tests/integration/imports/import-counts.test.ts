/**
 * One definition of an import's counts (DOMAIN-DECISIONS "Imports", counts): every row read is
 * exactly one of 新增 / 修改 / 未变 / 空白; 未变 is a figure equal to the one stored, 空白 a row
 * without a figure (not reported, writes nothing). The preview, the committed batch, 导入记录 and
 * the CLI give the same numbers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { TEMPLATE_SHEETS } from '../../../shared/domain/templates/layout';
import { kam } from '../../support/kam';
import { workbookFile } from '../../support/workbook-file';

const backends: Backend[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'kam-import-counts-'));
  dirs.push(d);
  return d;
};

const HEADER = ['客户ID', '月份', '业务种类', '收入(元)'];

describe.each([
  ['in memory (inline writes)', false],
  ['in a file (writer thread)', true],
])('import counts, %s', (_label, onFile) => {
  it('the preview, the committed batch and 导入记录 count new, changed, unchanged and blank rows alike', async () => {
    const dir = tempDir();
    const b = openBackend({
      databasePath: onFile ? join(dir, 'kam.sqlite') : ':memory:',
      now: () => new Date('2026-11-10T02:00:00Z'),
    });
    backends.push(b);
    const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
    const ids: string[] = [];
    for (const name of ['汕头市宏达电子有限公司', '汕头市华侨物流有限公司', '汕头市澄海玩具有限公司']) {
      ids.push((await b.registry.call('customers/create', { name, areaCode: '440515', unitId })).id);
    }
    const [a, c, d] = ids as [string, string, string];
    await b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'letters', amount: '100' });
    await b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'express', amount: '50' });
    await b.registry.call('revenue/set', { customerId: c, period: '2026-10', line: 'letters', amount: '70' });
    const path = workbookFile(dir, '澄海分局2026年10月.xlsx', [
      HEADER,
      [a, '2026-10', '函件', 100], // unchanged
      [a, '2026-10', '特快', 60], // changed
      [c, '2026-10', '函件', null], // blank, though a figure is stored: not reported, kept
      [c, '2026-10', '物流', null], // blank
      [d, '2026-10', '函件', 30], // new
      [d, '2026-10', '物流', null], // blank
    ]);
    const preview = await b.registry.call('imports/preview', { path });
    const expected = { rows: 6, new: 1, changed: 1, unchanged: 1, blank: 3 };
    expect(preview.counts).toMatchObject({ ...expected, errors: 0 });
    const batch = await b.registry.call('imports/commit', { token: preview.token });
    const asBatch = { rows: 6, created: 1, changed: 1, unchanged: 1, blank: 3 };
    expect(batch).toMatchObject(asBatch);
    expect((await b.registry.call('imports/list', {}))[0]).toMatchObject({ id: batch.id, ...asBatch });
    // The blank cell left the stored figure as it was.
    const grid = await b.registry.call('revenue/customer', { customerId: c, year: 2026 });
    expect(grid.months[9]?.cells.letters).toMatchObject({ amount: 7_000 });
  });
});

describe('import counts in the CLI', () => {
  it('prints the same four counts for the preview and the committed batch, and 警告 for warnings', async () => {
    const dir = tempDir();
    const db = join(dir, 'kam.sqlite');
    expect((await kam(['demo', '--db', db, '--customers', '5'])).code).toBe(0);
    const path = workbookFile(dir, 'blank.xlsx', [
      HEADER,
      ['44050700001000', '2026-10', '函件', 1],
      ['44050700001000', '2026-10', '物流', null],
    ]);
    const r = await kam(['import', path, '--db', db, '--commit']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/新增 \d+，修改 \d+，未变 \d+，空白 1/);
    expect(r.out).not.toContain('提示');
    const committed = r.out.match(/新增 (\d+)，修改 (\d+)，未变 (\d+)，空白 (\d+)/g);
    // Preview line and batch line agree.
    expect(committed).toHaveLength(2);
    expect(committed?.[0]).toBe(committed?.[1]);
  });
});

describe('import counts of a unit template', () => {
  it('a unit’s batches (报送情况 drawer) show the counts 导入记录 shows', async () => {
    const now = new Date('2026-11-10T02:00:00Z');
    const b = openBackend({ databasePath: ':memory:', now: () => now });
    backends.push(b);
    fillDemo(b.db, POLICY_V1, { customers: 30, seed: 3 }, now);
    const dir = tempDir();
    const { files } = await b.registry.call('templates/generate', {
      period: '2026-10',
      outDir: dir,
      unitCode: '440515',
    });
    const wb = XLSX.read(readFileSync(files[0]?.path as string), { type: 'buffer' });
    const sheet = wb.Sheets[TEMPLATE_SHEETS.revenue] as XLSX.WorkSheet;
    const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, defval: null, blankrows: true });
    // One figure in the first amount column of this month (本月; 收入(元) in a one-line layout).
    const idRow = grid.findIndex((r) => /^\d{14}$/.test(String(r[0] ?? '')));
    const amountColumn = grid
      .slice(0, idRow)
      .map((r) => r.findIndex((v) => /^(本月|收入)/.test(String(v ?? ''))))
      .find((c) => c >= 0) as number;
    sheet[XLSX.utils.encode_cell({ r: idRow, c: amountColumn })] = { t: 'n', v: 321 };
    const path = join(dir, '澄海_回报.xlsx');
    writeFileSync(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const preview = await b.registry.call('imports/preview', { path });
    const batch = await b.registry.call('imports/commit', { token: preview.token, excludeErrorRows: true });
    const { rows, created, changed, unchanged, blank } = batch;
    expect({ rows, created, changed, unchanged, blank }).toEqual({
      rows: preview.counts.rows,
      created: preview.counts.new,
      changed: preview.counts.changed,
      unchanged: preview.counts.unchanged,
      blank: preview.counts.blank,
    });
    const unitId = (b.db.prepare("SELECT id FROM units WHERE code = '440515'").get() as { id: number }).id;
    const [listed] = await b.registry.call('submissions/unit-batches', { unitId });
    expect(listed).toMatchObject({ id: batch.id, rows, created, changed, unchanged, blank });
  });
});
