import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { defaultMigrationsDir, loadMigrations } from '../../../electron/backend/db/migrations';
import { fillDemo } from '../../../electron/backend/demo/fill';
import type { UnitView } from '../../../shared/api/types';
import { checkCreditCode } from '../../../shared/domain/credit-code';
import { headOfficePrefix } from '../../../shared/domain/customer-id';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const SHIPPED = loadMigrations(defaultMigrationsDir()).length;

interface ListedCustomer {
  id: string;
  name: string;
  unit: string;
  parentId: string | null;
}

const tempDir = tempDirsForTests('kam-cli-');

describe('kam init', () => {
  it('creates and migrates a database, then reports it as existing', async () => {
    const db = join(tempDir(), 'sub', 'kam.sqlite');
    const first = await kam(['init', '--db', db, '--json']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(first.out)).toEqual({ database: db, created: true, schemaVersion: SHIPPED });
    expect(existsSync(db)).toBe(true);

    const second = await kam(['init', '--db', db]);
    expect(second.code).toBe(0);
    expect(second.out).toBe(`已存在数据库 ${db}（结构版本 ${SHIPPED}）`);
  });
});

describe('kam demo', () => {
  // One demo database shared by the read-only checks below; made once to keep the suite fast.
  let home: string;
  let shared: string;
  let listed: ListedCustomer[];
  beforeAll(async () => {
    home = mkdtempSync(join(tmpdir(), 'kam-cli-demo-'));
    shared = join(home, 'demo.sqlite');
    const run = await kam(['demo', '--db', shared, '--customers', '200', '--seed', '5']);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^已生成 200 个客户（总部 \d+，分支 \d+，有信用代码 \d+）、\d+ 名人员，用时 \d+ ms$/);
    listed = JSON.parse((await kam(['customers', 'list', '--db', shared, '--json'])).out) as ListedCustomer[];
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  it('is deterministic: the same seed on fresh files lists the same customers', async () => {
    const other = join(tempDir(), 'again.sqlite');
    expect((await kam(['demo', '--db', other, '--customers', '200', '--seed', '5'])).code).toBe(0);
    const again = await kam(['customers', 'list', '--db', other, '--json']);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual(listed);

    const different = join(tempDir(), 'different.sqlite');
    await kam(['demo', '--db', different, '--customers', '200', '--seed', '6']);
    expect(JSON.parse((await kam(['customers', 'list', '--db', different, '--json'])).out)).not.toEqual(listed);
  });

  it('makes exactly 200 customers, about 10% of head offices with 1–5 branches sharing their 11 digits (R16)', () => {
    expect(listed).toHaveLength(200);
    expect(new Set(listed.map((c) => c.id)).size).toBe(200);
    const heads = listed.filter((c) => c.parentId === null);
    const branches = listed.filter((c) => c.parentId !== null);
    const byHead = new Map<string, number>();
    for (const b of branches) {
      expect(heads.some((h) => h.id === b.parentId)).toBe(true);
      expect(headOfficePrefix(b.id)).toBe(headOfficePrefix(b.parentId as string));
      expect(b.id.endsWith('000')).toBe(false);
      byHead.set(b.parentId as string, (byHead.get(b.parentId as string) ?? 0) + 1);
    }
    for (const h of heads) expect(h.id.endsWith('000')).toBe(true);
    for (const count of byHead.values()) {
      expect(count).toBeGreaterThanOrEqual(1);
      expect(count).toBeLessThanOrEqual(5);
    }
    const share = byHead.size / heads.length;
    expect(share).toBeGreaterThan(0.04);
    expect(share).toBeLessThan(0.25);
    // The anchor customers come first.
    expect(listed.some((c) => c.name === '广东有线广播电视网络有限公司汕头分公司')).toBe(true);
  });

  it('gives some customers credit codes, all valid and distinct', () => {
    const db = new Database(shared, { readonly: true });
    const codes = (
      db.prepare('SELECT credit_code AS code FROM customers WHERE credit_code IS NOT NULL').all() as { code: string }[]
    ).map((r) => r.code);
    db.close();
    expect(codes.length).toBeGreaterThan(40);
    expect(codes.length).toBeLessThan(120);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(checkCreditCode(code)).toEqual({ ok: true, code });
  });

  it('staffs every unit to its R4 minimum', async () => {
    const run = await kam(['units', 'list', '--db', shared, '--json']);
    const units = JSON.parse(run.out) as UnitView[];
    expect(units.filter((u) => u.retiredOn === null).map((u) => [u.code, u.staffingGap])).toEqual(
      units.filter((u) => u.retiredOn === null).map((u) => [u.code, 0]),
    );
  });

  it('R30: the demo register of manager changes is on time', () => {
    const db = new Database(shared, { readonly: true });
    const changes = db.prepare('SELECT effective_on, recorded_at, due_on, late FROM manager_changes').all() as {
      effective_on: string;
      recorded_at: string;
      due_on: string;
      late: number;
    }[];
    db.close();
    expect(changes.length).toBeGreaterThan(20);
    for (const c of changes) {
      expect(c.late).toBe(0);
      expect(c.recorded_at.slice(0, 10) <= c.due_on).toBe(true);
      expect(c.recorded_at.slice(0, 10) >= c.effective_on).toBe(true);
    }
  });

  it('refuses a database that already has customers (exit 1 with a message)', async () => {
    const run = await kam(['demo', '--db', shared, '--customers', '10']);
    expect(run.code).toBe(1);
    expect(run.out).toBe('');
    expect(run.err).toBe('错误：数据库中已有 200 个客户；演示数据只能填入新数据库');
  });

  it('customers list --json --search gives [{id, name, unit, parentId}] of the matches', async () => {
    const run = await kam(['customers', 'list', '--db', shared, '--json', '--search', '广东有线']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.out) as ListedCustomer[];
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const row of rows) {
      expect(Object.keys(row).sort()).toEqual(['id', 'name', 'parentId', 'unit']);
      expect(row.name).toContain('广东有线');
      expect(typeof row.unit).toBe('string');
    }
    expect(rows).toEqual(listed.filter((c) => c.name.includes('广东有线')));
    // An ID prefix finds every customer under it; the one search box also matches credit codes
    // that contain the same digits (a code's positions 3–8 are the registering area's code).
    const byPrefix = JSON.parse(
      (await kam(['customers', 'list', '--db', shared, '--json', '--search', '440515'])).out,
    ) as ListedCustomer[];
    const underPrefix = listed.filter((c) => c.id.startsWith('440515'));
    expect(underPrefix.length).toBeGreaterThan(0);
    expect(byPrefix.filter((c) => c.id.startsWith('440515'))).toEqual(underPrefix);
    const db = new Database(shared, { readonly: true });
    const codeOf = db.prepare('SELECT credit_code AS code FROM customers WHERE id = ?');
    for (const extra of byPrefix.filter((c) => !c.id.startsWith('440515'))) {
      expect((codeOf.get(extra.id) as { code: string | null }).code).toContain('440515');
    }
    db.close();
  });

  it('prints a tab-separated table without --json', async () => {
    const run = await kam(['customers', 'list', '--db', shared, '--search', '广东有线广播电视网络有限公司汕头分公司']);
    const [header, ...lines] = run.out.split('\n');
    expect(header).toBe('id\tname\tunit\tparentId');
    expect(lines.length).toBeGreaterThanOrEqual(1);
    expect(lines[0]?.split('\t')[1]).toBe('广东有线广播电视网络有限公司汕头分公司');
    expect((await kam(['customers', 'list', '--db', shared, '--search', '不存在的客户'])).out).toBe('（无）');
  });
});

describe('kam demo data on any day of the year', () => {
  it('R4: the demo managers are in post on the day the demo is made, even on 1 January', async () => {
    const b = openBackend({ databasePath: ':memory:', now: () => new Date(2027, 0, 1, 10, 0, 0) });
    try {
      fillDemo(b.db, POLICY_V1, { customers: 5, seed: 1 }, new Date(2027, 0, 1, 10, 0, 0));
      const gaps = (await b.registry.call('units/list', {})).filter((u) => u.staffingGap > 0).map((u) => u.code);
      // Nor may the register show changes recorded after the moment the demo was made.
      const future = b.db
        .prepare("SELECT count(*) AS n FROM manager_changes WHERE recorded_at > '2027-01-01 10:00:00'")
        .get() as { n: number };
      expect({ gaps, changesRecordedInTheFuture: future.n }).toEqual({ gaps: [], changesRecordedInTheFuture: 0 });
    } finally {
      b.close();
    }
  });
});

describe('kam errors and exit codes', () => {
  it('an unknown command exits 2 with the usage', async () => {
    const run = await kam(['frobnicate', '--db', 'x.sqlite']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('未知命令：frobnicate');
    expect(run.err).toContain('kam demo [--db PATH] --customers N [--seed S]');
    expect(existsSync('x.sqlite')).toBe(false);
  });

  it('no command at all exits 2 with the usage', async () => {
    const run = await kam([]);
    expect(run.code).toBe(2);
    expect(run.err.startsWith('用法 / usage: kam <command>')).toBe(true);
  });

  it.each([
    [['--customers', 'abc'], '--customers 需要一个正整数，收到：abc'],
    [['--customers', '0'], '--customers 需要一个正整数，收到：0'],
    [[], '--customers 需要一个正整数，收到：（未提供）'],
    [['--customers', '10', '--seed', 'x'], '--seed 需要一个正整数，收到：x'],
  ])('demo %j exits 1 naming the option, and creates no file', async (args, message) => {
    const db = join(tempDir(), 'kam.sqlite');
    const run = await kam(['demo', '--db', db, ...args]);
    expect(run.code).toBe(1);
    expect(run.err).toContain(message);
    expect(existsSync(db)).toBe(false);
  });

  it('with --json, errors are printed as JSON', async () => {
    const db = join(tempDir(), 'kam.sqlite');
    const run = await kam(['demo', '--db', db, '--customers', 'abc', '--json']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.err)).toEqual({
      error: { code: 'VALIDATION', message: '--customers 需要一个正整数，收到：abc' },
    });
  });

  it.each([
    [['init', '--bogus'], '错误：未知的选项：--bogus\n用法：kam init [--db PATH]'],
    [['init', 'extra'], '错误：多余的参数：extra\n用法：kam init [--db PATH]'],
    [['export', '--perid', '2026-10'], '错误：未知的选项：--perid\n用法：kam export'],
    [['export', '--period'], '错误：选项 --period 缺少值\n用法：kam export'],
    [
      ['demo', '--customers', '-5'],
      '错误：选项 --customers 缺少值（值以“-”开头时请写成 --customers=值）\n用法：kam demo',
    ],
    [['init', '--json=yes'], '错误：选项 --json 不带值\n用法：kam init'],
  ])(
    'a usage error %j exits 2 in Chinese, naming the option, with the usage, and creates no file',
    async (args, message) => {
      const db = join(tempDir(), 'kam.sqlite');
      const [command, ...rest] = args;
      const run = await kam([command ?? '', '--db', db, ...rest]);
      expect(run.code).toBe(2);
      expect(run.err.startsWith(message)).toBe(true);
      expect(run.err).not.toMatch(/Unknown option|argument missing|ambiguous/);
      expect(existsSync(db)).toBe(false);
    },
  );

  it('a usage error with --json is printed as JSON, the option cut short', async () => {
    const long = `--${'x'.repeat(100_000)}`;
    const run = await kam(['init', long, '--json']);
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.err) as { error: { code: string; message: string } };
    expect(error.code).toBe('VALIDATION');
    expect(error.message.startsWith(`未知的选项：--${'x'.repeat(38)}…\n用法：kam init`)).toBe(true);
  });
});
