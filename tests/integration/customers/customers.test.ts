import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { allocateBranchId, allocateHeadOfficeId } from '../../../electron/backend/customers/ids';
import type { CustomerDbRow } from '../../../electron/backend/customers/rows';
import type { ApiInput } from '../../../shared/api/contract';
import type { ApiError } from '../../../shared/api/errors';
import type { Customer, CustomerRef } from '../../../shared/api/types';
import { creditCodeCheckCharacter } from '../../../shared/domain/credit-code';
import { appError } from '../../support/app-error';
import { dumpTables } from '../../support/db-dump';

const NOW = new Date('2026-11-10T02:00:00Z');

/** The hub's fields before any annual run (customer-hub.test.ts covers the rest). */
const UNGRADED = {
  tier: null,
  computedTier: null,
  tierSource: null,
  scope: null,
  score: null,
  tierBasis: null,
  responsibleUnit: null,
  managers: [],
};

const backends: Backend[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

interface Fixture {
  b: Backend;
  db: Database;
  unit: (code: string) => number;
  create: (input: Partial<ApiInput<'customers/create'>> & { name: string }) => Promise<Customer>;
  fail: (p: Promise<unknown>) => Promise<ApiError>;
  setNow: (d: Date) => void;
}

async function setup(): Promise<Fixture> {
  let now = NOW;
  const b = openBackend({ databasePath: ':memory:', now: () => now });
  backends.push(b);
  const units = await b.registry.call('units/list', { includeRetired: true });
  const unit = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  };
  return {
    b,
    db: b.db,
    unit,
    create: (input) => b.registry.call('customers/create', { areaCode: '440515', unitId: unit('440515'), ...input }),
    fail: appError,
    setNow: (d) => {
      now = d;
    },
  };
}

const dump = dumpTables;

const withCheck = (body17: string) => body17 + creditCodeCheckCharacter(body17);
const CODE_A = withCheck('91350100MA2XY012K');
const CODE_B = withCheck('91350100MA3ABC45L');

describe('R16 customer IDs through customers/create', () => {
  it('R16: sequences run per area code from 00001, branch 000 for a head office', async () => {
    const f = await setup();
    expect((await f.create({ name: '汕头市宏达电子有限公司' })).id).toBe('44051500001000');
    expect((await f.create({ name: '汕头市恒信玩具有限公司' })).id).toBe('44051500002000');
    expect((await f.create({ name: '潮阳区金信纺织有限公司', areaCode: '440513', unitId: f.unit('440513') })).id).toBe(
      '44051300001000',
    );
    expect((await f.create({ name: '汕头市新联包装有限公司' })).id).toBe('44051500003000');
    expect(f.db.prepare('SELECT area_code, last_sequence FROM id_sequences ORDER BY area_code').all()).toEqual([
      { area_code: '440513', last_sequence: 1 },
      { area_code: '440515', last_sequence: 3 },
    ]);
  });

  it('R16: branches share the head office’s first 11 digits and count from 001', async () => {
    const f = await setup();
    const head = await f.create({ name: '汕头市宏达电子有限公司' });
    const first = await f.create({ name: '汕头市宏达电子有限公司澄海分公司', parentId: head.id });
    // A branch may sit in another area; its ID still follows the head office.
    const second = await f.create({ name: '汕头市宏达电子有限公司龙湖营业部', parentId: head.id, areaCode: '440507' });
    expect([first.id, second.id]).toEqual(['44051500001001', '44051500001002']);
    expect(first.parentId).toBe(head.id);
    expect(second.areaCode).toBe('440507');
    // Branches don't use up the area's sequence.
    expect((await f.create({ name: '汕头市恒信玩具有限公司' })).id).toBe('44051500002000');
    expect(f.db.prepare('SELECT last_branch FROM customers WHERE id = ?').get(head.id)).toEqual({ last_branch: 2 });
  });

  it('R16: a branch cannot have branches of its own (CONFLICT naming the head office)', async () => {
    const f = await setup();
    const head = await f.create({ name: '汕头市宏达电子有限公司' });
    const branch = await f.create({ name: '汕头市宏达电子有限公司澄海分公司', parentId: head.id });
    const before = dump(f.db);
    const error = await f.fail(f.create({ name: '宏达澄海分公司外砂办事处', parentId: branch.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain(head.id);
    expect(error.details).toEqual({ field: 'parentId' });
    expect(dump(f.db)).toEqual(before);
  });

  it('a parent that does not exist is NOT_FOUND', async () => {
    const f = await setup();
    const error = await f.fail(f.create({ name: '无主分公司', parentId: '44051500009000' }));
    expect(error.code).toBe('NOT_FOUND');
  });

  it('R16: an ID is never reused, even after a row is deleted behind the app’s back', async () => {
    const f = await setup();
    const head = await f.create({ name: '汕头市宏达电子有限公司' });
    const branch = await f.create({ name: '汕头市宏达电子有限公司澄海分公司', parentId: head.id });
    f.db.prepare('DELETE FROM customers WHERE id = ?').run(branch.id);
    expect((await f.create({ name: '汕头市宏达电子有限公司外砂分厂', parentId: head.id })).id).toBe('44051500001002');

    const lone = await f.create({ name: '汕头市恒信玩具有限公司' });
    expect(lone.id).toBe('44051500002000');
    f.db.prepare('DELETE FROM customers WHERE id = ?').run(lone.id);
    expect((await f.create({ name: '汕头市新联包装有限公司' })).id).toBe('44051500003000');
  });

  it('R16: the last sequence 99999 is allocated, then the area is exhausted (ID_EXHAUSTED, nothing written)', async () => {
    const f = await setup();
    f.db.prepare("INSERT INTO id_sequences (area_code, last_sequence) VALUES ('440515', 99998)").run();
    expect((await f.create({ name: '最后一个客户有限公司' })).id).toBe('44051599999000');

    const before = dump(f.db);
    const error = await f.fail(f.create({ name: '多出来的客户有限公司' }));
    expect(error.code).toBe('ID_EXHAUSTED');
    expect(error.details).toEqual({ areaCode: '440515' });
    expect(error.message).toContain('440515');
    expect(dump(f.db)).toEqual(before);
    // Other areas are unaffected.
    expect((await f.create({ name: '多出来的客户有限公司', areaCode: '440507' })).id).toBe('44050700001000');
  });

  it('R16: branch 999 is allocated, then the head office is exhausted (ID_EXHAUSTED, nothing written)', async () => {
    const f = await setup();
    const head = await f.create({ name: '汕头市宏达电子有限公司' });
    f.db.prepare('UPDATE customers SET last_branch = 998 WHERE id = ?').run(head.id);
    expect((await f.create({ name: '宏达第999分公司', parentId: head.id })).id).toBe('44051500001999');

    const before = dump(f.db);
    const error = await f.fail(f.create({ name: '宏达第1000分公司', parentId: head.id }));
    expect(error.code).toBe('ID_EXHAUSTED');
    expect(error.details).toEqual({ parentId: head.id });
    expect(dump(f.db)).toEqual(before);
  });

  it('R16: exhaustion straight from last_sequence = 99999 and last_branch = 999', async () => {
    const f = await setup();
    const head = await f.create({ name: '汕头市宏达电子有限公司' });
    f.db.prepare("UPDATE id_sequences SET last_sequence = 99999 WHERE area_code = '440515'").run();
    f.db.prepare('UPDATE customers SET last_branch = 999 WHERE id = ?').run(head.id);
    const before = dump(f.db);
    expect((await f.fail(f.create({ name: '新客户有限公司' }))).code).toBe('ID_EXHAUSTED');
    expect((await f.fail(f.create({ name: '新分公司', parentId: head.id }))).code).toBe('ID_EXHAUSTED');
    expect(dump(f.db)).toEqual(before);
  });
});

describe('R16 allocators inside one transaction', () => {
  function insertCustomer(db: Database, id: string, parentId: string | null, unitId: number) {
    db.prepare(
      `INSERT INTO customers (id, name, normalised_name, pinyin_initials, search_text, area_code, unit_id, parent_id, created_at, updated_at)
       VALUES (?, ?, ?, '', ?, '440515', ?, ?, 'x', 'x')`,
    ).run(id, `客户${id}`, `客户${id}`, `客户${id}`, unitId, parentId);
  }

  it('many head offices and branches created in one transaction get distinct sequential IDs', async () => {
    const f = await setup();
    const unitId = f.unit('440515');
    const ids = f.db.transaction(() => {
      const out: string[] = [];
      for (let i = 0; i < 30; i++) {
        const id = allocateHeadOfficeId(f.db, '440515');
        insertCustomer(f.db, id, null, unitId);
        out.push(id);
      }
      const headId = out[0] as string;
      for (let i = 0; i < 5; i++) {
        const head = f.db.prepare('SELECT * FROM customers WHERE id = ?').get(headId) as CustomerDbRow;
        const id = allocateBranchId(f.db, head);
        insertCustomer(f.db, id, headId, unitId);
        out.push(id);
      }
      return out;
    })();
    expect(ids).toEqual([
      ...Array.from({ length: 30 }, (_, i) => `440515${String(i + 1).padStart(5, '0')}000`),
      '44051500001001',
      '44051500001002',
      '44051500001003',
      '44051500001004',
      '44051500001005',
    ]);
    expect(new Set(ids).size).toBe(35);
  });

  it('allocateBranchId hands out distinct IDs when called repeatedly with one head-office row in a transaction', async () => {
    // The counter lives in the database; an allocator must not trust the caller's snapshot of it,
    // or a bulk import that reads the head office once would get the same branch ID twice.
    const f = await setup();
    const head = await f.create({ name: '汕头市宏达电子有限公司' });
    const row = f.db.prepare('SELECT * FROM customers WHERE id = ?').get(head.id) as CustomerDbRow;
    const ids = f.db.transaction(() => [
      allocateBranchId(f.db, row),
      allocateBranchId(f.db, row),
      allocateBranchId(f.db, row),
    ])();
    expect(ids).toEqual(['44051500001001', '44051500001002', '44051500001003']);
  });

  it('a rolled-back transaction leaves the counter where it was', async () => {
    const f = await setup();
    await f.create({ name: '汕头市宏达电子有限公司' });
    expect(() =>
      f.db.transaction(() => {
        allocateHeadOfficeId(f.db, '440515');
        allocateHeadOfficeId(f.db, '440515');
        throw new Error('abandoned import');
      })(),
    ).toThrow('abandoned import');
    expect(f.db.prepare("SELECT last_sequence FROM id_sequences WHERE area_code = '440515'").get()).toEqual({
      last_sequence: 1,
    });
  });
});

describe('R16 IDs across two connections to one file', () => {
  it('two worker threads creating 100 customers each get exactly 00001..00200, all distinct', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kam-workers-'));
    dirs.push(home);
    const file = join(home, 'kam.sqlite');
    const init = openBackend({ databasePath: file, now: () => NOW });
    const unitId = (await init.registry.call('units/list', {})).find((u) => u.code === '440515')?.id;
    init.close();

    const script = join(home, 'worker.cjs');
    writeFileSync(
      script,
      `const { workerData, parentPort } = require('node:worker_threads');
require(workerData.tsx).register();
const { openBackend } = require(workerData.backend);
(async () => {
  const b = openBackend({ databasePath: workerData.file });
  const ids = [];
  try {
    for (let i = 0; i < workerData.count; i++) {
      const c = await b.registry.call('customers/create', { name: workerData.tag + '并发客户' + i, areaCode: '440515', unitId: workerData.unitId });
      ids.push(c.id);
    }
  } finally {
    b.close();
  }
  parentPort.postMessage({ ids });
})().catch((e) => parentPort.postMessage({ error: String(e && e.message) }));
`,
    );
    const tsx = createRequire(import.meta.url).resolve('tsx/cjs/api');
    const backendEntry = fileURLToPath(new URL('../../../electron/backend/index.ts', import.meta.url));
    const run = (tag: string) =>
      new Promise<string[]>((resolve, reject) => {
        const w = new Worker(script, { workerData: { tsx, backend: backendEntry, file, count: 100, tag, unitId } });
        w.once('message', (m: { ids?: string[]; error?: string }) =>
          m.ids ? resolve(m.ids) : reject(new Error(m.error)),
        );
        w.once('error', reject);
      });
    const [a, b] = await Promise.all([run('甲'), run('乙')]);
    expect(a).toHaveLength(100);
    expect(b).toHaveLength(100);
    const all = [...a, ...b].sort();
    expect(all).toEqual(Array.from({ length: 200 }, (_, i) => `440515${String(i + 1).padStart(5, '0')}000`));
    // Each worker's own IDs increase.
    expect([...a].sort()).toEqual(a);
    expect([...b].sort()).toEqual(b);

    const check = openBackend({ databasePath: file, now: () => NOW });
    expect(check.db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 200 });
    expect(check.db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 200 });
    check.close();
  }, 30_000);
});

describe('R19 credit codes and duplicates', () => {
  it('an invalid credit code is VALIDATION on path creditCode with the check-character message', async () => {
    const f = await setup();
    const wrong = CODE_A.slice(0, 17) + (CODE_A.endsWith('0') ? '1' : '0');
    const error = await f.fail(f.create({ name: '汕头市宏达电子有限公司', creditCode: wrong }));
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual({
      issues: [
        {
          path: 'creditCode',
          message: `校验位错误：第 18 位应为“${CODE_A.charAt(17)}”，实际为“${wrong.charAt(17)}”，请核对代码是否抄错`,
          messageEn: `Wrong check character: character 18 should be "${CODE_A.charAt(17)}", not "${wrong.charAt(17)}"; check the code for a copying slip`,
        },
      ],
    });
    expect(f.db.prepare('SELECT count(*) AS n FROM customers').get()).toEqual({ n: 0 });
  });

  it('stores the normalised code (pasted lower-case with spaces) and an empty code as null', async () => {
    const f = await setup();
    const pasted = ` ${CODE_A.slice(0, 9).toLowerCase()} ${CODE_A.slice(9).toLowerCase()} `;
    expect((await f.create({ name: '汕头市宏达电子有限公司', creditCode: pasted })).creditCode).toBe(CODE_A);
    expect((await f.create({ name: '汕头市恒信玩具有限公司', creditCode: '' })).creditCode).toBeNull();
    expect((await f.create({ name: '汕头市新联包装有限公司' })).creditCode).toBeNull();
  });

  it('R19: the same credit code is DUPLICATE_CUSTOMER (reason creditCode) even with the name confirmed', async () => {
    const f = await setup();
    const first = await f.create({ name: '汕头市宏达电子有限公司', creditCode: CODE_A });
    const before = dump(f.db);
    for (const code of [CODE_A, CODE_A.toLowerCase()]) {
      const error = await f.fail(
        f.create({ name: '完全不同的名字有限公司', creditCode: code, confirmDuplicateName: true }),
      );
      expect(error.code).toBe('DUPLICATE_CUSTOMER');
      expect(error.details).toEqual({ reason: 'creditCode', existing: { id: first.id, name: first.name } });
      expect(error.message).toContain(first.id);
    }
    expect(dump(f.db)).toEqual(before);
  });

  it('R19: the same normalised name (full-width vs half-width brackets) is DUPLICATE_CUSTOMER reason name', async () => {
    const f = await setup();
    const first = await f.create({ name: '宏达电子（汕头）有限公司' });
    const error = await f.fail(f.create({ name: '宏达电子(汕头)有限公司', areaCode: '440507' }));
    expect(error.code).toBe('DUPLICATE_CUSTOMER');
    expect(error.details).toEqual({
      reason: 'name',
      existing: { id: first.id, name: '宏达电子（汕头）有限公司' },
      all: [{ id: first.id, name: '宏达电子（汕头）有限公司' }],
    });
    const confirmed = await f.create({
      name: '宏达电子(汕头)有限公司',
      areaCode: '440507',
      confirmDuplicateName: true,
    });
    expect(confirmed.id).toBe('44050700001000');
  });

  it('customers/check-duplicates finds by credit code and by normalised name, and can exclude one customer', async () => {
    const f = await setup();
    const a = await f.create({ name: '宏达电子（汕头）有限公司', creditCode: CODE_A });
    const b = await f.create({ name: '宏达电子 (汕头) 有限公司', confirmDuplicateName: true });
    const check = (input: ApiInput<'customers/check-duplicates'>) =>
      f.b.registry.call('customers/check-duplicates', input);
    const ref = (c: Customer): CustomerRef => ({ id: c.id, name: c.name });

    expect(await check({ name: 'ＨＤ宏达电子(汕头)有限公司' })).toEqual({ byCreditCode: null, byName: [] });
    expect(await check({ name: '宏达电子(汕头)有限公司', creditCode: CODE_A.toLowerCase() })).toEqual({
      byCreditCode: ref(a),
      byName: [ref(a), ref(b)],
    });
    expect(await check({ name: '宏达电子(汕头)有限公司', creditCode: CODE_A, excludeId: a.id })).toEqual({
      byCreditCode: null,
      byName: [ref(b)],
    });
    expect(await check({ creditCode: CODE_B })).toEqual({ byCreditCode: null, byName: [] });
    expect(await check({ creditCode: 'not a code' })).toEqual({ byCreditCode: null, byName: [] });
    expect(await check({})).toEqual({ byCreditCode: null, byName: [] });
  });
});

describe('customers/list search', () => {
  async function searchFixture() {
    const f = await setup();
    const cable = await f.create({ name: '广东有线广播电视网络有限公司汕头分公司', creditCode: CODE_A });
    const cableBranch = await f.create({
      name: '广东有线广播电视网络有限公司汕头分公司澄海营业部',
      parentId: cable.id,
    });
    const hongda = await f.create({ name: '汕头市宏达电子有限公司', shortName: '宏达电子', creditCode: CODE_B });
    const tax = await f.create({ name: '汕头市金平区税务局', areaCode: '440511', unitId: f.unit('440500') });
    const percent = await f.create({ name: '百分之50%贸易有限公司', areaCode: '440507', unitId: f.unit('P01') });
    const underscore = await f.create({ name: 'A_B科技有限公司', areaCode: '440507', unitId: f.unit('P01') });
    const axb = await f.create({ name: 'AXB科技有限公司', areaCode: '440507', unitId: f.unit('P01') });
    const search = async (search: string, extra: Partial<ApiInput<'customers/list'>> = {}) =>
      (await f.b.registry.call('customers/list', { search, ...extra })).rows.map((r) => r.id);
    return { f, cable, cableBranch, hongda, tax, percent, underscore, axb, search };
  }

  it('finds by a name substring', async () => {
    const s = await searchFixture();
    expect(await s.search('有线')).toEqual([s.cable.id, s.cableBranch.id]);
    expect(await s.search('税务')).toEqual([s.tax.id]);
    expect(await s.search('宏达 电子')).toEqual([s.hongda.id]); // spaces in the query are ignored
  });

  it('finds by pinyin initials of the name and of the short name', async () => {
    const s = await searchFixture();
    expect(await s.search('gdyx')).toEqual([s.cable.id, s.cableBranch.id]);
    expect(await s.search('GDYX')).toEqual([s.cable.id, s.cableBranch.id]);
    expect(await s.search('ＧＤＹＸ')).toEqual([s.cable.id, s.cableBranch.id]); // full-width typing
    expect(await s.search('chyyb')).toEqual([s.cableBranch.id]);
    expect(await s.search('stsjpq')).toEqual([s.tax.id]);
    expect(await s.search('hddz')).toEqual([s.hongda.id]); // 宏达电子, the short name
  });

  it('finds by ID prefix', async () => {
    const s = await searchFixture();
    expect(await s.search('440515')).toEqual([s.cable.id, s.cableBranch.id, s.hongda.id]);
    expect(await s.search('4405150000')).toEqual([s.cable.id, s.cableBranch.id, s.hongda.id]);
    expect(await s.search('44051500001')).toEqual([s.cable.id, s.cableBranch.id]);
    expect(await s.search('44051500001001')).toEqual([s.cableBranch.id]);
    expect(await s.search('440507')).toEqual([s.percent.id, s.underscore.id, s.axb.id]);
    expect(await s.search('440599')).toEqual([]);
  });

  it('finds by credit code, whole or in part, in any case', async () => {
    const s = await searchFixture();
    expect(await s.search(CODE_A)).toEqual([s.cable.id]);
    expect(await s.search(CODE_B.toLowerCase())).toEqual([s.hongda.id]);
    expect(await s.search(CODE_B.slice(8))).toEqual([s.hongda.id]);
  });

  it('treats LIKE wildcards % and _ as literal text', async () => {
    const s = await searchFixture();
    expect(await s.search('%')).toEqual([s.percent.id]);
    expect(await s.search('50%')).toEqual([s.percent.id]);
    expect(await s.search('_')).toEqual([s.underscore.id]);
    expect(await s.search('a_b')).toEqual([s.underscore.id]);
    expect(await s.search('\\')).toEqual([]);
  });

  it('filters by unit, alone and with a search', async () => {
    const s = await searchFixture();
    expect(await s.search('', { unitId: s.f.unit('P01') })).toEqual([s.percent.id, s.underscore.id, s.axb.id]);
    expect(await s.search('科技', { unitId: s.f.unit('P01') })).toEqual([s.underscore.id, s.axb.id]);
    expect(await s.search('科技', { unitId: s.f.unit('440515') })).toEqual([]);
    expect(await s.search('', { unitId: s.f.unit('440500') })).toEqual([s.tax.id]);
  });

  it('returns rows with unit name, parent and branch count', async () => {
    const s = await searchFixture();
    const page = await s.f.b.registry.call('customers/list', { search: '有线' });
    expect(page).toEqual({
      total: 2,
      offset: 0,
      rows: [
        {
          id: s.cable.id,
          name: s.cable.name,
          shortName: null,
          unitId: s.f.unit('440515'),
          unit: '澄海分局',
          areaCode: '440515',
          industry: null,
          parentId: null,
          parentName: null,
          branchCount: 1,
          matchedOn: 'name',
          ...UNGRADED,
        },
        {
          id: s.cableBranch.id,
          name: s.cableBranch.name,
          shortName: null,
          unitId: s.f.unit('440515'),
          unit: '澄海分局',
          areaCode: '440515',
          industry: null,
          parentId: s.cable.id,
          parentName: s.cable.name,
          branchCount: 0,
          matchedOn: 'name',
          ...UNGRADED,
        },
      ],
    });
  });

  it('pages with offset and limit and reports the total, in ID order', async () => {
    const f = await setup();
    for (let i = 1; i <= 25; i++) await f.create({ name: `分页测试客户${i}号` });
    const page = await f.b.registry.call('customers/list', { search: '分页', offset: 20, limit: 10 });
    expect(page.total).toBe(25);
    expect(page.offset).toBe(20);
    expect(page.rows.map((r) => r.id)).toEqual(
      [21, 22, 23, 24, 25].map((n) => `440515${String(n).padStart(5, '0')}000`),
    );
    const first = await f.b.registry.call('customers/list', { limit: 3 });
    expect(first.total).toBe(25);
    expect(first.rows.map((r) => r.name)).toEqual(['分页测试客户1号', '分页测试客户2号', '分页测试客户3号']);
    const beyond = await f.b.registry.call('customers/list', { offset: 100 });
    expect(beyond).toEqual({ total: 25, offset: 100, rows: [] });
  });
});

describe('customers/get and customers/update', () => {
  it('returns the detail with ID parts, unit, area, parent and branches', async () => {
    const f = await setup();
    const head = await f.create({ name: '汕头市宏达电子有限公司', industry: '制造业', address: '澄海区玩具路1号' });
    const b1 = await f.create({ name: '汕头市宏达电子有限公司龙湖营业部', parentId: head.id, areaCode: '440507' });
    const b2 = await f.create({ name: '汕头市宏达电子有限公司外砂分厂', parentId: head.id });
    const detail = await f.b.registry.call('customers/get', { id: head.id });
    expect(detail).toMatchObject({
      id: '44051500001000',
      name: '汕头市宏达电子有限公司',
      unit: '澄海分局',
      areaName: '澄海区',
      industry: '制造业',
      address: '澄海区玩具路1号',
      idParts: { areaCode: '440515', areaName: '澄海区', sequence: '00001', branch: '000' },
      parent: null,
      branches: [
        { id: b1.id, name: b1.name },
        { id: b2.id, name: b2.name },
      ],
    });
    const branch = await f.b.registry.call('customers/get', { id: b1.id });
    expect(branch.areaName).toBe('龙湖区'); // where the branch is
    expect(branch.idParts).toEqual({ areaCode: '440515', areaName: '澄海区', sequence: '00001', branch: '001' });
    expect(branch.parent).toEqual({ id: head.id, name: head.name });
    expect(branch.branches).toEqual([]);
    expect((await f.fail(f.b.registry.call('customers/get', { id: '44051500009000' }))).code).toBe('NOT_FOUND');
  });

  it('update changes the fields but keeps the ID, even when the area changes', async () => {
    const f = await setup();
    const c = await f.create({ name: '汕头市宏达电子有限公司' });
    f.setNow(new Date('2026-11-12T03:00:00Z'));
    const updated = await f.b.registry.call('customers/update', {
      id: c.id,
      name: '汕头市宏达电子科技有限公司',
      areaCode: '440507',
      unitId: f.unit('P01'),
      creditCode: CODE_A,
    });
    expect(updated).toMatchObject({
      id: '44051500001000',
      name: '汕头市宏达电子科技有限公司',
      areaCode: '440507',
      unitId: f.unit('P01'),
      creditCode: CODE_A,
      createdAt: NOW.toISOString(),
      updatedAt: '2026-11-12T03:00:00.000Z',
    });
    expect(f.db.prepare('SELECT id FROM customers').all()).toEqual([{ id: '44051500001000' }]);
    // The search keys follow the new name.
    const found = await f.b.registry.call('customers/list', { search: 'stshddzkj' });
    expect(found.rows.map((r) => r.id)).toEqual([c.id]);
  });

  it('update refuses another customer’s credit code', async () => {
    const f = await setup();
    const a = await f.create({ name: '汕头市宏达电子有限公司', creditCode: CODE_A });
    const b = await f.create({ name: '汕头市恒信玩具有限公司' });
    const error = await f.fail(
      f.b.registry.call('customers/update', {
        id: b.id,
        name: b.name,
        areaCode: '440515',
        unitId: b.unitId,
        creditCode: CODE_A,
      }),
    );
    expect(error.code).toBe('DUPLICATE_CUSTOMER');
    expect(error.details).toEqual({ reason: 'creditCode', existing: { id: a.id, name: a.name } });
    // Its own code is not a duplicate of itself.
    const same = await f.b.registry.call('customers/update', {
      id: a.id,
      name: a.name,
      areaCode: '440515',
      unitId: a.unitId,
      creditCode: CODE_A,
    });
    expect(same.creditCode).toBe(CODE_A);
  });

  it('a retired unit takes no new customers, by create or by update', async () => {
    const f = await setup();
    const team = await f.b.registry.call('units/create', {
      code: 'CH-01',
      name: '澄海城区支局',
      kind: 'branch',
      parentId: f.unit('440515'),
      areaCode: '440515',
    });
    await f.b.registry.call('units/retire', { id: team.id, retiredOn: '2026-11-01' });
    const c = await f.create({ name: '汕头市宏达电子有限公司' });
    const before = dump(f.db);

    const created = await f.fail(f.create({ name: '汕头市恒信玩具有限公司', unitId: team.id }));
    expect(created.code).toBe('CONFLICT');
    expect(created.message).toContain('澄海城区支局');
    const updated = await f.fail(
      f.b.registry.call('customers/update', { id: c.id, name: c.name, areaCode: '440515', unitId: team.id }),
    );
    expect(updated.code).toBe('CONFLICT');
    expect(dump(f.db)).toEqual(before);
  });

  it('an area code missing from the code table is refused on path areaCode', async () => {
    const f = await setup();
    const error = await f.fail(f.create({ name: '汕头市宏达电子有限公司', areaCode: '440599' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.details).toEqual({
      issues: [{ path: 'areaCode', message: '区划代码不在代码表中', messageEn: 'Not in the area code table' }],
    });
  });

  it('update of an unknown customer is NOT_FOUND', async () => {
    const f = await setup();
    const error = await f.fail(
      f.b.registry.call('customers/update', {
        id: '44051500001000',
        name: '不存在',
        areaCode: '440515',
        unitId: f.unit('440515'),
      }),
    );
    expect(error.code).toBe('NOT_FOUND');
  });
});
