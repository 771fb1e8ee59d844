/**
 * R15 line → professional bureau table and R4 staffing, through the registry and `kam call`:
 * seeded as DOMAIN.md says, edited by the officer, validated, guarding the retirement of a
 * bureau that still owns lines; the city centre's establishment against who is in post.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LineBureauView } from '../../../shared/api/types';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const NOW = new Date('2026-11-10T02:00:00Z');
const open = backendsForTests();
const tempDir = tempDirsForTests('kam-line-bureaus-');

async function setup() {
  const b = open({ databasePath: ':memory:', now: () => NOW });
  const call = b.registry.call.bind(b.registry);
  const units = await call('units/list', { includeRetired: true });
  const unit = (code: string) => units.find((u) => u.code === code)?.id as number;
  const table = async () => Object.fromEntries((await call('units/line-bureaus', {})).map((r) => [r.line, r.unitName]));
  return { b, call, unit, table };
}

const SEED = {
  savings: '邮政储汇局',
  bills: '函件局',
  letters: '函件局',
  philately: '集邮公司',
  express: '速递物流局',
  logistics: '速递物流局',
  parcels: '速递物流局',
  newspapers: '报刊发行局',
};

describe('R15 line → professional bureau table', () => {
  it('R15: a new database is seeded as DOMAIN.md says, every line in R1 order', async () => {
    const { call, table } = await setup();
    expect((await call('units/line-bureaus', {})).map((r) => r.line)).toEqual(Object.keys(SEED));
    expect(await table()).toEqual(SEED);
  });

  it('R15: the officer gives a line to another bureau or leaves it without one; the units list follows', async () => {
    const { b, call, unit, table } = await setup();
    const after = await call('units/set-line-bureau', { line: 'bills', unitId: unit('P05') });
    // Audited like every registry write.
    expect(b.db.prepare("SELECT input FROM audit_log WHERE channel = 'units/set-line-bureau'").pluck().all()).toEqual([
      JSON.stringify({ line: 'bills', unitId: unit('P05') }),
    ]);
    expect(after.find((r) => r.line === 'bills')).toEqual({
      line: 'bills',
      unitId: unit('P05'),
      unitName: '速递物流局',
      updatedAt: NOW.toISOString(),
    });
    await call('units/set-line-bureau', { line: 'logistics', unitId: null });
    expect(await table()).toEqual({ ...SEED, bills: '速递物流局', logistics: null });
    const units = await call('units/list', {});
    expect(units.find((u) => u.code === 'P03')?.lines).toEqual(['letters']);
    expect(units.find((u) => u.code === 'P05')?.lines).toEqual(['bills', 'express', 'parcels']);
  });

  it.each([
    ['the city centre', '440500', 'VALIDATION', '“市局大客户中心”是市局大客户中心，业务种类只能归属专业局'],
    ['a county bureau', '440515', 'VALIDATION', '“澄海分局”是县、区(分)局，业务种类只能归属专业局'],
    ['a retired bureau', 'P01', 'VALIDATION', '“营业分局”已于 2026-11-01 撤销，业务种类不能归属已撤销的专业局'],
    ['a unit that does not exist', '', 'NOT_FOUND', '找不到单位（编号 9999）'],
  ])('R15: refuses %s as a line owner, changing nothing', async (_label, code, errorCode, message) => {
    const { call, unit, table } = await setup();
    await call('units/retire', { id: unit('P01'), retiredOn: '2026-11-01' });
    const error = await appError(call('units/set-line-bureau', { line: 'bills', unitId: code ? unit(code) : 9999 }));
    expect([error.code, error.message]).toEqual([errorCode, message]);
    expect(await table()).toEqual(SEED);
  });

  it('R15: refuses a line outside the eight with a Chinese message', async () => {
    const { call, unit } = await setup();
    const error = await appError(call('units/set-line-bureau', { line: 'other' as 'bills', unitId: unit('P03') }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('请选择业务种类（八大业务之一）');
  });

  it('R15: retiring a bureau that owns lines is refused, naming the lines; cleared, it retires', async () => {
    const { call, unit, table } = await setup();
    const error = await appError(call('units/retire', { id: unit('P05'), retiredOn: '2026-11-30' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe(
      '“速递物流局”仍负责特快、物流、包件业务（R15），请先在“业务种类归属专业局”表中改由其他专业局负责或清空，再撤销本单位',
    );
    expect(error.details).toEqual({ lines: ['express', 'logistics', 'parcels'] });
    for (const line of ['express', 'logistics', 'parcels'] as const) {
      await call('units/set-line-bureau', { line, unitId: line === 'parcels' ? null : unit('P03') });
    }
    expect((await call('units/retire', { id: unit('P05'), retiredOn: '2026-11-30' })).retiredOn).toBe('2026-11-30');
    expect(await table()).toEqual({ ...SEED, express: '函件局', logistics: '函件局', parcels: null });
  });

  it('R15: reachable from `kam call`, refusals included', async () => {
    const db = join(tempDir(), 'kam.sqlite');
    expect((await kam(['init', '--db', db])).code).toBe(0);
    const units = JSON.parse((await kam(['call', 'units/list', '--db', db, '--json'])).out) as {
      id: number;
      code: string;
    }[];
    const p04 = units.find((u) => u.code === 'P04')?.id;
    const set = await kam(
      ['call', 'units/set-line-bureau', '--db', db, '--json'],
      JSON.stringify({ line: 'bills', unitId: p04 }),
    );
    expect(set.code).toBe(0);
    expect((JSON.parse(set.out) as LineBureauView[]).find((r) => r.line === 'bills')?.unitName).toBe('集邮公司');
    const read = JSON.parse((await kam(['call', 'units/line-bureaus', '--db', db, '--json'])).out) as LineBureauView[];
    expect(read.find((r) => r.line === 'bills')?.unitName).toBe('集邮公司');
    const refused = await kam(
      ['call', 'units/set-line-bureau', '--db', db, '--json'],
      JSON.stringify({ line: 'bills', unitId: units.find((u) => u.code === '440515')?.id }),
    );
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.err).error.message).toBe('“澄海分局”是县、区(分)局，业务种类只能归属专业局');
  });
});

describe('R4 staffing: the city centre’s establishment, other units’ minimums', () => {
  it('R4: the city centre shows establishment against in post for every post and never a gap', async () => {
    const { b, call, unit } = await setup();
    const register = (name: string, unitId: number, post: 'account_manager' | 'director' | 'planning_manager') =>
      call('managers/register', { name, unitId, post, employment: 'full_time', effectiveOn: '2026-11-01' });
    await register('林伟', unit('440500'), 'account_manager');
    await register('黄敏', unit('440500'), 'account_manager');
    await register('吴静', unit('440500'), 'director');
    await register('陈志强', unit('440515'), 'account_manager');
    const units = await call('units/list', {});
    const centre = units.find((u) => u.code === '440500');
    expect(centre).toMatchObject({ accountManagers: 2, staffingGap: 0 });
    expect(centre?.staffing).toEqual({
      mode: 'establishment',
      posts: [
        { post: 'director', planned: 1, inPost: 1 },
        { post: 'deputy_director', planned: 1, inPost: 0 },
        { post: 'planning_manager', planned: 2, inPost: 0 },
        { post: 'account_manager', planned: 5, inPost: 2 },
        { post: 'information_officer', planned: 1, inPost: 0 },
      ],
    });
    // County centres, 营业分局 and the other professional bureaus keep their minimums and gaps.
    expect(units.find((u) => u.code === '440515')?.staffing).toEqual({
      mode: 'minimum',
      minimum: 3,
      accountManagers: 1,
      gap: 2,
    });
    expect(units.find((u) => u.code === 'P01')?.staffing).toEqual({
      mode: 'minimum',
      minimum: 3,
      accountManagers: 0,
      gap: 3,
    });
    expect(units.find((u) => u.code === 'P03')?.staffing).toEqual({
      mode: 'minimum',
      minimum: 2,
      accountManagers: 0,
      gap: 2,
    });
    expect(units.find((u) => u.code === '440523')?.staffingGap).toBe(1);
    expect(b.db.prepare('SELECT count(*) AS n FROM managers').get()).toEqual({ n: 4 });
  });
});
