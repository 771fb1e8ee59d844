import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { tempDirsForTests, writeMigrationsDir } from '../../../tests/support/temp-dir';
import { defaultMigrationsDir, loadMigrations, migrationChecksum, readApplied } from './migrations';
import { openDatabase, schemaVersion } from './open';
import { BUSY_TIMEOUT_MS, IN_MEMORY } from './pragmas';

const SHIPPED = loadMigrations(defaultMigrationsDir()).length;

const NOW = new Date('2026-11-10T02:00:00Z');
const M1 = '-- 0001: notes\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;\n';
const M2 = '-- 0002: tags\nALTER TABLE notes ADD COLUMN tag TEXT;\nCREATE TABLE tags (name TEXT PRIMARY KEY) STRICT;\n';

const tempDir = tempDirsForTests('kam-open-');

const migrationsDir = (files: Record<string, string>) => writeMigrationsDir(tempDir(), files);

function fileHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** A database at version 1 with one row, closed (so its WAL is checkpointed into the main file). */
function databaseAtV1(): { file: string; home: string; v1: string } {
  const v1 = migrationsDir({ '0001_notes.sql': M1 });
  const home = tempDir();
  const file = join(home, 'kam.sqlite');
  const db = openDatabase(file, { migrationsDir: v1, now: () => NOW });
  db.prepare('INSERT INTO notes (body) VALUES (?)').run('第一条');
  db.close();
  return { file, home, v1 };
}

/** Everything about the file that a refused open must not touch. */
function snapshot(file: string, home: string) {
  const wal = `${file}-wal`;
  return {
    hash: fileHash(file),
    size: statSync(file).size,
    files: readdirSync(home).filter((f) => !f.endsWith('-shm') && !f.endsWith('-wal')),
    // A readonly probe may leave an empty -wal behind; it must never hold frames that a later open would apply.
    walBytes: existsSync(wal) ? statSync(wal).size : 0,
  };
}

function openError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected the open to be refused');
}

describe('openDatabase: upgrade', () => {
  it('applies only the new migration, backs up first, and keeps the data', () => {
    const { file, home } = databaseAtV1();
    const v2 = migrationsDir({ '0001_notes.sql': M1, '0002_tags.sql': M2 });
    const later = new Date('2026-12-01T08:30:00Z');
    const db = openDatabase(file, { migrationsDir: v2, now: () => later });

    const applied = readApplied(db);
    expect(applied.map((m) => [m.version, m.appliedAt])).toEqual([
      [1, NOW.toISOString()], // untouched: applied by the first open
      [2, later.toISOString()],
    ]);
    expect(applied[1]?.checksum).toBe(migrationChecksum(M2));
    expect(db.prepare('SELECT body, tag FROM notes').all()).toEqual([{ body: '第一条', tag: null }]);
    expect(schemaVersion(db)).toBe(2);
    db.close();

    // A checked copy in backups/ beside the database, with its sidecar (backups/store.ts).
    const backups = readdirSync(join(home, 'backups')).filter((f) => f.endsWith('.sqlite'));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatch(/^kam-\d{8}-\d{6}-\d{3}-pre-migration\.sqlite$/);
    const sidecar = JSON.parse(readFileSync(join(home, 'backups', `${backups[0]}.json`), 'utf8'));
    expect(sidecar).toMatchObject({ reason: 'pre-migration', integrity: 'ok', at: later.toISOString() });
    const backup = new Database(join(home, 'backups', backups[0] as string), { readonly: true });
    expect(readApplied(backup).map((m) => m.version)).toEqual([1]);
    expect(backup.prepare('SELECT * FROM notes').all()).toEqual([{ id: 1, body: '第一条' }]);
    backup.close();
  });

  it('makes no backup when nothing is pending', () => {
    const { file, home, v1 } = databaseAtV1();
    openDatabase(file, { migrationsDir: v1, now: () => NOW }).close();
    expect(existsSync(join(home, 'backups'))).toBe(false);
  });
});

describe('openDatabase: refusals leave the file exactly as it was', () => {
  it('refuses a database whose old migration was edited after it was applied', () => {
    const { file, home, v1 } = databaseAtV1();
    const before = snapshot(file, home);
    writeFileSync(join(v1, '0001_notes.sql'), `${M1}-- a later edit\n`, 'utf8');

    const error = openError(() => openDatabase(file, { migrationsDir: v1, now: () => NOW }));
    expect(error.code).toBe('DB_INCOMPATIBLE');
    expect(error.message).toContain('0001_notes');
    expect(error.message).toContain('数据库未作任何改动');

    expect(snapshot(file, home)).toEqual(before);
    // Still readable by the app that made it.
    writeFileSync(join(v1, '0001_notes.sql'), M1, 'utf8');
    const db = openDatabase(file, { migrationsDir: v1, now: () => NOW });
    expect(db.prepare('SELECT count(*) AS n FROM notes').get()).toEqual({ n: 1 });
    db.close();
  });

  it('refuses a database made by a newer version (schema_migrations has version 99)', () => {
    const { file, home, v1 } = databaseAtV1();
    const raw = new Database(file);
    raw
      .prepare('INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)')
      .run(99, 'future', 'f'.repeat(64), NOW.toISOString());
    raw.close();
    const before = snapshot(file, home);

    const error = openError(() => openDatabase(file, { migrationsDir: v1, now: () => NOW }));
    expect(error.code).toBe('DB_INCOMPATIBLE');
    expect(error.message).toContain('数据库结构版本 99，本程序最高支持 1');
    expect(error.details).toEqual({ databaseVersion: 99, appVersion: 1 });
    expect(snapshot(file, home)).toEqual(before);
  });

  it('refuses a file that is not a SQLite database, without writing to it', () => {
    const home = tempDir();
    const file = join(home, 'kam.sqlite');
    writeFileSync(file, 'this is a spreadsheet, not a database\n'.repeat(200));
    const before = snapshot(file, home);
    const error = openError(() => openDatabase(file, { now: () => NOW }));
    expect(error.code).toBe('DB_INCOMPATIBLE');
    expect(error.message).toContain('无法读取数据库文件');
    expect(error.message).toContain('文件未作任何改动');
    expect(snapshot(file, home)).toEqual(before);
  });
});

describe('openDatabase: pragmas', () => {
  function pragmas(db: Database.Database) {
    return {
      journal_mode: db.pragma('journal_mode', { simple: true }),
      synchronous: db.pragma('synchronous', { simple: true }),
      foreign_keys: db.pragma('foreign_keys', { simple: true }),
      busy_timeout: db.pragma('busy_timeout', { simple: true }),
    };
  }

  it('sets WAL, synchronous=FULL, foreign keys and a 5 s busy timeout on a new file and again after reopening', () => {
    const file = join(tempDir(), 'nested', 'kam.sqlite'); // the folder is created too
    const expected = { journal_mode: 'wal', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 };
    const first = openDatabase(file, { now: () => NOW });
    expect(pragmas(first)).toEqual(expected);
    first.close();
    const again = openDatabase(file, { now: () => NOW });
    expect(pragmas(again)).toEqual(expected);
    expect(BUSY_TIMEOUT_MS).toBe(5000);
    again.close();
  });

  it('needs to: a raw reopen of a WAL file comes back with synchronous=NORMAL (1) on this SQLite build', () => {
    const file = join(tempDir(), 'kam.sqlite');
    openDatabase(file, { now: () => NOW }).close();
    const raw = new Database(file);
    // better-sqlite3 compiles SQLite with SQLITE_DEFAULT_WAL_SYNCHRONOUS=1: a WAL database reopened
    // without our pragmas would run at NORMAL and could lose the last commits on power loss.
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(raw.pragma('synchronous', { simple: true })).toBe(1);
    // (Foreign keys, by contrast, are on by default in better-sqlite3's build: SQLITE_DEFAULT_FOREIGN_KEYS=1.)
    expect(raw.pragma('foreign_keys', { simple: true })).toBe(1);
    raw.close();
  });

  it('enforces foreign keys', () => {
    const db = openDatabase(IN_MEMORY, { now: () => NOW });
    expect(() =>
      db
        .prepare(
          "INSERT INTO units (code, name, kind, parent_id, min_managers, created_at) VALUES ('X1', 'x', 'branch', 999, 0, 'now')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    db.close();
  });

  it('opens an in-memory database (journal_mode memory) with the shipped schema', () => {
    const db = openDatabase(IN_MEMORY, { now: () => NOW });
    expect(pragmas(db)).toEqual({ journal_mode: 'memory', synchronous: 2, foreign_keys: 1, busy_timeout: 5000 });
    const names = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
    ).map((r) => r.name);
    expect(names).toEqual([
      'analysis_reports',
      'applications',
      'archive_revisions',
      'archive_views',
      'area_codes',
      'audit_log',
      'bureau_revenue',
      'bureau_revenue_history',
      'classification_customers',
      'classification_industries',
      'complaint_pauses',
      'complaints',
      'customer_import_batches',
      'customer_import_items',
      'customer_leads',
      'customer_managers',
      'customer_releases',
      'customer_team_members',
      'customers',
      'data_digests',
      'development_moves',
      'developments',
      'discount_decisions',
      'discount_requests',
      'fluctuation_reasons',
      'holiday_calendars',
      'id_sequences',
      'import_batches',
      'import_changes',
      'import_newspaper_changes',
      'line_bureaus',
      'manager_change_batches',
      'manager_change_items',
      'manager_changes',
      'managers',
      'marketing_logs',
      'newspaper_inputs',
      'operators',
      'policies',
      'qualification_decisions',
      'ranking_prospects',
      'ranking_worksheets',
      'registration_rulings',
      'registration_steps',
      'registrations',
      'revenue',
      'revenue_months',
      'revenue_years',
      'schema_migrations',
      'scorecard_targets',
      'settings',
      'template_service_rows',
      'template_submissions',
      'tier_approvals',
      'tier_in_force',
      'tier_overrides',
      'tier_results',
      'tier_runs',
      'unit_analyses',
      'units',
      'visits',
    ]);
    expect(schemaVersion(db)).toBe(SHIPPED);
    db.close();
  });
});
