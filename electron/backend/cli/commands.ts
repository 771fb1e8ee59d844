/**
 * The `kam` command line: every command in this one table. Each opens the backend on `--db`
 * (default: the app's database path) and goes through the same registry as the app.
 */

import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import type { ReportFormat } from '../../../shared/api/schemas';
import type { ExportForm } from '../../../shared/domain/exports/forms';
import type { RevenueLine } from '../../../shared/domain/lines';
import { fenToYuanString, formatMoney } from '../../../shared/domain/money';
import { formatPeriodZh } from '../../../shared/domain/periods';
import { POLICY_V1, type Policy } from '../../../shared/domain/policy/policy';
import { validatePolicy } from '../../../shared/domain/policy/validate';
import { SCOPE_NAMES_ZH, SCOPES, TIER_NAMES_ZH, TIERS } from '../../../shared/domain/tiers';
import { schemaVersion } from '../db/open';
import { runDemo } from '../demo/run';
import { READ_TIMEOUT_MS, readBoundedFile } from '../imports/import-file';
import { defaultDatabasePath } from '../paths';
import { ARCHIVE_COMMANDS } from './archives';
import { AUDIT_COMMANDS } from './audit';
import { positiveInt, withBackend } from './backend';
import { BACKUP_COMMANDS } from './backups';
import { callCommand } from './call';
import { CLASSIFICATION_COMMANDS } from './classification';
import type { Command, Values } from './command';
import { COMPLAINT_COMMANDS } from './complaints';
import { DISCOUNT_COMMANDS } from './discounts';
import { MARKETING_COMMANDS } from './marketing';
import { RANKING_COMMANDS } from './ranking';
import { RECEIPT_COMMANDS } from './receipts';
import { REGISTRATION_COMMANDS } from './registrations';
import {
  exportOutput,
  reportFileOutput,
  reportInfoOutput,
  reportListOutput,
  requireExistingDb,
  revenueSummaryOutput,
} from './reports';
import { evaluateRequest } from './rules-evaluate';
import { SCORECARD_COMMANDS } from './scorecards';
import { VISIT_COMMANDS } from './visits';
import { WORKLIST_COMMANDS } from './worklist';

function table(rows: Record<string, unknown>[], columns: string[]): string {
  if (rows.length === 0) return '（无）';
  return [columns.join('\t'), ...rows.map((r) => columns.map((c) => String(r[c] ?? '')).join('\t'))].join('\n');
}

export const COMMANDS: Command[] = [
  ...BACKUP_COMMANDS,
  ...AUDIT_COMMANDS,
  ...WORKLIST_COMMANDS,
  ...RECEIPT_COMMANDS,
  ...REGISTRATION_COMMANDS,
  ...ARCHIVE_COMMANDS,
  ...COMPLAINT_COMMANDS,
  ...VISIT_COMMANDS,
  ...MARKETING_COMMANDS,
  ...SCORECARD_COMMANDS,
  ...CLASSIFICATION_COMMANDS,
  ...RANKING_COMMANDS,
  ...DISCOUNT_COMMANDS,
  {
    name: 'rules evaluate',
    summary: '按规则计算客户资格、得分与分级（标准输入 JSON → 标准输出 JSON）/ evaluate R5–R12 on JSON from stdin',
    usage:
      'kam rules evaluate [--policy FILE] < input.json\n' +
      '      input: {"bureauAnnualRevenue", "customers": [{"ref", "agreement", "lastYear": {line: yuan}, "thisMonth": {line: yuan},\n' +
      '      "annualRevenue", "newspapers": {"lastYear": [{"turnover", "rate", "other"} × 1–12 months] or one {…} for all 12,\n' +
      '      "thisMonth": {"turnover": 年流转额, "rate": 平均费率%, "other": 其他收入}}}]}  (R8: R7 newspapers on turnover only)',
    options: { policy: { type: 'string' } },
    run: async (values, _db, io) => {
      const policy = await readPolicyFile(values);
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
    usage: 'kam demo [--db PATH] --customers N [--seed S] [--revenue-months M]',
    options: { customers: { type: 'string' }, seed: { type: 'string' }, 'revenue-months': { type: 'string' } },
    run: async (values, db) => {
      const customers = positiveInt(values, 'customers');
      const seed = positiveInt(values, 'seed', 1);
      const months = values['revenue-months'] === undefined ? 0 : positiveInt(values, 'revenue-months');
      return withBackend(db, (b) => {
        const started = performance.now();
        const now = new Date();
        // One transaction: a demo stopped half-way leaves nothing (demo/run.ts).
        const summary = runDemo(b.db, POLICY_V1, { customers, seed, revenueMonths: months }, now, b.registry.ctx.actor);
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
    name: 'customers import',
    summary: '预览（或 --commit 导入）客户名单工作簿 / preview or commit a customer-list workbook',
    usage: 'kam customers import FILE [--db PATH] [--commit] [--exclude-errors] [--json]',
    options: { commit: { type: 'boolean' }, 'exclude-errors': { type: 'boolean' } },
    positionals: true,
    run: async (values, db, io) =>
      withBackend(db, async (b) => {
        const path = io.positionals?.[0];
        if (path === undefined) throw new AppError('VALIDATION', '请给出客户名单文件');
        const preview = await b.registry.call('customers/import-preview', { path });
        const c = preview.counts;
        const text = [
          `${preview.fileName}：可导入 ${c.ready} 个客户，${c.errorRows} 行有错误，警告 ${c.warnings}`,
          ...preview.issues.map(
            (i) =>
              `  ${i.severity === 'error' ? '错误' : '警告'} ${i.sheet}${i.row ? ` 第 ${i.row} 行` : ''}${i.column ? ` ${i.column} 列` : ''}：${i.message}`,
          ),
        ];
        if (values.commit !== true) return { json: { preview }, text: text.join('\n') };
        const batch = await b.registry.call('customers/import-commit', {
          token: preview.token,
          excludeErrorRows: values['exclude-errors'] === true,
        });
        text.push(`  已导入为第 ${batch.id} 批：${batch.customers} 个客户（撤销：kam call customers/import-undo）`);
        return { json: { preview, batch }, text: text.join('\n') };
      }),
  },
  {
    name: 'tiers run',
    summary: '运行年度分级或月度预览（R9–R15）/ run an annual tiering or a monthly preview',
    usage: 'kam tiers run [--db PATH] (--year YYYY | --period YYYY-MM) [--json]',
    options: { year: { type: 'string' }, period: { type: 'string' } },
    run: async (values, db) => {
      if ((values.year === undefined) === (values.period === undefined)) {
        throw new AppError('VALIDATION', '请给出 --year YYYY（年度分级）或 --period YYYY-MM（月度预览）之一');
      }
      return withBackend(db, async (b) => {
        const summary =
          values.year !== undefined
            ? await b.registry.call('tiers/run', { kind: 'annual', year: positiveInt(values, 'year') })
            : await b.registry.call('tiers/run', { kind: 'monthly', period: requiredString(values, 'period') });
        const lines = TIERS.map(
          (t) =>
            `${TIER_NAMES_ZH[t]}\t${SCOPES.map((sc) => `${SCOPE_NAMES_ZH[sc]} ${summary.counts[t][sc]}`).join('\t')}`,
        );
        return {
          json: summary,
          text: [
            `分级批次 ${summary.id}：${summary.kind === 'annual' ? '年度' : '月度预览'} ${summary.key}（${summary.windowFrom}–${summary.windowTo}，政策版本 ${summary.policyVersion}）`,
            `客户 ${summary.customers}，大客户 ${summary.qualified}`,
            ...lines,
          ].join('\n'),
        };
      });
    },
  },
  {
    name: 'revenue set',
    summary: '录入一个客户某月某项业务收入 / set one revenue figure',
    usage: 'kam revenue set [--db PATH] --customer ID --period YYYY-MM --line LINE --amount AMOUNT [--confirm]',
    options: {
      customer: { type: 'string' },
      period: { type: 'string' },
      line: { type: 'string' },
      amount: { type: 'string' },
      // A figure that looks wrong (negative, implausibly large) is saved only with --confirm.
      confirm: { type: 'boolean' },
    },
    run: async (values, db) =>
      withBackend(db, async (b) => {
        const cell = await b.registry.call('revenue/set', {
          customerId: requiredString(values, 'customer'),
          period: requiredString(values, 'period'),
          line: requiredString(values, 'line') as RevenueLine,
          amount: typeof values.amount === 'string' ? values.amount : '',
          confirm: values.confirm === true,
        });
        return {
          json: { ...cell, amount: cell.amount === null ? null : fenToYuanString(cell.amount) },
          text:
            cell.amount === null
              ? `已清除 ${cell.customerId} ${cell.period} ${cell.line}`
              : `已录入 ${cell.customerId} ${cell.period} ${cell.line}：${formatMoney(cell.amount)}`,
        };
      }),
  },
  {
    name: 'bureau set',
    summary: '录入全市邮政年度总收入（R10 分母）/ set the bureau annual revenue',
    usage: 'kam bureau set [--db PATH] --year YYYY --amount AMOUNT [--replace]',
    // R10: a different figure for a year already entered needs --replace (its runs become stale).
    options: { year: { type: 'string' }, amount: { type: 'string' }, replace: { type: 'boolean' } },
    run: async (values, db) =>
      withBackend(db, async (b) => {
        const r = await b.registry.call('revenue/bureau-set', {
          year: positiveInt(values, 'year'),
          amount: requiredString(values, 'amount'),
          replace: values.replace === true,
        });
        return {
          json: { year: r.year, amount: fenToYuanString(r.amount) },
          text: `${r.year} 年全局收入：${formatMoney(r.amount)}`,
        };
      }),
  },
  {
    name: 'revenue summary',
    summary: '某月全部客户收入合计（按业务种类）/ revenue of a month by line',
    usage: 'kam revenue summary [--db PATH] --period YYYY-MM [--json]',
    options: { period: { type: 'string' } },
    run: async (values, db) => {
      requireExistingDb(db);
      return withBackend(db, async (b) =>
        revenueSummaryOutput(await b.registry.call('revenue/summary', { period: requiredString(values, 'period') })),
      );
    },
  },
  {
    name: 'export',
    summary: '导出附件6-1、6-2、7 或省局报送包（.xlsx）/ export a monthly table',
    usage: 'kam export [--db PATH] --period YYYY-MM --form 6-1|6-2|7|province --out FILE [--unit CODE] [--json]',
    options: {
      period: { type: 'string' },
      form: { type: 'string' },
      out: { type: 'string' },
      unit: { type: 'string' },
    },
    run: async (values, db) => {
      const request = {
        period: requiredString(values, 'period'),
        form: requiredString(values, 'form') as ExportForm,
        path: requiredString(values, 'out'),
        unitCode: values.unit === undefined ? null : requiredString(values, 'unit'),
      };
      requireExistingDb(db);
      return withBackend(db, async (b) => exportOutput(await b.registry.call('exports/build', request)));
    },
  },
  {
    name: 'report',
    summary: '月度分析报告另存为 PDF、Word 或 Excel（有定稿用定稿，否则为草稿）/ the monthly analysis report as a file',
    usage: 'kam report [--db PATH] --period YYYY-MM [--unit CODE] --format pdf|docx|xlsx --out FILE [--json]',
    options: {
      period: { type: 'string' },
      unit: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    run: async (values, db) => {
      const request = {
        period: requiredString(values, 'period'),
        unitCode: values.unit === undefined ? null : requiredString(values, 'unit'),
        format: requiredString(values, 'format') as ReportFormat,
        path: requiredString(values, 'out'),
      };
      requireExistingDb(db);
      return withBackend(db, async (b) => reportFileOutput(await b.registry.call('reports/export-month', request)));
    },
  },
  {
    name: 'report finalise',
    summary: "月度分析报告定稿（冻结数字并计算哈希）/ finalise the month's analysis report",
    usage: 'kam report finalise [--db PATH] --period YYYY-MM [--unit CODE] [--json]',
    options: { period: { type: 'string' }, unit: { type: 'string' } },
    run: async (values, db) => {
      const scope = {
        period: requiredString(values, 'period'),
        unitCode: values.unit === undefined ? null : requiredString(values, 'unit'),
      };
      requireExistingDb(db);
      return withBackend(db, async (b) => {
        // The latest revision, created as an empty draft when there is none (as the app's 新建).
        const latest = await b.registry.call('reports/create', scope);
        if (latest.status === 'final') {
          throw new AppError(
            'CONFLICT',
            `${formatPeriodZh(latest.period)}${latest.unit?.name ?? '全市'}的分析报告第 ${latest.revision} 版已定稿（SHA-256 ${latest.hash}）；如需更正，请在应用中修订后再定稿`,
          );
        }
        return reportInfoOutput(await b.registry.call('reports/finalise', { id: latest.id }));
      });
    },
  },
  {
    name: 'report list',
    summary: '列出月度分析报告的各版本 / list the analysis reports and their revisions',
    usage: 'kam report list [--db PATH] [--period YYYY-MM] [--unit CODE] [--json]',
    options: { period: { type: 'string' }, unit: { type: 'string' } },
    run: async (values, db) => {
      const request = {
        period: values.period === undefined ? null : requiredString(values, 'period'),
        unitCode: values.unit === undefined ? null : requiredString(values, 'unit'),
      };
      requireExistingDb(db);
      return withBackend(db, async (b) => reportListOutput(await b.registry.call('reports/list', request)));
    },
  },
  {
    name: 'import',
    summary: '预览（或 --commit 导入）单位报来的收入表 / preview or commit revenue workbooks',
    usage: 'kam import FILE... [--db PATH] [--commit] [--exclude-errors] [--json]',
    options: { commit: { type: 'boolean' }, 'exclude-errors': { type: 'boolean' } },
    positionals: true,
    run: async (values, db, io) =>
      withBackend(db, async (b) => {
        const files = io.positionals ?? [];
        if (files.length === 0) throw new AppError('VALIDATION', '请给出要导入的文件');
        const results: unknown[] = [];
        const text: string[] = [];
        let failed = false;
        for (const [k, path] of files.entries()) {
          // The next file is parsed while this one is checked and committed (parse-ahead.ts).
          const next = files[k + 1];
          const preview = await b.registry.call('imports/preview', next === undefined ? { path } : { path, next });
          const c = preview.counts;
          text.push(
            // The app's words and counts (DOMAIN-DECISIONS "Imports", counts): 修改, 警告.
            `${preview.fileName}：${c.rows} 行，新增 ${c.new}，修改 ${c.changed}，未变 ${c.unchanged}，空白 ${c.blank}，错误 ${c.errors}，警告 ${c.warnings}`,
            ...preview.issues.map(
              (i) =>
                `  ${i.severity === 'error' ? '错误' : '警告'} ${i.sheet}${i.row ? ` 第 ${i.row} 行` : ''}${i.column ? ` ${i.column} 列` : ''}：${i.message}`,
            ),
          );
          if (preview.earlierBatch) text.push(`  此文件已作为第 ${preview.earlierBatch.id} 批导入过`);
          const blocked = (c.errors > 0 && values['exclude-errors'] !== true) || preview.earlierBatch !== null;
          if (blocked) failed = true;
          if (values.commit === true && !blocked) {
            const batch = await b.registry.call('imports/commit', {
              token: preview.token,
              excludeErrorRows: values['exclude-errors'] === true,
            });
            text.push(
              `  已导入为第 ${batch.id} 批：新增 ${batch.created}，修改 ${batch.changed}，未变 ${batch.unchanged}，空白 ${batch.blank}`,
            );
            results.push({ preview, batch });
          } else results.push({ preview });
        }
        if (failed) {
          throw new AppError('VALIDATION', `${text.join('\n')}\n有文件存在错误或已导入过：未写入这些文件`, { results });
        }
        return { json: results, text: text.join('\n') };
      }),
  },
  {
    name: 'imports list',
    summary: '列出导入批次 / list import batches',
    usage: 'kam imports list [--db PATH] [--json]',
    options: {},
    run: async (_values, db) =>
      withBackend(db, async (b) => {
        const batches = await b.registry.call('imports/list', {});
        return {
          json: batches,
          text: table(batches as unknown as Record<string, unknown>[], [
            'id',
            'fileName',
            'period',
            'rows',
            'created',
            'changed',
            'committedAt',
            'undoneAt',
          ]),
        };
      }),
  },
  {
    name: 'imports undo',
    summary: '撤销一个导入批次 / undo an import batch',
    usage: 'kam imports undo N [--db PATH] [--force | --keep-edited] [--json]',
    options: { force: { type: 'boolean' }, 'keep-edited': { type: 'boolean' } },
    positionals: true,
    run: async (values, db, io) =>
      withBackend(db, async (b) => {
        const [raw] = io.positionals ?? [];
        if (!raw || !/^\d+$/.test(raw)) throw new AppError('VALIDATION', '请给出要撤销的批次号，如 kam imports undo 3');
        const force = values.force === true;
        if (force && values['keep-edited'] === true) {
          throw new AppError('VALIDATION', '--force 与 --keep-edited 只能选一个');
        }
        // Cells edited after the import: the officer chooses before anything is undone, since an
        // undone batch cannot be undone again.
        const check = await b.registry.call('imports/undo-check', { batchId: Number(raw) });
        if (check.kept.length > 0 && !force && values['keep-edited'] !== true) {
          const cells = check.kept
            .map(
              (k) =>
                `  ${k.customerId}\t${k.period}\t${k.line}\t导入 ${k.imported === null ? '（空）' : fenToYuanString(k.imported)}\t现为 ${k.current === null ? '（空）' : fenToYuanString(k.current)}`,
            )
            .join('\n');
          throw new AppError(
            'CONFLICT',
            `第 ${check.batchId} 批有 ${check.kept.length} 项在导入后被修改过：\n${cells}\n未撤销任何内容。加 --keep-edited 撤销其余各项并保留这些修改，或加 --force 连同这些一并恢复到导入前。`,
          );
        }
        const r = await b.registry.call('imports/undo', { batchId: check.batchId, force });
        return {
          json: r,
          text: `已撤销第 ${r.batchId} 批：恢复 ${r.restored} 项${r.kept.length ? `；保留了 ${r.kept.length} 项导入后的修改` : ''}${
            r.services
              ? `；撤回营销日志 ${r.services.logs} 条、拜访 ${r.services.visits} 次、投诉 ${r.services.complaints} 件、资费优惠申请 ${r.services.discounts} 项`
              : ''
          }`,
        };
      }),
  },
  {
    name: 'templates',
    summary: '生成各单位月度数据报送模板 / write the monthly templates for units',
    usage: 'kam templates [--db PATH] --period YYYY-MM --out DIR [--unit CODE] [--force] [--json]',
    options: {
      period: { type: 'string' },
      out: { type: 'string' },
      unit: { type: 'string' },
      force: { type: 'boolean' },
    },
    run: async (values, db) =>
      withBackend(db, async (b) => {
        const r = await b.registry.call('templates/generate', {
          period: requiredString(values, 'period'),
          outDir: requiredString(values, 'out'),
          ...(typeof values.unit === 'string' ? { unitCode: values.unit } : {}),
          overwrite: values.force === true,
        });
        return {
          json: r,
          text: [
            `已生成 ${r.files.length} 个模板（${r.period}）：`,
            ...r.files.map(
              (f) => `  ${f.path}（客户 ${f.customers}，收入明细 ${f.revenueRows} 行，大客户 ${f.keyCustomers}）`,
            ),
          ].join('\n'),
        };
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
  callCommand,
];

/** A policy document is a few kilobytes; a megabyte is far more than any. */
const POLICY_FILE_MAX_BYTES = 1024 * 1024;

async function readPolicyFile(values: Values): Promise<Policy> {
  const file = values.policy;
  if (file === undefined) return POLICY_V1;
  if (typeof file !== 'string') throw new AppError('VALIDATION', '--policy 需要一个文件路径');
  let document: unknown;
  try {
    // Only a regular file, bounded in size and time (a device or a pipe is refused).
    const text = (
      await readBoundedFile(file, { maxBytes: POLICY_FILE_MAX_BYTES, timeoutMs: READ_TIMEOUT_MS })
    ).toString('utf8');
    document = JSON.parse(text);
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

function requiredString(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('VALIDATION', `缺少 --${name}`);
  return v;
}

export function resolveDb(values: Values): string {
  return typeof values.db === 'string' && values.db !== '' ? values.db : defaultDatabasePath();
}
