/**
 * DOMAIN-DECISIONS "Audit log": every write is a row chained by SHA-256 to the one before; `kam
 * audit verify` names the first row that breaks the chain, however it was broken outside the app
 * (the `sqlite3` tool, with the triggers dropped); the app puts dropped triggers back on open and
 * says so in the log; rows name the officer chosen at start, the entity and its fields before →
 * after, never a phone number; a finalised report and an export carry the chain's head.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChainedFields } from '../../../electron/backend/audit/chain';
import { auditHash, GENESIS } from '../../../electron/backend/audit/chain';
import type { AuditVerifyView } from '../../../shared/api/types';
import { PERSONAL_MARK } from '../../../shared/domain/audit/personal';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';
import { kam } from '../../support/kam';
import { migrationsUpTo, tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-audit-');
const openBackend = backendsForTests();
const NOW = new Date('2026-11-20T02:00:00Z');

interface AuditDbRow extends ChainedFields {
  prev_hash: string;
  hash: string;
}

function rowsOf(file: string): AuditDbRow[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditDbRow[];
  } finally {
    db.close();
  }
}

/** A database with a few writes of every kind: units, customers, a manager (with a phone). */
async function seeded(): Promise<{ file: string; customerId: string; managerId: number }> {
  const file = join(tempDir(), 'kam.sqlite');
  const b = openBackend({ databasePath: file, now: () => NOW });
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 0;
  const c = await b.registry.call('customers/create', { name: '汕头市澄海玩具有限公司', areaCode: '440515', unitId });
  await b.registry.call('customers/update', {
    id: c.id,
    name: '汕头市澄海玩具集团有限公司',
    areaCode: '440515',
    unitId,
  });
  const m = await b.registry.call('managers/register', {
    name: '陈文',
    unitId,
    post: 'account_manager',
    employment: 'full_time',
    phone: '13800138000',
    effectiveOn: '2026-11-01',
  });
  await b.registry.call('managers/update', {
    id: m.id,
    name: '陈文',
    post: 'account_manager',
    employment: 'full_time',
    phone: '13911112222',
    effectiveOn: '2026-11-02',
  });
  await b.registry.call('revenue/bureau-set', { year: 2025, amount: '2亿' });
  await b.close();
  return { file, customerId: c.id, managerId: m.id };
}

function sqlite3(file: string, sql: string): void {
  execFileSync('sqlite3', [file, sql], { stdio: 'pipe' });
}

async function verify(file: string): Promise<{ code: number; view: AuditVerifyView }> {
  const run = await kam(['audit', 'verify', '--db', file, '--json']);
  return { code: run.code, view: JSON.parse(run.out) as AuditVerifyView };
}

function triggerNames(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' ORDER BY name")
        .all() as {
        name: string;
      }[]
    ).map((r) => r.name);
  } finally {
    db.close();
  }
}

const AUDIT_TRIGGERS = ['audit_log_chained', 'audit_log_no_delete', 'audit_log_no_update'];

afterEach(() => {
  delete process.env.KAM_OPERATOR;
});

describe('the chain', () => {
  it('links every row to the one before, and verify says it is intact, naming the head', async () => {
    const { file } = await seeded();
    const rows = rowsOf(file);
    expect(rows.length).toBeGreaterThanOrEqual(5);
    let prev = GENESIS;
    rows.forEach((r, i) => {
      expect(r.id).toBe(i + 1);
      expect(r.prev_hash).toBe(prev);
      expect(r.hash).toBe(auditHash(prev, r));
      prev = r.hash;
    });
    const { code, view } = await verify(file);
    expect(code).toBe(0);
    expect(view).toMatchObject({ ok: true, broken: null, repairs: [] });
    // Verify opens the database, which writes nothing when all is well: the head is the last row.
    expect(view.head).toEqual({ id: rows.at(-1)?.id, hash: rows.at(-1)?.hash });
    expect(view.rows).toBe(rows.length);
  });

  it('logs the entity and its fields before → after, leaving out bookkeeping', async () => {
    const { file, customerId } = await seeded();
    const update = rowsOf(file).find((r) => r.channel === 'customers/update');
    expect(update?.entity).toBe(`customer:${customerId}`);
    expect(JSON.parse(update?.changes ?? 'null')).toEqual([
      { field: 'name', before: '汕头市澄海玩具有限公司', after: '汕头市澄海玩具集团有限公司' },
    ]);
    const created = rowsOf(file).find((r) => r.channel === 'customers/create');
    expect(created?.entity).toBe(`customer:${customerId}`);
    expect(JSON.parse(created?.changes ?? '[]')).toContainEqual({
      field: 'name',
      before: null,
      after: '汕头市澄海玩具有限公司',
    });
    const bureau = rowsOf(file).find((r) => r.channel === 'revenue/bureau-set');
    expect(bureau?.entity).toBe('bureau-revenue:2025');
    expect(JSON.parse(bureau?.changes ?? '[]')).toEqual([{ field: 'amount_fen', before: null, after: 20_000_000_000 }]);
  });

  it('never copies a phone number into the log: the field is marked as changed', async () => {
    const { file, managerId } = await seeded();
    const rows = rowsOf(file);
    const all = JSON.stringify(rows);
    expect(all).not.toContain('13800138000');
    expect(all).not.toContain('13911112222');
    const update = rows.find((r) => r.channel === 'managers/update');
    expect(update?.entity).toBe(`manager:${managerId}`);
    expect(JSON.parse(update?.changes ?? '[]')).toContainEqual({ field: 'phone', personal: true });
    expect(JSON.parse(update?.input ?? '{}').phone).toBe(PERSONAL_MARK);
  });

  it('refuses, in the database itself, a row that does not continue the chain, and any UPDATE or DELETE', async () => {
    const { file } = await seeded();
    const db = new Database(file);
    try {
      const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as {
        id: number;
        hash: string;
      };
      const insert = db.prepare(
        "INSERT INTO audit_log (id, at, actor, channel, input, prev_hash, hash) VALUES (?, 'x', 'x', 'x', '{}', ?, ?)",
      );
      expect(() => insert.run(last.id + 1, GENESIS, 'f'.repeat(64))).toThrow(/continue the hash chain/);
      expect(() => insert.run(last.id + 5, last.hash, 'f'.repeat(64))).toThrow(/continue the hash chain/);
      expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE id = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
  });
});

describe('tampering outside the app, with the sqlite3 tool', () => {
  it('triggers dropped and a middle row edited: verify names that row (exit 3), and the triggers are back', async () => {
    const { file } = await seeded();
    const before = rowsOf(file);
    sqlite3(
      file,
      `DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_chained;
       UPDATE audit_log SET actor = '某人' WHERE id = 3;`,
    );
    expect(triggerNames(file)).toEqual([]);
    const { code, view } = await verify(file);
    expect(code).toBe(3);
    expect(view.ok).toBe(false);
    expect(view.broken).toMatchObject({ id: 3, reason: 'altered' });
    expect(view.broken?.message).toContain('第 3 条');
    // The open put the guards back, and logged that it did, after the last row.
    expect(triggerNames(file)).toEqual(AUDIT_TRIGGERS);
    expect(view.repairs).toEqual([
      { id: before.length + 1, at: expect.any(String), triggers: expect.arrayContaining(AUDIT_TRIGGERS) },
    ]);
    const text = await kam(['audit', 'verify', '--db', file]);
    expect(text.code).toBe(3);
    expect(text.out).toContain('审计链断裂');
    expect(text.out).toContain('触发器');
  });

  it('a revenue figure changed: refused while the triggers stand; with them dropped, verify says the figures do not match', async () => {
    const { file, customerId } = await seeded();
    const b = openBackend({ databasePath: file, now: () => NOW });
    for (const [period, amount] of [
      ['2026-09', '12000'],
      ['2026-10', '13500.50'],
      ['2026-11', '-200'],
    ] as const)
      await b.registry.call('revenue/set', { customerId, period, line: 'express', amount, confirm: true });
    // Set, changed and cleared through the app: the checksum follows every write.
    await b.registry.call('revenue/set', { customerId, period: '2026-10', line: 'express', amount: '13600' });
    await b.registry.call('revenue/set', { customerId, period: '2026-09', line: 'express', amount: '' });
    await b.close();
    expect((await verify(file)).view).toMatchObject({ ok: true, dataBroken: null });

    // Another program has no kam_revenue_term: its write fails while the triggers stand.
    expect(() => sqlite3(file, "UPDATE revenue SET amount_fen = 99 WHERE period = '2026-10';")).toThrow(
      /kam_revenue_term/,
    );
    expect((await verify(file)).view.ok).toBe(true);

    sqlite3(file, `DROP TRIGGER revenue_digest_update; UPDATE revenue SET amount_fen = 1 WHERE period = '2026-10';`);
    const { code, view } = await verify(file);
    expect(code).toBe(3);
    expect(view.broken).toBeNull();
    expect(view.dataBroken).toMatchObject({ table: 'revenue', keptRows: 2, actualRows: 2 });
    expect(view.dataBroken?.message).toContain('收入数据与本程序记下的校验值不符');
    // The open put the trigger back and logged it; the mismatch stays until a backup is restored.
    expect(view.repairs.at(-1)?.triggers).toEqual(['revenue_digest_update']);
    expect((await verify(file)).code).toBe(3);
    const text = await kam(['audit', 'verify', '--db', file]);
    expect(text.out).toContain('审计链完整');
    expect(text.out).toContain('数据与校验值不符');

    // A row deleted around the triggers: the counts differ too.
    sqlite3(file, "DROP TRIGGER revenue_digest_delete; DELETE FROM revenue WHERE period = '2026-11';");
    expect((await verify(file)).view.dataBroken).toMatchObject({ keptRows: 2, actualRows: 1 });
  });

  it('a middle row deleted: verify names the missing row', async () => {
    const { file } = await seeded();
    sqlite3(file, 'DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id = 2;');
    const { code, view } = await verify(file);
    expect(code).toBe(3);
    expect(view.broken).toMatchObject({ id: 2, reason: 'deleted' });
  });

  it('a row rewritten with a fresh hash: the next row no longer follows it', async () => {
    const { file } = await seeded();
    const db = new Database(file);
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditDbRow[];
    const target = rows[2] as AuditDbRow;
    const forged = { ...target, actor: '某人' };
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare('UPDATE audit_log SET actor = ?, hash = ? WHERE id = ?').run(
      '某人',
      auditHash(target.prev_hash, forged),
      target.id,
    );
    db.close();
    const { view } = await verify(file);
    expect(view.broken).toMatchObject({ id: target.id + 1, reason: 'unlinked' });
  });

  it('the log cut short after a report was finalised: the report still names the lost row', async () => {
    const file = join(tempDir(), 'kam.sqlite');
    const b = openBackend({ databasePath: file, now: () => NOW });
    await b.registry.call('revenue/bureau-set', { year: 2025, amount: '2亿' });
    const draft = await b.registry.call('reports/create', { period: '2026-10', unitCode: null });
    const head = rowsOf(file).at(-1) as AuditDbRow;
    const final = await b.registry.call('reports/finalise', { id: draft.id });
    // The head before the finalising's own row.
    expect(final.auditHead).toEqual({ id: head.id, hash: head.hash });
    const html = await b.registry.call('reports/html', { id: draft.id });
    expect(html.html).toContain(`审计链头 #${head.id}`);
    await b.close();
    sqlite3(file, `DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE id >= ${head.id};`);
    const { code, view } = await verify(file);
    expect(code).toBe(3);
    expect(view.broken).toMatchObject({ id: head.id, reason: 'anchor' });
    expect(view.broken?.message).toContain('2026-10 全市分析报告第 1 版');
  });
});

describe('who acts', () => {
  it('signs every row with the officer chosen at start; profiles are unique and the one in use is not retired', async () => {
    const b = openBackend({ databasePath: ':memory:', now: () => NOW });
    expect(await b.registry.call('session/get', {})).toEqual({ operator: null });
    const wang = await b.registry.call('operators/save', { name: '王晓梅', title: '信息员' });
    expect(await appError(b.registry.call('operators/save', { name: '王晓梅' }))).toMatchObject({ code: 'CONFLICT' });
    const started = await b.registry.call('session/start', { operatorId: wang.id });
    expect(started.operator?.name).toBe('王晓梅');
    await b.registry.call('revenue/bureau-set', { year: 2025, amount: '2亿' });
    const page = await b.registry.call('audit/list', { limit: 3 });
    expect(page.rows.map((r) => [r.channel, r.actor])).toEqual([
      ['revenue/bureau-set', '王晓梅'],
      ['session/start', '王晓梅'],
      ['operators/save', '信息主管'],
    ]);
    expect(page.rows[1]?.entity).toBe(`operator:${wang.id}`);
    expect(
      await appError(b.registry.call('operators/save', { id: wang.id, name: '王晓梅', active: false })),
    ).toMatchObject({
      code: 'CONFLICT',
    });
    // The profile chosen last is offered first at the next start.
    expect((await b.registry.call('operators/list', {}))[0]?.name).toBe('王晓梅');
    // Filters: by operator, by entity prefix, by channel prefix.
    expect((await b.registry.call('audit/list', { actor: '王晓梅' })).total).toBe(2);
    expect((await b.registry.call('audit/list', { entity: 'operator:' })).total).toBe(2);
    expect((await b.registry.call('audit/list', { channel: 'revenue/' })).total).toBe(1);
  });

  it('kam demo writes its row, as the officer named in KAM_OPERATOR', async () => {
    const file = join(tempDir(), 'demo.sqlite');
    process.env.KAM_OPERATOR = '陈主任';
    const run = await kam(['demo', '--db', file, '--customers', '30']);
    expect(run.code).toBe(0);
    const demo = rowsOf(file).find((r) => r.channel === 'demo');
    expect(demo).toMatchObject({ actor: '陈主任', entity: 'demo:1' });
    expect(JSON.parse(demo?.changes ?? '[]')).toContainEqual({ field: 'customers', before: null, after: 30 });
    expect((await verify(file)).view.ok).toBe(true);
  });
});

describe('older databases', () => {
  it('seals the rows a version-12 database already had into the chain', async () => {
    const dir = tempDir();
    const file = join(dir, 'kam.sqlite');
    const old = openBackend({ databasePath: file, now: () => NOW, migrationsDir: migrationsUpTo(dir, 12) });
    await old.registry.call('revenue/bureau-set', { year: 2024, amount: '1.8亿' });
    await old.registry.call('revenue/bureau-set', { year: 2025, amount: '2亿' });
    await old.close();
    const inputs = new Database(file, { readonly: true });
    const before = inputs.prepare('SELECT id, at, actor, channel, input FROM audit_log ORDER BY id').all();
    inputs.close();
    expect(before).toHaveLength(2);
    const { code, view } = await verify(file);
    expect(code).toBe(0);
    expect(view.rows).toBe(2);
    const after = rowsOf(file);
    expect(after.map(({ id, at, actor, channel, input }) => ({ id, at, actor, channel, input }))).toEqual(before);
    expect(after.every((r) => r.hash.length === 64)).toBe(true);
  });
});

describe('files made carry the chain head', () => {
  it('a list export names it as a document property', async () => {
    const dir = tempDir();
    const b = openBackend({ databasePath: join(dir, 'kam.sqlite'), now: () => NOW });
    await b.registry.call('revenue/bureau-set', { year: 2025, amount: '2亿' });
    const head = (await b.registry.call('audit/verify', {})).head;
    const out = join(dir, 'list.xlsx');
    const view = await b.registry.call('lists/export', {
      path: out,
      title: '客户清单',
      columns: [{ title: '客户', format: 'text' }],
      rows: [['甲']],
    });
    expect(view.auditHead).toEqual(head);
    const custom = new TextDecoder().decode(unzipSync(readFileSync(out))['docProps/custom.xml']);
    expect(custom).toContain('KAM审计链头');
    expect(custom).toContain(`#${head.id} ${head.hash}`);
  });
});
