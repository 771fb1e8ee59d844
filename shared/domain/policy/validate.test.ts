import { describe, expect, it } from 'vitest';
import { evaluateCustomer } from '../evaluation';
import { yuan } from '../money';
import { POLICY_V1, type Policy } from './policy';
import { validatePolicy } from './validate';

type Issue = { path: string; message: string };

/** A deep copy of the seed policy, loosely typed so that a test can break it on purpose. */
function broken(change: (p: Record<string, unknown> & Policy) => void): unknown {
  const p = structuredClone(POLICY_V1) as Record<string, unknown> & Policy;
  change(p);
  return p;
}

function issuesOf(input: unknown): Issue[] {
  const check = validatePolicy(input);
  if (check.ok) throw new Error('expected the policy to be refused');
  // The Chinese and the path; the English beside it is checked in validation-english.test.ts.
  return check.issues.map(({ path, message }) => ({ path, message }));
}

const HAN = /[\u4e00-\u9fff]/;

describe('R0 validatePolicy accepts the seed policy', () => {
  it('R0: POLICY_V1 passes and comes back unchanged', () => {
    expect(validatePolicy(POLICY_V1)).toEqual({ ok: true, policy: POLICY_V1 });
  });

  it('R0: POLICY_V1 passes after a JSON round trip (as stored in the database)', () => {
    expect(validatePolicy(JSON.parse(JSON.stringify(POLICY_V1)))).toEqual({ ok: true, policy: POLICY_V1 });
  });

  it('R19c: a version stored before registrations takes 30 warning days and a 90-day bar', () => {
    const { registrationWarningDays: _w, reregistrationBarDays: _b, ...older } = structuredClone(POLICY_V1);
    const check = validatePolicy(older);
    expect(check.ok && check.policy.registrationWarningDays).toBe(30);
    expect(check.ok && check.policy.reregistrationBarDays).toBe(90);
  });

  it('R29: a version stored before discounts takes the seed chain, 30 warning days and 12 months', () => {
    const { discounts: _d, ...older } = structuredClone(POLICY_V1);
    const check = validatePolicy(older);
    expect(check.ok && check.policy.discounts).toEqual(POLICY_V1.discounts);
    expect(check.ok && check.policy.discounts.expiringWarningDays).toBe(30);
  });

  it('R29: refuses a chain where some request would need no step', () => {
    const check = validatePolicy(
      broken((p) => {
        p.discounts.steps = p.discounts.steps.map((s) => ({ ...s, always: false, anyOf: [{ minDepthBp: 100 }] }));
      }),
    );
    expect(check.ok ? [] : check.issues.map((i) => [i.path, i.message])).toEqual([
      ['discounts.steps', '至少要有一个审批步骤对所有申请都适用（R29：任何优惠申请都须审批）'],
    ]);
    const empty = validatePolicy(
      broken((p) => {
        p.discounts.steps = [{ role: 'x', zh: '甲', en: 'A', always: false, anyOf: [] }, ...p.discounts.steps];
        p.discounts.stepDays = 0;
      }),
    );
    expect(empty.ok ? [] : empty.issues.map((i) => i.path)).toEqual(['discounts.stepDays', 'discounts.steps.0.anyOf']);
  });

  it('R0: weights with credit enabled still pass when they sum to 100', () => {
    expect(
      validatePolicy(
        broken((p) => {
          p.scoring.weights = { revenue: 50, share: 40, credit: 10 };
        }),
      ).ok,
    ).toBe(true);
  });
});

describe('R0 validatePolicy refuses, with Chinese messages and paths', () => {
  it.each<[string, (p: Record<string, unknown> & Policy) => void, Issue[]]>([
    [
      'revenue bands out of order (first two swapped)',
      (p) => {
        const [a, b, ...rest] = p.scoring.revenueBands;
        if (!a || !b) throw new Error('seed has bands');
        p.scoring.revenueBands = [b, a, ...rest];
      },
      [
        { path: 'scoring.revenueBands.1.min', message: '档位须从高到低排列：第 2 档下限应低于第 1 档' },
        { path: 'scoring.revenueBands.1.score', message: '档位得分须随下限降低而不升：第 2 档得分高于第 1 档' },
      ],
    ],
    [
      'revenue bands with two equal lower bounds',
      (p) => {
        p.scoring.revenueBands = [
          { min: yuan(1_500_000), score: 100 },
          { min: yuan(1_500_000), score: 90 },
        ];
      },
      [{ path: 'scoring.revenueBands.1.min', message: '档位须从高到低排列：第 2 档下限应低于第 1 档' }],
    ],
    [
      'share bands with a rising score',
      (p) => {
        p.scoring.shareBands = [
          { min: 3000, score: 100 },
          { min: 1000, score: 80 },
          { min: 500, score: 90 },
          { min: 100, score: 40 },
        ];
      },
      [{ path: 'scoring.shareBands.2.score', message: '档位得分须随下限降低而不升：第 3 档得分高于第 2 档' }],
    ],
    [
      'weights summing to 99',
      (p) => {
        p.scoring.weights = { revenue: 60, share: 39, credit: 0 };
      },
      [{ path: 'scoring.weights', message: '权重合计应为 100%，当前为 99%' }],
    ],
    [
      'weights summing to 101',
      (p) => {
        p.scoring.weights = { revenue: 60, share: 40, credit: 1 };
      },
      [{ path: 'scoring.weights', message: '权重合计应为 100%，当前为 101%' }],
    ],
    [
      'gold cut-off equal to diamond',
      (p) => {
        p.tiers = { diamond: 90, gold: 90, silver: 65 };
      },
      [{ path: 'tiers', message: '分数线须满足 钻石 > 黄金 > 白银' }],
    ],
    [
      'silver cut-off above gold',
      (p) => {
        p.tiers = { diamond: 90, gold: 75, silver: 80 };
      },
      [{ path: 'tiers', message: '分数线须满足 钻石 > 黄金 > 白银' }],
    ],
    [
      'a negative R7 threshold',
      (p) => {
        p.qualification.professional.savings.thisMonthMin = -1;
      },
      [{ path: 'qualification.professional.savings.thisMonthMin', message: '当月收入门槛不能为负数' }],
    ],
    [
      'a negative R6 threshold',
      (p) => {
        p.qualification.comprehensive.lastYearMin = -yuan(10_000);
      },
      [{ path: 'qualification.comprehensive.lastYearMin', message: '上年收入门槛不能为负数' }],
    ],
    [
      'an unknown responsible role',
      (p) => {
        (p.responsibility.gold as Record<string, string>).regional = 'district_centre';
      },
      [{ path: 'responsibility.gold.regional', message: '未知的负责单位' }],
    ],
    [
      'an unknown cadence',
      (p) => {
        (p.archiveCadence as Record<string, string>).gold = 'weekly';
      },
      [{ path: 'archiveCadence.gold', message: '未知的建档周期' }],
    ],
    [
      'a non-integer amount in fen',
      (p) => {
        p.qualification.professional.bills.lastYearMin = 5_000_000.5;
      },
      [{ path: 'qualification.professional.bills.lastYearMin', message: '上年收入门槛必须是整数' }],
    ],
    [
      'a weight that is not a number',
      (p) => {
        (p.scoring.weights as Record<string, unknown>).credit = '0';
      },
      [{ path: 'scoring.weights.credit', message: '信用权重必须是数字' }],
    ],
    [
      'a band score over 100',
      (p) => {
        p.scoring.shareBands = [{ min: 3000, score: 101 }];
      },
      [{ path: 'scoring.shareBands.0.score', message: '得分不能超过 100' }],
    ],
    [
      'a bad effective date',
      (p) => {
        p.effectiveFrom = '2026-02-30';
      },
      [{ path: 'effectiveFrom', message: '生效日期格式应为 YYYY-MM-DD' }],
    ],
  ])('R0: %s', (_label, change, issues) => {
    expect(issuesOf(broken(change))).toEqual(issues);
  });

  it('R0: a non-integer band lower bound is refused at its path', () => {
    const issues = issuesOf(
      broken((p) => {
        const band = p.scoring.revenueBands[2];
        if (!band) throw new Error('seed has a third band');
        band.min = 50_000_000.5;
      }),
    );
    expect(issues).toContainEqual({ path: 'scoring.revenueBands.2.min', message: '档位下限（分）必须是整数' });
  });

  it('R0: an extra unknown key is refused, named, in Chinese', () => {
    const issues = issuesOf(
      broken((p) => {
        p.extraRule = 1;
      }),
    );
    expect(issues).toHaveLength(1);
    const [issue] = issues;
    expect(issue?.path).toBe('');
    expect(issue?.message).toContain('extraRule');
    expect(issue?.message).toMatch(HAN);
  });

  it('R0: an extra unknown key inside a block is refused at that block', () => {
    const issues = issuesOf(
      broken((p) => {
        (p.scoring.weights as Record<string, number>).loyalty = 0;
      }),
    );
    expect(issues.map((i) => i.path)).toContain('scoring.weights');
    expect(issues.find((i) => i.path === 'scoring.weights')?.message).toContain('loyalty');
  });

  // A number out of range is not "not a number": the message must say what is wrong with it.
  it.each<[string, (p: Record<string, unknown> & Policy) => void, string]>([
    [
      'dominant-line share above 100%',
      (p) => {
        p.scope.dominantLinePercent = 101;
      },
      'scope.dominantLinePercent',
    ],
    [
      'registration lapse of 0 months',
      (p) => {
        p.registrationLapseMonths = 0;
      },
      'registrationLapseMonths',
    ],
    [
      'registration lapse of 61 months',
      (p) => {
        p.registrationLapseMonths = 61;
      },
      'registrationLapseMonths',
    ],
    [
      'a negative warning before a registration lapses (R19c)',
      (p) => {
        p.registrationWarningDays = -1;
      },
      'registrationWarningDays',
    ],
    [
      'a re-registration bar of 11 years (R19c)',
      (p) => {
        p.reregistrationBarDays = 4000;
      },
      'reregistrationBarDays',
    ],
    [
      'top 0 key customers',
      (p) => {
        p.reports.keyCustomerTopN = 0;
      },
      'reports.keyCustomerTopN',
    ],
    [
      'a report due on the 32nd',
      (p) => {
        p.reporting.unitReportDueDay = 32;
      },
      'reporting.unitReportDueDay',
    ],
    [
      '32 visits a month',
      (p) => {
        p.visits.monthly.regional.gold = 32;
      },
      'visits.monthly.regional.gold',
    ],
    [
      'a fluctuation threshold of 1001%',
      (p) => {
        p.fluctuationPercent = 1001;
      },
      'fluctuationPercent',
    ],
    [
      '100 account managers minimum',
      (p) => {
        p.organisation.minAccountManagers.county = 100;
      },
      'organisation.minAccountManagers.county',
    ],
  ])('R0: %s is refused as out of range, not as "not a number"', (_label, change, path) => {
    const issues = issuesOf(broken(change));
    expect(issues.map((i) => i.path)).toEqual([path]);
    expect(issues[0]?.message).toMatch(HAN);
    expect(issues[0]?.message).not.toContain('必须是数字');
  });

  it.each<[string, (p: Record<string, unknown> & Policy) => void, string]>([
    [
      'an unknown tier among the A/B tiers',
      (p) => {
        (p as Record<string, unknown>).abRoleTiers = ['platinum'];
      },
      'abRoleTiers.0',
    ],
    [
      'an unknown minimum tier for 附件6-2',
      (p) => {
        (p.reports as Record<string, unknown>).keyCustomerMinTier = 'platinum';
      },
      'reports.keyCustomerMinTier',
    ],
    [
      'a version written as text',
      (p) => {
        (p as Record<string, unknown>).version = '2';
      },
      'version',
    ],
    [
      'a label over 80 characters',
      (p) => {
        p.label = '方'.repeat(81);
      },
      'label',
    ],
    [
      'a missing block',
      (p) => {
        delete (p as Partial<Policy>).scope;
      },
      'scope',
    ],
  ])('R0: %s is refused in Chinese', (_label, change, path) => {
    const issues = issuesOf(broken(change));
    expect(issues.map((i) => i.path)).toEqual([path]);
    expect(issues[0]?.message).toMatch(HAN);
  });

  it('R0: every reason is reported at once', () => {
    const issues = issuesOf(
      broken((p) => {
        p.tiers = { diamond: 60, gold: 75, silver: 65 };
        (p.archiveCadence as Record<string, string>).silver = 'yearly';
        p.qualification.comprehensive.thisMonthMin = -5;
      }),
    );
    expect(issues.map((i) => i.path).sort()).toEqual([
      'archiveCadence.silver',
      'qualification.comprehensive.thisMonthMin',
      'tiers',
    ]);
    for (const i of issues) expect(i.message).toMatch(HAN);
  });
});

describe('R0 rules read the policy they are given', () => {
  // Worked check: ¥1.45M at 0.9‰ → 78 → gold under the seed policy.
  const worked = {
    agreement: false,
    figures: { annual: { express: yuan(1_450_000) }, thisMonth: { express: yuan(120_000) } },
    bureauRevenue: 161_111_111_111,
    homeUnitIsCounty: false,
  };

  it('R0/R12: raising the gold cut-off to 80 in a copy turns the 78-point customer silver', () => {
    const check = validatePolicy(
      broken((p) => {
        p.version = 2;
        p.tiers.gold = 80;
      }),
    );
    if (!check.ok) throw new Error(JSON.stringify(check.issues));
    expect(evaluateCustomer(worked, POLICY_V1).tier).toBe('gold');
    const e = evaluateCustomer(worked, check.policy);
    expect(e.score.total).toBe(78);
    expect(e.tier).toBe('silver');
    expect(e.explanation.find((s) => s.rule === 'R12')?.text).toBe('总分 78 在 [65, 80) 之间，分级为白银');
  });

  it('R0/R11: other weights in a copy change the total', () => {
    const check = validatePolicy(
      broken((p) => {
        p.scoring.weights = { revenue: 80, share: 20, credit: 0 };
      }),
    );
    if (!check.ok) throw new Error(JSON.stringify(check.issues));
    const e = evaluateCustomer(worked, check.policy);
    expect(e.score.total).toBe(84); // 80% × 90 + 20% × 60 = 72 + 12
    expect(e.tier).toBe('gold');
  });

  it('R0/R9: moving a revenue band in a copy changes the revenue score and the tier', () => {
    const check = validatePolicy(
      broken((p) => {
        p.scoring.revenueBands = [
          { min: yuan(1_400_000), score: 100 },
          { min: yuan(1_000_000), score: 90 },
        ];
      }),
    );
    if (!check.ok) throw new Error(JSON.stringify(check.issues));
    const e = evaluateCustomer(worked, check.policy);
    expect(e.score.revenue.score).toBe(100);
    expect(e.score.total).toBe(84); // 60 + 24
    expect(e.tier).toBe('gold');
  });
});
