/**
 * 客户名单导入 (DOMAIN-DECISIONS "Customer-list import"): a workbook of customers, previewed
 * (nothing written; every problem named by sheet, row and column; duplicates within the file and
 * against the database flagged), committed in one transaction with R16 IDs, and undone as a
 * batch while nothing refers to its customers yet. The file is read by the imports' own guard and
 * parse worker (imports/import-file.ts, imports/parse.ts); the rows by
 * shared/domain/imports/customer-list.ts.
 */
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import * as XLSX from 'xlsx';
import { AppError } from '../../../../shared/api/errors';
import type {
  CustomerImportBatchView,
  CustomerImportPreview,
  CustomerImportRowView,
  CustomerImportUndoView,
} from '../../../../shared/api/types';
import { bi } from '../../../../shared/domain/bilingual';
import {
  CUSTOMER_LIST_COLUMNS,
  CUSTOMER_LIST_SHEET,
  type CustomerListField,
  type CustomerListHeader,
  type CustomerListLookups,
  type CustomerListRow,
  findCustomerListHeader,
  missingHeaderIssue,
  readCustomerListSheet,
} from '../../../../shared/domain/imports/customer-list';
import type { ImportIssue } from '../../../../shared/domain/imports/revenue-sheet';
import { columnLetter } from '../../../../shared/domain/spreadsheet/cells';
import { entity } from '../../audit/entities';
import type { HandlerContext } from '../../context';
import { saveWorkbook } from '../../exports/save';
import { readImportFile } from '../../imports/import-file';
import { parseSpreadsheet } from '../../imports/parse';
import { defineHandlers } from '../../registry';
import { writeXlsx } from '../../xlsx/write';
import { insertCustomer } from '../handlers';
import { allocateHeadOfficeId } from '../ids';

type Columns = CustomerListHeader['columns'];

/** Rows shown in a preview; the counts cover them all. */
const SHOWN_ROWS = 500;
const SHOWN_ISSUES = 1000;
/** A preview waits this long for its commit. */
const STAGED_MS = 60 * 60 * 1000;

interface Staged {
  fileName: string;
  sha256: string;
  rows: CustomerListRow[];
  /** The sheet's header columns, to name the column of a problem found again at commit. */
  columns: Columns;
  /** Rows with an error (the sheet's or against the database): left out only if the officer says so. */
  errorRows: number;
  at: number;
}

/** Previews by token, per database (a test opens several). */
const staging = new WeakMap<Database, Map<string, Staged>>();
function stagedOf(db: Database): Map<string, Staged> {
  let map = staging.get(db);
  if (!map) {
    map = new Map();
    staging.set(db, map);
  }
  return map;
}

function lookups(db: Database): CustomerListLookups {
  const areas = db.prepare('SELECT code, name FROM area_codes').all() as { code: string; name: string }[];
  const areaByCode = new Map(areas.map((a) => [a.code, a]));
  const areaByName = new Map<string, { code: string; name: string }[]>();
  for (const a of areas) areaByName.set(a.name, [...(areaByName.get(a.name) ?? []), a]);
  const units = db.prepare('SELECT id, code, name, retired_on FROM units').all() as {
    id: number;
    code: string;
    name: string;
    retired_on: string | null;
  }[];
  return {
    area(text) {
      const code = /^(\d{6})(\s|$)/.exec(text)?.[1];
      if (code) return areaByCode.get(code) ?? null;
      const named = areaByName.get(text);
      return named?.length === 1 ? (named[0] ?? null) : null;
    },
    unit(text) {
      const u = units.find((x) => x.name === text) ?? units.find((x) => x.code === text);
      if (!u) return null;
      return u.retired_on === null ? { id: u.id, name: u.name } : 'retired';
    },
  };
}

/** R19 against the database: a registered credit code refuses the row, a registered name warns. */
function checkAgainstDatabase(
  db: Database,
  rows: CustomerListRow[],
  columns: Columns,
): { kept: CustomerListRow[]; issues: ImportIssue[] } {
  const columnOf = (field: CustomerListField) => {
    const c = columns[field];
    return c === undefined ? null : columnLetter(c);
  };
  const byCode = db.prepare('SELECT id, name FROM customers WHERE credit_code = ?');
  const byName = db.prepare('SELECT id, name FROM customers WHERE normalised_name = ? ORDER BY id LIMIT 1');
  const kept: CustomerListRow[] = [];
  const issues: ImportIssue[] = [];
  for (const r of rows) {
    if (r.creditCode !== null) {
      const hit = byCode.get(r.creditCode) as { id: string; name: string } | undefined;
      if (hit) {
        issues.push({
          sheet: r.sheet,
          row: r.row,
          column: columnOf('creditCode'),
          severity: 'error',
          message: `统一社会信用代码 ${r.creditCode} 已登记为客户“${hit.name}”（${hit.id}），同一法人不能重复登记`,
          messageEn: `Credit code ${r.creditCode} is already registered to customer "${hit.name}" (${hit.id}): a legal entity is registered once`,
        });
        continue;
      }
    }
    const same = byName.get(r.normalisedName) as { id: string; name: string } | undefined;
    if (same) {
      issues.push({
        sheet: r.sheet,
        row: r.row,
        column: columnOf('name'),
        severity: 'warning',
        message: `已有同名客户“${same.name}”（${same.id}），导入后将另行登记；如为同一客户请删去此行`,
        messageEn: `A customer named "${same.name}" (${same.id}) exists; this row would be registered separately: delete it if it is the same customer`,
      });
    }
    kept.push(r);
  }
  return { kept, issues };
}

async function preview(path: string, ctx: HandlerContext): Promise<CustomerImportPreview> {
  const { buf, sha256 } = await readImportFile(path);
  const fileName = basename(path);
  const parsed = await parseSpreadsheet(buf, fileName);
  if (!parsed.ok) throw new AppError('VALIDATION', bi(parsed.message, parsed.messageEn), { reason: parsed.reason });
  const sheets = parsed.workbook.sheets.filter((s) => !s.hidden);
  const issues: ImportIssue[] = [];
  const rows: CustomerListRow[] = [];
  let errorRows = 0;
  let used: string | null = null;
  let columns: Columns = {};
  const look = lookups(ctx.db);
  for (const sheet of sheets) {
    const header = findCustomerListHeader(sheet);
    if (!header) continue;
    if (sheet.truncated) {
      throw new AppError(
        'VALIDATION',
        bi(
          `工作表“${sheet.name}”的行数超过上限，请分成几个文件导入`,
          `The sheet “${sheet.name}” has more rows than the limit: split it into several files`,
        ),
      );
    }
    used = sheet.name;
    columns = header.columns;
    const reading = readCustomerListSheet(sheet, header, look);
    const db = checkAgainstDatabase(ctx.db, reading.rows, columns);
    issues.push(...reading.issues, ...db.issues);
    rows.push(...db.kept);
    errorRows += reading.errorRows + (reading.rows.length - db.kept.length);
    break;
  }
  if (used === null) {
    const first = sheets[0]?.name ?? CUSTOMER_LIST_SHEET;
    issues.push(missingHeaderIssue(first));
  }
  const token = randomUUID();
  const staged = stagedOf(ctx.db);
  const at = ctx.now().getTime();
  for (const [k, s] of staged) if (at - s.at > STAGED_MS) staged.delete(k);
  staged.set(token, { fileName, sha256, rows, columns, errorRows, at });
  const warned = new Set(issues.filter((i) => i.severity === 'warning').map((i) => `${i.sheet}|${i.row}`));
  const shown: CustomerImportRowView[] = rows.slice(0, SHOWN_ROWS).map((r) => ({
    sheet: r.sheet,
    row: r.row,
    name: r.name,
    creditCode: r.creditCode,
    areaCode: r.areaCode,
    unitName: r.unitName,
    warning: warned.has(`${r.sheet}|${r.row}`),
  }));
  const sorted = [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
  return {
    token,
    fileName,
    sheet: used,
    counts: {
      ready: rows.length,
      errorRows,
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
    },
    issues: sorted.slice(0, SHOWN_ISSUES),
    rows: shown,
  };
}

/** Every (table, column) with a foreign key to customers(id): what may refer to a customer. */
function customerReferences(db: Database): { table: string; column: string }[] {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const out: { table: string; column: string }[] = [];
  for (const table of tables) {
    const keys = db.pragma(`foreign_key_list("${table.replaceAll('"', '""')}")`) as {
      table: string;
      from: string;
      to: string | null;
    }[];
    for (const k of keys) if (k.table === 'customers') out.push({ table, column: k.from });
  }
  return out;
}

/** Names for the tables that may refer to a customer, for the refusal. */
const REFERENCE_NAMES: Record<string, string> = {
  revenue: '收入',
  newspaper_inputs: '报刊收入数据',
  revenue_months: '收入',
  revenue_years: '收入',
  tier_results: '分级结果',
  customers: '分支机构',
  qualification_decisions: '资格认定',
  tier_approvals: '省局特批',
  tier_overrides: '人工调整',
  import_changes: '收入导入记录',
  archive_revisions: '档案',
  archive_views: '关键人查看记录',
  customer_managers: '客户经理分配',
  customer_leads: '牵头记录',
  customer_team_members: '项目组',
};

function undoCheck(db: Database, batchId: number): CustomerImportUndoView {
  const batch = db.prepare('SELECT * FROM customer_import_batches WHERE id = ?').get(batchId) as BatchRow | undefined;
  if (!batch)
    throw new AppError(
      'NOT_FOUND',
      bi(`找不到客户名单导入批次 ${batchId}`, `No customer-list import batch ${batchId}`),
    );
  if (batch.undone_at !== null) {
    return { batchId, canUndo: false, customers: batch.customer_count, blockers: [], reason: '该批次已撤销' };
  }
  const ids = JSON.stringify(
    db.prepare('SELECT customer_id FROM customer_import_items WHERE batch_id = ?').pluck().all(batchId),
  );
  const blockers: CustomerImportUndoView['blockers'] = [];
  for (const ref of customerReferences(db)) {
    const hits = db
      .prepare(
        `SELECT DISTINCT "${ref.column}" FROM "${ref.table}" WHERE "${ref.column}" IN (SELECT value FROM json_each(?)) LIMIT 5`,
      )
      .pluck()
      .all(ids) as string[];
    const count = db
      .prepare(
        `SELECT count(DISTINCT "${ref.column}") FROM "${ref.table}" WHERE "${ref.column}" IN (SELECT value FROM json_each(?))`,
      )
      .pluck()
      .get(ids) as number;
    if (count === 0) continue;
    // The revenue copies (revenue_months, revenue_years) name the same customers as revenue: one line.
    const what = REFERENCE_NAMES[ref.table] ?? ref.table;
    const same = blockers.find((b) => b.what === what);
    if (!same) blockers.push({ what, customers: count, examples: hits });
    else if (count > same.customers) Object.assign(same, { customers: count, examples: hits });
  }
  const reason =
    blockers.length === 0
      ? null
      : `本批次的客户已被引用，不能撤销：${blockers.map((b) => `${b.customers} 个客户已有${b.what}（如 ${b.examples.join('、')}）`).join('；')}。请先删除这些数据，或改为逐个修改客户信息`;
  return { batchId, canUndo: blockers.length === 0, customers: batch.customer_count, blockers, reason };
}

interface BatchRow {
  id: number;
  file_name: string;
  sha256: string;
  customer_count: number;
  committed_at: string;
  committed_by: string;
  undone_at: string | null;
}

function toBatch(r: BatchRow): CustomerImportBatchView {
  return {
    id: r.id,
    fileName: r.file_name,
    customers: r.customer_count,
    committedAt: r.committed_at,
    committedBy: r.committed_by,
    undoneAt: r.undone_at,
  };
}

/** The blank workbook: the columns on 客户名单, what each takes on 填写说明. */
export function customerListTemplate(): Buffer {
  const wb = XLSX.utils.book_new();
  const headers = CUSTOMER_LIST_COLUMNS.map((c) => (c.required ? `${c.header}*` : c.header));
  const sheet = XLSX.utils.aoa_to_sheet([headers]);
  sheet['!cols'] = [{ wch: 40 }, { wch: 16 }, { wch: 22 }, { wch: 16 }, { wch: 16 }, { wch: 14 }, { wch: 40 }];
  XLSX.utils.book_append_sheet(wb, sheet, CUSTOMER_LIST_SHEET);
  const notes = XLSX.utils.aoa_to_sheet([
    ['客户名单填写说明'],
    ['每行一个客户；带 * 的列必填。'],
    ['客户全称：与营业执照一致，最多 80 个字（超出不会截断，将提示修改）。'],
    ['客户简称：可选，最多 30 个字。'],
    ['统一社会信用代码：可选，18 位；同一代码只能登记一次。'],
    ['属地区划：6 位区划代码（GB/T 2260），如 440515 或“440515 澄海区”。'],
    ['所属单位：单位名称或代码，如 澄海分局。'],
    ['行业、地址：可选，最多 30 / 120 个字。'],
    ['客户编号（R16）在导入时自动分配；导入后在“客户”页可撤销整批（客户尚未被收入等引用时）。'],
  ]);
  notes['!cols'] = [{ wch: 90 }];
  XLSX.utils.book_append_sheet(wb, notes, '填写说明');
  return writeXlsx(wb, { compress: true });
}

export const customerImportHandlers = defineHandlers({
  'customers/import-preview': {
    kind: 'read',
    run: ({ path }, ctx) => preview(path, ctx),
  },
  'customers/import-commit': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('customer-batch', r.id) : null) },
    backupBefore: 'pre-import',
    fullCheckAfter: true,
    run: ({ token, excludeErrorRows }, ctx) => {
      const staged = stagedOf(ctx.db).get(token);
      if (!staged)
        throw new AppError(
          'NOT_FOUND',
          bi(
            '预览已过期或不存在，请重新选择文件预览后再导入',
            'The preview has expired or does not exist: choose the file and preview it again',
          ),
        );
      if (staged.errorRows > 0 && !excludeErrorRows) {
        throw new AppError(
          'VALIDATION',
          `还有 ${staged.errorRows} 行有错误：请修正后重新导入，或明确选择“排除错误行”后再导入`,
          { errors: staged.errorRows },
        );
      }
      // The database may have moved since the preview: its checks run again inside the transaction.
      const again = checkAgainstDatabase(ctx.db, staged.rows, staged.columns);
      const refused = again.issues.filter((i) => i.severity === 'error');
      if (refused.length > 0) {
        throw new AppError(
          'CONFLICT',
          bi(
            `预览之后数据库已有变化：${refused[0]?.message}。请重新预览`,
            `The database changed after the preview: ${refused[0]?.messageEn ?? refused[0]?.message}. Preview again`,
          ),
          {
            issues: refused,
          },
        );
      }
      if (staged.rows.length === 0)
        throw new AppError('VALIDATION', bi('没有可导入的客户', 'There is no customer to import'));
      const at = ctx.now().toISOString();
      const batchId = Number(
        ctx.db
          .prepare(
            `INSERT INTO customer_import_batches (file_name, sha256, customer_count, committed_at, committed_by)
             VALUES (?, ?, ?, ?, ?)`,
          )
          .run(staged.fileName, staged.sha256, staged.rows.length, at, ctx.actor).lastInsertRowid,
      );
      const item = ctx.db.prepare(
        'INSERT INTO customer_import_items (batch_id, customer_id, sheet, row) VALUES (?, ?, ?, ?)',
      );
      for (const r of staged.rows) {
        const id = allocateHeadOfficeId(ctx.db, r.areaCode);
        insertCustomer(ctx.db, id, { ...r, parentId: null }, r.normalisedName, at);
        item.run(batchId, id, r.sheet, r.row);
      }
      // Many rows at once: the index rebuilds from the table on the next search.
      ctx.afterCommit(() => {
        ctx.searchIndex.invalidate();
        stagedOf(ctx.db).delete(token);
      });
      return toBatch(ctx.db.prepare('SELECT * FROM customer_import_batches WHERE id = ?').get(batchId) as BatchRow);
    },
  },
  'customers/import-undo-check': {
    kind: 'read',
    run: ({ batchId }, { db }) => undoCheck(db, batchId),
  },
  'customers/import-undo': {
    kind: 'write',
    audit: { entity: (i) => entity('customer-batch', i.batchId) },
    run: ({ batchId }, ctx) => {
      const check = undoCheck(ctx.db, batchId);
      if (!check.canUndo) throw new AppError('CONFLICT', check.reason ?? '不能撤销', { blockers: check.blockers });
      const ids = JSON.stringify(
        ctx.db.prepare('SELECT customer_id FROM customer_import_items WHERE batch_id = ?').pluck().all(batchId),
      );
      // R16: the IDs stay spent (id_sequences is not wound back), so none is ever reused.
      ctx.db.prepare('DELETE FROM customers WHERE id IN (SELECT value FROM json_each(?))').run(ids);
      ctx.db
        .prepare('UPDATE customer_import_batches SET undone_at = ? WHERE id = ?')
        .run(ctx.now().toISOString(), batchId);
      ctx.afterCommit(() => ctx.searchIndex.invalidate());
      return toBatch(ctx.db.prepare('SELECT * FROM customer_import_batches WHERE id = ?').get(batchId) as BatchRow);
    },
  },
  'customers/import-list': {
    kind: 'read',
    run: (_input, { db }) =>
      (db.prepare('SELECT * FROM customer_import_batches ORDER BY id DESC LIMIT 200').all() as BatchRow[]).map(toBatch),
  },
  'customers/import-template': {
    kind: 'read',
    // A read as far as the database goes: the blank workbook is written where the officer chose.
    run: ({ path }, ctx) => ({ path: saveWorkbook(path, customerListTemplate(), ctx.databasePath) }),
  },
});
