/**
 * Annual tiering runs (R6, R9–R12, R14, R15) on the worked checks: scores, tiers, scope, the
 * explanation, re-runs and previous tiers, and the responsible unit.
 */
import { describe, expect, it } from 'vitest';
import type { TierRunSummary } from '../../../shared/api/types';
import { BUREAU, C1, C2, C3, NOW, setup, workedCheckDb } from './fixture';

const summaryWithoutRun = (s: TierRunSummary) => {
  const { id: _id, createdAt: _createdAt, ...rest } = s;
  return rest;
};

describe('annual tiering: the worked checks (R6, R9–R12, R14, R15)', () => {
  it('¥1.45M at 0.9‰ → 90×0.6 + 60×0.4 = 54 + 24 = 78 → gold, comprehensive, 市局大客户中心', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(run).toMatchObject({
      kind: 'annual',
      key: '2025',
      windowFrom: '2025-01',
      windowTo: '2025-12',
      policyVersion: 1,
      bureauYear: 2025,
      bureauRevenue: BUREAU.A * 100,
      customers: 3,
      qualified: 3,
      createdAt: NOW.toISOString(),
    });
    const rows = await f.results(run.id);
    expect(rows.get(C1)).toEqual({
      customerId: C1,
      name: '汕头市宏达电子有限公司',
      unit: '市局大客户中心',
      qualified: true,
      clauses: ['R6', 'R7:bills', 'R7:express'],
      annualRevenue: 145_000_000,
      thisMonthRevenue: 13_000_000,
      revenueScore: 90,
      shareScore: 60,
      sharePpm: 900,
      total: 78,
      tier: 'gold',
      scope: 'comprehensive',
      mainLine: 'bills',
      responsibleUnit: '市局大客户中心',
      previousTier: null,
      compared: false,
      effectiveTier: 'gold',
      effectiveSource: 'computed',
    });
    // ¥0.4M at 0.248‰ → 70×0.6 + 40×0.4 = 58 → general; ¥0.2M at 0.124‰ → 60×0.6 + 40×0.4 = 52 → general.
    expect(rows.get(C2)).toMatchObject({ total: 58, tier: 'general', scope: 'regional', responsibleUnit: '澄海分局' });
    expect(rows.get(C3)).toMatchObject({
      clauses: ['R6', 'R7:letters'],
      total: 52,
      tier: 'general',
      scope: 'professional',
      mainLine: 'letters',
      responsibleUnit: '营业分局',
    });
    // Highest total first.
    expect((await f.call('tiers/results', { runId: run.id })).rows.map((r) => r.customerId)).toEqual([C1, C2, C3]);

    const summary = await f.call('tiers/summary', { runId: run.id });
    expect(summary).toEqual(run);
    expect(summary.counts).toEqual({
      diamond: { regional: 0, comprehensive: 0, professional: 0 },
      gold: { regional: 0, comprehensive: 1, professional: 0 },
      silver: { regional: 0, comprehensive: 0, professional: 0 },
      general: { regional: 1, comprehensive: 0, professional: 1 },
    });
    // The first annual run: nothing in force to compare with (无上期可比), so no transitions.
    expect(summary.transitions).toBeNull();
    expect(summary.comparedWith).toBeNull();

    const explain = await f.call('tiers/explain', { runId: run.id, customerId: C1 });
    expect(explain.runId).toBe(run.id);
    expect(explain.policyVersion).toBe(1);
    expect(explain.row).toEqual(rows.get(C1));
    expect(explain.approval).toBeNull();
    expect(explain.override).toBeNull();
    const text = (rule: string) =>
      explain.steps
        .filter((s) => s.rule === rule)
        .map((s) => s.text)
        .join('\n');
    expect(explain.steps.map((s) => s.rule)).toEqual(['R6', 'R7', 'R9', 'R10', 'R11', 'R12', 'R14', 'R15']);
    expect(text('R6')).toContain('符合');
    expect(text('R9')).toContain('收入得分 90');
    expect(text('R10')).toContain('0.9‰');
    expect(text('R10')).toContain('占比得分 60');
    expect(text('R11')).toContain('60% × 90 + 40% × 60 = 54 + 24 = 78');
    expect(text('R12')).toContain('黄金');
    expect(text('R14')).toContain('综合');
    expect(text('R15')).toContain('市局大客户中心');
    // The inputs the result was computed from are stored with it (fen).
    expect(explain.inputs).toEqual({
      agreement: false,
      figures: {
        annual: { bills: 72_500_000, express: 72_500_000 },
        thisMonth: { bills: 6_500_000, express: 6_500_000 },
      },
      homeUnitIsCounty: false,
    });
    // …as typed columns (fen), one per line of the window and of the month.
    expect(
      f.db
        .prepare(
          `SELECT in_agreement, in_manual, in_turnover, in_bills, in_express, in_letters, in_month_bills,
             in_month_express FROM tier_results WHERE run_id = ? AND customer_id = ?`,
        )
        .get(run.id, C1),
    ).toEqual({
      in_agreement: 0,
      in_manual: null,
      in_turnover: null,
      in_bills: 72_500_000,
      in_express: 72_500_000,
      in_letters: 0,
      in_month_bills: 6_500_000,
      in_month_express: 6_500_000,
    });

    // Filters.
    expect((await f.call('tiers/results', { runId: run.id, tier: 'gold' })).rows.map((r) => r.customerId)).toEqual([
      C1,
    ]);
    expect((await f.call('tiers/results', { runId: run.id, scope: 'professional' })).total).toBe(1);
    expect(
      (await f.call('tiers/results', { runId: run.id, unitId: f.unit('440515') })).rows.map((r) => r.customerId),
    ).toEqual([C2]);
    expect((await f.call('tiers/results', { runId: run.id, tier: 'none' })).total).toBe(0);
    expect((await f.call('tiers/runs', {})).map((r) => r.id)).toEqual([run.id]);
    // Unknown run / customer.
    expect((await f.fail(f.call('tiers/summary', { runId: 999 }))).code).toBe('NOT_FOUND');
    expect((await f.fail(f.call('tiers/results', { runId: 999 }))).code).toBe('NOT_FOUND');
    expect((await f.fail(f.call('tiers/explain', { runId: run.id, customerId: '44051599999000' }))).code).toBe(
      'NOT_FOUND',
    );
  });

  it('¥0.4M at 2‰ → 70×0.6 + 80×0.4 = 42 + 32 = 74 → silver, regional, 澄海分局', async () => {
    const f = await workedCheckDb(BUREAU.B);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const rows = await f.results(run.id);
    expect(rows.get(C2)).toMatchObject({
      qualified: true,
      clauses: ['R6', 'R7:bills', 'R7:express'],
      annualRevenue: 40_000_000,
      thisMonthRevenue: 7_000_000,
      revenueScore: 70,
      shareScore: 80,
      sharePpm: 2000,
      total: 74,
      tier: 'silver',
      scope: 'regional',
      mainLine: 'bills',
      responsibleUnit: '澄海分局',
    });
    // ¥1.45M at 7.25‰ → 54 + 40 = 94 diamond (comprehensive → province centre);
    // ¥0.2M at exactly 1‰ → 36 + 32 = 68 silver (professional letters → 函件局).
    expect(rows.get(C1)).toMatchObject({ total: 94, tier: 'diamond', responsibleUnit: '省局大客户中心' });
    expect(rows.get(C3)).toMatchObject({
      sharePpm: 1000,
      shareScore: 80,
      total: 68,
      tier: 'silver',
      responsibleUnit: '函件局',
    });
    expect(run.counts).toEqual({
      diamond: { regional: 0, comprehensive: 1, professional: 0 },
      gold: { regional: 0, comprehensive: 0, professional: 0 },
      silver: { regional: 1, comprehensive: 0, professional: 1 },
      general: { regional: 0, comprehensive: 0, professional: 0 },
    });
    const explain = await f.call('tiers/explain', { runId: run.id, customerId: C2 });
    const all = explain.steps.map((s) => s.text).join('\n');
    expect(all).toContain('2‰');
    expect(all).toContain('42 + 32 = 74');
    expect(all).toContain('白银');
  });

  it('¥0.2M at 3.5‰ → 60×0.6 + 100×0.4 = 36 + 40 = 76 → gold, professional (letters), 函件局', async () => {
    const f = await workedCheckDb(BUREAU.C);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const rows = await f.results(run.id);
    expect(rows.get(C3)).toMatchObject({
      qualified: true,
      clauses: ['R6', 'R7:letters'],
      annualRevenue: 20_000_000,
      thisMonthRevenue: 3_500_000,
      revenueScore: 60,
      shareScore: 100,
      sharePpm: 3500,
      total: 76,
      tier: 'gold',
      scope: 'professional',
      mainLine: 'letters',
      responsibleUnit: '函件局',
    });
    // R15 gold regional → the county centre of its home area.
    expect(rows.get(C2)).toMatchObject({ total: 82, tier: 'gold', scope: 'regional', responsibleUnit: '澄海分局' });
    expect(rows.get(C1)).toMatchObject({ total: 94, tier: 'diamond', scope: 'comprehensive' });
    expect(run.counts.gold).toEqual({ regional: 1, comprehensive: 0, professional: 1 });
    expect(run.counts.diamond).toEqual({ regional: 0, comprehensive: 1, professional: 0 });
    const all = (await f.call('tiers/explain', { runId: run.id, customerId: C3 })).steps.map((s) => s.text).join('\n');
    expect(all).toContain('3.5‰');
    expect(all).toContain('36 + 40 = 76');
    expect(all).toContain('函件');
  });

  it('a December below the R6 this-month threshold does not qualify (R6 needs both figures)', async () => {
    const f = await setup();
    const id = await f.customer('汕头市宏达电子有限公司', '440507', '440500');
    // ¥120,000 a year, all of it before December; December ¥999.99.
    await f.seedYear(id, 2025, (m) => (m < 12 ? { other: 10_000 } : { other: 999.99 }));
    await f.call('revenue/bureau-set', { year: 2025, amount: BUREAU.B });
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const row = (await f.results(run.id)).get(id);
    expect(row).toMatchObject({
      qualified: false,
      clauses: [],
      tier: null,
      responsibleUnit: null,
      effectiveTier: null,
    });
    expect(run.qualified).toBe(0);
    expect((await f.call('tiers/results', { runId: run.id, tier: 'none' })).total).toBe(1);
    // ¥1,000.00 exactly qualifies (lower inclusive).
    await f.call('revenue/set', { customerId: id, period: '2025-12', line: 'other', amount: '1000' });
    const again = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect((await f.results(again.id)).get(id)).toMatchObject({ qualified: true, clauses: ['R6'] });
  });
});

describe('idempotence and previous tiers', () => {
  it('running the same year twice gives the same results', async () => {
    const f = await workedCheckDb(BUREAU.B);
    const first = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const second = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(second.id).not.toBe(first.id);
    // The same figures; the re-run is the year's second run, and the one in force.
    expect(summaryWithoutRun(second)).toEqual({ ...summaryWithoutRun(first), sameYearRuns: 2 });
    const a = await f.call('tiers/results', { runId: first.id });
    const b = await f.call('tiers/results', { runId: second.id });
    expect(b).toEqual(a);
    const columns = (runId: number) =>
      f.db
        .prepare('SELECT * FROM tier_results WHERE run_id = ? ORDER BY customer_id')
        .all(runId)
        .map((r) => ({ ...(r as object), run_id: 0 }));
    expect(columns(second.id)).toEqual(columns(first.id));
    // A re-run of the same key does not take the first run as its "previous".
    expect(b.rows.every((r) => r.previousTier === null)).toBe(true);
  });

  it('the previous tier is that of the annual run in force (an earlier year); transitions count previous → this', async () => {
    const f = await workedCheckDb(BUREAU.B);
    await f.call('revenue/bureau-set', { year: 2024, amount: BUREAU.B });
    // 2024: only C1, ¥120,000 in December → 60×0.6 + 60×0.4 (0.6‰) = 60 → general.
    await f.call('revenue/set', { customerId: C1, period: '2024-12', line: 'other', amount: '120000' });

    // Run 2025 first, then 2024: 2024 must not take 2025 as its previous.
    const early2025 = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const y2024 = await f.call('tiers/run', { kind: 'annual', year: 2024 });
    const r2024 = await f.results(y2024.id);
    expect(r2024.get(C1)).toMatchObject({ total: 60, tier: 'general', previousTier: null });
    expect(r2024.get(C2)).toMatchObject({ tier: null, previousTier: null });
    expect(y2024.transitions).toBeNull();
    expect((await f.results(early2025.id)).get(C1)?.previousTier).toBeNull();

    // A monthly preview in between does not count as an annual "previous".
    await f.call('tiers/run', { kind: 'monthly', period: '2024-12' });

    const y2025 = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const r2025 = await f.results(y2025.id);
    expect(r2025.get(C1)).toMatchObject({ tier: 'diamond', previousTier: 'general' });
    expect(r2025.get(C2)).toMatchObject({ tier: 'silver', previousTier: null });
    expect(r2025.get(C3)).toMatchObject({ tier: 'silver', previousTier: null });
    const expected = {
      diamond: { diamond: 0, gold: 0, silver: 0, general: 0, none: 0 },
      gold: { diamond: 0, gold: 0, silver: 0, general: 0, none: 0 },
      silver: { diamond: 0, gold: 0, silver: 0, general: 0, none: 0 },
      general: { diamond: 1, gold: 0, silver: 0, general: 0, none: 0 },
      none: { diamond: 0, gold: 0, silver: 2, general: 0, none: 0 },
    };
    expect(y2025.transitions).toEqual(expected);
    expect((await f.call('tiers/summary', { runId: y2025.id })).transitions).toEqual(expected);

    // Monthly previews compare with the tiers in force (2024's run), not with each other.
    await f.call('tiers/run', { kind: 'monthly', period: '2025-11' });
    const m2 = await f.call('tiers/run', { kind: 'monthly', period: '2025-12' });
    const m2rows = await f.results(m2.id);
    expect(m2rows.get(C1)?.previousTier).toBe('general');
    expect(m2rows.get(C2)?.previousTier).toBeNull();
  });
});

describe('responsible unit (R15)', () => {
  it('gold comprehensive → 市局大客户中心; gold regional (澄海分局) → 澄海分局; gold professional letters → 函件局', async () => {
    const a = await workedCheckDb(BUREAU.A);
    const ra = await a.results((await a.call('tiers/run', { kind: 'annual', year: 2025 })).id);
    expect(ra.get(C1)).toMatchObject({ tier: 'gold', scope: 'comprehensive', responsibleUnit: '市局大客户中心' });

    const c = await workedCheckDb(BUREAU.C);
    const rc = await c.results((await c.call('tiers/run', { kind: 'annual', year: 2025 })).id);
    expect(rc.get(C2)).toMatchObject({
      tier: 'gold',
      scope: 'regional',
      unit: '澄海分局',
      responsibleUnit: '澄海分局',
    });
    expect(rc.get(C3)).toMatchObject({
      tier: 'gold',
      scope: 'professional',
      mainLine: 'letters',
      responsibleUnit: '函件局',
    });
    // The seed's line → bureau table gives letters (and bills) to 函件局 (P03).
    expect((await c.call('units/list', { includeRetired: false })).find((u) => u.code === 'P03')).toMatchObject({
      name: '函件局',
      lines: ['bills', 'letters'],
    });
    // R15 text in the explanation names the role.
    const steps = (
      await c.call('tiers/explain', { runId: (await c.call('tiers/runs', {}))[0]?.id ?? 0, customerId: C3 })
    ).steps;
    expect(steps.find((s) => s.rule === 'R15')?.text).toContain('专业局');
  });
});
