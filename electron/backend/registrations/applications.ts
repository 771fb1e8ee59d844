/**
 * 营销申报 (R19): a unit that wants to market another unit's customer files a plan (what, when,
 * expected revenue); the owner unit gives its opinion; the centre rules, with the revenue
 * attribution and an end date. Granted, the unit is a member of the customer's team until that
 * date; ownership (customers.unit_id) does not move.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ApplicationState, ApplicationView } from '../../../shared/api/registration-types';
import { localDate } from '../../../shared/domain/dates';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers/rows';
import { getActiveUnitRow } from '../organisation/rows';

interface ApplicationDbRow {
  id: number;
  customer_id: string;
  customer_name: string;
  unit_code: string;
  owner_code: string;
  plan: string;
  starts_on: string;
  until_on: string;
  expected_revenue_fen: number;
  state: ApplicationState;
  owner_agrees: number | null;
  owner_opinion: string | null;
  ruling_reason: string | null;
  attribution_percent: number | null;
  end_on: string | null;
  filed_on: string;
}

const SELECT = `SELECT a.*, c.name AS customer_name, u.code AS unit_code, o.code AS owner_code
  FROM applications a JOIN customers c ON c.id = a.customer_id JOIN units u ON u.id = a.unit_id
  JOIN units o ON o.id = a.owner_unit_id`;

function toView(r: ApplicationDbRow, today: string): ApplicationView {
  return {
    id: r.id,
    customerId: r.customer_id,
    customerName: r.customer_name,
    unit: r.unit_code,
    ownerUnit: r.owner_code,
    plan: r.plan,
    startsOn: r.starts_on,
    untilOn: r.until_on,
    expectedRevenueFen: r.expected_revenue_fen,
    state: r.state,
    ownerAgrees: r.owner_agrees === null ? null : r.owner_agrees === 1,
    ownerOpinion: r.owner_opinion,
    rulingReason: r.ruling_reason,
    attributionPercent: r.attribution_percent,
    endOn: r.end_on,
    filedOn: r.filed_on,
    member: r.state === 'granted' && r.end_on !== null && today <= r.end_on,
  };
}

function get(db: Database, id: number, today: string): ApplicationView {
  const row = db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ApplicationDbRow | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', { zh: `找不到营销申报 #${id}`, en: `Marketing application #${id} not found` });
  return toView(row, today);
}

const invalid = (path: string, zh: string, en: string): AppError =>
  new AppError('VALIDATION', { zh, en }, { issues: [{ path, message: zh, messageEn: en }] });

export function addApplication(
  ctx: Pick<HandlerContext, 'db' | 'now'>,
  input: {
    customerId: string;
    unitId: number;
    plan: string;
    startsOn: string;
    untilOn: string;
    expectedRevenueFen: number;
    date: string | null;
  },
): ApplicationView {
  const { db } = ctx;
  const today = input.date ?? localDate(ctx.now());
  const customer = getCustomerRow(db, input.customerId);
  const unit = getActiveUnitRow(db, input.unitId);
  if (customer.unit_id === unit.id) {
    throw new AppError('CONFLICT', {
      zh: `客户 ${customer.id} 本就归属${unit.name}，不需要营销申报`,
      en: `Customer ${customer.id} already belongs to ${unit.name}; no marketing application is needed`,
    });
  }
  if (input.untilOn < input.startsOn) {
    throw invalid('untilOn', '营销截止日期不能早于开始日期', 'The plan cannot end before it starts');
  }
  const at = ctx.now().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO applications (customer_id, unit_id, owner_unit_id, plan, starts_on, until_on, expected_revenue_fen,
           state, filed_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'owner_opinion', ?, ?, ?)`,
      )
      .run(
        customer.id,
        unit.id,
        customer.unit_id,
        input.plan,
        input.startsOn,
        input.untilOn,
        input.expectedRevenueFen,
        today,
        at,
        at,
      ).lastInsertRowid,
  );
  return get(db, id, today);
}

/** First the owner unit's opinion (→ the centre's ruling, whatever it says), then the centre's ruling. */
export function decideApplication(
  ctx: Pick<HandlerContext, 'db' | 'now' | 'actor'>,
  input: {
    id: number;
    approve: boolean;
    opinion: string;
    attributionPercent: number | null;
    endOn: string | null;
    date: string | null;
  },
): ApplicationView {
  const { db } = ctx;
  const today = input.date ?? localDate(ctx.now());
  const at = ctx.now().toISOString();
  const app = get(db, input.id, today);
  if (app.state === 'owner_opinion') {
    db.prepare(
      `UPDATE applications SET state = 'ruling', owner_agrees = ?, owner_opinion = ?, owner_actor = ?,
         owner_decided_on = ?, updated_at = ? WHERE id = ?`,
    ).run(input.approve ? 1 : 0, input.opinion, ctx.actor, today, at, app.id);
  } else if (app.state === 'ruling') {
    if (input.approve) {
      if (input.attributionPercent === null) {
        throw invalid(
          'attributionPercent',
          '批准须写明收入归属比例（0–100%）',
          'A grant needs the revenue attribution (0–100%)',
        );
      }
      if (input.endOn === null || input.endOn < today) {
        throw invalid('endOn', '批准须写明截止日期（不早于今天）', 'A grant needs an end date (today or later)');
      }
    }
    db.prepare(
      `UPDATE applications SET state = ?, ruling_reason = ?, ruling_actor = ?, attribution_percent = ?, end_on = ?,
         decided_on = ?, updated_at = ? WHERE id = ?`,
    ).run(
      input.approve ? 'granted' : 'refused',
      input.opinion,
      ctx.actor,
      input.approve ? input.attributionPercent : null,
      input.approve ? input.endOn : null,
      today,
      at,
      app.id,
    );
  } else {
    throw new AppError('CONFLICT', {
      zh: `营销申报 #${app.id} 已${app.state === 'granted' ? '批准' : '驳回'}，不能再审核`,
      en: `Marketing application #${app.id} is already ${app.state}`,
    });
  }
  return get(db, app.id, today);
}

export function listApplications(
  ctx: Pick<HandlerContext, 'db' | 'now'>,
  input: { customerId: string | null; unitId: number | null; date: string | null },
): ApplicationView[] {
  const today = input.date ?? localDate(ctx.now());
  const rows = ctx.db
    .prepare(
      `${SELECT} WHERE (? IS NULL OR a.customer_id = ?) AND (? IS NULL OR a.unit_id = ? OR a.owner_unit_id = ?) ORDER BY a.id`,
    )
    .all(input.customerId, input.customerId, input.unitId, input.unitId, input.unitId) as ApplicationDbRow[];
  return rows.map((r) => toView(r, today));
}

/**
 * R19/R20: the units on a customer's team on a date — its owner, then every unit with a granted
 * application not past its end date (ownership does not move).
 */
export function teamUnits(
  db: Database,
  customerId: string,
  date: string,
): { unitId: number; role: 'owner' | 'member' }[] {
  const owner = getCustomerRow(db, customerId).unit_id;
  const members = db
    .prepare(
      `SELECT DISTINCT unit_id FROM applications WHERE customer_id = ? AND state = 'granted' AND end_on >= ?
         AND unit_id != ? ORDER BY unit_id`,
    )
    .pluck()
    .all(customerId, date, owner) as number[];
  return [{ unitId: owner, role: 'owner' }, ...members.map((unitId) => ({ unitId, role: 'member' as const }))];
}
