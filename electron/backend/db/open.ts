/**
 * Opens the app's SQLite database: checks its migrations first on a read-only connection (so an
 * incompatible file is left exactly as it was), then opens it for writing, sets the pragmas on
 * every open and asserts them (better-sqlite3 reopens a WAL file with synchronous=NORMAL),
 * backs up and migrates. A file that fails its bounded `quick_check` on the read-only probe is
 * opened read-only and never written (DOMAIN-DECISIONS "Backups"): not migrated, not seeded.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { registerDigestFunctions } from '../audit/digests';
import { compareTriggers, expectedTriggers, needsRepair, repairTriggers, type TriggerRepair } from '../audit/triggers';
import { backupsDirFor, createBackupSync, integrityVerdict } from '../backups/store';
import { SYSTEM_ACTOR, TRIGGERS_REPAIRED, writeAudit } from './audit';
import { asKnownFault, knownFault } from './faults';
import {
  applyMigrations,
  defaultMigrationsDir,
  loadMigrations,
  type Migration,
  pendingMigrations,
  readApplied,
} from './migrations';
import { applyPragmas, IN_MEMORY } from './pragmas';

export interface OpenOptions {
  migrationsDir?: string;
  /** Path of the Electron-ABI better_sqlite3.node; tests and the CLI use the Node build. */
  nativeBinding?: string;
  now?: () => Date;
}

/**
 * What the open found: `problem` is null for a sound file, else what `quick_check` reported; such
 * a database is open read-only and every write is refused (registry.ts, DB_CORRUPT).
 */
export interface DatabaseHealth {
  problem: string | null;
  /** Triggers found dropped, altered or foreign on this open and put back (audit/triggers.ts). */
  triggersRepaired: TriggerRepair | null;
}

/**
 * The bounded check on open: `quick_check(N)` stops listing after N problems. It still reads every
 * page (~0.75 s at 20,000 customers × 24 months, a 350 MB file), which a start can afford; the full
 * `integrity_check` + `foreign_key_check` run in the background (backups/service.ts).
 */
function quickCheck(db: Db): string | null {
  const verdict = integrityVerdict(db, 'quick_check');
  return verdict === 'ok' ? null : verdict;
}

/**
 * Reads the applied migrations and runs the quick check without writing a byte, and throws if the
 * app can't open it; returns the check's problem, if any.
 */
function checkExisting(file: string, known: Migration[], nativeBinding: string | undefined): string | null {
  const probe = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    let applied: ReturnType<typeof readApplied> | null = null;
    let unreadable: unknown = null;
    try {
      applied = readApplied(probe);
    } catch (e) {
      // Not a database at all is refused as before; a damaged one is judged by the check below.
      if ((e as { code?: string }).code === 'SQLITE_NOTADB' || e instanceof AppError) throw e;
      unreadable = e;
    }
    const problem = quickCheck(probe);
    // A damaged file may not even read its migration table right: it opens read-only as it is.
    if (problem !== null) return problem;
    if (unreadable !== null || applied === null) throw unreadable;
    pendingMigrations(applied, known);
    return null;
  } catch (e) {
    if (e instanceof AppError) throw e;
    const fault = knownFault(e, file);
    if (fault !== null && fault.code !== 'DB_CORRUPT') throw fault;
    throw new AppError('DB_INCOMPATIBLE', {
      zh: `无法读取数据库文件 ${file}：${(e as Error).message}。文件未作任何改动。`,
      en: `Cannot read the database file ${file}: ${(e as Error).message}. The file was not changed.`,
    });
  } finally {
    probe.close();
  }
}

/**
 * Checks a file the app would open (a backup before it is restored) without writing to it:
 * throws DB_INCOMPATIBLE when the app cannot open it; returns the quick check's problem, if any.
 */
export function checkDatabaseFile(file: string, options: OpenOptions = {}): string | null {
  const known = loadMigrations(options.migrationsDir ?? defaultMigrationsDir());
  return checkExisting(file, known, options.nativeBinding);
}

/** A folder given as the database, or a file in the way of its folder: refused before SQLite sees it. */
function cannotOpen(file: string, why: { zh: string; en: string }): AppError {
  return new AppError('DB_CANNOT_OPEN', {
    zh: `无法打开数据库 ${file}：${why.zh}。请给出数据库文件（.sqlite）的路径；没有写入任何数据`,
    en: `Cannot open the database ${file}: ${why.en}. Give the path of the database file (.sqlite); nothing was written`,
  });
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  return openCheckedDatabase(file, options).db;
}

/** Opens the database, read-only when its quick check failed (see DatabaseHealth). */
export function openCheckedDatabase(file: string, options: OpenOptions = {}): { db: Db; health: DatabaseHealth } {
  const now = options.now ?? (() => new Date());
  const known = loadMigrations(options.migrationsDir ?? defaultMigrationsDir());
  const inMemory = file === IN_MEMORY;
  const existed = !inMemory && existsSync(file);
  if (existed && !statSync(file).isFile()) {
    // SQLite answers a folder with "disk I/O error"; say what it is.
    throw cannotOpen(file, {
      zh: '这是一个文件夹（或设备），不是数据库文件',
      en: 'it is a folder (or a device), not a database file',
    });
  }
  const problem = existed ? checkExisting(file, known, options.nativeBinding) : null;
  if (problem !== null) {
    const db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    db.pragma('foreign_keys = ON');
    // Never called here (nothing is written), but a statement that writes revenue compiles its
    // checksum triggers when prepared, and the stores prepare theirs at start.
    registerDigestFunctions(db);
    return { db, health: { problem, triggersRepaired: null } };
  }
  if (!inMemory) {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (e) {
      throw cannotOpen(file, {
        zh: `无法创建其所在的文件夹（${(e as NodeJS.ErrnoException).code ?? (e as Error).message}）`,
        en: `its folder cannot be created (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      });
    }
  }

  let db: Db;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (e) {
    throw asKnownFault(e, file);
  }
  try {
    applyPragmas(db, inMemory);
    // Revenue writes call it through migration 0013's checksum triggers.
    registerDigestFunctions(db);
    const applied = readApplied(db);
    const pending = pendingMigrations(applied, known);
    if (pending.length > 0 && applied.length > 0 && !inMemory) {
      // Back up before changing the schema of a database that already holds data (a checked
      // copy in backups/, like every other backup; synchronous here, so VACUUM INTO).
      createBackupSync(db, {
        dir: backupsDirFor(file),
        reason: 'pre-migration',
        at: now(),
        nativeBinding: options.nativeBinding,
      });
    }
    applyMigrations(db, pending, now().toISOString());
    const triggersRepaired = checkTriggers(db, known, options.nativeBinding, now());
    return { db, health: { problem: null, triggersRepaired } };
  } catch (e) {
    db.close();
    throw asKnownFault(e, file);
  }
}

/**
 * Every trigger as the migrations define it (DOMAIN-DECISIONS "Audit log"): one dropped or changed
 * in another program is put back before anything else is written, and the repair is itself a row
 * of the audit log, so the chain says when the guards were found missing.
 */
function checkTriggers(db: Db, known: Migration[], nativeBinding: string | undefined, at: Date): TriggerRepair | null {
  const expected = expectedTriggers(known, nativeBinding);
  const found = compareTriggers(db, expected);
  if (!needsRepair(found)) return null;
  db.transaction(() => {
    repairTriggers(db, expected, found);
    writeAudit(db, {
      at: at.toISOString(),
      actor: SYSTEM_ACTOR,
      channel: TRIGGERS_REPAIRED,
      entity: 'schema:triggers',
      input: JSON.stringify(found),
      changes: [
        ...found.missing.map((t) => ({ field: `trigger:${t}`, before: '缺失', after: '已重建' })),
        ...found.altered.map((t) => ({ field: `trigger:${t}`, before: '被改动', after: '已重建' })),
        ...found.unknown.map((t) => ({ field: `trigger:${t}`, before: '未知触发器', after: '已删除' })),
      ],
    });
  }).immediate();
  return found;
}

export function schemaVersion(db: Db): number {
  const row = db.prepare('SELECT max(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

/**
 * Closes a connection, first folding the write-ahead log into the database file and truncating it
 * (`wal_checkpoint(TRUNCATE)`): the app's last connection leaves no `-wal` behind, and a copy of
 * the `.sqlite` file alone is then the whole database. A checkpoint another process blocks is not
 * an error: SQLite finishes it on the next open.
 */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  if (!db.memory) {
    try {
      db.pragma('wal_checkpoint(TRUNCATE)');
    } catch {
      // Busy (another connection reading): the log stays and is replayed on the next open.
    }
  }
  db.close();
}
