/** The backend a `kam` command runs on, closed when it is done; and the option parsers they share. */

import { AppError } from '../../../shared/api/errors';
import { echo } from '../../../shared/domain/bilingual';
import { type Backend, openBackend } from '../index';
import { printPdf } from '../reports/pdf';
import { cliActor } from './actor';
import type { Values } from './command';
import { requireExistingDb } from './reports';

/**
 * Opens the database (acting as KAM_OPERATOR), runs `fn`, closes. `mustExist`: a command that only
 * reads or checks refuses a path with no database, rather than create an empty one.
 */
export async function withBackend<T>(
  db: string,
  fn: (b: Backend) => Promise<T> | T,
  options: { mustExist?: boolean; now?: () => Date } = {},
): Promise<T> {
  if (options.mustExist) requireExistingDb(db);
  const backend = openBackend({
    databasePath: db,
    ...cliActor(),
    printPdf: (html) => printPdf(html),
    ...(options.now ? { now: options.now } : {}),
  });
  try {
    return await fn(backend);
  } finally {
    await backend.close();
  }
}

export function positiveInt(values: Values, name: string, fallback?: number): number {
  const raw = values[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new AppError('VALIDATION', `--${name} 需要一个正整数，收到：${echo(String(raw ?? '（未提供）'))}`);
  }
  return Number(raw);
}

/** withBackend on a database that must already exist (backups, restore, the audit log). */
export function withExisting<T>(db: string, fn: (b: Backend) => Promise<T> | T): Promise<T> {
  return withBackend(db, fn, { mustExist: true });
}
