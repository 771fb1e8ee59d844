/** R16: allocating customer IDs — next sequence per area code, next branch per head office. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { formatCustomerId, headOfficePrefix, MAX_BRANCH, MAX_SEQUENCE } from '../../../shared/domain/customer-id';

/** Must run inside the caller's write transaction: the counter and the insert commit together. */
export function allocateHeadOfficeId(db: Database, areaCode: string): string {
  const row = db.prepare('SELECT last_sequence AS last FROM id_sequences WHERE area_code = ?').get(areaCode) as
    | { last: number }
    | undefined;
  const next = (row?.last ?? 0) + 1;
  if (next > MAX_SEQUENCE) {
    throw new AppError(
      'ID_EXHAUSTED',
      {
        zh: `区划 ${areaCode} 的客户顺序号已用尽（最多 ${MAX_SEQUENCE} 个）。编号不能重复使用，请为新客户选择其他区划代码或联系开发人员。`,
        en: `Area ${areaCode} has used all its customer numbers (at most ${MAX_SEQUENCE}). IDs are never reused: choose another area code for the new customer or contact the developers.`,
      },
      { areaCode },
    );
  }
  db.prepare(
    'INSERT INTO id_sequences (area_code, last_sequence) VALUES (?, ?) ON CONFLICT(area_code) DO UPDATE SET last_sequence = excluded.last_sequence',
  ).run(areaCode, next);
  return formatCustomerId({ areaCode, sequence: next, branch: 0 });
}

/** Reads the head office's counter from the database, so repeated calls in one transaction never repeat. */
export function allocateBranchId(db: Database, head: { id: string; name: string }): string {
  const row = db.prepare('SELECT last_branch AS last FROM customers WHERE id = ?').get(head.id) as
    | { last: number }
    | undefined;
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      { zh: `找不到总部客户 ${head.id}`, en: `Head office customer ${head.id} not found` },
      { parentId: head.id },
    );
  const next = row.last + 1;
  if (next > MAX_BRANCH) {
    throw new AppError(
      'ID_EXHAUSTED',
      {
        zh: `总部客户“${head.name}”（${head.id}）的分支编号已用尽（最多 ${MAX_BRANCH} 个分支）`,
        en: `Head office “${head.name}” (${head.id}) has used all its branch numbers (at most ${MAX_BRANCH} branches)`,
      },
      { parentId: head.id },
    );
  }
  db.prepare('UPDATE customers SET last_branch = ? WHERE id = ?').run(next, head.id);
  return `${headOfficePrefix(head.id)}${String(next).padStart(3, '0')}`;
}
