/** R34 channels: the month's scorecards, the records behind a number, the workbook, the targets. */
import { AppError } from '../../../shared/api/errors';
import type { ScorecardTargetView } from '../../../shared/api/types-scorecards';
import { bi } from '../../../shared/domain/bilingual';
import { lastDayOf } from '../../../shared/domain/periods';
import { entity } from '../audit/entities';
import { readAuditHead } from '../db/audit';
import { saveWorkbook } from '../exports/save';
import { defineHandlers } from '../registry';
import { scorecardRecords, scorecards } from './scorecards';
import { scorecardFileName, scorecardWorkbook } from './workbook';

function targets(db: import('better-sqlite3').Database, year: number, managerId: number | null): ScorecardTargetView[] {
  return (
    db
      .prepare(
        `SELECT m.id, m.name, u.code, u.name AS unit_name, t.revenue_target_fen FROM managers m
         JOIN units u ON u.id = m.unit_id
         LEFT JOIN scorecard_targets t ON t.manager_id = m.id AND t.year = @year
         WHERE m.post = 'account_manager' AND (@managerId IS NULL OR m.id = @managerId)
           AND (m.left_on IS NULL OR m.left_on >= @yearStart OR t.manager_id IS NOT NULL)
         ORDER BY u.code, m.id`,
      )
      .all({ year, managerId, yearStart: `${year}-01-01` }) as {
      id: number;
      name: string;
      code: string;
      unit_name: string;
      revenue_target_fen: number | null;
    }[]
  ).map((r) => ({
    managerId: r.id,
    managerName: r.name,
    unit: r.code,
    unitName: r.unit_name,
    year,
    revenueTargetFen: r.revenue_target_fen,
  }));
}

export const scorecardHandlers = defineHandlers({
  'scorecards/list': {
    kind: 'read',
    run: ({ period, unitCode }, { db, policies }) =>
      scorecards(db, period, policies.forDate(lastDayOf(period)), unitCode),
  },
  'scorecards/records': {
    kind: 'read',
    run: ({ period, managerId, unitCode, part }, { db, policies }) =>
      scorecardRecords(db, period, policies.forDate(lastDayOf(period)), { managerId, unitCode }, part),
  },
  'scorecards/export': {
    kind: 'read',
    run: ({ period, unitCode, path }, { db, policies, now, databasePath }) => {
      const view = scorecards(db, period, policies.forDate(lastDayOf(period)), unitCode);
      const bytes = scorecardWorkbook(view, now(), readAuditHead(db));
      const written = path === null ? null : saveWorkbook(path, bytes, databasePath);
      return {
        period,
        fileName: scorecardFileName(period, unitCode),
        size: bytes.length,
        path: written,
        base64: written === null ? bytes.toString('base64') : null,
      };
    },
  },
  'scorecards/targets': { kind: 'read', run: ({ year }, { db }) => targets(db, year, null) },
  'scorecards/set-target': {
    kind: 'write',
    audit: { entity: (i) => entity('scorecard-target', `${i.managerId}:${i.year}`) },
    run: ({ managerId, year, revenueTargetFen }, ctx) => {
      const post = ctx.db.prepare('SELECT post FROM managers WHERE id = ?').pluck().get(managerId) as
        | string
        | undefined;
      if (post === undefined)
        throw new AppError('NOT_FOUND', bi(`找不到客户经理 #${managerId}`, `No manager #${managerId}`));
      if (post !== 'account_manager')
        throw new AppError('VALIDATION', bi('只有大客户经理有收入目标', 'Only account managers have a revenue target'));
      if (revenueTargetFen === null)
        ctx.db.prepare('DELETE FROM scorecard_targets WHERE manager_id = ? AND year = ?').run(managerId, year);
      else
        ctx.db
          .prepare(
            `INSERT INTO scorecard_targets (manager_id, year, revenue_target_fen, updated_at, updated_by)
             VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (manager_id, year) DO UPDATE SET revenue_target_fen = excluded.revenue_target_fen,
               updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
          )
          .run(managerId, year, revenueTargetFen, ctx.now().toISOString(), ctx.actor);
      return targets(ctx.db, year, managerId)[0] as ScorecardTargetView;
    },
  },
});
