/**
 * The backend's backups (DOMAIN-DECISIONS "Backups"): automatic copies before the writes that
 * replace much (import commits, tiering runs) and daily, the manual copy, the list, retention, and
 * the database's health — a file that failed its check is open read-only and every write but a
 * restore is refused (registry.ts).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database as Db } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { BackupsView, BackupView, RestoreView } from '../../../shared/api/types';
import type { BackupReason } from '../../../shared/domain/backups/retention';
import { localDate } from '../../../shared/domain/dates';
import type { AuditEntry } from '../db/audit';
import { IN_MEMORY } from '../db/pragmas';
import type { WriterThread } from '../writer/thread';
import { readRetention } from './settings';
import { applyRetention, auditHead, type BackupInfo, backupsDirFor, createBackup, listBackups } from './store';

/**
 * Writes after which a pre-import copy is not retaken: the import commits themselves, each of
 * which its own undo takes back exactly (import_changes keeps every prior value), and the backups'
 * own audit rows, which change no data.
 */
const UNDOABLE_IMPORTS = ['imports/commit', 'customers/import-commit'];
/** The full check runs at least this often (and after every import commit). */
const FULL_CHECK_EVERY_MS = 7 * 24 * 3600 * 1000;
const LAST_CHECK_FILE = 'last-full-check.json';
const CHECK_DELAY_MS = 5000;

export interface BackupServiceOptions {
  databasePath: string;
  nativeBinding?: string | undefined;
  now: () => Date;
  db: Db;
  writer: WriterThread;
  /** What the open's quick check found (null: sound). */
  problem: string | null;
  /** The backend's restore: closes, swaps the file, reopens (index.ts). */
  restore(file: string, audit: AuditEntry): Promise<RestoreView>;
}

function hasCustomers(db: Db): boolean {
  return db.prepare('SELECT 1 FROM customers LIMIT 1').get() !== undefined;
}

export function toView(b: BackupInfo): BackupView {
  return {
    file: b.file,
    at: b.at,
    reason: b.reason,
    size: b.size,
    customers: b.customers,
    revenueRows: b.revenueRows,
    integrity: b.integrity,
  };
}

export function corruptError(problem: string): AppError {
  return new AppError(
    'DB_CORRUPT',
    {
      zh: `数据库文件检查未通过，已以只读方式打开，本次操作未执行，以免写坏数据。请在“设置 → 备份与恢复”中选择一份完好的备份恢复。（检查结果：${problem.slice(0, 200)}）`,
      en: `The database file failed its check and is open read-only; nothing was done, so no damage is written. Restore a sound backup in Settings → Backups. (Check: ${problem.slice(0, 200)})`,
    },
    { problem: problem.slice(0, 500) },
  );
}

export class BackupService {
  private problemFound: string | null;
  /** The last full check under way, so tests and the CLI can wait for it. */
  private checking: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: BackupServiceOptions) {
    this.problemFound = options.problem;
  }

  get folder(): string {
    return backupsDirFor(this.options.databasePath);
  }

  private get inMemory(): boolean {
    return this.options.databasePath === IN_MEMORY;
  }

  /** Null when sound; else why the database is read-only. */
  get problem(): string | null {
    return this.problemFound;
  }

  list(): BackupsView {
    return {
      folder: this.inMemory ? '' : this.folder,
      problem: this.problemFound,
      retention: readRetention(this.options.db),
      backups: this.inMemory ? [] : listBackups(this.folder, this.options.nativeBinding).map(toView),
    };
  }

  /**
   * A copy now: as `to.file`, or into `to.folder` (a USB drive), else into backups/ where
   * retention then applies.
   */
  async create(
    reason: BackupReason,
    to: { folder?: string | undefined; file?: string | undefined } = {},
  ): Promise<BackupInfo> {
    const folder = to.folder ?? (to.file !== undefined ? dirname(to.file) : undefined);
    if (this.inMemory && folder === undefined) {
      throw new AppError('UNAVAILABLE', {
        zh: '内存数据库没有备份文件夹，请选择一个文件夹',
        en: 'An in-memory database has no backups folder; choose a folder',
      });
    }
    const dir = folder ?? this.folder;
    const info = await createBackup(this.options.db, {
      dir,
      file: to.file,
      reason,
      // A damaged database never gets the writer thread's read-write connection: checked here.
      ...(this.problemFound === null ? { inspect: (file: string) => this.options.writer.checkCopy(file) } : {}),
      at: this.options.now(),
      nativeBinding: this.options.nativeBinding,
    });
    if (folder === undefined && this.problemFound === null) applyRetention(dir, readRetention(this.options.db));
    return info;
  }

  /** Applies the retention in settings to backups/ now (after it changed). */
  applyRetention(): void {
    if (this.inMemory || this.problemFound !== null) return;
    applyRetention(this.folder, readRetention(this.options.db));
  }

  /**
   * The automatic copy before a write that replaces much. Skipped when the newest sound copy
   * already holds the data as it is — nothing written since, or (before an import) only import
   * commits, each undoable on its own. Why: at 20,000 customers × 24 months a copy and its check
   * take ~2.7 s (350 MB); before each of a month's 12 unit workbooks that would add half a minute.
   */
  async auto(reason: BackupReason): Promise<BackupInfo | null> {
    if (this.inMemory || this.problemFound !== null) return null;
    const db = this.options.db;
    const head = auditHead(db);
    if (head === 0 && !hasCustomers(db)) return null; // nothing ever written: nothing to lose
    const newest = listBackups(this.folder, this.options.nativeBinding).find((b) => b.integrity === 'ok');
    if (newest && newest.auditHead <= head) {
      // A restore's own row counts as a write: the data is no longer what the newest copy holds.
      const skip = ['backups/create', ...(reason === 'pre-import' ? UNDOABLE_IMPORTS : [])];
      const since = db
        .prepare(
          `SELECT count(*) AS n FROM audit_log WHERE id > ? AND channel NOT IN (${skip.map(() => '?').join(', ')})`,
        )
        .get(newest.auditHead, ...skip) as { n: number };
      if (since.n === 0) return null;
    }
    return this.create(reason);
  }

  /** The first start of a day makes the day's copy (the app's start; not the CLI's commands). */
  async daily(): Promise<BackupInfo | null> {
    if (this.inMemory || this.problemFound !== null) return null;
    const today = localDate(this.options.now());
    if (listBackups(this.folder, this.options.nativeBinding).some((b) => b.date === today)) return null;
    if (auditHead(this.options.db) === 0 && !hasCustomers(this.options.db)) return null;
    return this.create('daily');
  }

  /** Starts the full check on the writer thread when the last one is a week old (or never ran). */
  checkIfDue(): void {
    if (this.inMemory) return;
    const file = join(this.folder, LAST_CHECK_FILE);
    let last = 0;
    try {
      if (existsSync(file)) last = Date.parse((JSON.parse(readFileSync(file, 'utf8')) as { at: string }).at) || 0;
    } catch {
      last = 0;
    }
    if (this.options.now().getTime() - last >= FULL_CHECK_EVERY_MS) this.checkInBackground();
  }

  /**
   * `integrity_check` + `foreign_key_check` on the writer thread, the main thread free. A problem
   * makes the database read-only from then on. Returns the check's promise (never rejects).
   */
  checkInBackground(): Promise<void> {
    if (this.problemFound !== null) return Promise.resolve();
    const previous = this.checking ?? Promise.resolve();
    const run = previous
      .then(() => this.options.writer.fullCheck())
      .then((result) => {
        if (result.problem !== null) this.problemFound = result.problem;
        if (!this.inMemory) {
          try {
            writeFileSync(
              join(this.folder, LAST_CHECK_FILE),
              JSON.stringify({ at: this.options.now().toISOString(), problem: result.problem }),
            );
          } catch {
            // No backups folder yet (no copy made): the check runs again next time.
          }
        }
      })
      .catch(() => {
        // The writer thread closed under it (the app quitting): the next start checks again.
      });
    this.checking = run;
    return run;
  }

  /**
   * After an import commit: the full check once the imports pause (CHECK_DELAY_MS without another
   * commit). A month's 12 workbooks are then checked once, not 12 times, and no commit waits
   * behind a ~2 s check on the writer thread.
   */
  checkSoon(): void {
    if (this.inMemory || this.problemFound !== null) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.checkInBackground();
    }, CHECK_DELAY_MS);
    // Never keeps a process (the CLI) alive: the app's next start checks if it was missed.
    this.timer.unref();
  }

  /** Drops a check not yet started (the backend closing). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Waits for a background check under way (tests, the CLI). */
  settled(): Promise<void> {
    return this.checking ?? Promise.resolve();
  }

  restore(file: string, audit: AuditEntry): Promise<RestoreView> {
    return this.options.restore(file, audit);
  }
}
