/** R17/R18: reading and appending archive revisions (archive_revisions is insert-only, migration triggers). */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ArchiveDocument } from '../../../shared/domain/archive/fields';
import { bi } from '../../../shared/domain/bilingual';

export interface RevisionRow {
  id: number;
  customer_id: string;
  revision: number;
  schema_version: number;
  document: string;
  changed: string;
  verified_only: number;
  updated_on: string;
  recorded_at: string;
  recorded_by: string;
  note: string | null;
}

export interface Revision {
  customerId: string;
  revision: number;
  document: ArchiveDocument;
  changed: string[];
  verifiedOnly: boolean;
  updatedOn: string;
  recordedAt: string;
  recordedBy: string;
  note: string | null;
}

export function toRevision(r: RevisionRow): Revision {
  return {
    customerId: r.customer_id,
    revision: r.revision,
    document: JSON.parse(r.document) as ArchiveDocument,
    changed: JSON.parse(r.changed) as string[],
    verifiedOnly: r.verified_only === 1,
    updatedOn: r.updated_on,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
    note: r.note,
  };
}

export function latestRevision(db: Database, customerId: string): Revision | null {
  const r = db
    .prepare('SELECT * FROM archive_revisions WHERE customer_id = ? ORDER BY revision DESC LIMIT 1')
    .get(customerId) as RevisionRow | undefined;
  return r ? toRevision(r) : null;
}

export function revisionOf(db: Database, customerId: string, revision: number): Revision {
  const r = db
    .prepare('SELECT * FROM archive_revisions WHERE customer_id = ? AND revision = ?')
    .get(customerId, revision) as RevisionRow | undefined;
  if (!r)
    throw new AppError(
      'NOT_FOUND',
      bi(
        `客户 ${customerId} 的档案没有第 ${revision} 版`,
        `Customer ${customerId}'s archive has no revision ${revision}`,
      ),
    );
  return toRevision(r);
}

export function customerName(db: Database, customerId: string): string {
  const row = db.prepare('SELECT name FROM customers WHERE id = ?').get(customerId) as { name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', bi(`找不到客户 ${customerId}`, `No customer ${customerId}`));
  return row.name;
}
