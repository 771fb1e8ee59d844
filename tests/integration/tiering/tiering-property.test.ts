/** Property: a tiering run is idempotent — the same inputs and policy give the same results. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { INPUT_COLUMNS } from '../../../electron/backend/tiering/result-inputs';
import { PRODUCT_LINES } from '../../../shared/domain/lines';

const NOW = () => new Date('2026-02-10T02:00:00Z');

describe('tiering runs (R9–R15)', () => {
  it('are idempotent for any revenue figures', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            line: fc.constantFrom(...PRODUCT_LINES),
            month: fc.integer({ min: 1, max: 12 }),
            yuan: fc.integer({ min: 0, max: 3_000_000 }),
            customer: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 40 },
        ),
        fc.boolean(),
        async (cells, agreement) => {
          const b = openBackend({ databasePath: ':memory:', now: NOW });
          try {
            const units = await b.registry.call('units/list', {});
            const unitId = units.find((u) => u.code === '440515')?.id ?? 1;
            const ids: string[] = [];
            for (let i = 0; i < 4; i++) {
              ids.push(
                (await b.registry.call('customers/create', { name: `客户${i}有限公司`, areaCode: '440515', unitId }))
                  .id,
              );
            }
            if (agreement)
              await b.registry.call('customers/set-agreement', { id: ids[0] as string, since: '2025-01-01' });
            for (const c of cells) {
              await b.registry.call('revenue/set', {
                customerId: ids[c.customer] as string,
                period: `2025-${String(c.month).padStart(2, '0')}`,
                line: c.line,
                amount: String(c.yuan),
                // Random figures are meant as given (the sanity warnings are tested elsewhere).
                confirm: true,
              });
            }
            await b.registry.call('revenue/bureau-set', { year: 2025, amount: '5亿' });
            const first = await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
            const second = await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
            const rows = (runId: number) =>
              b.db
                .prepare(
                  `SELECT customer_id, qualified, clauses, annual_fen, total_x100, tier, scope, responsible_unit_id,
                     ${INPUT_COLUMNS.join(', ')} FROM tier_results WHERE run_id = ? ORDER BY customer_id`,
                )
                .all(runId);
            expect(rows(second.id)).toEqual(rows(first.id));
            expect(second.counts).toEqual(first.counts);
            // The counts a run returns (tallied as it writes) are the stored rows' counts.
            expect(await b.registry.call('tiers/summary', { runId: second.id })).toEqual(second);
          } finally {
            b.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
