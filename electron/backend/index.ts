/** Opens a database and builds the registry over it: the backend as every host uses it. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../shared/api/errors';
import { localDate } from '../../shared/domain/dates';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import type { HandlerContext } from './context';
import { CustomerSearchIndex } from './customers/search-index';
import { closeDatabase, openDatabase } from './db/open';
import { HANDLER_GROUPS } from './handlers';
import { ImportStaging } from './imports/staging';
import { seedOrganisationIfEmpty } from './organisation/seed';
import { PolicyBook } from './policies/book';
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
}

export interface Backend {
  db: Database;
  registry: Registry;
  /**
   * Ends the writer thread, folds the write-ahead log back into the file (so no `-wal` is left
   * growing between sessions) and closes the connection. Synchronous when no writer thread is
   * running (the CLI, in-memory databases); the app awaits it before quitting.
   */
  close(): Promise<void>;
}

export function openBackend(options: BackendOptions): Backend {
  const now = options.now ?? (() => new Date());
  const db = openDatabase(options.databasePath, {
    now,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.migrationsDir ? { migrationsDir: options.migrationsDir } : {}),
  });
  try {
    const actor = options.actor ?? '信息主管';
    seedOrganisationIfEmpty(db, POLICY_V1, now());
    const policies = new PolicyBook(db);
    policies.seedIfEmpty(now().toISOString(), actor);
    let registry: Registry | null = null;
    const searchIndex = new CustomerSearchIndex(db);
    const writer = new WriterThread(db, {
      databasePath: options.databasePath,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      committedElsewhere: () => searchIndex.keepAfterCommitElsewhere(),
    });
    const ctx: HandlerContext = {
      db,
      now,
      actor,
      get policy() {
        return policies.forDate(localDate(now()));
      },
      policies,
      revenue: new RevenueStore(db),
      imports: new ImportStaging(),
      databasePath: options.databasePath,
      appVersion: APP_VERSION,
      writer,
      searchIndex,
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
    return {
      db,
      registry,
      close: () => {
        // The writer's connection closes with its thread; a job still out fails (rolled back).
        // Only then is the main connection the last one, whose checkpoint can empty the log.
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
