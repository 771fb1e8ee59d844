/** `kam registrations …`, `kam dupcheck`, `kam applications …` (R19, R19a–c) through the real entry point. */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter } from '../../../shared/domain/credit-code';
import { dumpTables } from '../../support/db-dump';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-cli-registrations-');
const CODE = (() => {
  const body = '91440500MA4UABCD1';
  return body + creditCodeCheckCharacter(body);
})();
const MATCH_KEYS = ['customerId', 'reason', 'registrationId', 'state', 'unit'];

async function freshDb(): Promise<string> {
  const db = join(tempDir(), 'kam.sqlite');
  expect((await kam(['init', '--db', db])).code).toBe(0);
  return db;
}

async function json<T>(argv: string[]): Promise<T> {
  const run = await kam([...argv, '--json']);
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as T;
}

const dump = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
};

describe('kam registrations and dupcheck', () => {
  it('R19/R19a: add → decide → decide allocates the ID; dupcheck and list answer with the contract’s keys', async () => {
    const db = await freshDb();
    const added = await json<{ id: number; state: string; conflicts: unknown[] }>([
      'registrations',
      'add',
      '--db',
      db,
      '--unit',
      '440515',
      '--name',
      '汕头市宏达玩具实业有限公司',
      '--area',
      '440515',
      '--credit-code',
      CODE,
      '--phone',
      '0754-88881234',
      '--lines',
      'express,parcels',
      '--reason',
      '新开发客户',
      '--date',
      '2026-01-10',
    ]);
    expect(added).toMatchObject({ state: 'review', conflicts: [] });
    expect(Object.keys(added)).toEqual(expect.arrayContaining(['id', 'state', 'conflicts']));

    const approved = await json<{ state: string; customerId: string }>([
      'registrations',
      'decide',
      String(added.id),
      '--approve',
      '--date',
      '2026-01-15',
      '--db',
      db,
    ]);
    expect(approved.state).toBe('approved');
    expect(approved.customerId).toMatch(/^44051500001000$/);

    const dup = await json<{ matches: Record<string, unknown>[] }>([
      'dupcheck',
      '--name',
      '宏达玩具实业（汕头）有限责任公司',
      '--db',
      db,
    ]);
    expect(dup.matches).toHaveLength(1);
    expect(Object.keys(dup.matches[0] as object)).toEqual(expect.arrayContaining(MATCH_KEYS));
    expect(dup.matches[0]).toMatchObject({
      reason: 'name',
      customerId: approved.customerId,
      registrationId: null,
      unit: '440515',
      state: 'customer',
    });
    const byPhone = await json<{ matches: { reason: string }[] }>([
      'dupcheck',
      '--name',
      '汕头市星辉电子科技有限公司',
      '--phone',
      '075488881234',
      '--db',
      db,
    ]);
    expect(byPhone.matches.map((m) => m.reason)).toEqual(['phone']);

    // A second unit's registration of the same company: a conflict, shown with the keys.
    const second = await json<{ id: number; state: string; conflicts: Record<string, unknown>[] }>([
      'registrations',
      'add',
      '--unit',
      '440513',
      '--name',
      '宏达玩具实业有限公司',
      '--area',
      '440513',
      '--db',
      db,
    ]);
    expect(second.conflicts[0]).toMatchObject({ reason: 'name', customerId: approved.customerId, unit: '440515' });
    const blocked = await kam(['registrations', 'decide', String(second.id), '--approve', '--db', db, '--json']);
    expect(blocked.code).toBe(1);
    expect(JSON.parse(blocked.err).error.code).toBe('CONFLICT');
    const rejected = await json<{ state: string }>([
      'registrations',
      'decide',
      String(second.id),
      '--reject',
      '--ruling',
      'signing_location',
      '--reason',
      '合同在澄海签订',
      '--db',
      db,
    ]);
    expect(rejected.state).toBe('rejected');

    const list = await json<{ id: number; state: string; clock: { state: string } | null }[]>([
      'registrations',
      'list',
      '--state',
      'approved',
      '--date',
      '2026-06-20',
      '--db',
      db,
    ]);
    expect(list.map((r) => [r.id, r.state, r.clock?.state])).toEqual([[added.id, 'approved', 'warning']]);
    const byUnit = await json<{ id: number }[]>(['registrations', 'list', '--unit', '440513', '--db', db]);
    expect(byUnit.map((r) => r.id)).toEqual([second.id]);

    const early = await kam([
      'registrations',
      'release',
      String(added.id),
      '--reason',
      '无业务',
      '--date',
      '2026-07-01',
      '--db',
      db,
    ]);
    expect(early.code).toBe(1);
    const released = await json<{ state: string; customerId: string; barUntil: string }>([
      'registrations',
      'release',
      String(added.id),
      '--reason',
      '半年无业务',
      '--date',
      '2026-07-20',
      '--db',
      db,
    ]);
    expect(released).toMatchObject({ state: 'released', customerId: approved.customerId, barUntil: '2026-10-18' });
  });

  it('R19a: a wrong credit code exits non-zero with a VALIDATION error naming the character, and stores nothing', async () => {
    const db = await freshDb();
    const before = dump(db);
    const wrong = CODE.slice(0, 17) + (CODE.endsWith('0') ? '1' : '0');
    const run = await kam([
      'registrations',
      'add',
      '--unit',
      '440515',
      '--name',
      '汕头市宏达玩具实业有限公司',
      '--area',
      '440515',
      '--credit-code',
      wrong,
      '--db',
      db,
      '--json',
    ]);
    expect(run.code).not.toBe(0);
    const error = JSON.parse(run.err).error;
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('第 18 位');
    expect(dump(db)).toEqual(before);
  });

  it('R16: decide --branch-of gives the head office’s 11 digits and the next branch number', async () => {
    const db = await freshDb();
    const head = await json<{ id: number }>([
      'registrations',
      'add',
      '--unit',
      '440515',
      '--name',
      '汕头市宏达物流有限公司',
      '--area',
      '440515',
      '--db',
      db,
    ]);
    const { customerId } = await json<{ customerId: string }>([
      'registrations',
      'decide',
      String(head.id),
      '--approve',
      '--db',
      db,
    ]);
    const branch = await json<{ id: number; conflicts: { reason: string; customerId: string }[] }>([
      'registrations',
      'add',
      '--unit',
      '440515',
      '--name',
      '汕头市宏达物流有限公司澄海分公司',
      '--area',
      '440515',
      '--db',
      db,
    ]);
    expect(branch.conflicts[0]).toMatchObject({ reason: 'branch', customerId });
    const approved = await json<{ customerId: string }>([
      'registrations',
      'decide',
      String(branch.id),
      '--approve',
      '--branch-of',
      customerId,
      '--db',
      db,
    ]);
    expect(approved.customerId).toBe(`${customerId.slice(0, 11)}001`);
  });

  it('R19: kam applications add, decide (owner, then centre) and list', async () => {
    const db = await freshDb();
    const reg = await json<{ id: number }>([
      'registrations',
      'add',
      '--unit',
      '440515',
      '--name',
      '汕头市宏达物流有限公司',
      '--area',
      '440515',
      '--db',
      db,
    ]);
    const { customerId } = await json<{ customerId: string }>([
      'registrations',
      'decide',
      String(reg.id),
      '--approve',
      '--db',
      db,
    ]);
    const app = await json<{ id: number; state: string }>([
      'applications',
      'add',
      '--customer',
      customerId,
      '--unit',
      'P05',
      '--plan',
      '承接速递业务',
      '--from',
      '2026-02-01',
      '--until',
      '2026-12-31',
      '--expected-revenue',
      '50000',
      '--date',
      '2026-01-20',
      '--db',
      db,
    ]);
    expect(app.state).toBe('owner_opinion');
    const owner = await json<{ state: string }>([
      'applications',
      'decide',
      String(app.id),
      '--approve',
      '--opinion',
      '同意',
      '--db',
      db,
    ]);
    expect(owner.state).toBe('ruling');
    const granted = await json<{ state: string; attributionPercent: number; endOn: string }>([
      'applications',
      'decide',
      String(app.id),
      '--approve',
      '--opinion',
      '批准',
      '--attribution',
      '40',
      '--end',
      '2026-12-31',
      '--date',
      '2026-01-25',
      '--db',
      db,
    ]);
    expect(granted).toMatchObject({ state: 'granted', attributionPercent: 40, endOn: '2026-12-31' });
    const list = await json<{ id: number; member: boolean; expectedRevenueFen: number }[]>([
      'applications',
      'list',
      '--customer',
      customerId,
      '--date',
      '2026-06-01',
      '--db',
      db,
    ]);
    expect(list).toEqual([expect.objectContaining({ id: app.id, member: true, expectedRevenueFen: 5_000_000 })]);
  });
});
