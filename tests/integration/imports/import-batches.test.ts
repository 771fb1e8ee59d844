/**
 * Committing and undoing revenue import batches (DOMAIN-DECISIONS "Imports", "Undoing a batch after
 * later edits"), through the real database.
 */
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { type BatchRow, commitBatch, undoBatch } from '../../../electron/backend/imports/batches';
import { PRODUCT_LINES } from '../../../shared/domain/lines';

const AT = '2026-11-10T02:00:00.000Z';
const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

async function setup(customers = 2) {
  const b = openBackend({ databasePath: ':memory:', now: () => new Date(AT) });
  backends.push(b);
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  const ids: string[] = [];
  for (let i = 0; i < customers; i++) {
    ids.push(
      (await b.registry.call('customers/create', { name: `测试客户${i}有限公司`, areaCode: '440515', unitId })).id,
    );
  }
  return { b, db: b.db, ids };
}

function revenueState(db: Database) {
  return {
    revenue: db.prepare('SELECT * FROM revenue ORDER BY customer_id, period, line').all(),
    months: db.prepare('SELECT * FROM revenue_months ORDER BY customer_id, period').all(),
    // kept by triggers from revenue_months (migration 0004): an undo must restore it too
    years: db.prepare('SELECT * FROM revenue_years ORDER BY year, customer_id').all(),
  };
}

const meta = (sha256: string, fileName = '澄海分局2026年10月.xlsx') => ({
  fileName,
  sha256,
  unitId: null,
  form: 'revenue',
  period: '2026-10',
  excluded: 0,
});

function inTx<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}

describe('import batches', () => {
  it('commits new and changed cells, counts unchanged and blank ones, and keeps revenue_months in step', async () => {
    const { b, db, ids } = await setup();
    const [a, c] = ids as [string, string];
    await b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'letters', amount: '100' });
    await b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'express', amount: '50' });
    const rows: BatchRow[] = [
      { customerId: a, period: '2026-10', line: 'letters', amount: 20_000 }, // changed
      { customerId: a, period: '2026-10', line: 'express', amount: 5_000 }, // unchanged
      { customerId: c, period: '2026-10', line: 'parcels', amount: 99_900 }, // new
      { customerId: c, period: '2026-10', line: 'bills', amount: null }, // blank: not reported
    ];
    const result = inTx(db, () => commitBatch(db, meta('sha-1'), rows, AT, '信息主管'));
    // Blank rows are counted apart from unchanged ones (DOMAIN-DECISIONS "Imports", counts).
    expect(result).toMatchObject({ total: 4, created: 1, changed: 1, unchanged: 1, blank: 1 });
    expect(
      db
        .prepare('SELECT amount_fen, source_kind, source_ref FROM revenue WHERE customer_id = ? AND line = ?')
        .get(a, 'letters'),
    ).toEqual({
      amount_fen: 20_000,
      source_kind: 'import',
      source_ref: `batch:${result.batchId}`,
    });
    expect(db.prepare('SELECT letters, express, parcels FROM revenue_months WHERE customer_id = ?').get(a)).toEqual({
      letters: 20_000,
      express: 5_000,
      parcels: 0,
    });
    expect(db.prepare('SELECT parcels FROM revenue_months WHERE customer_id = ?').get(c)).toEqual({ parcels: 99_900 });
  });

  it('refuses the same file again, naming the earlier batch; after an undo it may come in again', async () => {
    const { db, ids } = await setup();
    const rows: BatchRow[] = [{ customerId: ids[0] as string, period: '2026-10', line: 'letters', amount: 1 }];
    const first = inTx(db, () => commitBatch(db, meta('same-sha'), rows, AT, '信息主管'));
    expect(() => inTx(db, () => commitBatch(db, meta('same-sha', '改名后.xlsx'), rows, AT, '信息主管'))).toThrow(
      `作为第 ${first.batchId} 批（“澄海分局2026年10月.xlsx”）导入过`,
    );
    inTx(db, () => undoBatch(db, first.batchId, false, AT, '信息主管'));
    expect(inTx(db, () => commitBatch(db, meta('same-sha'), rows, AT, '信息主管')).created).toBe(1);
  });

  it('undo restores every cell to its prior value exactly and is recorded on the batch', async () => {
    const { b, db, ids } = await setup();
    const [a, c] = ids as [string, string];
    await b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'letters', amount: '100' });
    const before = revenueState(db);
    const { batchId } = inTx(db, () =>
      commitBatch(
        db,
        meta('sha-undo'),
        [
          { customerId: a, period: '2026-10', line: 'letters', amount: 777 },
          { customerId: c, period: '2026-09', line: 'express', amount: 888 },
        ],
        AT,
        '信息主管',
      ),
    );
    const undo = inTx(db, () => undoBatch(db, batchId, false, '2026-11-11T02:00:00.000Z', '信息主管'));
    expect(undo).toEqual({ batchId, restored: 2, kept: [] });
    expect(revenueState(db)).toEqual(before);
    expect(db.prepare('SELECT undone_at, undone_by, undo_kept FROM import_batches WHERE id = ?').get(batchId)).toEqual({
      undone_at: '2026-11-11T02:00:00.000Z',
      undone_by: '信息主管',
      undo_kept: 0,
    });
    expect(() => inTx(db, () => undoBatch(db, batchId, false, AT, '信息主管'))).toThrow('已于 2026-11-11 撤销');
    expect(() => inTx(db, () => undoBatch(db, 999, false, AT, '信息主管'))).toThrow('找不到导入批次 999');
    const checked = await b.registry.invoke('imports/undo-check', { batchId });
    expect(checked).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('已于 2026-11-11 撤销') },
    });
  });

  it('keeps and lists cells edited after the import, unless the undo is forced', async () => {
    const { b, db, ids } = await setup();
    const a = ids[0] as string;
    const rows: BatchRow[] = [
      { customerId: a, period: '2026-10', line: 'letters', amount: 1_000 },
      { customerId: a, period: '2026-10', line: 'express', amount: 2_000 },
    ];
    const first = inTx(db, () => commitBatch(db, meta('sha-edit'), rows, AT, '信息主管'));
    await b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'express', amount: '99' });
    // The officer sees what would be kept before choosing; the check writes nothing.
    const before = revenueState(db);
    expect(await b.registry.call('imports/undo-check', { batchId: first.batchId })).toEqual({
      batchId: first.batchId,
      cells: 2,
      kept: [{ customerId: a, period: '2026-10', line: 'express', current: 9_900, imported: 2_000 }],
      // A hand-made workbook brings no 客户经理变动 and no inbox rows (DOMAIN-DECISIONS "Template intake").
      managerChanges: null,
      inbox: { pending: 0, filed: 0 },
    });
    expect(revenueState(db)).toEqual(before);
    const undo = inTx(db, () => undoBatch(db, first.batchId, false, AT, '信息主管'));
    expect(undo.restored).toBe(1);
    expect(undo.kept).toEqual([{ customerId: a, period: '2026-10', line: 'express', current: 9_900, imported: 2_000 }]);
    expect(db.prepare('SELECT line, amount_fen FROM revenue WHERE customer_id = ? ORDER BY line').all(a)).toEqual([
      { line: 'express', amount_fen: 9_900 },
    ]);

    const second = inTx(db, () => commitBatch(db, meta('sha-edit-2'), rows, AT, '信息主管'));
    await b.registry.call('revenue/set', { customerId: a, period: '2026-10', line: 'letters', amount: '5' });
    const forced = inTx(db, () => undoBatch(db, second.batchId, true, AT, '信息主管'));
    expect(forced.kept).toEqual([]);
    // Forced: the edited cell goes back to what it was before this batch (absent).
    expect(db.prepare('SELECT line, amount_fen FROM revenue WHERE customer_id = ? ORDER BY line').all(a)).toEqual([
      { line: 'express', amount_fen: 9_900 },
    ]);
  });

  it('commits and undoes a batch of 100,000 rows in one transaction each', async () => {
    const { db, ids } = await setup(1_000);
    const rows: BatchRow[] = [];
    for (const id of ids) {
      for (let m = 1; m <= 12; m++) {
        for (const line of PRODUCT_LINES) {
          if (rows.length < 100_000)
            rows.push({ customerId: id, period: `2026-${String(m).padStart(2, '0')}`, line, amount: m * 100 });
        }
      }
    }
    while (rows.length < 100_000)
      rows.push({ ...(rows[rows.length % 1000] as BatchRow), period: '2025-01', amount: 1 });
    const before = revenueState(db);
    const started = performance.now();
    const { batchId, created } = inTx(db, () => commitBatch(db, meta('sha-100k'), rows, AT, '信息主管'));
    expect(created).toBeGreaterThan(90_000);
    const undo = inTx(db, () => undoBatch(db, batchId, false, AT, '信息主管'));
    expect(undo.kept).toEqual([]);
    expect(revenueState(db)).toEqual(before);
    expect(performance.now() - started).toBeLessThan(60_000);
  }, 120_000);
});
