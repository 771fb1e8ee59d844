/**
 * `kam developments` and `kam logs` (R21–R22), through the app's handlers: open a development,
 * move it on (a diamond's stage with no entry needs --reason, R22), list them; record and list
 * marketing log entries.
 */
import { LINE_NAMES_ZH } from '../../../shared/domain/lines';
import { STAGE_NAMES } from '../../../shared/domain/marketing/development';
import { withExisting } from './backend';
import { type Command, opt, recordId, required, wholeNumber } from './command';

const STATUS_ZH = { open: '进行中', won: '已签约', lost: '未成' } as const;

export const MARKETING_COMMANDS: Command[] = [
  {
    name: 'developments add',
    summary: '新建开发项目（每个客户每项业务一个）/ open a development (one per customer and line)',
    usage:
      'kam developments add --customer ID --line LINE [--title T] [--expected AMOUNT] [--expected-on D]\n' +
      '      [--manager N] [--date D] [--db PATH] [--json]',
    options: {
      customer: { type: 'string' },
      line: { type: 'string' },
      title: { type: 'string' },
      expected: { type: 'string' },
      'expected-on': { type: 'string' },
      manager: { type: 'string' },
      date: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const d = await b.registry.call('developments/add', {
          customerId: required(values, 'customer'),
          line: required(values, 'line') as 'savings',
          title: opt(values, 'title'),
          expectedRevenueFen: opt(values, 'expected'),
          expectedOn: opt(values, 'expected-on'),
          managerId: wholeNumber(values, 'manager'),
          date: opt(values, 'date'),
        });
        return { json: d, text: `已新建开发项目 #${d.id}：${d.customerName} ${LINE_NAMES_ZH[d.line]}` };
      }),
  },
  {
    name: 'developments move',
    summary:
      '推进开发项目到某阶段，或以 lost 关闭（须写原因）/ move a development on, or close it lost (with the reason)',
    usage:
      'kam developments move N --to proposal|quotation|agreement|lost [--reason R] [--date D] [--db PATH] [--json]',
    options: { to: { type: 'string' }, reason: { type: 'string' }, date: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const r = await b.registry.call('developments/move', {
          id: recordId(io.positionals, { zh: '开发项目', en: 'development' }, 'kam developments move 3 --to quotation'),
          to: required(values, 'to') as 'lost',
          reason: opt(values, 'reason'),
          date: opt(values, 'date'),
        });
        const d = r.development;
        const lines = [`开发项目 #${d.id}：${d.status === 'open' ? STAGE_NAMES[d.stage].zh : STATUS_ZH[d.status]}`];
        if (r.agreementSince !== null) lines.push(`客户协议日期记为 ${r.agreementSince}（R5、R19c）`);
        if (r.leadToB !== null) lines.push(r.leadToB.moved ? '改由B角维护（R20）' : r.leadToB.reason.zh);
        return { json: r, text: lines.join('\n') };
      }),
  },
  {
    name: 'developments list',
    summary: '列出开发项目 / list developments',
    usage:
      'kam developments list [--customer ID] [--status open|won|lost] [--unit CODE] [--date D] [--db PATH] [--json]',
    options: {
      customer: { type: 'string' },
      status: { type: 'string' },
      unit: { type: 'string' },
      date: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const rows = await b.registry.call('developments/list', {
          customerId: opt(values, 'customer'),
          status: opt(values, 'status') as 'open' | null,
          unitCode: opt(values, 'unit'),
          date: opt(values, 'date'),
        });
        const text =
          rows.length === 0
            ? '（无）'
            : rows
                .map((d) =>
                  [
                    d.id,
                    d.customerId,
                    LINE_NAMES_ZH[d.line],
                    d.status === 'open' ? STAGE_NAMES[d.stage].zh : STATUS_ZH[d.status],
                    d.stuckSince === null ? '' : `停滞（${d.stuckSince} 起）`,
                  ].join('\t'),
                )
                .join('\n');
        return { json: rows, text };
      }),
  },
  {
    name: 'logs add',
    summary: '记营销日志（附件5）/ record a marketing log entry',
    usage:
      'kam logs add --customer ID --date D --method visit|phone|meeting|message --content T [--development N]\n' +
      '      [--stage contact|proposal|quotation|agreement] [--ours T] [--theirs T] [--needs T] [--cooperation T]\n' +
      '      [--satisfaction 1-5] [--summary] [--unit CODE] [--manager N] [--db PATH] [--json]',
    options: {
      customer: { type: 'string' },
      date: { type: 'string' },
      method: { type: 'string' },
      content: { type: 'string' },
      development: { type: 'string' },
      stage: { type: 'string' },
      ours: { type: 'string' },
      theirs: { type: 'string' },
      needs: { type: 'string' },
      cooperation: { type: 'string' },
      satisfaction: { type: 'string' },
      summary: { type: 'boolean' },
      unit: { type: 'string' },
      manager: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const l = await b.registry.call('logs/add', {
          customerId: required(values, 'customer'),
          date: required(values, 'date'),
          method: required(values, 'method') as 'visit',
          content: required(values, 'content'),
          developmentId: wholeNumber(values, 'development'),
          stage: opt(values, 'stage') as 'contact' | null,
          ourParticipants: opt(values, 'ours'),
          theirParticipants: opt(values, 'theirs'),
          needs: opt(values, 'needs'),
          cooperation: opt(values, 'cooperation'),
          satisfaction: wholeNumber(values, 'satisfaction'),
          summary: values.summary === true,
          unitCode: opt(values, 'unit'),
          managerId: wholeNumber(values, 'manager'),
        });
        return { json: l, text: `已记营销日志 #${l.id}：${l.customerName} ${l.date}` };
      }),
  },
  {
    name: 'logs list',
    summary: '列出营销日志 / list marketing log entries',
    usage: 'kam logs list [--customer ID] [--development N] [--unit CODE] [--from D] [--to D] [--db PATH] [--json]',
    options: {
      customer: { type: 'string' },
      development: { type: 'string' },
      unit: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const rows = await b.registry.call('logs/list', {
          customerId: opt(values, 'customer'),
          developmentId: wholeNumber(values, 'development'),
          unitCode: opt(values, 'unit'),
          from: opt(values, 'from'),
          to: opt(values, 'to'),
        });
        const text =
          rows.length === 0
            ? '（无）'
            : rows
                .map((l) =>
                  [l.id, l.date, l.customerId, l.stage === null ? '季度小结' : STAGE_NAMES[l.stage].zh, l.content].join(
                    '\t',
                  ),
                )
                .join('\n');
        return { json: rows, text };
      }),
  },
];
