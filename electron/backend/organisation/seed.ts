/** R3/R4 seed: the Shantou area codes and units, written once into a new database. */
import type { Database } from 'better-sqlite3';
import { SEED_AREA_CODES, SEED_UNITS } from '../../../shared/domain/organisation';
import type { Policy } from '../../../shared/domain/policy/policy';

export function seedOrganisationIfEmpty(db: Database, policy: Policy, now: Date): boolean {
  const count = (db.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n;
  if (count > 0) return false;
  const insertArea = db.prepare('INSERT OR IGNORE INTO area_codes (code, name, urban) VALUES (?, ?, ?)');
  const insertUnit = db.prepare(
    `INSERT INTO units (code, name, kind, parent_id, area_code, main_line, min_managers, created_at)
     VALUES (@code, @name, @kind, (SELECT id FROM units WHERE code = @parentCode), @areaCode, @mainLine, @minManagers, @createdAt)`,
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
        mainLine: u.mainLine,
        minManagers: u.minManagers ?? policy.organisation.minAccountManagers[u.kind],
        createdAt: now.toISOString(),
      });
    }
  }).immediate();
  return true;
}
