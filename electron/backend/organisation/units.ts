/**
 * R2–R4: the unit tree — add, rename, retire (history kept), reinstate — with R4 staffing (the
 * city centre's establishment, other units' minimums and gaps) and the R15 lines each unit owns.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { UnitView } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import { LINE_NAMES_ZH } from '../../../shared/domain/lines';
import { type ManagerPost, staffingOf, UNIT_KIND_NAMES_ZH } from '../../../shared/domain/organisation';
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';
import { lineBureauHandlers, linesByUnit } from './line-bureaus';
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
  // R4: who is in post today, by unit and post (the city centre's establishment counts every post).
  const inPost = new Map<number, Partial<Record<ManagerPost, number>>>();
  for (const [unitId, post, n] of db
    .prepare(
      `SELECT unit_id, post, count(*) FROM managers
       WHERE started_on <= ? AND (left_on IS NULL OR left_on > ?) GROUP BY unit_id, post`,
    )
    .raw()
    .all(today, today) as [number, ManagerPost, number][]) {
    inPost.set(unitId, { ...inPost.get(unitId), [post]: n });
  }
  const lines = linesByUnit(db);
  return rows.map((r) => {
    const staffing = staffingOf(
      { kind: r.kind, minManagers: r.min_managers, retired: r.retired_on !== null },
      inPost.get(r.id) ?? {},
    );
    return {
      ...toUnit(r),
      parentName: r.parent_name,
      accountManagers: r.account_managers,
      staffingGap: staffing.mode === 'minimum' ? staffing.gap : 0,
      staffing,
      lines: lines.get(r.id) ?? [],
      customerCount: r.customer_count,
    };
  });
}

export const unitHandlers = defineHandlers({
  ...lineBureauHandlers,
  'units/list': {
    kind: 'read',
    run: (input, ctx) => listUnits(ctx.db, input.includeRetired, localDate(ctx.now())),
  },
  'units/create': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('unit', r.id) : null) },
    run: (input, { db, now, policy }) => {
      if (db.prepare('SELECT 1 FROM units WHERE code = ?').get(input.code)) {
        throw new AppError(
          'CONFLICT',
          { zh: `单位代码 ${input.code} 已被使用`, en: `Unit code ${input.code} is already in use` },
          { field: 'code' },
        );
      }
      if (input.parentId !== null) {
        const parent = getUnitRow(db, input.parentId);
        if (parent.retired_on !== null) {
          throw new AppError(
            'CONFLICT',
            { zh: `上级单位“${parent.name}”已撤销`, en: `The parent unit “${parent.name}” is retired` },
            { field: 'parentId' },
          );
        }
      } else if (input.kind !== 'province') {
        throw new AppError(
          'VALIDATION',
          {
            zh: `${UNIT_KIND_NAMES_ZH[input.kind]}必须有上级单位`,
            en: `A unit of this kind (${input.kind}) needs a parent unit`,
          },
          {
            issues: [{ path: 'parentId', message: '请选择上级单位', messageEn: 'Choose a parent unit' }],
          },
        );
      }
      if (input.areaCode !== null && !db.prepare('SELECT 1 FROM area_codes WHERE code = ?').get(input.areaCode)) {
        throw new AppError(
          'VALIDATION',
          {
            zh: `区划代码 ${input.areaCode} 不在区划代码表中`,
            en: `Area code ${input.areaCode} is not in the area code table`,
          },
          {
            issues: [
              {
                path: 'areaCode',
                message: '区划代码不在代码表中，请先在“区划代码”中添加',
                messageEn: 'Not in the area code table; add it under Area codes first',
              },
            ],
          },
        );
      }
      const info = db
        .prepare(
          `INSERT INTO units (code, name, kind, parent_id, area_code, min_managers, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.code,
          input.name,
          input.kind,
          input.parentId,
          input.areaCode,
          input.minManagers ?? policy.organisation.minAccountManagers[input.kind],
          now().toISOString(),
        );
      return toUnit(getUnitRow(db, Number(info.lastInsertRowid)));
    },
  },
  'units/rename': {
    kind: 'write',
    audit: { entity: (i) => entity('unit', i.id) },
    run: ({ id, name }, { db }) => {
      getUnitRow(db, id);
      db.prepare('UPDATE units SET name = ? WHERE id = ?').run(name, id);
      return toUnit(getUnitRow(db, id));
    },
  },
  'units/set-minimum': {
    kind: 'write',
    audit: { entity: (i) => entity('unit', i.id) },
    run: ({ id, minManagers }, { db }) => {
      getUnitRow(db, id);
      db.prepare('UPDATE units SET min_managers = ? WHERE id = ?').run(minManagers, id);
      return toUnit(getUnitRow(db, id));
    },
  },
  'units/retire': {
    kind: 'write',
    audit: { entity: (i) => entity('unit', i.id) },
    run: ({ id, retiredOn }, { db }) => {
      const unit = getUnitRow(db, id);
      if (unit.retired_on !== null)
        throw new AppError('CONFLICT', {
          zh: `单位“${unit.name}”已于 ${unit.retired_on} 撤销`,
          en: `Unit “${unit.name}” was retired on ${unit.retired_on}`,
        });
      if (unit.kind === 'province' || unit.kind === 'centre') {
        throw new AppError('CONFLICT', {
          zh: `“${unit.name}”是省、市大客户中心，不能撤销`,
          en: `“${unit.name}” is a province or city key-account centre and cannot be retired`,
        });
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
        const partsEn = [
          managers > 0 ? `${managers} active account manager(s)` : '',
          customers > 0 ? `${customers} customer(s)` : '',
          children > 0 ? `${children} sub-unit(s)` : '',
        ].filter(Boolean);
        throw new AppError(
          'CONFLICT',
          {
            zh: `单位“${unit.name}”仍有${parts.join('、')}，请先调出或撤销后再撤销本单位`,
            en: `Unit “${unit.name}” still has ${partsEn.join(', ')}; move or retire them before retiring the unit`,
          },
          {
            managers,
            customers,
            children,
          },
        );
      }
      // R15: a retired bureau must not keep lines (their customers would silently fall to the city
      // centre); the officer gives them to another bureau, or clears them, first.
      const owned = linesByUnit(db).get(id) ?? [];
      if (owned.length > 0) {
        const names = owned.map((l) => LINE_NAMES_ZH[l]).join('、');
        throw new AppError(
          'CONFLICT',
          {
            zh: `“${unit.name}”仍负责${names}业务（R15），请先在“业务种类归属专业局”表中改由其他专业局负责或清空，再撤销本单位`,
            en: `“${unit.name}” still runs the ${owned.join(', ')} line(s) (R15); give them to another bureau or clear them in the line → bureau table, then retire the unit`,
          },
          { lines: owned },
        );
      }
      db.prepare('UPDATE units SET retired_on = ? WHERE id = ?').run(retiredOn, id);
      return toUnit(getUnitRow(db, id));
    },
  },
  'units/reinstate': {
    kind: 'write',
    audit: { entity: (i) => entity('unit', i.id) },
    run: ({ id }, { db }) => {
      const unit = getUnitRow(db, id);
      if (unit.retired_on === null)
        throw new AppError('CONFLICT', { zh: `单位“${unit.name}”未撤销`, en: `Unit “${unit.name}” is not retired` });
      if (unit.parent_id !== null && getUnitRow(db, unit.parent_id).retired_on !== null) {
        throw new AppError('CONFLICT', {
          zh: '上级单位已撤销，请先恢复上级单位',
          en: 'The parent unit is retired; reinstate the parent unit first',
        });
      }
      db.prepare('UPDATE units SET retired_on = NULL WHERE id = ?').run(id);
      return toUnit(getUnitRow(db, id));
    },
  },
});
