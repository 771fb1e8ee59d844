import type { Database } from 'better-sqlite3';
import type { Policy } from '../../shared/domain/policy/policy';
import type { CustomerSearchIndex } from './customers/search-index';

/** Injected into every handler: the database, the clock (frozen in tests), who acts, the policy. */
export interface HandlerContext {
  db: Database;
  now: () => Date;
  actor: string;
  policy: Policy;
  databasePath: string;
  appVersion: string;
  /** Customer search; customer writes patch it through `afterCommit`. */
  searchIndex: CustomerSearchIndex;
  /**
   * Runs `fn` once the current write's transaction has committed; dropped if it rolls back.
   * For caches outside the database (the search index), which must never see uncommitted rows.
   */
  afterCommit(fn: () => void): void;
}
