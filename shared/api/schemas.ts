/** Input schemas, one per channel. Messages are Chinese: they reach the officer as they are. */
import { z } from 'zod';
import { checkCreditCode } from '../domain/credit-code';
import { isIsoDate } from '../domain/dates';
import { PRODUCT_LINES } from '../domain/lines';
import { EMPLOYMENT_KINDS, MANAGER_POSTS, UNIT_KINDS } from '../domain/organisation';

const isoDate = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD，且是有效日期' });
const text = (label: string, max: number) =>
  z
    .string({ message: `${label}必须是文本` })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过 ${max} 个字` });
const optionalText = (label: string, max: number) =>
  z
    .string({ message: `${label}必须是文本` })
    .trim()
    .max(max, { message: `${label}不能超过 ${max} 个字` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();
const id = (label: string) =>
  z
    .number({ message: `${label}必须是数字` })
    .int()
    .positive();
const areaCode = z.string().regex(/^\d{6}$/, { message: '区划代码应为 6 位数字（GB/T 2260）' });
const customerId = z.string().regex(/^\d{14}$/, { message: '客户编号应为 14 位数字' });
const creditCode = z
  .string()
  .trim()
  .transform((v, ctx) => {
    if (v === '') return null;
    const check = checkCreditCode(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.message });
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

export const unitsList = z.object({ includeRetired: z.boolean().default(false) }).strict();
export const unitsCreate = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{2,12}$/, { message: '单位代码应为 2–12 位字母、数字或“-”' }),
    name: text('单位名称', 40),
    kind: z.enum(UNIT_KINDS, { message: '请选择单位类型' }),
    parentId: id('上级单位').nullable(),
    areaCode: areaCode.nullable().default(null),
    mainLine: z.enum(PRODUCT_LINES).nullable().default(null),
    minManagers: z.number().int().min(0).max(99).nullable().default(null),
  })
  .strict();
export const unitsRename = z.object({ id: id('单位'), name: text('单位名称', 40) }).strict();
export const unitsRetire = z.object({ id: id('单位'), retiredOn: isoDate }).strict();
export const unitsReinstate = z.object({ id: id('单位') }).strict();
export const unitsSetMinimum = z.object({ id: id('单位'), minManagers: z.number().int().min(0).max(99) }).strict();

export const managersList = z
  .object({ unitId: id('单位').nullable().default(null), includeInactive: z.boolean().default(false) })
  .strict();
export const managersRegister = z
  .object({
    name: text('姓名', 20),
    unitId: id('单位'),
    post: z.enum(MANAGER_POSTS, { message: '请选择岗位' }),
    employment: z.enum(EMPLOYMENT_KINDS, { message: '请选择专职或兼职' }),
    phone: optionalText('电话', 30),
    effectiveOn: isoDate,
  })
  .strict();
export const managersUpdate = z
  .object({
    id: id('客户经理'),
    name: text('姓名', 20),
    post: z.enum(MANAGER_POSTS, { message: '请选择岗位' }),
    employment: z.enum(EMPLOYMENT_KINDS, { message: '请选择专职或兼职' }),
    phone: optionalText('电话', 30),
    effectiveOn: isoDate,
  })
  .strict();
export const managersMove = z.object({ id: id('客户经理'), toUnitId: id('调入单位'), effectiveOn: isoDate }).strict();
export const managersLeave = z
  .object({ id: id('客户经理'), effectiveOn: isoDate, reason: text('离岗原因', 200) })
  .strict();
export const managersChanges = z
  .object({
    managerId: id('客户经理').nullable().default(null),
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/, { message: '月份格式应为 YYYY-MM' })
      .nullable()
      .default(null),
  })
  .strict();

export const customersList = z
  .object({
    search: z.string().trim().max(60, { message: '搜索内容不能超过 60 个字' }).default(''),
    unitId: id('单位').nullable().default(null),
    /** Only customers that can have branches (branch number 000), for the head-office picker. */
    headOfficesOnly: z.boolean().default(false),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(100),
  })
  .strict();
export const customersGet = z.object({ id: customerId }).strict();
export const customersCreate = z
  .object({
    name: text('客户全称', 80),
    shortName: optionalText('客户简称', 30),
    areaCode,
    unitId: id('所属单位'),
    industry: optionalText('行业', 30),
    creditCode,
    address: optionalText('地址', 120),
    parentId: customerId.nullable().default(null),
    /** The officer saw the same-name warning and creates it anyway. */
    confirmDuplicateName: z.boolean().default(false),
  })
  .strict();
export const customersUpdate = z
  .object({
    id: customerId,
    name: text('客户全称', 80),
    shortName: optionalText('客户简称', 30),
    areaCode,
    unitId: id('所属单位'),
    industry: optionalText('行业', 30),
    creditCode,
    address: optionalText('地址', 120),
    confirmDuplicateName: z.boolean().default(false),
  })
  .strict();
export const customersCheckDuplicates = z
  .object({
    name: z.string().trim().max(80).default(''),
    creditCode: z.string().trim().max(30).default(''),
    excludeId: customerId.nullable().default(null),
  })
  .strict();
