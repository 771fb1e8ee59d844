/**
 * Migration 0006: revenue(period) is dropped. A version-5 database keeps every cell,
 * and a unit's template still lists the same lines, now read from that unit's customers instead
 * of every unit's year.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { unitTemplateData } from '../../../electron/backend/templates/data';
import { dumpTables } from '../../support/db-dump';
import { migrationsUpTo, tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-m0006-');
const NOW = new Date('2026-11-10T02:00:00Z');

const indexes = (db: ReturnType<typeof openBackend>['db']) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'revenue'").pluck().all() as string[])
    .filter((n) => !n.startsWith('sqlite_'))
    .sort();

describe('migration 0006: revenue(period) dropped', () => {
  it('keeps every cell of a version-5 database and the same template lines', async () => {
    const dir = tempDir();
    const file = join(dir, 'kam.sqlite');
    const old = openBackend({ databasePath: file, now: () => NOW, migrationsDir: migrationsUpTo(dir, 5) });
    // Read from the table: today's units/list reads tables a version-5 database does not have yet.
    const unitId = old.db.prepare("SELECT id FROM units WHERE code = '440515'").pluck().get() as number;
    const a = (
      await old.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId })
    ).id;
    for (const [period, line] of [
      ['2026-03', 'letters'],
      ['2026-09', 'express'],
      ['2025-09', 'parcels'], // older than the template's 12 months
    ] as const) {
      await old.registry.call('revenue/set', { customerId: a, period, line, amount: '100' });
    }
    expect(indexes(old.db)).toEqual(['revenue_period']);
    const before = { revenue: dumpTables(old.db).revenue, template: unitTemplateData(old.db, unitId, '2026-10') };
    old.close();

    const now = openBackend({ databasePath: file, now: () => NOW });
    try {
      expect(indexes(now.db)).toEqual([]);
      expect(dumpTables(now.db).revenue).toEqual(before.revenue);
      const template = unitTemplateData(now.db, unitId, '2026-10');
      expect(template).toEqual(before.template);
      expect(JSON.stringify(template)).toContain('express');
      expect(JSON.stringify(template)).not.toContain('parcels');
    } finally {
      now.close();
    }
  });
});
