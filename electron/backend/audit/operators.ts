/**
 * The officers' profiles (DOMAIN-DECISIONS "Audit log"): chosen at start, named in every audit row
 * of the session. No passwords: the workstation's own login decides who may use it; the profile
 * says who did what. A profile is retired, never deleted, since the log names it.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { OperatorView } from '../../../shared/api/types';
import { bi } from '../../../shared/domain/bilingual';

interface Row {
  id: number;
  name: string;
  title: string;
  active: number;
  last_chosen_at: string | null;
}

const toView = (r: Row): OperatorView => ({
  id: r.id,
  name: r.name,
  title: r.title,
  active: r.active === 1,
  lastChosenAt: r.last_chosen_at,
});

export function listOperators(db: Database, includeRetired: boolean): OperatorView[] {
  const rows = db
    .prepare(
      `SELECT * FROM operators WHERE active = 1 OR ? ORDER BY active DESC, last_chosen_at IS NULL, last_chosen_at DESC, id`,
    )
    .all(includeRetired ? 1 : 0) as Row[];
  return rows.map(toView);
}

export function getOperator(db: Database, id: number): OperatorView {
  const row = db.prepare('SELECT * FROM operators WHERE id = ?').get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', bi(`找不到操作员 ${id}`, `No operator ${id}`), { id });
  return toView(row);
}

export interface OperatorInput {
  id: number | null;
  name: string;
  title?: string | null;
  active: boolean;
}

export function saveOperator(db: Database, input: OperatorInput, at: string, current: number | null): OperatorView {
  const same = db.prepare('SELECT id FROM operators WHERE name = ? AND id IS NOT ?').get(input.name, input.id) as
    | { id: number }
    | undefined;
  if (same) {
    throw new AppError(
      'CONFLICT',
      bi(`已有名为“${input.name}”的操作员`, `An operator named “${input.name}” already exists`),
      { issues: [{ path: 'name', message: '该姓名已有操作员使用', messageEn: 'This name is taken' }] },
    );
  }
  if (input.id === null) {
    const id = db
      .prepare('INSERT INTO operators (name, title, active, created_at) VALUES (?, ?, ?, ?)')
      .run(input.name, input.title ?? '', input.active ? 1 : 0, at).lastInsertRowid;
    return getOperator(db, Number(id));
  }
  const before = getOperator(db, input.id);
  if (before.active && !input.active) {
    if (input.id === current) {
      throw new AppError(
        'CONFLICT',
        bi(
          '不能停用当前正在使用的操作员；请先切换为其他操作员',
          'The operator in use cannot be retired; switch to another first',
        ),
        { id: input.id },
      );
    }
  }
  db.prepare('UPDATE operators SET name = ?, title = ?, active = ? WHERE id = ?').run(
    input.name,
    input.title ?? '',
    input.active ? 1 : 0,
    input.id,
  );
  return getOperator(db, input.id);
}

/** Marks the profile chosen now: the start screen offers the last one first. */
export function markChosen(db: Database, id: number, at: string): void {
  db.prepare('UPDATE operators SET last_chosen_at = ? WHERE id = ?').run(at, id);
}
