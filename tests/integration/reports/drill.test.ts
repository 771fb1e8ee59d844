/**
 * The dashboard's drill-through (reports/customers) through the registry and the real database:
 * a bar's count (reports/dashboard), the customers its click lists, and an independent SQL count
 * over the same data all agree, for the city and for one unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import type { ReportFacts } from '../../../shared/api/types';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { SCOPES, TIERS } from '../../../shared/domain/tiers';
import { appError } from '../../support/app-error';

const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';
const UNIT = '440515';

describe('the dashboard’s drill-through', () => {
  let b: Backend;

  beforeAll(async () => {
    b = openBackend({ databasePath: ':memory:', now: () => NOW });
    fillDemo(b.db, POLICY_V1, { customers: 300, seed: 7 }, NOW);
    fillDemoRevenue(b.db, { months: 24, endPeriod: PERIOD, seed: 7 }, NOW.toISOString());
    await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
  }, 120_000);
  afterAll(() => b?.close());

  /** Key customers of the 2025 annual run in a tier × scope cell, optionally under one unit. */
  function sqlCell(tier: string, scope: string, unitCode: string | null): string[] {
    const unitFilter =
      unitCode === null
        ? ''
        : `AND c.unit_id IN (WITH RECURSIVE t(id) AS (SELECT id FROM units WHERE code = @unit
             UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t)`;
    const rows = b.db
      .prepare(
        `SELECT t.customer_id AS id FROM tier_results t JOIN customers c ON c.id = t.customer_id
          WHERE t.run_id = (SELECT max(id) FROM tier_runs WHERE kind = 'annual' AND run_key = '2025')
            AND t.tier = @tier AND t.scope = @scope ${unitFilter}
          ORDER BY t.customer_id`,
      )
      .all({ tier, scope, ...(unitCode === null ? {} : { unit: unitCode }) }) as { id: string }[];
    return rows.map((r) => r.id);
  }

  it.each([
    ['the city', null],
    ['one unit', UNIT],
  ])('every tier × scope cell of %s lists the customers it counts, as SQL finds them', async (_name, unitCode) => {
    const facts = (await b.registry.call('reports/dashboard', { period: PERIOD, unitCode })) as ReportFacts;
    let nonEmpty = 0;
    for (const tier of TIERS) {
      for (const scope of SCOPES) {
        const count = facts.tierScope[tier][scope];
        const drilled = await b.registry.call('reports/customers', {
          period: PERIOD,
          unitCode,
          set: 'key',
          tier,
          scope,
          limit: 1000,
        });
        const expected = sqlCell(tier, scope, unitCode);
        expect(drilled.total, `${tier}×${scope}`).toBe(count);
        expect(count, `${tier}×${scope}`).toBe(expected.length);
        expect(drilled.customers.map((c) => c.id).sort(), `${tier}×${scope}`).toEqual(expected);
        expect(drilled.customers.every((c) => c.tier === tier && c.scope === scope)).toBe(true);
        if (count > 0) nonEmpty++;
      }
    }
    // The demo data fills more than one cell, so the comparison is not of empty lists only.
    expect(nonEmpty).toBeGreaterThan(1);
  });

  it('a unit’s bar in the comparison lists its key customers, at most the limit, with the full count', async () => {
    const facts = (await b.registry.call('reports/dashboard', { period: PERIOD, unitCode: null })) as ReportFacts;
    const unit = facts.units[0];
    expect(unit?.keyCount).toBeGreaterThan(3);
    const drilled = await b.registry.call('reports/customers', {
      period: PERIOD,
      unitCode: null,
      groupUnitId: unit?.unitId ?? 0,
      limit: 3,
    });
    expect(drilled.total).toBe(unit?.keyCount);
    expect(drilled.customers).toHaveLength(3);
    // Highest revenue first, as the bar's table lists them.
    const revenue = drilled.customers.map((c) => c.thisMonth);
    expect(revenue).toEqual([...revenue].sort((x, y) => y - x));
  });

  it('new and lost key customers are the ones the headline counts', async () => {
    const facts = (await b.registry.call('reports/dashboard', { period: PERIOD, unitCode: null })) as ReportFacts;
    for (const set of ['added', 'lost'] as const) {
      const drilled = await b.registry.call('reports/customers', { period: PERIOD, unitCode: null, set, limit: 1000 });
      expect(drilled.customers.map((c) => c.id).sort()).toEqual(facts.overall[set].map((c) => c.id).sort());
    }
  });

  it('refuses an unknown tier in Chinese', async () => {
    const error = await appError(
      b.registry.call('reports/customers', { period: PERIOD, unitCode: null, tier: 'platinum' as never }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('未知的分级');
  });
});
