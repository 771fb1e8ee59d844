import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiInput } from '../../../shared/api/contract';
import { creditCodeCheckCharacter } from '../../../shared/domain/credit-code';
import { type Backend, openBackend } from '../index';
import { CustomerSearchIndex } from './search-index';

const NOW = new Date('2026-11-10T02:00:00Z');

const backends: Backend[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(databasePath = ':memory:'): Backend {
  const b = openBackend({ databasePath, now: () => NOW });
  backends.push(b);
  return b;
}

async function unitId(b: Backend, code: string): Promise<number> {
  const u = (await b.registry.call('units/list', {})).find((x) => x.code === code);
  if (!u) throw new Error(`no unit ${code}`);
  return u.id;
}

async function create(b: Backend, input: Partial<ApiInput<'customers/create'>> & { name: string }) {
  return b.registry.call('customers/create', { areaCode: '440515', unitId: await unitId(b, '440515'), ...input });
}

async function search(b: Backend, text: string, extra: Partial<ApiInput<'customers/list'>> = {}) {
  const page = await b.registry.call('customers/list', { search: text, ...extra });
  return { total: page.total, ids: page.rows.map((r) => r.id) };
}

describe('customer search index', () => {
  it('never matches across two customers (text of one row running into the next)', async () => {
    const b = open();
    await create(b, { name: '汕头甲公司' }); // search text ends with its initials "stjgs"
    await create(b, { name: '乙方有限公司' }); // and the next row starts with "乙方"
    expect(await search(b, 'gs乙')).toEqual({ total: 0, ids: [] });
    expect(await search(b, 'stjgs')).toEqual({ total: 1, ids: ['44051500001000'] });
  });

  it('counts a customer once however often the text occurs in it', async () => {
    const b = open();
    await create(b, { name: '公司公司贸易有限公司', shortName: '公司' });
    await create(b, { name: '汕头市宏达电子有限公司' });
    expect(await search(b, '公司')).toEqual({ total: 2, ids: ['44051500001000', '44051500002000'] });
  });

  it('an ID prefix that also occurs in a credit code lists the customer once', async () => {
    const b = open();
    const body = '91440515MA4W12345';
    const code = body + creditCodeCheckCharacter(body);
    const mine = await create(b, { name: '汕头市宏达电子有限公司', creditCode: code });
    const other = await create(b, { name: '龙湖区恒信玩具有限公司', areaCode: '440507', creditCode: '' });
    const third = await create(b, { name: '汕头市新联包装有限公司' });
    expect(await search(b, '440515')).toEqual({ total: 2, ids: [mine.id, third.id] });
    expect(await search(b, '440507')).toEqual({ total: 1, ids: [other.id] });
  });

  it('applies the unit filter to text and ID-prefix matches alike, with paging', async () => {
    const b = open();
    const p01 = await unitId(b, 'P01');
    for (let i = 1; i <= 6; i++) {
      await create(b, { name: `测试客户${i}号`, ...(i % 2 === 0 ? { unitId: p01 } : {}) });
    }
    expect(await search(b, '测试', { unitId: p01 })).toEqual({
      total: 3,
      ids: ['44051500002000', '44051500004000', '44051500006000'],
    });
    expect(await search(b, '440515', { unitId: p01, offset: 1, limit: 1 })).toEqual({
      total: 3,
      ids: ['44051500004000'],
    });
    expect(await search(b, '', { unitId: p01, offset: 2 })).toEqual({ total: 3, ids: ['44051500006000'] });
    expect(await search(b, '', { offset: 4, limit: 5 })).toEqual({
      total: 6,
      ids: ['44051500005000', '44051500006000'],
    });
  });

  it('sees its own writes: create and rename', async () => {
    const b = open();
    expect((await search(b, '宏达')).total).toBe(0); // builds the index on an empty table
    const c = await create(b, { name: '汕头市宏达电子有限公司' });
    expect(await search(b, '宏达')).toEqual({ total: 1, ids: [c.id] });
    await b.registry.call('customers/update', {
      id: c.id,
      name: '汕头市恒信电子有限公司',
      areaCode: '440515',
      unitId: c.unitId,
    });
    expect((await search(b, '宏达')).total).toBe(0);
    expect(await search(b, 'hxdz')).toEqual({ total: 1, ids: [c.id] });
  });

  it('sees commits made by another connection to the same file', async () => {
    const home = mkdtempSync(join(tmpdir(), 'kam-search-'));
    dirs.push(home);
    const file = join(home, 'kam.sqlite');
    const a = open(file);
    const other = open(file);
    expect((await search(a, '宏达')).total).toBe(0); // a has built its index
    const c = await create(other, { name: '汕头市宏达电子有限公司' });
    expect(await search(a, '宏达')).toEqual({ total: 1, ids: [c.id] });
    await other.registry.call('customers/update', {
      id: c.id,
      name: '汕头市恒信电子有限公司',
      areaCode: '440515',
      unitId: c.unitId,
    });
    expect((await search(a, '宏达')).total).toBe(0);
    expect((await search(a, '恒信')).ids).toEqual([c.id]);
  });

  it('rebuilds after a failed customer write without losing anything', async () => {
    const b = open();
    const c = await create(b, { name: '汕头市宏达电子有限公司' });
    await search(b, '宏达');
    const failed = await b.registry.invoke('customers/create', {
      name: '汕头市宏达电子有限公司',
      areaCode: '440515',
      unitId: c.unitId,
    });
    expect(failed.ok).toBe(false);
    expect(await search(b, '宏达')).toEqual({ total: 1, ids: [c.id] });
  });

  it('can be used on its own over any database', async () => {
    const b = open();
    await create(b, { name: '汕头市宏达电子有限公司' });
    const index = new CustomerSearchIndex(b.db);
    expect(index.search('HONG', { unitId: null }, 0, 10)).toEqual({ total: 0, ids: [] });
    expect(index.search('stshd', { unitId: null }, 0, 10)).toEqual({ total: 1, ids: ['44051500001000'] });
    expect(index.search('４４０５１５', { unitId: null }, 0, 10)).toEqual({ total: 1, ids: ['44051500001000'] }); // full-width digits
    expect(index.search('', { unitId: 9999 }, 0, 10)).toEqual({ total: 0, ids: [] });
  });

  it('lists only head offices (branch number 000) for the head-office picker', async () => {
    const b = open();
    const head = await create(b, { name: '汕头市宏达电子有限公司' });
    await create(b, { name: '汕头市宏达电子有限公司澄海分公司', parentId: head.id });
    await create(b, { name: '汕头市宏达物流有限公司' });
    const page = await b.registry.call('customers/list', { search: '宏达', headOfficesOnly: true });
    expect(page.rows.map((r) => r.id)).toEqual(['44051500001000', '44051500002000']);
    const all = await b.registry.call('customers/list', { search: '宏达' });
    expect(all.total).toBe(3);
    expect(all.rows.find((r) => r.id === '44051500001001')?.parentName).toBe('汕头市宏达电子有限公司');
    const empty = await b.registry.call('customers/list', { headOfficesOnly: true });
    expect(empty.total).toBe(2);
  });

  it('patched after each committed write, answers exactly as an index rebuilt from the table', async () => {
    const b = open();
    const units = [await unitId(b, '440515'), await unitId(b, '440513'), await unitId(b, 'P01')];
    const areas = ['440515', '440513', '440507', '440511'];
    const words = ['宏达', '电子', '物流', '金平', '有线', '华侨'];
    // 'gs' and 'yxgs' end every row's text (…有限公司 → …yxgs): they catch a misplaced row boundary.
    const queries = ['宏达', 'hd', '电子', '4405', '44051300002', '有限', 'wl', 'zzz', 'gs', 'yxgs', '1', '公司'];
    const created: string[] = [];
    // Build the index first, so later writes patch it rather than being read with the table.
    await b.registry.call('customers/list', { search: 'x' });
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n; // high bits: an LCG's low bits cycle quickly
    };
    for (let step = 0; step < 60; step++) {
      const name = `汕头市${words[next(words.length)]}${words[next(words.length)]}${step}有限公司`;
      const unit = units[next(units.length)] as number;
      if (created.length > 0 && next(3) === 0) {
        const id = created[next(created.length)] as string;
        const c = await b.registry.call('customers/get', { id });
        await b.registry.call('customers/update', { id, name, areaCode: c.areaCode, unitId: unit });
      } else if (created.length > 0 && next(4) === 0) {
        const head = created.find((id) => id.endsWith('000')) as string;
        created.push((await create(b, { name, unitId: unit, parentId: head })).id);
      } else {
        created.push((await create(b, { name, unitId: unit, areaCode: areas[next(areas.length)] as string })).id);
      }
      const fresh = new CustomerSearchIndex(b.db);
      for (const q of queries) {
        for (const filter of [{ unitId: null }, { unitId: unit }, { unitId: null, headOfficesOnly: true }]) {
          expect(b.registry.ctx.searchIndex.search(q, filter, 0, 1000)).toEqual(fresh.search(q, filter, 0, 1000));
        }
      }
    }
  });
});
