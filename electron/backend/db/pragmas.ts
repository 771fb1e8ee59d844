/**
 * The connection settings every connection sets and asserts, the main one and the writer
 * thread's: WAL, synchronous=FULL (a committed write survives a power cut), foreign keys on, a
 * busy timeout. Kept apart from open.ts so the writer's bundle carries no migration code.
 */
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';

export const BUSY_TIMEOUT_MS = 5000;
export const IN_MEMORY = ':memory:';

function fail(pragma: string, expected: unknown, actual: unknown): never {
  throw new AppError('DB_INCOMPATIBLE', {
    zh: `数据库参数 ${pragma} 设置失败：期望 ${String(expected)}，实际 ${String(actual)}`,
    en: `Database setting ${pragma} failed: expected ${String(expected)}, got ${String(actual)}`,
  });
}

export function applyPragmas(db: Db, inMemory: boolean): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  const expectedMode = inMemory ? 'memory' : 'wal';
  if (mode !== expectedMode) fail('journal_mode', expectedMode, mode);
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  const sync = db.pragma('synchronous', { simple: true });
  if (sync !== 2) fail('synchronous', 'FULL (2)', sync);
  const fk = db.pragma('foreign_keys', { simple: true });
  if (fk !== 1) fail('foreign_keys', 'ON (1)', fk);
  const busy = db.pragma('busy_timeout', { simple: true });
  if (busy !== BUSY_TIMEOUT_MS) fail('busy_timeout', BUSY_TIMEOUT_MS, busy);
}
