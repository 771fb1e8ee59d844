/**
 * Migration 0008: a run records the run it was compared with, a year's annual run in force may be
 * chosen, and the bureau revenue keeps its history. A version-7 database keeps its runs, and each
 * old run is shown compared with the run its stored previous tiers came from (the latest earlier
 * run of the same kind written before it); the year's latest annual run stays in force.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { migrationsUpTo, tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-m0008-');
const NOW = new Date('2026-11-10T02:00:00Z');
/** The version this migration follows. */
const BEFORE = 7;

describe('migration 0008: compared runs, the annual run in force, bureau revenue history', () => {
  it('keeps the runs of a version-7 database and tells what each was compared with', async () => {
    const dir = tempDir();
    const file = join(dir, 'kam.sqlite');
    const old = openBackend({ databasePath: file, now: () => NOW, migrationsDir: migrationsUpTo(dir, BEFORE) });
    await old.registry.call('revenue/bureau-set', { year: 2024, amount: '1.8亿' });
    await old.registry.call('revenue/bureau-set', { year: 2025, amount: '2亿' });
    // Runs as version 7 wrote them (in this order of ids).
    const insert = old.db.prepare(
      `INSERT INTO tier_runs (kind, run_key, window_from, window_to, policy_version, bureau_year, bureau_revenue_fen,
         customers, qualified, created_at, actor) VALUES (?, ?, ?, ?, 1, ?, ?, 0, 0, ?, 'officer')`,
    );
    const run = (kind: string, key: string, from: string, to: string, year: number, fen: number) =>
      Number(insert.run(kind, key, from, to, year, fen, NOW.toISOString()).lastInsertRowid);
    const y2024 = run('annual', '2024', '2024-01', '2024-12', 2024, 18_000_000_000);
    const y2025 = run('annual', '2025', '2025-01', '2025-12', 2025, 20_000_000_000);
    const m11 = run('monthly', '2025-11', '2024-12', '2025-11', 2025, 20_000_000_000);
    const m12 = run('monthly', '2025-12', '2025-01', '2025-12', 2025, 20_000_000_000);
    const y2025again = run('annual', '2025', '2025-01', '2025-12', 2025, 19_000_000_000);
    old.close();

    const now = openBackend({ databasePath: file, now: () => NOW });
    try {
      const runs = new Map((await now.registry.call('tiers/runs', {})).map((r) => [r.id, r]));
      const compared = (id: number) => runs.get(id)?.comparedWith?.runId ?? null;
      expect([y2024, y2025, m11, m12, y2025again].map(compared)).toEqual([null, y2024, null, m11, y2024]);
      expect(runs.get(m12)?.comparedWith).toEqual({ runId: m11, kind: 'monthly', key: '2025-11' });
      // Without a choice the year's latest run is in force, as before.
      expect(runs.get(y2025again)).toMatchObject({ inForce: true, sameYearRuns: 2, bureauStale: true });
      expect(runs.get(y2025)).toMatchObject({ inForce: false, sameYearRuns: 2, bureauStale: false });
      expect(runs.get(y2024)).toMatchObject({ inForce: true, sameYearRuns: 1, transitions: null });
      expect(await now.registry.call('revenue/bureau-history', {})).toEqual([]);
      expect(now.db.prepare('SELECT count(*) FROM tier_in_force').pluck().get()).toBe(0);
    } finally {
      now.close();
    }
  });
});
