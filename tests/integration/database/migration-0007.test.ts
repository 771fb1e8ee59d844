/**
 * Migration 0007: the R15 line → bureau table replaces units.main_line. A version-6 database
 * keeps what it knew (each active professional bureau's main line, the later bureau where two
 * named the same line), gets the seed for the lines it left unowned, and loses the column.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { openDatabase } from '../../../electron/backend/db/open';
import { migrationsUpTo, tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-m0007-');
const NOW = new Date('2026-11-10T02:00:00Z');

/** The units a version-6 database held: the old seed (one main line per bureau) and the officer's changes. */
const V6_UNITS: [
  code: string,
  name: string,
  kind: string,
  parent: string | null,
  mainLine: string | null,
  retired: string | null,
][] = [
  ['440000', '省局大客户中心', 'province', null, null, null],
  ['440500', '市局大客户中心', 'centre', '440000', null, null],
  ['440515', '澄海分局', 'county', '440500', null, null],
  ['P01', '营业分局', 'professional', '440500', null, null],
  ['P02', '邮政储汇局', 'professional', '440500', 'savings', null],
  ['P03', '函件局', 'professional', '440500', 'letters', null],
  ['P04', '集邮公司', 'professional', '440500', 'philately', '2026-06-30'], // retired: its line goes unowned
  ['P05', '速递物流局', 'professional', '440500', 'express', null],
  ['P06', '报刊发行局', 'professional', '440500', 'newspapers', null],
  ['P07', '包件分局', 'professional', '440500', 'parcels', null], // the officer's own bureau keeps parcels
  ['P08', '函件二局', 'professional', '440500', 'letters', null], // a second letters bureau: the later one wins, as runs did
];

describe('migration 0007: line → bureau table', () => {
  it('fills the table from a version-6 database’s main lines plus the seed, and drops units.main_line', async () => {
    const file = join(tempDir(), 'kam.sqlite');
    const old = openDatabase(file, { migrationsDir: migrationsUpTo(tempDir(), 6), now: () => NOW });
    const insert = old.prepare(
      `INSERT INTO units (code, name, kind, parent_id, area_code, main_line, min_managers, retired_on, created_at)
       VALUES (?, ?, ?, (SELECT id FROM units WHERE code = ?), NULL, ?, 2, ?, '2026-01-01T00:00:00.000Z')`,
    );
    for (const [code, name, kind, parent, line, retired] of V6_UNITS)
      insert.run(code, name, kind, parent, line, retired);
    old.close();

    const b = openBackend({ databasePath: file, now: () => NOW });
    try {
      const table = Object.fromEntries(
        (await b.registry.call('units/line-bureaus', {})).map((r) => [r.line, r.unitName]),
      );
      expect(table).toEqual({
        savings: '邮政储汇局',
        bills: '函件局', // seed: unowned before
        letters: '函件二局',
        philately: null, // its bureau is retired and no seed bureau is active
        express: '速递物流局',
        logistics: '速递物流局', // seed
        parcels: '包件分局',
        newspapers: '报刊发行局',
      });
      const columns = (b.db.prepare('PRAGMA table_info(units)').all() as { name: string }[]).map((c) => c.name);
      expect(columns).not.toContain('main_line');
      // The seeded units were kept as they were; none was added.
      expect((await b.registry.call('units/list', { includeRetired: true })).map((u) => u.code)).toEqual(
        V6_UNITS.map((u) => u[0]),
      );
    } finally {
      b.close();
    }
  });
});
