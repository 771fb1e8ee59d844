/**
 * Migration 0010: the units' analyses (经营分析, R31). A version-9 database keeps its batches and
 * gains the empty table; the tracker then reads every unit's analysis as not yet received.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { migrationsUpTo, tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-m0010-');
const NOW = new Date('2026-11-10T02:00:00Z');
/** The version this migration follows. */
const BEFORE = 9;

describe('migration 0010: unit analyses', () => {
  it('upgrades a version-9 database: the table is there, empty, and a batch can carry an analysis', async () => {
    const dir = tempDir();
    const file = join(dir, 'kam.sqlite');
    const old = openBackend({ databasePath: file, now: () => NOW, migrationsDir: migrationsUpTo(dir, BEFORE) });
    expect(old.db.prepare("SELECT name FROM sqlite_master WHERE name = 'unit_analyses'").get()).toBeUndefined();
    old.close();

    const now = openBackend({ databasePath: file, now: () => NOW });
    try {
      expect(now.db.prepare('SELECT count(*) FROM unit_analyses').pluck().get()).toBe(0);
      expect(await now.registry.call('reports/unit-analyses', { period: '2026-10' })).toEqual([]);
      // A period that is not YYYY-MM is refused by the table itself.
      expect(() =>
        now.db
          .prepare(
            `INSERT INTO unit_analyses (unit_id, period, batch_id, recorded_at) VALUES (1, '2026-1', 1, '2026-11-10T02:00:00Z')`,
          )
          .run(),
      ).toThrow(/CHECK constraint failed/);
    } finally {
      now.close();
    }
  });
});
