/**
 * R0: a policy is refused with its reasons before it can be saved or tried: bands out of order,
 * weights not summing to 100, tier cut-offs not descending, negative amounts, unknown values.
 */
import { z } from 'zod';
import { bi, customIssue, issueEnglish, said } from '../bilingual';
import { isIsoDate } from '../dates';
import { PRODUCT_LINES } from '../lines';
import { UNIT_KINDS } from '../organisation';
import { SCOPES, TIERS } from '../tiers';
import { CADENCES, POLICY_V1, type Policy, RESPONSIBLE_ROLES, SCORECARD_PARTS, type ScorecardPart } from './policy';

// A type message only: in zod 4 a plain `message` would also replace the range messages.
// Each label in both languages: [Chinese, English].
type Label = readonly [zh: string, en: string];
const count = ([zh, en]: Label) =>
  z
    .number({
      error: (issue) =>
        issue.code === 'invalid_type' ? said(`${zh}必须是数字`, `${en} must be a number`).message : undefined,
    })
    .int(said(`${zh}必须是整数`, `${en} must be a whole number`))
    .min(0, said(`${zh}不能为负数`, `${en} cannot be negative`));
const fen = (label: Label) =>
  count(label).max(Number.MAX_SAFE_INTEGER, said(`${label[0]}超出范围`, `${label[1]} is out of range`));
const score = (label: Label) => count(label).max(100, said(`${label[0]}不能超过 100`, `${label[1]} cannot exceed 100`));
const threshold = z
  .object({
    lastYearMin: fen(['上年收入门槛', 'Last year’s revenue threshold']),
    thisMonthMin: fen(['当月收入门槛', 'This month’s revenue threshold']),
  })
  .strict();
const band = (unit: Label) =>
  z
    .object({
      min: fen([`档位下限（${unit[0]}）`, `Band floor (${unit[1]})`]),
      score: score(['得分', 'Score']),
    })
    .strict();
const byTier = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(TIERS.map((t) => [t, value])) as Record<(typeof TIERS)[number], T>).strict();
const byScope = <T extends z.ZodType>(value: T) =>
  z.object(Object.fromEntries(SCOPES.map((s) => [s, value])) as Record<(typeof SCOPES)[number], T>).strict();

function descendingBands(bands: { min: number; score: number }[], ctx: z.RefinementCtx, path: (string | number)[]) {
  bands.forEach((b, i) => {
    const prev = bands[i - 1];
    if (prev && b.min >= prev.min) {
      ctx.addIssue(
        customIssue(
          bi(
            `档位须从高到低排列：第 ${i + 1} 档下限应低于第 ${i} 档`,
            `Bands go from high to low: band ${i + 1}’s floor must be below band ${i}’s`,
          ),
          [...path, i, 'min'],
        ),
      );
    }
    if (prev && b.score > prev.score) {
      ctx.addIssue(
        customIssue(
          bi(
            `档位得分须随下限降低而不升：第 ${i + 1} 档得分高于第 ${i} 档`,
            `A lower band cannot score more: band ${i + 1} scores more than band ${i}`,
          ),
          [...path, i, 'score'],
        ),
      );
    }
  });
}

const discountCondition = z
  .object({
    minDepthBp: count(['优惠幅度下限（基点）', 'Discount depth floor (basis points)'])
      .min(1, said('优惠幅度下限应在 1–10000 基点之间', 'The depth floor must be 1–10000 basis points'))
      .max(10_000, said('优惠幅度下限应在 1–10000 基点之间', 'The depth floor must be 1–10000 basis points'))
      .optional(),
    tiers: z
      .array(z.enum(TIERS, said('未知的客户分级', 'Unknown tier')))
      .min(1)
      .optional(),
    minMonthlyRevenue: fen(['月收入下限', 'Monthly revenue floor']).optional(),
  })
  .strict()
  .refine(
    (c) => c.minDepthBp !== undefined || c.tiers !== undefined || c.minMonthlyRevenue !== undefined,
    said('审批条件至少要有一项', 'A condition needs at least one field'),
  );
const discountStep = z
  .object({
    role: z
      .string()
      .regex(
        /^[a-z][a-z0-9_]{0,39}$/,
        said('审批角色代码应为小写字母、数字或下划线', 'A role key is lower-case letters, digits or _'),
      ),
    zh: z.string().trim().min(1, said('请填写审批角色名称', 'Name the approving role')).max(40),
    en: z.string().trim().min(1, said('请填写审批角色的英文名称', 'Name the approving role in English')).max(80),
    always: z.boolean(),
    anyOf: z.array(discountCondition).max(20),
  })
  .strict();
/** R29, added with discounts: versions stored before them take the seed's chain. */
const DISCOUNTS_DEFAULT = POLICY_V1.discounts;
const discounts = z
  .object({
    steps: z
      .array(discountStep)
      .min(1, said('资费优惠至少要有一个审批步骤', 'Discounts need at least one approval step'))
      .max(10),
    stepDays: count(['每步审批天数', 'Days for each approval step']).min(1).max(90),
    expiringWarningDays: count(['优惠到期提醒天数', 'Days of warning before a discount ends']).max(366),
    maxValidityMonths: count(['优惠最长有效月数', 'Longest validity of a discount, months']).min(1).max(60),
  })
  .strict()
  .superRefine((d, ctx) => {
    // R29: no request passes by itself — some step is needed by every request.
    if (!d.steps.some((s) => s.always))
      ctx.addIssue(
        customIssue(
          bi(
            '至少要有一个审批步骤对所有申请都适用（R29：任何优惠申请都须审批）',
            'At least one step must apply to every request (R29: no request passes by itself)',
          ),
          ['steps'],
        ),
      );
    d.steps.forEach((s, i) => {
      if (!s.always && s.anyOf.length === 0)
        ctx.addIssue(
          customIssue(
            bi(`第 ${i + 1} 步既非必经，也没有适用条件`, `Step ${i + 1} is neither always needed nor has a condition`),
            ['steps', i, 'anyOf'],
          ),
        );
      if (d.steps.findIndex((o) => o.role === s.role) !== i)
        ctx.addIssue(
          customIssue(bi(`审批角色 ${s.role} 重复`, `The role ${s.role} appears twice`), ['steps', i, 'role']),
        );
    });
  })
  .default(() => JSON.parse(JSON.stringify(DISCOUNTS_DEFAULT)) as Policy['discounts']);

export const policySchema = z
  .object({
    version: z.number().int().positive(said('版本号必须是正整数', 'The version must be a positive whole number')),
    label: z.string().trim().min(1, said('请填写版本说明', 'Describe the version')).max(80),
    effectiveFrom: z
      .string()
      .refine(isIsoDate, said('生效日期格式应为 YYYY-MM-DD', 'The effective date must be YYYY-MM-DD')),
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
        revenueBands: z
          .array(band(['分', 'fen']))
          .min(1, said('收入得分至少要有一档', 'Revenue scoring needs at least one band')),
        revenueBelowScore: score(['最低档以下得分', 'Score below the lowest band']),
        shareBands: z
          .array(band(['百万分之', 'parts per million']))
          .min(1, said('占比得分至少要有一档', 'Share scoring needs at least one band')),
        shareBelowScore: score(['最低档以下得分', 'Score below the lowest band']),
        weights: z
          .object({
            revenue: score(['收入权重', 'Revenue weight']),
            share: score(['占比权重', 'Share weight']),
            credit: score(['信用权重', 'Credit weight']),
          })
          .strict(),
      })
      .strict()
      .superRefine((s, ctx) => {
        descendingBands(s.revenueBands, ctx, ['revenueBands']);
        descendingBands(s.shareBands, ctx, ['shareBands']);
        const last = (bands: { score: number }[]) => bands[bands.length - 1]?.score ?? 0;
        if (s.revenueBelowScore > last(s.revenueBands)) {
          ctx.addIssue(
            customIssue(
              bi(
                '最低档以下的收入得分不能高于最低档',
                'Revenue below the lowest band cannot score more than that band',
              ),
              ['revenueBelowScore'],
            ),
          );
        }
        if (s.shareBelowScore > last(s.shareBands)) {
          ctx.addIssue(
            customIssue(
              bi(
                '最低档以下的占比得分不能高于最低档',
                'A share below the lowest band cannot score more than that band',
              ),
              ['shareBelowScore'],
            ),
          );
        }
        const sum = s.weights.revenue + s.weights.share + s.weights.credit;
        if (sum !== 100) {
          ctx.addIssue(
            customIssue(bi(`权重合计应为 100%，当前为 ${sum}%`, `The weights must add up to 100%, not ${sum}%`), [
              'weights',
            ]),
          );
        }
      }),
    tiers: z
      .object({
        diamond: score(['钻石分数线', 'Diamond cut-off']),
        gold: score(['黄金分数线', 'Gold cut-off']),
        silver: score(['白银分数线', 'Silver cut-off']),
      })
      .strict()
      .refine(
        (t) => t.diamond > t.gold && t.gold > t.silver,
        said('分数线须满足 钻石 > 黄金 > 白银', 'The cut-offs must be diamond > gold > silver'),
      ),
    scope: z
      .object({
        dominantLinePercent: count(['主营业务占比', 'Main line share'])
          .min(1, said('主营业务占比应在 1–100 之间', 'The main line share must be 1–100'))
          .max(100),
      })
      .strict(),
    responsibility: byTier(byScope(z.enum(RESPONSIBLE_ROLES, said('未知的负责单位', 'Unknown responsible unit')))),
    archiveCadence: byTier(z.enum(CADENCES, said('未知的建档周期', 'Unknown archive cadence'))),
    visits: z
      .object({
        leaderPerYear: z
          .object({
            min: count(['领导走访下限', 'Leader visits, minimum']),
            max: count(['领导走访上限', 'Leader visits, maximum']),
          })
          .strict()
          .refine(
            (v) => v.min <= v.max,
            said('领导走访次数下限不能大于上限', 'The minimum of leader visits cannot exceed the maximum'),
          ),
        monthly: byScope(byTier(count(['每月走访次数', 'Visits per month']).max(31))),
        provinceDiamondMonthly: count([
          '省局钻石客户每月走访次数',
          'Province visits to a diamond customer per month',
        ]).max(31),
      })
      .strict(),
    abRoleTiers: z.array(z.enum(TIERS)),
    // R21–R22 and R34, added with developments and scorecards: versions stored before them take
    // the seed's values.
    marketing: z
      .object({ stuckDays: byTier(count(['开发停滞天数', 'Days before a development is stuck']).min(1).max(366)) })
      .strict()
      .default(POLICY_V1.marketing),
    scorecard: z
      .object({
        weights: z
          .object(
            Object.fromEntries(
              SCORECARD_PARTS.map((k) => [k, count(['考核权重', 'Scorecard weight']).max(100)]),
            ) as Record<ScorecardPart, z.ZodNumber>,
          )
          .strict()
          .refine(
            (w) => Object.values(w).reduce((a, b) => a + b, 0) === 100,
            said('考核各项权重之和须为 100', 'The scorecard weights must sum to 100'),
          ),
      })
      .strict()
      .default(POLICY_V1.scorecard),
    fluctuationPercent: count(['波动幅度', 'Fluctuation'])
      .min(1, said('波动幅度应大于 0', 'The fluctuation must be above 0'))
      .max(1000),
    registrationLapseMonths: count(['申报失效月数', 'Months before a registration lapses']).min(1).max(60),
    // R19c, added with registrations: versions stored before them take the defaults.
    registrationWarningDays: count(['申报到期提醒天数', 'Days of warning before a registration lapses'])
      .max(366)
      .default(30),
    reregistrationBarDays: count([
      '释放后禁止重新申报天数',
      'Days a released customer’s previous owner may not register it',
    ])
      .max(3660)
      .default(90),
    discounts,
    reports: z
      .object({
        keyCustomerMinTier: z.enum(TIERS),
        keyCustomerTopN: count(['前 N 名', 'Top N']).min(1).max(1000),
        provinceMonthlyAverageMin: fen(['省局报送月均收入门槛', 'Monthly average revenue for the province report']),
        provinceTopN: count(['前 N 名', 'Top N']).min(1).max(1000),
      })
      .strict(),
    organisation: z
      .object({
        minAccountManagers: z
          .object(
            Object.fromEntries(
              UNIT_KINDS.map((k) => [k, count(['最低客户经理人数', 'Minimum customer managers']).max(99)]),
            ) as Record<(typeof UNIT_KINDS)[number], z.ZodNumber>,
          )
          .strict(),
      })
      .strict(),
    reporting: z
      .object({
        managerChangeDueDay: count(['变动报送日', 'Day manager changes are due']).min(1).max(31),
        unitReportDueDay: count(['单位报送日', 'Day unit reports are due']).min(1).max(31),
        centreReportDueDay: count(['中心报送日', 'Day the centre’s report is due']).min(1).max(31),
      })
      .strict(),
  })
  .strict();

/** One problem with a policy: `message` in Chinese, `messageEn` for the interface in English. */
export interface PolicyIssue {
  path: string;
  message: string;
  messageEn?: string;
}

export type PolicyCheck = { ok: true; policy: Policy } | { ok: false; issues: PolicyIssue[] };

export function validatePolicy(input: unknown): PolicyCheck {
  // Chinese messages whichever side loads this first (the registry also sets them globally).
  const parsed = policySchema.safeParse(input, { error: z.locales.zhCN().localeError });
  if (parsed.success) return { ok: true, policy: parsed.data as Policy };
  // Zod's own messages (no message of ours on the check) in English, issue for issue.
  const inEnglish = policySchema.safeParse(input, { error: z.locales.en().localeError });
  const english = inEnglish.success ? null : inEnglish.error.issues.map((i) => i.message);
  return {
    ok: false,
    issues: parsed.error.issues.map((i, n) => {
      const issue: PolicyIssue = { path: i.path.map(String).join('.'), message: i.message };
      const en = issueEnglish(i, english?.[n]);
      if (en !== undefined && en !== i.message) issue.messageEn = en;
      return issue;
    }),
  };
}
