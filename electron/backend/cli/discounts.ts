/**
 * `kam discounts` (R29), through the app's handlers: request a tariff discount, decide the step
 * waiting (approve, or reject with a comment), withdraw, list. Rates are typed as money (12.50).
 */
import { AppError } from '../../../shared/api/errors';
import type { DiscountStatus, DiscountView } from '../../../shared/api/types-discounts';
import { formatBp } from '../../../shared/domain/discounts/approval';
import { LINE_NAMES_ZH, type RevenueLine } from '../../../shared/domain/lines';
import { fenToYuanString } from '../../../shared/domain/money';
import { withExisting } from './backend';
import { type Command, opt, required } from './command';

const STATUS_ZH: Record<DiscountStatus, string> = {
  pending: '审批中',
  approved: '已批准',
  rejected: '已驳回',
  withdrawn: '已撤回',
};

/** The line as typed: its identifier (express) or its Chinese name (特快). */
function lineOf(text: string): RevenueLine {
  const found = (Object.entries(LINE_NAMES_ZH) as [RevenueLine, string][]).find(([k, zh]) => k === text || zh === text);
  if (!found)
    throw new AppError('VALIDATION', {
      zh: `--line 应为业务种类，如 express 或 特快：${text}`,
      en: `--line is a line, e.g. express or 特快: ${text}`,
    });
  return found[0];
}

function discountId(positionals: string[] | undefined): number {
  const [raw, ...extra] = positionals ?? [];
  if (!raw || !/^\d{1,9}$/.test(raw) || extra.length > 0)
    throw new AppError('VALIDATION', {
      zh: '请给出一个资费优惠申请编号，如 kam discounts decide 3 --approve',
      en: 'Give one discount request number, e.g. kam discounts decide 3 --approve',
    });
  return Number(raw);
}

const chain = (d: DiscountView) =>
  d.steps
    .map(
      (s) =>
        `${s.label.zh}${s.decision ? (s.decision.decision === 'approve' ? '✓' : '✗') : d.currentStep === s.index ? '…' : ''}`,
    )
    .join(' → ');

const row = (d: DiscountView) =>
  [
    d.id,
    d.customerId,
    LINE_NAMES_ZH[d.line],
    `${fenToYuanString(d.standardRate)}→${fenToYuanString(d.proposedRate)}/${d.rateUnit}`,
    formatBp(d.depthBp),
    `${d.validFrom}..${d.validTo}`,
    STATUS_ZH[d.status],
    chain(d),
  ].join('\t');

export const DISCOUNT_COMMANDS: Command[] = [
  {
    name: 'discounts add',
    summary: '申请资费优惠（R29：按规则确定审批环节，逐级审批后方可执行）/ request a tariff discount',
    usage:
      'kam discounts add --customer ID --line LINE --standard X --proposed Y [--unit U] [--volume V] --reason T\n' +
      '      --from YYYY-MM-DD --to YYYY-MM-DD [--db PATH] [--json]\n' +
      '      X, Y: rates in yuan per charging unit (--unit, default 件); V: expected charging units a month',
    options: {
      customer: { type: 'string' },
      line: { type: 'string' },
      standard: { type: 'string' },
      proposed: { type: 'string' },
      unit: { type: 'string' },
      volume: { type: 'string' },
      reason: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const volume = opt(values, 'volume');
        if (volume !== null && !/^\d{1,9}$/.test(volume.replace(/,/g, '')))
          throw new AppError('VALIDATION', { zh: '--volume 应为整数', en: '--volume is a whole number' });
        const d = await b.registry.call('discounts/add', {
          customerId: required(values, 'customer'),
          line: lineOf(required(values, 'line')),
          rateUnit: opt(values, 'unit') ?? '件',
          standardRate: required(values, 'standard'),
          proposedRate: required(values, 'proposed'),
          monthlyVolume: volume === null ? null : Number(volume.replace(/,/g, '')),
          reason: required(values, 'reason'),
          validFrom: required(values, 'from'),
          validTo: required(values, 'to'),
        });
        return {
          json: d,
          text: `已提交资费优惠申请 #${d.id}：${d.customerName} ${LINE_NAMES_ZH[d.line]} 优惠 ${formatBp(d.depthBp)}\n审批环节：${chain(d)}`,
        };
      }),
  },
  {
    name: 'discounts decide',
    summary: '审批当前环节：同意，或驳回（须写审批意见）/ decide the step waiting: approve, or reject with a comment',
    usage: 'kam discounts decide N --approve|--reject [--comment T] [--by NAME] [--db PATH] [--json]',
    options: {
      approve: { type: 'boolean' },
      reject: { type: 'boolean' },
      comment: { type: 'string' },
      by: { type: 'string' },
    },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const id = discountId(io.positionals);
        if ((values.approve === true) === (values.reject === true))
          throw new AppError('VALIDATION', {
            zh: '请给出 --approve 或 --reject 之一',
            en: 'Give one of --approve or --reject',
          });
        const d = await b.registry.call('discounts/decide', {
          id,
          decision: values.approve === true ? 'approve' : 'reject',
          step: null,
          approver: opt(values, 'by'),
          comment: opt(values, 'comment'),
        });
        return { json: d, text: `资费优惠 #${d.id}：${STATUS_ZH[d.status]}\n${chain(d)}` };
      }),
  },
  {
    name: 'discounts withdraw',
    summary: '撤回审批中的资费优惠申请 / withdraw a pending discount request',
    usage: 'kam discounts withdraw N --reason T [--db PATH] [--json]',
    options: { reason: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const d = await b.registry.call('discounts/withdraw', {
          id: discountId(io.positionals),
          reason: required(values, 'reason'),
        });
        return { json: d, text: `资费优惠 #${d.id}：${STATUS_ZH[d.status]}` };
      }),
  },
  {
    name: 'discounts list',
    summary: '列出资费优惠申请 / list discount requests',
    usage:
      'kam discounts list [--customer ID] [--status pending|approved|rejected|withdrawn] [--unit CODE] [--db PATH] [--json]',
    options: { customer: { type: 'string' }, status: { type: 'string' }, unit: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const rows = await b.registry.call('discounts/list', {
          customerId: opt(values, 'customer'),
          status: opt(values, 'status') as DiscountStatus | null,
          unitCode: opt(values, 'unit'),
        });
        return { json: rows, text: rows.length === 0 ? '（无）' : rows.map(row).join('\n') };
      }),
  },
];
