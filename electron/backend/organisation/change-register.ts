/**
 * R30: the account-manager register (附件4) changed by a 客户经理变动 sheet's rows, as one batch:
 * the rows planned against the register as it stands (each as if the ones before it were applied),
 * recorded (each a manager_changes record, late when recorded after its due date — DOMAIN-DECISIONS
 * "R30 lateness"), and undone while nothing recorded later depends on it. Database work only, in
 * the caller's transaction: the channels (change-batches.ts) and a unit's template import (the
 * writer thread's commit job) share it.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ManagerChangeBatchView, ManagerChangeUndoView } from '../../../shared/api/types-archives';
import { bi, echo } from '../../../shared/domain/bilingual';
import { isLateManagerChange, localDate, localDateTime, managerChangeDueDate } from '../../../shared/domain/dates';
import type { ImportIssue } from '../../../shared/domain/imports/revenue-sheet';
import type { ManagerChangeRow } from '../../../shared/domain/managers/change-sheet';
import { EMPLOYMENT_NAMES_ZH, MANAGER_POST_NAMES_ZH } from '../../../shared/domain/organisation';

export interface RegisterRow {
  id: number;
  name: string;
  unit_id: number;
  post: string;
  employment: string;
  phone: string | null;
  started_on: string;
  left_on: string | null;
}

/** What one row does to the register, worked out against it (and the rows before it). */
export interface Planned {
  row: ManagerChangeRow;
  /** null for a new manager (until inserted). */
  managerId: number | null;
  before: RegisterRow | null;
  after: Omit<RegisterRow, 'id'>;
  summary: string;
  fromUnitId: number | null;
  toUnitId: number | null;
}

/**
 * The rows checked against the register in order, as if applied one after another; a row the
 * register already reflects (a transfer both units reported) is skipped with a warning.
 */
export function planManagerChanges(
  db: Database,
  rows: readonly ManagerChangeRow[],
): { planned: Planned[]; issues: ImportIssue[]; errorRows: number } {
  const register = new Map<number, RegisterRow>();
  for (const r of db
    .prepare('SELECT id, name, unit_id, post, employment, phone, started_on, left_on FROM managers')
    .all() as RegisterRow[])
    register.set(r.id, r);
  const added: (Omit<RegisterRow, 'id'> & { id: number })[] = [];
  const unitName = new Map(
    (db.prepare('SELECT id, name FROM units').raw().all() as [number, string][]).map(([id, name]) => [id, name]),
  );
  const find = (unitId: number, name: string) => {
    for (const r of [...register.values(), ...added])
      if (r.unit_id === unitId && r.name === name && r.left_on === null) return r;
    return null;
  };
  const planned: Planned[] = [];
  const issues: ImportIssue[] = [];
  let errorRows = 0;
  let nextTemp = -1;
  for (const row of rows) {
    const issue = (column: string | undefined, zh: string, en: string, severity: 'error' | 'warning' = 'error') =>
      issues.push({ sheet: row.sheet, row: row.row, column: column ?? null, severity, message: zh, messageEn: en });
    const c = row.columns;
    const where = row.kind === 'in' ? (row.otherUnitId as number) : row.unitId;
    const current = find(where, row.name);
    if (row.kind === 'add') {
      if (current) {
        issue(
          c.name,
          `${row.unitName}已有在岗客户经理“${echo(row.name)}”，不能重复新增`,
          `${row.unitName} already has "${echo(row.name)}" in post`,
        );
        errorRows++;
        continue;
      }
      const after = {
        name: row.name,
        unit_id: row.unitId,
        post: row.post ?? 'account_manager',
        employment: row.employment ?? 'full_time',
        phone: row.phone,
        started_on: row.effectiveOn,
        left_on: null,
      };
      added.push({ ...after, id: nextTemp-- });
      planned.push({
        row,
        managerId: null,
        before: null,
        after,
        summary: `登记 ${row.name}，${row.unitName}，${MANAGER_POST_NAMES_ZH[after.post as keyof typeof MANAGER_POST_NAMES_ZH]}（${EMPLOYMENT_NAMES_ZH[after.employment as keyof typeof EMPLOYMENT_NAMES_ZH]}）`,
        fromUnitId: null,
        toUnitId: row.unitId,
      });
      continue;
    }
    if (!current) {
      const target = row.kind === 'out' ? row.otherUnitId : row.kind === 'in' ? row.unitId : null;
      if (target !== null && find(target, row.name)) {
        issue(
          c.kind,
          `“${echo(row.name)}”已在${unitName.get(target)}，本行调动已登记，跳过`,
          `"${echo(row.name)}" is already in ${unitName.get(target)}: the transfer is recorded, row skipped`,
          'warning',
        );
        continue;
      }
      const unit = unitName.get(where) ?? '';
      issue(c.name, `${unit}没有在岗客户经理“${echo(row.name)}”`, `${unit} has no manager "${echo(row.name)}" in post`);
      errorRows++;
      continue;
    }
    if (row.effectiveOn < current.started_on) {
      issue(
        c.effectiveOn,
        `生效日期不能早于 ${row.name} 的到岗日期 ${current.started_on}`,
        `The date cannot be before ${row.name}'s start ${current.started_on}`,
      );
      errorRows++;
      continue;
    }
    const before: RegisterRow = { ...current, id: current.id };
    const after = { ...before } as RegisterRow;
    let summary = '';
    const fromUnitId: number | null = before.unit_id;
    let toUnitId: number | null = before.unit_id;
    if (row.kind === 'out' || row.kind === 'in') {
      const to = row.kind === 'out' ? (row.otherUnitId as number) : row.unitId;
      after.unit_id = to;
      toUnitId = to;
      summary = `${row.name} 由${unitName.get(before.unit_id)}调往${unitName.get(to)}`;
    } else if (row.kind === 'leave') {
      after.left_on = row.effectiveOn;
      toUnitId = null;
      summary = `${row.name} 离岗：${row.note ?? '离职'}`;
    } else {
      if (row.post !== null) after.post = row.post;
      if (row.employment !== null) after.employment = row.employment;
      if (row.phone !== null) after.phone = row.phone;
      const diffs = [
        before.post !== after.post
          ? `岗位 ${MANAGER_POST_NAMES_ZH[before.post as keyof typeof MANAGER_POST_NAMES_ZH]} → ${MANAGER_POST_NAMES_ZH[after.post as keyof typeof MANAGER_POST_NAMES_ZH]}`
          : '',
        before.employment !== after.employment
          ? `${EMPLOYMENT_NAMES_ZH[before.employment as keyof typeof EMPLOYMENT_NAMES_ZH]} → ${EMPLOYMENT_NAMES_ZH[after.employment as keyof typeof EMPLOYMENT_NAMES_ZH]}`
          : '',
        before.phone !== after.phone ? `电话 ${before.phone ?? '无'} → ${after.phone ?? '无'}` : '',
      ].filter(Boolean);
      if (diffs.length === 0) {
        issue(
          c.kind,
          `${row.name} 的信息没有变化，跳过`,
          `${row.name}'s details are unchanged: row skipped`,
          'warning',
        );
        continue;
      }
      summary = diffs.join('；');
    }
    // Later rows see this one applied.
    if (current.id > 0) register.set(current.id, after);
    else Object.assign(current, after);
    planned.push({
      row,
      managerId: current.id > 0 ? current.id : null,
      before: current.id > 0 ? before : null,
      after,
      summary,
      fromUnitId,
      toUnitId,
    });
  }
  return { planned, issues, errorRows };
}

/** Units by name or code, for the sheet's 单位 and 调往/调自单位 columns. */
export function managerChangeLookups(db: Database) {
  const units = db.prepare('SELECT id, code, name, retired_on FROM units').all() as {
    id: number;
    code: string;
    name: string;
    retired_on: string | null;
  }[];
  return {
    unit(text: string) {
      const u = units.find((x) => x.name === text) ?? units.find((x) => x.code === text);
      if (!u) return null;
      return u.retired_on === null ? { id: u.id, name: u.name } : ('retired' as const);
    },
  };
}

export interface BatchRow {
  id: number;
  file_name: string;
  sha256: string;
  item_count: number;
  late_count: number;
  committed_at: string;
  committed_by: string;
  undone_at: string | null;
  import_batch_id: number | null;
}

export const toBatch = (r: BatchRow): ManagerChangeBatchView => ({
  id: r.id,
  fileName: r.file_name,
  items: r.item_count,
  late: r.late_count,
  committedAt: r.committed_at,
  committedBy: r.committed_by,
  undoneAt: r.undone_at,
  importBatchId: r.import_batch_id,
});

export function batchRow(db: Database, id: number): BatchRow {
  const r = db.prepare('SELECT * FROM manager_change_batches WHERE id = ?').get(id) as BatchRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', bi(`找不到客户经理变动批次 ${id}`, `No manager-change batch ${id}`));
  return r;
}

export interface ItemRow {
  seq: number;
  kind: string;
  manager_id: number;
  change_id: number;
  before: string | null;
}

/**
 * Whether a batch can be undone: not while a later record depends on it. A batch that came in a
 * unit's template is undone with that import (`viaImport`), not on its own: one undo per file.
 */
export function managerChangeUndoCheck(db: Database, batchId: number, viaImport = false): ManagerChangeUndoView {
  const batch = batchRow(db, batchId);
  if (batch.undone_at !== null) return { batchId, canUndo: false, reason: '该批次已撤销' };
  if (batch.import_batch_id !== null && !viaImport)
    return {
      batchId,
      canUndo: false,
      reason: `该批次随报送模板导入（导入批次 ${batch.import_batch_id}），请在数据报送中撤销该导入批次`,
    };
  const items = db
    .prepare('SELECT * FROM manager_change_items WHERE batch_id = ? ORDER BY seq')
    .all(batchId) as ItemRow[];
  const own = new Set(items.map((i) => i.change_id));
  const reasons: string[] = [];
  for (const managerId of new Set(items.map((i) => i.manager_id))) {
    const name = db.prepare('SELECT name FROM managers WHERE id = ?').pluck().get(managerId) as string;
    const later = (
      db.prepare('SELECT id FROM manager_changes WHERE manager_id = ?').pluck().all(managerId) as number[]
    ).filter(
      (id) => !own.has(id) && id > Math.min(...items.filter((i) => i.manager_id === managerId).map((i) => i.change_id)),
    );
    if (later.length > 0) reasons.push(`${name} 之后又有 ${later.length} 条变动记录`);
    if (items.some((i) => i.manager_id === managerId && i.kind === 'add')) {
      const refs =
        (db.prepare('SELECT count(*) FROM customer_managers WHERE manager_id = ?').pluck().get(managerId) as number) +
        (db
          .prepare('SELECT count(*) FROM customer_team_members WHERE manager_id = ?')
          .pluck()
          .get(managerId) as number);
      if (refs > 0) reasons.push(`${name} 已被指定为客户的客户经理或项目组成员`);
    } else {
      const refs = db
        .prepare('SELECT count(*) FROM customer_managers WHERE manager_id = ? AND recorded_at > ?')
        .pluck()
        .get(managerId, batch.committed_at) as number;
      if (refs > 0) reasons.push(`${name} 在本批次之后有客户分配变动`);
    }
  }
  if (reasons.length === 0) return { batchId, canUndo: true, reason: null };
  return { batchId, canUndo: false, reason: `本批次之后已有依赖它的记录，不能撤销：${reasons.join('；')}` };
}

/** R30: the changes recorded after their due date (the work list), newest due first; `month` (YYYY-MM) by due month. */
export interface ApplyOptions {
  fileName: string;
  sha256: string;
  /** The template batch the sheet came in (its undo undoes these changes too); null for a file of its own. */
  importBatchId: number | null;
  at: Date;
  actor: string;
  dueDay: number;
}

/**
 * Records planned rows (checked by `planManagerChanges` against the register as it is now) as one
 * batch, inside the caller's transaction: each row a manager_changes record, late when recorded
 * after its due date (R30). Returns the batch's id.
 */
export function applyManagerChanges(db: Database, planned: readonly Planned[], opts: ApplyOptions): number {
  const { at: now, dueDay } = opts;
  const today = localDate(now);
  const batchId = Number(
    db
      .prepare(
        `INSERT INTO manager_change_batches (file_name, sha256, item_count, late_count, committed_at, committed_by, import_batch_id)
     VALUES (?, ?, 0, 0, ?, ?, ?)`,
      )
      .run(opts.fileName, opts.sha256, now.toISOString(), opts.actor, opts.importBatchId).lastInsertRowid,
  );
  const change = db.prepare(
    `INSERT INTO manager_changes (manager_id, kind, effective_on, recorded_at, due_on, late, from_unit_id, to_unit_id, summary)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const item = db.prepare(
    `INSERT INTO manager_change_items (batch_id, seq, sheet, row, kind, manager_id, change_id, before, late)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const byTemp = new Map<Planned, number>();
  let late = 0;
  planned.forEach((p, seq) => {
    let managerId = p.managerId;
    const a = p.after;
    if (managerId === null && p.before === null && p.row.kind === 'add') {
      managerId = Number(
        db
          .prepare(
            'INSERT INTO managers (name, unit_id, post, employment, phone, started_on) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(a.name, a.unit_id, a.post, a.employment, a.phone, a.started_on).lastInsertRowid,
      );
      byTemp.set(p, managerId);
    } else if (managerId === null) {
      // A row on a manager this batch registered: find it among the rows before.
      managerId = db
        .prepare(
          'SELECT id FROM managers WHERE name = ? AND left_on IS NULL AND id IN (SELECT value FROM json_each(?))',
        )
        .pluck()
        .get(p.row.name, JSON.stringify([...byTemp.values()])) as number;
    }
    const before =
      p.before === null && p.row.kind !== 'add'
        ? (db
            .prepare('SELECT name, unit_id, post, employment, phone, started_on, left_on FROM managers WHERE id = ?')
            .get(managerId) as RegisterRow)
        : p.before;
    if (p.row.kind !== 'add')
      db.prepare('UPDATE managers SET unit_id = ?, post = ?, employment = ?, phone = ?, left_on = ? WHERE id = ?').run(
        a.unit_id,
        a.post,
        a.employment,
        a.phone,
        a.left_on,
        managerId,
      );
    const isLate = isLateManagerChange(p.row.effectiveOn, today, dueDay);
    if (isLate) late++;
    const kind =
      p.row.kind === 'add' ? 'register' : p.row.kind === 'leave' ? 'leave' : p.row.kind === 'edit' ? 'edit' : 'move';
    const changeId = Number(
      change.run(
        managerId,
        kind,
        p.row.effectiveOn,
        localDateTime(now),
        managerChangeDueDate(p.row.effectiveOn, dueDay),
        isLate ? 1 : 0,
        p.fromUnitId,
        p.toUnitId,
        `${p.summary}（${opts.fileName} 第 ${p.row.row} 行）`,
      ).lastInsertRowid,
    );
    item.run(
      batchId,
      seq + 1,
      p.row.sheet,
      p.row.row,
      p.row.kind,
      managerId,
      changeId,
      before === null ? null : JSON.stringify(before),
      isLate ? 1 : 0,
    );
  });
  db.prepare('UPDATE manager_change_batches SET item_count = ?, late_count = ? WHERE id = ?').run(
    planned.length,
    late,
    batchId,
  );
  return batchId;
}

/** Restores the register as the batch found it (the caller checked `managerChangeUndoCheck`). */
export function undoManagerChanges(db: Database, batchId: number, at: string, actor: string): void {
  const items = db
    .prepare('SELECT * FROM manager_change_items WHERE batch_id = ? ORDER BY seq DESC')
    .all(batchId) as ItemRow[];
  for (const i of items) {
    db.prepare('DELETE FROM manager_changes WHERE id = ?').run(i.change_id);
    if (i.before === null) continue;
    const b = JSON.parse(i.before) as RegisterRow;
    db.prepare(
      'UPDATE managers SET name = ?, unit_id = ?, post = ?, employment = ?, phone = ?, started_on = ?, left_on = ? WHERE id = ?',
    ).run(b.name, b.unit_id, b.post, b.employment, b.phone, b.started_on, b.left_on, i.manager_id);
  }
  // Managers the batch registered go last (their change rows are gone by now).
  for (const i of items) if (i.kind === 'add') db.prepare('DELETE FROM managers WHERE id = ?').run(i.manager_id);
  db.prepare('UPDATE manager_change_batches SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, actor, batchId);
}
