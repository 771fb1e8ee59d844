/**
 * What a unit records of its service work in the monthly template (DOMAIN-DECISIONS "Template
 * intake"): 营销日志 (R22), 拜访记录 (R23), 投诉登记 (R33) and 资费优惠申请 (R29). Each sheet is read
 * by its header (any column order); each row's cells become the input the matching channel takes
 * (logs/add, visits/add, complaints/add with its steps, discounts/add), every problem naming the
 * sheet, row and column. The backend then runs the channel's own schema and checks on it
 * (imports/template-services.ts) — this reader only turns cells into values. Pure.
 */

import { type Bilingual, bi, echo } from '../bilingual';
import type { ImportIssue, SheetCell, SheetInput } from '../imports/revenue-sheet';
import { LINE_NAMES_ZH, type RevenueLine } from '../lines';
import { type DevelopmentStage, LOG_METHOD_NAMES, type LogMethod, STAGE_NAMES } from '../marketing/development';
import { parseMoney } from '../money';
import { columnLetter } from '../spreadsheet/cells';
import { COMPLAINT_CHANNELS, VISIT_KIND_NAMES, VISIT_STATUS_NAMES } from './service-lists';
import { cellText, eachRow, findColumns, parseCellDate } from './side-sheets';

export type ServiceKind = 'log' | 'visit' | 'complaint' | 'discount';

/** Where each field of a row is: its column letter, for problems found after reading. */
export type FieldColumns = Record<string, string>;

interface RowBase {
  sheet: string;
  row: number;
  columns: FieldColumns;
}

export interface LogSheetRow extends RowBase {
  kind: 'log';
  input: {
    customerId: string;
    developmentId: number | null;
    date: string;
    stage: DevelopmentStage | null;
    method: LogMethod;
    content: string;
    ourParticipants: string | null;
    theirParticipants: string | null;
    needs: string | null;
    cooperation: string | null;
    satisfaction: number | null;
    summary: boolean;
  };
}

export interface VisitSheetRow extends RowBase {
  kind: 'visit';
  /** 客户经理 as written; the backend finds the unit's manager of that name. */
  managerName: string | null;
  input: {
    customerId: string;
    date: string;
    kind: 'manager' | 'leader';
    status: 'planned' | 'held' | 'not_held';
    purpose: string | null;
    participants: string | null;
    outcome: string | null;
    reason: string | null;
  };
}

export interface ComplaintSheetRow extends RowBase {
  kind: 'complaint';
  input: {
    customerId: string;
    /** Local wall-clock time, YYYY-MM-DDTHH:MM (R33). */
    receivedAt: string;
    channel: string;
    content: string;
    type: string | null;
    complex: boolean;
  };
  /** The unit's own steps (DOMAIN-DECISIONS "Template intake"): applied as the complaint's contact and close. */
  contactedAt: string | null;
  close: { at: string; resolution: string; satisfaction: number } | null;
}

export interface DiscountSheetRow extends RowBase {
  kind: 'discount';
  input: {
    customerId: string;
    line: RevenueLine;
    rateUnit: string;
    /** Yuan as typed (the discounts/add schema takes money as text). */
    standardRate: string;
    proposedRate: string;
    monthlyVolume: number | null;
    reason: string;
    validFrom: string;
    validTo: string;
  };
}

export type ServiceSheetRow = LogSheetRow | VisitSheetRow | ComplaintSheetRow | DiscountSheetRow;

/** A row left out, for the unit's receipt: the first error on it. */
export interface RefusedServiceRow {
  kind: ServiceKind;
  sheet: string;
  row: number;
  /** 客户编号 as typed ('' when blank). */
  customerId: string;
  reason: Bilingual;
}

export interface ServiceSheetRead<R extends ServiceSheetRow> {
  rows: R[];
  refused: RefusedServiceRow[];
  issues: ImportIssue[];
}

/** As layout.ts's YES_NO (not imported: layout.ts builds its columns from this module's lists). */
const YES_NO = ['是', '否'] as const;

const CUSTOMER_ID = ['客户编号', '客户id', '客户代码'];

type Get<K extends string> = (k: K) => SheetCell | null;
type Problem<K extends string> = (k: K | null, message: Bilingual) => void;

/** The English of the sheets' column labels, for the problem list in English. */
const LABEL_EN: Record<string, string> = {
  客户编号: 'Customer ID',
  日期: 'Date',
  开发项目编号: 'Development number',
  阶段: 'Stage',
  接触方式: 'Method',
  内容: 'Content',
  我方人员: 'Our participants',
  客户方人员: 'Customer participants',
  客户需求: 'Needs',
  合作情况: 'Cooperation',
  满意度: 'Satisfaction',
  季度小结: 'Quarterly summary',
  类型: 'Kind',
  状态: 'Status',
  客户经理: 'Manager',
  目的: 'Purpose',
  参加人员: 'Participants',
  结果: 'Outcome',
  未拜访原因: 'Reason not held',
  受理时间: 'Receipt time',
  渠道: 'Channel',
  复杂: 'Complex',
  联系时间: 'Contact time',
  结案时间: 'Close time',
  处理结果: 'Resolution',
  业务: 'Line',
  计费单位: 'Charging unit',
  标准资费: 'Standard rate',
  申请资费: 'Proposed rate',
  月业务量: 'Monthly volume',
  理由: 'Reason',
  起始日期: 'Start date',
  截止日期: 'End date',
};
const en = (label: string): string => LABEL_EN[label] ?? label;

/** Reads one cell kind after another; each problem lands on its column, the row is refused after. */
class Cells<K extends string> {
  constructor(
    private readonly get: Get<K>,
    private readonly problem: Problem<K>,
    private readonly date1904: boolean,
  ) {}

  report(k: K, message: Bilingual): void {
    this.problem(k, message);
  }

  raw(k: K): string {
    return cellText(this.get(k));
  }

  text(k: K, label: string, max: number, required = false): string | null {
    const v = cellText(this.get(k)).replace(/\r\n?/g, '\n');
    if (v === '') {
      if (required) this.problem(k, bi(`缺少${label}`, `${en(label)} missing`));
      return null;
    }
    const n = Array.from(v).length;
    if (n > max) {
      this.problem(
        k,
        bi(`${label}不能超过 ${max} 字（现有 ${n} 字）`, `${en(label)} is at most ${max} characters (${n})`),
      );
      return null;
    }
    return v;
  }

  customerId(k: K): string {
    const id = cellText(this.get(k)).replace(/\s/g, '');
    if (id === '') this.problem(k, bi('缺少客户编号', 'Customer ID missing'));
    else if (!/^\d{14}$/.test(id))
      this.problem(k, bi(`客户编号“${echo(id)}”应为 14 位数字`, `Customer ID "${echo(id)}" must be 14 digits`));
    return id;
  }

  date(k: K, label: string, required = true): string | null {
    const c = this.get(k);
    if (!c || cellText(c) === '') {
      if (required) this.problem(k, bi(`缺少${label}`, `${en(label)} missing`));
      return null;
    }
    const parsed = parseCellDate(typeof c.v === 'number' ? c.v : cellText(c), this.date1904);
    if (parsed.ok) return parsed.date;
    this.problem(k, bi(`${label}：${parsed.message}`, `${en(label)}: ${parsed.messageEn}`));
    return null;
  }

  dateTime(k: K, label: string, required = true): string | null {
    const c = this.get(k);
    if (!c || cellText(c) === '') {
      if (required) this.problem(k, bi(`缺少${label}`, `${en(label)} missing`));
      return null;
    }
    const parsed = parseCellDateTime(typeof c.v === 'number' ? c.v : cellText(c), this.date1904);
    if (parsed !== null) return parsed;
    this.problem(
      k,
      bi(
        `${label}“${echo(cellText(c))}”不是有效时间（应为 2026-10-05 09:30 这样的日期和时间）`,
        `${en(label)} "${echo(cellText(c))}" is not a valid time (expected a date and time such as 2026-10-05 09:30)`,
      ),
    );
    return null;
  }

  /** A drop-down cell: the key of the value, or a problem naming the list. */
  pick<T extends string>(k: K, label: string, names: Record<T, string>, required: boolean): T | null {
    const v = cellText(this.get(k));
    if (v === '') {
      if (required)
        this.problem(k, bi(`缺少${label}（请从下拉列表中选择）`, `${en(label)} missing (choose from the list)`));
      return null;
    }
    const hit = (Object.entries(names) as [T, string][]).find(([, name]) => name === v);
    if (hit) return hit[0];
    this.problem(
      k,
      bi(
        `${label}“${echo(v)}”不在下拉列表中（应为 ${Object.values(names).join('、')}）`,
        `${en(label)} "${echo(v)}" is not one of the drop-down list's values`,
      ),
    );
    return null;
  }

  yesNo(k: K, label: string): boolean | null {
    const v = cellText(this.get(k));
    if (v === '') return null;
    if ((YES_NO as readonly string[]).includes(v)) return v === '是';
    this.problem(k, bi(`${label}“${echo(v)}”应为 是 或 否`, `${en(label)} "${echo(v)}" must be 是 (yes) or 否 (no)`));
    return null;
  }

  whole(k: K, label: string, min: number, max: number): number | null {
    const v = cellText(this.get(k));
    if (v === '') return null;
    const n = Number(v.normalize('NFKC').replace(/,/g, ''));
    if (Number.isInteger(n) && n >= min && n <= max) return n;
    this.problem(
      k,
      bi(
        `${label}“${echo(v)}”应为 ${min}–${max} 的整数`,
        `${en(label)} "${echo(v)}" must be a whole number ${min}–${max}`,
      ),
    );
    return null;
  }

  /** Money in yuan, kept as typed for the channel's schema; checked here so the column is named. */
  money(k: K, label: string): string | null {
    const c = this.get(k);
    const v = cellText(c);
    if (v === '') {
      this.problem(k, bi(`缺少${label}（元）`, `${en(label)} (yuan) missing`));
      return null;
    }
    const parsed = parseMoney(typeof c?.v === 'number' ? c.v : v);
    if (!parsed.ok || parsed.empty) {
      this.problem(k, bi(`${label}：${parsed.ok ? '应为金额' : parsed.message}`, `${en(label)}: not an amount`));
      return null;
    }
    return v;
  }
}

/**
 * A date and time cell: an Excel serial with its fraction (1900 or 1904 system), or text such as
 * 2026-10-05 09:30, 2026/10/5 9:30, 2026-10-05T09:30. Local wall-clock time, YYYY-MM-DDTHH:MM.
 */
export function parseCellDateTime(value: string | number, date1904 = false): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    const day = parseCellDate(value, date1904);
    if (!day.ok) return null;
    const minutes = Math.round((value - Math.floor(value)) * 24 * 60);
    if (minutes >= 24 * 60) return null;
    const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
    const mm = String(minutes % 60).padStart(2, '0');
    return `${day.date}T${hh}:${mm}`;
  }
  const m = /^(.+?)(?:\s+|T)(\d{1,2})[:：](\d{2})(?::\d{2})?$/.exec(value.normalize('NFKC').trim());
  if (!m) return null;
  const day = parseCellDate(m[1] as string);
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (!day.ok || h > 23 || min > 59) return null;
  return `${day.date}T${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}

function columnsOf<K extends string>(header: { columns: Partial<Record<K, number>> }): FieldColumns {
  const out: FieldColumns = {};
  for (const [k, c] of Object.entries(header.columns) as [K, number | undefined][])
    if (c !== undefined) out[k] = columnLetter(c);
  return out;
}

/**
 * The walk every service sheet shares: header, rows, problems, and for each row with an error a
 * refused entry for the receipt (its first error). `build` returns the row or null when it had errors.
 */
function readSheet<K extends string, R extends ServiceSheetRow>(
  sheet: SheetInput,
  kind: ServiceKind,
  variants: Record<K, readonly string[]>,
  required: readonly NoInfer<K>[],
  customerField: NoInfer<K>,
  date1904: boolean,
  build: (cells: Cells<K>, base: RowBase) => R | null,
): ServiceSheetRead<R> {
  const issues: ImportIssue[] = [];
  const header = findColumns(sheet, variants, required);
  if ('message' in header) return { rows: [], refused: [], issues: [header] };
  const columns = columnsOf(header);
  const rows: R[] = [];
  const refused: RefusedServiceRow[] = [];
  eachRow(sheet, header, 'error', issues, (get, problem, rowNo) => {
    const before = issues.length;
    const row = build(new Cells(get, problem, date1904), { sheet: sheet.name, row: rowNo, columns });
    const first = issues.slice(before).find((i) => i.severity === 'error');
    if (first) {
      refused.push({
        kind,
        sheet: sheet.name,
        row: rowNo,
        customerId: cellText(get(customerField)).replace(/\s/g, ''),
        reason: bi(first.message, first.messageEn ?? first.message),
      });
      return;
    }
    if (row) rows.push(row);
  });
  return { rows, refused, issues };
}

// ── 营销日志 (R22) ────────────────────────────────────────────────────────────────────────────

type LogField =
  | 'customerId'
  | 'date'
  | 'developmentId'
  | 'stage'
  | 'method'
  | 'content'
  | 'ourParticipants'
  | 'theirParticipants'
  | 'needs'
  | 'cooperation'
  | 'satisfaction'
  | 'summary';
export const LOG_HEADERS: Record<LogField, readonly string[]> = {
  customerId: CUSTOMER_ID,
  date: ['日期', '接触日期', '日志日期'],
  developmentId: ['开发项目编号', '开发项目', '项目编号'],
  stage: ['阶段', '营销阶段'],
  method: ['接触方式', '方式'],
  content: ['内容', '接触内容', '日志内容'],
  ourParticipants: ['我方人员', '我方参加人员'],
  theirParticipants: ['客户方人员', '客户方参加人员'],
  needs: ['客户需求', '需求'],
  cooperation: ['合作情况', '合作'],
  satisfaction: ['满意度', '客户满意度'],
  summary: ['季度小结(是/否)', '季度小结', '是否季度小结'],
};

const STAGE_BY_KEY = Object.fromEntries(
  (Object.entries(STAGE_NAMES) as [DevelopmentStage, { zh: string }][]).map(([k, v]) => [k, v.zh]),
) as Record<DevelopmentStage, string>;
const METHOD_BY_KEY = Object.fromEntries(
  (Object.entries(LOG_METHOD_NAMES) as [LogMethod, { zh: string }][]).map(([k, v]) => [k, v.zh]),
) as Record<LogMethod, string>;

export function readLogSheet(sheet: SheetInput, options: { date1904: boolean }): ServiceSheetRead<LogSheetRow> {
  return readSheet(
    sheet,
    'log',
    LOG_HEADERS,
    ['customerId', 'date', 'method', 'content'],
    'customerId',
    options.date1904,
    (c, base) => {
      const customerId = c.customerId('customerId');
      const date = c.date('date', '日期');
      const developmentId = c.whole('developmentId', '开发项目编号', 1, 2 ** 31);
      const stage = c.pick('stage', '阶段', STAGE_BY_KEY, false);
      const method = c.pick('method', '接触方式', METHOD_BY_KEY, true);
      const content = c.text('content', '内容', 2000, true);
      const ourParticipants = c.text('ourParticipants', '我方人员', 200);
      const theirParticipants = c.text('theirParticipants', '客户方人员', 200);
      const needs = c.text('needs', '客户需求', 1000);
      const cooperation = c.text('cooperation', '合作情况', 1000);
      const satisfaction = c.whole('satisfaction', '满意度', 1, 5);
      const summary = c.yesNo('summary', '季度小结');
      if (date === null || method === null || content === null) return null;
      return {
        kind: 'log',
        ...base,
        input: {
          customerId,
          developmentId,
          date,
          stage,
          method,
          content,
          ourParticipants,
          theirParticipants,
          needs,
          cooperation,
          satisfaction,
          summary: summary ?? false,
        },
      };
    },
  );
}

// ── 拜访记录 (R23) ────────────────────────────────────────────────────────────────────────────

type VisitField =
  | 'customerId'
  | 'date'
  | 'kind'
  | 'status'
  | 'manager'
  | 'purpose'
  | 'participants'
  | 'outcome'
  | 'reason';
export const VISIT_HEADERS: Record<VisitField, readonly string[]> = {
  customerId: CUSTOMER_ID,
  date: ['日期', '拜访日期'],
  kind: ['类型', '拜访类型'],
  status: ['状态', '拜访状态'],
  manager: ['客户经理', '拜访人'],
  purpose: ['目的', '拜访目的'],
  participants: ['参加人员', '参与人员'],
  outcome: ['结果', '拜访结果'],
  reason: ['未拜访原因', '原因'],
};

export function readVisitSheet(sheet: SheetInput, options: { date1904: boolean }): ServiceSheetRead<VisitSheetRow> {
  return readSheet(
    sheet,
    'visit',
    VISIT_HEADERS,
    ['customerId', 'date', 'kind', 'status'],
    'customerId',
    options.date1904,
    (c, base) => {
      const customerId = c.customerId('customerId');
      const date = c.date('date', '日期');
      const kind = c.pick('kind', '类型', VISIT_KIND_NAMES, true);
      const status = c.pick('status', '状态', VISIT_STATUS_NAMES, true);
      const managerName = c.text('manager', '客户经理', 40);
      const purpose = c.text('purpose', '目的', 300);
      const participants = c.text('participants', '参加人员', 300);
      const outcome = c.text('outcome', '结果', 1000);
      const reason = c.text('reason', '未拜访原因', 300);
      return date === null || kind === null || status === null
        ? null
        : {
            kind: 'visit',
            ...base,
            managerName,
            input: { customerId, date, kind, status, purpose, participants, outcome, reason },
          };
    },
  );
}

// ── 投诉登记 (R33) ────────────────────────────────────────────────────────────────────────────

type ComplaintField =
  | 'receivedAt'
  | 'customerId'
  | 'channel'
  | 'content'
  | 'type'
  | 'complex'
  | 'contactedAt'
  | 'closedAt'
  | 'resolution'
  | 'satisfaction';
export const COMPLAINT_HEADERS: Record<ComplaintField, readonly string[]> = {
  receivedAt: ['受理时间', '受理日期'],
  customerId: CUSTOMER_ID,
  channel: ['渠道', '受理渠道'],
  content: ['内容', '投诉内容'],
  type: ['类型', '投诉类型'],
  complex: ['复杂(是/否)', '复杂', '是否复杂'],
  contactedAt: ['联系时间', '联系客户时间'],
  closedAt: ['结案时间'],
  resolution: ['处理结果'],
  satisfaction: ['满意度', '客户满意度'],
};

const CHANNEL_BY_KEY = Object.fromEntries(COMPLAINT_CHANNELS.map((c) => [c, c])) as Record<string, string>;

export function readComplaintSheet(
  sheet: SheetInput,
  options: { date1904: boolean },
): ServiceSheetRead<ComplaintSheetRow> {
  return readSheet(
    sheet,
    'complaint',
    COMPLAINT_HEADERS,
    ['receivedAt', 'customerId', 'content'],
    'customerId',
    options.date1904,
    (c, base) => {
      const receivedAt = c.dateTime('receivedAt', '受理时间');
      const customerId = c.customerId('customerId');
      const channel = c.pick('channel', '渠道', CHANNEL_BY_KEY, true);
      const content = c.text('content', '内容', 1000, true);
      const type = c.text('type', '类型', 40);
      const complex = c.yesNo('complex', '复杂');
      const contactedAt = c.dateTime('contactedAt', '联系时间', false);
      const closedAt = c.dateTime('closedAt', '结案时间', false);
      const resolution = c.text('resolution', '处理结果', 1000);
      const satisfaction = c.whole('satisfaction', '满意度', 1, 5);
      // R33: closing records the resolution and the customer's satisfaction; neither without the close.
      const closeProblem = (k: ComplaintField, zh: string, en: string) => ({ k, m: bi(zh, en) });
      const problems: { k: ComplaintField; m: Bilingual }[] = [];
      if (closedAt !== null && resolution === null && c.raw('resolution') === '')
        problems.push(closeProblem('resolution', '已填结案时间，须填写处理结果', 'A close time needs the resolution'));
      if (closedAt !== null && satisfaction === null && c.raw('satisfaction') === '')
        problems.push(
          closeProblem(
            'satisfaction',
            '已填结案时间，须填写满意度（1–5）',
            'A close time needs the satisfaction (1–5)',
          ),
        );
      if (closedAt === null && c.raw('closedAt') === '' && (resolution !== null || satisfaction !== null))
        problems.push(
          closeProblem(
            'closedAt',
            '已填处理结果或满意度，须填写结案时间',
            'A resolution or satisfaction needs the close time',
          ),
        );
      if (receivedAt !== null && contactedAt !== null && contactedAt < receivedAt)
        problems.push(closeProblem('contactedAt', '联系时间不能早于受理时间', 'Contact cannot be before receipt'));
      if (receivedAt !== null && closedAt !== null && closedAt < (contactedAt ?? receivedAt))
        problems.push(
          closeProblem(
            'closedAt',
            '结案时间不能早于受理时间和联系时间',
            'The close cannot be before receipt or contact',
          ),
        );
      for (const p of problems) c.report(p.k, p.m);
      if (receivedAt === null || channel === null || content === null || problems.length > 0) return null;
      return {
        kind: 'complaint',
        ...base,
        input: { customerId, receivedAt, channel, content, type, complex: complex ?? false },
        contactedAt,
        close:
          closedAt !== null && resolution !== null && satisfaction !== null
            ? { at: closedAt, resolution, satisfaction }
            : null,
      };
    },
  );
}

// ── 资费优惠申请 (R29) ────────────────────────────────────────────────────────────────────────

type DiscountField =
  | 'customerId'
  | 'line'
  | 'rateUnit'
  | 'standardRate'
  | 'proposedRate'
  | 'monthlyVolume'
  | 'reason'
  | 'validFrom'
  | 'validTo';
export const DISCOUNT_HEADERS: Record<DiscountField, readonly string[]> = {
  customerId: CUSTOMER_ID,
  line: ['业务', '业务种类'],
  rateUnit: ['计费单位', '计价单位'],
  standardRate: ['标准资费(元)', '标准资费'],
  proposedRate: ['申请资费(元)', '申请资费', '优惠资费'],
  monthlyVolume: ['月业务量', '预计月业务量'],
  reason: ['理由', '申请理由', '优惠理由'],
  validFrom: ['起始日期', '有效期起', '开始日期'],
  validTo: ['截止日期', '有效期止', '结束日期'],
};

const LINE_BY_KEY = LINE_NAMES_ZH as Record<RevenueLine, string>;

export function readDiscountSheet(
  sheet: SheetInput,
  options: { date1904: boolean },
): ServiceSheetRead<DiscountSheetRow> {
  return readSheet(
    sheet,
    'discount',
    DISCOUNT_HEADERS,
    ['customerId', 'line', 'standardRate', 'proposedRate'],
    'customerId',
    options.date1904,
    (c, base) => {
      const customerId = c.customerId('customerId');
      const line = c.pick('line', '业务', LINE_BY_KEY, true);
      const rateUnit = c.text('rateUnit', '计费单位', 20) ?? '件';
      const standardRate = c.money('standardRate', '标准资费');
      const proposedRate = c.money('proposedRate', '申请资费');
      const monthlyVolume = c.whole('monthlyVolume', '月业务量', 0, 10_000_000);
      const reason = c.text('reason', '理由', 500, true);
      const validFrom = c.date('validFrom', '起始日期');
      const validTo = c.date('validTo', '截止日期');
      if (validFrom !== null && validTo !== null && validTo < validFrom)
        c.report('validTo', bi('截止日期不能早于起始日期', 'The end cannot be before the start'));
      if (
        line === null ||
        standardRate === null ||
        proposedRate === null ||
        reason === null ||
        validFrom === null ||
        validTo === null ||
        validTo < validFrom
      )
        return null;
      return {
        kind: 'discount',
        ...base,
        input: { customerId, line, rateUnit, standardRate, proposedRate, monthlyVolume, reason, validFrom, validTo },
      };
    },
  );
}
