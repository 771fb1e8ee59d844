/** R3/R4/R15 seed: the Shantou area codes, units and line → bureau table, written once into a new database. */
import type { Database } from 'better-sqlite3';
import { PRODUCT_LINES } from '../../../shared/domain/lines';
import { SEED_AREA_CODES, SEED_LINE_BUREAUS, SEED_UNITS } from '../../../shared/domain/organisation';
import type { Policy } from '../../../shared/domain/policy/policy';

export function seedOrganisationIfEmpty(db: Database, policy: Policy, now: Date): boolean {
  const count = (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
  if (count > 0) return false;
  const insertArea = db.prepare('INSERT OR IGNORE INTO area_codes (code, name, urban) VALUES (?, ?, ?)');
  const insertUnit = db.prepare(
    `INSERT INTO units (code, name, kind, parent_id, area_code, min_managers, created_at)
     VALUES (@code, @name, @kind, (SELECT id FROM units WHERE code = @parentCode), @areaCode, @minManagers, @createdAt)`,
  );
  db.transaction(() => {
    for (const a of SEED_AREA_CODES) insertArea.run(a.code, a.name, a.urban ? 1 : 0);
    for (const u of SEED_UNITS) {
      insertUnit.run({
        code: u.code,
        name: u.name,
        kind: u.kind,
        parentCode: u.parentCode,
        areaCode: u.areaCode,
        minManagers: u.minManagers ?? policy.organisation.minAccountManagers[u.kind],
        createdAt: now.toISOString(),
      });
    }
    // A database opened at an older schema (a later migration's test) has no table yet: migration
    // 0007 fills it from the same seed when it runs.
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'line_bureaus'").get();
    if (!hasTable) return;
    const insertLine = db.prepare(
      'INSERT INTO line_bureaus (line, unit_id, updated_at) SELECT ?, id, ? FROM units WHERE code = ?',
    );
    for (const line of PRODUCT_LINES) insertLine.run(line, now.toISOString(), SEED_LINE_BUREAUS[line]);
  }).immediate();
  return true;
}
