/**
 * R20 through the registry: A/B managers (missing A or B is a problem for silver and above), a gold
 * customer's 专人, the lead moving from A to B once won, a project team with dates, and a departing
 * manager's customers moved to another in one transaction (all or nothing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../../../electron/backend';
import { appError } from '../../support/app-error';
import { setup } from './setup';

const backends: Backend[] = [];
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
});

async function world() {
  const s = await setup(backends, '2026-03-10');
  const gold = await s.customer('汕头市黄金公司');
  const silver = await s.customer('汕头市白银公司');
  const general = await s.customer('汕头市一般公司');
  s.grade(2025, { [gold]: 'gold', [silver]: 'silver', [general]: 'general' });
  const chen = await s.manager('陈经理');
  const lin = await s.manager('林经理');
  const wu = await s.manager('吴经理');
  return { ...s, gold, silver, general, chen, lin, wu };
}

describe('R20 A/B roles and 专人', () => {
  it('reports missing A/B for silver and above and a gold customer without 专人; general needs none', async () => {
    const w = await world();
    const problems = await w.call('assignments/problems', {});
    expect(problems.map((p) => [p.customerId, p.tier, p.problems])).toEqual([
      [
        w.gold,
        'gold',
        [
          '缺少A角客户经理：黄金客户须同时配备A角和B角',
          '缺少B角客户经理：黄金客户须同时配备A角和B角',
          '缺少专人负责：黄金客户须指定专人负责（R20）',
        ],
      ],
      [
        w.silver,
        'silver',
        ['缺少A角客户经理：白银客户须同时配备A角和B角', '缺少B角客户经理：白银客户须同时配备A角和B角'],
      ],
    ]);
    await w.call('assignments/set', { customerId: w.silver, role: 'A', managerId: w.chen, fromOn: '2026-03-01' });
    await w.call('assignments/set', { customerId: w.silver, role: 'B', managerId: w.lin, fromOn: '2026-03-01' });
    await w.call('assignments/set', { customerId: w.gold, role: 'A', managerId: w.chen, fromOn: '2026-03-01' });
    await w.call('assignments/set', { customerId: w.gold, role: 'B', managerId: w.lin, fromOn: '2026-03-01' });
    expect((await w.call('assignments/get', { customerId: w.gold })).problems).toEqual([
      '缺少专人负责：黄金客户须指定专人负责（R20）',
    ]);
    // The 专人 may be one of the A/B managers.
    await w.call('assignments/set', {
      customerId: w.gold,
      role: 'responsible',
      managerId: w.chen,
      fromOn: '2026-03-05',
    });
    expect(await w.call('assignments/problems', {})).toEqual([]);
    // Read on a date before the assignments: the problems come back.
    expect((await w.call('assignments/problems', { date: '2026-02-15' })).map((p) => p.customerId)).toEqual([
      w.gold,
      w.silver,
    ]);
  });

  it('refuses one manager as both A and B, and a manager who has left', async () => {
    const w = await world();
    await w.call('assignments/set', { customerId: w.silver, role: 'A', managerId: w.chen, fromOn: '2026-03-01' });
    const both = await appError(
      w.call('assignments/set', { customerId: w.silver, role: 'B', managerId: w.chen, fromOn: '2026-03-01' }),
    );
    expect(both.code).toBe('CONFLICT');
    expect(both.message).toContain('同一客户经理不能同时担任A角和B角');
    await w.call('managers/leave', { id: w.wu, effectiveOn: '2026-03-02', reason: '调离' });
    expect(
      (
        await appError(
          w.call('assignments/set', { customerId: w.silver, role: 'B', managerId: w.wu, fromOn: '2026-03-05' }),
        )
      ).code,
    ).toBe('CONFLICT');
  });

  it('replacing a holder ends the old row (history kept) and starts the new one', async () => {
    const w = await world();
    await w.call('assignments/set', { customerId: w.silver, role: 'A', managerId: w.chen, fromOn: '2026-01-01' });
    const v = await w.call('assignments/set', {
      customerId: w.silver,
      role: 'A',
      managerId: w.wu,
      fromOn: '2026-03-01',
      reason: '工作调整',
    });
    expect(v.current.map((r) => [r.role, r.managerName, r.fromOn, r.toOn])).toEqual([
      ['A', '吴经理', '2026-03-01', null],
    ]);
    expect(v.history.map((r) => [r.role, r.managerName, r.fromOn, r.toOn, r.endedReason])).toEqual([
      ['A', '吴经理', '2026-03-01', null, null],
      ['A', '陈经理', '2026-01-01', '2026-03-01', '工作调整'],
    ]);
    expect(
      (await w.call('assignments/get', { customerId: w.silver, date: '2026-02-01' })).current[0]?.managerName,
    ).toBe('陈经理');
    // Ending a role earlier than its start is refused.
    expect(
      (await appError(w.call('assignments/end', { customerId: w.silver, role: 'A', toOn: '2026-02-01', reason: 'x' })))
        .code,
    ).toBe('VALIDATION');
  });

  it('a departed manager still recorded as A shows as a problem until reassigned', async () => {
    const w = await world();
    await w.call('assignments/set', { customerId: w.silver, role: 'A', managerId: w.chen, fromOn: '2026-01-01' });
    await w.call('assignments/set', { customerId: w.silver, role: 'B', managerId: w.lin, fromOn: '2026-01-01' });
    await w.call('managers/leave', { id: w.chen, effectiveOn: '2026-03-05', reason: '离职' });
    const p = (await w.call('assignments/get', { customerId: w.silver })).problems;
    expect(p[0]).toContain('陈经理 已于 2026-03-05 离岗');
    expect(p).toContain('缺少A角客户经理：白银客户须同时配备A角和B角');
  });
});

describe('R20 lead: A while developing, B once won', () => {
  it('moves the lead from A to B, needs a B, and keeps the A lead before', async () => {
    const w = await world();
    await w.call('assignments/set', { customerId: w.gold, role: 'A', managerId: w.chen, fromOn: '2026-01-01' });
    expect((await w.call('assignments/get', { customerId: w.gold })).lead).toBeNull();
    expect(
      (
        await appError(
          w.call('assignments/set-lead', { customerId: w.gold, lead: 'B', fromOn: '2026-03-01', reason: '开发成功' }),
        )
      ).code,
    ).toBe('VALIDATION');
    await w.call('assignments/set', { customerId: w.gold, role: 'B', managerId: w.lin, fromOn: '2026-02-01' });
    const won = await w.call('assignments/set-lead', {
      customerId: w.gold,
      lead: 'B',
      fromOn: '2026-03-01',
      reason: '开发成功',
    });
    expect(won.lead).toEqual({ role: 'B', fromOn: '2026-03-01', reason: '开发成功' });
    expect((await w.call('assignments/get', { customerId: w.gold, date: '2026-02-28' })).lead).toBeNull();
    expect(
      (
        await appError(
          w.call('assignments/set-lead', { customerId: w.gold, lead: 'B', fromOn: '2026-03-02', reason: 'x' }),
        )
      ).code,
    ).toBe('CONFLICT');
  });
});

describe('R20 project team', () => {
  it('adds members across units with dates and ends them, keeping the rows', async () => {
    const w = await world();
    const postal = await w.manager('储汇经理', '440500');
    const centre = w.unit('440500');
    await w.call('teams/add', {
      customerId: w.gold,
      unitId: w.unit('440515'),
      managerId: w.chen,
      purpose: '属地维护',
      fromOn: '2026-03-01',
    });
    const team = await w.call('teams/add', {
      customerId: w.gold,
      unitId: centre,
      managerId: postal,
      purpose: '代发工资项目',
      fromOn: '2026-03-05',
      toOn: '2026-12-31',
    });
    expect(team.map((m) => [m.unitName, m.managerName, m.purpose, m.source, m.fromOn, m.toOn])).toEqual([
      ['澄海分局', '陈经理', '属地维护', 'project', '2026-03-01', null],
      ['市局大客户中心', '储汇经理', '代发工资项目', 'project', '2026-03-05', '2026-12-31'],
    ]);
    // A manager of another unit than the one named is refused.
    expect(
      (
        await appError(
          w.call('teams/add', {
            customerId: w.gold,
            unitId: centre,
            managerId: w.lin,
            purpose: 'x',
            fromOn: '2026-03-01',
          }),
        )
      ).code,
    ).toBe('VALIDATION');
    const first = team[0]?.id as number;
    const ended = await w.call('teams/end', { customerId: w.gold, memberId: first, toOn: '2026-06-30' });
    expect(ended.map((m) => m.toOn)).toEqual(['2026-06-30', '2026-12-31']);
    expect(await w.call('teams/list', { customerId: w.gold })).toHaveLength(2);
  });
});

describe('reassigning a departing manager’s customers', () => {
  it('moves every current role and team membership in one transaction, ending the old rows', async () => {
    const w = await world();
    await w.call('assignments/set', { customerId: w.gold, role: 'A', managerId: w.chen, fromOn: '2026-01-01' });
    await w.call('assignments/set', {
      customerId: w.gold,
      role: 'responsible',
      managerId: w.chen,
      fromOn: '2026-01-01',
    });
    await w.call('assignments/set', { customerId: w.silver, role: 'B', managerId: w.chen, fromOn: '2026-01-01' });
    await w.call('teams/add', {
      customerId: w.general,
      unitId: w.unit('440515'),
      managerId: w.chen,
      purpose: '项目',
      fromOn: '2026-02-01',
    });
    const moved = await w.call('assignments/reassign', {
      fromManagerId: w.chen,
      toManagerId: w.wu,
      on: '2026-03-10',
      reason: '陈经理离职',
    });
    expect(moved).toMatchObject({ roles: 3, teamMembers: 1, customers: [w.gold, w.silver, w.general].sort() });
    const gold = await w.call('assignments/get', { customerId: w.gold });
    expect(gold.current.map((r) => [r.role, r.managerName]).sort()).toEqual([
      ['A', '吴经理'],
      ['responsible', '吴经理'],
    ]);
    expect(gold.history.filter((r) => r.managerName === '陈经理').map((r) => [r.toOn, r.endedReason])).toEqual([
      ['2026-03-10', '陈经理离职'],
      ['2026-03-10', '陈经理离职'],
    ]);
    const team = await w.call('teams/list', { customerId: w.general });
    expect(team.map((m) => [m.managerName, m.fromOn, m.toOn])).toEqual([
      ['陈经理', '2026-02-01', '2026-03-10'],
      ['吴经理', '2026-03-10', null],
    ]);
    const log = w.b.db.prepare("SELECT entity FROM audit_log WHERE channel = 'assignments/reassign'").all();
    expect(log).toEqual([{ entity: `manager:${w.chen}` }]);
  });

  it('is all or nothing: one clash (the receiver already the other role) refuses the whole move', async () => {
    const w = await world();
    await w.call('assignments/set', { customerId: w.gold, role: 'A', managerId: w.chen, fromOn: '2026-01-01' });
    await w.call('assignments/set', { customerId: w.silver, role: 'A', managerId: w.chen, fromOn: '2026-01-01' });
    await w.call('assignments/set', { customerId: w.silver, role: 'B', managerId: w.wu, fromOn: '2026-01-01' });
    const rows = () => w.b.db.prepare('SELECT * FROM customer_managers ORDER BY id').all();
    const before = rows();
    const refused = await appError(
      w.call('assignments/reassign', { fromManagerId: w.chen, toManagerId: w.wu, on: '2026-03-10', reason: '离职' }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toContain(w.silver);
    expect(rows()).toEqual(before);
  });

  it('managers/leave with a successor moves the leaver’s customers in the same transaction, or leaves nothing', async () => {
    const w = await world();
    await w.call('assignments/set', { customerId: w.gold, role: 'A', managerId: w.chen, fromOn: '2026-01-01' });
    await w.call('assignments/set', { customerId: w.silver, role: 'A', managerId: w.chen, fromOn: '2026-01-01' });
    await w.call('assignments/set', { customerId: w.silver, role: 'B', managerId: w.lin, fromOn: '2026-01-01' });
    // 林经理 is B of the silver customer: taking over its A is refused, and 陈经理 has not left either.
    const refused = await appError(
      w.call('managers/leave', { id: w.chen, effectiveOn: '2026-03-10', reason: '退休', reassignToManagerId: w.lin }),
    );
    expect(refused.code).toBe('CONFLICT');
    expect((await w.call('managers/list', { unitId: null, includeInactive: false })).map((m) => m.name)).toContain(
      '陈经理',
    );
    await w.call('managers/leave', {
      id: w.chen,
      effectiveOn: '2026-03-10',
      reason: '退休',
      reassignToManagerId: w.wu,
    });
    expect(
      (await w.call('assignments/get', { customerId: w.silver })).current.map((r) => [r.role, r.managerName]),
    ).toEqual([
      ['A', '吴经理'],
      ['B', '林经理'],
    ]);
    expect((await w.call('assignments/get', { customerId: w.gold })).history[1]).toMatchObject({
      managerName: '陈经理',
      toOn: '2026-03-10',
      endedReason: '陈经理 离岗：退休',
    });
  });
});
