import type { Database } from 'better-sqlite3';

/**
 * Every row of every table, each table sorted by all its columns (WITHOUT ROWID tables have no
 * rowid): what "nothing changed" means in the tests.
 */
export function dumpTables(db: Database): Record<string, unknown[]> {
  const names = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);
  return Object.fromEntries(
    names.map((n) => {
      const columns = (db.prepare(`PRAGMA table_info("${n}")`).all() as unknown[]).length;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      return [n, db.prepare(`SELECT * FROM "${n}" ORDER BY ${order}`).all()];
    }),
  );
}
