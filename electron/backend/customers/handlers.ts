/** R16 customers: create/edit with ID allocation, duplicate warnings (R19), search and detail. */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  CustomerDetail,
  CustomerMatch,
  CustomerPage,
  CustomerRow,
  CustomerStanding,
} from '../../../shared/api/types';
import { checkCreditCode } from '../../../shared/domain/credit-code';
import { parseCustomerId } from '../../../shared/domain/customer-id';
import { normaliseCustomerName } from '../../../shared/domain/names';
import type { Tier } from '../../../shared/domain/tiers';
import { entity } from '../audit/entities';
import type { HandlerContext } from '../context';
import { getActiveUnitRow } from '../organisation/rows';
import { defineHandlers } from '../registry';
import { allocateBranchId, allocateHeadOfficeId } from './ids';
import { findByCreditCode, findByNormalisedName, getCustomerRow, toCustomer } from './rows';
import { foldQuery, foldText, pinyinInitials, searchText } from './search-text';
import { currentPeriod, standingOf, tierFilter } from './standing';
import { customerTimeline } from './timeline';

function requireArea(db: Database, code: string): string | null {
  const row = db.prepare('SELECT name FROM area_codes WHERE code = ?').get(code) as { name: string } | undefined;
  if (!row) {
    throw new AppError(
      'VALIDATION',
      { zh: `区划代码 ${code} 不在区划代码表中`, en: `Area code ${code} is not in the area code table` },
      {
        issues: [{ path: 'areaCode', message: '区划代码不在代码表中', messageEn: 'Not in the area code table' }],
      },
    );
  }
  return row.name;
}

interface Identity {
  name: string;
  creditCode?: string | null | undefined;
  confirmDuplicateName: boolean;
}

/** R19: same credit code is the same legal entity (refused); same normalised name warns. */
function guardDuplicates(db: Database, input: Identity, excludeId: string | null): string {
  if (input.creditCode) {
    const existing = findByCreditCode(db, input.creditCode, excludeId);
    if (existing) {
      throw new AppError(
        'DUPLICATE_CUSTOMER',
        {
          zh: `统一社会信用代码 ${input.creditCode} 已登记为客户“${existing.name}”（${existing.id}），同一法人不能重复登记`,
          en: `Credit code ${input.creditCode} is already registered as “${existing.name}” (${existing.id}); one legal entity is registered once`,
        },
        { reason: 'creditCode', existing },
      );
    }
  }
  const normalised = normaliseCustomerName(input.name);
  if (!input.confirmDuplicateName) {
    const same = findByNormalisedName(db, normalised, excludeId);
    const first = same[0];
    if (first) {
      throw new AppError(
        'DUPLICATE_CUSTOMER',
        {
          zh: `已有同名客户“${first.name}”（${first.id}）。如确为不同客户，请确认后再保存`,
          en: `A customer named “${first.name}” (${first.id}) already exists. If this is a different customer, confirm to save`,
        },
        { reason: 'name', existing: first, all: same },
      );
    }
  }
  return normalised;
}

const PAGE_SELECT = `SELECT c.id, c.name, c.short_name AS shortName, c.unit_id AS unitId, u.name AS unit,
    c.area_code AS areaCode, c.industry, c.parent_id AS parentId,
    (SELECT p.name FROM customers p WHERE p.id = c.parent_id) AS parentName,
    (SELECT count(*) FROM customers b WHERE b.parent_id = c.id) AS branchCount,
    c.pinyin_initials AS pinyinInitials, c.credit_code AS creditCode
  FROM customers c JOIN units u ON u.id = c.unit_id
  WHERE c.id IN (SELECT value FROM json_each(?))`;

type PageRow = Omit<CustomerRow, keyof CustomerStanding | 'matchedOn'> & {
  pinyinInitials: string;
  creditCode: string | null;
};

function listCustomers(
  ctx: HandlerContext,
  input: {
    search: string;
    unitId: number | null;
    headOfficesOnly: boolean;
    tier: Tier | 'none' | null;
    offset: number;
    limit: number;
  },
): CustomerPage {
  const period = currentPeriod(ctx.now());
  const hits = ctx.searchIndex.search(
    input.search,
    { ...input, ids: input.tier === null ? null : tierFilter(ctx.db, period, input.tier) },
    input.offset,
    input.limit,
  );
  const byId = new Map(
    hits.ids.length === 0
      ? []
      : (ctx.db.prepare(PAGE_SELECT).all(JSON.stringify(hits.ids)) as PageRow[]).map((r) => [r.id, r]),
  );
  // In the index's order: ID prefix first, then name, then the rest.
  const found = hits.ids.map((id) => byId.get(id) as PageRow);
  // The hub's tier, scope and managers are joined for this page only (the index answers the rest).
  const standing = standingOf(ctx.db, period, found);
  const rows = found.map(({ pinyinInitials, creditCode, ...r }) => ({
    ...r,
    ...(standing.get(r.id) as CustomerStanding),
    matchedOn: matchOf(input.search, { ...r, pinyinInitials, creditCode }),
  }));
  return { total: hits.total, offset: input.offset, rows };
}

/** Which field a row matched the search on, in the ranking's order (search-index.ts). */
function matchOf(search: string, row: PageRow): CustomerMatch | null {
  const q = foldQuery(search);
  if (q === '') return null;
  if (/^\d+$/.test(q) && row.id.startsWith(q)) return 'id';
  const has = (v: string | null) => v !== null && foldText(v).includes(q);
  if (has(row.name)) return 'name';
  if (has(row.shortName)) return 'shortName';
  if (has(row.creditCode)) return 'creditCode';
  if (has(row.pinyinInitials) || (row.shortName !== null && has(pinyinInitials(row.shortName)))) return 'pinyin';
  return null;
}

function getDetail(db: Database, id: string, now: Date): CustomerDetail {
  const row = getCustomerRow(db, id);
  const standing = standingOf(db, currentPeriod(now), [{ id: row.id, unitId: row.unit_id }]).get(
    row.id,
  ) as CustomerStanding;
  const unit = db.prepare('SELECT name FROM units WHERE id = ?').get(row.unit_id) as { name: string };
  const areaName = (code: string) =>
    (db.prepare('SELECT name FROM area_codes WHERE code = ?').get(code) as { name: string } | undefined)?.name ?? null;
  const parts = parseCustomerId(row.id);
  const parent = row.parent_id
    ? (db.prepare('SELECT id, name FROM customers WHERE id = ?').get(row.parent_id) as { id: string; name: string })
    : null;
  return {
    ...toCustomer(row),
    ...standing,
    unit: unit.name,
    areaName: areaName(row.area_code),
    idParts: {
      areaCode: row.id.slice(0, 6),
      areaName: parts ? areaName(parts.areaCode) : null,
      sequence: row.id.slice(6, 11),
      branch: row.id.slice(11, 14),
    },
    parent,
    branches: db.prepare('SELECT id, name FROM customers WHERE parent_id = ? ORDER BY id').all(row.id) as {
      id: string;
      name: string;
    }[],
  };
}

/** The stored columns both create and update write, search keys included. */
function customerColumns(input: CustomerFields, normalised: string) {
  const initials = pinyinInitials(input.name);
  const shortName = input.shortName ?? null;
  const creditCode = input.creditCode ?? null;
  return {
    name: input.name,
    shortName,
    normalised,
    initials,
    searchText: searchText({ name: input.name, shortName, initials, creditCode }),
    areaCode: input.areaCode,
    unitId: input.unitId,
    industry: input.industry ?? null,
    creditCode,
    address: input.address ?? null,
  };
}

/** One new customer row (create, and the customer-list import); the caller has allocated the ID (R16). */
export function insertCustomer(
  db: Database,
  id: string,
  input: CustomerFields & { parentId: string | null },
  normalised: string,
  at: string,
): ReturnType<typeof customerColumns> {
  const columns = customerColumns(input, normalised);
  db.prepare(
    `INSERT INTO customers (id, name, short_name, normalised_name, pinyin_initials, search_text, area_code, unit_id,
       industry, credit_code, address, parent_id, created_at, updated_at)
     VALUES (@id, @name, @shortName, @normalised, @initials, @searchText, @areaCode, @unitId,
       @industry, @creditCode, @address, @parentId, @at, @at)`,
  ).run({ ...columns, id, parentId: input.parentId, at });
  return columns;
}

interface CustomerFields {
  name: string;
  shortName?: string | null | undefined;
  areaCode: string;
  unitId: number;
  industry?: string | null | undefined;
  creditCode?: string | null | undefined;
  address?: string | null | undefined;
}

export const customerHandlers = defineHandlers({
  'customers/list': { kind: 'read', run: (input, ctx) => listCustomers(ctx, input) },
  'customers/get': { kind: 'read', run: ({ id }, { db, now }) => getDetail(db, id, now()) },
  'customers/timeline': {
    kind: 'read',
    run: ({ id }, { db }) => {
      getCustomerRow(db, id);
      return customerTimeline(db, id);
    },
  },
  'customers/check-duplicates': {
    kind: 'read',
    run: ({ name, creditCode, excludeId }, { db }) => {
      const check = creditCode === '' ? null : checkCreditCode(creditCode);
      return {
        byCreditCode: check?.ok ? findByCreditCode(db, check.code, excludeId) : null,
        byName: name === '' ? [] : findByNormalisedName(db, normaliseCustomerName(name), excludeId),
      };
    },
  },
  'customers/create': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('customer', r.id) : null) },
    run: (input, { db, now, searchIndex, afterCommit }) => {
      const unit = getActiveUnitRow(db, input.unitId);
      requireArea(db, input.areaCode);
      const normalised = guardDuplicates(db, input, null);
      let id: string;
      if (input.parentId !== null) {
        const head = getCustomerRow(db, input.parentId);
        if (head.parent_id !== null) {
          throw new AppError(
            'CONFLICT',
            {
              zh: `“${head.name}”本身是分支机构，不能再下设分支；请选择其总部 ${head.parent_id}`,
              en: `“${head.name}” is itself a branch and cannot have branches; choose its head office ${head.parent_id}`,
            },
            {
              field: 'parentId',
            },
          );
        }
        id = allocateBranchId(db, head);
      } else {
        id = allocateHeadOfficeId(db, input.areaCode);
      }
      const columns = insertCustomer(db, id, { ...input, unitId: unit.id }, normalised, now().toISOString());
      afterCommit(() => searchIndex.upsert({ id, unitId: unit.id, searchText: columns.searchText }));
      return toCustomer(getCustomerRow(db, id));
    },
  },
  'customers/update': {
    kind: 'write',
    audit: { entity: (i) => entity('customer', i.id) },
    run: (input, { db, now, searchIndex, afterCommit }) => {
      const before = getCustomerRow(db, input.id);
      if (before.unit_id !== input.unitId) getActiveUnitRow(db, input.unitId);
      requireArea(db, input.areaCode);
      const normalised = guardDuplicates(
        db,
        // Re-saving an unchanged name must not trip the same-name warning against others it already matched.
        { ...input, confirmDuplicateName: input.confirmDuplicateName || before.name === input.name },
        input.id,
      );
      const columns = customerColumns(input, normalised);
      db.prepare(
        `UPDATE customers SET name = @name, short_name = @shortName, normalised_name = @normalised,
           pinyin_initials = @initials, search_text = @searchText, area_code = @areaCode, unit_id = @unitId,
           industry = @industry, credit_code = @creditCode, address = @address, updated_at = @at
         WHERE id = @id`,
      ).run({ ...columns, id: input.id, at: now().toISOString() });
      afterCommit(() => searchIndex.upsert({ id: input.id, unitId: input.unitId, searchText: columns.searchText }));
      return toCustomer(getCustomerRow(db, input.id));
    },
  },
  'customers/set-agreement': {
    kind: 'write',
    audit: { entity: (i) => entity('customer', i.id) },
    run: ({ id, since }, { db, now }) => {
      getCustomerRow(db, id);
      db.prepare('UPDATE customers SET agreement_since = ?, updated_at = ? WHERE id = ?').run(
        since,
        now().toISOString(),
        id,
      );
      return toCustomer(getCustomerRow(db, id));
    },
  },
  'customers/set-qualification': {
    kind: 'write',
    audit: { entity: (i) => entity('qualification', i.id) },
    run: ({ id, decision }, { db, now }) => {
      getCustomerRow(db, id);
      if (decision === null) {
        db.prepare('DELETE FROM qualification_decisions WHERE customer_id = ?').run(id);
        return null;
      }
      const recordedAt = now().toISOString();
      db.prepare(
        `INSERT INTO qualification_decisions (customer_id, qualified, reason, approver, decided_on, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (customer_id) DO UPDATE SET qualified = excluded.qualified, reason = excluded.reason,
           approver = excluded.approver, decided_on = excluded.decided_on, recorded_at = excluded.recorded_at`,
      ).run(id, decision.qualified ? 1 : 0, decision.reason, decision.approver, decision.decidedOn, recordedAt);
      return { customerId: id, ...decision, recordedAt };
    },
  },
});
