/**
 * R15: the line → professional bureau table. Each product line belongs to at most one active
 * professional bureau, one bureau may own several lines; a line without a bureau sends its
 * professional customers to the city centre, and the explanation says so. The table is the one
 * owner of the fact (docs/DOMAIN-DECISIONS.md).
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { LineBureauView } from '../../../shared/api/types';
import type { ExplanationStep } from '../../../shared/domain/evaluation';
import { PRODUCT_LINES, type ProductLine } from '../../../shared/domain/lines';
import { lineOwnerText, type UnitKind } from '../../../shared/domain/organisation';
import type { ResponsibleRole } from '../../../shared/domain/policy/policy';
import { isFallbackUnit, responsibleUnitNote } from '../../../shared/domain/scope';
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';
import { getUnitRow } from './rows';

/**
 * Line → bureau id for a tiering run. Only active professional bureaus count: retiring a bureau
 * that owns lines is refused (units/retire), so this is a guard, not a rule.
 */
export function lineBureauMap(db: Database): Map<string, number> {
  return new Map(
    db
      .prepare(
        `SELECT b.line, b.unit_id FROM line_bureaus b JOIN units u ON u.id = b.unit_id
         WHERE u.kind = 'professional' AND u.retired_on IS NULL`,
      )
      .raw()
      .all() as [string, number][],
  );
}

/** The lines each unit owns, in R1 order. */
export function linesByUnit(db: Database): Map<number, ProductLine[]> {
  const owned = new Map(
    (db.prepare('SELECT line, unit_id FROM line_bureaus').raw().all() as [ProductLine, number][]).map(([l, u]) => [
      l,
      u,
    ]),
  );
  const out = new Map<number, ProductLine[]>();
  for (const line of PRODUCT_LINES) {
    const unit = owned.get(line);
    if (unit === undefined) continue;
    out.set(unit, [...(out.get(unit) ?? []), line]);
  }
  return out;
}

export function listLineBureaus(db: Database): LineBureauView[] {
  const rows = new Map(
    (
      db
        .prepare('SELECT b.line, b.unit_id, u.name, b.updated_at FROM line_bureaus b JOIN units u ON u.id = b.unit_id')
        .raw()
        .all() as [ProductLine, number, string, string][]
    ).map((r) => [r[0], r]),
  );
  return PRODUCT_LINES.map((line) => {
    const r = rows.get(line);
    return { line, unitId: r?.[1] ?? null, unitName: r?.[2] ?? null, updatedAt: r?.[3] ?? null };
  });
}

/**
 * The stored result keeps the unit, not how it was found: the R15 step of a rebuilt explanation
 * gets the unit's name and, when the city centre stood in, the reason.
 */
export function withResponsibleUnit(
  db: Database,
  runId: number,
  customerId: string,
  steps: ExplanationStep[],
): ExplanationStep[] {
  const r = db
    .prepare(
      `SELECT r.responsible_role AS role, r.main_line AS line, u.name, u.kind FROM tier_results r
       JOIN units u ON u.id = r.responsible_unit_id WHERE r.run_id = ? AND r.customer_id = ?`,
    )
    .get(runId, customerId) as
    | { role: ResponsibleRole | null; line: ProductLine | null; name: string; kind: UnitKind }
    | undefined;
  const role = r?.role;
  if (!r || !role) return steps;
  const note = responsibleUnitNote({
    role,
    mainLine: r.line,
    unitName: r.name,
    fallback: isFallbackUnit(role, r.kind),
  });
  return steps.map((s) => (s.rule === 'R15' ? { ...s, text: `${s.text}${note}` } : s));
}

export const lineBureauHandlers = defineHandlers({
  'units/line-bureaus': {
    kind: 'read',
    run: (_input, { db }) => listLineBureaus(db),
  },
  'units/set-line-bureau': {
    kind: 'write',
    audit: { entity: (i) => entity('line-bureau', i.line) },
    run: ({ line, unitId }, { db, now }) => {
      if (unitId === null) {
        db.prepare('DELETE FROM line_bureaus WHERE line = ?').run(line);
      } else {
        const unit = getUnitRow(db, unitId);
        const problem = lineOwnerText({ name: unit.name, kind: unit.kind, retiredOn: unit.retired_on });
        if (problem) {
          throw new AppError('VALIDATION', problem, {
            issues: [{ path: 'unitId', message: problem.zh, messageEn: problem.en }],
          });
        }
        db.prepare(
          `INSERT INTO line_bureaus (line, unit_id, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (line) DO UPDATE SET unit_id = excluded.unit_id, updated_at = excluded.updated_at`,
        ).run(line, unitId, now().toISOString());
      }
      return listLineBureaus(db);
    },
  },
});
