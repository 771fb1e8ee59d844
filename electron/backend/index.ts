/** Opens a database and builds the registry over it: the backend as every host uses it. */
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import DatabaseCtor from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import type { OperatorView, RestoreView } from '../../shared/api/types';
import { localDate } from '../../shared/domain/dates';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import { integrityVerdict } from './backups/check';
import { BackupService, toView } from './backups/service';
import { type BackupInfo, describeBackup, saveRawCopy } from './backups/store';
import type { HandlerContext, Session } from './context';
import { CustomerSearchIndex } from './customers/search-index';
import { type AuditEntry, writeAudit } from './db/audit';
import { checkDatabaseFile, closeDatabase, openCheckedDatabase } from './db/open';
import { IN_MEMORY } from './db/pragmas';
import { HANDLER_GROUPS } from './handlers';
import { ImportStaging } from './imports/staging';
import { seedOrganisationIfEmpty } from './organisation/seed';
import { PolicyBook } from './policies/book';
import { IdentityIndex } from './registrations/identity-index';
import { Registry } from './registry';
import { RevenueStore } from './revenue/store';
import { APP_VERSION } from './version';
import { WriterThread } from './writer/thread';

export interface BackendOptions {
  databasePath: string;
  now?: () => Date;
  actor?: string;
  nativeBinding?: string;
  migrationsDir?: string;
  /**
   * How the report's PDF is printed: electron/main/print.ts in the app, reports/pdf.ts (the system
   * Chromium) in the command line and tests. Not defaulted here, so the app's bundle never pulls in
   * playwright; without one, a PDF export says it is unavailable.
   */
  printPdf?: (html: string) => Promise<Buffer>;
  /**
   * The app's start (not the CLI's commands, not tests): the day's first backup, queued before any
   * write, and the weekly full check in the background (DOMAIN-DECISIONS "Backups").
   */
  maintenance?: boolean;
}

export interface Backend {
  /** The current connection and registry: a restore replaces both (read them each time). */
  readonly db: Database;
  readonly registry: Registry;
  /**
   * Replaces the database with a backup copy while the app runs: the current file is copied first
   * (reason pre-restore, so the restore can be undone), the writer thread and the connection
   * close, the chosen copy (checked first) takes the file's place, and everything reopens.
   */
  restore(file: string, audit?: AuditEntry): Promise<RestoreView>;
  /**
   * Ends the writer thread, folds the write-ahead log back into the file (so no `-wal` is left
   * growing between sessions) and closes the connection. Synchronous when no writer thread is
   * running (the CLI, in-memory databases); the app awaits it before quitting.
   */
  close(): Promise<void>;
}

interface Opened {
  db: Database;
  registry: Registry;
  close(): Promise<void>;
}

function openParts(
  options: BackendOptions,
  restore: (file: string, audit: AuditEntry) => Promise<RestoreView>,
  session: Session,
): Opened {
  const now = options.now ?? (() => new Date());
  const { db, health } = openCheckedDatabase(options.databasePath, {
    now,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
  });
  try {
    const actor = session.operator?.name ?? options.actor ?? DEFAULT_ACTOR;
    // A file that failed its check is read-only: nothing is seeded into it.
    if (health.problem === null) seedOrganisationIfEmpty(db, POLICY_V1, now());
    const policies = new PolicyBook(db);
    if (health.problem === null) policies.seedIfEmpty(now().toISOString(), actor);
    let registry: Registry | null = null;
    const searchIndex = new CustomerSearchIndex(db);
    const identityIndex = new IdentityIndex(db);
    searchIndex.onChange((id) => (id === null ? identityIndex.invalidate() : identityIndex.upsertCustomer(id)));
    const writer = new WriterThread(db, {
      databasePath: options.databasePath,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      committedElsewhere: () => {
        searchIndex.keepAfterCommitElsewhere();
        identityIndex.keepAfterCommitElsewhere();
      },
    });
    const ctx: HandlerContext = {
      db,
      now,
      get actor() {
        return session.operator?.name ?? options.actor ?? DEFAULT_ACTOR;
      },
      session,
      get policy() {
        return policies.forDate(localDate(now()));
      },
      policies,
      revenue: new RevenueStore(db),
      imports: new ImportStaging(),
      databasePath: options.databasePath,
      appVersion: APP_VERSION,
      writer,
      backups: new BackupService({
        databasePath: options.databasePath,
        nativeBinding: options.nativeBinding,
        now,
        db,
        writer,
        problem: health.problem,
        restore,
      }),
      searchIndex,
      identityIndex,
      afterCommit: (fn) => {
        if (!registry) throw new Error('registry not ready');
        registry.afterCommit(fn);
      },
      printPdf:
        options.printPdf ??
        (() =>
          Promise.reject(
            new AppError('UNAVAILABLE', {
              zh: '此处无法生成 PDF，请改为导出 Word（docx）。',
              en: 'A PDF cannot be made here; export to Word (docx) instead.',
            }),
          )),
    };
    registry = new Registry(HANDLER_GROUPS, ctx);
    if (options.maintenance && health.problem === null) {
      const backups = ctx.backups;
      void registry.exclusive(() => backups.daily()).catch((e) => console.error(e));
      backups.checkIfDue();
    }
    return {
      db,
      registry,
      close: () => {
        // The writer's connection closes with its thread; a job still out fails (rolled back).
        // Only then is the main connection the last one, whose checkpoint can empty the log.
        ctx.backups.stop();
        const stopping = writer.running ? writer.close() : null;
        if (!stopping) {
          void writer.close();
          closeDatabase(db);
          return Promise.resolve();
        }
        return stopping.then(() => closeDatabase(db));
      },
    };
  } catch (e) {
    db.close();
    throw e;
  }
}

function fsyncPath(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Who acts when no officer was chosen (the CLI without KAM_OPERATOR, tests). */
const DEFAULT_ACTOR = '信息主管';

/** The officer chosen at start: kept across a restore, which reopens everything else. */
function newSession(): Session {
  let operator: OperatorView | null = null;
  return {
    get operator() {
      return operator;
    },
    choose(next) {
      operator = next;
    },
  };
}

/** Opens a database and builds the registry over it (see Backend). */
export function openBackend(options: BackendOptions): Backend {
  const session = newSession();
  let current: Opened;
  const restore = async (file: string, audit?: AuditEntry): Promise<RestoreView> => {
    const path = options.databasePath;
    if (path === IN_MEMORY) {
      throw new AppError('UNAVAILABLE', {
        zh: '内存数据库不能恢复备份',
        en: 'An in-memory database cannot be restored',
      });
    }
    if (!existsSync(file)) {
      throw new AppError('NOT_FOUND', { zh: `找不到备份文件：${file}`, en: `No such backup file: ${file}` });
    }
    // The chosen copy is checked before anything changes: a newer app's, a tampered or a damaged
    // copy is refused and the database stays as it is.
    checkDatabaseFile(file, options);
    const probe = new DatabaseCtor(file, { readonly: true, fileMustExist: true, nativeBinding: options.nativeBinding });
    let verdict: string;
    try {
      verdict = integrityVerdict(probe);
    } finally {
      probe.close();
    }
    if (verdict !== 'ok') {
      throw new AppError(
        'VALIDATION',
        {
          zh: `这份备份未通过完整性检查，不能用来恢复：${verdict.slice(0, 200)}。当前数据库未作任何改动。`,
          en: `This backup failed its integrity check and cannot be restored: ${verdict.slice(0, 200)}. The database was not changed.`,
        },
        { file },
      );
    }
    const backups = current.registry.ctx.backups;
    const damaged = backups.problem !== null;
    let saved: BackupInfo;
    if (!damaged) {
      saved = await backups.create('pre-restore');
    } else {
      // A damaged file may not copy through SQLite: it was opened read-only and never written,
      // so once closed its bytes (and any log beside it) are copied as they are.
      await current.close();
      saved = saveRawCopy(path, options.now?.() ?? new Date(), backups.problem ?? '');
    }
    if (!damaged) await current.close();
    const swapIn = (source: string) => {
      const incoming = `${path}.restoring`;
      copyFileSync(source, incoming);
      fsyncPath(incoming);
      for (const extra of ['-wal', '-shm', '-journal']) rmSync(`${path}${extra}`, { force: true });
      renameSync(incoming, path);
    };
    swapIn(file);
    try {
      current = openParts(options, restore, session);
    } catch (e) {
      // Checked above, so not expected; but never leave the app without its database: the copy
      // saved a moment ago goes back (a damaged one is reopened read-only, as it was).
      swapIn(saved.file);
      current = openParts(options, restore, session);
      throw e;
    }
    const db = current.db;
    if (audit) db.transaction(() => writeAudit(db, audit)).immediate();
    return { restored: toView(describeBackup(file, options.nativeBinding)), saved: toView(saved) };
  };
  current = openParts(options, restore, session);
  return {
    get db() {
      return current.db;
    },
    get registry() {
      return current.registry;
    },
    restore: (file, audit) =>
      current.registry.exclusive(() =>
        restore(
          file,
          audit ?? {
            at: new Date().toISOString(),
            actor: session.operator?.name ?? options.actor ?? DEFAULT_ACTOR,
            channel: 'backups/restore',
            input: JSON.stringify({ file }),
          },
        ),
      ),
    close: () => current.close(),
  };
}
