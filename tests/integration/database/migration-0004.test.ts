/**
 * Migration 0004 (the revenue layout in docs/ARCHITECTURE.md): a database written by the previous version (0001–0003) keeps
 * every figure — revenue_months re-keyed, revenue_years summed, tiering results' JSON inputs
 * turned into columns — and an old result's explanation is still rebuilt the same.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { openDatabase } from '../../../electron/backend/db/open';
import type { EvaluationInput } from '../../../shared/domain/evaluation';
import { migrationsUpTo, tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-m0004-');
const NOW = new Date('2026-01-15T02:00:00Z');

describe('migration 0004: revenue_years, revenue_months by period, result inputs as columns', () => {
  it('keeps every figure of a version-3 database and rebuilds old explanations unchanged', async () => {
    const dir = tempDir();
    const file = join(dir, 'kam.sqlite');
    // A version-3 database with revenue, a run and results, written through the old backend.
    const old = openBackend({ databasePath: file, now: () => NOW, migrationsDir: migrationsUpTo(dir, 3) });
    // Read from the table: today's units/list reads tables a version-3 database does not have yet.
    const unitId = old.db.prepare("SELECT id FROM units WHERE kind = 'centre'").pluck().get() as number;
    const a = (
      await old.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440507', unitId })
    ).id;
    const b = (
      await old.registry.call('customers/create', { name: '汕头市新联印务有限公司', areaCode: '440511', unitId })
    ).id;
    for (let m = 1; m <= 12; m++) {
      const period = `2025-${String(m).padStart(2, '0')}`;
      await old.registry.call('revenue/set', { customerId: a, period, line: 'bills', amount: '60000' });
      await old.registry.call('revenue/set', { customerId: a, period, line: 'express', amount: '60000' });
      await old.registry.call('revenue/set-newspaper', {
        customerId: b,
        period,
        annualTurnover: '1200000',
        ratePercent: '25',
        other: '100',
      });
    }
    await old.registry.call('revenue/set', { customerId: a, period: '2026-01', line: 'bills', amount: '1' });
    await old.registry.call('customers/set-qualification', {
      id: b,
      decision: { qualified: true, reason: '中心认定', approver: '主任', decidedOn: '2025-06-30' },
    });
    await old.registry.call('revenue/bureau-set', { year: 2025, amount: '16亿' });
    // A run and its results as version 3 wrote them: inputs as JSON, absent lines meaning 0.
    const runId = Number(
      old.db
        .prepare(
          `INSERT INTO tier_runs (kind, run_key, window_from, window_to, policy_version, bureau_year, bureau_revenue_fen,
             customers, qualified, created_at, actor) VALUES ('annual', '2025', '2025-01', '2025-12', 1, 2025, ?, 2, 2, ?, '信息主管')`,
        )
        .run(160_000_000_000, NOW.toISOString()).lastInsertRowid,
    );
    const insert = old.db.prepare(
      `INSERT INTO tier_results (run_id, customer_id, qualified, clauses, annual_fen, this_month_fen, revenue_score,
         share_score, share_ppm, total_x100, tier, scope, main_line, responsible_role, responsible_unit_id, previous_tier,
         inputs) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'city_centre', ?, NULL, ?)`,
    );
    insert.run(
      runId,
      a,
      '["R6"]',
      14_400_000,
      1_200_000,
      80,
      60,
      900,
      7200,
      'silver',
      'comprehensive',
      'bills',
      unitId,
      JSON.stringify({
        agreement: false,
        figures: {
          annual: { bills: 72_000_000, express: 72_000_000 },
          thisMonth: { bills: 6_000_000, express: 6_000_000 },
        },
        homeUnitIsCounty: false,
      }),
    );
    insert.run(
      runId,
      b,
      '["manual"]',
      30_120_000,
      2_510_000,
      30,
      40,
      18,
      3400,
      'general',
      'professional',
      'newspapers',
      unitId,
      JSON.stringify({
        agreement: false,
        manual: { qualified: true, reason: '中心认定' },
        figures: {
          annual: { newspapers: 30_120_000 },
          thisMonth: { newspapers: 2_510_000 },
          newspaperTurnover: { annual: 120_000_000, thisMonth: 10_000_000 },
        },
        homeUnitIsCounty: false,
      }),
    );
    const before = {
      months: old.db.prepare('SELECT * FROM revenue_months ORDER BY customer_id, period').all(),
    };
    old.close();

    const db = openDatabase(file, { now: () => NOW });
    expect(db.prepare('SELECT * FROM revenue_months ORDER BY customer_id, period').all()).toEqual(before.months);
    expect(
      db
        .prepare(
          'SELECT year, customer_id, bills, express, newspapers, months FROM revenue_years WHERE customer_id = ? ORDER BY year',
        )
        .all(a),
    ).toEqual([
      { year: 2025, customer_id: a, bills: 72_000_000, express: 72_000_000, newspapers: 0, months: 12 },
      { year: 2026, customer_id: a, bills: 100, express: 0, newspapers: 0, months: 1 },
    ]);
    expect(
      db.prepare('SELECT newspaper_turnover, turnover_months FROM revenue_years WHERE customer_id = ?').get(b),
    ).toEqual({ newspaper_turnover: 12 * 10_000_000, turnover_months: 12 });
    db.close();

    // The converted results explain exactly as a fresh run over the same figures does.
    const now = openBackend({ databasePath: file, now: () => NOW });
    try {
      const fresh = await now.registry.call('tiers/run', { kind: 'annual', year: 2025 });
      for (const id of [a, b]) {
        const converted = await now.registry.call('tiers/explain', { runId, customerId: id });
        const rebuilt = await now.registry.call('tiers/explain', { runId: fresh.id, customerId: id });
        expect(converted.steps).toEqual(rebuilt.steps);
        expect(converted.inputs).toEqual(rebuilt.inputs);
      }
      const explainB = await now.registry.call('tiers/explain', { runId, customerId: b });
      const inputs = explainB.inputs as Omit<EvaluationInput, 'bureauRevenue'>;
      expect(inputs.manual).toEqual({ qualified: true, reason: '中心认定' });
      expect(inputs.figures.newspaperTurnover).toEqual({ annual: 120_000_000, thisMonth: 10_000_000 });
      expect(inputs.figures.annual).toEqual({ newspapers: 30_120_000 });
    } finally {
      now.close();
    }
  });
});
