import { describe, expect, it } from 'vitest';
import { PRODUCT_LINES } from './lines';
import {
  CITY_CENTRE_ESTABLISHMENT,
  lineOwnerProblem,
  SEED_LINE_BUREAUS,
  SEED_UNITS,
  type Staffing,
  staffingOf,
  type UnitKind,
} from './organisation';

describe('R15 seed of the line → bureau table', () => {
  it('every line belongs to a seeded professional bureau; 函件局 and 速递物流局 own several', () => {
    const byCode = new Map(SEED_UNITS.map((u) => [u.code, u]));
    const owners = PRODUCT_LINES.map((l) => byCode.get(SEED_LINE_BUREAUS[l]));
    expect(owners.every((u) => u?.kind === 'professional')).toBe(true);
    expect(Object.fromEntries(PRODUCT_LINES.map((l, i) => [l, owners[i]?.name]))).toEqual({
      savings: '邮政储汇局',
      bills: '函件局',
      letters: '函件局',
      philately: '集邮公司',
      express: '速递物流局',
      logistics: '速递物流局',
      parcels: '速递物流局',
      newspapers: '报刊发行局',
    });
  });

  it.each<[UnitKind, string | null, string | null]>([
    ['professional', null, null],
    ['professional', '2026-11-30', '“某局”已于 2026-11-30 撤销，业务种类不能归属已撤销的专业局'],
    ['centre', null, '“某局”是市局大客户中心，业务种类只能归属专业局'],
    ['county', null, '“某局”是县、区(分)局，业务种类只能归属专业局'],
    ['branch', null, '“某局”是支局/班组，业务种类只能归属专业局'],
    ['province', null, '“某局”是省局大客户中心，业务种类只能归属专业局'],
  ])('R15: a %s unit (retired %s) as a line owner → %s', (kind, retiredOn, problem) => {
    expect(lineOwnerProblem({ name: '某局', kind, retiredOn })).toBe(problem);
  });
});

describe('R4 staffing: the city centre has an establishment, other units a minimum', () => {
  it('R4: the city centre shows each post establishment against in post, never a gap', () => {
    const s = staffingOf({ kind: 'centre', minManagers: 5, retired: false }, { account_manager: 2, director: 1 });
    expect(s).toEqual({
      mode: 'establishment',
      posts: [
        { post: 'director', planned: 1, inPost: 1 },
        { post: 'deputy_director', planned: 1, inPost: 0 },
        { post: 'planning_manager', planned: 2, inPost: 0 },
        { post: 'account_manager', planned: 5, inPost: 2 },
        { post: 'information_officer', planned: 1, inPost: 0 },
      ],
    });
    expect(CITY_CENTRE_ESTABLISHMENT.reduce((n, p) => n + p.planned, 0)).toBe(10);
  });

  it.each<[UnitKind, number, number, boolean, Staffing]>([
    ['county', 3, 0, false, { mode: 'minimum', minimum: 3, accountManagers: 0, gap: 3 }],
    ['county', 3, 2, false, { mode: 'minimum', minimum: 3, accountManagers: 2, gap: 1 }],
    ['county', 1, 1, false, { mode: 'minimum', minimum: 1, accountManagers: 1, gap: 0 }], // 南澳
    ['professional', 3, 4, false, { mode: 'minimum', minimum: 3, accountManagers: 4, gap: 0 }], // 营业分局
    ['professional', 2, 1, false, { mode: 'minimum', minimum: 2, accountManagers: 1, gap: 1 }],
    ['professional', 2, 0, true, { mode: 'minimum', minimum: 2, accountManagers: 0, gap: 0 }], // retired
  ])('R4: a %s unit with minimum %i and %i account managers (retired %s)', (kind, min, am, retired, staffing) => {
    expect(staffingOf({ kind, minManagers: min, retired }, { account_manager: am, head: 1 })).toEqual(staffing);
  });
});
