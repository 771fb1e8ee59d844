import { afterEach, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import type { ApiInput } from '../../../shared/api/contract';
import type { Manager, UnitView } from '../../../shared/api/types';
import { appError } from '../../support/app-error';

/** Local wall-clock time: R30 works on the bureau's local dates. */
const local = (y: number, m: number, d: number, hh = 9, mm = 0, ss = 0) => new Date(y, m - 1, d, hh, mm, ss);

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

async function setup(start = local(2026, 11, 10)) {
  let now = start;
  const b = openBackend({ databasePath: ':memory:', now: () => now });
  backends.push(b);
  const call = b.registry.call.bind(b.registry);
  const units = await call('units/list', { includeRetired: true });
  const unit = (code: string) => {
    const u = units.find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u.id;
  };
  const view = async (code: string): Promise<UnitView> => {
    const u = (await call('units/list', { includeRetired: true })).find((x) => x.code === code);
    if (!u) throw new Error(`no unit ${code}`);
    return u;
  };
  const gap = async (code: string) => (await view(code)).staffingGap;
  const register = (name: string, unitCode: string, extra: Partial<ApiInput<'managers/register'>> = {}) =>
    call('managers/register', {
      name,
      unitId: unit(unitCode),
      post: 'account_manager',
      employment: 'full_time',
      effectiveOn: '2026-11-01',
      ...extra,
    });
  const fail = appError;
  return {
    b,
    call,
    unit,
    view,
    gap,
    register,
    fail,
    setNow: (d: Date) => {
      now = d;
    },
  };
}

describe('R3 seed', () => {
  it('R3: seeds the Shantou area codes (GB/T 2260) with urban districts marked', async () => {
    const { call } = await setup();
    const areas = await call('areas/list', {});
    expect(areas.map((a) => [a.code, a.name, a.urban])).toEqual([
      ['440500', '汕头市（市本级）', true],
      ['440507', '龙湖区', true],
      ['440511', '金平区', true],
      ['440512', '濠江区', true],
      ['440513', '潮阳区', false],
      ['440514', '潮南区', false],
      ['440515', '澄海区', false],
      ['440523', '南澳县', false],
    ]);
    expect(areas.every((a) => a.customerCount === 0)).toBe(true);
  });

  it('R2/R3: seeds the unit tree: province, city centre, four county bureaus and the professional bureaus', async () => {
    const { call } = await setup();
    const units = await call('units/list', {});
    expect(units.map((u) => [u.code, u.name, u.kind, u.areaCode, u.parentName])).toEqual([
      ['440000', '省局大客户中心', 'province', null, null],
      ['440500', '市局大客户中心', 'centre', '440500', '省局大客户中心'],
      ['440515', '澄海分局', 'county', '440515', '市局大客户中心'],
      ['440513', '潮阳分局', 'county', '440513', '市局大客户中心'],
      ['440514', '潮南分局', 'county', '440514', '市局大客户中心'],
      ['440523', '南澳县局', 'county', '440523', '市局大客户中心'],
      ['P01', '营业分局', 'professional', '440500', '市局大客户中心'],
      ['P02', '邮政储汇局', 'professional', '440500', '市局大客户中心'],
      ['P03', '函件局', 'professional', '440500', '市局大客户中心'],
      ['P04', '集邮公司', 'professional', '440500', '市局大客户中心'],
      ['P05', '速递物流局', 'professional', '440500', '市局大客户中心'],
      ['P06', '报刊发行局', 'professional', '440500', '市局大客户中心'],
    ]);
    expect(units.find((u) => u.code === 'P02')?.lines).toEqual(['savings']);
    expect(units.find((u) => u.code === 'P03')?.lines).toEqual(['bills', 'letters']);
    expect(units.find((u) => u.code === 'P05')?.lines).toEqual(['express', 'logistics', 'parcels']);
    expect(units.find((u) => u.code === 'P01')?.lines).toEqual([]);
    // Urban districts have no county centre of their own.
    for (const urban of ['440507', '440511', '440512']) expect(units.some((u) => u.code === urban)).toBe(false);
  });

  it('seeds only once: reopening an existing database adds no units', async () => {
    const { b } = await setup();
    const { seedOrganisationIfEmpty } = await import('../../../electron/backend/organisation/seed');
    const { POLICY_V1 } = await import('../../../shared/domain/policy/policy');
    expect(seedOrganisationIfEmpty(b.db, POLICY_V1, new Date())).toBe(false);
    expect(b.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 12 });
  });
});

describe('R4 staffing gaps', () => {
  it.each([
    ['440515', 3, 'county bureau'],
    ['440513', 3, 'county bureau'],
    ['440514', 3, 'county bureau'],
    ['440523', 1, '南澳 (its own figure)'],
    ['P01', 3, '营业分局'],
    ['P02', 2, 'other professional bureau'],
    ['P06', 2, 'other professional bureau'],
    ['440000', 0, 'province centre'],
  ])('R4: %s starts with a minimum and gap of %i (%s)', async (code, min) => {
    const { view } = await setup();
    const u = await view(code);
    expect(u.minManagers).toBe(min);
    expect(u.accountManagers).toBe(0);
    expect(u.staffingGap).toBe(min);
  });

  it('R4: the gap shrinks as account managers are registered, never below 0; heads and other posts do not count', async () => {
    const { gap, register, view } = await setup();
    await register('陈志强', '440515', { post: 'head', employment: 'part_time' });
    expect(await gap('440515')).toBe(3);
    await register('林伟', '440515');
    expect(await gap('440515')).toBe(2);
    await register('黄敏', '440515', { employment: 'part_time' }); // part-time account managers count
    expect(await gap('440515')).toBe(1);
    await register('李娜', '440515');
    expect(await gap('440515')).toBe(0);
    await register('张磊', '440515');
    expect(await view('440515')).toMatchObject({ accountManagers: 4, staffingGap: 0 });

    await register('吴静', '440500', { post: 'director' });
    await register('郑洋', '440500', { post: 'information_officer' });
    expect(await gap('440500')).toBe(0); // the city centre has an establishment, never a gap
    await register('蔡艳', '440523');
    expect(await gap('440523')).toBe(0);
    await register('许勇', 'P01');
    expect(await gap('P01')).toBe(2);
  });

  it('R4: a manager counts from the start date, stops counting on leaving, and counts where moved to', async () => {
    const { gap, register, call, unit, setNow } = await setup(local(2026, 11, 10));
    const future = await register('林伟', '440515', { effectiveOn: '2026-12-01' });
    expect(await gap('440515')).toBe(3);
    setNow(local(2026, 12, 1));
    expect(await gap('440515')).toBe(2);

    const m = await register('黄敏', '440515');
    expect(await gap('440515')).toBe(1);
    await call('managers/move', { id: m.id, toUnitId: unit('440513'), effectiveOn: '2026-12-01' });
    expect(await gap('440515')).toBe(2);
    expect(await gap('440513')).toBe(2);

    await call('managers/leave', { id: future.id, effectiveOn: '2026-12-01', reason: '调离邮政' });
    expect(await gap('440515')).toBe(3);
  });

  it('R4: set-minimum changes the gap', async () => {
    const { call, unit, gap } = await setup();
    const updated = await call('units/set-minimum', { id: unit('P02'), minManagers: 4 });
    expect(updated.minManagers).toBe(4);
    expect(await gap('P02')).toBe(4);
  });
});

describe('R30 manager register and change log', () => {
  it('R30: a change effective on 2026-11-03 recorded on 2026-11-26 (local) is late; one effective 11-26 is not', async () => {
    const { register, call } = await setup(local(2026, 11, 26, 9, 15, 30));
    const late = await register('林伟', '440515', { effectiveOn: '2026-11-03' });
    const onTime = await register('黄敏', '440515', { effectiveOn: '2026-11-26' });
    const lateChanges = await call('managers/changes', { managerId: late.id });
    expect(lateChanges).toEqual([
      {
        id: expect.any(Number),
        managerId: late.id,
        managerName: '林伟',
        kind: 'register',
        effectiveOn: '2026-11-03',
        recordedAt: '2026-11-26 09:15:30',
        dueOn: '2026-11-25',
        late: true,
        fromUnitName: null,
        toUnitName: '澄海分局',
        summary: '登记 林伟，澄海分局，大客户经理（专职）',
      },
    ]);
    const onTimeChanges = await call('managers/changes', { managerId: onTime.id });
    expect(onTimeChanges.map((c) => [c.dueOn, c.late])).toEqual([['2026-12-25', false]]);
  });

  it.each([
    [local(2026, 11, 25, 23, 59, 59), '2026-11-03', false],
    [local(2026, 11, 26, 0, 0, 1), '2026-11-03', true],
    [local(2026, 11, 10), '2026-11-20', false], // announced in advance
    [local(2027, 1, 25), '2026-12-28', false], // next cycle across the year end
    [local(2027, 1, 26), '2026-12-28', true],
  ])('R30: recorded at %s, effective %s → late=%s', async (at, effectiveOn, late) => {
    const { register, call } = await setup(at);
    const m = await register('林伟', '440515', { effectiveOn });
    const [change] = await call('managers/changes', { managerId: m.id });
    expect(change?.late).toBe(late);
  });

  it('R30: lateness uses the local date, not UTC (Asia/Shanghai, 00:30 on the 26th is 16:30 UTC on the 25th)', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const { register, call } = await setup(new Date('2026-11-25T16:30:00Z'));
      const m = await register('林伟', '440515', { effectiveOn: '2026-11-03' });
      const [change] = await call('managers/changes', { managerId: m.id });
      expect(change?.recordedAt).toBe('2026-11-26 00:30:00');
      expect(change?.late).toBe(true);
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('update, move and leave each record one change with the right kind, units, summary and lateness', async () => {
    const { register, call, unit, setNow } = await setup(local(2026, 11, 10));
    const m = await register('林伟', '440515', { phone: '13800000000' });

    setNow(local(2026, 11, 20));
    const updated = await call('managers/update', {
      id: m.id,
      name: '林伟',
      post: 'head',
      employment: 'part_time',
      phone: '',
      effectiveOn: '2026-11-15',
    });
    expect(updated).toMatchObject({ post: 'head', employment: 'part_time', phone: null });

    setNow(local(2026, 11, 27));
    const moved = await call('managers/move', { id: m.id, toUnitId: unit('440513'), effectiveOn: '2026-11-16' });
    expect(moved).toMatchObject({ unitId: unit('440513'), unitName: '潮阳分局' });

    setNow(local(2026, 12, 2));
    const left = await call('managers/leave', { id: m.id, effectiveOn: '2026-11-30', reason: '退休' });
    expect(left).toMatchObject({ active: false, leftOn: '2026-11-30', startedOn: '2026-11-01' });

    const changes = await call('managers/changes', { managerId: m.id });
    expect(
      changes.map((c) => [
        c.kind,
        c.effectiveOn,
        c.recordedAt,
        c.dueOn,
        c.late,
        c.fromUnitName,
        c.toUnitName,
        c.summary,
      ]),
    ).toEqual([
      ['leave', '2026-11-30', '2026-12-02 09:00:00', '2026-12-25', false, '潮阳分局', null, '林伟 离岗：退休'],
      [
        'move',
        '2026-11-16',
        '2026-11-27 09:00:00',
        '2026-11-25',
        true,
        '澄海分局',
        '潮阳分局',
        '林伟 由澄海分局调往潮阳分局',
      ],
      [
        'edit',
        '2026-11-15',
        '2026-11-20 09:00:00',
        '2026-11-25',
        false,
        '澄海分局',
        '澄海分局',
        '岗位 大客户经理 → 中心主任；专职 → 兼职；电话 13800000000 → 无',
      ],
      [
        'register',
        '2026-11-01',
        '2026-11-10 09:00:00',
        '2026-11-25',
        false,
        null,
        '澄海分局',
        '登记 林伟，澄海分局，大客户经理（专职）',
      ],
    ]);
  });

  it('an update that changes nothing records no change', async () => {
    const { register, call } = await setup();
    const m = await register('林伟', '440515', { phone: '13800000000' });
    const same = await call('managers/update', {
      id: m.id,
      name: '林伟',
      post: 'account_manager',
      employment: 'full_time',
      phone: ' 13800000000 ',
      effectiveOn: '2026-11-05',
    });
    expect(same).toEqual(m);
    expect(await call('managers/changes', { managerId: m.id })).toHaveLength(1);
  });

  it('refuses moves to the same unit or a retired unit, leaving before starting, and changes after leaving', async () => {
    const { register, call, unit, fail } = await setup();
    const m = await register('林伟', '440515');
    expect(
      (await fail(call('managers/move', { id: m.id, toUnitId: unit('440515'), effectiveOn: '2026-11-05' }))).code,
    ).toBe('CONFLICT');
    await call('units/retire', { id: unit('P01'), retiredOn: '2026-11-01' });
    const retired = await fail(call('managers/move', { id: m.id, toUnitId: unit('P01'), effectiveOn: '2026-11-05' }));
    expect(retired.code).toBe('CONFLICT');
    expect(retired.message).toContain('营业分局');
    expect((await fail(register('黄敏', 'P01'))).code).toBe('CONFLICT');

    const early = await fail(call('managers/leave', { id: m.id, effectiveOn: '2026-10-31', reason: '调走' }));
    expect(early).toEqual({
      code: 'VALIDATION',
      message: '离岗日期不能早于到岗日期 2026-11-01',
      messageEn: 'The leaving date cannot be before the start date 2026-11-01',
      details: {
        issues: [
          {
            path: 'effectiveOn',
            message: '不能早于到岗日期 2026-11-01',
            messageEn: 'Cannot be before the start date 2026-11-01',
          },
        ],
      },
    });

    await call('managers/leave', { id: m.id, effectiveOn: '2026-11-05', reason: '调走' });
    const again = await fail(call('managers/leave', { id: m.id, effectiveOn: '2026-11-06', reason: '调走' }));
    expect(again.code).toBe('CONFLICT');
    expect(again.message).toBe('林伟 已于 2026-11-05 离岗');
    const edit = await fail(
      call('managers/update', {
        id: m.id,
        name: '林伟',
        post: 'head',
        employment: 'full_time',
        effectiveOn: '2026-11-06',
      }),
    );
    expect(edit.code).toBe('CONFLICT');
    expect(
      (await fail(call('managers/move', { id: 9999, toUnitId: unit('440513'), effectiveOn: '2026-11-06' }))).code,
    ).toBe('NOT_FOUND');
  });

  it('managers/list shows the active register, by unit, and leavers on request', async () => {
    const { register, call, unit } = await setup();
    const a = await register('林伟', '440515');
    const b = await register('黄敏', '440513');
    const c = await register('李娜', '440515');
    await call('managers/leave', { id: c.id, effectiveOn: '2026-11-05', reason: '调走' });
    const names = (list: Manager[]) => list.map((m) => m.name);
    expect(names(await call('managers/list', {}))).toEqual([a.name, b.name]);
    expect(names(await call('managers/list', { unitId: unit('440515') }))).toEqual([a.name]);
    expect(names(await call('managers/list', { unitId: unit('440515'), includeInactive: true }))).toEqual([
      a.name,
      c.name,
    ]);
  });

  it('managers/changes filters by month of effect or of recording', async () => {
    const { register, call, setNow } = await setup(local(2026, 11, 10));
    await register('林伟', '440515', { effectiveOn: '2026-10-20' }); // effective Oct, recorded Nov
    setNow(local(2026, 12, 3));
    await register('黄敏', '440515', { effectiveOn: '2026-12-01' });
    const month = async (m: string) => (await call('managers/changes', { month: m })).map((c) => c.managerName);
    expect(await month('2026-10')).toEqual(['林伟']);
    expect(await month('2026-11')).toEqual(['林伟']);
    expect(await month('2026-12')).toEqual(['黄敏']);
    expect(await month('2027-01')).toEqual([]);
    expect((await call('managers/changes', {})).map((c) => c.managerName)).toEqual(['黄敏', '林伟']); // newest first
  });
});

describe('R2 units: retire, reinstate, create', () => {
  it('refuses to retire a unit with managers, naming the counts', async () => {
    const { register, call, unit, fail } = await setup();
    await register('林伟', '440515');
    await register('黄敏', '440515');
    const error = await fail(call('units/retire', { id: unit('440515'), retiredOn: '2026-11-30' }));
    expect(error).toEqual({
      code: 'CONFLICT',
      message: '单位“澄海分局”仍有2 名在岗客户经理，请先调出或撤销后再撤销本单位',
      messageEn: 'Unit “澄海分局” still has 2 active account manager(s); move or retire them before retiring the unit',
      details: { managers: 2, customers: 0, children: 0 },
    });
  });

  it('names customers and sub-units too', async () => {
    const { register, call, unit, fail } = await setup();
    await register('林伟', 'P05');
    await call('customers/create', { name: '汕头市宏达物流有限公司', areaCode: '440507', unitId: unit('P05') });
    await call('units/create', { code: 'P05-1', name: '速递龙湖营业部', kind: 'branch', parentId: unit('P05') });
    const error = await fail(call('units/retire', { id: unit('P05'), retiredOn: '2026-11-30' }));
    expect(error.message).toBe(
      '单位“速递物流局”仍有1 名在岗客户经理、1 个客户、1 个下级单位，请先调出或撤销后再撤销本单位',
    );
    expect(error.details).toEqual({ managers: 1, customers: 1, children: 1 });
  });

  it('refuses to retire the province or city centre', async () => {
    const { call, unit, fail } = await setup();
    for (const code of ['440000', '440500']) {
      expect((await fail(call('units/retire', { id: unit(code), retiredOn: '2026-11-30' }))).code).toBe('CONFLICT');
    }
  });

  it('retires an empty unit, hides it unless asked, and reinstates it', async () => {
    const { call, unit, fail, view } = await setup();
    await call('units/set-line-bureau', { line: 'newspapers', unitId: null }); // R15: P06 owns no line now
    const retired = await call('units/retire', { id: unit('P06'), retiredOn: '2026-11-30' });
    expect(retired.retiredOn).toBe('2026-11-30');
    expect((await call('units/list', {})).map((u) => u.code)).not.toContain('P06');
    expect(await view('P06')).toMatchObject({ retiredOn: '2026-11-30', staffingGap: 0 }); // no gap for a retired unit
    expect((await fail(call('units/retire', { id: unit('P06'), retiredOn: '2026-12-01' }))).code).toBe('CONFLICT');

    const back = await call('units/reinstate', { id: unit('P06') });
    expect(back.retiredOn).toBeNull();
    expect((await call('units/list', {})).map((u) => u.code)).toContain('P06');
    expect(await view('P06')).toMatchObject({ staffingGap: 2 });
    expect((await fail(call('units/reinstate', { id: unit('P06') }))).code).toBe('CONFLICT');
  });

  it('a sub-unit cannot be reinstated under a retired parent', async () => {
    const { call, unit, fail } = await setup();
    const team = await call('units/create', {
      code: 'P06-1',
      name: '报刊发行一组',
      kind: 'branch',
      parentId: unit('P06'),
    });
    await call('units/retire', { id: team.id, retiredOn: '2026-11-30' });
    await call('units/set-line-bureau', { line: 'newspapers', unitId: null });
    await call('units/retire', { id: unit('P06'), retiredOn: '2026-11-30' });
    const error = await fail(call('units/reinstate', { id: team.id }));
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toBe('上级单位已撤销，请先恢复上级单位');
  });

  it('creates units with the policy minimum by kind; a new bureau owns no line until the table says so', async () => {
    const { call, unit, gap } = await setup(local(2026, 11, 10));
    const bureau = await call('units/create', {
      code: 'P07',
      name: '包件分局',
      kind: 'professional',
      parentId: unit('440500'),
      areaCode: '440500',
    });
    expect(bureau).toMatchObject({
      code: 'P07',
      kind: 'professional',
      minManagers: 2,
      retiredOn: null,
    });
    expect(bureau.createdAt).toBe(local(2026, 11, 10).toISOString());
    expect(await gap('P07')).toBe(2);
    const team = await call('units/create', {
      code: 'CH-01',
      name: '澄海城区支局',
      kind: 'branch',
      parentId: unit('440515'),
    });
    expect(team).toMatchObject({ minManagers: 0, areaCode: null });
    expect((await call('units/list', {})).find((u) => u.code === 'P07')?.lines).toEqual([]);
    const county = await call('units/create', {
      code: 'NA-2',
      name: '南澳第二支局',
      kind: 'county',
      parentId: unit('440500'),
      minManagers: 1,
    });
    expect(county.minManagers).toBe(1);
  });

  it.each([
    [
      'an area code not in the table',
      { code: 'X1', kind: 'branch', parentCode: '440515', areaCode: '440599' },
      'VALIDATION',
      'areaCode',
    ],
    ['a duplicate code', { code: '440515', kind: 'county', parentCode: '440500' }, 'CONFLICT', null],
    ['a missing parent', { code: 'X2', kind: 'county', parentCode: null }, 'VALIDATION', 'parentId'],
    ['a badly formed code', { code: '单位', kind: 'branch', parentCode: '440515' }, 'VALIDATION', 'code'],
  ] as const)('refuses %s', async (_label, input, code, path) => {
    const { call, unit, fail, b } = await setup();
    const before = b.db.prepare('SELECT count(*) AS n FROM units').get();
    const error = await fail(
      call('units/create', {
        code: input.code,
        name: '测试单位',
        kind: input.kind,
        parentId: input.parentCode === null ? null : unit(input.parentCode),
        ...('areaCode' in input ? { areaCode: input.areaCode } : {}),
      }),
    );
    expect(error.code).toBe(code);
    if (path !== null) {
      expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual([path]);
    }
    expect(b.db.prepare('SELECT count(*) AS n FROM units').get()).toEqual(before);
  });

  it('refuses a parent that does not exist or is retired', async () => {
    const { call, unit, fail } = await setup();
    expect((await fail(call('units/create', { code: 'X3', name: '测试', kind: 'branch', parentId: 9999 }))).code).toBe(
      'NOT_FOUND',
    );
    await call('units/retire', { id: unit('P01'), retiredOn: '2026-11-30' });
    const error = await fail(call('units/create', { code: 'X4', name: '测试', kind: 'branch', parentId: unit('P01') }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ field: 'parentId' });
  });

  it('renames a unit and keeps its code', async () => {
    const { call, unit } = await setup();
    const renamed = await call('units/rename', { id: unit('P03'), name: '函件分局' });
    expect(renamed).toMatchObject({ code: 'P03', name: '函件分局' });
  });
});

describe('R3 area codes', () => {
  it('adds and renames area codes', async () => {
    const { call } = await setup();
    expect(await call('areas/upsert', { code: '445100', name: '潮州市' })).toEqual({
      code: '445100',
      name: '潮州市',
      urban: false,
      customerCount: 0,
    });
    expect(await call('areas/upsert', { code: '440507', name: '龙湖区（新）', urban: true })).toMatchObject({
      name: '龙湖区（新）',
      urban: true,
    });
    expect((await call('areas/list', {})).length).toBe(9);
  });
});
