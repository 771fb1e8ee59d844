/**
 * R19 registrations: filing (typed by the officer or from a unit's 新客户申报 sheet), the review
 * chain, conflicts and the centre's rulings, approval with an R16 ID, and the R19c ownership clock
 * and release. Each function runs inside the caller's one write transaction (the registry's);
 * what the in-memory duplicate index must learn is handed to `afterCommit`.
 * DOMAIN-DECISIONS "Registrations and ownership (R19, R19a–c)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  ConflictSide,
  OwnershipClockView,
  RegistrationAdded,
  RegistrationDecided,
  RegistrationDetail,
  RegistrationMatch,
  RegistrationReleased,
  RegistrationRow,
} from '../../../shared/api/registration-types';
import { addDays, addMonthsClamped, localDate } from '../../../shared/domain/dates';
import type { ProductLine } from '../../../shared/domain/lines';
import { normaliseCustomerName } from '../../../shared/domain/names';
import type { Policy } from '../../../shared/domain/policy/policy';
import { ownershipClock } from '../../../shared/domain/registration/clock';
import {
  MATCH_REASON_NAMES_EN,
  MATCH_REASON_NAMES_ZH,
  normalisePhone,
  SAME_COMPANY_REASONS,
} from '../../../shared/domain/registration/matches';
import {
  initialState,
  nextState,
  PENDING_STATES,
  preReviewer,
  REGISTRATION_STATE_NAMES_ZH,
  type RegistrationState,
  type RulingBasis,
  stepOf,
  type UnitNode,
} from '../../../shared/domain/registration/states';
import { resolveResponsibleUnit, suggestScope } from '../../../shared/domain/scope';
import type { Scope } from '../../../shared/domain/tiers';
import type { HandlerContext } from '../context';
import { insertCustomer } from '../customers/handlers';
import { allocateBranchId, allocateHeadOfficeId } from '../customers/ids';
import { getCustomerRow } from '../customers/rows';
import { searchText } from '../customers/search-text';
import { getActiveUnitRow, getUnitRow } from '../organisation/rows';
import type { IndexMatch } from './identity-index';

type Ctx = Pick<HandlerContext, 'db' | 'now' | 'actor' | 'policy' | 'identityIndex' | 'searchIndex' | 'afterCommit'>;

export interface RegistrationInput {
  unitId: number;
  name: string;
  areaCode: string;
  creditCode?: string | null | undefined;
  phone?: string | null | undefined;
  address?: string | null | undefined;
  industry?: string | null | undefined;
  lines?: readonly ProductLine[] | undefined;
  evidence?: string | null | undefined;
  revenueFen?: number | null | undefined;
  contact?: string | null | undefined;
  reason?: string | null | undefined;
  date?: string | null | undefined;
}

export interface RegistrationSource {
  source: 'typed' | 'template';
  /** The template batch (the 新客户申报 sheet's import) a registration came in. */
  sourceRef?: string | null;
}

interface RegistrationDbRow {
  id: number;
  unit_id: number;
  name: string;
  credit_code: string | null;
  phone: string | null;
  area_code: string;
  address: string | null;
  industry: string | null;
  lines: string;
  evidence: string | null;
  revenue_fen: number | null;
  contact: string | null;
  reason: string | null;
  state: RegistrationState;
  pre_review_unit_id: number | null;
  source: 'typed' | 'template';
  source_ref: string | null;
  registered_on: string;
  customer_id: string | null;
  approved_on: string | null;
  branch_of: string | null;
  scope: Scope | null;
  outcome_reason: string | null;
}

const todayOf = (ctx: Pick<HandlerContext, 'now'>, date: string | null | undefined): string =>
  date ?? localDate(ctx.now());

function unitNodes(db: Database): Map<number, UnitNode & { code: string; name: string }> {
  const rows = db.prepare('SELECT id, kind, parent_id AS parentId, code, name FROM units').all() as (UnitNode & {
    code: string;
    name: string;
  })[];
  return new Map(rows.map((r) => [r.id, r]));
}

function cityCentreId(db: Database): number {
  const row = db
    .prepare("SELECT id FROM units WHERE kind = 'centre' ORDER BY retired_on IS NOT NULL, id LIMIT 1")
    .get() as { id: number } | undefined;
  if (!row)
    throw new AppError('CONFLICT', { zh: '单位表中没有市局大客户中心', en: 'The unit table has no city centre' });
  return row.id;
}

function getRegistrationRow(db: Database, id: number): RegistrationDbRow {
  const row = db.prepare('SELECT * FROM registrations WHERE id = ?').get(id) as RegistrationDbRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', { zh: `找不到注册申报 #${id}`, en: `Registration #${id} not found` });
  return row;
}

export function requireArea(db: Database, code: string): void {
  if (!db.prepare('SELECT 1 FROM area_codes WHERE code = ?').get(code)) {
    throw new AppError(
      'VALIDATION',
      { zh: `区划代码 ${code} 不在区划代码表中`, en: `Area code ${code} is not in the area code table` },
      { issues: [{ path: 'areaCode', message: '区划代码不在代码表中', messageEn: 'Not in the area code table' }] },
    );
  }
}

/** The index's matches as the API shows them: only the holder (unit, state, since) and the reason. */
export function matchViews(db: Database, matches: readonly IndexMatch[]): RegistrationMatch[] {
  if (matches.length === 0) return [];
  const units = unitNodes(db);
  return matches.map((m) => {
    const unit = units.get(m.entry.unitId);
    const differing = m.differing ? `（“${m.differing.ours}”与“${m.differing.theirs}”）` : '';
    const differingEn = m.differing ? ` ("${m.differing.ours}" vs "${m.differing.theirs}")` : '';
    const state = m.entry.state;
    const stateZh =
      state === 'customer' ? '已登记客户' : (REGISTRATION_STATE_NAMES_ZH[state as RegistrationState] ?? state);
    const holder = m.entry.customerId ?? `申报 #${m.entry.registrationId}`;
    return {
      reason: m.reason,
      customerId: m.entry.customerId,
      registrationId: m.entry.registrationId,
      unit: unit?.code ?? '',
      unitName: unit?.name ?? '',
      state,
      since: m.entry.since,
      ...(m.differing ? { differing: m.differing } : {}),
      message: `${MATCH_REASON_NAMES_ZH[m.reason]}${differing}：${holder}，${unit?.name ?? ''}，${stateZh}，自 ${m.entry.since}`,
      messageEn: `${MATCH_REASON_NAMES_EN[m.reason]}${differingEn}: ${holder}, ${unit?.name ?? ''}, ${state}, since ${m.entry.since}`,
    };
  });
}

/** R19a/b: the check as the name is typed. */
export function dupcheck(
  ctx: Pick<HandlerContext, 'db' | 'identityIndex'>,
  input: { name: string; creditCode?: string | null | undefined; phone?: string | null | undefined },
  excludeRegistrationId: number | null = null,
): RegistrationMatch[] {
  return matchViews(ctx.db, ctx.identityIndex.check(input, { registrationId: excludeRegistrationId }));
}

const isSameCompany = (m: IndexMatch) => SAME_COMPANY_REASONS.includes(m.reason);

/**
 * R19c bar: the unit a customer was released from may not register it again before `bar_until`.
 * Checked on filing and again on approval.
 */
function guardBar(db: Database, unitId: number, matches: readonly IndexMatch[], today: string): void {
  for (const m of matches) {
    if (!isSameCompany(m) || m.entry.customerId === null) continue;
    const bar = db
      .prepare(
        `SELECT released_on AS releasedOn, bar_until AS barUntil FROM customer_releases
         WHERE customer_id = ? AND previous_unit_id = ? AND kind = 'release' AND bar_until > ?
         ORDER BY bar_until DESC LIMIT 1`,
      )
      .get(m.entry.customerId, unitId, today) as { releasedOn: string; barUntil: string } | undefined;
    if (bar) {
      throw new AppError(
        'CONFLICT',
        {
          zh: `客户 ${m.entry.customerId} 已于 ${bar.releasedOn} 从本单位释放，${bar.barUntil} 前本单位不能重新申报（R19c）`,
          en: `Customer ${m.entry.customerId} was released from this unit on ${bar.releasedOn}; this unit cannot register it again before ${bar.barUntil} (R19c)`,
        },
        { customerId: m.entry.customerId, barUntil: bar.barUntil },
      );
    }
  }
}

/**
 * Customers in the centre's pool: released (R19c) and still held by the city centre. Any unit
 * may register them without a ruling; the centre's own customers are not in it.
 */
function freeCustomers(db: Database, matches: readonly IndexMatch[], centreId: number): Set<string> {
  const ids = matches
    .filter((m) => m.entry.customerId !== null && m.entry.unitId === centreId)
    .map((m) => m.entry.customerId);
  if (ids.length === 0) return new Set();
  const rows = db
    .prepare(
      `SELECT c.id FROM customers c WHERE c.id IN (SELECT value FROM json_each(?)) AND c.unit_id = ?
         AND (SELECT r.kind FROM customer_releases r WHERE r.customer_id = c.id ORDER BY r.id DESC LIMIT 1) = 'release'`,
    )
    .pluck()
    .all(JSON.stringify(ids), centreId) as string[];
  return new Set(rows);
}

/** Whether a same-company match is a claim the centre must rule on before this registration is approved (R19). */
function claimsAgainst(reg: { id: number; unit_id: number }, m: IndexMatch, free: ReadonlySet<string>): boolean {
  if (!isSameCompany(m)) return false;
  if (m.entry.registrationId !== null) return m.entry.registrationId < reg.id; // the earlier registration first
  return m.entry.unitId !== reg.unit_id && !free.has(m.entry.customerId as string);
}

function insertStep(
  db: Database,
  step: {
    registrationId: number;
    step: string;
    decision: string;
    unitId: number | null;
    actor: string;
    on: string;
    opinion: string | null;
    matches: readonly RegistrationMatch[];
    at: string;
  },
): void {
  db.prepare(
    `INSERT INTO registration_steps (registration_id, step, decision, unit_id, actor, decided_on, opinion, matches, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    step.registrationId,
    step.step,
    step.decision,
    step.unitId,
    step.actor,
    step.on,
    step.opinion,
    JSON.stringify(step.matches.map(({ message: _m, messageEn: _e, ...rest }) => rest)),
    step.at,
  );
}

/**
 * R19: files one registration (typed by the officer, or later from a unit's 新客户申报 sheet with
 * `source: 'template'`). The duplicate check runs first; a released customer's previous owner is
 * refused within the bar (R19c). Pre-review by the unit's county centre or professional bureau,
 * skipped for a unit directly under the city centre.
 */
export function addRegistration(ctx: Ctx, input: RegistrationInput, source: RegistrationSource): RegistrationAdded {
  const { db } = ctx;
  const unit = getActiveUnitRow(db, input.unitId);
  requireArea(db, input.areaCode);
  const today = todayOf(ctx, input.date);
  const found = ctx.identityIndex.check(input);
  guardBar(db, unit.id, found, today);
  const units = unitNodes(db);
  const preReviewUnitId = preReviewer(unit.id, units);
  const state = initialState(preReviewUnitId);
  const at = ctx.now().toISOString();
  const id = Number(
    db
      .prepare(
        `INSERT INTO registrations (unit_id, name, credit_code, phone, area_code, address, industry, lines, evidence,
           revenue_fen, contact, reason, state, pre_review_unit_id, source, source_ref, registered_on, created_at, updated_at)
         VALUES (@unitId, @name, @creditCode, @phone, @areaCode, @address, @industry, @lines, @evidence,
           @revenueFen, @contact, @reason, @state, @preReviewUnitId, @source, @sourceRef, @today, @at, @at)`,
      )
      .run({
        unitId: unit.id,
        name: input.name,
        creditCode: input.creditCode ?? null,
        phone: normalisePhone(input.phone),
        areaCode: input.areaCode,
        address: input.address ?? null,
        industry: input.industry ?? null,
        lines: JSON.stringify(input.lines ?? []),
        evidence: input.evidence ?? null,
        revenueFen: input.revenueFen ?? null,
        contact: input.contact ?? null,
        reason: input.reason ?? null,
        state,
        preReviewUnitId,
        source: source.source,
        sourceRef: source.sourceRef ?? null,
        today,
        at,
      }).lastInsertRowid,
  );
  const conflicts = matchViews(db, found);
  insertStep(db, {
    registrationId: id,
    step: 'submit',
    decision: 'submitted',
    unitId: unit.id,
    actor: ctx.actor,
    on: today,
    opinion: input.reason ?? null,
    matches: conflicts,
    at,
  });
  ctx.afterCommit(() => ctx.identityIndex.upsertRegistration(id));
  const free = freeCustomers(db, found, cityCentreId(db));
  return {
    id,
    state,
    conflicts,
    preReviewUnit: preReviewUnitId === null ? null : (units.get(preReviewUnitId)?.code ?? null),
    needsRuling: found.some((m) => claimsAgainst({ id, unit_id: unit.id }, m, free)),
  };
}

export interface DecideInput {
  id: number;
  approve: boolean;
  reason?: string | null | undefined;
  branchOf?: string | null | undefined;
  ruling?: RulingBasis | null | undefined;
  scope?: Scope | null | undefined;
  date?: string | null | undefined;
}

function refuse(zh: string, en: string, details?: Record<string, unknown>): never {
  throw new AppError('CONFLICT', { zh, en }, details);
}

/** The unit that owns the customer's home: the registering unit's county bureau, if it has one (R14, R15). */
function countyOf(unitId: number, units: ReadonlyMap<number, UnitNode>): number | null {
  for (let at = units.get(unitId), guard = 0; at && guard < 64; guard++) {
    if (at.kind === 'county') return at.id;
    at = at.parentId === null ? undefined : units.get(at.parentId);
  }
  return null;
}

/** One step: pre-review (→ review) or review (→ approved, with the customer), or a rejection. */
export function decideRegistration(ctx: Ctx, input: DecideInput): RegistrationDecided {
  const { db } = ctx;
  const reg = getRegistrationRow(db, input.id);
  const today = todayOf(ctx, input.date);
  const at = ctx.now().toISOString();
  const next = nextState(reg.state, input.approve);
  if (next === null) {
    refuse(
      `注册申报 #${reg.id} 已${REGISTRATION_STATE_NAMES_ZH[reg.state]}，不能再审核`,
      `Registration #${reg.id} is already ${reg.state}; it takes no further decision`,
      { state: reg.state },
    );
  }
  const step = stepOf(reg.state) as 'pre_review' | 'review';
  if (!input.approve && !input.reason) {
    throw new AppError(
      'VALIDATION',
      { zh: '驳回须写明理由（申报单位的回执会告知）', en: 'A rejection needs a reason (the unit’s receipt tells it)' },
      { issues: [{ path: 'reason', message: '请填写驳回理由', messageEn: 'Enter the reason for the rejection' }] },
    );
  }
  if (step === 'pre_review' && (input.ruling || input.branchOf || input.scope)) {
    refuse(
      '预审只能通过或驳回；裁定、分支机构和客户类型由市局大客户中心在审核时决定',
      'A pre-review only passes or rejects; rulings, branches and scope are the city centre’s at review',
    );
  }
  // R19a: the check runs again on every step.
  const found = ctx.identityIndex.check(
    { name: reg.name, creditCode: reg.credit_code, phone: reg.phone },
    { registrationId: reg.id },
  );
  const conflicts = matchViews(db, found);
  const centreId = cityCentreId(db);
  const units = unitNodes(db);
  const touched: number[] = [];
  const base = {
    id: reg.id,
    conflicts,
    scope: null,
    suggestedScope: null,
    responsibleUnit: null,
    ruledAgainst: touched,
  };

  if (!input.approve) {
    if (input.ruling)
      insertRuling(db, reg, 'holder', input.ruling, input.reason as string, found, ctx.actor, today, at);
    db.prepare("UPDATE registrations SET state = 'rejected', outcome_reason = ?, updated_at = ? WHERE id = ?").run(
      input.reason,
      at,
      reg.id,
    );
    insertStep(db, {
      registrationId: reg.id,
      step: input.ruling ? 'ruling' : step,
      decision: input.ruling ? 'ruled_against' : 'rejected',
      unitId: step === 'pre_review' ? reg.pre_review_unit_id : centreId,
      actor: ctx.actor,
      on: today,
      opinion: input.reason ?? null,
      matches: conflicts,
      at,
    });
    ctx.afterCommit(() => ctx.identityIndex.upsertRegistration(reg.id));
    return { ...base, state: 'rejected', customerId: null };
  }

  if (step === 'pre_review') {
    db.prepare("UPDATE registrations SET state = 'review', updated_at = ? WHERE id = ?").run(at, reg.id);
    insertStep(db, {
      registrationId: reg.id,
      step,
      decision: 'approved',
      unitId: reg.pre_review_unit_id,
      actor: ctx.actor,
      on: today,
      opinion: input.reason ?? null,
      matches: conflicts,
      at,
    });
    ctx.afterCommit(() => ctx.identityIndex.upsertRegistration(reg.id));
    return { ...base, state: 'review', customerId: null };
  }

  // Review: the approval. The unit must still be active, and the bar (R19c) still holds.
  getActiveUnitRow(db, reg.unit_id);
  guardBar(db, reg.unit_id, found, today);
  const same = found.filter(isSameCompany);
  const own = same.find((m) => m.entry.customerId !== null && m.entry.unitId === reg.unit_id);
  if (own) {
    refuse(
      `该客户已是本单位的客户 ${own.entry.customerId}，不需要再申报；请驳回本申报`,
      `This is already the unit’s customer ${own.entry.customerId}; reject this registration`,
      { customerId: own.entry.customerId },
    );
  }
  const free = freeCustomers(db, same, centreId);
  const claims = same.filter((m) => claimsAgainst(reg, m, free));
  if (claims.length > 0 && !input.ruling) {
    const holders = matchViews(db, claims);
    refuse(
      `与其他单位的客户或更早的申报冲突，须由市局大客户中心裁定后才能通过：${holders.map((h) => h.message).join('；')}`,
      `It conflicts with another unit’s customer or an earlier registration; the city centre must rule before approval: ${holders.map((h) => h.messageEn).join('; ')}`,
      { conflicts: holders },
    );
  }
  if (input.ruling && claims.length === 0) {
    refuse(
      '没有需要裁定的冲突（与其他单位的客户或更早的申报为同一企业），请直接审核',
      'There is no conflict to rule on (no other unit’s customer or earlier registration of the same company): decide without a ruling',
    );
  }
  if (input.ruling && !input.reason) {
    throw new AppError(
      'VALIDATION',
      { zh: '裁定须写明理由', en: 'A ruling needs its reason' },
      { issues: [{ path: 'reason', message: '请填写裁定理由', messageEn: 'Enter the ruling’s reason' }] },
    );
  }
  if (input.ruling) {
    insertRuling(db, reg, 'registration', input.ruling, input.reason as string, claims, ctx.actor, today, at);
    // The earlier registrations lose: rejected, their units told why.
    for (const m of claims) {
      const loser = m.entry.registrationId;
      if (loser === null) continue;
      const why = `市局大客户中心裁定归属${units.get(reg.unit_id)?.name ?? ''}（申报 #${reg.id}）：${input.reason}`;
      db.prepare("UPDATE registrations SET state = 'rejected', outcome_reason = ?, updated_at = ? WHERE id = ?").run(
        why,
        at,
        loser,
      );
      insertStep(db, {
        registrationId: loser,
        step: 'ruling',
        decision: 'ruled_against',
        unitId: centreId,
        actor: ctx.actor,
        on: today,
        opinion: why,
        matches: [],
        at,
      });
      touched.push(loser);
    }
  }

  // The customer: one that matches as the same company (a released one, or another unit's after a
  // ruling) passes to this unit and keeps its ID (R16: never reused); otherwise a new ID.
  const existing = same.find((m) => m.entry.customerId !== null);
  let customerId: string;
  if (existing) {
    customerId = existing.entry.customerId as string;
    const before = getCustomerRow(db, customerId);
    db.prepare('UPDATE customers SET unit_id = ?, updated_at = ? WHERE id = ?').run(reg.unit_id, at, customerId);
    db.prepare(
      `INSERT INTO customer_releases (customer_id, registration_id, kind, previous_unit_id, next_unit_id, released_on,
         bar_until, reason, actor, recorded_at) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`,
    ).run(
      customerId,
      reg.id,
      input.ruling ? 'ruling' : 'registration',
      before.unit_id,
      reg.unit_id,
      today,
      input.reason ?? '申报通过',
      ctx.actor,
      at,
    );
  } else {
    const branchMatch = found.find((m) => m.reason === 'branch');
    if (branchMatch && !input.branchOf) {
      refuse(
        `这是已登记客户 ${branchMatch.entry.customerId} 的分支机构，请按分支机构通过（--branch-of ${branchMatch.entry.customerId}）`,
        `This is a branch of customer ${branchMatch.entry.customerId}: approve it as a branch (--branch-of ${branchMatch.entry.customerId})`,
        { headOffice: branchMatch.entry.customerId },
      );
    }
    let parentId: string | null = null;
    if (input.branchOf) {
      const head = getCustomerRow(db, input.branchOf);
      if (head.parent_id !== null || !head.id.endsWith('000')) {
        refuse(
          `“${head.name}”本身是分支机构，不能再下设分支；请选择其总部 ${head.parent_id ?? ''}`,
          `“${head.name}” is itself a branch; choose its head office ${head.parent_id ?? ''}`,
        );
      }
      customerId = allocateBranchId(db, head);
      parentId = head.id;
    } else {
      customerId = allocateHeadOfficeId(db, reg.area_code);
    }
    insertCustomer(
      db,
      customerId,
      {
        name: reg.name,
        areaCode: reg.area_code,
        unitId: reg.unit_id,
        industry: reg.industry,
        creditCode: reg.credit_code,
        address: reg.address,
        parentId,
      },
      normaliseCustomerName(reg.name),
      at,
    );
  }

  // R14: the scope the centre sets, with its suggestion; R15: responsible until the first tiering run.
  const lines = JSON.parse(reg.lines) as ProductLine[];
  const single = lines.length === 1 ? (lines[0] as ProductLine) : null;
  const county = countyOf(reg.unit_id, units);
  const suggestion = suggestScope(
    {
      clauses: [],
      annual: single ? { [single]: reg.revenue_fen ?? 1 } : {},
      homeUnitIsCounty: county !== null,
    },
    ctx.policy,
  );
  const scope = input.scope ?? suggestion.scope;
  const bureau =
    suggestion.mainLine === null
      ? null
      : ((db.prepare('SELECT unit_id AS id FROM line_bureaus WHERE line = ?').get(suggestion.mainLine) as
          | { id: number }
          | undefined) ?? null);
  const province = db.prepare("SELECT id FROM units WHERE kind = 'province' ORDER BY id LIMIT 1").get() as
    | { id: number }
    | undefined;
  const responsible = resolveResponsibleUnit(ctx.policy.responsibility.general[scope], {
    provinceCentreId: province?.id ?? null,
    cityCentreId: centreId,
    homeCountyUnitId: county,
    mainLineBureauId: bureau?.id ?? null,
    homeUnitId: reg.unit_id,
  });

  db.prepare(
    `UPDATE registrations SET state = 'approved', customer_id = ?, approved_on = ?, branch_of = ?, scope = ?,
       updated_at = ? WHERE id = ?`,
  ).run(customerId, today, input.branchOf ?? null, scope, at, reg.id);
  insertStep(db, {
    registrationId: reg.id,
    step: input.ruling ? 'ruling' : 'review',
    decision: input.ruling ? 'ruled_for' : 'approved',
    unitId: centreId,
    actor: ctx.actor,
    on: today,
    opinion: input.reason ?? null,
    matches: conflicts,
    at,
  });
  const row = getCustomerRow(db, customerId);
  const text = searchText({
    name: row.name,
    shortName: row.short_name,
    initials: row.pinyin_initials,
    creditCode: row.credit_code,
  });
  ctx.afterCommit(() => {
    ctx.searchIndex.upsert({ id: customerId, unitId: row.unit_id, searchText: text });
    ctx.identityIndex.upsertRegistration(reg.id);
    for (const id of touched) ctx.identityIndex.upsertRegistration(id);
  });
  return {
    ...base,
    state: 'approved',
    customerId,
    scope,
    suggestedScope: suggestion.scope,
    responsibleUnit: units.get(responsible.unitId)?.code ?? null,
  };
}

function insertRuling(
  db: Database,
  reg: RegistrationDbRow,
  winner: 'registration' | 'holder',
  basis: RulingBasis,
  reason: string,
  holders: readonly IndexMatch[],
  actor: string,
  today: string,
  at: string,
): void {
  const sides = conflictSides(db, reg, holders, today);
  db.prepare(
    `INSERT INTO registration_rulings (registration_id, winner, basis, reason, sides, actor, ruled_on, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(reg.id, winner, basis, reason, JSON.stringify(sides), actor, today, at);
}

/** R19: both sides of a conflict — units, dates, evidence, revenue. */
function conflictSides(
  db: Database,
  reg: RegistrationDbRow,
  holders: readonly IndexMatch[],
  today: string,
): ConflictSide[] {
  const units = unitNodes(db);
  const side = (unitId: number) => ({ unit: units.get(unitId)?.code ?? '', unitName: units.get(unitId)?.name ?? '' });
  const lastYear = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}`;
  const out: ConflictSide[] = [
    {
      registrationId: reg.id,
      customerId: null,
      ...side(reg.unit_id),
      since: reg.registered_on,
      evidence: reg.evidence,
      revenueFen: reg.revenue_fen,
    },
  ];
  for (const m of holders.filter(isSameCompany)) {
    if (m.entry.registrationId !== null) {
      const other = getRegistrationRow(db, m.entry.registrationId);
      out.push({
        registrationId: other.id,
        customerId: null,
        ...side(other.unit_id),
        since: other.registered_on,
        evidence: other.evidence,
        revenueFen: other.revenue_fen,
      });
    } else if (m.entry.customerId !== null) {
      const revenue = db
        .prepare('SELECT sum(amount_fen) AS fen FROM revenue WHERE customer_id = ? AND period >= ? AND period < ?')
        .get(m.entry.customerId, lastYear, today.slice(0, 7)) as { fen: number | null };
      const by = db
        .prepare(
          "SELECT evidence FROM registrations WHERE customer_id = ? AND state = 'approved' ORDER BY id DESC LIMIT 1",
        )
        .get(m.entry.customerId) as { evidence: string | null } | undefined;
      out.push({
        registrationId: null,
        customerId: m.entry.customerId,
        ...side(m.entry.unitId),
        since: m.entry.since,
        evidence: by?.evidence ?? null,
        revenueFen: revenue.fen ?? 0,
      });
    }
  }
  return out;
}

function clockOf(db: Database, reg: RegistrationDbRow, today: string, policy: Policy): OwnershipClockView | null {
  if (reg.state !== 'approved' || reg.customer_id === null || reg.approved_on === null) return null;
  const customer = db.prepare('SELECT agreement_since AS since FROM customers WHERE id = ?').get(reg.customer_id) as
    | { since: string | null }
    | undefined;
  const first = db
    .prepare(
      'SELECT min(period) AS period FROM revenue WHERE customer_id = ? AND period >= ? AND period <= ? AND amount_fen > 0',
    )
    .get(reg.customer_id, reg.approved_on.slice(0, 7), today.slice(0, 7)) as { period: string | null };
  return ownershipClock(
    {
      approvedOn: reg.approved_on,
      today,
      agreementSince: customer?.since ?? null,
      firstRevenuePeriod: first.period,
    },
    { lapseMonths: policy.registrationLapseMonths, warningDays: policy.registrationWarningDays },
  );
}

function toRow(
  db: Database,
  r: RegistrationDbRow,
  today: string,
  policy: Policy,
  units: ReadonlyMap<number, { code: string; name: string }> = unitNodes(db),
): RegistrationRow {
  return {
    id: r.id,
    unit: units.get(r.unit_id)?.code ?? '',
    unitName: units.get(r.unit_id)?.name ?? '',
    name: r.name,
    creditCode: r.credit_code,
    areaCode: r.area_code,
    state: r.state,
    source: r.source,
    registeredOn: r.registered_on,
    preReviewUnit: r.pre_review_unit_id === null ? null : (units.get(r.pre_review_unit_id)?.code ?? null),
    customerId: r.customer_id,
    approvedOn: r.approved_on,
    branchOf: r.branch_of,
    outcomeReason: r.outcome_reason,
    clock: clockOf(db, r, today, policy),
  };
}

export function listRegistrations(
  ctx: Pick<HandlerContext, 'db' | 'now' | 'policy'>,
  input: {
    state: RegistrationState | null;
    unitId: number | null;
    customerId?: string | null;
    clock: string | null;
    date: string | null;
  },
): RegistrationRow[] {
  const today = todayOf(ctx, input.date);
  const customer = input.customerId ?? null;
  const rows = ctx.db
    .prepare(
      `SELECT * FROM registrations WHERE (? IS NULL OR state = ?) AND (? IS NULL OR unit_id = ?)
         AND (? IS NULL OR customer_id = ?) AND (? IS NULL OR state = 'approved') ORDER BY id`,
    )
    .all(input.state, input.state, input.unitId, input.unitId, customer, customer, input.clock) as RegistrationDbRow[];
  const units = unitNodes(ctx.db);
  const out = rows.map((r) => toRow(ctx.db, r, today, ctx.policy, units));
  return input.clock === null ? out : out.filter((r) => r.clock?.state === input.clock);
}

export function getRegistration(
  ctx: Pick<HandlerContext, 'db' | 'now' | 'policy' | 'identityIndex'>,
  id: number,
  date: string | null,
): RegistrationDetail {
  const { db } = ctx;
  const today = todayOf(ctx, date);
  const r = getRegistrationRow(db, id);
  const units = unitNodes(db);
  const pending = PENDING_STATES.includes(r.state);
  const found = pending
    ? ctx.identityIndex.check({ name: r.name, creditCode: r.credit_code, phone: r.phone }, { registrationId: r.id })
    : [];
  const steps = (
    db.prepare('SELECT * FROM registration_steps WHERE registration_id = ? ORDER BY id').all(id) as {
      step: string;
      decision: string;
      unit_id: number | null;
      actor: string;
      decided_on: string;
      opinion: string | null;
      matches: string;
    }[]
  ).map((s) => ({
    step: s.step,
    decision: s.decision,
    unit: s.unit_id === null ? null : (units.get(s.unit_id)?.code ?? null),
    actor: s.actor,
    decidedOn: s.decided_on,
    opinion: s.opinion,
    matches: JSON.parse(s.matches) as RegistrationMatch[],
  }));
  const rulings = (
    db
      .prepare(
        'SELECT winner, basis, reason, ruled_on AS ruledOn, actor FROM registration_rulings WHERE registration_id = ? ORDER BY id',
      )
      .all(id) as RegistrationDetail['rulings']
  ).map((x) => ({ ...x }));
  return {
    ...toRow(db, r, today, ctx.policy),
    phone: r.phone,
    address: r.address,
    industry: r.industry,
    lines: JSON.parse(r.lines) as string[],
    evidence: r.evidence,
    revenueFen: r.revenue_fen,
    contact: r.contact,
    reason: r.reason,
    scope: r.scope,
    steps,
    matches: matchViews(db, found),
    sides: conflictSides(db, r, found, today),
    rulings,
  };
}

/**
 * R19c: the centre releases an approved registration whose period ended unconfirmed. The customer
 * keeps its ID and history, passes to the city centre, and records its previous owner, who may not
 * register it again before the bar ends.
 */
export function releaseRegistration(
  ctx: Ctx,
  input: { id: number; reason: string; date: string | null },
): RegistrationReleased {
  const { db } = ctx;
  const today = todayOf(ctx, input.date);
  const at = ctx.now().toISOString();
  const reg = getRegistrationRow(db, input.id);
  const clock = clockOf(db, reg, today, ctx.policy);
  if (clock === null) {
    refuse(
      `注册申报 #${reg.id} ${REGISTRATION_STATE_NAMES_ZH[reg.state]}，只有已通过的申报可以释放`,
      `Registration #${reg.id} is ${reg.state}; only an approved registration can be released`,
    );
  }
  if (clock.state !== 'lapsed') {
    refuse(
      clock.state === 'confirmed'
        ? `客户已确认归属（${clock.confirmedBy === 'agreement' ? '已签协议' : '已有收入'}），不能释放`
        : `归属期限到 ${clock.lapsesOn} 才届满，届满前不能释放`,
      clock.state === 'confirmed'
        ? `The registration is confirmed (${clock.confirmedBy}); it cannot be released`
        : `The ownership period ends on ${clock.lapsesOn}; it cannot be released before`,
      { clock },
    );
  }
  const customerId = reg.customer_id as string;
  const centreId = cityCentreId(db);
  const barUntil = addDays(today, ctx.policy.reregistrationBarDays);
  const previous = getUnitRow(db, reg.unit_id);
  db.prepare(
    `INSERT INTO customer_releases (customer_id, registration_id, kind, previous_unit_id, next_unit_id, released_on,
       bar_until, reason, actor, recorded_at) VALUES (?, ?, 'release', ?, ?, ?, ?, ?, ?, ?)`,
  ).run(customerId, reg.id, reg.unit_id, centreId, today, barUntil, input.reason, ctx.actor, at);
  db.prepare('UPDATE customers SET unit_id = ?, updated_at = ? WHERE id = ?').run(centreId, at, customerId);
  db.prepare("UPDATE registrations SET state = 'released', outcome_reason = ?, updated_at = ? WHERE id = ?").run(
    input.reason,
    at,
    reg.id,
  );
  insertStep(db, {
    registrationId: reg.id,
    step: 'release',
    decision: 'released',
    unitId: centreId,
    actor: ctx.actor,
    on: today,
    opinion: input.reason,
    matches: [],
    at,
  });
  const row = getCustomerRow(db, customerId);
  const text = searchText({
    name: row.name,
    shortName: row.short_name,
    initials: row.pinyin_initials,
    creditCode: row.credit_code,
  });
  ctx.afterCommit(() => ctx.searchIndex.upsert({ id: customerId, unitId: centreId, searchText: text }));
  return { id: reg.id, state: 'released', customerId, previousUnit: previous.code, barUntil };
}

/** A registration's duty on the work list (R19, R19c). */
export interface RegistrationDuty {
  kind: 'registration_step' | 'conflict' | 'lapse_warning' | 'lapse';
  registrationId: number;
  /** The registering unit's code (the unit that owns the customer once approved). */
  unit: string;
  customerId: string | null;
  /** The ownership period's end, for the clock's duties. */
  due: string | null;
}

/**
 * The registrations' duties on `today`: each one awaiting a step (a `conflict` when the review
 * cannot approve it without the centre's ruling, the same test the approval applies), and each
 * approved one whose ownership period is about to end or has ended unconfirmed (R19c). Only
 * approvals old enough to be in the warning window have their clock worked out.
 */
export function registrationDuties(
  ctx: Pick<HandlerContext, 'db' | 'identityIndex'>,
  today: string,
  policy: Policy,
): RegistrationDuty[] {
  const { db } = ctx;
  const units = unitNodes(db);
  const code = (unitId: number) => units.get(unitId)?.code ?? '';
  const out: RegistrationDuty[] = [];
  const centreId = cityCentreId(db);
  const pending = db
    .prepare(`SELECT * FROM registrations WHERE state IN ('pre_review', 'review') ORDER BY id`)
    .all() as RegistrationDbRow[];
  for (const reg of pending) {
    let conflict = false;
    if (reg.state === 'review') {
      const same = ctx.identityIndex
        .check({ name: reg.name, creditCode: reg.credit_code, phone: reg.phone }, { registrationId: reg.id })
        .filter(isSameCompany);
      const free = freeCustomers(db, same, centreId);
      conflict = same.some((m) => claimsAgainst(reg, m, free));
    }
    out.push({
      kind: conflict ? 'conflict' : 'registration_step',
      registrationId: reg.id,
      unit: code(reg.unit_id),
      customerId: null,
      due: null,
    });
  }
  // Approved on or before this date: the warning window (or the lapse) has begun by today. One
  // day of slack for month-end clamping; the clock itself decides.
  const latestApproval = addDays(
    addMonthsClamped(addDays(today, policy.registrationWarningDays), -policy.registrationLapseMonths),
    1,
  );
  const approved = db
    .prepare(`SELECT * FROM registrations WHERE state = 'approved' AND approved_on <= ? ORDER BY id`)
    .all(latestApproval) as RegistrationDbRow[];
  for (const reg of approved) {
    const clock = clockOf(db, reg, today, policy);
    if (clock === null || (clock.state !== 'warning' && clock.state !== 'lapsed')) continue;
    out.push({
      kind: clock.state === 'warning' ? 'lapse_warning' : 'lapse',
      registrationId: reg.id,
      unit: code(reg.unit_id),
      customerId: reg.customer_id,
      due: clock.lapsesOn,
    });
  }
  return out;
}
