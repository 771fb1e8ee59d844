/**
 * R21 附件2 channels: the classification table — industries in priority order, each with its key
 * customers in order — read and rearranged by the officer. The exports read the places
 * (exports/gather.ts). DOMAIN-DECISIONS "Classification table (附件2, R21)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ClassificationView } from '../../../shared/api/types-classification';
import { bi } from '../../../shared/domain/bilingual';
import { localDate } from '../../../shared/domain/dates';
import type { Period } from '../../../shared/domain/periods';
import { entity } from '../audit/entities';
import { defineHandlers } from '../registry';
import { keyCustomersInForce } from '../tiering/in-force';

function view(db: Database, period: Period): ClassificationView {
  const industries = db.prepare('SELECT code, name FROM classification_industries ORDER BY position, code').all() as {
    code: string;
    name: string;
  }[];
  const tiers = keyCustomersInForce(db, period);
  const placed = db
    .prepare(
      `SELECT cc.customer_id, cc.industry_code, c.name, c.industry FROM classification_customers cc
       JOIN customers c ON c.id = cc.customer_id ORDER BY cc.industry_code, cc.position`,
    )
    .all() as { customer_id: string; industry_code: string; name: string; industry: string | null }[];
  const byIndustry = new Map<string, ClassificationView['industries'][number]['customers']>();
  for (const p of placed) {
    const list = byIndustry.get(p.industry_code) ?? [];
    list.push({ id: p.customer_id, name: p.name, tier: tiers.get(p.customer_id)?.tier ?? null, industry: p.industry });
    byIndustry.set(p.industry_code, list);
  }
  const placedIds = new Set(placed.map((p) => p.customer_id));
  const unplaced = (
    db.prepare('SELECT id, name, industry FROM customers ORDER BY id').all() as {
      id: string;
      name: string;
      industry: string | null;
    }[]
  )
    .filter((c) => tiers.get(c.id)?.tier != null && !placedIds.has(c.id))
    .map((c) => ({ id: c.id, name: c.name, tier: tiers.get(c.id)?.tier ?? null, industry: c.industry }));
  return {
    period,
    industries: industries.map((i) => ({ ...i, customers: byIndustry.get(i.code) ?? [] })),
    unplaced,
  };
}

const periodOf = (date: string | null, now: Date): Period => (date ?? localDate(now)).slice(0, 7) as Period;

export const classificationHandlers = defineHandlers({
  'classification/get': { kind: 'read', run: ({ date }, { db, now }) => view(db, periodOf(date, now())) },
  'classification/set-industries': {
    kind: 'write',
    audit: { entity: () => entity('classification', 'industries') },
    run: ({ industries }, ctx) => {
      const { db } = ctx;
      const codes = industries.map((i) => i.code);
      const dup = codes.find((c, i) => codes.indexOf(c) !== i);
      if (dup !== undefined)
        throw new AppError('VALIDATION', bi(`行业代码 ${dup} 重复`, `Industry code ${dup} appears twice`));
      const kept = new Set(codes);
      const dropped = (
        db
          .prepare(
            `SELECT industry_code FROM classification_customers
             UNION SELECT industry_code FROM ranking_prospects`,
          )
          .pluck()
          .all() as string[]
      ).filter((c) => !kept.has(c));
      if (dropped.length > 0)
        throw new AppError(
          'CONFLICT',
          bi(
            `行业 ${dropped.join('、')} 下还有客户或排序企业，请先移走后再删除`,
            `Industries ${dropped.join(', ')} still hold customers or ranked enterprises: move them first`,
          ),
        );
      const at = ctx.now().toISOString();
      // A dropped industry's worksheet (factors only: it has no prospects) goes with it.
      db.prepare(`DELETE FROM ranking_worksheets WHERE industry_code NOT IN (SELECT value FROM json_each(?))`).run(
        JSON.stringify(codes),
      );
      db.prepare(`DELETE FROM classification_industries WHERE code NOT IN (SELECT value FROM json_each(?))`).run(
        JSON.stringify(codes),
      );
      const upsert = db.prepare(
        `INSERT INTO classification_industries (code, name, position, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, position = excluded.position,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      );
      industries.forEach((i, n) => {
        upsert.run(i.code, i.name, n + 1, at, ctx.actor);
      });
      return view(db, periodOf(null, ctx.now()));
    },
  },
  'classification/place': {
    kind: 'write',
    audit: { entity: (i) => entity('classification', i.industryCode) },
    run: ({ industryCode, customerIds }, ctx) => {
      const { db } = ctx;
      if (!db.prepare('SELECT 1 FROM classification_industries WHERE code = ?').get(industryCode))
        throw new AppError('NOT_FOUND', bi(`找不到行业 ${industryCode}`, `No industry ${industryCode}`));
      const dup = customerIds.find((c, i) => customerIds.indexOf(c) !== i);
      if (dup !== undefined) throw new AppError('VALIDATION', bi(`客户 ${dup} 重复`, `Customer ${dup} appears twice`));
      const known = new Set(
        db
          .prepare('SELECT id FROM customers WHERE id IN (SELECT value FROM json_each(?))')
          .pluck()
          .all(JSON.stringify(customerIds)) as string[],
      );
      const unknown = customerIds.find((c) => !known.has(c));
      if (unknown !== undefined) throw new AppError('NOT_FOUND', bi(`找不到客户 ${unknown}`, `No customer ${unknown}`));
      const at = ctx.now().toISOString();
      // The industry's list is replaced; a customer listed here leaves any other industry.
      db.prepare('DELETE FROM classification_customers WHERE industry_code = ?').run(industryCode);
      const put = db.prepare(
        `INSERT INTO classification_customers (customer_id, industry_code, position, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (customer_id) DO UPDATE SET industry_code = excluded.industry_code, position = excluded.position,
           updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
      );
      customerIds.forEach((id, n) => {
        put.run(id, industryCode, n + 1, at, ctx.actor);
      });
      return view(db, periodOf(null, ctx.now()));
    },
  },
});
