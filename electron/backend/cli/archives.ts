/**
 * `kam archive …` (R17–R18) and `kam managers …` (R20, R30): the archive's show, update, history and
 * diff; the customers' A/B managers, 专人, lead, project team, reassigning a departing manager's
 * customers, and the 客户经理变动 batch. `--date D` stands in for today (the backend's clock).
 * Key persons are masked unless `--show-personal` (with `--purpose`), which records the viewing.
 */
import { AppError } from '../../../shared/api/errors';
import type { ArchiveView, AssignmentsView } from '../../../shared/api/types-archives';
import { ARCHIVE_BLOCKS } from '../../../shared/domain/archive/fields';
import { ARCHIVE_KEEPER_NAMES_ZH } from '../../../shared/domain/archive/keeper';
import { echo } from '../../../shared/domain/bilingual';
import { isIsoDate } from '../../../shared/domain/dates';
import { TIER_NAMES_ZH } from '../../../shared/domain/tiers';
import { READ_TIMEOUT_MS, readBoundedFile } from '../imports/import-file';
import { positiveInt, withBackend } from './backend';
import type { Command, CommandIo, Values } from './command';

function dateOption(values: Values, name = 'date'): string | null {
  const v = values[name];
  if (v === undefined) return null;
  if (typeof v !== 'string' || !isIsoDate(v))
    throw new AppError('VALIDATION', `--${name} 应为日期 YYYY-MM-DD，收到：${echo(String(v))}`);
  return v;
}

function requiredDate(values: Values, name: string): string {
  const d = dateOption(values, name);
  if (d === null) throw new AppError('VALIDATION', `请给出 --${name} YYYY-MM-DD`);
  return d;
}

function requiredString(values: Values, name: string): string {
  const v = values[name];
  if (typeof v !== 'string' || v.trim() === '') throw new AppError('VALIDATION', `请给出 --${name}`);
  return v;
}

/** Opens the backend with `--date` as today (local noon), so due dates and revisions are dated by it. */
function withDated<T>(db: string, values: Values, fn: Parameters<typeof withBackend<T>>[1]): Promise<T> {
  const date = dateOption(values);
  if (date === null) return withBackend(db, fn);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const at = new Date(y, m - 1, d, 12, 0, 0);
  return withBackend(db, fn, { now: () => at });
}

function customerArg(io: CommandIo): string {
  const id = io.positionals?.[0];
  if (id === undefined || !/^\d{14}$/.test(id))
    throw new AppError('VALIDATION', `请给出 14 位客户编号，收到：${echo(String(id ?? '（未提供）'))}`);
  if ((io.positionals?.length ?? 0) > 1)
    throw new AppError('VALIDATION', `多余的参数：${echo(io.positionals?.slice(1).join(' ') ?? '')}`);
  return id;
}

function archiveText(v: ArchiveView): string {
  const lines = [
    `${v.customerName}（${v.customerId}）档案 ${v.revision === null ? '尚未建立' : `第 ${v.revision} 版（最新第 ${v.latestRevision} 版）`}`,
  ];
  if (v.revision !== null)
    lines.push(
      `  更新：${v.updatedOn}，${v.recordedBy}${v.verifiedOnly ? '（已核实，无变化）' : ''}${v.note ? `，备注：${v.note}` : ''}`,
    );
  const d = v.due;
  lines.push(
    d.tier === null
      ? '  无大客户分级，不计更新期限'
      : `  ${TIER_NAMES_ZH[d.tier]}客户，${d.tierSince} 起；应于 ${d.dueOn} 前更新${d.overdue ? `，已逾期 ${d.daysOverdue} 天` : ''}（以 ${v.asOf} 计）`,
  );
  if (v.keeper)
    lines.push(
      `  档案保管：${v.keeper.unitName ?? ARCHIVE_KEEPER_NAMES_ZH[v.keeper.role]}（${ARCHIVE_KEEPER_NAMES_ZH[v.keeper.role]}）`,
    );
  lines.push(
    `  完整度：${v.completeness.score}%${v.completeness.missing.length ? `，缺：${v.completeness.missing.map((m) => m.zh).join('、')}` : ''}`,
  );
  for (const block of ARCHIVE_BLOCKS) {
    lines.push(`【${block.zh}】`);
    const records = block.key === 'basic' || block.key === 'extended' ? [v.document[block.key]] : v.document[block.key];
    records.forEach((r, i) => {
      if (block.repeatable) lines.push(`  第 ${i + 1} 项`);
      for (const f of block.fields) {
        const value = r[f.key];
        if (value !== undefined && value !== null) lines.push(`  ${f.zh}：${value}`);
      }
    });
  }
  if (!v.personalShown) lines.push('（关键人等个人信息已遮盖；查看请加 --show-personal --purpose 原因，查看将被记录）');
  return lines.join('\n');
}

/** `--set block.field=value` (repeatable) for the single blocks; a number for integer fields. */
function blocksFromFlags(values: Values): Record<string, Record<string, string | number | null>> {
  const out: Record<string, Record<string, string | number | null>> = {};
  const sets = values.set === undefined ? [] : Array.isArray(values.set) ? values.set : [String(values.set)];
  for (const s of sets) {
    const m = /^(basic|extended)\.([A-Za-z]+)=(.*)$/s.exec(s);
    if (!m) throw new AppError('VALIDATION', `--set 应为 basic.字段=值 或 extended.字段=值，收到：${echo(s)}`);
    const [, block, field, raw] = m as unknown as [string, 'basic' | 'extended', string, string];
    const def = ARCHIVE_BLOCKS.find((b) => b.key === block)?.fields.find((f) => f.key === field);
    if (!def) throw new AppError('VALIDATION', `${block} 没有字段 ${echo(field)}`);
    out[block] ??= {};
    (out[block] as Record<string, string | number | null>)[field] =
      raw === '' ? null : def.type === 'integer' && /^\d+$/.test(raw) ? Number(raw) : raw;
  }
  return out;
}

async function blocksFromJson(values: Values, io: CommandIo): Promise<Record<string, unknown>> {
  const file = values.file;
  if (file === undefined) return {};
  let text: string;
  if (file === '-') text = await io.stdin();
  else {
    const buf = await readBoundedFile(String(file), { maxBytes: 2 * 1024 * 1024, timeoutMs: READ_TIMEOUT_MS });
    text = buf.toString('utf8');
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw new AppError(
      'VALIDATION',
      '档案 JSON 应为一个对象：{"basic": {…}, "extended": {…}, "keyPersons": […], "competitors": […]}',
    );
  }
}

function assignmentsText(v: AssignmentsView): string {
  const role = (r: string) => (r === 'responsible' ? '专人' : `${r}角`);
  const lines = [
    `${v.customerName}（${v.customerId}）${v.tier ? TIER_NAMES_ZH[v.tier] : '无分级'}，以 ${v.asOf} 计`,
    ...v.current.map((r) => `  ${role(r.role)}：${r.managerName}（${r.unitName}），${r.fromOn} 起`),
    `  牵头：${v.lead ? `${v.lead.role}角（${v.lead.fromOn} 起，${v.lead.reason}）` : 'A角（开发阶段）'}`,
    ...v.team.map(
      (t) =>
        `  项目组：${t.unitName}${t.managerName ? ` ${t.managerName}` : ''}，${t.purpose}，${t.fromOn}–${t.toOn ?? ''}`,
    ),
    ...v.problems.map((p) => `  问题：${p}`),
  ];
  return lines.join('\n');
}

export const ARCHIVE_COMMANDS: Command[] = [
  {
    name: 'archive show',
    summary:
      '显示客户档案（最新版）、更新期限、完整度和保管单位 / show an archive with due date, completeness and keeper',
    usage:
      'kam archive show CUSTOMER [--db PATH] [--date D] [--revision N] [--show-personal --purpose 原因] [--json]\n' +
      '      关键人等个人信息默认遮盖；--show-personal 显示并记录本次查看（R17）',
    options: {
      date: { type: 'string' },
      revision: { type: 'string' },
      'show-personal': { type: 'boolean' },
      purpose: { type: 'string' },
    },
    positionals: true,
    run: async (values, db, io) => {
      const customerId = customerArg(io);
      const revision = values.revision === undefined ? null : positiveInt(values, 'revision');
      return withDated(db, values, async (b) => {
        const date = dateOption(values);
        const view =
          values['show-personal'] === true
            ? await b.registry.call('archives/view-personal', {
                customerId,
                revision,
                date,
                purpose: requiredString(values, 'purpose'),
              })
            : await b.registry.call('archives/get', { customerId, revision, date });
        return { json: view, text: archiveText(view) };
      });
    },
  },
  {
    name: 'archive update',
    summary: '更新客户档案（新修订）/ save a new archive revision',
    usage:
      'kam archive update CUSTOMER [--db PATH] [--date D] [--file FILE.json | --file -] [--set basic.address=…]… [--verified] [--note 备注] [--json]\n' +
      '      JSON：{"basic": {…}, "extended": {…}, "keyPersons": [{…}], "competitors": [{…}]}；单项区块按字段更新，可重复区块整体替换\n' +
      '      --verified：已核实，无变化（计为一次更新，R18）',
    options: {
      date: { type: 'string' },
      file: { type: 'string' },
      set: { type: 'string', multiple: true },
      verified: { type: 'boolean' },
      note: { type: 'string' },
    },
    positionals: true,
    run: async (values, db, io) => {
      const customerId = customerArg(io);
      const fromJson = await blocksFromJson(values, io);
      const fromFlags = blocksFromFlags(values);
      const input: Record<string, unknown> = { ...fromJson, customerId, verified: values.verified === true };
      for (const [block, fields] of Object.entries(fromFlags))
        input[block] = { ...((fromJson[block] as Record<string, unknown> | undefined) ?? {}), ...fields };
      if (typeof values.note === 'string') input.note = values.note;
      return withDated(db, values, async (b) => {
        // The JSON's shape is the channel's to check (unknown keys, lengths…).
        const view = await b.registry.call(
          'archives/update',
          input as Parameters<typeof b.registry.call<'archives/update'>>[1],
        );
        return { json: view, text: `已保存第 ${view.revision} 版\n${archiveText(view)}` };
      });
    },
  },
  {
    name: 'archive history',
    summary: '列出档案的修订（或 --diff R1,R2 比较两版）/ list the revisions, or diff two',
    usage: 'kam archive history CUSTOMER [--db PATH] [--diff R1,R2] [--json]',
    options: { diff: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) => {
      const customerId = customerArg(io);
      if (typeof values.diff === 'string') {
        const m = /^(\d+),(\d+)$/.exec(values.diff);
        if (!m) throw new AppError('VALIDATION', `--diff 应为 R1,R2（两个修订号），收到：${echo(values.diff)}`);
        return diffCommand(db, customerId, Number(m[1]), Number(m[2]));
      }
      return withBackend(db, async (b) => {
        const list = await b.registry.call('archives/history', { customerId });
        const text =
          list.length === 0
            ? '（无修订）'
            : list
                .map(
                  (r) =>
                    `第 ${r.revision} 版\t${r.updatedOn}\t${r.recordedBy}\t${r.verifiedOnly ? '已核实，无变化' : `${r.changed.length} 处变化`}${r.note ? `\t${r.note}` : ''}`,
                )
                .join('\n');
        return { json: list, text };
      });
    },
  },
  {
    name: 'archive diff',
    summary: '比较档案的两个修订 / diff two archive revisions',
    usage: 'kam archive diff CUSTOMER --from R1 --to R2 [--db PATH] [--json]  (R1 = 0: the empty archive)',
    options: { from: { type: 'string' }, to: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) => {
      const customerId = customerArg(io);
      const from = values.from === '0' ? 0 : positiveInt(values, 'from');
      return diffCommand(db, customerId, from, positiveInt(values, 'to'));
    },
  },
  {
    name: 'archive duties',
    summary: '列出各大客户档案的更新期限（工作清单）/ archive due dates of every key customer',
    usage: 'kam archive duties [--db PATH] [--date D] [--overdue] [--json]',
    options: { date: { type: 'string' }, overdue: { type: 'boolean' } },
    run: async (values, db) =>
      withDated(db, values, async (b) => {
        const rows = await b.registry.call('archives/duties', {
          date: dateOption(values),
          overdueOnly: values.overdue === true,
        });
        const text =
          rows.length === 0
            ? '（无）'
            : rows
                .map(
                  (r) =>
                    `${r.customerId}\t${r.customerName}\t${TIER_NAMES_ZH[r.tier]}\t${r.dueOn}\t${r.overdue ? `逾期 ${r.daysOverdue} 天` : ''}`,
                )
                .join('\n');
        return { json: rows, text };
      }),
  },
  {
    name: 'managers show',
    summary: '显示客户的A/B角、专人、牵头和项目组 / a customer’s managers, lead and team',
    usage: 'kam managers show CUSTOMER [--db PATH] [--date D] [--json]',
    options: { date: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) => {
      const customerId = customerArg(io);
      return withDated(db, values, async (b) => {
        const v = await b.registry.call('assignments/get', { customerId, date: dateOption(values) });
        return { json: v, text: assignmentsText(v) };
      });
    },
  },
  {
    name: 'managers assign',
    summary: '指定客户的A角、B角或专人（R20）/ assign an A, B or responsible manager',
    usage:
      'kam managers assign CUSTOMER --role A|B|responsible --manager ID --from DATE [--reason 理由] [--db PATH] [--json]',
    options: {
      role: { type: 'string' },
      manager: { type: 'string' },
      from: { type: 'string' },
      reason: { type: 'string' },
    },
    positionals: true,
    run: async (values, db, io) => {
      const customerId = customerArg(io);
      return withBackend(db, async (b) => {
        const v = await b.registry.call('assignments/set', {
          customerId,
          role: requiredString(values, 'role') as 'A',
          managerId: positiveInt(values, 'manager'),
          fromOn: requiredDate(values, 'from'),
          reason: typeof values.reason === 'string' ? values.reason : null,
        });
        return { json: v, text: assignmentsText(v) };
      });
    },
  },
  {
    name: 'managers lead',
    summary: '变更牵头角色（开发成功后由A角转B角，R20）/ move the lead (A → B once won)',
    usage: 'kam managers lead CUSTOMER --to A|B --from DATE [--reason 理由] [--db PATH] [--json]',
    options: { to: { type: 'string' }, from: { type: 'string' }, reason: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) => {
      const customerId = customerArg(io);
      return withBackend(db, async (b) => {
        const v = await b.registry.call('assignments/set-lead', {
          customerId,
          lead: requiredString(values, 'to') as 'B',
          fromOn: requiredDate(values, 'from'),
          reason: typeof values.reason === 'string' ? values.reason : '开发成功',
        });
        return { json: v, text: assignmentsText(v) };
      });
    },
  },
  {
    name: 'managers team',
    summary: '项目组：列出、加入（--add）或结束（--end）/ list, add to or end a project team membership',
    usage:
      'kam managers team CUSTOMER [--db PATH] [--json]\n' +
      '      --add --unit ID [--manager ID] --purpose 职责 --from DATE [--to DATE]\n' +
      '      --end MEMBER --to DATE',
    options: {
      add: { type: 'boolean' },
      end: { type: 'string' },
      unit: { type: 'string' },
      manager: { type: 'string' },
      purpose: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
    positionals: true,
    run: async (values, db, io) => {
      const customerId = customerArg(io);
      return withBackend(db, async (b) => {
        const team =
          values.add === true
            ? await b.registry.call('teams/add', {
                customerId,
                unitId: positiveInt(values, 'unit'),
                managerId: values.manager === undefined ? null : positiveInt(values, 'manager'),
                purpose: requiredString(values, 'purpose'),
                fromOn: requiredDate(values, 'from'),
                toOn: dateOption(values, 'to'),
              })
            : values.end !== undefined
              ? await b.registry.call('teams/end', {
                  customerId,
                  memberId: positiveInt(values, 'end'),
                  toOn: requiredDate(values, 'to'),
                })
              : await b.registry.call('teams/list', { customerId });
        const text =
          team.length === 0
            ? '（无项目组成员）'
            : team
                .map(
                  (t) => `#${t.id}\t${t.unitName}\t${t.managerName ?? ''}\t${t.purpose}\t${t.fromOn}\t${t.toOn ?? ''}`,
                )
                .join('\n');
        return { json: team, text };
      });
    },
  },
  {
    name: 'managers reassign',
    summary:
      '把一名客户经理的全部客户（A/B角、专人、项目组）移交给另一名，一次完成 / hand over all of a manager’s customers at once',
    usage: 'kam managers reassign --from-manager ID --to-manager ID --on DATE --reason 理由 [--db PATH] [--json]',
    options: {
      'from-manager': { type: 'string' },
      'to-manager': { type: 'string' },
      on: { type: 'string' },
      reason: { type: 'string' },
    },
    run: async (values, db) =>
      withBackend(db, async (b) => {
        const r = await b.registry.call('assignments/reassign', {
          fromManagerId: positiveInt(values, 'from-manager'),
          toManagerId: positiveInt(values, 'to-manager'),
          on: requiredDate(values, 'on'),
          reason: requiredString(values, 'reason'),
        });
        return {
          json: r,
          text: `已移交 ${r.roles} 个客户角色、${r.teamMembers} 个项目组成员（${r.customers.length} 个客户）`,
        };
      }),
  },
  {
    name: 'managers problems',
    summary: '列出缺A/B角或缺专人的客户（R20 工作清单）/ customers missing an A, B or responsible manager',
    usage: 'kam managers problems [--db PATH] [--date D] [--json]',
    options: { date: { type: 'string' } },
    run: async (values, db) =>
      withDated(db, values, async (b) => {
        const rows = await b.registry.call('assignments/problems', { date: dateOption(values) });
        const text =
          rows.length === 0
            ? '（无）'
            : rows.map((r) => `${r.customerId}\t${r.customerName}\t${r.problems.join('；')}`).join('\n');
        return { json: rows, text };
      }),
  },
  {
    name: 'managers changes',
    summary: '预览（或 --commit 导入）客户经理变动表（R30）/ preview or commit a 客户经理变动 sheet',
    usage: 'kam managers changes FILE [--db PATH] [--date D] [--commit] [--exclude-errors] [--json]',
    options: { date: { type: 'string' }, commit: { type: 'boolean' }, 'exclude-errors': { type: 'boolean' } },
    positionals: true,
    run: async (values, db, io) =>
      withDated(db, values, async (b) => {
        const path = io.positionals?.[0];
        if (path === undefined) throw new AppError('VALIDATION', '请给出客户经理变动表文件');
        const preview = await b.registry.call('manager-changes/preview', { path });
        const c = preview.counts;
        const text = [
          `${preview.fileName}：可登记 ${c.ready} 条变动（逾期 ${c.late} 条），${c.errorRows} 行有错误，警告 ${c.warnings}`,
          ...preview.rows.map(
            (r) =>
              `  第 ${r.row} 行 ${r.summary}（生效 ${r.effectiveOn}，应于 ${r.dueOn} 前报送${r.late ? '，逾期' : ''}）`,
          ),
          ...preview.issues.map(
            (i) =>
              `  ${i.severity === 'error' ? '错误' : '警告'} ${i.sheet}${i.row ? ` 第 ${i.row} 行` : ''}${i.column ? ` ${i.column} 列` : ''}：${i.message}`,
          ),
        ];
        if (values.commit !== true) return { json: { preview }, text: text.join('\n') };
        const batch = await b.registry.call('manager-changes/commit', {
          token: preview.token,
          excludeErrorRows: values['exclude-errors'] === true,
        });
        text.push(`  已登记为第 ${batch.id} 批（撤销：kam managers changes-undo ${batch.id}）`);
        return { json: { preview, batch }, text: text.join('\n') };
      }),
  },
  {
    name: 'managers changes-undo',
    summary: '撤销一批客户经理变动（其后无依赖记录时）/ undo a 客户经理变动 batch',
    usage: 'kam managers changes-undo BATCH [--db PATH] [--json]',
    options: {},
    positionals: true,
    run: async (_values, db, io) =>
      withBackend(db, async (b) => {
        const raw = io.positionals?.[0] ?? '';
        if (!/^\d+$/.test(raw)) throw new AppError('VALIDATION', `请给出批次号，收到：${echo(raw || '（未提供）')}`);
        const batch = await b.registry.call('manager-changes/undo', { batchId: Number(raw) });
        return { json: batch, text: `已撤销第 ${batch.id} 批（${batch.items} 条变动）` };
      }),
  },
];

async function diffCommand(db: string, customerId: string, from: number, to: number) {
  return withBackend(db, async (b) => {
    const d = await b.registry.call('archives/diff', { customerId, from, to });
    const text =
      d.changes.length === 0
        ? `第 ${from} 版与第 ${to} 版相同`
        : d.changes
            .map((c) =>
              c.kind === 'added'
                ? `+ ${c.path}：${c.after}`
                : c.kind === 'removed'
                  ? `- ${c.path}：${c.before}`
                  : `~ ${c.path}：${c.before ?? '（空）'} → ${c.after ?? '（空）'}`,
            )
            .join('\n');
    return { json: d, text };
  });
}
