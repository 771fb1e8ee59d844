/**
 * What a run is compared with, and which annual run is in force (docs/DOMAIN-DECISIONS.md, "Tiers
 * in force for a month"): every run — annual or preview — compares with the tiers in force for
 * its time, and says so when there are none (无上期可比). The bureau's revenue (R10) is replaced
 * only when asked, keeps its history, and marks the runs computed with the old figure as stale.
 */
import { describe, expect, it } from 'vitest';
import { findTierBasis } from '../../../electron/backend/tiering/in-force';
import { BUREAU, C1, C2, C3, NOW, workedCheckDb } from './fixture';

describe('comparison with the tiers in force', () => {
  it('the first annual run has nothing to compare with: no transitions, no "upgrade" from 非大客户', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(run.comparedWith).toBeNull();
    expect(run.transitions).toBeNull();
    expect((await f.call('tiers/summary', { runId: run.id })).transitions).toBeNull();
    const rows = [...(await f.results(run.id)).values()];
    expect(rows.map((r) => [r.previousTier, r.compared])).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ]);
  });

  it('the first monthly preview, before any annual run, has nothing to compare with either', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const first = await f.call('tiers/run', { kind: 'monthly', period: '2025-11' });
    const second = await f.call('tiers/run', { kind: 'monthly', period: '2025-12' });
    // Not the previous preview: previews are not tiers in force.
    expect(second.comparedWith).toBeNull();
    expect(second.transitions).toBeNull();
    expect(first.comparedWith).toBeNull();
    expect([...(await f.results(second.id)).values()].every((r) => r.previousTier === null && !r.compared)).toBe(true);
  });

  it('a preview and an annual run compare with the annual run in force for their time', async () => {
    const f = await workedCheckDb(BUREAU.B);
    await f.call('revenue/bureau-set', { year: 2024, amount: BUREAU.B });
    // 2024: only C1, ¥120,000 in December → 60 → general.
    await f.call('revenue/set', { customerId: C1, period: '2024-12', line: 'other', amount: '120000' });
    const y2024 = await f.call('tiers/run', { kind: 'annual', year: 2024 });
    expect(y2024.comparedWith).toBeNull();

    await f.call('tiers/run', { kind: 'monthly', period: '2025-11' });
    const preview = await f.call('tiers/run', { kind: 'monthly', period: '2025-12' });
    expect(preview.comparedWith).toEqual({ runId: y2024.id, kind: 'annual', key: '2024' });
    const rows = await f.results(preview.id);
    expect(rows.get(C1)).toMatchObject({ previousTier: 'general', compared: true });
    // Not graded a key customer in 2024: compared, and 非大客户 then.
    expect(rows.get(C2)).toMatchObject({ previousTier: null, compared: true });

    const y2025 = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(y2025.comparedWith).toEqual({ runId: y2024.id, kind: 'annual', key: '2024' });
    expect(y2025.transitions?.general.diamond).toBe(1);
    expect(y2025.transitions?.none.silver).toBe(2);
    expect((await f.call('tiers/summary', { runId: y2025.id })).transitions).toEqual(y2025.transitions);
    // A preview of 2026 compares with 2025's run, in force during 2026.
    const p2026 = await f.call('tiers/run', { kind: 'monthly', period: '2026-01' });
    expect(p2026.comparedWith).toEqual({ runId: y2025.id, kind: 'annual', key: '2025' });
    expect((await f.results(p2026.id)).get(C3)).toMatchObject({ previousTier: 'silver', compared: true });
  });
});

describe('the bureau revenue is replaced only when asked (R10)', () => {
  it('refuses a different figure without replace, keeps history with it, and marks old runs stale', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const run = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(run.bureauStale).toBe(false);
    // The same figure again is no change.
    await f.call('revenue/bureau-set', { year: 2025, amount: BUREAU.A });

    const refused = await f.fail(f.call('revenue/bureau-set', { year: 2025, amount: BUREAU.B }));
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain('2025');
    expect(refused.details).toMatchObject({ year: 2025, current: BUREAU.A * 100, amount: BUREAU.B * 100 });
    expect((await f.call('revenue/bureau-list', {})).find((r) => r.year === 2025)?.amount).toBe(BUREAU.A * 100);
    expect(await f.call('revenue/bureau-history', {})).toEqual([]);
    expect((await f.call('tiers/summary', { runId: run.id })).bureauStale).toBe(false);

    const saved = await f.call('revenue/bureau-set', { year: 2025, amount: BUREAU.B, replace: true });
    expect(saved).toMatchObject({ year: 2025, amount: BUREAU.B * 100, staleRuns: 1 });
    expect(await f.call('revenue/bureau-history', {})).toEqual([
      {
        id: expect.any(Number),
        year: 2025,
        oldAmount: BUREAU.A * 100,
        newAmount: BUREAU.B * 100,
        changedAt: NOW.toISOString(),
        actor: expect.any(String),
      },
    ]);
    expect((await f.call('tiers/summary', { runId: run.id })).bureauStale).toBe(true);
    expect((await f.call('tiers/runs', {})).find((r) => r.id === run.id)?.bureauStale).toBe(true);

    const again = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(again.bureauStale).toBe(false);
    // A new year needs no confirmation.
    await f.call('revenue/bureau-set', { year: 2026, amount: BUREAU.C });
    expect(await f.call('revenue/bureau-history', {})).toHaveLength(1);
  });
});

describe('choosing the annual run in force', () => {
  it('says which run of a year is in force, lets the officer choose, and every reader follows', async () => {
    const f = await workedCheckDb(BUREAU.A);
    const goldRun = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    await f.call('revenue/bureau-set', { year: 2025, amount: BUREAU.B, replace: true });
    // C1 at 7.25‰ → 90×0.6 + 100×0.4 = 94 → diamond.
    const diamondRun = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    const byId = async () => new Map((await f.call('tiers/runs', {})).map((r) => [r.id, r]));
    let runs = await byId();
    expect(runs.get(diamondRun.id)).toMatchObject({ inForce: true, sameYearRuns: 2 });
    expect(runs.get(goldRun.id)).toMatchObject({ inForce: false, sameYearRuns: 2 });
    const c1Tier = async () => (await f.call('customers/list', { search: C1 })).rows.find((r) => r.id === C1);
    expect(await c1Tier()).toMatchObject({ tier: 'diamond', tierBasis: { runId: diamondRun.id, year: 2025 } });

    const chosen = await f.call('tiers/set-in-force', { runId: goldRun.id });
    expect(chosen).toMatchObject({ id: goldRun.id, inForce: true });
    runs = await byId();
    expect(runs.get(goldRun.id)?.inForce).toBe(true);
    expect(runs.get(diamondRun.id)?.inForce).toBe(false);
    // The exports, the customer standing and the previews read the chosen run.
    expect(findTierBasis(f.db, '2026-03')?.runId).toBe(goldRun.id);
    expect(await c1Tier()).toMatchObject({ tier: 'gold', tierBasis: { runId: goldRun.id, year: 2025 } });
    const preview = await f.call('tiers/run', { kind: 'monthly', period: '2026-01' });
    expect(preview.comparedWith?.runId).toBe(goldRun.id);
    // Audited like every write.
    const audit = f.db
      .prepare("SELECT input FROM audit_log WHERE channel = 'tiers/set-in-force' ORDER BY id DESC LIMIT 1")
      .get() as { input: string } | undefined;
    expect(JSON.parse(audit?.input ?? 'null')).toEqual({ runId: goldRun.id });

    // A preview cannot be put in force.
    const refused = await f.fail(f.call('tiers/set-in-force', { runId: preview.id }));
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('年度');

    // Running the year again puts the new run in force.
    const rerun = await f.call('tiers/run', { kind: 'annual', year: 2025 });
    expect(rerun).toMatchObject({ inForce: true, sameYearRuns: 3 });
    expect(findTierBasis(f.db, '2026-03')?.runId).toBe(rerun.id);
  });
});
