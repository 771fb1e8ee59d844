/**
 * R0: a policy is refused with its reasons before it can be saved or tried: bands out of order,
 * weights not summing to 100, tier cut-offs not descending, negative amounts, unknown values.
 */
import { z } from 'zod';
import { isIsoDate } from '../dates';
import { PRODUCT_LINES } from '../lines';
import { UNIT_KINDS } from '../organisation';
import { SCOPES, TIERS } from '../tiers';
import { CADENCES, type Policy, RESPONSIBLE_ROLES } from './policy';

// A type message only: in zod 4 a plain `message` would also replace the range messages.
const count = (label: string) =>
  z
    .number({
      error: (issue) => (issue.code === 'invalid_type' ? `${label}必须是数字` : undefined),
    })
    .int({ message: `${label}必须是整数` })
    .min(0, { message: `${label}不能为负数` });
const fen = (label: string) => count(label).max(Number.MAX_SAFE_INTEGER, { message: `${label}超出范围` });
const score = (label: string) => count(label).max(100, { message: `${label}不能超过 100` });
const threshold = z.object({ lastYearMin: fen('上年收入门槛'), thisMonthMin: fen('当月收入门槛') }).strict();
const band = (unit: string) => z.object({ min: fen(`档位下限（${unit}）`), score: score('得分') }).strict();
const byTier = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(TIERS.map((t) => [t, value])) as Record<(typeof TIERS)[number], T>).strict();
const byScope = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(SCOPES.map((s) => [s, value])) as Record<(typeof SCOPES)[number], T>).strict();

function descendingBands(bands: { min: number; score: number }[], ctx: z.RefinementCtx, path: (string | number)[]) {
  bands.forEach((b, i) => {
    const prev = bands[i - 1];
    if (prev && b.min >= prev.min) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'min'],
        message: `档位须从高到低排列：第 ${i + 1} 档下限应低于第 ${i} 档`,
      });
    }
    if (prev && b.score > prev.score) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, i, 'score'],
        message: `档位得分须随下限降低而不升：第 ${i + 1} 档得分高于第 ${i} 档`,
      });
    }
  });
}

export const policySchema = z
  .object({
    version: z.number().int().positive({ message: '版本号必须是正整数' }),
    label: z.string().trim().min(1, { message: '请填写版本说明' }).max(80),
    effectiveFrom: z.string().refine(isIsoDate, { message: '生效日期格式应为 YYYY-MM-DD' }),
    qualification: z
      .object({
        comprehensive: threshold,
        professional: z
          .object(
            Object.fromEntries(PRODUCT_LINES.map((l) => [l, threshold])) as Record<
              (typeof PRODUCT_LINES)[number],
              typeof threshold
            >,
          )
          .strict(),
      })
      .strict(),
    scoring: z
      .object({
        revenueBands: z.array(band('分')).min(1, { message: '收入得分至少要有一档' }),
        revenueBelowScore: score('最低档以下得分'),
        shareBands: z.array(band('百万分之')).min(1, { message: '占比得分至少要有一档' }),
        shareBelowScore: score('最低档以下得分'),
        weights: z.object({ revenue: score('收入权重'), share: score('占比权重'), credit: score('信用权重') }).strict(),
      })
      .strict()
      .superRefine((s, ctx) => {
        descendingBands(s.revenueBands, ctx, ['revenueBands']);
        descendingBands(s.shareBands, ctx, ['shareBands']);
        const last = (bands: { score: number }[]) => bands[bands.length - 1]?.score ?? 0;
        if (s.revenueBelowScore > last(s.revenueBands)) {
          ctx.addIssue({ code: 'custom', path: ['revenueBelowScore'], message: '最低档以下的收入得分不能高于最低档' });
        }
        if (s.shareBelowScore > last(s.shareBands)) {
          ctx.addIssue({ code: 'custom', path: ['shareBelowScore'], message: '最低档以下的占比得分不能高于最低档' });
        }
        const sum = s.weights.revenue + s.weights.share + s.weights.credit;
        if (sum !== 100) {
          ctx.addIssue({ code: 'custom', path: ['weights'], message: `权重合计应为 100%，当前为 ${sum}%` });
        }
      }),
    tiers: z
      .object({ diamond: score('钻石分数线'), gold: score('黄金分数线'), silver: score('白银分数线') })
      .strict()
      .refine((t) => t.diamond > t.gold && t.gold > t.silver, {
        message: '分数线须满足 钻石 > 黄金 > 白银',
      }),
    scope: z
      .object({
        dominantLinePercent: count('主营业务占比').min(1, { message: '主营业务占比应在 1–100 之间' }).max(100),
      })
      .strict(),
    responsibility: byTier(byScope(z.enum(RESPONSIBLE_ROLES, { message: '未知的负责单位' }))),
    archiveCadence: byTier(z.enum(CADENCES, { message: '未知的建档周期' })),
    visits: z
      .object({
        leaderPerYear: z
          .object({ min: count('领导走访下限'), max: count('领导走访上限') })
          .strict()
          .refine((v) => v.min <= v.max, { message: '领导走访次数下限不能大于上限' }),
        monthly: byScope(byTier(count('每月走访次数').max(31))),
        provinceDiamondMonthly: count('省局钻石客户每月走访次数').max(31),
      })
      .strict(),
    abRoleTiers: z.array(z.enum(TIERS)),
    fluctuationPercent: count('波动幅度').min(1, { message: '波动幅度应大于 0' }).max(1000),
    registrationLapseMonths: count('申报失效月数').min(1).max(60),
    reports: z
      .object({
        keyCustomerMinTier: z.enum(TIERS),
        keyCustomerTopN: count('前 N 名').min(1).max(1000),
        provinceMonthlyAverageMin: fen('省局报送月均收入门槛'),
        provinceTopN: count('前 N 名').min(1).max(1000),
      })
      .strict(),
    organisation: z
      .object({
        minAccountManagers: z
          .object(
            Object.fromEntries(UNIT_KINDS.map((k) => [k, count('最低客户经理人数').max(99)])) as Record<
              (typeof UNIT_KINDS)[number],
              z.ZodNumber
            >,
          )
          .strict(),
      })
      .strict(),
    reporting: z
      .object({
        managerChangeDueDay: count('变动报送日').min(1).max(31),
        unitReportDueDay: count('单位报送日').min(1).max(31),
        centreReportDueDay: count('中心报送日').min(1).max(31),
      })
      .strict(),
  })
  .strict();

export type PolicyCheck = { ok: true; policy: Policy } | { ok: false; issues: { path: string; message: string }[] };

export function validatePolicy(input: unknown): PolicyCheck {
  // Chinese messages whichever side loads this first (the registry also sets them globally).
  const parsed = policySchema.safeParse(input, { error: z.locales.zhCN().localeError });
  if (parsed.success) return { ok: true, policy: parsed.data as Policy };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  };
}
