/**
 * Which automatic backups to keep (DOMAIN-DECISIONS "Backups"): the newest of each of the last
 * `daily` days, `weekly` weeks (Monday first) and `monthly` months, the last `preImport` pre-import
 * copies, and always the newest copy of all. Manual and pre-restore copies are never deleted here:
 * the officer made the first on purpose and the second is the only undo of a restore.
 */
export const BACKUP_REASONS = ['daily', 'pre-import', 'pre-tiering', 'pre-migration', 'pre-restore', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
  preImport: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { daily: 7, weekly: 4, monthly: 12, preImport: 10 };

export interface RetainedBackup {
  file: string;
  /** Local date of the copy, YYYY-MM-DD. */
  date: string;
  /** ISO time, for ordering. */
  at: string;
  reason: BackupReason;
}

/** The Monday of a YYYY-MM-DD date's week, as YYYY-MM-DD (computed in UTC: dates only). */
function weekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/** Keeps the newest copy of each of the first `count` distinct buckets, newest first. */
function newestPerBucket(sorted: readonly RetainedBackup[], count: number, bucket: (b: RetainedBackup) => string) {
  const kept: string[] = [];
  const seen = new Set<string>();
  for (const b of sorted) {
    if (seen.size >= count) break;
    const key = bucket(b);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(b.file);
  }
  return kept;
}

/** The files to keep; every other automatic copy may be deleted. */
export function backupsToKeep(backups: readonly RetainedBackup[], policy: RetentionPolicy): Set<string> {
  const newestFirst = [...backups].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const keep = new Set<string>();
  const first = newestFirst[0];
  if (first) keep.add(first.file);
  for (const b of newestFirst) if (b.reason === 'manual' || b.reason === 'pre-restore') keep.add(b.file);
  const preImport = newestFirst.filter((b) => b.reason === 'pre-import');
  for (const b of preImport.slice(0, Math.max(0, policy.preImport))) keep.add(b.file);
  // Every other automatic copy is a candidate for the calendar buckets.
  const calendar = newestFirst.filter(
    (b) => b.reason !== 'pre-import' && b.reason !== 'manual' && b.reason !== 'pre-restore',
  );
  for (const f of newestPerBucket(calendar, policy.daily, (b) => b.date)) keep.add(f);
  for (const f of newestPerBucket(calendar, policy.weekly, (b) => weekOf(b.date))) keep.add(f);
  for (const f of newestPerBucket(calendar, policy.monthly, (b) => b.date.slice(0, 7))) keep.add(f);
  return keep;
}
