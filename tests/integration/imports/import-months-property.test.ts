import fc from 'fast-check';
import { describe, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { type BatchRow, commitBatch, undoBatch } from '../../../electron/backend/imports/batches';
import { RevenueStore } from '../../../electron/backend/revenue/store';
import { PRODUCT_LINES, type RevenueLine } from '../../../shared/domain/lines';
import { expectRevenueCopiesExact } from '../../support/revenue-copies';

const AT = '2026-11-10T02:00:00.000Z';
const LINES = [...PRODUCT_LINES, 'other'] as const;
const PERIODS = ['2025-12', '2026-01', '2026-02'];

const cell = fc.record({
  customer: fc.integer({ min: 0, max: 2 }),
  period: fc.constantFrom(...PERIODS),
  line: fc.constantFrom<RevenueLine>(...LINES),
  // null: blank (a batch) or removed (manual); negatives are corrections
  amount: fc.option(fc.integer({ min: -50_000, max: 5_000_000 }), { nil: null, freq: 5 }),
  turnover: fc.option(fc.integer({ min: 0, max: 90_000_000 }), { nil: undefined, freq: 3 }),
});

type Cell = typeof cell extends fc.Arbitrary<infer T> ? T : never;

const step = fc.oneof(
  fc.record({ kind: fc.constant('commit' as const), cells: fc.array(cell, { maxLength: 12 }) }),
  fc.record({ kind: fc.constant('undo' as const), pick: fc.nat(), force: fc.boolean() }),
  fc.record({ kind: fc.constant('manual' as const), cells: fc.array(cell, { maxLength: 4 }) }),
);

describe('revenue_months after import batches', () => {
  it('stays the exact aggregate of revenue, with revenue_years, through random commits, undos and edits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(cell, { maxLength: 15 }),
        fc.array(step, { minLength: 1, maxLength: 8 }),
        async (prior, steps) => {
          const b = openBackend({ databasePath: ':memory:', now: () => new Date(AT) });
          try {
            const { db } = b;
            const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
            const ids: string[] = [];
            for (let i = 0; i < 3; i++) {
              ids.push(
                (
                  await b.registry.call('customers/create', {
                    name: `性质客户${i}有限公司`,
                    areaCode: '440515',
                    unitId,
                  })
                ).id,
              );
            }
            const store = new RevenueStore(db);
            const manual = (cells: readonly Cell[]) =>
              db.transaction(() => {
                for (const c of cells) {
                  const customerId = ids[c.customer] as string;
                  if (c.line === 'newspapers' && c.turnover !== undefined) {
                    store.writeNewspaper(
                      { customerId, period: c.period, annualTurnover: c.turnover, rateBasisPoints: 2500, other: 0 },
                      { kind: 'manual', ref: null },
                      AT,
                    );
                  } else {
                    store.write(
                      [{ customerId, period: c.period, line: c.line, amount: c.amount }],
                      { kind: 'manual', ref: null },
                      AT,
                    );
                  }
                }
              })();
            manual(prior);
            expectRevenueCopiesExact(db);
            const standing: number[] = [];
            let n = 0;
            for (const s of steps) {
              if (s.kind === 'manual') manual(s.cells);
              else if (s.kind === 'commit') {
                // A preview never stages the same cell twice (the later row is an error there).
                const unique = [...new Map(s.cells.map((c) => [`${c.customer}|${c.period}|${c.line}`, c])).values()];
                const rows: BatchRow[] = unique.map((c) => {
                  const row: BatchRow = {
                    customerId: ids[c.customer] as string,
                    period: c.period,
                    line: c.line,
                    amount: c.amount,
                  };
                  if (c.line === 'newspapers' && c.amount !== null && c.turnover !== undefined) {
                    row.newspaper = { annualTurnover: c.turnover, rateBasisPoints: 2500, other: 0 };
                  }
                  return row;
                });
                const meta = {
                  fileName: `f${n}.xlsx`,
                  sha256: `sha-${n++}`,
                  unitId: null,
                  form: 'revenue',
                  period: null,
                  excluded: 0,
                };
                standing.push(db.transaction(() => commitBatch(db, meta, rows, AT, '测试')).immediate().batchId);
              } else if (standing.length > 0) {
                const [batchId] = standing.splice(s.pick % standing.length, 1) as [number];
                db.transaction(() => undoBatch(db, batchId, s.force, AT, '测试')).immediate();
              }
              expectRevenueCopiesExact(db);
            }
          } finally {
            b.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
