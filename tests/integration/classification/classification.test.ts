/**
 * 附件2 (R21) through the registry and `kam`: the classification table starts with GB/T
 * 4754-2017's sections; the officer reorders industries and places key customers in order; the
 * 附件6-2 and 附件7 lists then follow that order ("按已定顺序上报"), customers not placed after
 * them in the lists' own order; bad input changes nothing. DOMAIN-DECISIONS "Classification table
 * (附件2, R21)".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openBackend } from '../../../electron/backend';
import { appError } from '../../support/app-error';
import { gradeCustomers } from '../../support/grade';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-classification-');

async function database() {
  const db = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => new Date('2026-12-02T02:00:00Z') });
  const call = b.registry.call.bind(b.registry);
  const units = await call('units/list', {});
  const unitId = units.find((u) => u.code === '440515')?.id as number;
  const ids: string[] = [];
  // Revenue high to low: 甲 > 乙 > 丙 > 丁; all gold, so all on 附件6-2 and (≥ ¥25,000 a month) 附件7.
  for (const [name, yuan] of [
    ['汕头市甲玩具有限公司', '90000'],
    ['汕头市乙电子有限公司', '80000'],
    ['汕头市丙印刷有限公司', '70000'],
    ['汕头市丁物流有限公司', '60000'],
  ] as const) {
    const id = (await call('customers/create', { name, areaCode: '440515', unitId })).id;
    ids.push(id);
    for (let m = 1; m <= 11; m++)
      await call('revenue/set', {
        customerId: id,
        period: `2026-${String(m).padStart(2, '0')}`,
        line: 'express',
        amount: yuan,
        confirm: true,
      });
  }
  gradeCustomers(
    b.db,
    2025,
    ids.map((id) => [id, 'gold', 'regional']),
  );
  return { b, db, call, ids: ids as [string, string, string, string] };
}

const listed = async (call: Awaited<ReturnType<typeof database>>['call'], form: '6-2' | '7'): Promise<string[]> => {
  const file = await call('exports/build', { form, period: '2026-11' });
  const book = XLSX.read(Buffer.from(file.base64 as string, 'base64'));
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet, {
    header: 1,
  });
  return rows
    .flat()
    .filter((v): v is string => typeof v === 'string' && /^汕头市.有限公司$|^汕头市..+有限公司$/.test(v));
};

describe('the classification table (附件2, R21)', () => {
  it('orders 附件6-2 and 附件7 by industry then place; the unplaced follow in revenue order', async () => {
    const { b, call, ids } = await database();
    const [jia, yi, bing, ding] = ids;
    try {
      const start = await call('classification/get', {});
      expect(start.industries.map((i) => i.code).join('')).toBe('ABCDEFGHIJKLMNOPQRST');
      expect(start.unplaced.map((c) => c.id)).toEqual(ids);
      // Without a table: revenue order.
      expect(await listed(call, '6-2')).toEqual([
        '汕头市甲玩具有限公司',
        '汕头市乙电子有限公司',
        '汕头市丙印刷有限公司',
        '汕头市丁物流有限公司',
      ]);

      // 交通运输、仓储和邮政业 (G) first, then 制造业 (C); 丁 in G; 丙 then 乙 in C; 甲 not placed.
      const order = start.industries.map((i) => ({ code: i.code, name: i.name }));
      const g = order.findIndex((i) => i.code === 'G');
      const reordered = [order[g] as { code: string; name: string }, ...order.filter((_, i) => i !== g)];
      await call('classification/set-industries', { industries: reordered });
      await call('classification/place', { industryCode: 'C', customerIds: [bing, yi] });
      const view = await call('classification/place', { industryCode: 'G', customerIds: [ding] });
      expect(view.industries[0]).toMatchObject({ code: 'G', customers: [{ id: ding }] });
      expect(view.unplaced.map((c) => c.id)).toEqual([jia]);
      const expected = ['汕头市丁物流有限公司', '汕头市丙印刷有限公司', '汕头市乙电子有限公司', '汕头市甲玩具有限公司'];
      expect(await listed(call, '6-2')).toEqual(expected);
      expect(await listed(call, '7')).toEqual(expected);

      // Placing 乙 in G moves it out of C.
      const moved = await call('classification/place', { industryCode: 'G', customerIds: [yi, ding] });
      expect(moved.industries.find((i) => i.code === 'C')?.customers.map((c) => c.id)).toEqual([bing]);
    } finally {
      b.close();
    }
  });

  it('refuses a duplicate, an unknown customer or industry, or dropping an industry that holds customers', async () => {
    const { b, call, ids } = await database();
    try {
      await call('classification/place', { industryCode: 'C', customerIds: [ids[0]] });
      const dump = () =>
        JSON.stringify([
          b.db.prepare('SELECT * FROM classification_industries ORDER BY code').all(),
          b.db.prepare('SELECT * FROM classification_customers ORDER BY customer_id').all(),
        ]);
      const before = dump();
      expect(
        await appError(call('classification/place', { industryCode: 'C', customerIds: [ids[1], ids[1]] })),
      ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('重复') });
      expect(
        await appError(call('classification/place', { industryCode: 'C', customerIds: ['44051599999000'] })),
      ).toMatchObject({ code: 'NOT_FOUND' });
      expect(await appError(call('classification/place', { industryCode: 'ZZ', customerIds: [] }))).toMatchObject({
        code: 'NOT_FOUND',
      });
      expect(
        await appError(call('classification/set-industries', { industries: [{ code: 'A', name: '农业' }] })),
      ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('行业 C 下还有客户') });
      expect(dump()).toBe(before);
    } finally {
      b.close();
    }
  });

  it('kam classification show and place', async () => {
    const { b, db, ids } = await database();
    b.close();
    const placed = JSON.parse(
      (
        await kam([
          'classification',
          'place',
          '--industry',
          'C',
          '--customers',
          `${ids[1]},${ids[0]}`,
          '--db',
          db,
          '--json',
        ])
      ).out,
    );
    expect(
      placed.industries.find((i: { code: string }) => i.code === 'C').customers.map((c: { id: string }) => c.id),
    ).toEqual([ids[1], ids[0]]);
    const reordered = JSON.parse(
      (await kam(['classification', 'industries', '--order', 'G,C,Z=其他行业', '--db', db, '--json'])).out,
    );
    const codes = reordered.industries.map((i: { code: string }) => i.code).join('');
    expect(codes).toBe('GCZABDEFHIJKLMNOPQRST');
    const shown = await kam(['classification', 'show', '--db', db]);
    expect(shown.out).toContain('2. C 制造业');
    expect(shown.out).toContain('3. Z 其他行业');
  });
});
