/**
 * R21–R22 through the registry and `kam` on a database file: developments moving through their
 * stages with the per-tier log rules (diamond gated, overridable with a kept reason; gold free),
 * a win recording the agreement that confirms the R19c clock and handing the lead from A to B
 * (R20), lost with a reason, stuck developments on the work list, the timeline, and the command
 * line's JSON. DOMAIN-DECISIONS "Developments and marketing logs (R21–R22)".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { appError } from '../../support/app-error';
import { gradeCustomers } from '../../support/grade';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-marketing-');

async function database() {
  const db = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => new Date('2026-11-10T02:00:00Z') });
  const units = await b.registry.call('units/list', {});
  const unitId = units.find((u) => u.code === '440515')?.id as number;
  const diamond = (await b.registry.call('customers/create', { name: '汕头市恒昌玩具厂', areaCode: '440515', unitId }))
    .id;
  const gold = (
    await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId })
  ).id;
  gradeCustomers(b.db, 2025, [
    [diamond, 'diamond', 'regional'],
    [gold, 'gold', 'regional'],
  ]);
  const managers = [];
  for (const name of ['陈文', '林晓'])
    managers.push(
      await b.registry.call('managers/register', {
        name,
        unitId,
        post: 'account_manager',
        employment: 'full_time',
        effectiveOn: '2026-01-01',
      }),
    );
  return { b, db, diamond, gold, managers: managers as unknown as [{ id: number }, { id: number }] };
}

const entry = (customerId: string, developmentId: number, date: string) => ({
  customerId,
  developmentId,
  date,
  method: 'visit' as const,
  content: '上门介绍快递月结方案',
});

describe('developments and marketing logs (R21–R22)', () => {
  it('R22 diamond: a stage with no entry cannot move on unless a reason is given and kept; gold moves freely', async () => {
    const { b, diamond, gold } = await database();
    try {
      const d = await b.registry.call('developments/add', {
        customerId: diamond,
        line: 'express',
        expectedRevenueFen: '12万',
        date: '2026-10-01',
      });
      expect(d).toMatchObject({ stage: 'contact', status: 'open', tier: 'diamond', expectedRevenueFen: 12_000_000 });
      // One open development per customer and line.
      expect(
        await appError(b.registry.call('developments/add', { customerId: diamond, line: 'express' })),
      ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining(`#${d.id}`) });

      const refused = await appError(
        b.registry.call('developments/move', { id: d.id, to: 'proposal', date: '2026-10-05' }),
      );
      expect(refused).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('「初次接触」阶段还没有日志'),
      });
      expect((await b.registry.call('developments/list', { customerId: diamond }))[0]?.stage).toBe('contact');

      await b.registry.call('logs/add', entry(diamond, d.id, '2026-10-03'));
      const moved = await b.registry.call('developments/move', { id: d.id, to: 'proposal', date: '2026-10-05' });
      expect(moved.development).toMatchObject({ stage: 'proposal', entries: { contact: 1 } });
      // Skipping 报价 with no entry in 协谈方案: allowed with the reason, which is kept.
      const skipped = await b.registry.call('developments/move', {
        id: d.id,
        to: 'quotation',
        reason: '客户直接要求报价',
        date: '2026-10-08',
      });
      expect(skipped.development.moves.map((m) => [m.stage, m.overrideReason])).toEqual([
        ['contact', null],
        ['proposal', null],
        ['quotation', '客户直接要求报价'],
      ]);
      // Backwards is refused; an entry cannot name a later stage than the development's.
      expect(
        await appError(b.registry.call('developments/move', { id: d.id, to: 'proposal', date: '2026-10-09' })),
      ).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('只能向后推进') });
      expect(
        await appError(b.registry.call('logs/add', { ...entry(diamond, d.id, '2026-10-09'), stage: 'agreement' })),
      ).toMatchObject({ code: 'VALIDATION' });

      const g = await b.registry.call('developments/add', { customerId: gold, line: 'letters', date: '2026-10-01' });
      const goldMoved = await b.registry.call('developments/move', { id: g.id, to: 'quotation', date: '2026-10-02' });
      expect(goldMoved.development.moves.at(-1)?.overrideReason).toBeNull();
      // Lost needs the reason.
      expect(
        await appError(b.registry.call('developments/move', { id: g.id, to: 'lost', date: '2026-10-03' })),
      ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('未成原因') });
      const lost = await b.registry.call('developments/move', {
        id: g.id,
        to: 'lost',
        reason: '客户选择顺丰',
        date: '2026-10-03',
      });
      expect(lost.development).toMatchObject({ status: 'lost', closedOn: '2026-10-03', lostReason: '客户选择顺丰' });
      expect(
        await appError(b.registry.call('developments/move', { id: g.id, to: 'agreement', date: '2026-10-04' })),
      ).toMatchObject({ code: 'CONFLICT' });
    } finally {
      b.close();
    }
  });

  it('a win records the agreement (R5, R19c) and hands the lead from A to B (R20)', async () => {
    const { b, diamond, gold, managers } = await database();
    try {
      const [a, bb] = managers;
      for (const [role, m] of [
        ['A', a],
        ['B', bb],
      ] as const)
        await b.registry.call('assignments/set', { customerId: gold, role, managerId: m.id, fromOn: '2026-02-01' });
      const d = await b.registry.call('developments/add', { customerId: gold, line: 'express', date: '2026-10-01' });
      const won = await b.registry.call('developments/move', { id: d.id, to: 'agreement', date: '2026-10-20' });
      expect(won).toMatchObject({
        development: { status: 'won', stage: 'agreement', closedOn: '2026-10-20' },
        agreementSince: '2026-10-20',
        leadToB: { moved: true },
      });
      expect((await b.registry.call('customers/get', { id: gold })).agreementSince).toBe('2026-10-20');
      const view = await b.registry.call('assignments/get', { customerId: gold, date: '2026-10-21' });
      expect(view.lead).toMatchObject({ role: 'B', fromOn: '2026-10-20' });

      // A second win keeps the earlier agreement; the lead is already B's.
      const d2 = await b.registry.call('developments/add', { customerId: gold, line: 'letters', date: '2026-10-21' });
      expect(
        await b.registry.call('developments/move', { id: d2.id, to: 'agreement', date: '2026-10-25' }),
      ).toMatchObject({ agreementSince: null, leadToB: null });

      // Without a B manager the win still records the agreement and says why the lead stays.
      await b.registry.call('logs/add', entry(diamond, (await devFor(b, diamond)).id, '2026-10-02'));
      const noB = await b.registry.call('developments/move', {
        id: (await devFor(b, diamond)).id,
        to: 'agreement',
        reason: '签约前的协谈未另记日志',
        date: '2026-10-22',
      });
      expect(noB.leadToB).toMatchObject({ moved: false, reason: { zh: expect.stringContaining('没有B角') } });
      expect(noB.agreementSince).toBe('2026-10-22');

      const timeline = await b.registry.call('customers/timeline', { id: gold });
      expect(timeline.filter((e) => e.kind === 'development').map((e) => e.facts.stage)).toEqual([
        'agreement',
        'contact',
        'agreement',
        'contact',
      ]);
      const dTimeline = await b.registry.call('customers/timeline', { id: diamond });
      expect(dTimeline.find((e) => e.kind === 'log')).toMatchObject({
        at: '2026-10-02',
        facts: { method: 'visit', stage: 'contact', content: '上门介绍快递月结方案' },
      });
    } finally {
      b.close();
    }
  });

  it('stuck developments are on the work list after the tier’s days without an entry or a move', async () => {
    const { b, diamond, gold } = await database();
    try {
      const d = await b.registry.call('developments/add', { customerId: diamond, line: 'express', date: '2026-10-01' });
      const g = await b.registry.call('developments/add', { customerId: gold, line: 'express', date: '2026-10-01' });
      await b.registry.call('logs/add', entry(gold, g.id, '2026-10-11'));
      const stuck = async (date: string) =>
        (await b.registry.call('worklist/list', { date })).items
          .filter((i) => i.kind === 'development_stuck')
          .map((i) => [i.customerId, i.due]);
      // Policy v1: diamond 15 days, gold 30; the gold entry of 10-11 restarted its count.
      expect(await stuck('2026-10-15')).toEqual([]);
      expect(await stuck('2026-10-16')).toEqual([[diamond, '2026-10-16']]);
      expect(await stuck('2026-11-10')).toEqual([
        [diamond, '2026-10-16'],
        [gold, '2026-11-10'],
      ]);
      await b.registry.call('developments/move', { id: d.id, to: 'lost', reason: '需求取消', date: '2026-11-01' });
      expect(await stuck('2026-11-10')).toEqual([[gold, '2026-11-10']]);
    } finally {
      b.close();
    }
  });

  it('refuses bad entries, changing nothing: a future date, another customer’s development, an unknown unit', async () => {
    const { b, diamond, gold } = await database();
    try {
      const d = await b.registry.call('developments/add', { customerId: diamond, line: 'express', date: '2026-10-01' });
      const count = () => b.db.prepare('SELECT count(*) FROM marketing_logs').pluck().get();
      expect(await appError(b.registry.call('logs/add', entry(diamond, d.id, '2026-11-11')))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('不能晚于今天'),
      });
      expect(await appError(b.registry.call('logs/add', entry(gold, d.id, '2026-11-01')))).toMatchObject({
        message: expect.stringContaining('不是这个客户的'),
      });
      expect(
        await appError(b.registry.call('logs/add', { ...entry(diamond, d.id, '2026-11-01'), unitCode: 'NOPE' })),
      ).toMatchObject({ message: expect.stringContaining('找不到单位 NOPE') });
      expect(
        await appError(b.registry.call('logs/add', { ...entry(diamond, d.id, '2026-11-01'), satisfaction: 6 })),
      ).toMatchObject({ code: 'VALIDATION' });
      expect(count()).toBe(0);
      // A general customer's quarterly summary belongs to no development.
      const summary = await b.registry.call('logs/add', {
        customerId: gold,
        date: '2026-09-30',
        method: 'meeting',
        content: '三季度小结：用邮稳定',
        summary: true,
      });
      expect(summary).toMatchObject({ developmentId: null, stage: null, summary: true, unit: '440515' });
    } finally {
      b.close();
    }
  });

  it('kam developments and kam logs print the handlers’ JSON', async () => {
    const { b, db, diamond } = await database();
    b.close();
    const added = JSON.parse(
      (
        await kam([
          'developments',
          'add',
          '--customer',
          diamond,
          '--line',
          'express',
          '--date',
          '2026-10-01',
          '--db',
          db,
          '--json',
        ])
      ).out,
    );
    expect(added).toMatchObject({ id: expect.any(Number), stage: 'contact', status: 'open' });
    const logged = JSON.parse(
      (
        await kam([
          'logs',
          'add',
          '--customer',
          diamond,
          '--development',
          String(added.id),
          '--date',
          '2026-10-02',
          '--method',
          'phone',
          '--content',
          '电话约见',
          '--satisfaction',
          '4',
          '--db',
          db,
          '--json',
        ])
      ).out,
    );
    expect(logged).toMatchObject({ developmentId: added.id, stage: 'contact', method: 'phone', satisfaction: 4 });
    // 初次接触 has its entry; 报价 then has none, so signing needs --reason (R22 diamond).
    await kam(['developments', 'move', String(added.id), '--to', 'quotation', '--date', '2026-10-03', '--db', db]);
    const refused = await kam([
      'developments',
      'move',
      String(added.id),
      '--to',
      'agreement',
      '--date',
      '2026-10-03',
      '--db',
      db,
    ]);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toContain('「报价」阶段还没有日志');
    const moved = JSON.parse(
      (
        await kam([
          'developments',
          'move',
          String(added.id),
          '--to',
          'agreement',
          '--date',
          '2026-10-03',
          '--reason',
          '当场签约',
          '--db',
          db,
          '--json',
        ])
      ).out,
    );
    expect(moved).toMatchObject({ development: { status: 'won' }, agreementSince: '2026-10-03' });
    const list = JSON.parse((await kam(['logs', 'list', '--customer', diamond, '--db', db, '--json'])).out);
    expect(list.map((l: { id: number }) => l.id)).toEqual([logged.id]);
    const devs = JSON.parse((await kam(['developments', 'list', '--status', 'won', '--db', db, '--json'])).out);
    expect(devs.map((d: { id: number }) => d.id)).toEqual([added.id]);
  });
});

async function devFor(b: Awaited<ReturnType<typeof database>>['b'], customerId: string) {
  const open = await b.registry.call('developments/list', { customerId, status: 'open' });
  if (open[0]) return open[0];
  return b.registry.call('developments/add', { customerId, line: 'express', date: '2026-10-01' });
}
