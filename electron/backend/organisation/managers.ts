/** R4/R30: the account-manager register and its append-only change log with the 25th deadline. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { Manager, ManagerChange, ManagerChangeKind } from '../../../shared/api/types';
import { isLateManagerChange, localDate, localDateTime, managerChangeDueDate } from '../../../shared/domain/dates';
import { EMPLOYMENT_NAMES_ZH, MANAGER_POST_NAMES_ZH } from '../../../shared/domain/organisation';
import { reassignManager } from '../assignments/handlers';
import { entity } from '../audit/entities';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../registry';
import { getActiveUnitRow, getManager, MANAGER_SELECT, type ManagerRow, toManager } from './rows';

interface ChangeInput {
  managerId: number;
  kind: ManagerChangeKind;
  effectiveOn: string;
  fromUnitId: number | null;
  toUnitId: number | null;
  summary: string;
}

function recordChange(ctx: HandlerContext, change: ChangeInput): void {
  const at = ctx.now();
  const dueDay = ctx.policy.reporting.managerChangeDueDay;
  ctx.db
    .prepare(
      `INSERT INTO manager_changes (manager_id, kind, effective_on, recorded_at, due_on, late, from_unit_id, to_unit_id, summary)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      change.managerId,
      change.kind,
      change.effectiveOn,
      localDateTime(at),
      managerChangeDueDate(change.effectiveOn, dueDay),
      isLateManagerChange(change.effectiveOn, localDate(at), dueDay) ? 1 : 0,
      change.fromUnitId,
      change.toUnitId,
      change.summary,
    );
}

function activeManager(db: Database, id: number): Manager {
  const m = getManager(db, id);
  if (!m.active)
    throw new AppError(
      'CONFLICT',
      { zh: `${m.name} 已于 ${m.leftOn} 离岗`, en: `${m.name} left on ${m.leftOn}` },
      { managerId: id },
    );
  return m;
}

interface ChangeRow {
  id: number;
  manager_id: number;
  manager_name: string;
  kind: ManagerChangeKind;
  effective_on: string;
  recorded_at: string;
  due_on: string;
  late: number;
  from_unit_name: string | null;
  to_unit_name: string | null;
  summary: string;
}

function listChanges(db: Database, managerId: number | null, month: string | null): ManagerChange[] {
  const rows = db
    .prepare(
      `SELECT c.*, m.name AS manager_name, fu.name AS from_unit_name, tu.name AS to_unit_name
       FROM manager_changes c
       JOIN managers m ON m.id = c.manager_id
       LEFT JOIN units fu ON fu.id = c.from_unit_id
       LEFT JOIN units tu ON tu.id = c.to_unit_id
       WHERE (@managerId IS NULL OR c.manager_id = @managerId)
         AND (@month IS NULL OR substr(c.effective_on, 1, 7) = @month OR substr(c.recorded_at, 1, 7) = @month)
       ORDER BY c.recorded_at DESC, c.id DESC`,
    )
    .all({ managerId, month }) as ChangeRow[];
  return rows.map((r) => ({
    id: r.id,
    managerId: r.manager_id,
    managerName: r.manager_name,
    kind: r.kind,
    effectiveOn: r.effective_on,
    recordedAt: r.recorded_at,
    dueOn: r.due_on,
    late: r.late === 1,
    fromUnitName: r.from_unit_name,
    toUnitName: r.to_unit_name,
    summary: r.summary,
  }));
}

export const managerHandlers = defineHandlers({
  'managers/list': {
    kind: 'read',
    run: ({ unitId, includeInactive }, { db }) =>
      (
        db
          .prepare(
            `${MANAGER_SELECT}
             WHERE (@unitId IS NULL OR m.unit_id = @unitId) AND (@all = 1 OR m.left_on IS NULL)
             ORDER BY m.unit_id, m.id`,
          )
          .all({ unitId, all: includeInactive ? 1 : 0 }) as ManagerRow[]
      ).map(toManager),
  },
  'managers/register': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('manager', r.id) : null) },
    run: (input, ctx) => {
      const unit = getActiveUnitRow(ctx.db, input.unitId);
      const info = ctx.db
        .prepare('INSERT INTO managers (name, unit_id, post, employment, phone, started_on) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.name, unit.id, input.post, input.employment, input.phone ?? null, input.effectiveOn);
      const id = Number(info.lastInsertRowid);
      recordChange(ctx, {
        managerId: id,
        kind: 'register',
        effectiveOn: input.effectiveOn,
        fromUnitId: null,
        toUnitId: unit.id,
        summary: `登记 ${input.name}，${unit.name}，${MANAGER_POST_NAMES_ZH[input.post]}（${EMPLOYMENT_NAMES_ZH[input.employment]}）`,
      });
      return getManager(ctx.db, id);
    },
  },
  'managers/update': {
    kind: 'write',
    audit: { entity: (i) => entity('manager', i.id) },
    run: (input, ctx) => {
      const before = activeManager(ctx.db, input.id);
      const phone = input.phone ?? null;
      const diffs = [
        before.name !== input.name ? `姓名 ${before.name} → ${input.name}` : '',
        before.post !== input.post
          ? `岗位 ${MANAGER_POST_NAMES_ZH[before.post]} → ${MANAGER_POST_NAMES_ZH[input.post]}`
          : '',
        before.employment !== input.employment
          ? `${EMPLOYMENT_NAMES_ZH[before.employment]} → ${EMPLOYMENT_NAMES_ZH[input.employment]}`
          : '',
        before.phone !== phone ? `电话 ${before.phone ?? '无'} → ${phone ?? '无'}` : '',
      ].filter(Boolean);
      if (diffs.length === 0) return before;
      ctx.db
        .prepare('UPDATE managers SET name = ?, post = ?, employment = ?, phone = ? WHERE id = ?')
        .run(input.name, input.post, input.employment, phone, input.id);
      recordChange(ctx, {
        managerId: input.id,
        kind: 'edit',
        effectiveOn: input.effectiveOn,
        fromUnitId: before.unitId,
        toUnitId: before.unitId,
        summary: diffs.join('；'),
      });
      return getManager(ctx.db, input.id);
    },
  },
  'managers/move': {
    kind: 'write',
    audit: { entity: (i) => entity('manager', i.id) },
    run: ({ id, toUnitId, effectiveOn }, ctx) => {
      const before = activeManager(ctx.db, id);
      if (effectiveOn < before.startedOn) {
        throw new AppError(
          'VALIDATION',
          {
            zh: `调动日期不能早于到岗日期 ${before.startedOn}`,
            en: `The move cannot be dated before the start date ${before.startedOn}`,
          },
          {
            issues: [
              {
                path: 'effectiveOn',
                message: `不能早于到岗日期 ${before.startedOn}`,
                messageEn: `Cannot be before the start date ${before.startedOn}`,
              },
            ],
          },
        );
      }
      if (before.unitId === toUnitId)
        throw new AppError('CONFLICT', {
          zh: `${before.name} 已在${before.unitName}`,
          en: `${before.name} is already in ${before.unitName}`,
        });
      const to = getActiveUnitRow(ctx.db, toUnitId);
      ctx.db.prepare('UPDATE managers SET unit_id = ? WHERE id = ?').run(to.id, id);
      recordChange(ctx, {
        managerId: id,
        kind: 'move',
        effectiveOn,
        fromUnitId: before.unitId,
        toUnitId: to.id,
        summary: `${before.name} 由${before.unitName}调往${to.name}`,
      });
      return getManager(ctx.db, id);
    },
  },
  'managers/leave': {
    kind: 'write',
    audit: { entity: (i) => entity('manager', i.id) },
    run: ({ id, effectiveOn, reason, reassignToManagerId }, ctx) => {
      const before = activeManager(ctx.db, id);
      if (effectiveOn < before.startedOn) {
        throw new AppError(
          'VALIDATION',
          {
            zh: `离岗日期不能早于到岗日期 ${before.startedOn}`,
            en: `The leaving date cannot be before the start date ${before.startedOn}`,
          },
          {
            issues: [
              {
                path: 'effectiveOn',
                message: `不能早于到岗日期 ${before.startedOn}`,
                messageEn: `Cannot be before the start date ${before.startedOn}`,
              },
            ],
          },
        );
      }
      // R20: the leaver's customers go to their successor in the same transaction (all or nothing).
      if (reassignToManagerId !== null)
        reassignManager(ctx, id, reassignToManagerId, effectiveOn, `${before.name} 离岗：${reason}`);
      ctx.db.prepare('UPDATE managers SET left_on = ? WHERE id = ?').run(effectiveOn, id);
      recordChange(ctx, {
        managerId: id,
        kind: 'leave',
        effectiveOn,
        fromUnitId: before.unitId,
        toUnitId: null,
        summary: `${before.name} 离岗：${reason}`,
      });
      return getManager(ctx.db, id);
    },
  },
  'managers/changes': {
    kind: 'read',
    run: ({ managerId, month }, { db }) => listChanges(db, managerId, month),
  },
});
