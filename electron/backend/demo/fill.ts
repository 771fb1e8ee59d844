/**
 * `kam demo`: fills a new database with realistic synthetic data — managers per R4, N customers
 * across the area codes with Chinese company names, about 10% head offices with 1–5 branches,
 * some with valid unified social credit codes. Deterministic for a seed. IDs come from the same
 * allocator as the app (R16); rows are inserted directly so 200,000 customers take seconds.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { bi } from '../../../shared/domain/bilingual';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../../shared/domain/credit-code';
import { localDate, localDateTime, managerChangeDueDate } from '../../../shared/domain/dates';
import { normaliseCustomerName } from '../../../shared/domain/names';
import type { ManagerPost } from '../../../shared/domain/organisation';
import type { Policy } from '../../../shared/domain/policy/policy';
import { allocateBranchId, allocateHeadOfficeId } from '../customers/ids';
import { pinyinInitials, searchText } from '../customers/search-text';
import { Random } from './random';
import * as V from './vocabulary';

export interface DemoOptions {
  customers: number;
  seed: number;
}

export interface DemoSummary {
  customers: number;
  headOffices: number;
  branches: number;
  withCreditCode: number;
  managers: number;
}

interface UnitInfo {
  id: number;
  code: string;
  kind: string;
  area_code: string | null;
  min_managers: number;
}

function personName(rng: Random): string {
  return rng.pick(V.SURNAMES) + rng.pick(V.GIVEN) + (rng.chance(0.7) ? rng.pick(V.GIVEN) : '');
}

const TRADE_INDUSTRY: Record<string, string> = {
  物流: '交通物流',
  贸易: '商贸流通',
  百货: '商贸流通',
  置业: '房地产',
  投资: '金融保险',
  通信: '电信运营',
  酒店: '商贸流通',
};

/** A company name; a district in the name is the customer's own home area. */
function companyName(rng: Random, district: string): { name: string; industry: string } {
  const roll = rng.next();
  if (roll < 0.05) return { name: `汕头市${district}${rng.pick(V.PUBLIC_BODIES)}`, industry: '政府机关' };
  if (roll < 0.08) return { name: `${rng.pick(V.BANKS)}汕头${district}支行`, industry: '金融保险' };
  const core = rng.pick(V.CORE_FIRST) + rng.pick(V.CORE_SECOND);
  const trade = rng.pick(V.TRADES);
  const suffix = rng.pick(V.SUFFIXES);
  const style = rng.next();
  const name =
    style < 0.45
      ? `汕头市${core}${trade}${suffix}`
      : style < 0.7
        ? `汕头市${district}${core}${trade}${suffix}`
        : style < 0.85
          ? `广东${core}${trade}${suffix}`
          : `${core}${trade}（汕头）${suffix}`;
  return { name, industry: TRADE_INDUSTRY[trade] ?? '制造业' };
}

function creditCode(rng: Random, areaCode: string): string {
  let body = `91${areaCode}`;
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_ALPHABET.charAt(rng.int(0, 30));
  return body + creditCodeCheckCharacter(body);
}

export function fillDemo(db: Database, policy: Policy, options: DemoOptions, now: Date): DemoSummary {
  const existing = (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n;
  if (existing > 0) {
    throw new AppError(
      'CONFLICT',
      bi(
        `数据库中已有 ${existing} 个客户；演示数据只能填入新数据库`,
        `The database already holds ${existing} customers; demo data goes only into a new database`,
      ),
    );
  }
  const rng = new Random(options.seed);
  const units = db
    .prepare('SELECT id, code, kind, area_code, min_managers FROM units WHERE retired_on IS NULL')
    .all() as UnitInfo[];
  const areas = (
    db.prepare('SELECT code, name, urban FROM area_codes').all() as { code: string; name: string; urban: number }[]
  ).filter((a) => a.code !== '440500');
  const countyByArea = new Map(units.filter((u) => u.kind === 'county').map((u) => [u.area_code, u]));
  const professional = units.filter((u) => u.kind === 'professional');
  const centre = units.find((u) => u.kind === 'centre');
  if (!centre || professional.length === 0)
    throw new AppError(
      'CONFLICT',
      bi(
        '演示数据需要种子单位（市局大客户中心与专业局）',
        'Demo data needs the seeded units (the city centre and the bureaus)',
      ),
    );

  const today = localDate(now);
  const insertManager = db.prepare(
    'INSERT INTO managers (name, unit_id, post, employment, phone, started_on) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertChange = db.prepare(
    `INSERT INTO manager_changes (manager_id, kind, effective_on, recorded_at, due_on, late, to_unit_id, summary)
     VALUES (?, 'register', ?, ?, ?, 0, ?, ?)`,
  );
  const insertCustomer = db.prepare(
    `INSERT INTO customers (id, name, short_name, normalised_name, pinyin_initials, search_text, area_code, unit_id,
       industry, credit_code, address, parent_id, created_at, updated_at)
     VALUES (@id, @name, NULL, @normalised, @initials, @searchText, @areaCode, @unitId, @industry, @creditCode,
       @address, @parentId, @at, @at)`,
  );

  const summary: DemoSummary = { customers: 0, headOffices: 0, branches: 0, withCreditCode: 0, managers: 0 };
  db.transaction(() => {
    // R4 staffing: the centre's posts, and each unit's minimum of account managers.
    // In post since early this year — or since today, when today is 1 January.
    const startedOn = [`${today.slice(0, 4)}-01-02`, today].sort()[0] as string;
    const addManager = (unit: UnitInfo, post: ManagerPost) => {
      const name = personName(rng);
      const phone = `13${rng.int(0, 9)}${String(rng.int(0, 99_999_999)).padStart(8, '0')}`;
      const id = Number(
        insertManager.run(name, unit.id, post, post === 'head' ? 'part_time' : 'full_time', phone, startedOn)
          .lastInsertRowid,
      );
      insertChange.run(
        id,
        startedOn,
        // Registered on the day it took effect: the demo's register is on time (R30).
        startedOn === today ? localDateTime(now) : `${startedOn} 09:00:00`,
        managerChangeDueDate(startedOn, policy.reporting.managerChangeDueDay),
        unit.id,
        `登记 ${name}`,
      );
      summary.managers++;
    };
    for (const post of [
      'director',
      'deputy_director',
      'planning_manager',
      'planning_manager',
      'information_officer',
    ] as const) {
      addManager(centre, post);
    }
    for (const unit of units) {
      if (unit.kind === 'county' || unit.code === 'P01') addManager(unit, 'head');
      for (let i = 0; i < unit.min_managers; i++) addManager(unit, 'account_manager');
    }

    const usedNames = new Set<string>();
    const usedCodes = new Set<string>();
    const uniqueName = (make: () => string) => {
      for (let attempt = 0; ; attempt++) {
        const name = make();
        const key = normaliseCustomerName(name);
        if (!usedNames.has(key)) {
          usedNames.add(key);
          return name;
        }
        if (attempt > 50) throw new Error('demo names exhausted');
      }
    };
    const insert = (row: {
      id: string;
      name: string;
      areaCode: string;
      unitId: number;
      industry: string;
      parentId: string | null;
    }) => {
      const initials = pinyinInitials(row.name);
      let code: string | null = null;
      if (rng.chance(0.4)) {
        code = creditCode(rng, row.areaCode);
        if (usedCodes.has(code)) code = null;
        else usedCodes.add(code);
      }
      insertCustomer.run({
        ...row,
        normalised: normaliseCustomerName(row.name),
        initials,
        searchText: searchText({ name: row.name, shortName: null, initials, creditCode: code }),
        creditCode: code,
        address: `广东省汕头市${rng.pick(V.PLACES)}路${rng.int(1, 300)}号`,
        at: now.toISOString(),
      });
      summary.customers++;
      if (code) summary.withCreditCode++;
    };

    const unitFor = (area: { code: string }): UnitInfo => {
      const county = countyByArea.get(area.code);
      if (county && rng.chance(0.85)) return county;
      return rng.chance(0.3) ? centre : rng.pick(professional);
    };

    let anchor = 0;
    while (summary.customers < options.customers) {
      const area = rng.pick(areas);
      const unit = unitFor(area);
      const { name, industry } = V.ANCHOR_CUSTOMERS[anchor++] ?? companyName(rng, area.name);
      const headName = uniqueName(() =>
        usedNames.has(normaliseCustomerName(name)) ? companyName(rng, area.name).name : name,
      );
      const id = allocateHeadOfficeId(db, area.code);
      insert({ id, name: headName, areaCode: area.code, unitId: unit.id, industry, parentId: null });
      summary.headOffices++;
      if (rng.chance(0.13)) {
        const branches = Math.min(rng.int(1, 5), options.customers - summary.customers);
        const places = [...V.PLACES];
        for (let b = 0; b < branches; b++) {
          const place = places.splice(rng.int(0, places.length - 1), 1)[0] as string; // distinct per head office
          const branchArea = rng.pick(areas);
          const branchName = uniqueName(() => `${headName}${place}${rng.pick(V.BRANCH_SUFFIXES)}`);
          insert({
            id: allocateBranchId(db, { id, name: headName }),
            name: branchName,
            areaCode: branchArea.code,
            unitId: unitFor(branchArea).id,
            industry,
            parentId: id,
          });
          summary.branches++;
        }
      }
    }
  }).immediate();
  return summary;
}
