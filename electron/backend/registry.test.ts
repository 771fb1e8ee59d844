import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/api/contract';
import { type ApiResponse, AppError } from '../../shared/api/errors';
import type { Customer, Unit } from '../../shared/api/types';
import { dumpTables } from '../../tests/support/db-dump';
import { HANDLER_GROUPS } from './handlers';
import { type Backend, openBackend } from './index';
import { areaHandlers } from './organisation/areas';
import { defineHandlers, type HandlerGroup, type NamedGroup, Registry } from './registry';

const NOW = new Date('2026-11-10T02:00:00Z');

const backends: Backend[] = [];
function backend(): Backend {
  const b = openBackend({ databasePath: ':memory:', now: () => NOW });
  backends.push(b);
  return b;
}
afterEach(() => {
  for (const b of backends.splice(0)) b.close();
  vi.restoreAllMocks();
});

const dump = dumpTables;

function auditCount(db: Database): number {
  return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}

async function unitId(b: Backend, code: string): Promise<number> {
  const unit = (await b.registry.call('units/list', { includeRetired: true })).find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code}`);
  return unit.id;
}

function failure(response: ApiResponse<unknown>) {
  if (response.ok) throw new Error(`expected a failure, got ${JSON.stringify(response.value)}`);
  return response.error;
}

describe('Registry construction', () => {
  it('joins the shipped groups and covers every channel of the contract', () => {
    const b = backend();
    expect(() => new Registry(HANDLER_GROUPS, b.registry.ctx)).not.toThrow();
    const declared = HANDLER_GROUPS.flatMap(([, group]) => Object.keys(group)).sort();
    expect(declared).toEqual([...CHANNELS].sort());
  });

  it('refuses a channel declared by two groups, naming both groups', () => {
    const b = backend();
    const copy: NamedGroup = ['areas-again', defineHandlers({ 'areas/list': areaHandlers['areas/list'] })];
    expect(() => new Registry([...HANDLER_GROUPS, copy], b.registry.ctx)).toThrow(
      '通道 areas/list 重复定义：areas 与 areas-again',
    );
  });

  it('refuses a group declaring a channel that is not in the contract', () => {
    const b = backend();
    const bogus = { 'areas/delete': { kind: 'write', run: () => null } } as unknown as HandlerGroup;
    expect(() => new Registry([...HANDLER_GROUPS, ['rogue', bogus]], b.registry.ctx)).toThrow(
      '处理器 rogue 声明了合同中不存在的通道：areas/delete',
    );
  });

  it('refuses a registry with channels left without a handler, listing them', () => {
    const b = backend();
    const withoutAreas = HANDLER_GROUPS.filter(([name]) => name !== 'areas');
    expect(() => new Registry(withoutAreas, b.registry.ctx)).toThrow('以下通道没有处理器：areas/list、areas/upsert');
  });
});

describe('Registry boundary: validation and unknown channels', () => {
  it('invalid input gives VALIDATION with Chinese field issues and changes nothing', async () => {
    const b = backend();
    const unit = await unitId(b, '440515');
    const before = dump(b.db);
    const response = await b.registry.invoke('customers/create', {
      name: '   ',
      areaCode: '44051',
      unitId: unit,
      creditCode: '91350100M000100Y44',
    });
    const error = failure(response);
    expect(error.code).toBe('VALIDATION');
    const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
    expect([...issues].sort((a, c) => a.path.localeCompare(c.path))).toEqual([
      {
        path: 'areaCode',
        message: '区划代码应为 6 位数字（GB/T 2260）',
        messageEn: 'An area code has 6 digits (GB/T 2260)',
      },
      {
        path: 'creditCode',
        message: '校验位错误：第 18 位应为“3”，实际为“4”，请核对代码是否抄错',
        messageEn: 'Wrong check character: character 18 should be "3", not "4"; check the code for a copying slip',
      },
      { path: 'name', message: '请填写客户全称', messageEn: 'Enter the full name' },
    ]);
    expect(error.message.startsWith('输入有误：')).toBe(true);
    expect(error.message).toContain('请填写客户全称');
    expect(dump(b.db)).toEqual(before);
  });

  it('zod messages without a message of ours are Chinese too (missing field, unknown key, range)', async () => {
    const b = backend();
    const before = dump(b.db);
    const cases: [string, unknown][] = [
      ['units/rename', { name: '新名称' }],
      ['units/list', { includeRetired: false, extra: 1 }],
      ['customers/list', { limit: 0 }],
    ];
    for (const [channel, input] of cases) {
      const error = failure(await b.registry.invoke(channel, input));
      expect(error.code).toBe('VALIDATION');
      const issues = (error.details as { issues: { path: string; message: string }[] }).issues;
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) expect(issue.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const missing = failure(await b.registry.invoke('units/rename', { name: '新名称' }));
    expect((missing.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['id']);
    const range = failure(await b.registry.invoke('customers/list', { limit: 0 }));
    expect((range.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['limit']);
    expect(dump(b.db)).toEqual(before);
  });

  it('zod’s own messages come in English beside the Chinese by locale, a message of ours by said()', async () => {
    const b = backend();
    const unknownKey = failure(await b.registry.invoke('units/list', { includeRetired: false, extra: 1 }));
    const [issue] = (unknownKey.details as { issues: { path: string; message: string; messageEn?: string }[] }).issues;
    expect(issue?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(issue?.messageEn).toBe('Unrecognized key: "extra"');
    expect(unknownKey.message).toBe(`输入有误：${issue?.message}`);
    expect(unknownKey.messageEn).toBe('Invalid input: Unrecognized key: "extra"');
    const ours = failure(await b.registry.invoke('customers/get', { id: '123' }));
    expect((ours.details as { issues: unknown[] }).issues).toEqual([
      { path: 'id', message: '客户编号应为 14 位数字', messageEn: 'A customer ID has 14 digits' },
    ]);
  });

  it('call() throws the same error as an AppError', async () => {
    const b = backend();
    const error = await b.registry.call('customers/get', { id: '123' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).details).toEqual({
      issues: [{ path: 'id', message: '客户编号应为 14 位数字', messageEn: 'A customer ID has 14 digits' }],
    });
    expect((error as AppError).messageEn).toBe('Invalid input: A customer ID has 14 digits');
  });

  it.each([['customers/delete'], ['../../etc/passwd'], [42], [undefined], ['constructor'], ['__proto__']])(
    'unknown channel %j gives UNKNOWN_CHANNEL',
    async (channel) => {
      const b = backend();
      const error = failure(await b.registry.invoke(channel, {}));
      expect(error.code).toBe('UNKNOWN_CHANNEL');
      expect(error.message).toBe(`未知的操作：${String(channel)}`);
    },
  );

  it('a missing input counts as {} for channels whose fields all have defaults', async () => {
    const b = backend();
    const response = await b.registry.invoke('units/list', undefined);
    expect(response.ok).toBe(true);
  });

  it('a handler’s AppError crosses the boundary with its code, messages (Chinese and English) and details, no stack', async () => {
    const b = backend();
    const error = failure(await b.registry.invoke('customers/get', { id: '44051599999000' }));
    expect(error).toEqual({
      code: 'NOT_FOUND',
      message: '找不到客户 44051599999000',
      messageEn: 'Customer 44051599999000 not found',
      details: { customerId: '44051599999000' },
    });
    expect(JSON.stringify(error)).not.toContain('at ');
  });
});

describe('Registry writes: one transaction each', () => {
  it('a write handler that throws halfway leaves nothing behind (custom failing handler)', async () => {
    const b = backend();
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = defineHandlers({
      'areas/list': areaHandlers['areas/list'],
      'areas/upsert': {
        kind: 'write',
        run: (input, { db }) => {
          db.prepare('INSERT INTO area_codes (code, name, urban) VALUES (?, ?, 0)').run(input.code, input.name);
          db.prepare(
            "INSERT INTO units (code, name, kind, parent_id, area_code, min_managers, created_at) VALUES ('T1', '测试支局', 'branch', 2, ?, 0, 'x')",
          ).run(input.code);
          throw new Error('boom after two inserts');
        },
      },
    });
    const registry = new Registry(
      HANDLER_GROUPS.map(([name, group]): NamedGroup => (name === 'areas' ? ['areas', failing] : [name, group])),
      b.registry.ctx,
    );
    const before = dump(b.db);
    const error = failure(await registry.invoke('areas/upsert', { code: '440599', name: '测试区' }));
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe('程序内部错误，操作未执行，数据未改变。（boom after two inserts）');
    expect(error.details).toBeUndefined();
    expect(consoleError).toHaveBeenCalledTimes(1);
    expect(dump(b.db)).toEqual(before);
    // The chain of writes goes on after a failure.
    const ok = await registry.invoke('areas/list', {});
    expect(ok.ok).toBe(true);
  });

  it('a real handler whose insert fails after the ID counter moved rolls the counter back', async () => {
    const b = backend();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const unit = await unitId(b, '440515');
    // A row squatting on the next ID, put there behind the allocator's back.
    b.db
      .prepare(
        `INSERT INTO customers (id, name, normalised_name, pinyin_initials, search_text, area_code, unit_id, created_at, updated_at)
         VALUES ('44051500001000', '占位', '占位', 'zw', '占位', '440515', ?, 'x', 'x')`,
      )
      .run(unit);
    const before = dump(b.db);
    const error = failure(
      await b.registry.invoke('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId: unit }),
    );
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toContain('UNIQUE constraint failed: customers.id');
    expect(dump(b.db)).toEqual(before);
    expect(b.db.prepare('SELECT * FROM id_sequences').all()).toEqual([]);
  });

  it('serialises writes: 50 creates fired without awaiting all succeed with consecutive IDs in call order', async () => {
    const b = backend();
    const unit = await unitId(b, '440515');
    const calls: Promise<Customer>[] = [];
    for (let i = 1; i <= 50; i++) {
      calls.push(b.registry.call('customers/create', { name: `并发测试客户${i}号`, areaCode: '440515', unitId: unit }));
    }
    const created = await Promise.all(calls);
    expect(created.map((c) => c.id)).toEqual(
      Array.from({ length: 50 }, (_, i) => `440515${String(i + 1).padStart(5, '0')}000`),
    );
    expect(created.map((c) => c.name)).toEqual(Array.from({ length: 50 }, (_, i) => `并发测试客户${i + 1}号`));
    expect(b.db.prepare("SELECT last_sequence FROM id_sequences WHERE area_code = '440515'").get()).toEqual({
      last_sequence: 50,
    });
    expect(auditCount(b.db)).toBe(50);
  });

  it('a failed write in the middle of a burst does not stop the writes after it', async () => {
    const b = backend();
    const unit = await unitId(b, '440515');
    const results = await Promise.all([
      b.registry.invoke('customers/create', { name: '甲公司', areaCode: '440515', unitId: unit }),
      b.registry.invoke('customers/create', { name: '甲公司', areaCode: '440515', unitId: unit }), // duplicate name
      b.registry.invoke('customers/create', { name: '乙公司', areaCode: '440515', unitId: unit }),
    ]);
    expect(results.map((r) => (r.ok ? (r.value as Customer).id : r.error.code))).toEqual([
      '44051500001000',
      'DUPLICATE_CUSTOMER',
      '44051500002000',
    ]);
  });
});

describe('R0 audit log', () => {
  it('each successful write adds exactly one row with time, actor, channel and the raw input', async () => {
    const b = backend();
    expect(auditCount(b.db)).toBe(0);
    const input = { code: '440599', name: '测试区', urban: true };
    await b.registry.call('areas/upsert', input);
    expect(b.db.prepare('SELECT id, at, actor, channel, input, entity FROM audit_log').all()).toEqual([
      {
        id: 1,
        at: NOW.toISOString(),
        actor: '信息主管',
        channel: 'areas/upsert',
        input: JSON.stringify(input),
        entity: 'area:440599',
      },
    ]);
    const unit = (await b.registry.call('units/list', {}))[0] as Unit;
    await b.registry.call('units/rename', { id: unit.id, name: '省局大客户中心（广东）' });
    const rows = b.db.prepare('SELECT channel FROM audit_log ORDER BY id').all();
    expect(rows).toEqual([{ channel: 'areas/upsert' }, { channel: 'units/rename' }]);
  });

  it('reads and failed writes add nothing', async () => {
    const b = backend();
    await b.registry.call('units/list', {});
    await b.registry.call('customers/list', {});
    await b.registry.invoke('units/rename', { id: 9999, name: '不存在' }); // NOT_FOUND inside the write
    await b.registry.invoke('units/rename', { id: 'x', name: '' }); // VALIDATION before it
    expect(auditCount(b.db)).toBe(0);
  });

  it('records the actor given to openBackend', async () => {
    const b = openBackend({ databasePath: ':memory:', now: () => NOW, actor: '测试员' });
    backends.push(b);
    await b.registry.call('areas/upsert', { code: '440599', name: '测试区' });
    expect(b.db.prepare('SELECT actor FROM audit_log').get()).toEqual({ actor: '测试员' });
  });

  it('refuses UPDATE and DELETE (append-only)', async () => {
    const b = backend();
    await b.registry.call('areas/upsert', { code: '440599', name: '测试区' });
    const before = dump(b.db).audit_log;
    expect(() => b.db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow('audit_log is append-only');
    expect(() => b.db.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    expect(dump(b.db).audit_log).toEqual(before);
  });
});
