import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { Manager, Unit } from '../../../shared/api/types';
import type { Employment, ManagerPost, UnitKind } from '../../../shared/domain/organisation';

export interface UnitRow {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parent_id: number | null;
  area_code: string | null;
  min_managers: number;
  retired_on: string | null;
  created_at: string;
}

export function toUnit(r: UnitRow): Unit {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    parentId: r.parent_id,
    areaCode: r.area_code,
    minManagers: r.min_managers,
    retiredOn: r.retired_on,
    createdAt: r.created_at,
  };
}

export function getUnitRow(db: Database, id: number): UnitRow {
  const row = db.prepare('SELECT * FROM units WHERE id = ?').get(id) as UnitRow | undefined;
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      { zh: `找不到单位（编号 ${id}）`, en: `Unit (no. ${id}) not found` },
      { unitId: id },
    );
  return row;
}

/** A unit that takes new managers or customers must not be retired. */
export function getActiveUnitRow(db: Database, id: number): UnitRow {
  const row = getUnitRow(db, id);
  if (row.retired_on !== null) {
    throw new AppError(
      'CONFLICT',
      {
        zh: `单位“${row.name}”已于 ${row.retired_on} 撤销，不能再分配人员或客户`,
        en: `Unit “${row.name}” was retired on ${row.retired_on}; no managers or customers can be assigned to it`,
      },
      {
        unitId: id,
      },
    );
  }
  return row;
}

export interface ManagerRow {
  id: number;
  name: string;
  unit_id: number;
  unit_name: string;
  post: ManagerPost;
  employment: Employment;
  phone: string | null;
  started_on: string;
  left_on: string | null;
}

export const MANAGER_SELECT = `SELECT m.*, u.name AS unit_name FROM managers m JOIN units u ON u.id = m.unit_id`;

export function toManager(r: ManagerRow): Manager {
  return {
    id: r.id,
    name: r.name,
    unitId: r.unit_id,
    unitName: r.unit_name,
    post: r.post,
    employment: r.employment,
    phone: r.phone,
    active: r.left_on === null,
    startedOn: r.started_on,
    leftOn: r.left_on,
  };
}

export function getManager(db: Database, id: number): Manager {
  const row = db.prepare(`${MANAGER_SELECT} WHERE m.id = ?`).get(id) as ManagerRow | undefined;
  if (!row)
    throw new AppError(
      'NOT_FOUND',
      { zh: `找不到客户经理（编号 ${id}）`, en: `Account manager (no. ${id}) not found` },
      { managerId: id },
    );
  return toManager(row);
}
