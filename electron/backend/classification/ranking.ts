/**
 * R21 steps 2–3 channels: an industry's ranking worksheet — the factors and their weights, the
 * enterprises surveyed (prospects) with a value per factor, scored and ranked by
 * shared/domain/classification/ranking.ts — and turning a prospect into a registration (R19)
 * through the registrations service, the R19a duplicate check first. Every write is the
 * registry's one transaction: a refusal leaves the database as it was.
 * DOMAIN-DECISIONS "Classification table (附件2, R21)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { RankedProspect, RankingFactorView, RankingView } from '../../../shared/api/types-classification';
import { bi } from '../../../shared/domain/bilingual';
import {
  DEFAULT_FACTORS,
  factorProblem,
  factorProblemText,
  pointsText,
  type RankingFactor,
  rankProspects,
} from '../../../shared/domain/classification/ranking';
import { SAME_COMPANY_REASONS } from '../../../shared/domain/registration/matches';
import { entity } from '../audit/entities';
import type { HandlerContext } from '../context';
import { getActiveUnitRow } from '../organisation/rows';
import { addRegistration, matchViews, requireArea } from '../registrations/service';
import { defineHandlers } from '../registry';

interface ProspectRow {
  id: number;
  industry_code: string;
  name: string;
  credit_code: string | null;
  area_code: string;
  area_name: string | null;
  unit_id: number;
  unit_name: string;
  factor_values: string;
  note: string | null;
  registration_id: number | null;
  registration_state: string | null;
  customer_id: string | null;
}

function industryOf(db: Database, code: string): { code: string; name: string } {
  const row = db.prepare('SELECT code, name FROM classification_industries WHERE code = ?').get(code) as
    | { code: string; name: string }
    | undefined;
  if (!row) throw new AppError('NOT_FOUND', bi(`找不到行业 ${code}`, `No industry ${code}`));
  return row;
}

/** The worksheet's factors: the saved ones, or the defaults before anything was saved. */
function factorsOf(db: Database, industryCode: string): { factors: RankingFactor[]; saved: boolean } {
  const json = db.prepare('SELECT factors FROM ranking_worksheets WHERE industry_code = ?').pluck().get(industryCode) as
    | string
    | undefined;
  return json === undefined
    ? { factors: DEFAULT_FACTORS.map((f) => ({ ...f })), saved: false }
    : { factors: JSON.parse(json) as RankingFactor[], saved: true };
}

function saveFactors(
  ctx: Pick<HandlerContext, 'db' | 'now' | 'actor'>,
  industryCode: string,
  factors: RankingFactor[],
) {
  ctx.db
    .prepare(
      `INSERT INTO ranking_worksheets (industry_code, factors, updated_at, updated_by) VALUES (?, ?, ?, ?)
       ON CONFLICT (industry_code) DO UPDATE SET factors = excluded.factors, updated_at = excluded.updated_at,
         updated_by = excluded.updated_by`,
    )
    .run(industryCode, JSON.stringify(factors), ctx.now().toISOString(), ctx.actor);
}

const PROSPECTS = `SELECT p.id, p.industry_code, p.name, p.credit_code, p.area_code, a.name AS area_name, p.unit_id,
    u.name AS unit_name, p.factor_values, p.note, p.registration_id, r.state AS registration_state, r.customer_id
  FROM ranking_prospects p JOIN units u ON u.id = p.unit_id LEFT JOIN area_codes a ON a.code = p.area_code
  LEFT JOIN registrations r ON r.id = p.registration_id`;

export function rankingView(db: Database, industryCode: string): RankingView {
  const industry = industryOf(db, industryCode);
  const { factors, saved } = factorsOf(db, industryCode);
  const rows = db.prepare(`${PROSPECTS} WHERE p.industry_code = ? ORDER BY p.id`).all(industryCode) as ProspectRow[];
  const prospects = rankProspects(
    factors,
    rows.map((r) => ({ row: r, values: JSON.parse(r.factor_values) as Record<string, number> })),
  ).map(
    ({ prospect: { row: r, values }, points, rank, missing }): RankedProspect => ({
      id: r.id,
      name: r.name,
      creditCode: r.credit_code,
      areaCode: r.area_code,
      areaName: r.area_name,
      unitId: r.unit_id,
      unitName: r.unit_name,
      values,
      note: r.note,
      points,
      score: pointsText(points),
      rank,
      missing,
      registration:
        r.registration_id === null
          ? null
          : { id: r.registration_id, state: r.registration_state ?? '', customerId: r.customer_id },
    }),
  );
  return { industry, saved, factors: factors as RankingFactorView[], prospects };
}

function prospectRow(db: Database, id: number): ProspectRow {
  const row = db.prepare(`${PROSPECTS} WHERE p.id = ?`).get(id) as ProspectRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', bi(`找不到排序企业 #${id}`, `No ranked enterprise #${id}`));
  return row;
}

function refuseRegistered(row: ProspectRow, what: { zh: string; en: string }): void {
  if (row.registration_id !== null)
    throw new AppError(
      'CONFLICT',
      bi(
        `“${row.name}”已转为注册申报 #${row.registration_id}，不能再${what.zh}`,
        `“${row.name}” became registration #${row.registration_id}; it cannot be ${what.en}`,
      ),
      { registrationId: row.registration_id },
    );
}

/** Values are kept only for the worksheet's factors (a value for another key is refused). */
function checkValueKeys(factors: readonly RankingFactor[], values: Record<string, unknown>): void {
  const keys = new Set(factors.map((f) => f.key));
  const stray = Object.keys(values).find((k) => !keys.has(k));
  if (stray !== undefined)
    throw new AppError('VALIDATION', bi(`本行业的排序因素中没有 ${stray}`, `The worksheet has no factor ${stray}`), {
      issues: [{ path: `values.${stray}`, message: '没有这个排序因素', messageEn: 'No such factor' }],
    });
}

/** One enterprise is surveyed once: a credit code already on a worksheet is refused, naming where. */
function guardCreditCode(db: Database, creditCode: string | null | undefined, exceptId: number | null): void {
  if (!creditCode) return;
  const other = db
    .prepare(
      `SELECT p.id, p.name, i.name AS industry FROM ranking_prospects p JOIN classification_industries i
         ON i.code = p.industry_code WHERE p.credit_code = ? AND p.id IS NOT ?`,
    )
    .get(creditCode, exceptId) as { id: number; name: string; industry: string } | undefined;
  if (other)
    throw new AppError(
      'CONFLICT',
      bi(
        `统一社会信用代码 ${creditCode} 已在“${other.industry}”的排序表中（${other.name}）`,
        `Credit code ${creditCode} is already on the ${other.industry} worksheet (${other.name})`,
      ),
      { prospectId: other.id },
    );
}

const reasonText = (industry: string, p: RankedProspect, count: number): string =>
  `行业排序：${industry} 第 ${p.rank} 名（共 ${count} 家，加权得分 ${p.score}）`;

export const rankingHandlers = defineHandlers({
  'ranking/get': { kind: 'read', run: ({ industryCode }, { db }) => rankingView(db, industryCode) },
  'ranking/set-factors': {
    kind: 'write',
    audit: { entity: (i) => entity('ranking', i.industryCode) },
    run: ({ industryCode, factors }, ctx) => {
      const { db } = ctx;
      industryOf(db, industryCode);
      const problem = factorProblem(factors);
      if (problem) throw new AppError('VALIDATION', factorProblemText(problem), { issues: [{ path: 'factors' }] });
      saveFactors(ctx, industryCode, factors);
      // The values of a factor taken off the worksheet go with it (a registered prospect keeps its
      // values as they were when it was filed: it is fixed).
      db.prepare(
        `UPDATE ranking_prospects SET factor_values = (
           SELECT json_group_object(v.key, v.value) FROM json_each(factor_values) v
           WHERE v.key IN (SELECT value FROM json_each(?)))
         WHERE industry_code = ? AND registration_id IS NULL`,
      ).run(JSON.stringify(factors.map((f) => f.key)), industryCode);
      return rankingView(db, industryCode);
    },
  },
  'ranking/add-prospect': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('prospect', r.id) : null) },
    run: (input, ctx) => {
      const { db } = ctx;
      industryOf(db, input.industryCode);
      getActiveUnitRow(db, input.unitId);
      requireArea(db, input.areaCode);
      const { factors, saved } = factorsOf(db, input.industryCode);
      checkValueKeys(factors, input.values);
      guardCreditCode(db, input.creditCode, null);
      // The first prospect fixes the default factors on the worksheet, so its values keep their meaning.
      if (!saved) saveFactors(ctx, input.industryCode, factors);
      const at = ctx.now().toISOString();
      const id = Number(
        db
          .prepare(
            `INSERT INTO ranking_prospects (industry_code, name, credit_code, area_code, unit_id, factor_values, note,
               created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            input.industryCode,
            input.name,
            input.creditCode ?? null,
            input.areaCode,
            input.unitId,
            JSON.stringify(input.values),
            input.note ?? null,
            at,
            ctx.actor,
            at,
            ctx.actor,
          ).lastInsertRowid,
      );
      return { id, view: rankingView(db, input.industryCode) };
    },
  },
  'ranking/update-prospect': {
    kind: 'write',
    audit: { entity: (i) => entity('prospect', i.id) },
    run: (input, ctx) => {
      const { db } = ctx;
      const row = prospectRow(db, input.id);
      refuseRegistered(row, { zh: '修改', en: 'changed' });
      if (input.unitId !== undefined) getActiveUnitRow(db, input.unitId);
      if (input.areaCode !== undefined) requireArea(db, input.areaCode);
      if (input.values !== undefined) checkValueKeys(factorsOf(db, row.industry_code).factors, input.values);
      if (input.creditCode !== undefined) guardCreditCode(db, input.creditCode, row.id);
      const values: Record<string, number> = JSON.parse(row.factor_values);
      for (const [k, v] of Object.entries(input.values ?? {})) {
        if (v === null) delete values[k];
        else values[k] = v;
      }
      db.prepare(
        `UPDATE ranking_prospects SET name = ?, credit_code = ?, area_code = ?, unit_id = ?, factor_values = ?, note = ?,
           updated_at = ?, updated_by = ? WHERE id = ?`,
      ).run(
        input.name ?? row.name,
        input.creditCode === undefined ? row.credit_code : input.creditCode,
        input.areaCode ?? row.area_code,
        input.unitId ?? row.unit_id,
        JSON.stringify(values),
        input.note === undefined ? row.note : input.note,
        ctx.now().toISOString(),
        ctx.actor,
        row.id,
      );
      return { id: row.id, view: rankingView(db, row.industry_code) };
    },
  },
  'ranking/remove-prospect': {
    kind: 'write',
    audit: { entity: (i) => entity('prospect', i.id) },
    run: ({ id }, ctx) => {
      const row = prospectRow(ctx.db, id);
      refuseRegistered(row, { zh: '删除', en: 'removed' });
      ctx.db.prepare('DELETE FROM ranking_prospects WHERE id = ?').run(id);
      return { id, view: rankingView(ctx.db, row.industry_code) };
    },
  },
  'ranking/register': {
    kind: 'write',
    audit: { entity: (i) => entity('prospect', i.id) },
    run: ({ id, reason, date }, ctx) => {
      const { db } = ctx;
      const row = prospectRow(db, id);
      refuseRegistered(row, { zh: '申报', en: 'registered again' });
      // R19a: the worksheet files only an enterprise nobody holds. A same-company match (credit
      // code or name) with a customer or a pending registration is refused, naming only the
      // holder (unit, state, since); a weaker match (similar name, branch, phone) is filed and
      // reported with the registration, as 注册申报 does.
      const holders = matchViews(
        db,
        ctx.identityIndex
          .check({ name: row.name, creditCode: row.credit_code })
          .filter((m) => SAME_COMPANY_REASONS.includes(m.reason)),
      );
      if (holders.length > 0)
        throw new AppError(
          'CONFLICT',
          bi(
            `“${row.name}”已有登记，不能转为注册申报：${holders.map((m) => m.message).join('；')}`,
            `“${row.name}” is already held; not registered: ${holders.map((m) => m.messageEn).join('; ')}`,
          ),
          { matches: holders },
        );
      const before = rankingView(db, row.industry_code);
      const ranked = before.prospects.find((p) => p.id === id) as RankedProspect;
      const registration = addRegistration(
        ctx,
        {
          unitId: row.unit_id,
          name: row.name,
          areaCode: row.area_code,
          creditCode: row.credit_code,
          industry: before.industry.name,
          reason: reason ?? reasonText(before.industry.name, ranked, before.prospects.length),
          date,
        },
        { source: 'typed' },
      );
      db.prepare('UPDATE ranking_prospects SET registration_id = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(
        registration.id,
        ctx.now().toISOString(),
        ctx.actor,
        id,
      );
      return { id, registration, view: rankingView(db, row.industry_code) };
    },
  },
});
