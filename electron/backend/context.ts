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
  /** Customer search; customer writes call `invalidate()`. */
  searchIndex: CustomerSearchIndex;
}
