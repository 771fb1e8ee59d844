/**
 * Whose table an export is: the whole city, or one unit with every unit under it (a county
 * bureau's table includes its branch offices' customers). A customer belongs to the unit that
 * holds its record (`customers.unit_id`).
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';

export interface ExportScope {
  /** Null for the city as a whole. */
  unit: { id: number; code: string; name: string } | null;
  /** The unit and the units under it; null for the city. */
  unitIds: ReadonlySet<number> | null;
  /** The city centre's name, which files every table. */
  centreName: string;
}

export function resolveScope(db: Database, unitCode: string | null): ExportScope {
  const centre = db.prepare("SELECT name FROM units WHERE kind = 'centre' ORDER BY id LIMIT 1").get() as
    | { name: string }
    | undefined;
  const centreName = centre?.name ?? '市局大客户中心';
  if (unitCode === null) return { unit: null, unitIds: null, centreName };
  const unit = db.prepare('SELECT id, code, name FROM units WHERE code = ?').get(unitCode) as
    | { id: number; code: string; name: string }
    | undefined;
  if (!unit) {
    throw new AppError(
      'NOT_FOUND',
      {
        zh: `找不到代码为“${unitCode}”的单位（可在“单位”设置或 kam units list 中查看单位代码）`,
        en: `No unit has the code “${unitCode}” (unit codes are listed under Settings → Units or by kam units list)`,
      },
      {
        unitCode,
      },
    );
  }
  const ids = db
    .prepare(
      `WITH RECURSIVE tree(id) AS (
         SELECT id FROM units WHERE id = ?
         UNION SELECT u.id FROM units u JOIN tree t ON u.parent_id = t.id)
       SELECT id FROM tree`,
    )
    .raw()
    .all(unit.id) as [number][];
  return { unit, unitIds: new Set(ids.map((r) => r[0])), centreName };
}
