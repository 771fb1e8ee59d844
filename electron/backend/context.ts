import type { Database } from 'better-sqlite3';
import type { OperatorView } from '../../shared/api/types';
import type { Policy } from '../../shared/domain/policy/policy';
import type { BackupService } from './backups/service';
import type { CustomerSearchIndex } from './customers/search-index';
import type { ImportStaging } from './imports/staging';
import type { PolicyBook } from './policies/book';
import type { IdentityIndex } from './registrations/identity-index';
import type { RevenueStore } from './revenue/store';
import type { WriterThread } from './writer/thread';

export interface Session {
  readonly operator: OperatorView | null;
  choose(operator: OperatorView): void;
}

/** Injected into every handler: the database, the clock (frozen in tests), who acts, the policy. */
export interface HandlerContext {
  db: Database;
  now: () => Date;
  /** Who acts: the officer chosen at start (`session`), else the host's default (the CLI's). */
  readonly actor: string;
  /** The officer chosen at start for this session (DOMAIN-DECISIONS "Audit log"). */
  session: Session;
  /** The policy in force today (R0). */
  readonly policy: Policy;
  /** Every stored policy version. */
  policies: PolicyBook;
  /** The only writer of revenue (keeps the tiering's monthly copy in step). */
  revenue: RevenueStore;
  /** Import previews waiting for commit (in memory, never written). */
  imports: ImportStaging;
  databasePath: string;
  appVersion: string;
  /** Runs the long writes (an import batch's commit and undo) off the main thread. */
  writer: WriterThread;
  /** Backups, restore and the database's health (read-only after a failed check). */
  backups: BackupService;
  /** Customer search; customer writes patch it through `afterCommit`. */
  searchIndex: CustomerSearchIndex;
  /** R19a/R19b duplicate check over customers and pending registrations; patched like `searchIndex`. */
  identityIndex: IdentityIndex;
  /**
   * Runs `fn` once the current write's transaction has committed; dropped if it rolls back.
   * For caches outside the database (the search index), which must never see uncommitted rows.
   */
  afterCommit(fn: () => void): void;
  /**
   * Prints the report's print view to PDF: Electron's own Chromium in the app
   * (electron/main/print.ts), the system Chromium in the command line and tests (reports/pdf.ts).
   */
  printPdf(html: string): Promise<Buffer>;
}
