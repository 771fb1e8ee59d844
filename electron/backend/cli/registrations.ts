/**
 * `kam registrations …`, `kam dupcheck` and `kam applications …` (R19, R19a–c): the same channels
 * as the app. `--date D` stands in for today. Units by their code (`--unit 440515`).
 */

import { AppError } from '../../../shared/api/errors';
import type { RegistrationMatch } from '../../../shared/api/registration-types';
import { echo } from '../../../shared/domain/bilingual';
import { isProductLine } from '../../../shared/domain/lines';
import { REGISTRATION_STATE_NAMES_ZH } from '../../../shared/domain/registration/states';
import type { Backend } from '../index';
import { withExisting } from './backend';
import { type Command, opt, required, type Values } from './command';

function numberArg(positionals: string[] | undefined, what: string, example: string): number {
  const [raw, ...extra] = positionals ?? [];
  if (!raw || !/^\d{1,9}$/.test(raw) || Number(raw) < 1 || extra.length > 0) {
    throw new AppError('VALIDATION', {
      zh: `请给出一个${what}编号，如 ${example}`,
      en: `Give one ${what === '申报' ? 'registration' : 'application'} number, e.g. ${example}`,
    });
  }
  return Number(raw);
}

export async function unitId(b: Backend, code: string): Promise<number> {
  const units = await b.registry.call('units/list', { includeRetired: true });
  const unit = units.find((u) => u.code === code);
  if (!unit) {
    throw new AppError('VALIDATION', {
      zh: `单位代码 ${echo(code)} 不在单位表中`,
      en: `Unit code ${echo(code)} is not in the unit table`,
    });
  }
  return unit.id;
}

/** Exactly one of two flags. */
function either(values: Values, yes: string, no: string): boolean {
  const a = values[yes] === true;
  const b = values[no] === true;
  if (a === b) {
    throw new AppError('VALIDATION', {
      zh: `请给出 --${yes} 或 --${no} 之一`,
      en: `Give one of --${yes} and --${no}`,
    });
  }
  return a;
}

const CLOCK_ZH = { confirmed: '已确认', running: '期限内', warning: '即将到期', lapsed: '已到期，可释放' } as const;

const matchesText = (matches: readonly RegistrationMatch[]): string =>
  matches.length === 0 ? '  未发现重复' : matches.map((m) => `  ${m.message}`).join('\n');

export const REGISTRATION_COMMANDS: Command[] = [
  {
    name: 'dupcheck',
    summary:
      '按统一社会信用代码、规范化名称、电话查重（只显示持有单位与状态）/ duplicate check by credit code, normalised name, phone (R19a/b)',
    usage: 'kam dupcheck --name NAME [--credit-code C] [--phone P] [--db PATH] [--json]',
    options: { name: { type: 'string' }, 'credit-code': { type: 'string' }, phone: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const result = await b.registry.call('registrations/dupcheck', {
          name: required(values, 'name'),
          creditCode: opt(values, 'credit-code'),
          phone: opt(values, 'phone'),
        });
        return { json: result, text: matchesText(result.matches) };
      }),
  },
  {
    name: 'registrations add',
    summary: '登记一份注册申报（先查重）/ file a registration (R19), checked for duplicates first',
    usage:
      'kam registrations add --unit CODE --name NAME --area CODE [--credit-code C] [--phone P] [--address A]\n' +
      '      [--industry I] [--lines L,…] [--evidence TEXT] [--revenue AMOUNT] [--contact NAME] [--reason R] [--date D] [--db PATH] [--json]\n' +
      '      lines: savings,bills,letters,philately,express,logistics,parcels,newspapers; --date stands in for today',
    options: {
      unit: { type: 'string' },
      name: { type: 'string' },
      area: { type: 'string' },
      'credit-code': { type: 'string' },
      phone: { type: 'string' },
      address: { type: 'string' },
      industry: { type: 'string' },
      lines: { type: 'string' },
      evidence: { type: 'string' },
      revenue: { type: 'string' },
      contact: { type: 'string' },
      reason: { type: 'string' },
      date: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const lines = (opt(values, 'lines') ?? '')
          .split(/[,，]/)
          .map((l) => l.trim())
          .filter((l) => l !== '');
        const unknown = lines.find((l) => !isProductLine(l));
        if (unknown !== undefined) {
          throw new AppError('VALIDATION', {
            zh: `未知的业务种类：${echo(unknown)}`,
            en: `Unknown line: ${echo(unknown)}`,
          });
        }
        const r = await b.registry.call('registrations/add', {
          unitId: await unitId(b, required(values, 'unit')),
          name: required(values, 'name'),
          areaCode: required(values, 'area'),
          creditCode: opt(values, 'credit-code'),
          phone: opt(values, 'phone'),
          address: opt(values, 'address'),
          industry: opt(values, 'industry'),
          lines: lines as never,
          evidence: opt(values, 'evidence'),
          ...(opt(values, 'revenue') === null ? {} : { revenueFen: opt(values, 'revenue') as string }),
          contact: opt(values, 'contact'),
          reason: opt(values, 'reason'),
          date: opt(values, 'date'),
        });
        return {
          json: r,
          text: `已登记注册申报 #${r.id}（${REGISTRATION_STATE_NAMES_ZH[r.state]}${r.preReviewUnit ? `，由 ${r.preReviewUnit} 预审` : ''}）\n${matchesText(r.conflicts)}${r.needsRuling ? '\n  与其他单位的客户或更早的申报冲突：通过前须由市局大客户中心裁定' : ''}`,
        };
      }),
  },
  {
    name: 'registrations decide',
    summary: '注册申报前进一步：预审或审核，通过或驳回；冲突须裁定 / move a registration one step (R19)',
    usage:
      'kam registrations decide N (--approve | --reject) [--reason R] [--branch-of CUSTOMER] [--ruling signing_location|escalation]\n' +
      '      [--scope regional|comprehensive|professional] [--date D] [--db PATH] [--json]\n' +
      '      a rejection needs --reason; a ruling (the centre’s, at review) needs --reason: with --approve this registration wins, with --reject the holder',
    options: {
      approve: { type: 'boolean' },
      reject: { type: 'boolean' },
      reason: { type: 'string' },
      'branch-of': { type: 'string' },
      ruling: { type: 'string' },
      scope: { type: 'string' },
      date: { type: 'string' },
    },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const id = numberArg(io.positionals, '申报', 'kam registrations decide 3 --approve');
        const approve = either(values, 'approve', 'reject');
        const r = await b.registry.call('registrations/decide', {
          id,
          approve,
          reason: opt(values, 'reason'),
          branchOf: opt(values, 'branch-of'),
          ruling: opt(values, 'ruling') as never,
          scope: opt(values, 'scope') as never,
          date: opt(values, 'date'),
        });
        const text = `注册申报 #${r.id}：${REGISTRATION_STATE_NAMES_ZH[r.state]}${r.customerId ? `，客户编号 ${r.customerId}` : ''}`;
        return { json: r, text };
      }),
  },
  {
    name: 'registrations list',
    summary: '列出注册申报与归属期限（到期提醒、可释放）/ list registrations with the ownership clock (R19c)',
    usage:
      'kam registrations list [--state pre_review|review|approved|rejected|released] [--unit CODE]\n' +
      '      [--clock running|warning|lapsed|confirmed] [--date D] [--db PATH] [--json]',
    options: {
      state: { type: 'string' },
      unit: { type: 'string' },
      clock: { type: 'string' },
      date: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const unit = opt(values, 'unit');
        const rows = await b.registry.call('registrations/list', {
          state: opt(values, 'state') as never,
          unitId: unit === null ? null : await unitId(b, unit),
          clock: opt(values, 'clock') as never,
          date: opt(values, 'date'),
        });
        const text =
          rows.length === 0
            ? '（无）'
            : rows
                .map((r) =>
                  [
                    r.id,
                    r.unit,
                    r.name,
                    REGISTRATION_STATE_NAMES_ZH[r.state],
                    r.customerId ?? '',
                    r.clock ? `${CLOCK_ZH[r.clock.state]}（${r.clock.lapsesOn} 到期）` : '',
                  ].join('\t'),
                )
                .join('\n');
        return { json: rows, text };
      }),
  },
  {
    name: 'registrations show',
    summary: '一份注册申报的步骤、查重、冲突双方与裁定 / one registration: steps, matches, both sides, rulings',
    usage: 'kam registrations show N [--date D] [--db PATH] [--json]',
    options: { date: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const id = numberArg(io.positionals, '申报', 'kam registrations show 3');
        const r = await b.registry.call('registrations/get', { id, date: opt(values, 'date') });
        const text = [
          `#${r.id} ${r.name}（${r.unit}，${REGISTRATION_STATE_NAMES_ZH[r.state]}）`,
          ...r.steps.map(
            (s) => `  ${s.decidedOn} ${s.step} ${s.decision} ${s.unit ?? ''} ${s.actor} ${s.opinion ?? ''}`,
          ),
          matchesText(r.matches),
        ].join('\n');
        return { json: r, text };
      }),
  },
  {
    name: 'registrations release',
    summary:
      '释放归属期满仍未确认的客户（编号不变，原单位在禁止期内不能再申报）/ release an unconfirmed customer (R19c)',
    usage: 'kam registrations release N --reason R [--date D] [--db PATH] [--json]',
    options: { reason: { type: 'string' }, date: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const id = numberArg(io.positionals, '申报', 'kam registrations release 3 --reason …');
        const r = await b.registry.call('registrations/release', {
          id,
          reason: required(values, 'reason'),
          date: opt(values, 'date'),
        });
        return {
          json: r,
          text: `已释放客户 ${r.customerId}（原单位 ${r.previousUnit}，${r.barUntil} 前不能重新申报）`,
        };
      }),
  },
  {
    name: 'applications add',
    summary: '登记营销申报：营销其他单位的客户 / file a marketing application for another unit’s customer (R19)',
    usage:
      'kam applications add --customer ID --unit CODE --plan TEXT --from D --until D --expected-revenue AMOUNT [--date D] [--db PATH] [--json]',
    options: {
      customer: { type: 'string' },
      unit: { type: 'string' },
      plan: { type: 'string' },
      from: { type: 'string' },
      until: { type: 'string' },
      'expected-revenue': { type: 'string' },
      date: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const r = await b.registry.call('applications/add', {
          customerId: required(values, 'customer'),
          unitId: await unitId(b, required(values, 'unit')),
          plan: required(values, 'plan'),
          startsOn: required(values, 'from'),
          untilOn: required(values, 'until'),
          expectedRevenueFen: required(values, 'expected-revenue'),
          date: opt(values, 'date'),
        });
        return { json: r, text: `已登记营销申报 #${r.id}，待 ${r.ownerUnit} 出具意见` };
      }),
  },
  {
    name: 'applications decide',
    summary: '营销申报：先由客户所属单位出具意见，再由市局大客户中心裁定 / owner’s opinion, then the centre’s ruling',
    usage:
      'kam applications decide N (--approve | --reject) --opinion TEXT [--attribution PCT --end D] [--date D] [--db PATH] [--json]\n' +
      '      first decision: the owner unit’s opinion; second: the centre’s ruling (an approval needs --attribution 0–100 and --end)',
    options: {
      approve: { type: 'boolean' },
      reject: { type: 'boolean' },
      opinion: { type: 'string' },
      attribution: { type: 'string' },
      end: { type: 'string' },
      date: { type: 'string' },
    },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const id = numberArg(io.positionals, '营销申报', 'kam applications decide 2 --approve --opinion 同意');
        const attribution = opt(values, 'attribution');
        if (attribution !== null && !/^\d{1,3}$/.test(attribution)) {
          throw new AppError('VALIDATION', {
            zh: '--attribution 应为 0–100 的整数（百分比）',
            en: '--attribution is a whole percentage 0–100',
          });
        }
        const r = await b.registry.call('applications/decide', {
          id,
          approve: either(values, 'approve', 'reject'),
          opinion: required(values, 'opinion'),
          attributionPercent: attribution === null ? null : Number(attribution),
          endOn: opt(values, 'end'),
          date: opt(values, 'date'),
        });
        return { json: r, text: `营销申报 #${r.id}：${r.state}` };
      }),
  },
  {
    name: 'applications list',
    summary: '列出营销申报（member：当日是否为客户团队成员）/ list marketing applications',
    usage: 'kam applications list [--customer ID] [--unit CODE] [--date D] [--db PATH] [--json]',
    options: { customer: { type: 'string' }, unit: { type: 'string' }, date: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const unit = opt(values, 'unit');
        const rows = await b.registry.call('applications/list', {
          customerId: opt(values, 'customer'),
          unitId: unit === null ? null : await unitId(b, unit),
          date: opt(values, 'date'),
        });
        const text =
          rows.length === 0
            ? '（无）'
            : rows
                .map((r) => [r.id, r.customerId, r.unit, r.state, r.endOn ?? '', r.member ? '团队成员' : ''].join('\t'))
                .join('\n');
        return { json: rows, text };
      }),
  },
  {
    name: 'inbox list',
    summary:
      '模板收件箱：单位报送模板中的新客户申报和营销申报（默认待受理）/ the inbox of the units’ template rows (pending by default)',
    usage:
      'kam inbox list [--state pending|filed|declined|withdrawn|all] [--kind registration|application] [--unit CODE] [--batch N] [--db PATH] [--json]',
    options: {
      state: { type: 'string' },
      kind: { type: 'string' },
      unit: { type: 'string' },
      batch: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const unit = opt(values, 'unit');
        const batch = opt(values, 'batch');
        const state = opt(values, 'state') ?? 'pending';
        const rows = await b.registry.call('inbox/list', {
          state: state === 'all' ? null : (state as 'pending'),
          kind: opt(values, 'kind') as 'registration' | null,
          unitId: unit === null ? null : await unitId(b, unit),
          batchId: batch === null ? null : Number(batch),
        });
        const text =
          rows.length === 0
            ? '（无）'
            : rows
                .map((r) =>
                  [
                    r.id,
                    r.kind === 'registration' ? '新客户申报' : '营销申报',
                    r.unit,
                    `${r.sheet}第${r.row}行`,
                    r.registration?.name ?? `${r.application?.customerId} ${r.application?.plan}`,
                    r.state,
                    r.matches.length > 0 ? `疑似重复 ${r.matches.length}` : '',
                  ].join('\t'),
                )
                .join('\n');
        return { json: rows, text };
      }),
  },
  {
    name: 'inbox file',
    summary:
      '受理：把收件转为注册申报或营销申报（全部成功或全部不受理）/ file inbox rows as registrations or applications, all or none',
    usage: 'kam inbox file N [N …] [--date D] [--db PATH] [--json]',
    options: { date: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const ids = inboxIds(io.positionals ?? [], 'kam inbox file 3 4');
        const r = await b.registry.call('inbox/file', { ids, date: opt(values, 'date') });
        const text = r.filed
          .map((f) =>
            f.registrationId !== null
              ? `收件 #${f.id} → 注册申报 #${f.registrationId}（${f.state}）`
              : `收件 #${f.id} → 营销申报 #${f.applicationId}（${f.state}）`,
          )
          .join('\n');
        return { json: r, text };
      }),
  },
  {
    name: 'inbox decline',
    summary: '不予受理收件，写明理由（单位回执中告知）/ decline inbox rows with the reason the unit’s receipt tells',
    usage: 'kam inbox decline N [N …] --reason R [--db PATH] [--json]',
    options: { reason: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const ids = inboxIds(io.positionals ?? [], 'kam inbox decline 3 --reason 信息不全');
        const rows = await b.registry.call('inbox/decline', { ids, reason: required(values, 'reason') });
        return { json: rows, text: `已不予受理 ${rows.length} 条` };
      }),
  },
];

/** Positional inbox ids (`kam inbox file 3 4`). */
function inboxIds(positionals: readonly string[], example: string): number[] {
  if (positionals.length === 0 || positionals.some((p) => !/^\d{1,9}$/.test(p)))
    throw new AppError('VALIDATION', {
      zh: `请给出收件编号，例如 ${example}`,
      en: `Give the inbox numbers, e.g. ${example}`,
    });
  return positionals.map(Number);
}
