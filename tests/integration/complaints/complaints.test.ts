/**
 * R33 through the registry and `kam` on a database file: the working-day calendar (pre-fill,
 * set, refused input), a complaint's clock across the National Day week with a pause, the breach
 * kept after closing, escalation of an overdue complaint and of a gold customer's at once, and the
 * command line's JSON keys. DOMAIN-DECISIONS "Complaints (R33)".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { appError } from '../../support/app-error';
import { gradeCustomers } from '../../support/grade';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-complaints-');
const NOW = new Date('2026-12-05T04:00:00Z');

/** Two customers of 澄海分局, one graded gold by the 2025 annual run (in force in 2026). */
async function database() {
  const db = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => NOW });
  const units = await b.registry.call('units/list', {});
  const unitId = units.find((u) => u.code === '440515')?.id as number;
  const plain = (await b.registry.call('customers/create', { name: '汕头市恒昌玩具厂', areaCode: '440515', unitId }))
    .id;
  const gold = (
    await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId })
  ).id;
  gradeCustomers(b.db, 2025, [[gold, 'gold', 'regional']]);
  return { b, db, plain, gold };
}

describe('the working-day calendar', () => {
  it('suggests the chinese-days year, stores what the officer sets, refuses what cannot be', async () => {
    const { b } = await database();
    try {
      const suggested = await b.registry.call('holidays/show', { year: 2026 });
      expect(suggested.source).toBe('suggested');
      expect(suggested.work).toContain('2026-10-10');
      expect(await b.registry.call('holidays/show', { year: 2099 })).toEqual({
        year: 2099,
        off: [],
        work: [],
        source: null,
      });

      // Accepting the suggestion as it is keeps its source; any change is the officer's.
      const accepted = await b.registry.call('holidays/set', { year: 2026, off: suggested.off, work: suggested.work });
      expect(accepted.source).toBe('chinese-days');
      const changed = await b.registry.call('holidays/set', {
        year: 2026,
        off: [...suggested.off, '2026-12-31'],
        work: suggested.work,
      });
      expect(changed.source).toBe('officer');
      expect(changed.off).toContain('2026-12-31');

      expect(
        await appError(b.registry.call('holidays/set', { year: 2026, off: [], work: ['2026-10-09'] })),
      ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不是周末') });
      expect(
        await appError(b.registry.call('holidays/set', { year: 2026, off: ['2027-01-01'], work: [] })),
      ).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('不在 2026 年') });
      // Refused: the stored year is unchanged.
      expect((await b.registry.call('holidays/show', { year: 2026 })).off).toContain('2026-12-31');
    } finally {
      await b.close();
    }
  });
});

describe('a complaint on the R33 clock', () => {
  it('runs across National Day with a pause, keeps the breach after closing, and escalates', async () => {
    const { b, plain, gold } = await database();
    try {
      const year = await b.registry.call('holidays/show', { year: 2026 });
      await b.registry.call('holidays/set', { year: 2026, off: year.off, work: year.work });
      const c = await b.registry.call('complaints/add', {
        customerId: plain,
        receivedAt: '2026-09-30T11:00',
        channel: '电话',
        content: '国庆前寄出的样品未送达',
        complex: false,
        unitId: null,
        loggedAt: '2026-09-30T11:20',
      });
      // Oct 8 (Thu), 9 (Fri), 10 (调休 Saturday): the third working day after the day of receipt.
      expect(c.deadlines).toEqual({ log: '2026-09-30', contact: '2026-10-01T11:00', close: '2026-10-10' });
      expect([c.status, c.breached, c.escalated, c.unit]).toEqual(['open', false, false, '440515']);
      // 待办: open with its next deadline (the contact's day), then overdue once a deadline passed.
      const duties = async (date: string) =>
        (await b.registry.call('worklist/list', { date })).items
          .filter((i) => i.kind.startsWith('complaint'))
          .map((i) => [i.kind, i.unit, i.customerId, i.due]);
      expect(await duties('2026-09-30')).toEqual([['complaint_due', '440515', plain, '2026-10-01']]);
      expect(await duties('2026-10-02')).toEqual([['complaint_overdue', '440515', plain, '2026-10-01']]);

      const step = (event: 'contact' | 'pause' | 'resume' | 'close', at: string, more = {}) =>
        b.registry.call('complaints/event', { id: c.id, event, at, satisfaction: null, ...more });
      await step('contact', '2026-10-01T10:30');
      expect(await appError(step('pause', '2026-10-08T17:00'))).toMatchObject({ code: 'VALIDATION' });
      const paused = await step('pause', '2026-10-08T17:00', { reason: '等待客户提供寄件凭证' });
      expect([paused.status, paused.deadlines.close]).toEqual(['paused', null]);
      expect(
        await appError(step('close', '2026-10-09T10:00', { resolution: '已补寄', satisfaction: 4 })),
      ).toMatchObject({ code: 'CONFLICT' });
      // Paused over the ends of Oct 8, 9 and 10: those three do not count; Oct 12, 13, 14 do.
      const resumed = await step('resume', '2026-10-12T09:00');
      expect([resumed.status, resumed.deadlines.close]).toEqual(['contacted', '2026-10-14']);

      const closed = await step('close', '2026-10-15T10:00', { resolution: '已补寄并致歉', satisfaction: 4 });
      expect([closed.status, closed.breaches, closed.breached, closed.escalated]).toEqual([
        'closed',
        { log: false, contact: false, close: true },
        true,
        true,
      ]);
      // The hub's timeline shows the complaint and its late closing (a view over the complaints table).
      const timeline = (await b.registry.call('customers/timeline', { id: plain })).filter((e) =>
        e.kind.startsWith('complaint'),
      );
      expect(timeline.map((e) => [e.kind, e.at, e.facts.id])).toEqual([
        ['complaint_closed', '2026-10-15T10:00', c.id],
        ['complaint', '2026-09-30T11:00', c.id],
      ]);
      expect(timeline[0]?.facts).toMatchObject({ satisfaction: 4, breached: 1 });
      // Kept after closing, whenever asked.
      const [listed] = await b.registry.call('complaints/list', {
        customerId: plain,
        now: '2027-03-01T00:00',
        open: false,
      });
      expect([listed?.breached, listed?.breaches.close, listed?.satisfaction]).toEqual([true, true, 4]);
      expect(await b.registry.call('complaints/list', { open: true, customerId: null, now: null })).toEqual([]);

      // A gold customer's complaint is on the centre's list at once, before any deadline.
      const g = await b.registry.call('complaints/add', {
        customerId: gold,
        receivedAt: '2026-12-04T16:00',
        channel: '上门',
        content: '账单金额有误',
        complex: true,
        unitId: null,
        loggedAt: '2026-12-04T16:10',
      });
      expect([g.tier, g.breached, g.escalated, g.deadlines.close]).toEqual(['gold', false, true, '2026-12-15']);
    } finally {
      await b.close();
    }
  });
});

describe('kam holidays and kam complaints', () => {
  it('sets a year from ranges and prints the contract’s JSON keys', async () => {
    const { b, db, plain } = await database();
    await b.close();
    const set = await kam([
      'holidays',
      'set',
      '--year',
      '2026',
      '--db',
      db,
      '--off',
      '2026-10-01..2026-10-02,2026-10-05..2026-10-07',
      '--work',
      '2026-09-20,2026-10-10',
      '--json',
    ]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ year: 2026, source: 'officer', work: ['2026-09-20', '2026-10-10'] });
    expect(JSON.parse((await kam(['holidays', 'show', '--year', '2026', '--db', db, '--json'])).out).off).toHaveLength(
      5,
    );
    const bad = await kam(['holidays', 'set', '--year', '2026', '--db', db, '--off', '2026-10-07..2026-10-01']);
    expect(bad.code).not.toBe(0);

    const added = await kam([
      'complaints',
      'add',
      '--db',
      db,
      '--customer',
      plain,
      '--received',
      '2026-09-30T11:00',
      '--channel',
      '电话',
      '--content',
      '快件延误',
      '--date',
      '2026-09-30',
      '--json',
    ]);
    expect(added.code).toBe(0);
    const c = JSON.parse(added.out) as { id: number; deadlines: Record<string, string> };
    expect(c.deadlines).toEqual({ log: '2026-09-30', contact: '2026-10-01T11:00', close: '2026-10-10' });
    expect((await kam(['complaints', 'contact', String(c.id), '--at', '2026-10-01T09:00', '--db', db])).code).toBe(0);
    const listed = JSON.parse(
      (await kam(['complaints', 'list', '--open', '--date', '2026-10-12', '--db', db, '--json'])).out,
    );
    expect(listed).toEqual([
      expect.objectContaining({
        id: c.id,
        customerId: plain,
        status: 'contacted',
        deadlines: c.deadlines,
        breached: true,
        escalated: true,
      }),
    ]);
    const closeBad = await kam(['complaints', 'close', String(c.id), '--at', '2026-10-12T10:00', '--db', db]);
    expect(closeBad.code).not.toBe(0);
  });
});

describe('转办 (R33)', () => {
  it('routes a complaint to another unit; the receiver keeps it and its clock; closed ones and the receiver itself are refused', async () => {
    const { b, db, plain } = await database();
    try {
      const units = await b.registry.call('units/list', {});
      const express = units.find((u) => u.code === 'P05')?.id as number;
      const receiver = units.find((u) => u.code === '440515')?.id as number;
      const c = await b.registry.call('complaints/add', {
        customerId: plain,
        receivedAt: '2026-12-04T09:00',
        channel: '电话',
        content: '快件破损',
        type: '邮件损毁',
        unitId: receiver,
      });
      const routed = await b.registry.call('complaints/route', { id: c.id, unitId: express });
      expect(routed).toMatchObject({ unit: '440515', routedTo: { code: 'P05' }, deadlines: c.deadlines });
      expect(await appError(b.registry.call('complaints/route', { id: c.id, unitId: receiver }))).toMatchObject({
        code: 'VALIDATION',
        message: expect.stringContaining('首问单位负责到底'),
      });
      expect((await b.registry.call('complaints/route', { id: c.id, unitId: null })).routedTo).toBeNull();
      await b.registry.call('complaints/event', {
        id: c.id,
        event: 'close',
        at: '2026-12-04T15:00',
        resolution: '已赔付',
        satisfaction: 4,
      });
      expect(await appError(b.registry.call('complaints/route', { id: c.id, unitId: express }))).toMatchObject({
        code: 'CONFLICT',
      });
    } finally {
      b.close();
    }
    const again = await kam([
      'complaints',
      'add',
      '--customer',
      plain,
      '--received',
      '2026-12-05T09:00',
      '--channel',
      '电话',
      '--content',
      '账单错误',
      '--db',
      db,
      '--json',
    ]);
    const id = JSON.parse(again.out).id as number;
    const out = JSON.parse((await kam(['complaints', 'route', String(id), '--unit', 'P05', '--db', db, '--json'])).out);
    expect(out.routedTo).toMatchObject({ code: 'P05' });
  });
});
