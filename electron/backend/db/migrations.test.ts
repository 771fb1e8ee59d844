import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import { tempDirsForTests, writeMigrationsDir } from '../../../tests/support/temp-dir';
import {
  type AppliedMigration,
  applyMigrations,
  defaultMigrationsDir,
  loadMigrations,
  type Migration,
  migrationChecksum,
  pendingMigrations,
  readApplied,
} from './migrations';
import { openDatabase } from './open';

const NOW = new Date('2026-11-10T02:00:00Z');

const M1 = '-- 0001: notes\nCREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;\n';
const M2 = '-- 0002: tags\nALTER TABLE notes ADD COLUMN tag TEXT;\nCREATE TABLE tags (name TEXT PRIMARY KEY) STRICT;\n';
/** The first statement succeeds, the second fails: the whole migration must roll back. */
const M2_BAD =
  '-- 0002: broken\nCREATE TABLE tags (name TEXT PRIMARY KEY) STRICT;\nINSERT INTO no_such_table VALUES (1);\n';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

const tempDir = tempDirsForTests('kam-migrations-');

const migrationsDir = (files: Record<string, string>) => writeMigrationsDir(tempDir(), files);

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((r) => r.name);
}

function migration(version: number, sql: string, name = `m${version}`): Migration {
  return { version, name, sql, checksum: migrationChecksum(sql) };
}

function applied(version: number, sql: string, name = `m${version}`): AppliedMigration {
  return { version, name, checksum: migrationChecksum(sql), appliedAt: NOW.toISOString() };
}

describe('migrationChecksum', () => {
  it('is the SHA-256 of the SQL text', () => {
    expect(migrationChecksum(M1)).toBe(sha256(M1));
    expect(migrationChecksum(M1)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores CRLF line endings (a Windows checkout matches the recorded value)', () => {
    const crlf = M2.replace(/\n/g, '\r\n');
    expect(crlf).not.toBe(M2);
    expect(migrationChecksum(crlf)).toBe(migrationChecksum(M2));
  });

  it('changes when the text changes, even by one character', () => {
    expect(migrationChecksum(`${M1} `)).not.toBe(migrationChecksum(M1));
    expect(migrationChecksum(M1.replace('notes', 'Notes'))).not.toBe(migrationChecksum(M1));
  });
});

describe('loadMigrations', () => {
  it('reads NNNN_name.sql files in numeric order with their checksums, ignoring other files', () => {
    const dir = migrationsDir({ '0002_tags.sql': M2, '0001_notes.sql': M1, 'README.md': '# not a migration' });
    const loaded = loadMigrations(dir);
    expect(loaded.map((m) => [m.version, m.name])).toEqual([
      [1, 'notes'],
      [2, 'tags'],
    ]);
    expect(loaded[0]?.sql).toBe(M1);
    expect(loaded[0]?.checksum).toBe(sha256(M1));
    expect(loaded[1]?.checksum).toBe(sha256(M2));
  });

  it('refuses a gap in the numbering', () => {
    const dir = migrationsDir({ '0001_notes.sql': M1, '0003_tags.sql': M2 });
    expect(() => loadMigrations(dir)).toThrow('迁移编号不连续：缺少 0002');
  });

  it('refuses a file name that is not NNNN_name.sql', () => {
    const dir = migrationsDir({ '0001_notes.sql': M1, '2_Tags.sql': M2 });
    expect(() => loadMigrations(dir)).toThrow('迁移文件名不符合 NNNN_name.sql：2_Tags.sql');
  });

  it('finds the shipped migrations folder, starting at 0001_init', () => {
    const shipped = loadMigrations(defaultMigrationsDir());
    expect(shipped[0]?.version).toBe(1);
    expect(shipped[0]?.name).toBe('init');
    expect(shipped.map((m) => m.version)).toEqual(shipped.map((_, i) => i + 1));
  });
});

describe('pendingMigrations', () => {
  const known = [migration(1, M1), migration(2, M2)];

  it.each([
    ['a fresh database', [], [1, 2]],
    ['a database at version 1', [applied(1, M1)], [2]],
    ['an up-to-date database', [applied(1, M1), applied(2, M2)], []],
  ])('%s gets the right pending list', (_label, done, expected) => {
    expect(pendingMigrations(done, known).map((m) => m.version)).toEqual(expected);
  });

  it('accepts a recorded checksum of CRLF text against LF text', () => {
    expect(pendingMigrations([applied(1, M1.replace(/\n/g, '\r\n'))], known).map((m) => m.version)).toEqual([2]);
  });

  it('refuses an edited old migration with DB_INCOMPATIBLE and both checksums', () => {
    const edited = [applied(1, `${M1}-- edited\n`)];
    let error: unknown;
    try {
      pendingMigrations(edited, known);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    const e = error as AppError;
    expect(e.code).toBe('DB_INCOMPATIBLE');
    expect(e.message).toContain('0001_m1');
    expect(e.message).toContain('校验值与程序不一致');
    expect(e.details).toEqual({ version: 1, recorded: sha256(`${M1}-- edited\n`), shipped: sha256(M1) });
  });

  it('refuses a database with a migration the app does not know (made by a newer version)', () => {
    let error: unknown;
    try {
      pendingMigrations([applied(1, M1), applied(2, M2), applied(3, 'CREATE TABLE x (a)')], known);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('DB_INCOMPATIBLE');
    expect((error as AppError).message).toContain('数据库结构版本 3，本程序最高支持 2');
    expect((error as AppError).details).toEqual({ databaseVersion: 3, appVersion: 2 });
  });
});

describe('applyMigrations', () => {
  it('applies all pending migrations and records each with its checksum and time', () => {
    const db = new Database(':memory:');
    applyMigrations(db, [migration(1, M1, 'notes'), migration(2, M2, 'tags')], NOW.toISOString());
    expect(readApplied(db)).toEqual([
      { version: 1, name: 'notes', checksum: sha256(M1), appliedAt: '2026-11-10T02:00:00.000Z' },
      { version: 2, name: 'tags', checksum: sha256(M2), appliedAt: '2026-11-10T02:00:00.000Z' },
    ]);
    expect(tables(db)).toEqual(['notes', 'schema_migrations', 'tags']);
    db.close();
  });

  it('does nothing (not even the bookkeeping table) when nothing is pending', () => {
    const db = new Database(':memory:');
    applyMigrations(db, [], NOW.toISOString());
    expect(tables(db)).toEqual([]);
    expect(readApplied(db)).toEqual([]);
    db.close();
  });

  it('rolls back every migration of the batch when one fails', () => {
    const db = new Database(':memory:');
    expect(() =>
      applyMigrations(db, [migration(1, M1, 'notes'), migration(2, M2_BAD, 'broken')], NOW.toISOString()),
    ).toThrow(/no such table: no_such_table/);
    expect(tables(db)).toEqual([]);
    expect(readApplied(db)).toEqual([]);
    db.close();
  });
});

describe('migrations through openDatabase on a file', () => {
  it('a fresh database gets every migration recorded with its checksum, and no backup', () => {
    const dir = migrationsDir({ '0001_notes.sql': M1, '0002_tags.sql': M2 });
    const home = tempDir();
    const file = join(home, 'kam.sqlite');
    const db = openDatabase(file, { migrationsDir: dir, now: () => NOW });
    expect(readApplied(db)).toEqual([
      { version: 1, name: 'notes', checksum: sha256(M1), appliedAt: NOW.toISOString() },
      { version: 2, name: 'tags', checksum: sha256(M2), appliedAt: NOW.toISOString() },
    ]);
    expect(tables(db)).toEqual(['notes', 'schema_migrations', 'tags']);
    db.close();
  });

  it('a migration file checked out with CRLF endings opens a database made with LF endings', () => {
    const dir = migrationsDir({ '0001_notes.sql': M1 });
    const file = join(tempDir(), 'kam.sqlite');
    openDatabase(file, { migrationsDir: dir, now: () => NOW }).close();
    writeFileSync(join(dir, '0001_notes.sql'), M1.replace(/\n/g, '\r\n'), 'utf8');
    const db = openDatabase(file, { migrationsDir: dir, now: () => NOW });
    expect(readApplied(db).map((m) => m.checksum)).toEqual([sha256(M1)]);
    db.close();
  });

  it('a failing migration rolls back entirely: 0001 stays applied, nothing of 0002 remains, data kept', () => {
    const v1 = migrationsDir({ '0001_notes.sql': M1 });
    const file = join(tempDir(), 'kam.sqlite');
    const first = openDatabase(file, { migrationsDir: v1, now: () => NOW });
    first.prepare('INSERT INTO notes (body) VALUES (?)').run('kept');
    first.close();

    const broken = migrationsDir({ '0001_notes.sql': M1, '0002_broken.sql': M2_BAD });
    expect(() => openDatabase(file, { migrationsDir: broken, now: () => NOW })).toThrow(/no such table/);

    const raw = new Database(file, { readonly: true });
    expect(tables(raw)).toEqual(['notes', 'schema_migrations']);
    expect(readApplied(raw).map((m) => m.version)).toEqual([1]);
    expect(raw.prepare('SELECT body FROM notes').all()).toEqual([{ body: 'kept' }]);
    raw.close();

    // And the app at version 1 still opens it.
    const again = openDatabase(file, { migrationsDir: v1, now: () => NOW });
    expect(readApplied(again).map((m) => m.version)).toEqual([1]);
    again.close();
  });

  it('a fresh database whose second migration fails is left without any schema', () => {
    const broken = migrationsDir({ '0001_notes.sql': M1, '0002_broken.sql': M2_BAD });
    const file = join(tempDir(), 'kam.sqlite');
    expect(() => openDatabase(file, { migrationsDir: broken, now: () => NOW })).toThrow(/no such table/);
    const raw = new Database(file, { readonly: true });
    expect(tables(raw)).toEqual([]);
    raw.close();
  });
});
