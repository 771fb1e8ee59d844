/**
 * The template's service sheets (DOMAIN-DECISIONS "Template intake"): 营销日志 (R22), 拜访记录 (R23),
 * 投诉登记 (R33) and 资费优惠申请 (R29). The reader (shared/domain/templates/service-sheets.ts) turns
 * cells into a channel's input; here each row passes that channel's own schema and checks —
 * logs/add's checkLog, visits/add's checkVisit, complaints/add and its steps, discounts/add's
 * checkDiscount — in the preview (a refusal names the sheet, row and column) and again in the
 * commit job, where a row the database now refuses stops the whole import (re-preview). Rows are
 * written with the batch (import_batch_id) and each row read is kept in template_service_rows,
 * written or refused with its reason, for the unit's receipt. Undo withdraws them in the batch's
 * transaction, refused while the centre has acted on one since.
 */
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { AppError } from '../../../shared/api/errors';
import { complaintsAdd, complaintsEvent, discountsAdd, logsAdd, visitsAdd } from '../../../shared/api/schemas';
import { type Bilingual, bi, echo, issueEnglish } from '../../../shared/domain/bilingual';
import { localDate } from '../../../shared/domain/dates';
import type { ImportIssue } from '../../../shared/domain/imports/revenue-sheet';
import type { Policy } from '../../../shared/domain/policy/policy';
import type {
  ComplaintSheetRow,
  DiscountSheetRow,
  LogSheetRow,
  RefusedServiceRow,
  ServiceKind,
  ServiceSheetRow,
  VisitSheetRow,
} from '../../../shared/domain/templates/service-sheets';
import { addComplaint, complaintEvent, localMinute } from '../complaints/service';
import { checkDiscount, type DiscountInput, insertDiscount } from '../discounts/service';
import { checkLog, insertLog, type LogInput } from '../marketing/logs';
import { getActiveUnitRow } from '../organisation/rows';
import { PolicyBook } from '../policies/book';
import { checkVisit, insertVisit, type VisitInput } from '../visits/service';

/** The template's unit, and the day and policy the rows are judged on. */
export interface ServiceEnv {
  unit: { id: number; code: string; name: string };
  now: Date;
  policy: Policy;
}

/** What the preview accepted and refused, handed to the commit job as plain data. */
export interface ServiceIntake {
  unit: { id: number; code: string; name: string };
  rows: ServiceSheetRow[];
  refused: RefusedServiceRow[];
}

type Prepared =
  | { kind: 'log'; input: LogInput; checked: ReturnType<typeof checkLog> }
  | { kind: 'visit'; input: VisitInput }
  | {
      kind: 'complaint';
      input: z.output<typeof complaintsAdd>;
      contactedAt: string | null;
      close: ComplaintSheetRow['close'];
    }
  | { kind: 'discount'; input: DiscountInput; checked: ReturnType<typeof checkDiscount> };

/** A refusal on one field of the row (the field is the channel's input key). */
function refusal(field: string | null, message: Bilingual): AppError {
  return new AppError('VALIDATION', message, {
    issues: [{ path: field ?? '', message: message.zh, messageEn: message.en }],
  });
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const first = r.error.issues[0];
  const field = typeof first?.path[0] === 'string' ? first.path[0] : null;
  const zh = first?.message ?? '输入有误';
  throw refusal(field, bi(zh, (first && issueEnglish(first)) ?? zh));
}

function customerUnit(db: Database, id: string): number {
  const unit = db.prepare('SELECT unit_id FROM customers WHERE id = ?').pluck().get(id) as number | undefined;
  if (unit === undefined) throw refusal('customerId', bi(`客户编号“${echo(id)}”不存在`, `No customer has ID "${id}"`));
  return unit;
}

function prepareLog(db: Database, row: LogSheetRow, env: ServiceEnv): Prepared {
  customerUnit(db, row.input.customerId);
  const input: LogInput = parsed(logsAdd, { ...row.input, unitCode: env.unit.code, managerId: null });
  if (input.date > localDate(env.now))
    throw refusal('date', bi('日志日期不能晚于今天', 'A log entry cannot be dated after today'));
  return { kind: 'log', input, checked: checkLog(db, input) };
}

function prepareVisit(db: Database, row: VisitSheetRow, env: ServiceEnv): Prepared {
  customerUnit(db, row.input.customerId);
  let managerId: number | null = null;
  if (row.managerName !== null) {
    // The unit's own manager of that name, in post on the visit's day.
    const ids = db
      .prepare(
        `SELECT id FROM managers WHERE unit_id = ? AND name = ? AND (left_on IS NULL OR left_on >= ?) ORDER BY id`,
      )
      .pluck()
      .all(env.unit.id, row.managerName, row.input.date) as number[];
    if (ids.length === 0)
      throw refusal(
        'manager',
        bi(
          `本单位没有名为“${echo(row.managerName)}”的在岗客户经理`,
          `This unit has no manager in post named "${echo(row.managerName)}"`,
        ),
      );
    if (ids.length > 1)
      throw refusal(
        'manager',
        bi(
          `本单位有 ${ids.length} 位客户经理名为“${echo(row.managerName)}”，请在中心的拜访页面登记`,
          `${ids.length} managers of this unit are named "${echo(row.managerName)}": record this visit at the centre`,
        ),
      );
    managerId = ids[0] as number;
  }
  const input: VisitInput = parsed(visitsAdd, { ...row.input, managerId });
  checkVisit(db, input, env.now);
  return { kind: 'visit', input };
}

function prepareComplaint(db: Database, row: ComplaintSheetRow, env: ServiceEnv): Prepared {
  customerUnit(db, row.input.customerId);
  // R33: the template's unit received it first and owns it to the end.
  getActiveUnitRow(db, env.unit.id);
  const input = parsed(complaintsAdd, { ...row.input, unitId: env.unit.id, loggedAt: row.input.receivedAt });
  const now = localMinute(env.now);
  const notAfterNow = (field: string, at: string | null, label: Bilingual) => {
    if (at !== null && at > now)
      throw refusal(field, bi(`${label.zh} ${at.replace('T', ' ')} 晚于现在`, `${label.en} ${at} is after now`));
  };
  notAfterNow('receivedAt', input.receivedAt, bi('受理时间', 'The receipt'));
  notAfterNow('contactedAt', row.contactedAt, bi('联系时间', 'The contact'));
  notAfterNow('closedAt', row.close?.at ?? null, bi('结案时间', 'The close'));
  if (row.contactedAt !== null)
    parsed(complaintsEvent, { id: 1, event: 'contact', at: row.contactedAt, satisfaction: null });
  if (row.close !== null)
    parsed(complaintsEvent, {
      id: 1,
      event: 'close',
      at: row.close.at,
      resolution: row.close.resolution,
      satisfaction: row.close.satisfaction,
    });
  return { kind: 'complaint', input, contactedAt: row.contactedAt, close: row.close };
}

function prepareDiscount(db: Database, row: DiscountSheetRow, env: ServiceEnv): Prepared {
  const owner = customerUnit(db, row.input.customerId);
  // R14/R15: one point of access — the customer's own unit asks for its tariff.
  if (owner !== env.unit.id)
    throw refusal(
      'customerId',
      bi(
        `客户 ${row.input.customerId} 不属于${env.unit.name}：资费优惠由客户所属单位申请`,
        `Customer ${row.input.customerId} is not ${env.unit.name}'s: its own unit asks for a discount`,
      ),
    );
  const input: DiscountInput = parsed(discountsAdd, row.input);
  return { kind: 'discount', input, checked: checkDiscount(db, env.policy, localDate(env.now), input) };
}

/** The row through its channel's schema and checks; throws AppError naming the field. */
export function prepareServiceRow(db: Database, row: ServiceSheetRow, env: ServiceEnv): Prepared {
  switch (row.kind) {
    case 'log':
      return prepareLog(db, row, env);
    case 'visit':
      return prepareVisit(db, row, env);
    case 'complaint':
      return prepareComplaint(db, row, env);
    case 'discount':
      return prepareDiscount(db, row, env);
  }
}

/** Which column a refusal's field is in (the channel's input keys are the reader's field names). */
const FIELD_ALIASES: Record<string, string> = { managerId: 'manager', at: 'closedAt' };

function issueOf(row: ServiceSheetRow, error: unknown): ImportIssue {
  if (!(error instanceof AppError)) throw error;
  const issues = error.details?.issues as { path?: unknown; message?: string; messageEn?: string }[] | undefined;
  const first = issues?.[0];
  const path = typeof first?.path === 'string' ? first.path : Array.isArray(first?.path) ? String(first.path[0]) : '';
  const field = FIELD_ALIASES[path] ?? path;
  const message = error.message;
  return {
    sheet: row.sheet,
    row: row.row,
    column: row.columns[field] ?? null,
    severity: 'error',
    message,
    messageEn: error.messageEn ?? first?.messageEn ?? message,
  };
}

/**
 * The preview's check of the rows the reader accepted: each through its channel (above), and a
 * discount against the rows above it in the sheet too (R29: one discount per customer and line at
 * a time). Refused rows get an issue and an entry for the receipt.
 */
export function checkServiceRows(
  db: Database,
  rows: readonly ServiceSheetRow[],
  env: ServiceEnv,
): { accepted: ServiceSheetRow[]; refused: RefusedServiceRow[]; issues: ImportIssue[] } {
  const accepted: ServiceSheetRow[] = [];
  const refused: RefusedServiceRow[] = [];
  const issues: ImportIssue[] = [];
  const discounts: DiscountSheetRow[] = [];
  for (const row of rows) {
    let issue: ImportIssue | null = null;
    try {
      prepareServiceRow(db, row, env);
      if (row.kind === 'discount') {
        const clash = discounts.find(
          (d) =>
            d.input.customerId === row.input.customerId &&
            d.input.line === row.input.line &&
            d.input.validFrom <= row.input.validTo &&
            d.input.validTo >= row.input.validFrom,
        );
        if (clash)
          throw refusal(
            'validFrom',
            bi(
              `与本表第 ${clash.row} 行同一客户同一业务的有效期重叠（一个客户一项业务同时只有一项优惠）`,
              `Overlaps row ${clash.row} for the same customer and line (one discount at a time)`,
            ),
          );
        discounts.push(row);
      }
    } catch (error) {
      issue = issueOf(row, error);
    }
    if (issue === null) {
      accepted.push(row);
      continue;
    }
    issues.push(issue);
    refused.push({
      kind: row.kind,
      sheet: row.sheet,
      row: row.row,
      customerId: row.input.customerId,
      reason: bi(issue.message, issue.messageEn ?? issue.message),
    });
  }
  return { accepted, refused, issues };
}

const KIND_TABLE: Record<ServiceKind, string> = {
  log: 'marketing_logs',
  visit: 'visits',
  complaint: 'complaints',
  discount: 'discount_requests',
};

/**
 * The commit job's part (writer thread, the batch's transaction): every accepted row prepared
 * again against the database as it is now — one refused stops the import, naming it — then
 * written with the batch, and every row read recorded for the receipt.
 */
export function storeServiceRows(
  db: Database,
  batchId: number,
  intake: ServiceIntake | undefined,
  at: string,
  actor: string,
): void {
  if (!intake || (intake.rows.length === 0 && intake.refused.length === 0)) return;
  const now = new Date(at);
  const today = localDate(now);
  const policy = new PolicyBook(db).forDate(today);
  const env: ServiceEnv = { unit: intake.unit, now, policy };
  const ctx = { db, now: () => now, actor };
  const record = db.prepare(
    `INSERT INTO template_service_rows (batch_id, unit_id, kind, sheet, row_no, customer_id, state, record_id, reason,
       reason_en, written, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const row of intake.rows) {
    let prepared: Prepared;
    try {
      prepared = prepareServiceRow(db, row, env);
    } catch (error) {
      const issue = issueOf(row, error);
      throw new AppError(
        'CONFLICT',
        bi(
          `预览之后数据已有变化（${row.sheet} 第 ${row.row} 行：${issue.message}）：未导入任何数据，请重新预览`,
          `The data changed after the preview (${row.sheet} row ${row.row}: ${issue.messageEn ?? issue.message}): nothing was imported; preview again`,
        ),
        { issues: [issue] },
      );
    }
    const id = writePrepared(ctx, prepared, batchId, policy, today);
    record.run(
      batchId,
      intake.unit.id,
      row.kind,
      row.sheet,
      row.row,
      row.input.customerId,
      'accepted',
      id,
      null,
      null,
      stateOf(db, row.kind, id),
      at,
    );
  }
  for (const r of intake.refused)
    record.run(
      batchId,
      intake.unit.id,
      r.kind,
      r.sheet,
      r.row,
      r.customerId,
      'refused',
      null,
      r.reason.zh,
      r.reason.en,
      null,
      at,
    );
}

function writePrepared(
  ctx: { db: Database; now: () => Date; actor: string },
  p: Prepared,
  batchId: number,
  policy: Policy,
  today: string,
): number {
  switch (p.kind) {
    case 'log':
      return insertLog(ctx, p.input, p.checked, batchId);
    case 'visit':
      return insertVisit(ctx, p.input, batchId);
    case 'discount':
      return insertDiscount(ctx, policy, today, p.input, p.checked, batchId);
    case 'complaint': {
      const { id } = addComplaint(ctx, p.input);
      ctx.db.prepare('UPDATE complaints SET import_batch_id = ? WHERE id = ?').run(batchId, id);
      // The unit's own steps, through the complaint's clock (R33): contact, then close.
      if (p.contactedAt !== null) complaintEvent(ctx, { id, event: 'contact', at: p.contactedAt, satisfaction: null });
      if (p.close !== null)
        complaintEvent(ctx, {
          id,
          event: 'close',
          at: p.close.at,
          resolution: p.close.resolution,
          satisfaction: p.close.satisfaction,
        });
      return id;
    }
  }
}

export interface ServiceUndoView {
  logs: number;
  visits: number;
  complaints: number;
  discounts: number;
  /** Why the batch cannot be undone: a record the centre has acted on since; null when it can. */
  blocker: Bilingual | null;
}

/**
 * A record's state as far as later records depend on it, as SQL over the kind's table `t`: a
 * visit's status and result (visits/record), a complaint's status, contact, close and pauses
 * (complaints/event), a discount's status and decisions (discounts/decide, withdraw). Stored when
 * the row is written; undo is refused once it differs. Marketing log entries are never changed
 * after they are written.
 */
const STATE_SQL: Record<ServiceKind, string> = {
  log: `'written'`,
  visit: `t.status || '|' || t.visit_on || '|' || coalesce(t.outcome, '') || '|' || coalesce(t.reason, '')`,
  complaint: `t.status || '|' || coalesce(t.contacted_at, '') || '|' || coalesce(t.closed_at, '') || '|' ||
    (SELECT count(*) FROM complaint_pauses p WHERE p.complaint_id = t.id)`,
  discount: `t.status || '|' || (SELECT count(*) FROM discount_decisions x WHERE x.request_id = t.id)`,
};

function stateOf(db: Database, kind: ServiceKind, id: number): string {
  return db.prepare(`SELECT ${STATE_SQL[kind]} FROM ${KIND_TABLE[kind]} t WHERE t.id = ?`).pluck().get(id) as string;
}

const BLOCKED: Record<ServiceKind, (id: number, customerId: string) => Bilingual> = {
  log: (id, c) =>
    bi(`本批导入的营销日志 #${id}（客户 ${c}）之后已有变化`, `log entry #${id} (customer ${c}) has changed since`),
  visit: (id, c) =>
    bi(
      `本批导入的拜访 #${id}（客户 ${c}）之后已在中心记录结果`,
      `visit #${id} (customer ${c}) from this batch has had its result recorded since`,
    ),
  complaint: (id, c) =>
    bi(
      `本批导入的投诉 #${id}（客户 ${c}）之后已在中心处理`,
      `complaint #${id} (customer ${c}) from this batch has been handled at the centre since`,
    ),
  discount: (id, c) =>
    bi(
      `本批导入的资费优惠申请 #${id}（客户 ${c}）已有审批记录`,
      `discount request #${id} (customer ${c}) from this batch has a decision on it`,
    ),
};

/**
 * What undoing the batch would withdraw, and whether a later record depends on one of its rows:
 * one whose state (STATE_SQL) is no longer what the batch wrote — a visit's result recorded since,
 * a complaint step taken at the centre, a discount decided or withdrawn.
 */
export function serviceUndoCheck(db: Database, batchId: number): ServiceUndoView {
  const count = (table: string) =>
    db.prepare(`SELECT count(*) FROM ${table} WHERE import_batch_id = ?`).pluck().get(batchId) as number;
  const view: ServiceUndoView = {
    logs: count(KIND_TABLE.log),
    visits: count(KIND_TABLE.visit),
    complaints: count(KIND_TABLE.complaint),
    discounts: count(KIND_TABLE.discount),
    blocker: null,
  };
  const written = db
    .prepare(
      `SELECT kind, record_id, customer_id, written FROM template_service_rows
       WHERE batch_id = ? AND state = 'accepted' ORDER BY id`,
    )
    .all(batchId) as { kind: ServiceKind; record_id: number; customer_id: string; written: string }[];
  const changed = written.find((r) => stateOf(db, r.kind, r.record_id) !== r.written);
  if (changed) view.blocker = BLOCKED[changed.kind](changed.record_id, changed.customer_id);
  return view;
}
/** Undo's part: refused (nothing changed) while a later record depends on a row; else the rows go. */
export function withdrawServiceRows(db: Database, batchId: number): ServiceUndoView {
  const check = serviceUndoCheck(db, batchId);
  if (check.blocker !== null)
    throw new AppError(
      'CONFLICT',
      bi(
        `本批的服务记录不能撤销：${check.blocker.zh}。未撤销任何数据`,
        `This batch's service records cannot be undone (${check.blocker.en}): nothing was undone`,
      ),
      { batchId },
    );
  for (const kind of ['log', 'visit', 'complaint', 'discount'] as const)
    db.prepare(`DELETE FROM ${KIND_TABLE[kind]} WHERE import_batch_id = ?`).run(batchId);
  db.prepare("UPDATE template_service_rows SET state = 'withdrawn' WHERE batch_id = ? AND state = 'accepted'").run(
    batchId,
  );
  return check;
}
