/**
 * Input schemas, one per channel. Messages are Chinese (the command line and stored data read them)
 * with their English beside them (`said`, `customIssue`) for the interface in English.
 */
import { z } from 'zod';
import { type ArchiveBlockKey, type ArchiveField, blockOf, type RepeatableBlockKey } from '../domain/archive/fields';
import { bi, customIssue, said } from '../domain/bilingual';
import { checkCreditCode } from '../domain/credit-code';
import { isIsoDate } from '../domain/dates';
import { EXPORT_FORMS } from '../domain/exports/forms';
import { LIST_COLUMN_FORMATS } from '../domain/exports/list-table';
import { PRODUCT_LINES } from '../domain/lines';
import { DEVELOPMENT_STAGES, LOG_METHODS } from '../domain/marketing/development';
import { parseMoney } from '../domain/money';
import { CUSTOMER_TEXT_LIMITS as LIMIT, tooLongText } from '../domain/names';
import { EMPLOYMENT_KINDS, MANAGER_POSTS, UNIT_KINDS } from '../domain/organisation';
import { parsePeriod } from '../domain/periods';
import { SCORECARD_PARTS } from '../domain/policy/policy';
import { SCOPES, TIERS } from '../domain/tiers';

/**
 * Bounded inputs (DOMAIN-DECISIONS "Bounded inputs"): every string is held to a length first,
 * before anything else runs on it (trim, a pattern, a month or money parse), and stops there
 * (`abort`), so a 10 MB value costs nothing and no message repeats it. Fields with a limit of
 * their own (`text`: names, reasons) keep their message for a value just over it; the cap is for
 * what no form sends.
 */
const tooLong = (max: number) => ({
  ...said(`输入过长：不能超过 ${max} 个字符`, `Too long: at most ${max} characters`),
  abort: true,
});
const str = (max: number, params?: { message: string }) => z.string(params).max(max, tooLong(max));
/** The same cap for a field that also takes a number (money, a rate): a union reports no single issue. */
const capString =
  (max: number) =>
  (v: string | number, ctx: z.RefinementCtx): void => {
    if (typeof v === 'string' && v.length > max) {
      ctx.addIssue({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, ...tooLong(max) });
    }
  };
/** A path on this computer (Windows allows 32,767 with long paths; 1,000 is more than any in use). */
const FILE_PATH_MAX = 1000;
/** A typed month (`2026-10`, `2026年10月`, `202610`) or amount (`1,234.50`, `1.2万`). */
const TYPED_VALUE_MAX = 40;

const isoDate = str(20).refine(
  isIsoDate,
  said('日期格式应为 YYYY-MM-DD，且是有效日期', 'A date must be a real date written YYYY-MM-DD'),
);
/** A unit's code as typed (1–12 characters); each channel says whether it may be absent. */
const unitCodeText = z
  .string(said('单位代码必须是文本', 'The unit code must be text'))
  .trim()
  .min(1, said('单位代码不能为空', 'Enter the unit code'))
  .max(12, said('单位代码不能超过 12 个字符', 'A unit code is at most 12 characters'));
/** Over its limit a text is refused with the limit and its length (names.ts), never cut. */
/** The fields' names in English, for the messages in the English interface (`said`). */
const LABEL_EN: Record<string, string> = {
  拜访: 'Visit',
  拜访目的: 'Purpose',
  参加人员: 'Participants',
  拜访结果: 'Outcome',
  未拜访原因: 'Reason it was not held',
  上级单位: 'Parent unit',
  专业局: 'Professional bureau',
  全局年收入: 'Bureau annual revenue',
  其他收入: 'Other revenue',
  分级批次: 'Tiering run',
  单位: 'Unit',
  客户经理: 'Account manager',
  导入批次: 'Import batch',
  年流转额: 'Annual turnover',
  所属单位: 'Unit',
  收入: 'Revenue',
  记录: 'Record',
  调入单位: 'Receiving unit',
  分析报告: 'Analysis report',
  竞争情况: 'Competition',
  波动情况说明: 'The note on fluctuations',
  上月工作及好的做法: 'Last month’s work and good practice',
  存在问题及本月计划: 'Problems and this month’s plan',
  黄金客户分析: 'The gold customers’ analysis',
  决定人: 'Decided by',
  列名: 'Column name',
  区划名称: 'Area name',
  单位名称: 'Unit name',
  地址: 'Address',
  姓名: 'Name',
  审批人: 'Approver',
  客户全称: 'Full name',
  客户简称: 'Short name',
  批准文号: 'Approval number',
  标题: 'Title',
  理由: 'Reason',
  电话: 'Phone',
  离岗原因: 'Reason for leaving',
  行业: 'Industry',
  申报: 'Registration',
  申报单位: 'Registering unit',
  收入证明: 'Revenue evidence',
  预计年收入: 'Expected annual revenue',
  联系人: 'Contact',
  申报理由: 'The unit’s reason',
  意见: 'Opinion',
  释放理由: 'Reason for the release',
  营销申报: 'Marketing application',
  开发项目: 'Development',
  项目名称: 'Project name',
  日志内容: 'The log entry',
  我方人员: 'Our participants',
  客户方人员: 'The customer’s participants',
  客户需求: 'The customer’s needs',
  合作情况: 'Cooperation',
  年度收入目标: 'The year’s revenue target',
  行业名称: 'Industry name',
  转办单位: 'Unit routed to',
  营销方案: 'Marketing plan',
  预计收入: 'Expected revenue',
  查看原因: 'Reason for viewing',
  备注: 'Note',
  项目组职责: 'Role in the team',
  计价单位: 'Charging unit',
  标准资费: 'Standard rate',
  优惠资费: 'Proposed rate',
  优惠理由: 'Reason for the discount',
  签批人: 'Signed by',
  审批意见: 'Comment',
  撤回原因: 'Reason for withdrawing',
  资费优惠申请: 'Discount request',
};
const en = (label: string) => LABEL_EN[label] ?? 'The field';
const withinLimit = (label: string, max: number) => (v: string, ctx: z.RefinementCtx) => {
  const problem = tooLongText({ zh: label, en: en(label) }, max, v);
  if (problem) ctx.addIssue(customIssue(problem));
};
const text = (label: string, max: number) =>
  str(2 * max + 200, said(`${label}必须是文本`, `${en(label)} must be text`))
    .trim()
    .min(1, said(`请填写${label}`, `Enter the ${en(label).toLowerCase()}`))
    .superRefine(withinLimit(label, max));
const optionalText = (label: string, max: number) =>
  str(2 * max + 200, said(`${label}必须是文本`, `${en(label)} must be text`))
    .trim()
    .superRefine(withinLimit(label, max))
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const id = (label: string) =>
  z
    .number(said(`${label}必须是数字`, `${en(label)} must be a number`))
    .int()
    // 0 is what a form sends when nothing was chosen.
    .positive(said(`请选择${label}`, `Choose the ${en(label).toLowerCase()}`));
const areaCode = str(20).regex(
  /^\d{6}$/,
  said('区划代码应为 6 位数字（GB/T 2260）', 'An area code has 6 digits (GB/T 2260)'),
);
const customerId = str(40).regex(/^\d{14}$/, said('客户编号应为 14 位数字', 'A customer ID has 14 digits'));
const creditCode = str(100)
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const check = checkCreditCode(v);
    if (!check.ok) {
      ctx.addIssue(customIssue(bi(check.message, check.messageEn)));
      return z.NEVER;
    }
    return check.code;
  })
  .nullable()
  .optional();

export const empty = z.object({}).strict();

export const areasUpsert = z
  .object({ code: areaCode, name: text('区划名称', 40), urban: z.boolean().default(false) })
  .strict();

/** R4: a unit's minimum number of account managers. */
const minManagers = z
  .number(
    said('请填写最低客户经理人数（0–99 的整数）', 'Enter the minimum number of account managers (a whole number 0–99)'),
  )
  .int(said('最低客户经理人数应为整数', 'The minimum number of account managers must be a whole number'))
  .min(0, said('最低客户经理人数不能小于 0', 'The minimum number of account managers cannot be below 0'))
  .max(99, said('最低客户经理人数不能超过 99', 'The minimum number of account managers cannot exceed 99'));

export const unitsList = z.object({ includeRetired: z.boolean().default(false) }).strict();
export const unitsCreate = z
  .object({
    code: str(40)
      .trim()
      .regex(
        /^[0-9A-Za-z-]{2,12}$/,
        said('单位代码应为 2–12 位字母、数字或“-”', 'A unit code has 2–12 letters, digits or “-”'),
      ),
    name: text('单位名称', 40),
    kind: z.enum(UNIT_KINDS, said('请选择单位类型', 'Choose the kind of unit')),
    parentId: id('上级单位').nullable(),
    areaCode: areaCode.nullable().default(null),
    minManagers: minManagers.nullable().default(null),
  })
  .strict();
export const unitsRename = z.object({ id: id('单位'), name: text('单位名称', 40) }).strict();
export const unitsRetire = z.object({ id: id('单位'), retiredOn: isoDate }).strict();
export const unitsReinstate = z.object({ id: id('单位') }).strict();
export const unitsSetMinimum = z.object({ id: id('单位'), minManagers }).strict();
/** R15: a line's professional bureau; null leaves the line without one (the city centre stands in). */
export const unitsSetLineBureau = z
  .object({
    line: z.enum(PRODUCT_LINES, said('请选择业务种类（八大业务之一）', 'Choose the line (one of the eight)')),
    unitId: id('专业局').nullable(),
  })
  .strict();

export const managersList = z
  .object({ unitId: id('单位').nullable().default(null), includeInactive: z.boolean().default(false) })
  .strict();
export const managersRegister = z
  .object({
    name: text('姓名', 20),
    unitId: id('单位'),
    post: z.enum(MANAGER_POSTS, said('请选择岗位', 'Choose the post')),
    employment: z.enum(EMPLOYMENT_KINDS, said('请选择专职或兼职', 'Choose full-time or part-time')),
    phone: optionalText('电话', 30),
    effectiveOn: isoDate,
  })
  .strict();
export const managersUpdate = z
  .object({
    id: id('客户经理'),
    name: text('姓名', 20),
    post: z.enum(MANAGER_POSTS, said('请选择岗位', 'Choose the post')),
    employment: z.enum(EMPLOYMENT_KINDS, said('请选择专职或兼职', 'Choose full-time or part-time')),
    phone: optionalText('电话', 30),
    effectiveOn: isoDate,
  })
  .strict();
export const managersMove = z.object({ id: id('客户经理'), toUnitId: id('调入单位'), effectiveOn: isoDate }).strict();
export const managersLeave = z
  .object({
    id: id('客户经理'),
    effectiveOn: isoDate,
    reason: text('离岗原因', 200),
    /** R20: move the leaver's customers (A/B, 专人, project teams) to this manager in the same transaction. */
    reassignToManagerId: id('客户经理').nullable().default(null),
  })
  .strict();
export const managersChanges = z
  .object({
    managerId: id('客户经理').nullable().default(null),
    month: str(20)
      .regex(/^\d{4}-\d{2}$/, said('月份格式应为 YYYY-MM', 'A month is written YYYY-MM'))
      .nullable()
      .default(null),
  })
  .strict();

export const customersList = z
  .object({
    search: z
      .string()
      .trim()
      .max(60, said('搜索内容不能超过 60 个字', 'A search is at most 60 characters'))
      .default(''),
    unitId: id('单位').nullable().default(null),
    /** Only customers that can have branches (branch number 000), for the head-office picker. */
    headOfficesOnly: z.boolean().default(false),
    /** The tier in force this month (R9–R13); 'none': no key-customer tier (or no run yet). */
    tier: z
      .enum([...TIERS, 'none'], said('未知的分级', 'Unknown tier'))
      .nullable()
      .default(null),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export const customersGet = z.object({ id: customerId }).strict();
export const customersCreate = z
  .object({
    name: text('客户全称', LIMIT.name),
    shortName: optionalText('客户简称', LIMIT.shortName),
    areaCode,
    unitId: id('所属单位'),
    industry: optionalText('行业', LIMIT.industry),
    creditCode,
    address: optionalText('地址', LIMIT.address),
    parentId: customerId.nullable().default(null),
    /** The officer saw the same-name warning and creates it anyway. */
    confirmDuplicateName: z.boolean().default(false),
  })
  .strict();
export const customersUpdate = z
  .object({
    id: customerId,
    name: text('客户全称', LIMIT.name),
    shortName: optionalText('客户简称', LIMIT.shortName),
    areaCode,
    unitId: id('所属单位'),
    industry: optionalText('行业', LIMIT.industry),
    creditCode,
    address: optionalText('地址', LIMIT.address),
    confirmDuplicateName: z.boolean().default(false),
  })
  .strict();
/** 客户名单导入 (customers/import): a workbook picked by the officer, previewed, then committed. */
const filePath = str(FILE_PATH_MAX, said('请选择文件', 'Choose a file'))
  .trim()
  .min(1, said('请选择文件', 'Choose a file'));
export const customersImportPreview = z.object({ path: filePath }).strict();
export const customersImportCommit = z
  .object({ token: str(200).min(1), excludeErrorRows: z.boolean().default(false) })
  .strict();
export const customersImportBatch = z.object({ batchId: z.number().int().positive() }).strict();
export const customersImportTemplate = z.object({ path: filePath }).strict();
export const customersCheckDuplicates = z
  .object({
    name: z.string().trim().max(80).default(''),
    creditCode: z.string().trim().max(30).default(''),
    excludeId: customerId.nullable().default(null),
  })
  .strict();

// ── Rule engine ──────────────────────────────────────────────────────────────────────────

/** Money as the officer types it (R0 parsing): `1,234.50`, `1.2万`, full-width…; blank = not reported. */
const moneyOrEmpty = (label: string) =>
  z
    .union([z.string(), z.number()], said(`${label}应为金额`, `${en(label)} must be an amount`))
    .superRefine(capString(TYPED_VALUE_MAX))
    .transform((v, ctx) => {
      const parsed = parseMoney(v);
      if (!parsed.ok) {
        ctx.addIssue(customIssue(bi(`${label}：${parsed.message}`, `${en(label)}: ${parsed.messageEn}`)));
        return z.NEVER;
      }
      return parsed.empty ? null : parsed.fen;
    });
const money = (label: string) =>
  moneyOrEmpty(label).transform((v, ctx) => {
    if (v === null) {
      ctx.addIssue(customIssue(bi(`请填写${label}`, `Enter the ${en(label).toLowerCase()}`)));
      return z.NEVER;
    }
    return v;
  });
const period = str(TYPED_VALUE_MAX)
  .trim()
  .transform((v, ctx) => {
    const parsed = parsePeriod(v);
    if (!parsed.ok) {
      ctx.addIssue(customIssue(bi(parsed.message, parsed.messageEn)));
      return z.NEVER;
    }
    return parsed.period;
  });
const year = z
  .number(said('年份必须是数字', 'The year must be a number'))
  .int()
  .min(1990, said('年份不能早于 1990', 'The year cannot be before 1990'))
  .max(9999, said('年份不能晚于 9999', 'The year cannot be after 9999'));
const tier = z.enum(TIERS, said('请选择分级', 'Choose the tier'));

export const revenueSet = z
  .object({
    customerId: customerId,
    period,
    line: z.enum([...PRODUCT_LINES, 'other'], said('未知的业务种类', 'Unknown line')),
    amount: moneyOrEmpty('收入'),
    /** A figure that looks wrong (shared/domain/revenue-sanity.ts) is saved only once confirmed. */
    confirm: z.boolean().default(false),
  })
  .strict();
/** One figure's source: the batch (file, sheet, row) or who typed it. */
export const revenueSource = z
  .object({
    customerId: customerId,
    period,
    line: z.enum([...PRODUCT_LINES, 'other'], said('未知的业务种类', 'Unknown line')),
  })
  .strict();
export const revenueSetNewspaper = z
  .object({
    customerId: customerId,
    period,
    annualTurnover: money('年流转额').refine(
      (v) => v >= 0,
      said('年流转额不能为负数', 'The annual turnover cannot be negative'),
    ),
    /** Percent, e.g. `25` or `25.5%`. */
    ratePercent: z
      .union([z.string(), z.number()])
      .superRefine(capString(TYPED_VALUE_MAX))
      .transform((v, ctx) => {
        const text = String(v)
          .trim()
          .replace(/[%％]$/, '');
        if (!/^\d{1,3}(\.\d{1,2})?$/.test(text) || Number(text) > 100) {
          ctx.addIssue(
            customIssue(
              bi(
                '平均费率应为 0–100 之间的百分数，最多两位小数',
                'The average rate is a percentage 0–100 with at most two decimals',
              ),
            ),
          );
          return z.NEVER;
        }
        const [whole, fraction = ''] = text.split('.');
        return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
      }),
    other: moneyOrEmpty('其他收入').transform((v) => v ?? 0),
  })
  .strict();
export const revenueCustomer = z.object({ customerId: customerId, year }).strict();
export const bureauSet = z
  .object({
    year,
    amount: money('全局年收入').refine(
      (v) => v > 0,
      said('全局年收入必须大于 0', 'The bureau’s annual revenue must be above 0'),
    ),
    /** R10: a different figure for a year already entered is refused (CONFLICT) unless this is true. */
    replace: z.boolean().default(false),
  })
  .strict();

export const customersSetAgreement = z.object({ id: customerId, since: isoDate.nullable() }).strict();

export const customersSetQualification = z
  .object({
    id: customerId,
    /** Null clears the decision. */
    decision: z
      .object({ qualified: z.boolean(), reason: text('理由', 300), approver: text('决定人', 40), decidedOn: isoDate })
      .strict()
      .nullable(),
  })
  .strict();

export const tiersRun = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('annual'), year, policyVersion: z.number().int().positive().optional() }).strict(),
    z.object({ kind: z.literal('monthly'), period, policyVersion: z.number().int().positive().optional() }).strict(),
  ],
  said('请选择年度分级或月度预览', 'Choose an annual run or a monthly preview'),
);
export const tiersSummary = z.object({ runId: id('分级批次') }).strict();
/** The annual run in force for its year (docs/DOMAIN-DECISIONS.md, "Tiers in force for a month"). */
export const tiersSetInForce = z.object({ runId: id('分级批次') }).strict();
export const tiersResults = z
  .object({
    runId: id('分级批次'),
    tier: z
      .enum([...TIERS, 'none'])
      .nullable()
      .default(null),
    scope: z.enum(SCOPES).nullable().default(null),
    unitId: id('单位').nullable().default(null),
    search: z.string().trim().max(60).default(''),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export const tiersExplain = z.object({ runId: id('分级批次'), customerId: customerId }).strict();
export const tiersApprove = z
  .object({
    customerId: customerId,
    tier: tier.default('diamond'),
    approver: text('审批人', 40),
    documentNo: text('批准文号', 60),
    reason: text('理由', 300),
    validFrom: isoDate,
    validTo: isoDate.nullable().default(null),
  })
  .strict()
  .refine((v) => v.validTo === null || v.validTo >= v.validFrom, {
    ...said('有效期止不能早于起', 'Valid to cannot be before valid from'),
    path: ['validTo'],
  });
export const tiersOverride = z
  .object({ customerId: customerId, tier, approver: text('审批人', 40), reason: text('理由', 300) })
  .strict();
export const tiersRevoke = z.object({ kind: z.enum(['approval', 'override']), id: id('记录') }).strict();

export const policiesGet = z.object({ version: z.number().int().positive() }).strict();
export const policiesDocument = z.object({ document: z.unknown() }).strict();
export const policiesWhatIf = z
  .object({
    document: z.unknown(),
    kind: z.enum(['annual', 'monthly']),
    year: year.optional(),
    period: period.optional(),
  })
  .strict()
  .refine((v) => (v.kind === 'annual' ? v.year !== undefined : v.period !== undefined), {
    ...said('年度分级需要年份，月度预览需要月份', 'An annual run needs a year, a monthly preview a month'),
  });

// ── Imports (DOMAIN-DECISIONS "Imports") ─────────────────────────────────────────────────
export const importsPreview = z
  .object({
    path: z.string().trim().min(1, said('请选择要导入的文件', 'Choose the file to import')).max(1000),
    /**
     * The file to be previewed after this one, when several were picked together: its parse may
     * start while this one is checked (nothing else is done with it until its own preview).
     */
    next: z.string().trim().min(1).max(1000).optional(),
    /** Chosen by the renderer to follow this preview through `imports/progress`. */
    progressId: str(64)
      .regex(/^[A-Za-z0-9-]{8,64}$/)
      .optional(),
  })
  .strict();
export const importsProgress = z.object({ progressId: str(64).regex(/^[A-Za-z0-9-]{8,64}$/) }).strict();
export const importsCommit = z
  .object({
    token: str(200).min(1),
    /** Rows with errors are left out only when the officer says so explicitly. */
    excludeErrorRows: z.boolean().default(false),
  })
  .strict();
export const importsUndo = z.object({ batchId: id('导入批次'), force: z.boolean().default(false) }).strict();
export const importsUndoCheck = z.object({ batchId: id('导入批次') }).strict();
export const importsErrorReport = z
  .object({
    /** The staged preview's token (imports/preview). */
    token: str(200, said('预览标识必须是文本', 'The preview token must be text')).min(
      1,
      said('请先预览文件，再生成问题清单', 'Preview the file before making its problem list'),
    ),
    /** Where to write the report (the save dialog's path); null returns the bytes instead. */
    path: str(FILE_PATH_MAX, said('文件路径必须是文本', 'The file path must be text'))
      .trim()
      .min(1, said('请选择保存位置', 'Choose where to save'))
      .max(1000)
      .refine(
        (p) => /\.xlsx$/i.test(p),
        said('问题清单文件名应以 .xlsx 结尾', 'The problem list’s file name must end in .xlsx'),
      )
      .nullable()
      .default(null),
  })
  .strict();
export const submissionsTracker = z.object({ period }).strict();
export const submissionsUnitBatches = z.object({ unitId: id('单位') }).strict();
/** The units' own analyses of a month (经营分析, R31); one unit by its code, or every unit. */
export const reportsUnitAnalyses = z
  .object({
    period,
    unitCode: unitCodeText.optional(),
  })
  .strict();

// ── Exports (R24–R26) ────────────────────────────────────────────────────────────────────
export const exportsBuild = z
  .object({
    form: z.enum(
      EXPORT_FORMS,
      said(
        '报表应为 6-1、6-2、7 或 province（省局报送包）',
        'The form is 6-1, 6-2, 7 or province (the province package)',
      ),
    ),
    period,
    /** A unit's code for a per-unit table; null (default) for the city. */
    unitCode: unitCodeText.nullable().default(null),
    /** Where to write the workbook (the path the officer chose); null returns the bytes instead. */
    path: str(FILE_PATH_MAX, said('文件路径必须是文本', 'The file path must be text'))
      .trim()
      .min(1, said('请选择保存位置', 'Choose where to save'))
      .max(1000)
      .refine((p) => /\.xlsx$/i.test(p), said('导出文件名应以 .xlsx 结尾', 'The export’s file name must end in .xlsx'))
      .nullable()
      .default(null),
  })
  .strict();
export const revenueSummary = z.object({ period }).strict();

/** Any list as shown on screen, saved as .xlsx (its columns, its filters, its rows in order). */
export const listsExport = z
  .object({
    path: str(FILE_PATH_MAX, said('文件路径必须是文本', 'The file path must be text'))
      .trim()
      .min(1, said('请选择保存位置', 'Choose where to save'))
      .max(1000)
      .refine((p) => /\.xlsx$/i.test(p), said('导出文件名应以 .xlsx 结尾', 'The export’s file name must end in .xlsx')),
    title: text('标题', 60),
    filters: z.array(z.string().max(200)).max(20).default([]),
    columns: z
      .array(z.object({ title: text('列名', 60), format: z.enum(LIST_COLUMN_FORMATS).default('text') }).strict())
      .min(1, said('至少要有一列', 'At least one column is needed'))
      .max(80),
    rows: z
      .array(z.array(z.union([z.string().max(32_767), z.number().finite(), z.null()])))
      .max(300_000, said('一次最多导出 300,000 行', 'At most 300,000 rows at a time')),
  })
  .strict()
  .superRefine((v, ctx) => {
    const bad = v.rows.findIndex((r) => r.length !== v.columns.length);
    if (bad >= 0) {
      ctx.addIssue(
        customIssue(
          bi(
            `第 ${bad + 1} 行有 ${v.rows[bad]?.length} 个值，应与列数 ${v.columns.length} 相同`,
            `Row ${bad + 1} has ${v.rows[bad]?.length} values; it must have one per column (${v.columns.length})`,
          ),
          ['rows', bad],
        ),
      );
    }
  });

// ── Templates (DOMAIN-DECISIONS "Templates") ─────────────────────────────────────────────
export const templatesGenerate = z
  .object({
    period,
    /** The folder the templates are written to (created when missing). */
    outDir: z
      .string(said('文件夹路径必须是文本', 'The folder path must be text'))
      .trim()
      .min(1, said('请选择保存模板的文件夹', 'Choose the folder for the templates'))
      .max(1000),
    /** One unit; absent: every active unit that has customers. */
    unitCode: unitCodeText.optional(),
    /** Replace files of the same name; otherwise an existing file stops the run before any is written. */
    overwrite: z.boolean().default(false),
  })
  .strict();

// ── The monthly analysis report (R28, R32) ───────────────────────────────────────────────
const reportUnitCode = unitCodeText.nullable().default(null);
/** A month and a scope: the city (unitCode null) or one unit with the units under it. */
export const reportsScope = z.object({ period, unitCode: reportUnitCode }).strict();
export const reportsList = z.object({ period: period.nullable().default(null), unitCode: reportUnitCode }).strict();
export const reportsId = z.object({ id: id('分析报告') }).strict();
export const reportsForCustomer = z.object({ customerId }).strict();
/** The officer's texts: at most 5,000 characters a part (about three printed pages). */
const reportText = (label: string) =>
  z
    .string(said(`${label}必须是文本`, `${en(label)} must be text`))
    .max(5000, said(`${label}不能超过 5,000 个字`, `${en(label)} is at most 5,000 characters`))
    .optional();
export const REPORT_FORMATS = ['pdf', 'docx', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
/** A report file's format and where to write it (the save dialog's path; null: a dry run giving the name and size). */
const reportFile = {
  format: z.enum(REPORT_FORMATS, said('格式应为 pdf、docx 或 xlsx', 'The format is pdf, docx or xlsx')),
  path: str(FILE_PATH_MAX, said('文件路径必须是文本', 'The file path must be text'))
    .trim()
    .min(1, said('请选择保存位置', 'Choose where to save'))
    .max(1000)
    .nullable()
    .default(null),
};
/** The path's ending must match the format. */
function endingMatchesFormat(v: { format: ReportFormat; path: string | null }, ctx: z.RefinementCtx): void {
  if (v.path !== null && !v.path.toLowerCase().endsWith(`.${v.format}`)) {
    ctx.addIssue(customIssue(bi(`文件名应以 .${v.format} 结尾`, `The file name must end in .${v.format}`), ['path']));
  }
}
/** One revision saved as PDF, Word or the tables workbook. */
export const reportsExport = z
  .object({ id: id('分析报告'), ...reportFile })
  .strict()
  .superRefine(endingMatchesFormat);
/** A month and scope's report as a file: its latest final revision, else its draft (kam report). */
export const reportsExportMonth = z
  .object({ period, unitCode: reportUnitCode, ...reportFile })
  .strict()
  .superRefine(endingMatchesFormat);
/** The customers behind one bar or slice of the dashboard (the same facts, filtered). */
export const reportsCustomers = z
  .object({
    period,
    unitCode: reportUnitCode,
    /** Which set: the month's key customers, the new or lost ones, or the R27 fluctuations. */
    set: z
      .enum(['key', 'added', 'lost', 'fluctuating'], said('未知的客户范围', 'Unknown set of customers'))
      .default('key'),
    tier: z.enum(TIERS, said('未知的分级', 'Unknown tier')).nullable().default(null),
    scope: z.enum(SCOPES, said('未知的客户范围类别', 'Unknown scope')).nullable().default(null),
    line: z
      .enum([...PRODUCT_LINES, 'other'], said('未知的业务', 'Unknown business line'))
      .nullable()
      .default(null),
    /** The comparison table's unit (UnitRow.unitId). */
    groupUnitId: id('单位').nullable().default(null),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();
export const reportsSaveTexts = z
  .object({
    id: id('分析报告'),
    texts: z
      .object({
        competition: reportText('竞争情况'),
        fluctuation: reportText('波动情况说明'),
        practice: reportText('上月工作及好的做法'),
        problems: reportText('存在问题及本月计划'),
        gold: reportText('黄金客户分析'),
      })
      .strict(),
  })
  .strict();

/** Backups (DOMAIN-DECISIONS "Backups"): a copy now (into `folder`, else backups/ beside the database). */
export const backupsCreate = z
  .object({
    folder: z
      .string(said('文件夹路径必须是文本', 'The folder path must be text'))
      .trim()
      .min(1, said('请选择文件夹', 'Choose a folder'))
      .max(1000)
      .optional(),
    /** The copy's own file name instead (`kam backup --out FILE`); it must not exist yet. */
    file: z
      .string(said('文件路径必须是文本', 'The file path must be text'))
      .trim()
      .min(1, said('请选择保存位置', 'Choose where to save'))
      .max(1000)
      .optional(),
  })
  .strict();
/** Restore one copy (the current database is saved first, so the restore can be undone). */
export const backupsRestore = z
  .object({
    file: z
      .string(said('请选择备份文件', 'Choose a backup file'))
      .trim()
      .min(1, said('请选择备份文件', 'Choose a backup file'))
      .max(1000),
  })
  .strict();

/** How many backups to keep (DOMAIN-DECISIONS "Backups", retention): whole numbers within sensible bounds. */
const keepCount = (zh: string, en: string, max: number) =>
  z
    .number(said(`请填写${zh}（0–${max} 的整数）`, `Enter ${en} (a whole number 0–${max})`))
    .int(said(`${zh}应为整数`, `${en} must be a whole number`))
    .min(0, said(`${zh}不能小于 0`, `${en} cannot be below 0`))
    .max(max, said(`${zh}不能超过 ${max}`, `${en} cannot exceed ${max}`));
export const backupsSetRetention = z
  .object({
    daily: keepCount('保留天数', 'the days kept', 365),
    weekly: keepCount('保留周数', 'the weeks kept', 104),
    monthly: keepCount('保留月数', 'the months kept', 120),
    preImport: keepCount('保留的导入前备份份数', 'the pre-import backups kept', 100),
  })
  .strict();

// The audit log and who acts (DOMAIN-DECISIONS "Audit log").
export const auditList = z
  .object({
    /** Rows with an id below this (the next page going back); null: from the newest. */
    before: z.number().int().positive().nullable().default(null),
    limit: z.number().int().min(1).max(500).default(100),
    actor: str(40).nullable().default(null),
    /** A channel, or its start (`customers/`). */
    channel: str(60).nullable().default(null),
    /** An entity (`customer:12345678901234`), exactly; ending in ':' every one it starts (`revenue:12345678901234:`). */
    entity: str(80).nullable().default(null),
    /**
     * A customer's rows: its own record, its qualification and its revenue months, and the import
     * batches that wrote a cell or a record of it (the customer is the hub: its page lists them).
     */
    customer: customerId.nullable().default(null),
    dateFrom: isoDate.nullable().default(null),
    dateTo: isoDate.nullable().default(null),
  })
  .strict();
export const operatorsList = z.object({ includeRetired: z.boolean().default(false) }).strict();
export const operatorsSave = z
  .object({
    /** Null: a new profile. */
    id: id('操作员').nullable().default(null),
    name: text('姓名', 20),
    title: optionalText('职务', 40),
    active: z.boolean().default(true),
  })
  .strict();
export const sessionStart = z.object({ operatorId: id('操作员') }).strict();

// ── 待办 (the work list) ──────────────────────────────────────────────────────────────────
/** `date` stands in for today (the command line's --date); a unit by its code; a manager by id. */
export const worklistList = z
  .object({
    date: isoDate.optional(),
    unitCode: unitCodeText.optional(),
    managerId: id('客户经理').optional(),
  })
  .strict();
export const worklistCounts = z.object({ date: isoDate.optional() }).strict();
export const customersTimeline = z.object({ id: customerId }).strict();
// ── Registrations (注册申报, R19) and marketing applications (营销申报) ──────────────────────

const registrationState = z.enum(
  ['pre_review', 'review', 'approved', 'rejected', 'released'],
  said('未知的申报状态', 'Unknown registration state'),
);
const registrationId = id('申报');
/** A phone as typed: digits, spaces, +, -, brackets, extension. */
const phone = str(60)
  .trim()
  .regex(
    /^[0-9０-９+＋\-－()（）\s转#]*$/u,
    said('电话号码只能包含数字、空格、+、-、括号', 'A phone number has digits, spaces, +, - and brackets only'),
  )
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();
/** `--date`: stands in for today (the CLI and tests); the backend's local date when absent. */
const today = isoDate.nullable().default(null);

/** R19a duplicate check, as the name is typed (the credit code validated: a wrong one is refused). */
export const registrationsDupcheck = z
  .object({
    name: text('客户全称', LIMIT.name),
    creditCode,
    phone,
    /** A registration being re-checked is not its own match. */
    excludeRegistrationId: registrationId.nullable().default(null),
  })
  .strict();
export const registrationsAdd = z
  .object({
    unitId: id('申报单位'),
    name: text('客户全称', LIMIT.name),
    areaCode,
    creditCode,
    phone,
    address: optionalText('地址', LIMIT.address),
    industry: optionalText('行业', LIMIT.industry),
    lines: z
      .array(z.enum(PRODUCT_LINES, said('未知的业务种类', 'Unknown line')))
      .max(PRODUCT_LINES.length)
      .default([]),
    evidence: optionalText('收入证明', 300),
    revenueFen: moneyOrEmpty('预计年收入').optional(),
    contact: optionalText('联系人', 20),
    reason: optionalText('申报理由', 300),
    date: today,
  })
  .strict();
export const registrationsDecide = z
  .object({
    id: registrationId,
    approve: z.boolean(said('请选择通过或驳回', 'Choose approve or reject')),
    reason: optionalText('意见', 300),
    /** R16: approve as a branch of this head office. */
    branchOf: customerId.nullable().default(null),
    /** R19: the centre's ruling on a conflict, and its basis. */
    ruling: z
      .enum(
        ['signing_location', 'escalation'],
        said('裁定依据应为合同签订地或上报裁定', 'A ruling is by signing location or escalation'),
      )
      .nullable()
      .default(null),
    /** R14: the scope the centre sets; its suggestion when absent. */
    scope: z.enum(SCOPES, said('未知的客户类型', 'Unknown scope')).nullable().default(null),
    date: today,
  })
  .strict();
export const registrationsList = z
  .object({
    state: registrationState.nullable().default(null),
    unitId: id('申报单位').nullable().default(null),
    /** The registrations that made or claim this customer (the customer page's header). */
    customerId: customerId.nullable().default(null),
    /** R19c: only approved registrations whose clock is in this state. */
    clock: z
      .enum(['confirmed', 'running', 'warning', 'lapsed'], said('未知的期限状态', 'Unknown clock state'))
      .nullable()
      .default(null),
    date: today,
  })
  .strict();
export const registrationsGet = z.object({ id: registrationId, date: today }).strict();
export const registrationsRelease = z
  .object({ id: registrationId, reason: text('释放理由', 300), date: today })
  .strict();

/** The centre's inbox of units' template rows (DOMAIN-DECISIONS "Template intake"). */
const submissionIds = z
  .array(id('收件'), said('请选择要处理的申报', 'Choose the submissions'))
  .min(1, said('请至少选择一条申报', 'Choose at least one submission'))
  .max(500, said('一次最多处理 500 条', 'At most 500 at a time'));
export const inboxList = z
  .object({
    state: z
      .enum(['pending', 'filed', 'declined', 'withdrawn'], said('未知的收件状态', 'Unknown inbox state'))
      .nullable()
      .default(null),
    kind: z.enum(['registration', 'application'], said('未知的申报类型', 'Unknown kind')).nullable().default(null),
    unitId: id('申报单位').nullable().default(null),
    batchId: id('导入批次').nullable().default(null),
  })
  .strict();
export const inboxFile = z.object({ ids: submissionIds, date: today }).strict();
export const inboxDecline = z.object({ ids: submissionIds, reason: text('不予受理的理由', 300) }).strict();

// ── Complaints (投诉, R33) and the working-day calendar they count on ─────────────────────────

/** A local wall-clock time, YYYY-MM-DDTHH:MM (R33 counts clock hours and working days). */
const localDateTime = str(20).refine(
  (v) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(v) && isIsoDate(v.slice(0, 10)),
  said('时间格式应为 YYYY-MM-DDTHH:MM，且是有效时间', 'A time must be a real time written YYYY-MM-DDTHH:MM'),
);
const calendarYear = z
  .number(said('年份必须是数字', 'The year must be a number'))
  .int(said('年份必须是整数', 'The year must be a whole number'))
  .min(2000, said('年份应在 2000–2100 之间', 'The year is between 2000 and 2100'))
  .max(2100, said('年份应在 2000–2100 之间', 'The year is between 2000 and 2100'));
export const holidaysShow = z.object({ year: calendarYear }).strict();
export const holidaysSet = z
  .object({
    year: calendarYear,
    off: z.array(isoDate).max(366).default([]),
    work: z.array(isoDate).max(366).default([]),
  })
  .strict();
const complaintId = id('投诉');
export const complaintsAdd = z
  .object({
    customerId,
    receivedAt: localDateTime,
    channel: text('受理渠道', 20),
    content: text('投诉内容', 1000),
    type: optionalText('投诉类型', 40),
    complex: z.boolean().default(false),
    /** The first receiver (R33: owns it to the end); the customer's unit when absent. */
    unitId: id('受理单位').nullable().default(null),
    /** When it was logged (R33: the day of receipt); now when absent (the CLI's --date). */
    loggedAt: localDateTime.nullable().default(null),
  })
  .strict();
export const complaintsEvent = z
  .object({
    id: complaintId,
    event: z.enum(['contact', 'pause', 'resume', 'close'], said('未知的投诉处理步骤', 'Unknown complaint step')),
    at: localDateTime,
    reason: optionalText('原因', 300),
    resolution: optionalText('处理结果', 1000),
    satisfaction: z.number().int().min(1).max(5).nullable().default(null),
  })
  .strict();
export const complaintsRoute = z.object({ id: complaintId, unitId: id('转办单位').nullable().default(null) }).strict();
export const complaintsList = z
  .object({
    open: z.boolean().default(false),
    customerId: customerId.nullable().default(null),
    /** The time breaches of open complaints are judged at; now when absent. */
    now: localDateTime.nullable().default(null),
  })
  .strict();

// ── Visits (拜访, R23) ─────────────────────────────────────────────────────────────────────────
/** R23: a held visit records who took part and the outcome; one not held, the reason. */
const visitResult = (
  v: { status: string; participants?: string | null; outcome?: string | null; reason?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (v.status === 'held') {
    if (!v.participants) ctx.addIssue(customIssue(bi('请填写参加人员', 'Enter the participants'), ['participants']));
    if (!v.outcome) ctx.addIssue(customIssue(bi('请填写拜访结果', 'Enter the outcome'), ['outcome']));
  } else if (v.status === 'not_held' && !v.reason)
    ctx.addIssue(customIssue(bi('请填写未拜访原因', 'Enter the reason it was not held'), ['reason']));
};
export const visitsAdd = z
  .object({
    customerId,
    date: isoDate,
    kind: z.enum(
      ['manager', 'leader'],
      said('拜访类型应为客户经理拜访或领导拜访', 'A visit is a manager’s or a leader’s'),
    ),
    status: z
      .enum(['planned', 'held', 'not_held'], said('拜访状态应为计划、已拜访或未拜访', 'Planned, held or not held'))
      .default('held'),
    managerId: id('客户经理').nullable().default(null),
    purpose: optionalText('拜访目的', 300),
    participants: optionalText('参加人员', 300),
    outcome: optionalText('拜访结果', 1000),
    reason: optionalText('未拜访原因', 300),
  })
  .strict()
  .superRefine(visitResult);
export const visitsList = z
  .object({ customerId: customerId.nullable().default(null), period: period.nullable().default(null) })
  .strict();
export const visitsObligations = z
  .object({
    period,
    unitCode: unitCodeText.nullable().default(null),
    shortOnly: z.boolean().default(false),
    customerId: customerId.nullable().default(null),
  })
  .strict();
/**
 * R23: a planned visit's result — held (participants and outcome required) or not held (the reason
 * required); `date` the day it was held when not the planned day.
 */
export const visitsRecord = z
  .object({
    id: id('拜访'),
    status: z.enum(['held', 'not_held'], said('请选择已拜访或未拜访', 'Choose held or not held')),
    date: isoDate.nullable().default(null),
    participants: optionalText('参加人员', 300),
    outcome: optionalText('拜访结果', 1000),
    reason: optionalText('未拜访原因', 300),
  })
  .strict()
  .superRefine(visitResult);
/** R23 completion: the month, or the year to its end (year to date). */
export const visitsCompletion = z
  .object({
    period,
    span: z.enum(['month', 'ytd'], said('范围应为本月或本年累计', 'The span is the month or the year to date')),
  })
  .strict();
/** R23 leader-led visits of a year, as of a day (default today). */
export const visitsLeaderCheck = z
  .object({ year, asOf: isoDate.nullable().default(null), customerId: customerId.nullable().default(null) })
  .strict();

// ── Developments and marketing logs (R21–R22) ─────────────────────────────────────────────────
const developmentId = id('开发项目');
const stage = z.enum(DEVELOPMENT_STAGES, said('未知的开发阶段', 'Unknown development stage'));
export const developmentsAdd = z
  .object({
    customerId,
    line: z.enum([...PRODUCT_LINES, 'other'], said('请选择业务种类', 'Choose the line')),
    title: optionalText('项目名称', 100),
    expectedRevenueFen: moneyOrEmpty('预计收入').nullable().default(null),
    expectedOn: isoDate.nullable().default(null),
    managerId: id('客户经理').nullable().default(null),
    /** The day it opened; today when absent. */
    date: today,
  })
  .strict();
export const developmentsMove = z
  .object({
    id: developmentId,
    to: z.enum([...DEVELOPMENT_STAGES, 'lost'], said('请选择推进到的阶段', 'Choose the stage to move to')),
    /** A lost development's reason (required), or the kept reason for a diamond stage with no entry (R22). */
    reason: optionalText('理由', 300),
    date: today,
  })
  .strict();
export const developmentsList = z
  .object({
    customerId: customerId.nullable().default(null),
    status: z.enum(['open', 'won', 'lost'], said('未知的状态', 'Unknown status')).nullable().default(null),
    unitCode: unitCodeText.nullable().default(null),
    date: today,
  })
  .strict();
export const logsAdd = z
  .object({
    customerId,
    developmentId: developmentId.nullable().default(null),
    date: isoDate,
    /** The development's current stage when absent. */
    stage: stage.nullable().default(null),
    method: z.enum(LOG_METHODS, said('请选择接触方式（拜访、电话、会议、信息）', 'Choose the method')),
    content: text('日志内容', 2000),
    ourParticipants: optionalText('我方人员', 200),
    theirParticipants: optionalText('客户方人员', 200),
    needs: optionalText('客户需求', 1000),
    cooperation: optionalText('合作情况', 1000),
    satisfaction: z
      .number(said('满意度应为 1–5', 'Satisfaction is 1–5'))
      .int()
      .min(1, said('满意度应为 1–5', 'Satisfaction is 1–5'))
      .max(5, said('满意度应为 1–5', 'Satisfaction is 1–5'))
      .nullable()
      .default(null),
    /** R22 general: the quarter's summary entry. */
    summary: z.boolean().default(false),
    /** The unit that kept it; the customer's unit when absent. */
    unitCode: unitCodeText.nullable().default(null),
    managerId: id('客户经理').nullable().default(null),
  })
  .strict();
export const logsList = z
  .object({
    customerId: customerId.nullable().default(null),
    developmentId: developmentId.nullable().default(null),
    unitCode: unitCodeText.nullable().default(null),
    from: isoDate.nullable().default(null),
    to: isoDate.nullable().default(null),
  })
  .strict();

// ── Staff scorecards (R34) ─────────────────────────────────────────────────────────────────────
const scorecardPart = z.enum(SCORECARD_PARTS, said('未知的考核项目', 'Unknown scorecard part'));
const targetYear = year
  .min(2000, said('年份应在 2000–2100 之间', 'The year is 2000–2100'))
  .max(2100, said('年份应在 2000–2100 之间', 'The year is 2000–2100'));
export const scorecardsList = z.object({ period, unitCode: unitCodeText.nullable().default(null) }).strict();
export const scorecardsRecords = z
  .object({
    period,
    managerId: id('客户经理').nullable().default(null),
    unitCode: unitCodeText.nullable().default(null),
    part: scorecardPart,
  })
  .strict()
  .refine(
    (v) => (v.managerId === null) !== (v.unitCode === null),
    said('请给出一位客户经理或一个单位', 'Name one manager or one unit'),
  );
export const scorecardsExport = z
  .object({
    period,
    unitCode: unitCodeText.nullable().default(null),
    path: str(FILE_PATH_MAX, said('文件路径必须是文本', 'The file path must be text'))
      .trim()
      .min(1, said('请选择保存位置', 'Choose where to save'))
      .max(1000)
      .refine((p) => /\.xlsx$/i.test(p), said('导出文件名应以 .xlsx 结尾', 'The export’s file name must end in .xlsx'))
      .nullable()
      .default(null),
  })
  .strict();
export const scorecardsTargets = z.object({ year: targetYear }).strict();
export const scorecardsSetTarget = z
  .object({
    managerId: id('客户经理'),
    year: targetYear,
    /** Null removes the target (the revenue part is then not judged). */
    revenueTargetFen: moneyOrEmpty('年度收入目标').refine(
      (v) => v === null || v > 0,
      said('年度收入目标应大于 0', 'The year’s target must be above 0'),
    ),
  })
  .strict();

// ── Classification table (附件2, R21) ───────────────────────────────────────────────────────────
const industryCode = str(20)
  .trim()
  .min(1, said('请填写行业代码', 'Enter the industry code'))
  .max(12, said('行业代码不能超过 12 个字符', 'An industry code is at most 12 characters'));
export const classificationGet = z.object({ date: today }).strict();
export const classificationSetIndustries = z
  .object({
    industries: z
      .array(z.object({ code: industryCode, name: text('行业名称', 60) }).strict())
      .min(1, said('至少保留一个行业', 'Keep at least one industry'))
      .max(200),
  })
  .strict();
export const classificationPlace = z.object({ industryCode, customerIds: z.array(customerId).max(20_000) }).strict();

// ── Industry ranking worksheet (R21 steps 2–3) ─────────────────────────────────────────────────
const prospectId = id('企业');
/** A factor's value: whole points 0–100 (百分制). */
const factorValue = z
  .number(said('分值必须是数字', 'A value must be a number'))
  .int(said('分值应为 0–100 的整数', 'A value is a whole number 0–100'))
  .min(0, said('分值应为 0–100 的整数', 'A value is a whole number 0–100'))
  .max(100, said('分值应为 0–100 的整数', 'A value is a whole number 0–100'));
const factorValues = z.record(
  str(20).regex(/^[a-z][a-z0-9_]{0,19}$/, said('因素代码不合规', 'Not a factor key')),
  factorValue,
);
export const rankingGet = z.object({ industryCode }).strict();
export const rankingSetFactors = z
  .object({
    industryCode,
    factors: z
      .array(
        z
          .object({
            key: str(20).regex(/^[a-z][a-z0-9_]{0,19}$/, said('因素代码不合规', 'Not a factor key')),
            name: text('因素名称', 30),
            weight: z
              .number(said('权重必须是数字', 'A weight must be a number'))
              .int(said('权重应为 0–100 的整数', 'A weight is a whole number 0–100'))
              .min(0, said('权重应为 0–100 的整数', 'A weight is a whole number 0–100'))
              .max(100, said('权重应为 0–100 的整数', 'A weight is a whole number 0–100')),
          })
          .strict(),
      )
      .min(1, said('至少需要一个排序因素', 'A worksheet needs at least one factor'))
      .max(10, said('排序因素最多 10 个', 'At most 10 factors')),
  })
  .strict();
export const rankingAddProspect = z
  .object({
    industryCode,
    name: text('企业名称', LIMIT.name),
    creditCode,
    areaCode,
    unitId: id('申报单位'),
    values: factorValues.default({}),
    note: optionalText('备注', 200),
  })
  .strict();
export const rankingUpdateProspect = z
  .object({
    id: prospectId,
    name: text('企业名称', LIMIT.name).optional(),
    creditCode,
    areaCode: areaCode.optional(),
    unitId: id('申报单位').optional(),
    /** Merged into the prospect's values; a null value clears that factor. */
    values: z.record(z.string(), factorValue.nullable()).optional(),
    note: optionalText('备注', 200),
  })
  .strict();
export const rankingRemoveProspect = z.object({ id: prospectId }).strict();
export const rankingRegister = z
  .object({ id: prospectId, reason: optionalText('申报理由', 300), date: today })
  .strict();

// ── Tariff discounts (资费优惠, R29) ───────────────────────────────────────────────────────────
/** A rate per charging unit, typed as money (`12.50`, `¥0.80`); at most ¥1,000,000. */
const rate = (label: string) =>
  money(label).superRefine((v, ctx) => {
    if (v <= 0) ctx.addIssue(customIssue(bi(`${label}须大于 0`, `${en(label)} must be above 0`)));
    else if (v > 100_000_000)
      ctx.addIssue(customIssue(bi(`${label}不能超过 ¥1,000,000.00`, `${en(label)} cannot exceed ¥1,000,000.00`)));
  });
const discountId = id('资费优惠申请');
export const DISCOUNT_STATUSES = ['pending', 'approved', 'rejected', 'withdrawn'] as const;
export const discountsAdd = z
  .object({
    customerId,
    line: z.enum([...PRODUCT_LINES, 'other'], said('请选择业务种类', 'Choose the line')),
    rateUnit: text('计价单位', 20).default('件'),
    standardRate: rate('标准资费'),
    proposedRate: rate('优惠资费'),
    /** Expected charging units a month; absent: the volume conditions count as met (R29). */
    monthlyVolume: z
      .number(said('预计月业务量必须是数字', 'The monthly volume must be a number'))
      .int(said('预计月业务量必须是整数', 'The monthly volume must be a whole number'))
      .min(0, said('预计月业务量不能为负数', 'The monthly volume cannot be negative'))
      .max(10_000_000, said('预计月业务量不能超过 10,000,000', 'The monthly volume cannot exceed 10,000,000'))
      .nullable()
      .default(null),
    reason: text('优惠理由', 500),
    validFrom: isoDate,
    validTo: isoDate,
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.proposedRate >= v.standardRate)
      ctx.addIssue(
        customIssue(bi('优惠资费应低于标准资费', 'The proposed rate must be below the standard rate'), [
          'proposedRate',
        ]),
      );
    if (v.validTo < v.validFrom)
      ctx.addIssue(customIssue(bi('有效期止不能早于有效期起', 'The end cannot be before the start'), ['validTo']));
  });
export const discountsDecide = z
  .object({
    id: discountId,
    decision: z.enum(['approve', 'reject'], said('审批结果应为同意或驳回', 'Approve or reject')),
    /** The step the officer is deciding, as shown; refused if the chain has moved on. */
    step: z
      .number(said('审批步骤必须是数字', 'The step must be a number'))
      .int(said('审批步骤必须是整数', 'The step must be a whole number'))
      .min(0, said('审批步骤不能为负数', 'The step cannot be negative'))
      .nullable()
      .default(null),
    approver: optionalText('签批人', 40),
    comment: optionalText('审批意见', 500),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.decision === 'reject' && !v.comment)
      ctx.addIssue(customIssue(bi('驳回须填写审批意见', 'A rejection needs a comment'), ['comment']));
  });
export const discountsWithdraw = z.object({ id: discountId, reason: text('撤回原因', 300) }).strict();
export const discountsList = z
  .object({
    customerId: customerId.nullable().default(null),
    status: z.enum(DISCOUNT_STATUSES, said('未知的审批状态', 'Unknown status')).nullable().default(null),
    unitCode: unitCodeText.nullable().default(null),
  })
  .strict();

const applicationId = id('营销申报');
export const applicationsAdd = z
  .object({
    customerId,
    unitId: id('申报单位'),
    plan: text('营销方案', 500),
    startsOn: isoDate,
    untilOn: isoDate,
    expectedRevenueFen: money('预计收入'),
    date: today,
  })
  .strict();
export const applicationsDecide = z
  .object({
    id: applicationId,
    /** The owner unit's opinion (first step) or the centre's ruling (second). */
    approve: z.boolean(said('请选择同意或不同意', 'Choose agree or disagree')),
    opinion: text('意见', 300),
    /** The ruling's revenue attribution: the applying unit's share, percent. */
    attributionPercent: z.number().int().min(0).max(100).nullable().default(null),
    endOn: isoDate.nullable().default(null),
    date: today,
  })
  .strict();
export const applicationsList = z
  .object({
    customerId: customerId.nullable().default(null),
    unitId: id('申报单位').nullable().default(null),
    date: today,
  })
  .strict();

// ---------------------------------------------------------------------------------------------
// Archives (R17–R18), customer managers and teams (R20), 客户经理变动 batches (R30).
// DOMAIN-DECISIONS "Archives and managers (R17, R18, R20, R30)".

const archiveField = (f: ArchiveField) =>
  f.type === 'integer'
    ? z
        .number(said(`${f.zh}必须是数字`, `${f.en} must be a number`))
        .int(said(`${f.zh}必须是整数`, `${f.en} must be a whole number`))
        .min(0, said(`${f.zh}不能为负数`, `${f.en} cannot be negative`))
        .max(f.max, said(`${f.zh}不能超过 ${f.max}`, `${f.en} is at most ${f.max}`))
        .nullable()
        .optional()
    : str(2 * f.max + 200, said(`${f.zh}必须是文本`, `${f.en} must be text`))
        .trim()
        .superRefine((v, ctx) => {
          const problem = tooLongText({ zh: f.zh, en: f.en }, f.max, v);
          if (problem) ctx.addIssue(customIssue(problem));
        })
        .nullable()
        .optional();
/** A block's fields as the channel takes them (typed loosely: the fields come from fields.ts). */
type ArchiveInputRecord = Record<string, string | number | null | undefined>;
const archiveRecord = (key: ArchiveBlockKey) =>
  z
    .object(Object.fromEntries(blockOf(key).fields.map((f) => [f.key, archiveField(f)])))
    .strict() as unknown as z.ZodType<ArchiveInputRecord, ArchiveInputRecord>;
const archiveEntries = (key: RepeatableBlockKey) => {
  const block = blockOf(key);
  const shape: Record<string, z.ZodType> = { key: str(40).nullable().optional() };
  for (const f of block.fields) shape[f.key] = archiveField(f);
  return z
    .array(z.object(shape).strict())
    .max(
      block.maxEntries,
      said(`${block.zh}最多 ${block.maxEntries} 项`, `${block.en}: at most ${block.maxEntries}`),
    ) as unknown as z.ZodType<ArchiveInputRecord[], ArchiveInputRecord[]>;
};
const archiveDate = isoDate.nullable().default(null);

export const archivesGet = z
  .object({
    customerId,
    /** A revision to show; null: the latest. */
    revision: z.number().int().positive().nullable().default(null),
    /** Stands in for today (the due date is judged on it). */
    date: archiveDate,
  })
  .strict();
export const archivesViewPersonal = z
  .object({
    customerId,
    revision: z.number().int().positive().nullable().default(null),
    /** Why the key persons are shown (recorded with the viewing, R17). */
    purpose: text('查看原因', 100),
    date: archiveDate,
  })
  .strict();
export const archivesUpdate = z
  .object({
    customerId,
    basic: archiveRecord('basic').optional(),
    extended: archiveRecord('extended').optional(),
    keyPersons: archiveEntries('keyPersons').optional(),
    competitors: archiveEntries('competitors').optional(),
    /** 已核实，无变化: checked, nothing changed — counts as an update (R18). */
    verified: z.boolean().default(false),
    note: optionalText('备注', 200),
  })
  .strict();
export const archivesCustomer = z.object({ customerId }).strict();
export const archivesDiff = z
  .object({
    customerId,
    /** 0: the empty archive before the first revision. */
    from: z.number().int().min(0),
    to: z.number().int().positive(),
  })
  .strict();
export const archivesDuties = z.object({ date: archiveDate, overdueOnly: z.boolean().default(false) }).strict();

const managerRole = z.enum(['A', 'B', 'responsible'], said('角色应为 A、B 或 专人', 'The role is A, B or responsible'));
export const assignmentsGet = z.object({ customerId, date: archiveDate }).strict();
export const assignmentsProblems = z.object({ date: archiveDate }).strict();
export const assignmentsSet = z
  .object({
    customerId,
    role: managerRole,
    managerId: id('客户经理'),
    fromOn: isoDate,
    reason: optionalText('理由', 200),
  })
  .strict();
export const assignmentsEnd = z
  .object({ customerId, role: managerRole, toOn: isoDate, reason: text('理由', 200) })
  .strict();
export const assignmentsSetLead = z
  .object({
    customerId,
    lead: z.enum(['A', 'B'], said('牵头角色应为 A 或 B', 'The lead is A or B')),
    fromOn: isoDate,
    reason: text('理由', 200),
  })
  .strict();
export const assignmentsReassign = z
  .object({
    fromManagerId: id('客户经理'),
    toManagerId: id('客户经理'),
    on: isoDate,
    reason: text('理由', 200),
  })
  .strict();
export const teamsList = z.object({ customerId }).strict();
export const teamsAdd = z
  .object({
    customerId,
    unitId: id('单位'),
    managerId: id('客户经理').nullable().default(null),
    purpose: text('项目组职责', 100),
    fromOn: isoDate,
    toOn: isoDate.nullable().default(null),
  })
  .strict();
export const teamsEnd = z.object({ customerId, memberId: id('记录'), toOn: isoDate }).strict();

export const managerChangesPreview = z.object({ path: str(FILE_PATH_MAX).min(1) }).strict();
export const managerChangesCommit = z
  .object({ token: str(200).min(1), excludeErrorRows: z.boolean().default(false) })
  .strict();
export const managerChangesBatch = z.object({ batchId: id('导入批次') }).strict();
export const managerChangesLate = z
  .object({
    month: str(20)
      .regex(/^\d{4}-\d{2}$/, said('月份格式应为 YYYY-MM', 'A month is written YYYY-MM'))
      .nullable()
      .default(null),
  })
  .strict();

/** 回执: one workbook per unit (or one unit's) for a month, into a folder the officer chose. */
export const receiptsGenerate = z
  .object({
    period,
    outDir: z
      .string(said('文件夹路径必须是文本', 'The folder path must be text'))
      .trim()
      .min(1, said('请选择保存回执的文件夹', 'Choose the folder for the receipts'))
      .max(1000),
    unitCode: unitCodeText.optional(),
    overwrite: z.boolean().default(false),
  })
  .strict();
