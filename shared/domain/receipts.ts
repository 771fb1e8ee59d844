/**
 * 回执: what the centre tells one unit about one month (the round trip with offline units): its
 * registrations decided (approved with their new IDs, rejected with the reason), the conflicts
 * ruled and why, customers released from it, its marketing applications decided, what its
 * templates' 新客户申报 and 营销申报 became (filed, or declined with the reason), its archives
 * due, its customers missing A/B roles, what was received from it and when, its key customers short
 * of visits (R23), its complaints overdue (R33), its discounts decided (R29) and what became of the
 * service rows its templates sent (营销日志, 拜访记录, 投诉登记, 资费优惠申请). Pure: the facts
 * in, the sheets' rows out (the workbook writer only lays them out).
 */
import { LINE_NAMES_ZH, type RevenueLine } from './lines';
import { fenToYuanString } from './money';
import { formatPeriodZh, type Period } from './periods';
import { REGISTRATION_STATE_NAMES_ZH } from './registration/states';
import {
  SUBMISSION_FORM_NAMES_ZH,
  SUBMISSION_STATUS_NAMES_ZH,
  type SubmissionForm,
  type SubmissionStatus,
} from './submissions/tracker';
import { UNSAFE_FILE_CHARS } from './templates/layout';
import { TIER_NAMES_ZH, type Tier } from './tiers';

export interface ReceiptFacts {
  unit: { code: string; name: string };
  period: string;
  generatedOn: string;
  registrations: {
    id: number;
    name: string;
    registeredOn: string;
    state: keyof typeof REGISTRATION_STATE_NAMES_ZH;
    decidedOn: string | null;
    customerId: string | null;
    reason: string | null;
  }[];
  rulings: {
    registrationId: number;
    name: string;
    /** Whether the ruling went this unit's way. */
    forUnit: boolean;
    basis: 'signing_location' | 'escalation';
    reason: string;
    ruledOn: string;
  }[];
  releases: { customerId: string; name: string; releasedOn: string; reason: string; barUntil: string | null }[];
  applications: {
    id: number;
    customerName: string;
    state: 'owner_opinion' | 'ruling' | 'granted' | 'refused';
    decidedOn: string | null;
    attributionPercent: number | null;
    endOn: string | null;
    reason: string | null;
  }[];
  /**
   * What the unit sent in its templates' 新客户申报 and 营销申报 (DOMAIN-DECISIONS "Template
   * intake"): still waiting, or received or decided in the month.
   */
  inbox: {
    kind: 'registration' | 'application';
    name: string;
    sheet: string;
    row: number;
    receivedOn: string;
    state: 'pending' | 'filed' | 'declined' | 'withdrawn';
    decidedOn: string | null;
    /** Filed as registration or application N. */
    filedAs: number | null;
    reason: string | null;
  }[];
  archivesDue: { customerId: string; name: string; tier: Tier; dueOn: string; overdue: boolean }[];
  missingRoles: { customerId: string; name: string; tier: Tier; problems: string[] }[];
  received: { form: SubmissionForm; status: SubmissionStatus; dueOn: string; receivedAt: string | null }[];
  /** R23: the unit's key customers (responsible unit, R15) short of held visits in the month. */
  visitsShort: { customerId: string; name: string; tier: Tier; required: number; held: number; short: number }[];
  /** R33: complaints the unit received with a missed clock — open and overdue, or closed in the month late. */
  complaintsOverdue: {
    id: number;
    customerId: string;
    name: string;
    /** Local wall-clock times, YYYY-MM-DDTHH:MM. */
    receivedAt: string;
    status: 'open' | 'contacted' | 'paused' | 'closed';
    missed: ('log' | 'contact' | 'close')[];
    deadlines: { log: string; contact: string; close: string | null };
    closedAt: string | null;
  }[];
  /** R29: its customers' discount requests approved or rejected in the month. */
  discountsDecided: {
    id: number;
    customerId: string;
    name: string;
    line: RevenueLine;
    rateUnit: string;
    /** Fen per charging unit. */
    standardRate: number;
    proposedRate: number;
    status: 'approved' | 'rejected';
    validFrom: string;
    validTo: string;
    decidedOn: string;
    comment: string | null;
  }[];
  /** What became of each 营销日志/拜访记录/投诉登记/资费优惠申请 row its templates sent in the month. */
  serviceRows: {
    kind: 'log' | 'visit' | 'complaint' | 'discount';
    sheet: string;
    row: number;
    customerId: string;
    state: 'accepted' | 'refused' | 'withdrawn';
    recordId: number | null;
    reason: string | null;
    receivedOn: string;
  }[];
}

export type Row = (string | number | null)[];
export interface ReceiptSheet {
  name: string;
  /** Column headers, then rows; an empty list says so in one row. */
  header: string[];
  rows: Row[];
  widths: number[];
  empty: string;
}

const SERVICE_KIND_ZH = { log: '营销日志', visit: '拜访', complaint: '投诉', discount: '资费优惠申请' } as const;
const SERVICE_STATE_ZH = { accepted: '已受理', refused: '不予受理', withdrawn: '已撤回' } as const;
const COMPLAINT_STATUS_ZH = { open: '待联系', contacted: '处理中', paused: '暂停', closed: '已结案' } as const;
const MISSED_ZH = { log: '未当日登记', contact: '未在 24 小时内联系', close: '未按期结案' } as const;
const minute = (at: string | null) => (at === null ? null : at.replace('T', ' '));

const INBOX_STATE_ZH = { pending: '待受理', filed: '已受理', declined: '不予受理', withdrawn: '已撤回' } as const;

const BASIS_ZH = { signing_location: '合同签订地优先', escalation: '上报裁定' } as const;
const APPLICATION_STATE_ZH = {
  owner_opinion: '待归属单位意见',
  ruling: '待中心裁定',
  granted: '已批准',
  refused: '未批准',
};

export function receiptSheets(f: ReceiptFacts): ReceiptSheet[] {
  return [
    {
      name: '注册申报结果',
      header: ['申报号', '客户名称', '申报日期', '状态', '处理日期', '客户编号', '说明'],
      rows: f.registrations.map((r) => [
        r.id,
        r.name,
        r.registeredOn,
        REGISTRATION_STATE_NAMES_ZH[r.state],
        r.decidedOn,
        r.customerId,
        r.reason,
      ]),
      widths: [8, 36, 12, 10, 12, 18, 40],
      empty: '本月没有本单位的注册申报。',
    },
    {
      name: '冲突裁定',
      header: ['申报号', '客户名称', '裁定结果', '裁定依据', '理由', '裁定日期'],
      rows: f.rulings.map((r) => [
        r.registrationId,
        r.name,
        r.forUnit ? '归本单位' : '不归本单位',
        BASIS_ZH[r.basis],
        r.reason,
        r.ruledOn,
      ]),
      widths: [8, 36, 12, 16, 44, 12],
      empty: '本月没有涉及本单位的冲突裁定。',
    },
    {
      name: '客户释放',
      header: ['客户编号', '客户名称', '释放日期', '理由', '不得再次申报至'],
      rows: f.releases.map((r) => [r.customerId, r.name, r.releasedOn, r.reason, r.barUntil]),
      widths: [18, 36, 12, 40, 16],
      empty: '本月没有从本单位释放的客户。',
    },
    {
      name: '营销申报结果',
      header: ['申报号', '客户名称', '状态', '处理日期', '收入归属比例(%)', '截止日期', '说明'],
      rows: f.applications.map((a) => [
        a.id,
        a.customerName,
        APPLICATION_STATE_ZH[a.state],
        a.decidedOn,
        a.attributionPercent,
        a.endOn,
        a.reason,
      ]),
      widths: [8, 36, 14, 12, 16, 12, 40],
      empty: '本月没有本单位的营销申报。',
    },
    {
      name: '模板申报受理',
      header: ['类型', '客户名称', '来源', '收到日期', '状态', '处理日期', '受理编号', '说明'],
      rows: f.inbox.map((s) => [
        s.kind === 'registration' ? '新客户申报' : '营销申报',
        s.name,
        `${s.sheet} 第 ${s.row} 行`,
        s.receivedOn,
        INBOX_STATE_ZH[s.state],
        s.decidedOn,
        s.filedAs === null ? null : `${s.kind === 'registration' ? '注册申报' : '营销申报'} #${s.filedAs}`,
        s.state === 'withdrawn' ? '所在导入批次已撤销' : s.reason,
      ]),
      widths: [12, 36, 18, 12, 10, 12, 16, 40],
      empty: '本月没有收到本单位模板中的新客户申报或营销申报。',
    },
    {
      name: '档案到期',
      header: ['客户编号', '客户名称', '等级', '应更新日期', '状态'],
      rows: f.archivesDue.map((a) => [
        a.customerId,
        a.name,
        TIER_NAMES_ZH[a.tier],
        a.dueOn,
        a.overdue ? '已逾期' : '即将到期',
      ]),
      widths: [18, 36, 8, 14, 10],
      empty: '本单位客户的档案均未到期。',
    },
    {
      name: '缺少AB角',
      header: ['客户编号', '客户名称', '等级', '问题'],
      rows: f.missingRoles.map((m) => [m.customerId, m.name, TIER_NAMES_ZH[m.tier], m.problems.join('；')]),
      widths: [18, 36, 8, 60],
      empty: '本单位白银及以上客户的 A/B 角均已配齐。',
    },
    {
      name: '拜访不足',
      header: ['客户编号', '客户名称', '等级', '应拜访次数', '已拜访次数', '尚缺次数'],
      rows: f.visitsShort.map((v) => [v.customerId, v.name, TIER_NAMES_ZH[v.tier], v.required, v.held, v.short]),
      widths: [18, 36, 8, 12, 12, 10],
      empty: '本月本单位的大客户拜访次数均已达到要求（R23）。',
    },
    {
      name: '投诉逾期',
      header: [
        '投诉号',
        '客户编号',
        '客户名称',
        '受理时间',
        '状态',
        '逾期事项',
        '应联系时间',
        '应结案时间',
        '结案时间',
      ],
      rows: f.complaintsOverdue.map((c) => [
        c.id,
        c.customerId,
        c.name,
        minute(c.receivedAt),
        COMPLAINT_STATUS_ZH[c.status],
        c.missed.map((m) => MISSED_ZH[m]).join('；'),
        minute(c.deadlines.contact),
        minute(c.deadlines.close),
        minute(c.closedAt),
      ]),
      widths: [8, 18, 30, 17, 8, 30, 17, 17, 17],
      empty: '本单位受理的投诉没有逾期（R33）。',
    },
    {
      name: '资费优惠结果',
      header: [
        '申请号',
        '客户编号',
        '客户名称',
        '业务',
        '标准资费(元)',
        '优惠资费(元)',
        '计费单位',
        '结果',
        '审批日期',
        '有效期',
        '审批意见',
      ],
      rows: f.discountsDecided.map((d) => [
        d.id,
        d.customerId,
        d.name,
        LINE_NAMES_ZH[d.line],
        fenToYuanString(d.standardRate),
        fenToYuanString(d.proposedRate),
        d.rateUnit,
        d.status === 'approved' ? '已批准' : '未批准',
        d.decidedOn,
        `${d.validFrom} 至 ${d.validTo}`,
        d.comment,
      ]),
      widths: [8, 18, 30, 8, 12, 12, 8, 8, 12, 24, 36],
      empty: '本月本单位客户没有审批完成的资费优惠申请（R29）。',
    },
    {
      name: '模板服务记录受理',
      header: ['类型', '来源', '客户编号', '收到日期', '状态', '记录编号', '说明'],
      rows: f.serviceRows.map((r) => [
        SERVICE_KIND_ZH[r.kind],
        `${r.sheet} 第 ${r.row} 行`,
        r.customerId,
        r.receivedOn,
        SERVICE_STATE_ZH[r.state],
        r.recordId === null ? null : `${SERVICE_KIND_ZH[r.kind]} #${r.recordId}`,
        r.state === 'withdrawn' ? '所在导入批次已撤销' : r.reason,
      ]),
      widths: [12, 20, 18, 12, 10, 18, 50],
      empty: '本月没有收到本单位模板中的营销日志、拜访记录、投诉登记或资费优惠申请。',
    },
    {
      name: '收到情况',
      header: ['报表', '状态', '应报日期', '收到时间'],
      rows: f.received.map((r) => [
        SUBMISSION_FORM_NAMES_ZH[r.form],
        SUBMISSION_STATUS_NAMES_ZH[r.status],
        r.dueOn,
        r.receivedAt,
      ]),
      widths: [14, 12, 12, 20],
      empty: '本月不需要本单位报送报表。',
    },
  ];
}

/** The file name: the unit and the month, as the templates are named. */
export function receiptFileName(unit: { code: string; name: string }, period: Period): string {
  const name = unit.name.replace(UNSAFE_FILE_CHARS, '_').trim() || unit.code;
  return `${name}_${formatPeriodZh(period)}_回执.xlsx`;
}
