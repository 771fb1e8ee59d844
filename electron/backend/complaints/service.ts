/**
 * 投诉 (R33): a complaint received, then contacted, paused (with a reason) and resumed, and closed
 * with the resolution and the customer's satisfaction — each step a write on the complaint, the
 * pauses in their own table. The clock is shared/domain/complaints/deadlines.ts on the officer's
 * working-day calendar (calendar.ts); breaches are judged live while open and stored at closing,
 * so they stay recorded. DOMAIN-DECISIONS "Complaints (R33)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ComplaintStatus, ComplaintView } from '../../../shared/api/types-complaints';
import { bi } from '../../../shared/domain/bilingual';
import {
  type ComplaintBreaches,
  complaintBreaches,
  complaintDeadlines,
} from '../../../shared/domain/complaints/deadlines';
import { localDate } from '../../../shared/domain/dates';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers/rows';
import { currentPeriod, standingOf } from '../customers/standing';
import { getActiveUnitRow } from '../organisation/rows';
import { workingCalendar } from './calendar';

type Ctx = Pick<HandlerContext, 'db' | 'now' | 'actor'>;

interface ComplaintRow {
  id: number;
  customer_id: string;
  customer_name: string;
  customer_unit_id: number;
  received_at: string;
  channel: string;
  content: string;
  type: string | null;
  complex: number;
  unit_code: string;
  receiving_unit_id: number;
  routed_code: string | null;
  routed_name: string | null;
  unit_name: string;
  status: ComplaintStatus;
  logged_at: string;
  contacted_at: string | null;
  closed_at: string | null;
  resolution: string | null;
  satisfaction: number | null;
  breach_log: number;
  breach_contact: number;
  breach_close: number;
}

const SELECT = `SELECT c.*, cu.name AS customer_name, cu.unit_id AS customer_unit_id, u.code AS unit_code, u.name AS unit_name,
    rt.code AS routed_code, rt.name AS routed_name
  FROM complaints c JOIN customers cu ON cu.id = c.customer_id JOIN units u ON u.id = c.receiving_unit_id
  LEFT JOIN units rt ON rt.id = c.routed_to_unit_id`;

/** The local wall-clock time, YYYY-MM-DDTHH:MM. */
export function localMinute(at: Date): string {
  const hm = [at.getHours(), at.getMinutes()].map((n) => String(n).padStart(2, '0')).join(':');
  return `${localDate(at)}T${hm}`;
}

function views(db: Database, rows: readonly ComplaintRow[], now: string): ComplaintView[] {
  if (rows.length === 0) return [];
  const calendar = workingCalendar(db);
  const standing = standingOf(
    db,
    currentPeriod(new Date(`${now}:00`)),
    rows.map((r) => ({ id: r.customer_id, unitId: r.customer_unit_id })),
  );
  const pauseStmt = db.prepare(
    'SELECT from_at, to_at, reason FROM complaint_pauses WHERE complaint_id = ? ORDER BY id',
  );
  return rows.map((r) => {
    const pauses = (pauseStmt.all(r.id) as { from_at: string; to_at: string | null; reason: string }[]).map((p) => ({
      from: p.from_at,
      to: p.to_at,
      reason: p.reason,
    }));
    const d = complaintDeadlines(r.received_at, r.complex === 1, pauses, calendar);
    const breaches: ComplaintBreaches =
      r.status === 'closed'
        ? { log: r.breach_log === 1, contact: r.breach_contact === 1, close: r.breach_close === 1 }
        : complaintBreaches(d, { loggedAt: r.logged_at, contactedAt: r.contacted_at, closedAt: null }, now);
    const breached = breaches.log || breaches.contact || breaches.close;
    const tier = standing.get(r.customer_id)?.tier ?? null;
    return {
      id: r.id,
      customerId: r.customer_id,
      customerName: r.customer_name,
      tier,
      receivedAt: r.received_at,
      channel: r.channel,
      content: r.content,
      type: r.type,
      complex: r.complex === 1,
      unit: r.unit_code,
      unitName: r.unit_name,
      routedTo: r.routed_code === null ? null : { code: r.routed_code, name: r.routed_name ?? r.routed_code },
      status: r.status,
      deadlines: { log: d.log, contact: d.contact, close: d.close },
      breaches,
      breached,
      // R33: overdue ones escalate to the centre; diamond and gold ones reach it at once.
      escalated: breached || tier === 'diamond' || tier === 'gold',
      calendarMissing: d.calendarMissing,
      pauses,
      loggedAt: r.logged_at,
      contactedAt: r.contacted_at,
      closedAt: r.closed_at,
      resolution: r.resolution,
      satisfaction: r.satisfaction,
    };
  });
}

export function row(db: Database, id: number): ComplaintRow {
  const r = db.prepare(`${SELECT} WHERE c.id = ?`).get(id) as ComplaintRow | undefined;
  if (!r) throw new AppError('NOT_FOUND', bi(`找不到投诉 #${id}`, `No complaint #${id}`));
  return r;
}

export function getComplaint(db: Database, id: number, now: string): ComplaintView {
  return views(db, [row(db, id)], now)[0] as ComplaintView;
}

export function addComplaint(
  ctx: Ctx,
  input: {
    customerId: string;
    receivedAt: string;
    channel: string;
    content: string;
    type?: string | null | undefined;
    complex: boolean;
    unitId: number | null;
    loggedAt?: string | null;
  },
): ComplaintView {
  const { db } = ctx;
  const customer = getCustomerRow(db, input.customerId);
  const unit = getActiveUnitRow(db, input.unitId ?? customer.unit_id);
  const now = input.loggedAt ?? localMinute(ctx.now());
  // Logged now (or when the caller says), never before it was received.
  const loggedAt = now < input.receivedAt ? input.receivedAt : now;
  const at = ctx.now().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO complaints (customer_id, received_at, channel, content, type, complex, receiving_unit_id, status,
           logged_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'open', ?, ?, ?)`,
      )
      .run(
        customer.id,
        input.receivedAt,
        input.channel,
        input.content,
        input.type ?? null,
        input.complex ? 1 : 0,
        unit.id,
        loggedAt,
        at,
        at,
      ).lastInsertRowid,
  );
  return getComplaint(db, id, loggedAt);
}

export type ComplaintEvent = 'contact' | 'pause' | 'resume' | 'close';

const refuse = (zh: string, en: string): never => {
  throw new AppError('CONFLICT', bi(zh, en));
};

/** One step on the complaint, at a wall-clock time not before the step before it. */
export function complaintEvent(
  ctx: Ctx,
  input: {
    id: number;
    event: ComplaintEvent;
    at: string;
    reason?: string | null | undefined;
    resolution?: string | null | undefined;
    satisfaction: number | null;
  },
): ComplaintView {
  const { db } = ctx;
  const r = row(db, input.id);
  const stamp = ctx.now().toISOString();
  if (r.status === 'closed') refuse(`投诉 #${r.id} 已结案`, `Complaint #${r.id} is closed`);
  if (input.at < r.received_at)
    throw new AppError(
      'VALIDATION',
      bi(`时间 ${input.at} 早于受理时间 ${r.received_at}`, `${input.at} is before the receipt at ${r.received_at}`),
    );
  const open = db
    .prepare('SELECT id, from_at FROM complaint_pauses WHERE complaint_id = ? AND to_at IS NULL')
    .get(r.id) as { id: number; from_at: string } | undefined;
  const set = (status: ComplaintStatus, extra = '', ...values: unknown[]) =>
    db
      .prepare(`UPDATE complaints SET status = ?, updated_at = ?${extra} WHERE id = ?`)
      .run(status, stamp, ...values, r.id);
  switch (input.event) {
    case 'contact':
      if (r.contacted_at !== null) refuse(`投诉 #${r.id} 已于 ${r.contacted_at} 联系客户`, 'Already contacted');
      set(open ? 'paused' : 'contacted', ', contacted_at = ?', input.at);
      break;
    case 'pause':
      if (open) refuse(`投诉 #${r.id} 已暂停（自 ${open.from_at}）`, 'Already paused');
      if (!input.reason)
        throw new AppError('VALIDATION', bi('暂停须写明原因（如等待客户提供材料）', 'A pause needs a reason'));
      db.prepare('INSERT INTO complaint_pauses (complaint_id, from_at, to_at, reason) VALUES (?, ?, NULL, ?)').run(
        r.id,
        input.at,
        input.reason,
      );
      set('paused');
      break;
    case 'resume':
      if (!open) refuse(`投诉 #${r.id} 没有暂停`, 'Not paused');
      if (input.at < (open as { from_at: string }).from_at)
        throw new AppError('VALIDATION', bi('恢复时间不能早于暂停时间', 'Cannot resume before the pause'));
      db.prepare('UPDATE complaint_pauses SET to_at = ? WHERE id = ?').run(input.at, (open as { id: number }).id);
      set(r.contacted_at === null ? 'open' : 'contacted');
      break;
    case 'close': {
      if (open) refuse(`投诉 #${r.id} 暂停中，请先恢复再结案`, 'Paused: resume before closing');
      if (input.satisfaction === null || !input.resolution)
        throw new AppError(
          'VALIDATION',
          bi('结案须填写处理结果和客户满意度（1–5）', 'Closing needs the resolution and satisfaction (1–5)'),
        );
      // Closing with the customer is a contact: a complaint never contacted is contacted now.
      const contactedAt = r.contacted_at ?? input.at;
      const view = getComplaint(db, r.id, input.at);
      const b = complaintBreaches(
        { ...view.deadlines, calendarMissing: [] },
        { loggedAt: r.logged_at, contactedAt, closedAt: input.at },
        input.at,
      );
      set(
        'closed',
        ', contacted_at = ?, closed_at = ?, resolution = ?, satisfaction = ?, breach_log = ?, breach_contact = ?, breach_close = ?',
        contactedAt,
        input.at,
        input.resolution,
        input.satisfaction,
        b.log ? 1 : 0,
        b.contact ? 1 : 0,
        b.close ? 1 : 0,
      );
      break;
    }
  }
  return getComplaint(db, r.id, input.at);
}

export function listComplaints(
  ctx: Ctx,
  filter: { open: boolean; customerId: string | null; now: string | null },
): ComplaintView[] {
  return complaintViews(ctx.db, filter, filter.now ?? localMinute(ctx.now()));
}

/** The complaints with their clocks, breaches of open ones judged at `now`. */
export function complaintViews(
  db: Database,
  filter: { open: boolean; customerId: string | null },
  now: string,
): ComplaintView[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE (@open = 0 OR c.status <> 'closed') AND (@customerId IS NULL OR c.customer_id = @customerId)
       ORDER BY c.status = 'closed', c.received_at DESC, c.id DESC LIMIT 1000`,
    )
    .all({ open: filter.open ? 1 : 0, customerId: filter.customerId }) as ComplaintRow[];
  return views(db, rows, now);
}
