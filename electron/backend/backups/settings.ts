/** The settings table (migration 0012): key → JSON value. */
import type { Database } from 'better-sqlite3';
import { DEFAULT_RETENTION, type RetentionPolicy } from '../../../shared/domain/backups/retention';

function hasSettings(db: Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'").get() !== undefined;
}

export function readSetting<T>(db: Database, key: string): T | undefined {
  if (!hasSettings(db)) return undefined;
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as T) : undefined;
}

export function writeSetting(db: Database, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export const RETENTION_KEY = 'backups.retention';
export const LAST_FULL_CHECK_KEY = 'integrity.lastFullCheck';

export function readRetention(db: Database): RetentionPolicy {
  return { ...DEFAULT_RETENTION, ...(readSetting<Partial<RetentionPolicy>>(db, RETENTION_KEY) ?? {}) };
}
