/**
 * Numbered SQL migrations (`NNNN_name.sql`), applied in order in one transaction and recorded
 * with a SHA-256 checksum. A changed old migration, or a database that has migrations this app
 * does not know (made by a newer version), refuses to open.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { registerAuditFunctions } from '../audit/chain';
import { registerDigestFunctions } from '../audit/digests';
import { preferUnpacked } from '../unpacked';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

export interface AppliedMigration {
  version: number;
  name: string;
  checksum: string;
  appliedAt: string;
}

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** Checksums ignore line endings, so a Windows checkout (CRLF) matches the recorded value. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** Finds the migrations folder: beside the bundled main script, or in the source tree. */
export function defaultMigrationsDir(): string {
  const candidates = [
    preferUnpacked(join(__dirname, 'migrations')),
    resolve(__dirname, '../../electron/backend/db/migrations'),
  ];
  for (const dir of candidates) if (existsSync(dir)) return dir;
  throw new Error(`找不到数据库迁移文件夹（已查找：${candidates.join('；')}）`);
}

export function loadMigrations(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`迁移文件名不符合 NNNN_name.sql：${file}`);
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version: Number(match[1]), name: match[2] as string, sql, checksum: migrationChecksum(sql) };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`迁移编号不连续：缺少 ${String(i + 1).padStart(4, '0')}`);
  });
  return migrations;
}

const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  checksum TEXT NOT NULL,
  applied_at TEXT NOT NULL
) STRICT`;

export function readApplied(db: Database): AppliedMigration[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get();
  if (!exists) return [];
  return db
    .prepare('SELECT version, name, checksum, applied_at AS appliedAt FROM schema_migrations ORDER BY version')
    .all() as AppliedMigration[];
}

/**
 * Compares what the database recorded with what the app ships. Throws DB_INCOMPATIBLE before
 * anything is written; returns the migrations still to apply.
 */
export function pendingMigrations(applied: AppliedMigration[], known: Migration[]): Migration[] {
  const newest = known.length;
  const tooNew = applied.filter((a) => a.version > newest);
  if (tooNew.length > 0) {
    const dbVersion = Math.max(...applied.map((a) => a.version));
    throw new AppError(
      'DB_INCOMPATIBLE',
      {
        zh: `数据库由更新版本的 KAM Desk 创建（数据库结构版本 ${dbVersion}，本程序最高支持 ${newest}）。请升级程序后再打开；数据库未作任何改动。`,
        en: `The database was made by a newer KAM Desk (schema version ${dbVersion}; this program supports up to ${newest}). Upgrade the program, then open it again; the database was not changed.`,
      },
      { databaseVersion: dbVersion, appVersion: newest },
    );
  }
  for (const a of applied) {
    const m = known[a.version - 1];
    if (!m || m.checksum !== a.checksum) {
      throw new AppError(
        'DB_INCOMPATIBLE',
        {
          zh: `数据库迁移 ${String(a.version).padStart(4, '0')}_${a.name} 的校验值与程序不一致：迁移文件在应用后被改动过。数据库未作任何改动，请联系开发人员。`,
          en: `Migration ${String(a.version).padStart(4, '0')}_${a.name} differs from the one applied: the migration file changed after it ran. The database was not changed; contact the developers.`,
        },
        { version: a.version, recorded: a.checksum, shipped: m?.checksum ?? null },
      );
    }
  }
  return known.slice(applied.length);
}

/** Applies the pending migrations in one transaction: all of them or none. */
export function applyMigrations(db: Database, pending: Migration[], now: string): void {
  if (pending.length === 0) return;
  let current: Migration | undefined;
  // Migration 0013 seals the rows already in the audit log into its hash chain and sums the
  // revenue checksum; its triggers call the checksum's term.
  registerAuditFunctions(db);
  registerDigestFunctions(db);
  try {
    db.transaction(() => {
      db.exec(BOOKKEEPING);
      const insert = db.prepare(
        'INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
      );
      for (const m of pending) {
        current = m;
        db.exec(m.sql);
        insert.run(m.version, m.name, m.checksum, now);
      }
    }).immediate();
  } catch (e) {
    const name = current ? `${String(current.version).padStart(4, '0')}_${current.name}` : '（记录表）';
    throw new AppError(
      'DB_INCOMPATIBLE',
      {
        zh: `数据库迁移 ${name} 执行失败：${(e as Error).message}。所有迁移均已回滚，数据库保持原样。`,
        en: `Migration ${name} failed: ${(e as Error).message}. Every migration was rolled back; the database is as it was.`,
      },
      { version: current?.version ?? null },
    );
  }
}
