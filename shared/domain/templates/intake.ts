/**
 * What a unit sends the centre in its monthly template besides figures: new customers to register
 * (新客户申报) and plans to market another unit's customer (营销申报), R19. Each row is read into a
 * submission the centre's inbox receives when the batch is committed (DOMAIN-DECISIONS "Template
 * intake"); the centre then files it as a registration or application, or declines it with a
 * reason the unit's receipt tells. Problems that would make the submission unusable are errors (the
 * row is left out, as a revenue row with an error is); what the centre weighs — a credit code or
 * name already known — is a warning, the duplicate check running again when it is filed. Pure: the
 * caller supplies the lookups.
 */

import { type Bilingual, bi, echo } from '../bilingual';
import { checkCreditCodeText } from '../credit-code';
import type { ImportIssue, SheetCell, SheetInput } from '../imports/revenue-sheet';
import { isProductLine, LINE_NAMES_ZH, type ProductLine, type RevenueLine } from '../lines';
import { parseMoney } from '../money';
import { normaliseCustomerName } from '../names';
import { LINE_LIST, YES_NO } from './layout';
import { cellText, eachRow, findColumns, parseCellDate } from './side-sheets';

/** Long texts are cut by nobody: a cell over this many characters is refused, naming its column. */
const MAX_TEXT = 500;

export interface RegistrationSubmission {
  kind: 'registration';
  sheet: string;
  row: number;
  name: string;
  creditCode: string | null;
  areaCode: string;
  industry: string | null;
  address: string | null;
  contact: string | null;
  phone: string | null;
  lines: ProductLine[];
  revenueFen: number | null;
  evidence: string | null;
  /** 是否已签协议 as the unit states it (the agreement itself is recorded when the customer exists, R5). */
  agreementSigned: boolean | null;
  reason: string | null;
}

export interface ApplicationSubmission {
  kind: 'application';
  sheet: string;
  row: number;
  customerId: string;
  customerName: string;
  plan: string;
  startsOn: string;
  untilOn: string;
  expectedRevenueFen: number;
}

export type TemplateSubmission = RegistrationSubmission | ApplicationSubmission;

function textOf(cell: SheetCell | null, label: Bilingual, problem: (m: Bilingual) => void): string | null {
  const v = cellText(cell);
  if (v === '') return null;
  if (Array.from(v).length > MAX_TEXT) {
    problem(bi(`${label.zh}不能超过 ${MAX_TEXT} 字`, `${label.en} is at most ${MAX_TEXT} characters`));
    return null;
  }
  return v;
}

function amountOf(cell: SheetCell | null, label: Bilingual, problem: (m: Bilingual) => void): number | null {
  if (!cell || cellText(cell) === '') return null;
  const parsed = parseMoney(typeof cell.v === 'number' ? cell.v : cellText(cell));
  if (!parsed.ok) {
    problem(bi(`${label.zh}：${parsed.message}`, `${label.en}: ${parsed.messageEn}`));
    return null;
  }
  if (parsed.empty) return null;
  if (parsed.fen < 0) {
    problem(bi(`${label.zh}不能为负数`, `${label.en} cannot be negative`));
    return null;
  }
  return parsed.fen;
}

// ── 新客户申报 ────────────────────────────────────────────────────────────────────────────────

type RegistrationField =
  | 'name'
  | 'creditCode'
  | 'areaCode'
  | 'industry'
  | 'address'
  | 'contact'
  | 'phone'
  | 'mainLine'
  | 'revenue'
  | 'evidence'
  | 'agreement'
  | 'reason'
  | 'note';
const REGISTRATION_HEADERS: Record<RegistrationField, readonly string[]> = {
  name: ['客户名称', '客户全称', '单位名称'],
  creditCode: ['统一社会信用代码', '信用代码', '社会信用代码'],
  areaCode: ['地区代码', '行政区划代码', '属地代码'],
  industry: ['行业', '所属行业'],
  address: ['地址', '客户地址', '详细地址'],
  contact: ['联系人'],
  phone: ['联系电话', '电话', '手机'],
  mainLine: ['主要业务种类', '业务种类', '主要业务', '使用业务'],
  revenue: ['预计年收入(元)', '预计年收入', '预计收入(元)'],
  evidence: ['收入依据', '收入证明'],
  agreement: ['是否已签协议', '已签协议', '签订协议'],
  reason: ['申报理由', '理由'],
  // Templates made before 申报理由 had only 备注: read as the reason.
  note: ['备注', '说明'],
};

export interface RegistrationLookup {
  /** The customer already holding this credit code (R19: same legal entity). */
  byCreditCode(code: string): { id: string; name: string } | null;
  /** Customers with this normalised name (R19: probable duplicate). */
  byNormalisedName(normalised: string): { id: string; name: string }[];
  areaExists(code: string): boolean;
}

/** A list cell: the value, or a problem when it is not one of the drop-down's. */
function fromList(
  value: string,
  list: readonly string[],
  label: Bilingual,
  problem: (message: Bilingual) => void,
): string | null {
  if (value === '') return null;
  if (list.includes(value)) return value;
  problem(
    bi(
      `${label.zh}“${echo(value)}”不在下拉列表中（应为 ${list.join('、')}）`,
      `${label.en} "${echo(value)}" is not one of the drop-down list's values`,
    ),
  );
  return null;
}

const LINE_BY_NAME = new Map<string, RevenueLine>(
  (Object.entries(LINE_NAMES_ZH) as [RevenueLine, string][]).map(([line, name]) => [name, line]),
);

/**
 * 地区代码 as typed (440515) or as the drop-down writes it (440515 澄海区): the six digits in front.
 */
export function areaCodeOf(text: string): string {
  const m = /^(\d{6})(?:\s|$)/.exec(text.normalize('NFKC').trim());
  return m ? (m[1] as string) : text.trim();
}

export function readRegistrationSubmissions(
  sheet: SheetInput,
  lookup: RegistrationLookup,
): { rows: RegistrationSubmission[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const header = findColumns(sheet, REGISTRATION_HEADERS, ['name']);
  if ('message' in header) return { rows: [], issues: [header] };
  const rows: RegistrationSubmission[] = [];
  const seenCodes = new Map<string, number>();
  eachRow(sheet, header, 'error', issues, (get, problem, rowNo) => {
    const before = issues.length;
    const warn = (k: RegistrationField, m: Bilingual) => {
      problem(k, m);
      (issues[issues.length - 1] as ImportIssue).severity = 'warning';
    };
    const name = cellText(get('name'));
    if (name === '') problem('name', bi('缺少客户名称', 'Customer name missing'));
    else if (Array.from(name).length > 100)
      problem('name', bi('客户名称不能超过 100 字', 'A customer name is at most 100 characters'));
    let creditCode: string | null = null;
    const codeText = cellText(get('creditCode'));
    if (codeText !== '') {
      const check = checkCreditCodeText(codeText);
      if (!check.ok) problem('creditCode', check.problem);
      else {
        creditCode = check.code;
        const first = seenCodes.get(check.code);
        if (first !== undefined)
          problem(
            'creditCode',
            bi(`与本表第 ${first} 行的信用代码相同`, `Same credit code as row ${first} of this sheet`),
          );
        else seenCodes.set(check.code, rowNo);
        const owner = lookup.byCreditCode(check.code);
        if (owner)
          warn(
            'creditCode',
            bi(
              `R19：该信用代码已登记为客户 ${owner.id}（${echo(owner.name)}），中心受理时将按重复申报审核`,
              `R19: this credit code is registered to customer ${owner.id} ("${echo(owner.name)}"): the centre reviews it as a duplicate`,
            ),
          );
      }
    }
    if (name !== '' && (creditCode === null || !lookup.byCreditCode(creditCode))) {
      const same = lookup.byNormalisedName(normaliseCustomerName(name));
      if (same.length > 0)
        warn(
          'name',
          bi(
            `R19：已有同名客户 ${same.map((c) => `${c.id}（${echo(c.name)}）`).join('、')}，中心受理时核实是否同一客户`,
            `R19: customer(s) of the same name exist (${same.map((c) => `${c.id} "${echo(c.name)}"`).join(', ')}): the centre checks whether it is the same customer`,
          ),
        );
    }
    const areaText = cellText(get('areaCode'));
    const areaCode = areaCodeOf(areaText);
    if (areaText === '')
      problem(
        'areaCode',
        bi('缺少地区代码（客户所在区县的 6 位代码）', 'Area code missing (the 6-digit code of the county)'),
      );
    else if (!/^\d{6}$/.test(areaCode) || !lookup.areaExists(areaCode))
      problem(
        'areaCode',
        bi(
          `地区代码“${echo(areaText)}”不存在（应为 6 位行政区划代码，如 440515，可从下拉列表中选择）`,
          `Area code "${echo(areaText)}" does not exist (expected a 6-digit division code such as 440515)`,
        ),
      );
    const mainLine = fromList(cellText(get('mainLine')), LINE_LIST, bi('主要业务种类', 'Main line'), (m) =>
      problem('mainLine', m),
    );
    const line = mainLine === null ? null : LINE_BY_NAME.get(mainLine);
    const agreementText = fromList(cellText(get('agreement')), YES_NO, bi('是否已签协议', 'Agreement signed'), (m) =>
      problem('agreement', m),
    );
    const revenueFen = amountOf(get('revenue'), bi('预计年收入', 'Expected yearly revenue'), (m) =>
      problem('revenue', m),
    );
    const text = (k: RegistrationField, label: Bilingual) => textOf(get(k), label, (m) => problem(k, m));
    const industry = text('industry', bi('行业', 'Industry'));
    const address = text('address', bi('地址', 'Address'));
    const contact = text('contact', bi('联系人', 'Contact'));
    const phone = text('phone', bi('联系电话', 'Phone'));
    const evidence = text('evidence', bi('收入依据', 'Revenue evidence'));
    const reason = text('reason', bi('申报理由', 'Reason'));
    const note = text('note', bi('备注', 'Note'));
    if (issues.slice(before).some((i) => i.severity === 'error')) return;
    rows.push({
      kind: 'registration',
      sheet: sheet.name,
      row: rowNo,
      name,
      creditCode,
      areaCode,
      industry,
      address,
      contact,
      phone,
      lines: line !== undefined && line !== null && isProductLine(line) ? [line] : [],
      revenueFen,
      evidence,
      agreementSigned: agreementText === null ? null : agreementText === '是',
      reason: [reason, note].filter((x) => x !== null).join('；') || null,
    });
  });
  return { rows, issues };
}

// ── 营销申报 ──────────────────────────────────────────────────────────────────────────────────

type ApplicationField = 'customerId' | 'customerName' | 'plan' | 'startsOn' | 'untilOn' | 'revenue';
const APPLICATION_HEADERS: Record<ApplicationField, readonly string[]> = {
  customerId: ['客户id', '客户编号', '客户代码'],
  customerName: ['客户名称', '客户全称'],
  plan: ['营销内容', '营销计划', '计划内容'],
  startsOn: ['开始日期', '计划开始', '开始'],
  untilOn: ['结束日期', '计划结束', '截止日期', '结束'],
  revenue: ['预计收入(元)', '预计收入', '预计年收入(元)'],
};

export interface ApplicationLookup {
  /** The customer and its owner unit, or null when no customer has this ID. */
  customer(id: string): { name: string; unitId: number; unitName: string } | null;
}

export function readApplicationSubmissions(
  sheet: SheetInput,
  lookup: ApplicationLookup,
  options: { unitId: number | null; date1904: boolean },
): { rows: ApplicationSubmission[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const header = findColumns(sheet, APPLICATION_HEADERS, ['customerId', 'plan']);
  if ('message' in header) return { rows: [], issues: [header] };
  const rows: ApplicationSubmission[] = [];
  eachRow(sheet, header, 'error', issues, (get, problem, rowNo) => {
    const before = issues.length;
    const id = cellText(get('customerId')).replace(/\s/g, '');
    const customer = /^\d{14}$/.test(id) ? lookup.customer(id) : null;
    if (id === '') problem('customerId', bi('缺少客户ID', 'Customer ID missing'));
    else if (customer === null)
      problem('customerId', bi(`客户ID“${echo(id)}”不存在`, `No customer has ID "${echo(id)}"`));
    else if (options.unitId !== null && customer.unitId === options.unitId)
      problem(
        'customerId',
        bi(
          `客户 ${id}（${echo(customer.name)}）本就归属本单位，不需要营销申报`,
          `Customer ${id} ("${echo(customer.name)}") already belongs to this unit: no application is needed`,
        ),
      );
    const plan = textOf(get('plan'), bi('营销内容', 'Plan'), (m) => problem('plan', m));
    if (plan === null && cellText(get('plan')) === '')
      problem('plan', bi('缺少营销内容（营销什么业务、如何开展）', 'Plan missing (what is marketed, and how)'));
    const date = (k: 'startsOn' | 'untilOn', label: Bilingual): string | null => {
      const c = get(k);
      if (!c || cellText(c) === '') {
        problem(k, bi(`缺少${label.zh}`, `${label.en} missing`));
        return null;
      }
      const parsed = parseCellDate(typeof c.v === 'number' ? c.v : cellText(c), options.date1904);
      if (parsed.ok) return parsed.date;
      problem(k, bi(`${label.zh}：${parsed.message}`, `${label.en}: ${parsed.messageEn}`));
      return null;
    };
    const startsOn = date('startsOn', bi('开始日期', 'Start date'));
    const untilOn = date('untilOn', bi('结束日期', 'End date'));
    if (startsOn !== null && untilOn !== null && untilOn < startsOn)
      problem('untilOn', bi('结束日期不能早于开始日期', 'The plan cannot end before it starts'));
    const revenue = amountOf(get('revenue'), bi('预计收入', 'Expected revenue'), (m) => problem('revenue', m));
    if (revenue === null && cellText(get('revenue')) === '')
      problem('revenue', bi('缺少预计收入（元）', 'Expected revenue (yuan) missing'));
    if (issues.slice(before).some((i) => i.severity === 'error')) return;
    rows.push({
      kind: 'application',
      sheet: sheet.name,
      row: rowNo,
      customerId: id,
      customerName: (customer as { name: string }).name,
      plan: plan as string,
      startsOn: startsOn as string,
      untilOn: untilOn as string,
      expectedRevenueFen: revenue as number,
    });
  });
  return { rows, issues };
}
