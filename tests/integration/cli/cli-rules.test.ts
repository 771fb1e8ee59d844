/** `kam rules evaluate` (R5–R15), `kam tiers run`, `kam revenue set` (R1, R8), `kam bureau set` (R10). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-cli-rules-');

const EXAMPLE = {
  bureauAnnualRevenue: '1600000000',
  customers: [
    {
      ref: 'A',
      agreement: false,
      lastYear: { letters: '1200000', express: '250000' },
      thisMonth: { letters: '100000', express: '20000' },
    },
  ],
};

describe('kam rules evaluate', () => {
  const evaluate = async (customer: Record<string, unknown>) => {
    const r = await kam(
      ['rules', 'evaluate', '--json'],
      JSON.stringify({ bureauAnnualRevenue: '16亿', customers: [customer] }),
    );
    return { ...r, result: r.code === 0 ? JSON.parse(r.out).results[0] : null };
  };
  const month = (turnover: string, rate = '10', other?: string) => ({ turnover, rate, ...(other ? { other } : {}) });

  it.each<[string, Record<string, unknown>, string[]]>([
    [
      'R7/R8: an annual ¥20,000.00 entered in each of the twelve months is ¥20,000.00 and qualifies',
      { newspapers: { lastYear: Array.from({ length: 12 }, () => month('20000.00')), thisMonth: month('24000') } },
      ['R7:newspapers'],
    ],
    [
      'R7/R8: one object for last year stands for each of its twelve months',
      { newspapers: { lastYear: month('20000.00'), thisMonth: month('24000') } },
      ['R7:newspapers'],
    ],
    [
      'R7/R8: eleven months of ¥20,000.00 fall short',
      { newspapers: { lastYear: Array.from({ length: 11 }, () => month('20000.00')), thisMonth: month('24000') } },
      [],
    ],
    [
      'R7/R8: this month ¥23,999.99 a year is short of ¥2,000 a month',
      { newspapers: { lastYear: month('20000'), thisMonth: month('23999.99') } },
      [],
    ],
    [
      'R7/R8: newspaper revenue without turnover cannot meet R7 (R6 on all lines still can)',
      { lastYear: { newspapers: '20000' }, thisMonth: { newspapers: '2000' } },
      ['R6'],
    ],
    [
      'R8: revenue from the inputs counts for R6: ¥120,000 at 10% + ¥0 is ¥1,000 a month',
      { newspapers: { lastYear: month('120000'), thisMonth: month('120000') } },
      ['R6', 'R7:newspapers'],
    ],
  ])('%s', async (_label, customer, clauses) => {
    const r = await evaluate({ ref: 'N', ...customer });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.result.clauses).toEqual(clauses);
  });

  it('R8: other revenue is added to the computed newspaper revenue (R6 on the total)', async () => {
    // ¥12,000 × 10% ÷ 12 = ¥100 a month, + ¥900 other = ¥1,000 this month; last year 12 × ¥1,000.
    // The turnover (¥12,000) is below R7's ¥20,000, so only R6 holds, and only with the other revenue.
    const r = await evaluate({
      ref: 'O',
      newspapers: { lastYear: month('12000', '10', '900'), thisMonth: month('12000', '10', '900') },
    });
    expect(r.result.clauses).toEqual(['R6']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a rate over 100%',
      { newspapers: { thisMonth: month('1000', '101') } },
      'customers[0]（N）.newspapers.thisMonth.rate',
    ],
    [
      'turnover without a rate',
      { newspapers: { thisMonth: { turnover: '1000' } } },
      'customers[0]（N）.newspapers.thisMonth.rate',
    ],
    [
      'thirteen months of last year',
      { newspapers: { lastYear: Array.from({ length: 13 }, () => month('1000')) } },
      'customers[0]（N）.newspapers.lastYear',
    ],
    [
      'newspaper revenue given both ways',
      { thisMonth: { newspapers: '100' }, newspapers: { thisMonth: month('1000') } },
      'customers[0]（N）.newspapers.thisMonth',
    ],
  ])('refuses %s, naming the field', async (_label, customer, field) => {
    const r = await evaluate({ ref: 'N', ...customer });
    expect(r.code).not.toBe(0);
    expect(r.err).toContain(field);
  });

  it('gives the worked check of R11–R12 exactly (R6, R7 by line order; 90/60 → 78 → gold)', async () => {
    const r = await kam(['rules', 'evaluate', '--json'], JSON.stringify(EXAMPLE));
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(r.out)).toEqual({
      results: [
        {
          ref: 'A',
          qualified: true,
          clauses: ['R6', 'R7:letters', 'R7:express'],
          revenueScore: 90,
          shareScore: 60,
          score: 78,
          tier: 'gold',
        },
      ],
    });
  });

  it.each([
    [{ ...EXAMPLE, customers: [{ ref: 'B', agreement: true }] }, ['R5'], 0, null],
    [
      {
        bureauAnnualRevenue: 1_600_000_000,
        customers: [{ ref: 'C', lastYear: { other: '40万' }, thisMonth: { other: '1万' } }],
      },
      ['R6'],
      58,
      'general',
    ],
    [
      {
        bureauAnnualRevenue: '2亿',
        customers: [{ ref: 'D', annualRevenue: 400_000, thisMonth: { letters: 5000 }, lastYear: { letters: 400_000 } }],
      },
      ['R6', 'R7:letters'],
      74,
      'silver',
    ],
  ])('evaluates amounts in any accepted form (%#)', async (input, clauses, score, tier) => {
    const r = await kam(['rules', 'evaluate', '--json'], JSON.stringify(input));
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.out).results;
    expect(result.clauses).toEqual(clauses);
    expect(result.score).toBe(score);
    if (tier !== null) expect(result.tier).toBe(tier);
  });

  it.each([
    ['not JSON', '{', 'JSON'],
    [
      'a wrong line',
      JSON.stringify({ ...EXAMPLE, customers: [{ ref: 'X', lastYear: { letter: 1 } }] }),
      'customers[0]（X）.lastYear.letter',
    ],
    [
      'a bad amount',
      JSON.stringify({ ...EXAMPLE, customers: [{ ref: 'Y', thisMonth: { express: '1.2.3' } }] }),
      'customers[0]（Y）.thisMonth.express',
    ],
    ['a missing ref', JSON.stringify({ ...EXAMPLE, customers: [{ lastYear: {} }] }), 'customers[0].ref'],
    ['no bureau revenue', JSON.stringify({ customers: [] }), 'bureauAnnualRevenue'],
  ])('refuses %s with a message naming the customer and field, exit 1', async (_label, stdin, where) => {
    const r = await kam(['rules', 'evaluate'], stdin);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toContain(where);
  });

  it('uses --policy FILE, and refuses an invalid policy with its reasons', async () => {
    const dir = tempDir();
    const stricter = join(dir, 'stricter.json');
    writeFileSync(stricter, JSON.stringify({ ...POLICY_V1, version: 2, tiers: { ...POLICY_V1.tiers, gold: 80 } }));
    const r = await kam(['rules', 'evaluate', '--json', '--policy', stricter], JSON.stringify(EXAMPLE));
    expect(JSON.parse(r.out).results[0]).toMatchObject({ score: 78, tier: 'silver' });

    const broken = join(dir, 'broken.json');
    writeFileSync(
      broken,
      JSON.stringify({
        ...POLICY_V1,
        scoring: { ...POLICY_V1.scoring, weights: { revenue: 60, share: 30, credit: 0 } },
      }),
    );
    const bad = await kam(['rules', 'evaluate', '--policy', broken], JSON.stringify(EXAMPLE));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('权重合计应为 100%，当前为 90%');
  });
});

describe('kam tiers run, revenue set, bureau set', () => {
  it('enters revenue and the bureau figure, then runs an annual tiering and a monthly preview', async () => {
    const db = join(tempDir(), 'kam.sqlite');
    expect((await kam(['demo', '--db', db, '--customers', '20'])).code).toBe(0);
    const set = await kam([
      'revenue',
      'set',
      '--db',
      db,
      '--customer',
      '44050700001000',
      '--period',
      '2025-12',
      '--line',
      'letters',
      '--amount',
      '1.2万',
      '--json',
    ]);
    expect(set.code).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ amount: '12000.00', sourceKind: 'manual' });

    const noBureau = await kam(['tiers', 'run', '--db', db, '--year', '2025']);
    expect(noBureau.code).toBe(1);
    expect(noBureau.err).toContain('2025 年');

    expect((await kam(['bureau', 'set', '--db', db, '--year', '2025', '--amount', '16亿'])).out).toContain(
      '¥1,600,000,000.00',
    );
    const annual = await kam(['tiers', 'run', '--db', db, '--year', '2025', '--json']);
    expect(annual.code).toBe(0);
    expect(JSON.parse(annual.out)).toMatchObject({ kind: 'annual', key: '2025', customers: 20, policyVersion: 1 });
    const monthly = await kam(['tiers', 'run', '--db', db, '--period', '2026-03']);
    expect(monthly.code).toBe(0);
    expect(monthly.out).toContain('月度预览 2026-03');

    const both = await kam(['tiers', 'run', '--db', db, '--year', '2025', '--period', '2026-03']);
    expect(both.code).toBe(1);

    // R10: a different figure for 2025 needs --replace; the old run is then stale and may be put in force.
    const noReplace = await kam(['bureau', 'set', '--db', db, '--year', '2025', '--amount', '17亿']);
    expect(noReplace.code).toBe(1);
    expect(noReplace.err).toContain('需要确认');
    expect((await kam(['bureau', 'set', '--db', db, '--year', '2025', '--amount', '17亿', '--replace'])).code).toBe(0);
    const first = JSON.parse(annual.out) as { id: number };
    const rerun = JSON.parse((await kam(['tiers', 'run', '--db', db, '--year', '2025', '--json'])).out) as {
      id: number;
    };
    const chosen = await kam([
      'call',
      'tiers/set-in-force',
      '--db',
      db,
      '--input',
      JSON.stringify({ runId: first.id }),
    ]);
    expect(chosen.code).toBe(0);
    expect(JSON.parse(chosen.out)).toMatchObject({ id: first.id, inForce: true, bureauStale: true, sameYearRuns: 2 });
    expect(rerun.id).not.toBe(first.id);
    const badLine = await kam([
      'revenue',
      'set',
      '--db',
      db,
      '--customer',
      '44050700001000',
      '--period',
      '2025-12',
      '--line',
      'stamps',
      '--amount',
      '1',
    ]);
    expect(badLine.code).toBe(1);
    expect(badLine.err).toContain('业务种类');
  });
});

describe('kam import, kam imports list|undo', () => {
  it('previews, refuses errors with exit 1 and nothing written, commits, lists and undoes', async () => {
    const { writeFileSync: write } = await import('node:fs');
    const XLSX = await import('xlsx');
    const dir = tempDir();
    const db = join(dir, 'kam.sqlite');
    expect((await kam(['demo', '--db', db, '--customers', '5'])).code).toBe(0);
    const file = (name: string, rows: unknown[][]) => {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '收入明细');
      const path = join(dir, name);
      write(path, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      return path;
    };
    const good = file('good.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      ['44050700001000', '2026-10', '函件', '1.2万'],
    ]);
    const bad = file('bad.xlsx', [
      ['客户ID', '月份', '业务种类', '收入(元)'],
      ['44050799999000', '2026-10', '函件', 1],
    ]);
    const preview = await kam(['import', good, '--db', db]);
    expect(preview).toMatchObject({ code: 0 });
    expect(preview.out).toContain('新增 1');
    const refused = await kam(['import', bad, '--db', db, '--commit']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('客户ID 44050799999000 不存在');
    const committed = await kam(['import', good, '--db', db, '--commit', '--json']);
    expect(committed.code).toBe(0);
    const [{ batch }] = JSON.parse(committed.out);
    expect(batch).toMatchObject({ created: 1 });
    const again = await kam(['import', good, '--db', db, '--commit']);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`第 ${batch.id} 批`);
    expect((await kam(['imports', 'list', '--db', db])).out).toContain('good.xlsx');
    const undo = await kam(['imports', 'undo', String(batch.id), '--db', db]);
    expect(undo).toMatchObject({ code: 0 });
    expect(undo.out).toContain(`已撤销第 ${batch.id} 批：恢复 1 项`);

    // A cell edited after the import: nothing is undone until the officer chooses.
    const second = JSON.parse((await kam(['import', good, '--db', db, '--commit', '--json'])).out)[0].batch;
    expect(
      (
        await kam([
          'revenue',
          'set',
          '--db',
          db,
          '--customer',
          '44050700001000',
          '--period',
          '2026-10',
          '--line',
          'letters',
          '--amount',
          '7',
        ])
      ).code,
    ).toBe(0);
    const ask = await kam(['imports', 'undo', String(second.id), '--db', db]);
    expect(ask.code).toBe(1);
    expect(ask.err).toContain(`第 ${second.id} 批有 1 项在导入后被修改过`);
    expect(ask.err).toContain('44050700001000\t2026-10\tletters\t导入 12000.00\t现为 7.00');
    expect(ask.err).toContain('未撤销任何内容');
    expect((await kam(['imports', 'undo', String(second.id), '--db', db, '--force', '--keep-edited'])).code).toBe(1);
    const kept = await kam(['imports', 'undo', String(second.id), '--db', db, '--keep-edited']);
    expect(kept).toMatchObject({ code: 0 });
    expect(kept.out).toContain(`已撤销第 ${second.id} 批：恢复 0 项；保留了 1 项导入后的修改`);
  });
});
