/**
 * A revenue figure opens its source (revenue/source): the batch that wrote it with its file, the
 * sheet, row and column it stood in, who committed it and when; or who typed it and when. Through
 * the real database and a real template workbook.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { backendsForTests } from '../../support/backends';
import { tempDirsForTests } from '../../support/temp-dir';
import { mapWideSheet, setWide } from '../../support/wide-template';

const open = backendsForTests();
const tempDir = tempDirsForTests('kam-revenue-source-');
const NOW = new Date('2026-10-27T04:00:00Z');

describe('revenue/source', () => {
  it('names the batch, file, sheet, row and column of an imported figure, and who typed a figure by hand', async () => {
    const b = open({ databasePath: ':memory:', now: () => NOW });
    fillDemo(b.db, POLICY_V1, { customers: 20, seed: 3 }, NOW);
    const [operator] = await b.registry.call('operators/list', {});
    await b.registry.call('session/start', { operatorId: (operator as { id: number }).id });
    const unitCode = (await b.registry.call('submissions/tracker', { period: '2026-10' })).units[0]?.code as string;

    const dir = tempDir();
    const { files } = await b.registry.call('templates/generate', { period: '2026-10', outDir: dir, unitCode });
    const wb = XLSX.read(readFileSync((files[0] as { path: string }).path), { type: 'buffer' });
    const ws = wb.Sheets.收入明细 as XLSX.WorkSheet;
    const map = mapWideSheet(ws);
    const customerId = [...map.rows.keys()][1] as string;
    setWide(ws, map, customerId, '函件', 4321.5);
    const file = join(dir, '回传.xlsx');
    writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    const preview = await b.registry.call('imports/preview', { path: file });
    const batch = await b.registry.call('imports/commit', { token: preview.token });

    // Where the figure stood, found independently from the sheet itself.
    const row = (map.rows.get(customerId) as number) + 1;
    const address = Object.keys(ws).find((a) => !a.startsWith('!') && ws[a]?.v === 4321.5) as string;
    expect(address).toMatch(new RegExp(`^[A-Z]+${row}$`));
    const source = await b.registry.call('revenue/source', { customerId, period: '2026-10', line: 'letters' });
    expect(source).toMatchObject({
      amount: 432_150,
      kind: 'import',
      batch: {
        id: batch.id,
        fileName: '回传.xlsx',
        sheet: '收入明细',
        row,
        column: address.replace(/\d+$/, ''),
        committedBy: operator?.name,
        undoneAt: null,
      },
      typed: null,
    });

    // Typed over by hand: the operator who typed it, from the audit log.
    await b.registry.call('revenue/set', { customerId, period: '2026-10', line: 'letters', amount: '100' });
    expect(await b.registry.call('revenue/source', { customerId, period: '2026-10', line: 'letters' })).toMatchObject({
      amount: 10_000,
      kind: 'manual',
      batch: null,
      typed: { by: operator?.name },
    });

    // Nothing stored: says so.
    expect(await b.registry.call('revenue/source', { customerId, period: '2026-10', line: 'philately' })).toMatchObject(
      { amount: null, kind: null, batch: null, typed: null },
    );
  });
});
