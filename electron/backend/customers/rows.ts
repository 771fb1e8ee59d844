import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { Customer, CustomerRef } from '../../../shared/api/types';

export interface CustomerDbRow {
  id: string;
  name: string;
  short_name: string | null;
  normalised_name: string;
  pinyin_initials: string;
  area_code: string;
  unit_id: number;
  industry: string | null;
  credit_code: string | null;
  address: string | null;
  parent_id: string | null;
  last_branch: number;
  agreement_since: string | null;
  created_at: string;
  updated_at: string;
}

export function toCustomer(r: CustomerDbRow): Customer {
  return {
    id: r.id,
    name: r.name,
    shortName: r.short_name,
    areaCode: r.area_code,
    unitId: r.unit_id,
    industry: r.industry,
    creditCode: r.credit_code,
    address: r.address,
    parentId: r.parent_id,
    pinyinInitials: r.pinyin_initials,
    agreementSince: r.agreement_since,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getCustomerRow(db: Database, id: string): CustomerDbRow {
  const row = db.prepare('SELECT * FROM customers WHERE id = ?').get(id) as CustomerDbRow | undefined;
  if (!row)
    throw new AppError('NOT_FOUND', { zh: `找不到客户 ${id}`, en: `Customer ${id} not found` }, { customerId: id });
  return row;
}

export function findByCreditCode(db: Database, code: string, excludeId: string | null): CustomerRef | null {
  return (
    (db.prepare('SELECT id, name FROM customers WHERE credit_code = ? AND id IS NOT ?').get(code, excludeId) as
      | CustomerRef
      | undefined) ?? null
  );
}

export function findByNormalisedName(db: Database, normalised: string, excludeId: string | null): CustomerRef[] {
  return db
    .prepare('SELECT id, name FROM customers WHERE normalised_name = ? AND id IS NOT ? ORDER BY id LIMIT 10')
    .all(normalised, excludeId) as CustomerRef[];
}
