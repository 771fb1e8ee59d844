/**
 * R21 steps 2–3 through the registry, a real database and `kam`: an industry's ranking worksheet
 * (factors weighted to 100, prospects scored and ranked by hand-worked figures) and turning a
 * prospect into a registration (R19) with the R19a duplicate check; every refusal leaves the
 * database as it was. DOMAIN-DECISIONS "Classification table (附件2, R21)".
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { creditCodeCheckCharacter } from '../../../shared/domain/credit-code';
import { appError } from '../../support/app-error';
import { dumpTables } from '../../support/db-dump';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const NOW = new Date('2026-12-02T02:00:00Z');
const withCheck = (body17: string) => body17 + creditCodeCheckCharacter(body17);
const CODE_A = withCheck('91440500MA4UABCD1');
const CODE_B = withCheck('91440515MA4UXY712');
const tempDir = tempDirsForTests('kam-ranking-');

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

const FACTORS = [
  { key: 'postal', name: '用邮规模', weight: 50 },
  { key: 'revenue', name: '企业收入规模', weight: 30 },
  { key: 'fit', name: '邮政业务契合度', weight: 20 },
];

async function setup(databasePath = ':memory:') {
  const b = openBackend({ databasePath, now: () => NOW });
  backends.push(b);
  const call = b.registry.call.bind(b.registry);
  const units = await call('units/list', {});
  const unitId = units.find((u) => u.code === '440515')?.id as number;
  const add = (name: string, values: Record<string, number>, creditCode: string | null = null) =>
    call('ranking/add-prospect', { industryCode: 'C', name, areaCode: '440515', unitId, creditCode, values });
  return { b, call, unitId, add };
}

describe('the industry ranking worksheet (R21 steps 2–3)', () => {
  it('starts with the default factors; scores are Σ weight × value, equal scores share a rank', async () => {
    const { call, add } = await setup();
    const start = await call('ranking/get', { industryCode: 'C' });
    expect(start).toMatchObject({ industry: { code: 'C', name: '制造业' }, saved: false, prospects: [] });
    expect(start.factors.reduce((s, f) => s + f.weight, 0)).toBe(100);

    await call('ranking/set-factors', { industryCode: 'C', factors: FACTORS });
    await add('汕头市甲玩具有限公司', { postal: 80, revenue: 70, fit: 60 }); // 4000 + 2100 + 1200 = 7300
    await add('汕头市乙电子有限公司', { postal: 90, revenue: 50, fit: 75 }); // 4500 + 1500 + 1500 = 7500
    await add('汕头市丙印刷有限公司', { postal: 70, revenue: 90, fit: 85 }); // 3500 + 2700 + 1700 = 7900
    await add('汕头市丁包装有限公司', { postal: 95, revenue: 60, fit: 40 }); // 4750 + 1800 + 800 = 7350
    await add('汕头市戊食品有限公司', { postal: 80, revenue: 70, fit: 60 }); // 7300, as 甲
    const last = await add('汕头市己纺织有限公司', {});
    const v = last.view;
    expect(v.saved).toBe(true);
    expect(v.prospects.map((p) => [p.name.slice(3, 4), p.score, p.rank])).toEqual([
      ['丙', '79', 1],
      ['乙', '75', 2],
      ['丁', '73.5', 3],
      ['甲', '73', 4],
      ['戊', '73', 4],
      ['己', '0', 6],
    ]);
    expect(v.prospects[5]?.missing).toEqual(['postal', 'revenue', 'fit']);

    // 己 scored: 50×100 + 30×100 + 20×100 = 10000 → first. Clearing a value makes it count 0.
    const scored = await call('ranking/update-prospect', {
      id: last.id,
      values: { postal: 100, revenue: 100, fit: 100 },
    });
    expect(scored.view.prospects[0]).toMatchObject({ id: last.id, points: 10000, score: '100', rank: 1 });
    const cleared = await call('ranking/update-prospect', { id: last.id, values: { fit: null } });
    expect(cleared.view.prospects[0]).toMatchObject({ id: last.id, points: 8000, missing: ['fit'] });

    // Reweighted 40/30/30: 丙 2800 + 2700 + 2550 = 8050; 乙 3600 + 1500 + 2250 = 7350; 甲 and 戊
    // 3200 + 2100 + 1800 = 7100; 己 (no 契合度) 4000 + 3000 = 7000; 丁 3800 + 1800 + 1200 = 6800.
    const reweighted = await call('ranking/set-factors', {
      industryCode: 'C',
      factors: FACTORS.map((f) => ({ ...f, weight: f.key === 'postal' ? 40 : 30 })),
    });
    expect(reweighted.prospects.map((p) => [p.name.slice(3, 4), p.points, p.rank])).toEqual([
      ['丙', 8050, 1],
      ['乙', 7350, 2],
      ['甲', 7100, 3],
      ['戊', 7100, 3],
      ['己', 7000, 5],
      ['丁', 6800, 6],
    ]);

    // A factor taken off the worksheet takes its values with it.
    const two = await call('ranking/set-factors', {
      industryCode: 'C',
      factors: [
        { key: 'postal', name: '用邮规模', weight: 60 },
        { key: 'f1', name: '合作意向', weight: 40 },
      ],
    });
    expect(two.prospects.find((p) => p.name.includes('丙'))?.values).toEqual({ postal: 70 });
  });

  it('refuses weights not summing to 100, values outside 0–100 and stray factors; nothing changes', async () => {
    const { b, call, add, unitId } = await setup();
    await call('ranking/set-factors', { industryCode: 'C', factors: FACTORS });
    const first = await add('汕头市甲玩具有限公司', { postal: 80 });
    const before = dumpTables(b.db);
    expect(
      await appError(
        call('ranking/set-factors', { industryCode: 'C', factors: FACTORS.map((f) => ({ ...f, weight: 30 })) }),
      ),
    ).toMatchObject({ code: 'VALIDATION', message: '各因素权重合计应为 100，现为 90' });
    expect(
      await appError(
        call('ranking/set-factors', {
          industryCode: 'C',
          factors: [
            { key: 'a', name: '规模', weight: 50 },
            { key: 'b', name: '规模', weight: 50 },
          ],
        }),
      ),
    ).toMatchObject({ code: 'VALIDATION', message: '因素“规模”重复' });
    expect(
      await appError(
        call('ranking/set-factors', { industryCode: 'C', factors: [{ key: 'a', name: 'A', weight: 100.5 }] }),
      ),
    ).toMatchObject({ code: 'VALIDATION' });
    expect(await appError(call('ranking/update-prospect', { id: first.id, values: { postal: 101 } }))).toMatchObject({
      code: 'VALIDATION',
    });
    expect(await appError(call('ranking/update-prospect', { id: first.id, values: { nope: 5 } }))).toMatchObject({
      code: 'VALIDATION',
      message: '本行业的排序因素中没有 nope',
    });
    expect(
      await appError(
        call('ranking/add-prospect', { industryCode: 'ZZ', name: '某公司', areaCode: '440515', unitId, values: {} }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await appError(
        call('ranking/add-prospect', { industryCode: 'C', name: '某公司', areaCode: '999999', unitId, values: {} }),
      ),
    ).toMatchObject({ code: 'VALIDATION' });
    // The industry still holds a prospect: the classification table cannot drop it.
    expect(
      await appError(call('classification/set-industries', { industries: [{ code: 'A', name: '农业' }] })),
    ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('行业 C 下还有客户或排序企业') });
    expect(dumpTables(b.db)).toEqual(before);
  });

  it('turns a prospect into a registration, which the prospect then shows; it is fixed after', async () => {
    const { b, call, add } = await setup();
    await call('ranking/set-factors', { industryCode: 'C', factors: FACTORS });
    await add('汕头市乙电子有限公司', { postal: 90, revenue: 50, fit: 75 }); // 7500
    const p = await add('汕头市宏达玩具实业有限公司', { postal: 80, revenue: 70, fit: 60 }, CODE_A); // 7300
    const done = await call('ranking/register', { id: p.id, date: '2026-12-01' });
    const reg = await call('registrations/get', { id: done.registration.id });
    expect(reg).toMatchObject({
      name: '汕头市宏达玩具实业有限公司',
      creditCode: CODE_A,
      areaCode: '440515',
      industry: '制造业',
      reason: '行业排序：制造业 第 2 名（共 2 家，加权得分 73）',
    });
    // The audit names the prospect and its change: registration_id null → the registration.
    const audited = b.db.prepare("SELECT entity, changes FROM audit_log WHERE channel = 'ranking/register'").get() as {
      entity: string;
      changes: string;
    };
    expect(audited.entity).toBe(`prospect:${p.id}`);
    expect(audited.changes).toContain('registration_id');
    const shown = done.view.prospects.find((x) => x.id === p.id);
    expect(shown?.registration).toEqual({ id: done.registration.id, state: done.registration.state, customerId: null });
    expect((await call('ranking/get', { industryCode: 'C' })).prospects[1]?.registration?.id).toBe(
      done.registration.id,
    );

    const before = dumpTables(b.db);
    for (const attempt of [
      call('ranking/register', { id: p.id }),
      call('ranking/update-prospect', { id: p.id, values: { postal: 10 } }),
      call('ranking/remove-prospect', { id: p.id }),
    ])
      expect(await appError(attempt)).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining(`已转为注册申报 #${done.registration.id}`),
      });
    expect(dumpTables(b.db)).toEqual(before);
  });

  it('refuses an enterprise somebody holds (R19a): a customer’s credit code, a pending registration’s name; nothing changes', async () => {
    const { b, call, add, unitId } = await setup();
    await call('customers/create', { name: '汕头市恒信包装有限公司', areaCode: '440515', unitId, creditCode: CODE_B });
    await call('registrations/add', { unitId, name: '汕头市宏远电子有限公司', areaCode: '440515', date: '2026-11-20' });
    const byCode = await add('恒信包装（汕头）', { postal: 60 }, CODE_B);
    const byName = await add('汕头宏远电子有限公司', { postal: 60 });
    const before = dumpTables(b.db);
    const refusal = await appError(call('ranking/register', { id: byCode.id }));
    expect(refusal).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('不能转为注册申报') });
    expect(refusal.message).toContain('统一社会信用代码');
    expect(refusal.message).not.toContain('恒信包装有限公司'); // R19a: the holder, never its dossier
    expect(await appError(call('ranking/register', { id: byName.id }))).toMatchObject({ code: 'CONFLICT' });
    expect(dumpTables(b.db)).toEqual(before);
    // Two prospects with one credit code are one enterprise surveyed twice.
    expect(await appError(add('另一家', {}, CODE_B))).toMatchObject({ code: 'CONFLICT' });
    // A prospect not yet registered can be removed.
    const removed = await call('ranking/remove-prospect', { id: byName.id });
    expect(removed.view.prospects.map((x) => x.id)).toEqual([byCode.id]);
  });

  it('kam ranking factors, add, show and register (JSON)', async () => {
    const db = join(tempDir(), 'kam.sqlite');
    (await setup(db)).b.close();
    backends.splice(0);
    const json = async (argv: string[]) => {
      const r = await kam([...argv, '--db', db, '--json']);
      expect(r.err).toBe('');
      return JSON.parse(r.out);
    };
    const factors = await json([
      'ranking',
      'factors',
      '--industry',
      'C',
      '--set',
      '用邮规模=50,企业收入规模=30,合作意向=20',
    ]);
    // A name the worksheet has keeps its key (用邮规模 → postal); another name is a new factor.
    expect(factors.factors.map((f: { key: string; name: string }) => `${f.key}=${f.name}`)).toEqual([
      'postal=用邮规模',
      'revenue=企业收入规模',
      'f1=合作意向',
    ]);
    const added = await json([
      'ranking',
      'add',
      '--industry',
      'C',
      '--name',
      '汕头市宏达玩具实业有限公司',
      '--area',
      '440515',
      '--unit',
      '440515',
      '--credit-code',
      CODE_A,
      '--values',
      '用邮规模=80,revenue=70,合作意向=60',
    ]);
    expect(added.view.prospects[0]).toMatchObject({ id: added.id, points: 7300, score: '73', rank: 1 });
    const shown = await json(['ranking', 'show', '--industry', 'C']);
    expect(shown.prospects[0].values).toEqual({ postal: 80, revenue: 70, f1: 60 });
    const reg = await json(['ranking', 'register', String(added.id), '--date', '2026-12-01']);
    expect(reg.view.prospects[0].registration.id).toBe(reg.registration.id);
    const text = await kam(['ranking', 'show', '--industry', 'C', '--db', db]);
    expect(text.out).toContain(`注册申报 #${reg.registration.id}`);
  });
});
