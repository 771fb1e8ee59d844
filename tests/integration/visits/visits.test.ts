/**
 * R23 through the registry and `kam` on a database file: visits planned, held and not held; the
 * month's obligation by scope and tier in force (only held manager visits count, a visit of the
 * next month does not); the work list's visits_short in the month's last seven days; the command
 * line's JSON. DOMAIN-DECISIONS "Visits (R23)".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { appError } from '../../support/app-error';
import { gradeCustomers } from '../../support/grade';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-visits-');

/** Customers of 澄海分局 graded by the 2025 run (in force in 2026) with the given tier and scope. */
async function database(graded: [string, 'gold' | 'silver', 'regional' | 'comprehensive'][]) {
  const db = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => new Date('2026-11-10T02:00:00Z') });
  const units = await b.registry.call('units/list', {});
  const unitId = units.find((u) => u.code === '440515')?.id as number;
  const ids: string[] = [];
  for (const [name] of graded)
    ids.push((await b.registry.call('customers/create', { name, areaCode: '440515', unitId })).id);
  gradeCustomers(
    b.db,
    2025,
    graded.map(([, tier, scope], i) => [ids[i] as string, tier, scope]),
  );
  return { b, db, ids };
}

describe('visits (R23)', () => {
  it('counts held manager visits of the month against the scope × tier figure', async () => {
    const { b, ids } = await database([
      ['汕头市恒昌玩具厂', 'gold', 'regional'],
      ['汕头市宏达电子有限公司', 'gold', 'comprehensive'],
      ['汕头市金利来制衣有限公司', 'silver', 'regional'],
    ]);
    const [regionalGold, comprehensiveGold, regionalSilver] = ids as [string, string, string];
    try {
      const add = (customerId: string, date: string, status: 'planned' | 'held' | 'not_held', more = {}) =>
        b.registry.call('visits/add', { customerId, date, kind: 'manager', status, managerId: null, ...more });
      await add(regionalGold, '2026-11-05', 'held', { participants: '陈经理', outcome: '续签快递协议' });
      await add(comprehensiveGold, '2026-11-06', 'held');
      await add(comprehensiveGold, '2026-11-20', 'planned', { purpose: '年度回访' });
      await add(comprehensiveGold, '2026-11-12', 'not_held', { reason: '客户临时出差' });
      await add(comprehensiveGold, '2026-12-01', 'held');
      await b.registry.call('visits/add', {
        customerId: regionalSilver,
        date: '2026-11-08',
        kind: 'leader',
        status: 'held',
        managerId: null,
      });
      expect(await appError(add(regionalSilver, '2026-11-09', 'not_held'))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('未拜访须写明原因'),
      });

      const obligations = await b.registry.call('visits/obligations', { period: '2026-11' });
      // R23: regional gold 1; comprehensive gold 2 (one held: planned, not held and December's do
      // not count); regional silver 1 like every silver (a leader's visit is the yearly duty).
      expect(
        Object.fromEntries(obligations.map((o) => [o.customerId, [o.tier, o.scope, o.required, o.held, o.short]])),
      ).toEqual({
        [regionalGold]: ['gold', 'regional', 1, 1, 0],
        [comprehensiveGold]: ['gold', 'comprehensive', 2, 1, 1],
        [regionalSilver]: ['silver', 'regional', 1, 0, 1],
      });
      expect(
        (await b.registry.call('visits/obligations', { period: '2026-11', shortOnly: true })).map((o) => o.customerId),
      ).toEqual([comprehensiveGold, regionalSilver]);

      // 待办: in the month's last seven days, not before.
      const short = async (date: string) =>
        (await b.registry.call('worklist/list', { date })).items
          .filter((i) => i.kind === 'visits_short')
          .map((i) => [i.customerId, i.due, i.notes]);
      expect(await short('2026-11-22')).toEqual([]);
      expect(await short('2026-11-23')).toEqual([
        [comprehensiveGold, '2026-11-30', ['本月拜访 1/2 次']],
        [regionalSilver, '2026-11-30', ['本月拜访 0/1 次']],
      ]);
      await add(regionalSilver, '2026-11-24', 'held');
      expect((await short('2026-11-25')).map((r) => r[0])).toEqual([comprehensiveGold]);
    } finally {
      await b.close();
    }
  });

  it('kam visits add (held by default), list and obligations', async () => {
    const { b, db, ids } = await database([['汕头市恒昌玩具厂', 'gold', 'comprehensive']]);
    await b.close();
    const [id] = ids as [string];
    const added = await kam([
      'visits',
      'add',
      '--db',
      db,
      '--customer',
      id,
      '--date',
      '2026-11-05',
      '--kind',
      'manager',
      '--json',
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.out)).toMatchObject({
      customerId: id,
      date: '2026-11-05',
      kind: 'manager',
      status: 'held',
    });
    const refused = await kam([
      'visits',
      'add',
      '--db',
      db,
      '--customer',
      id,
      '--date',
      '2026-11-06',
      '--kind',
      'manager',
      '--status',
      'not_held',
    ]);
    expect(refused.code).not.toBe(0);
    const listed = JSON.parse((await kam(['visits', 'list', '--db', db, '--period', '2026-11', '--json'])).out);
    expect(listed).toHaveLength(1);
    const owed = JSON.parse((await kam(['visits', 'obligations', '--db', db, '--period', '2026-11', '--json'])).out);
    expect(owed).toEqual([expect.objectContaining({ customerId: id, required: 2, held: 1, short: 1 })]);
  });
});
