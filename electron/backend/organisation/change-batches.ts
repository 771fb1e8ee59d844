/**
 * R30: a unit's 客户经理变动 sheet applied to the account-manager register (附件4) as one batch:
 * previewed (nothing written; every problem named by sheet, row and column; each change's due date
 * and lateness shown as of today), committed in one transaction (each row a manager_changes record,
 * late when recorded after its due date — DOMAIN-DECISIONS "R30 lateness"), and undone while nothing
 * recorded later depends on it. The file goes through the imports' guard and parse worker.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  LateManagerChangeRow,
  ManagerChangePreview,
  ManagerChangeRowView,
} from '../../../shared/api/types-archives';
import { bi } from '../../../shared/domain/bilingual';
import { isLateManagerChange, localDate, managerChangeDueDate } from '../../../shared/domain/dates';
import type { ImportIssue } from '../../../shared/domain/imports/revenue-sheet';
import {
  findManagerChangeHeader,
  MANAGER_CHANGE_KIND_NAMES_ZH,
  MANAGER_CHANGE_SHEET,
  type ManagerChangeRow,
  missingManagerChangeHeader,
  readManagerChangeSheet,
} from '../../../shared/domain/managers/change-sheet';
import { entity } from '../audit/entities';
import type { HandlerContext } from '../context';
import { readImportFile } from '../imports/import-file';
import { parseSpreadsheet } from '../imports/parse';
import { defineHandlers } from '../registry';
import {
  applyManagerChanges,
  type BatchRow,
  batchRow,
  managerChangeLookups,
  managerChangeUndoCheck,
  type Planned,
  planManagerChanges,
  toBatch,
  undoManagerChanges,
} from './change-register';

const STAGED_MS = 60 * 60 * 1000;

interface Staged {
  fileName: string;
  sha256: string;
  rows: ManagerChangeRow[];
  errorRows: number;
  at: number;
}

const staging = new WeakMap<Database, Map<string, Staged>>();
function stagedOf(db: Database): Map<string, Staged> {
  let map = staging.get(db);
  if (!map) {
    map = new Map();
    staging.set(db, map);
  }
  return map;
}

const rowView = (p: Planned, today: string, dueDay: number): ManagerChangeRowView => ({
  sheet: p.row.sheet,
  row: p.row.row,
  kind: p.row.kind,
  unitName: p.row.unitName,
  name: p.row.name,
  effectiveOn: p.row.effectiveOn,
  dueOn: managerChangeDueDate(p.row.effectiveOn, dueDay),
  late: isLateManagerChange(p.row.effectiveOn, today, dueDay),
  summary: `${MANAGER_CHANGE_KIND_NAMES_ZH[p.row.kind]}：${p.summary}`,
});

async function preview(path: string, ctx: HandlerContext): Promise<ManagerChangePreview> {
  const { buf, sha256 } = await readImportFile(path);
  const fileName = basename(path);
  const parsed = await parseSpreadsheet(buf, fileName);
  if (!parsed.ok) throw new AppError('VALIDATION', bi(parsed.message, parsed.messageEn), { reason: parsed.reason });
  const sheets = parsed.workbook.sheets.filter((s) => !s.hidden);
  // The sheet named 客户经理变动 first (a unit's monthly template has several), then any with the header.
  sheets.sort((a, b) => Number(b.name === MANAGER_CHANGE_SHEET) - Number(a.name === MANAGER_CHANGE_SHEET));
  const issues: ImportIssue[] = [];
  let rows: ManagerChangeRow[] = [];
  let errorRows = 0;
  let used: string | null = null;
  const look = managerChangeLookups(ctx.db);
  for (const sheet of sheets) {
    const header = findManagerChangeHeader(sheet);
    if (!header) continue;
    if (sheet.truncated)
      throw new AppError(
        'VALIDATION',
        bi(`工作表“${sheet.name}”的行数超过上限`, `The sheet "${sheet.name}" has more rows than the limit`),
      );
    used = sheet.name;
    const reading = readManagerChangeSheet(sheet, header, look);
    issues.push(...reading.issues);
    rows = reading.rows;
    errorRows = reading.errorRows;
    break;
  }
  if (used === null) issues.push(missingManagerChangeHeader(sheets[0]?.name ?? MANAGER_CHANGE_SHEET));
  const checked = planManagerChanges(ctx.db, rows);
  issues.push(...checked.issues);
  errorRows += checked.errorRows;
  const token = randomUUID();
  const staged = stagedOf(ctx.db);
  const at = ctx.now().getTime();
  for (const [k, s] of staged) if (at - s.at > STAGED_MS) staged.delete(k);
  staged.set(token, { fileName, sha256, rows, errorRows, at });
  const today = localDate(ctx.now());
  const dueDay = ctx.policy.reporting.managerChangeDueDay;
  const views = checked.planned.map((p) => rowView(p, today, dueDay));
  issues.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return {
    token,
    fileName,
    sheet: used,
    asOf: today,
    counts: {
      ready: views.length,
      errorRows,
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
      late: views.filter((v) => v.late).length,
    },
    issues: issues.slice(0, 1000),
    rows: views.slice(0, 500),
  };
}

export function lateManagerChanges(db: Database, month: string | null): LateManagerChangeRow[] {
  return (
    db
      .prepare(
        `SELECT c.id, c.manager_id, m.name AS manager_name, c.kind, c.effective_on, c.due_on, c.recorded_at, c.summary
         FROM manager_changes c JOIN managers m ON m.id = c.manager_id
         WHERE c.late = 1 AND (@month IS NULL OR substr(c.due_on, 1, 7) = @month)
         ORDER BY c.due_on DESC, c.id DESC`,
      )
      .all({ month }) as {
      id: number;
      manager_id: number;
      manager_name: string;
      kind: string;
      effective_on: string;
      due_on: string;
      recorded_at: string;
      summary: string;
    }[]
  ).map((r) => ({
    id: r.id,
    managerId: r.manager_id,
    managerName: r.manager_name,
    kind: r.kind,
    effectiveOn: r.effective_on,
    dueOn: r.due_on,
    recordedAt: r.recorded_at,
    summary: r.summary,
  }));
}

export const managerChangeBatchHandlers = defineHandlers({
  'manager-changes/preview': {
    kind: 'read',
    run: ({ path }, ctx) => preview(path, ctx),
  },
  'manager-changes/commit': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('manager-change-batch', r.id) : null) },
    run: ({ token, excludeErrorRows }, ctx) => {
      const { db } = ctx;
      const staged = stagedOf(db).get(token);
      if (!staged)
        throw new AppError(
          'NOT_FOUND',
          bi(
            '预览已过期或不存在，请重新预览后再导入',
            'The preview has expired or does not exist: preview the file again',
          ),
        );
      if (staged.errorRows > 0 && !excludeErrorRows)
        throw new AppError(
          'VALIDATION',
          bi(
            `还有 ${staged.errorRows} 行有错误：请修正后重新导入，或选择“排除错误行”`,
            `${staged.errorRows} rows have errors: correct them, or choose to leave them out`,
          ),
          { errors: staged.errorRows },
        );
      const checked = planManagerChanges(db, staged.rows);
      if (checked.errorRows > 0 && !excludeErrorRows) {
        const first = checked.issues.find((i) => i.severity === 'error');
        throw new AppError(
          'CONFLICT',
          bi(
            `预览之后名册已有变化：${first?.message ?? ''}。请重新预览`,
            `The register changed after the preview: ${first?.messageEn ?? ''}. Preview again`,
          ),
          { issues: checked.issues.filter((i) => i.severity === 'error') },
        );
      }
      if (checked.planned.length === 0)
        throw new AppError('VALIDATION', bi('没有可登记的变动', 'There is no change to record'));
      const batchId = applyManagerChanges(db, checked.planned, {
        fileName: staged.fileName,
        sha256: staged.sha256,
        importBatchId: null,
        at: ctx.now(),
        actor: ctx.actor,
        dueDay: ctx.policy.reporting.managerChangeDueDay,
      });
      ctx.afterCommit(() => stagedOf(db).delete(token));
      return toBatch(batchRow(db, batchId));
    },
  },
  'manager-changes/undo-check': {
    kind: 'read',
    run: ({ batchId }, { db }) => managerChangeUndoCheck(db, batchId),
  },
  'manager-changes/undo': {
    kind: 'write',
    audit: { entity: (i) => entity('manager-change-batch', i.batchId) },
    run: ({ batchId }, ctx) => {
      const { db } = ctx;
      const check = managerChangeUndoCheck(db, batchId);
      if (!check.canUndo) throw new AppError('CONFLICT', bi(check.reason ?? '不能撤销', check.reason ?? 'Cannot undo'));
      undoManagerChanges(db, batchId, ctx.now().toISOString(), ctx.actor);
      return toBatch(batchRow(db, batchId));
    },
  },
  'manager-changes/batches': {
    kind: 'read',
    run: (_input, { db }) =>
      (db.prepare('SELECT * FROM manager_change_batches ORDER BY id DESC LIMIT 200').all() as BatchRow[]).map(toBatch),
  },
  'manager-changes/late': {
    kind: 'read',
    run: ({ month }, { db }) => lateManagerChanges(db, month),
  },
});
