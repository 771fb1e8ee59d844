/**
 * The month's lists (R24–R28) against independent SQL over the same data: revenue by line, new and
 * lost key customers, the top ten, the R27 fluctuations; a unit with no customers; a customer whose
 * tier changed by an R13 override between last month and this.
 */
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { PRODUCT_LINES } from '../../../shared/domain/lines';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { expectRevenueCopiesExact } from '../../support/revenue-copies';

const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';
const LAST = '2026-09';

let b: Backend;

/** Each key customer (a tier in the 2025 run; no R13 records in this data) with its month's total. */
function keyTotals(db: Database, period: string): Map<string, number> {
  const rows = db
    .prepare(
      `SELECT t.customer_id AS id, coalesce((SELECT sum(amount_fen) FROM revenue r
                WHERE r.customer_id = t.customer_id AND r.period = ?), 0) AS total
         FROM tier_results t
        WHERE t.run_id = (SELECT max(id) FROM tier_runs WHERE kind = 'annual' AND run_key = '2025')
          AND t.tier IS NOT NULL`,
    )
    .all(period) as { id: string; total: number }[];
  return new Map(rows.map((r) => [r.id, r.total]));
}

beforeAll(async () => {
  b = openBackend({ databasePath: ':memory:', now: () => NOW });
  fillDemo(b.db, POLICY_V1, { customers: 300, seed: 21 }, NOW);
  fillDemoRevenue(b.db, { months: 24, endPeriod: PERIOD, seed: 21 }, NOW.toISOString());
  // Some key customers stop in October and some start: new and lost are not empty.
  const ids = b.db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
  // Both the rows and the monthly copy the figures are read from (its yearly totals follow by trigger).
  const drop = (id: string, period: string) => {
    b.db.prepare('DELETE FROM revenue WHERE customer_id = ? AND period = ?').run(id, period);
    b.db.prepare('DELETE FROM revenue_months WHERE customer_id = ? AND period = ?').run(id, period);
  };
  for (const id of ids.slice(0, 6)) drop(id, PERIOD);
  for (const id of ids.slice(6, 10)) drop(id, LAST);
  expectRevenueCopiesExact(b.db);
  await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
}, 120_000);
afterAll(() => b?.close());

describe('the month’s lists against SQL', () => {
  it('revenue by line, new, lost, the top ten and the fluctuations', async () => {
    const facts = await b.registry.call('reports/dashboard', { period: PERIOD, unitCode: null });
    const now = keyTotals(b.db, PERIOD);
    const before = keyTotals(b.db, LAST);
    for (const line of PRODUCT_LINES) {
      const sql = b.db
        .prepare(
          `SELECT coalesce(sum(amount_fen), 0) FROM revenue WHERE period = ? AND line = ? AND customer_id IN
             (SELECT customer_id FROM tier_results WHERE tier IS NOT NULL AND run_id =
               (SELECT max(id) FROM tier_runs WHERE kind = 'annual' AND run_key = '2025'))`,
        )
        .pluck()
        .get(PERIOD, line) as number;
      expect(facts.byLine.find((l) => l.line === line)?.thisMonth, line).toBe(sql);
    }
    const added = [...now].filter(([id, t]) => t > 0 && !((before.get(id) ?? 0) > 0)).map(([id]) => id);
    const lost = [...now].filter(([id, t]) => !(t > 0) && (before.get(id) ?? 0) > 0).map(([id]) => id);
    expect(facts.overall.added.map((c) => c.id).sort()).toEqual(added.sort());
    expect(facts.overall.lost.map((c) => c.id).sort()).toEqual(lost.sort());
    expect(lost.length).toBeGreaterThan(0);

    const topTen = [...now]
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .slice(0, 10)
      .map(([id]) => id);
    expect(facts.top20.slice(0, 10).map((c) => c.id)).toEqual(topTen);
    // R25: the top ten are on the key customers' list whatever their tier.
    for (const id of topTen)
      expect(
        facts.keyCustomers.some((c) => c.id === id),
        id,
      ).toBe(true);

    // R27 at the policy's 30%: strictly more than 30% either way, or revenue after none.
    const fluctuating = [...now]
      .filter(([id, t]) => {
        const l = before.get(id) ?? 0;
        return l === 0 ? t > 0 : Math.abs(t - l) * 100 > 30 * Math.abs(l);
      })
      .map(([id]) => id);
    expect(facts.fluctuations.map((c) => c.id).sort()).toEqual(fluctuating.sort());
  });

  it('a unit with no customers gives zeros and a report with every part, not an error', async () => {
    const centre = (await b.registry.call('units/list', {})).find((u) => u.parentId === null);
    await b.registry.call('units/create', {
      code: 'EMPTY1',
      name: '新设营业部',
      kind: 'branch',
      parentId: centre?.id ?? null,
    });
    const facts = await b.registry.call('reports/dashboard', { period: PERIOD, unitCode: 'EMPTY1' });
    expect(facts.unit?.code).toBe('EMPTY1');
    expect(facts.overall.customerCount).toBe(0);
    expect(facts.overall.key.thisMonth).toBe(0);
    expect(facts.overall.key.mom).toBeNull();
    expect(facts.units).toEqual([]);
    const draft = await b.registry.call('reports/create', { period: PERIOD, unitCode: 'EMPTY1' });
    const view = await b.registry.call('reports/get', { id: draft.id });
    expect(view.document.blocks.filter((x) => x.kind === 'heading' && x.level === 1)).toHaveLength(8);
  });

  it('a customer moved to another tier this month shows as a tier move and in the new tier’s count', async () => {
    const before = await b.registry.call('reports/dashboard', { period: PERIOD, unitCode: null });
    const general = b.db
      .prepare(
        `SELECT customer_id FROM tier_results WHERE tier = 'general' AND run_id =
           (SELECT max(id) FROM tier_runs WHERE kind = 'annual' AND run_key = '2025') ORDER BY customer_id LIMIT 1`,
      )
      .pluck()
      .get() as string;
    // An R13 approval from 1 October: general in September, diamond in October.
    await b.registry.call('tiers/approve', {
      customerId: general,
      tier: 'diamond',
      approver: '省局',
      documentNo: '粤邮〔2026〕12号',
      reason: '省局特批钻石客户',
      validFrom: '2026-10-01',
    });
    const after = await b.registry.call('reports/dashboard', { period: PERIOD, unitCode: null });
    const count = (f: typeof before, tier: string) => f.byTier.find((r) => r.tier === tier)?.count ?? 0;
    expect(count(after, 'diamond')).toBe(count(before, 'diamond') + 1);
    expect(count(after, 'general')).toBe(count(before, 'general') - 1);
    expect(after.tierMoves.find((m) => m.id === general)).toMatchObject({ from: 'general', to: 'diamond' });
    expect(before.tierMoves.find((m) => m.id === general)).toBeUndefined();
    // September's own analysis still has it general.
    const september = await b.registry.call('reports/dashboard', { period: LAST, unitCode: null });
    expect(september.byTier.find((r) => r.tier === 'diamond')?.count).toBe(count(before, 'diamond'));
  });
});
