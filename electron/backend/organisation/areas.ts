/** R3: the GB/T 2260 code table, data the officer edits. */

import type { Database } from 'better-sqlite3';
import type { AreaCode } from '../../../shared/api/types';
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';

function getArea(db: Database, code: string): AreaCode {
  const row = db
    .prepare(
      `SELECT a.code, a.name, a.urban, (SELECT count(*) FROM customers c WHERE c.area_code = a.code) AS customerCount
       FROM area_codes a WHERE a.code = ?`,
    )
    .get(code) as (Omit<AreaCode, 'urban'> & { urban: number }) | undefined;
  if (!row) throw new Error(`area ${code} vanished`);
  return { ...row, urban: row.urban === 1 };
}

export const areaHandlers = defineHandlers({
  'areas/list': {
    kind: 'read',
    run: (_input, { db }) =>
      (
        db
          .prepare(
            `SELECT a.code, a.name, a.urban, count(c.id) AS customerCount
             FROM area_codes a LEFT JOIN customers c ON c.area_code = a.code
             GROUP BY a.code ORDER BY a.code`,
          )
          .all() as (Omit<AreaCode, 'urban'> & { urban: number })[]
      ).map((r) => ({ ...r, urban: r.urban === 1 })),
  },
  'areas/upsert': {
    kind: 'write',
    audit: { entity: (i) => entity('area', i.code) },
    run: ({ code, name, urban }, { db }) => {
      db.prepare(
        'INSERT INTO area_codes (code, name, urban) VALUES (?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name, urban = excluded.urban',
      ).run(code, name, urban ? 1 : 0);
      return getArea(db, code);
    },
  },
});
