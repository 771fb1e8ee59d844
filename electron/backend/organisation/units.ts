/** R2–R4: the unit tree — add, rename, retire (history kept), reinstate, and R4 staffing gaps. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { UnitView } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import { UNIT_KIND_NAMES_ZH } from '../../../shared/domain/organisation';
import { defineHandlers } from '../registry';
import { getUnitRow, toUnit, type UnitRow } from './rows';

function listUnits(db: Database, includeRetired: boolean, today: string): UnitView[] {
  // Account managers count toward R4 minimums; only those in post today.
  const rows = db
    .prepare(
      `SELECT u.*, p.name AS parent_name,
         (SELECT count(*) FROM managers m WHERE m.unit_id = u.id AND m.post = 'account_manager'
            AND m.started_on <= @today AND (m.left_on IS NULL OR m.left_on > @today)) AS account_managers,
         (SELECT count(*) FROM customers c WHERE c.unit_id = u.id) AS customer_count
       FROM units u LEFT JOIN units p ON p.id = u.parent_id
       WHERE @includeRetired = 1 OR u.retired_on IS NULL
       ORDER BY u.id`,
    )
    .all({ includeRetired: includeRetired ? 1 : 0, today }) as (UnitRow & {
    parent_name: string | null;
    account_managers: number;
    customer_count: number;
  })[];
  return rows.map((r) => ({
    ...toUnit(r),
    parentName: r.parent_name,
    accountManagers: r.account_managers,
    staffingGap: r.retired_on === null ? Math.max(0, r.min_managers - r.account_managers) : 0,
    customerCount: r.customer_count,
  }));
}

export const unitHandlers = defineHandlers({
  'units/list': {
    kind: 'read',
    run: (input, ctx) => listUnits(ctx.db, input.includeRetired, localDate(ctx.now())),
  },
  'units/create': {
    kind: 'write',
    run: (input, { db, now, policy }) => {
      if (db.prepare('SELECT 1 FROM units WHERE code = ?').get(input.code)) {
        throw new AppError('CONFLICT', `单位代码 ${input.code} 已被使用`, { field: 'code' });
      }
      if (input.parentId !== null) {
        const parent = getUnitRow(db, input.parentId);
        if (parent.retired_on !== null) {
          throw new AppError('CONFLICT', `上级单位“${parent.name}”已撤销`, { field: 'parentId' });
        }
      } else if (input.kind !== 'province') {
        throw new AppError('VALIDATION', `${UNIT_KIND_NAMES_ZH[input.kind]}必须有上级单位`, {
          issues: [{ path: 'parentId', message: '请选择上级单位' }],
        });
      }
      if (input.areaCode !== null && !db.prepare('SELECT 1 FROM area_codes WHERE code = ?').get(input.areaCode)) {
        throw new AppError('VALIDATION', `区划代码 ${input.areaCode} 不在区划代码表中`, {
          issues: [{ path: 'areaCode', message: '区划代码不在代码表中，请先在“区划代码”中添加' }],
        });
      }
      const info = db
        .prepare(
          `INSERT INTO units (code, name, kind, parent_id, area_code, main_line, min_managers, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.code,
          input.name,
          input.kind,
          input.parentId,
          input.areaCode,
          input.kind === 'professional' ? input.mainLine : null,
          input.minManagers ?? policy.organisation.minAccountManagers[input.kind],
          now().toISOString(),
        );
      return toUnit(getUnitRow(db, Number(info.lastInsertRowid)));
    },
  },
  'units/rename': {
    kind: 'write',
    run: ({ id, name }, { db }) => {
      getUnitRow(db, id);
      db.prepare('UPDATE units SET name = ? WHERE id = ?').run(name, id);
      return toUnit(getUnitRow(db, id));
    },
  },
  'units/set-minimum': {
    kind: 'write',
    run: ({ id, minManagers }, { db }) => {
      getUnitRow(db, id);
      db.prepare('UPDATE units SET min_managers = ? WHERE id = ?').run(minManagers, id);
      return toUnit(getUnitRow(db, id));
    },
  },
  'units/retire': {
    kind: 'write',
    run: ({ id, retiredOn }, { db }) => {
      const unit = getUnitRow(db, id);
      if (unit.retired_on !== null) throw new AppError('CONFLICT', `单位“${unit.name}”已于 ${unit.retired_on} 撤销`);
      if (unit.kind === 'province' || unit.kind === 'centre') {
        throw new AppError('CONFLICT', `“${unit.name}”是省、市大客户中心，不能撤销`);
      }
      const count = (sql: string) => (db.prepare(sql).get(id) as { n: number }).n;
      const managers = count('SELECT count(*) AS n FROM managers WHERE unit_id = ? AND left_on IS NULL');
      const customers = count('SELECT count(*) AS n FROM customers WHERE unit_id = ?');
      const children = count('SELECT count(*) AS n FROM units WHERE parent_id = ? AND retired_on IS NULL');
      if (managers + customers + children > 0) {
        const parts = [
          managers > 0 ? `${managers} 名在岗客户经理` : '',
          customers > 0 ? `${customers} 个客户` : '',
          children > 0 ? `${children} 个下级单位` : '',
        ].filter(Boolean);
        throw new AppError('CONFLICT', `单位“${unit.name}”仍有${parts.join('、')}，请先调出或撤销后再撤销本单位`, {
          managers,
          customers,
          children,
        });
      }
      db.prepare('UPDATE units SET retired_on = ? WHERE id = ?').run(retiredOn, id);
      return toUnit(getUnitRow(db, id));
    },
  },
  'units/reinstate': {
    kind: 'write',
    run: ({ id }, { db }) => {
      const unit = getUnitRow(db, id);
      if (unit.retired_on === null) throw new AppError('CONFLICT', `单位“${unit.name}”未撤销`);
      if (unit.parent_id !== null && getUnitRow(db, unit.parent_id).retired_on !== null) {
        throw new AppError('CONFLICT', `上级单位已撤销，请先恢复上级单位`);
      }
      db.prepare('UPDATE units SET retired_on = NULL WHERE id = ?').run(id);
      return toUnit(getUnitRow(db, id));
    },
  },
});
