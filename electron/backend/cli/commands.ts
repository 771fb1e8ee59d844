/**
 * The `kam` command line: every command in this one table. Each opens the backend on `--db`
 * (default: the app's database path) and goes through the same registry as the app.
 */
import { existsSync, readFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import { POLICY_V1, type Policy } from '../../../shared/domain/policy/policy';
import { validatePolicy } from '../../../shared/domain/policy/validate';
import { schemaVersion } from '../db/open';
import { fillDemo } from '../demo/fill';
import { type Backend, openBackend } from '../index';
import { defaultDatabasePath } from '../paths';
import { evaluateRequest } from './rules-evaluate';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
export type Values = Record<string, string | boolean | string[] | undefined>;

export interface CommandOutput {
  /** Printed with --json. */
  json: unknown;
  /** Printed otherwise. */
  text: string;
}

export interface CommandIo {
  /** The whole standard input, for commands that read JSON from it. */
  stdin(): Promise<string>;
}

export interface Command {
  /** Words after `kam`, e.g. `customers list`. */
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  run(values: Values, db: string, io: CommandIo): Promise<CommandOutput>;
}

function positiveInt(values: Values, name: string, fallback?: number): number {
  const raw = values[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || Number(raw) < 1) {
    throw new AppError('VALIDATION', `--${name} 需要一个正整数，收到：${String(raw ?? '（未提供）')}`);
  }
  return Number(raw);
}

async function withBackend<T>(db: string, fn: (b: Backend) => Promise<T> | T): Promise<T> {
  const backend = openBackend({ databasePath: db });
  try {
    return await fn(backend);
  } finally {
    backend.close();
  }
}

function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return '（无）';
  return [columns.join('\t'), ...rows.map((r) => columns.map((c) => String(r[c] ?? '')).join('\t'))].join('\n');
}

export const COMMANDS: Command[] = [
  {
    name: 'rules evaluate',
    summary: '按规则计算客户资格、得分与分级（标准输入 JSON → 标准输出 JSON）/ evaluate R5–R12 on JSON from stdin',
    usage: 'kam rules evaluate [--policy FILE] < input.json',
    options: { policy: { type: 'string' } },
    run: async (values, _db, io) => {
      const policy = readPolicyFile(values);
      const result = evaluateRequest(await io.stdin(), policy);
      return { json: result, text: JSON.stringify(result, null, 2) };
    },
  },
  {
    name: 'init',
    summary: '创建并迁移数据库 / create and migrate a database',
    usage: 'kam init [--db PATH]',
    options: {},
    run: async (_values, db) => {
      const created = !existsSync(db);
      return withBackend(db, (b) => {
        const json = { database: db, created, schemaVersion: schemaVersion(b.db) };
        return { json, text: `${created ? '已创建' : '已存在'}数据库 ${db}（结构版本 ${json.schemaVersion}）` };
      });
    },
  },
  {
    name: 'demo',
    summary: '在新数据库中生成演示数据 / fill a new database with synthetic data',
    usage: 'kam demo [--db PATH] --customers N [--seed S]',
    options: { customers: { type: 'string' }, seed: { type: 'string' } },
    run: async (values, db) => {
      const customers = positiveInt(values, 'customers');
      const seed = positiveInt(values, 'seed', 1);
      return withBackend(db, (b) => {
        const started = performance.now();
        const summary = fillDemo(b.db, POLICY_V1, { customers, seed }, new Date());
        const ms = Math.round(performance.now() - started);
        return {
          json: { database: db, seed, ms, ...summary },
          text: `已生成 ${summary.customers} 个客户（总部 ${summary.headOffices}，分支 ${summary.branches}，有信用代码 ${summary.withCreditCode}）、${summary.managers} 名人员，用时 ${ms} ms`,
        };
      });
    },
  },
  {
    name: 'customers list',
    summary: '列出或搜索客户 / list or search customers',
    usage: 'kam customers list [--db PATH] [--search TEXT] [--json]',
    options: { search: { type: 'string' } },
    run: async (values, db) =>
      withBackend(db, async (b) => {
        const search = typeof values.search === 'string' ? values.search : '';
        const rows: { id: string; name: string; unit: string; parentId: string | null }[] = [];
        for (let offset = 0; ; offset += 1000) {
          const page = await b.registry.call('customers/list', { search, offset, limit: 1000 });
          rows.push(...page.rows.map((r) => ({ id: r.id, name: r.name, unit: r.unit, parentId: r.parentId })));
          if (offset + 1000 >= page.total) break;
        }
        return { json: rows, text: table(rows, ['id', 'name', 'unit', 'parentId']) };
      }),
  },
  {
    name: 'units list',
    summary: '列出单位及缺编情况 / list units and staffing gaps',
    usage: 'kam units list [--db PATH] [--json]',
    options: {},
    run: async (_values, db) =>
      withBackend(db, async (b) => {
        const units = await b.registry.call('units/list', { includeRetired: true });
        return {
          json: units,
          text: table(units as unknown as Record<string, unknown>[], [
            'code',
            'name',
            'kind',
            'accountManagers',
            'minManagers',
            'staffingGap',
          ]),
        };
      }),
  },
];

function readPolicyFile(values: Values): Policy {
  const file = values.policy;
  if (file === undefined) return POLICY_V1;
  if (typeof file !== 'string') throw new AppError('VALIDATION', '--policy 需要一个文件路径');
  let document: unknown;
  try {
    document = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new AppError('VALIDATION', `无法读取政策文件 ${file}：${(e as Error).message}`);
  }
  const check = validatePolicy(document);
  if (!check.ok) {
    throw new AppError(
      'VALIDATION',
      `政策文件 ${file} 无效：\n${check.issues.map((i) => `  ${i.path || '（整体）'}：${i.message}`).join('\n')}`,
      { issues: check.issues },
    );
  }
  return check.policy;
}

export function resolveDb(values: Values): string {
  return typeof values.db === 'string' && values.db !== '' ? values.db : defaultDatabasePath();
}
