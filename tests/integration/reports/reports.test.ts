/**
 * The monthly analysis report and the dashboard (R28, R32) through the registry and the real
 * database: every figure equals an independent SQL query over the same data; finalising freezes
 * the figures under a SHA-256 of the stored snapshot; data edited afterwards moves the dashboard
 * and not the final report; a correction is the next revision.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { printPdf } from '../../../electron/backend/reports/pdf';
import type { ReportFacts } from '../../../shared/api/types';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { formatCell } from '../../../shared/domain/report/format';
import { reportHtml } from '../../../shared/domain/report/print-html';
import { appError } from '../../support/app-error';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-report-');

const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';

/** Key customers: the 2025 annual run's qualified customers (no approvals or overrides here). */
function sql(db: Database, unitCode: string | null = null) {
  const runId = (
    db.prepare("SELECT max(id) AS id FROM tier_runs WHERE kind = 'annual' AND run_key = '2025'").get() as {
      id: number;
    }
  ).id;
  const unitFilter =
    unitCode === null
      ? ''
      : `AND c.unit_id IN (WITH RECURSIVE t(id) AS (SELECT id FROM units WHERE code = '${unitCode}'
           UNION SELECT u.id FROM units u JOIN t ON u.parent_id = t.id) SELECT id FROM t)`;
  const sum = (p: string, tier = 'IS NOT NULL') =>
    (
      db
        .prepare(
          `SELECT coalesce(sum(r.amount_fen), 0) AS s FROM revenue r JOIN customers c ON c.id = r.customer_id
             JOIN tier_results t ON t.customer_id = r.customer_id AND t.run_id = ?
            WHERE r.period = ? AND t.tier ${tier} ${unitFilter}`,
        )
        .get(runId, p) as { s: number }
    ).s;
  const count = (tier = 'IS NOT NULL') =>
    (
      db
        .prepare(
          `SELECT count(*) AS n FROM tier_results t JOIN customers c ON c.id = t.customer_id
            WHERE t.run_id = ? AND t.tier ${tier} ${unitFilter}`,
        )
        .get(runId) as { n: number }
    ).n;
  const ytd = (year: string, upTo: string) =>
    (
      db
        .prepare(
          `SELECT coalesce(sum(r.amount_fen), 0) AS s FROM revenue r JOIN customers c ON c.id = r.customer_id
             JOIN tier_results t ON t.customer_id = r.customer_id AND t.run_id = ?
            WHERE r.period BETWEEN ? AND ? AND t.tier IS NOT NULL ${unitFilter}`,
        )
        .get(runId, `${year}-01`, upTo) as { s: number }
    ).s;
  return { sum, count, ytd };
}

describe('the monthly analysis report', () => {
  let b: Backend;
  const call = <C extends Parameters<Backend['registry']['call']>[0]>(
    channel: C,
    input: Parameters<Backend['registry']['call']>[1] & object,
  ) => b.registry.call(channel, input as never);

  beforeAll(async () => {
    b = openBackend({ databasePath: ':memory:', now: () => NOW });
    fillDemo(b.db, POLICY_V1, { customers: 300, seed: 7 }, NOW);
    fillDemoRevenue(b.db, { months: 24, endPeriod: PERIOD, seed: 7 }, NOW.toISOString());
    await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
  }, 120_000);
  afterAll(() => b?.close());

  it('states the key customers’ count, month, last month, same month last year and year to date as SQL does', async () => {
    const facts = (await call('reports/dashboard', { period: PERIOD })) as ReportFacts;
    const q = sql(b.db);
    expect(facts.overall.keyCount).toBe(q.count());
    expect(facts.overall.key.thisMonth).toBe(q.sum(PERIOD));
    expect(facts.overall.key.lastMonth).toBe(q.sum('2026-09'));
    expect(facts.overall.key.sameMonthLastYear).toBe(q.sum('2025-10'));
    expect(facts.overall.key.yearToDate).toBe(q.ytd('2026', PERIOD));
    expect(facts.overall.key.yearToDateLastYear).toBe(q.ytd('2025', '2025-10'));
    expect(facts.overall.key.yoy).toBeCloseTo((q.sum(PERIOD) - q.sum('2025-10')) / q.sum('2025-10'), 12);
    for (const row of facts.byTier) {
      expect(row.count, row.tier).toBe(q.count(`= '${row.tier}'`));
      expect(row.thisMonth, row.tier).toBe(q.sum(PERIOD, `= '${row.tier}'`));
    }
    // The 24-month trend's key series is this month's key customers month by month.
    expect(facts.trend).toHaveLength(24);
    expect(facts.trend[23]?.key).toBe(q.sum(PERIOD));
    expect(facts.trend[0]?.period).toBe('2024-11');
    expect(facts.trend[0]?.key).toBe(q.sum('2024-11'));
    const all = b.db.prepare('SELECT coalesce(sum(amount_fen), 0) AS s FROM revenue WHERE period = ?').get(PERIOD) as {
      s: number;
    };
    expect(facts.trend[23]?.all).toBe(all.s);
    // By line adds back to the total; R25's list holds every silver-and-above key customer.
    expect(facts.byLine.reduce((s, l) => s + l.thisMonth, 0)).toBe(q.sum(PERIOD));
    const silverUp = q.count("IN ('diamond', 'gold', 'silver')");
    expect(facts.keyCustomers.length).toBeGreaterThanOrEqual(silverUp);
    expect(facts.keyCustomers.every((c) => c.tier !== null)).toBe(true);
    // October is no quarter's end: no quarterly gold analysis; September is.
    expect(facts.goldQuarter).toBeNull();
    const september = (await call('reports/dashboard', { period: '2026-09' })) as ReportFacts;
    expect(september.goldQuarter?.label).toBe('2026年第3季度');
    expect(september.goldQuarter?.thisQuarter).toBe(
      ['2026-07', '2026-08', '2026-09'].reduce((s, p) => s + q.sum(p, "= 'gold'"), 0),
    );
  });

  it('narrows to one unit with the units under it', async () => {
    const facts = (await call('reports/dashboard', { period: PERIOD, unitCode: '440515' })) as ReportFacts;
    const q = sql(b.db, '440515');
    expect(facts.unit?.code).toBe('440515');
    expect(facts.overall.keyCount).toBe(q.count());
    expect(facts.overall.key.thisMonth).toBe(q.sum(PERIOD));
  });

  it('a month with no revenue at all gives zeros and no ratios, not an error', async () => {
    const facts = (await call('reports/dashboard', { period: '2020-03' })) as ReportFacts;
    expect(facts.overall.key.thisMonth).toBe(0);
    expect(facts.overall.key.yoy).toBeNull();
    expect(facts.fluctuations).toEqual([]);
  });

  it('finalises with the hash of the stored snapshot; later data moves the dashboard, not the report', async () => {
    const draft = await call('reports/create', { period: PERIOD });
    expect(draft).toMatchObject({ revision: 1, status: 'draft', hash: null });
    // Opening again gives the same draft.
    expect((await call('reports/create', { period: PERIOD })).id).toBe(draft.id);
    await call('reports/save-texts', { id: draft.id, texts: { competition: '顺丰在电商件上降价 8%。' } });
    const view = await call('reports/get', { id: draft.id });
    expect(view.texts.competition).toBe('顺丰在电商件上降价 8%。');
    const headings = view.document.blocks.flatMap((x) => (x.kind === 'heading' && x.level === 1 ? [x.text] : []));
    expect(headings.slice(0, 7)).toEqual([
      '一、总体情况',
      '二、分级情况',
      '三、竞争情况',
      '四、波动客户情况',
      '五、重点客户情况',
      '六、上月工作及好的做法',
      '七、存在问题及本月计划',
    ]);

    const final = await call('reports/finalise', { id: draft.id });
    expect(final.status).toBe('final');
    const stored = b.db.prepare('SELECT snapshot, hash FROM analysis_reports WHERE id = ?').get(draft.id) as {
      snapshot: string;
      hash: string;
    };
    expect(final.hash).toBe(createHash('sha256').update(stored.snapshot, 'utf8').digest('hex'));
    expect(stored.hash).toBe(final.hash);
    const frozen = await call('reports/get', { id: draft.id });
    expect(frozen.document.hash).toBe(final.hash);
    const before = frozen.facts.overall.key.thisMonth;

    // A key customer's October revenue goes up by ¥10,000.00.
    const keyCustomer = frozen.facts.keyCustomers[0]?.id as string;
    await call('revenue/set', {
      customerId: keyCustomer,
      period: PERIOD,
      line: 'other',
      amount: '10000',
      confirm: true,
    });
    const live = (await call('reports/dashboard', { period: PERIOD })) as ReportFacts;
    expect(live.overall.key.thisMonth).toBeGreaterThan(before);
    const again = await call('reports/get', { id: draft.id });
    expect(again.facts.overall.key.thisMonth).toBe(before);
    expect(again.info.hash).toBe(final.hash);

    // A final revision refuses edits, in the handler and in the database itself.
    const refused = await appError(call('reports/save-texts', { id: draft.id, texts: { practice: '改' } }));
    expect(refused.code).toBe('CONFLICT');
    expect(() => b.db.prepare("UPDATE analysis_reports SET texts = '{}' WHERE id = ?").run(draft.id)).toThrow(/已定稿/);

    // A correction is revision 2, a draft with the texts copied and today's figures.
    const second = await call('reports/revise', { id: draft.id });
    expect(second).toMatchObject({ revision: 2, status: 'draft' });
    const secondView = await call('reports/get', { id: second.id });
    expect(secondView.texts.competition).toBe('顺丰在电商件上降价 8%。');
    expect(secondView.facts.overall.key.thisMonth).toBe(live.overall.key.thisMonth);
    expect(secondView.revisions.map((r) => [r.revision, r.status, r.superseded])).toEqual([
      [1, 'final', true],
      [2, 'draft', false],
    ]);
    expect((await call('reports/create', { period: PERIOD })).id).toBe(second.id);
  });

  it('prints the finalised report: the PDF states the month’s total in 万元 as SQL sums it, and the hash', async () => {
    const latest = (await call('reports/list', { period: PERIOD })).find((r) => r.status === 'final');
    if (!latest) throw new Error('the previous case finalises revision 1');
    const view = await call('reports/get', { id: latest.id });
    const file = join(tempDir(), 'report.pdf');
    writeFileSync(file, await printPdf(reportHtml(view.document)));
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const total = formatCell(view.facts.overall.key.thisMonth, 'wan');
    expect(text).toContain(`本月大客户收入合计${total}万元`);
    expect(text).toContain(latest.hash?.slice(0, 32));
    for (const heading of ['一、总体情况', '四、波动客户情况', '七、存在问题及本月计划'])
      expect(text).toContain(heading);
  }, 120_000);

  it('gives the print view for preview and 打印, and saves a revision where asked, refusing the database file', async () => {
    const final = (await call('reports/list', { period: PERIOD })).find((r) => r.status === 'final');
    if (!final) throw new Error('an earlier case finalises revision 1');
    const html = await call('reports/html', { id: final.id });
    expect(html.title).toBe('全市大客户月度分析报告_2026年10月_第1版_定稿');
    expect(html.html).toContain('<svg');
    expect(html.html).toContain('四、波动客户情况');

    // A dry run names the file; a written one is what the bytes say.
    const dry = await call('reports/export', { id: final.id, format: 'xlsx', path: null });
    expect(dry).toMatchObject({ fileName: `${html.title}.xlsx`, path: null, status: 'final', hash: final.hash });
    const file = join(tempDir(), 'r.xlsx');
    const written = await call('reports/export', { id: final.id, format: 'xlsx', path: file });
    expect(written.path).toBe(file);
    expect(readFileSync(file).length).toBe(written.size);

    const refused = await appError(
      call('reports/export', { id: final.id, format: 'docx', path: join(tempDir(), 'r.pdf') }),
    );
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toContain('.docx');
    const missing = await appError(call('reports/html', { id: 999_999 }));
    expect(missing.code).toBe('NOT_FOUND');
  });

  it('shows on the customer page where the customer was reported: last month live, and every final revision naming it', async () => {
    const final = (await call('reports/list', { period: PERIOD })).find((r) => r.status === 'final');
    if (!final) throw new Error('an earlier case finalises revision 1');
    const frozen = (await call('reports/get', { id: final.id })).facts;
    const top = frozen.keyCustomers[0];
    if (!top) throw new Error('the demo month has key customers');
    const view = await call('reports/for-customer', { customerId: top.id });
    expect(view.period).toBe(PERIOD);
    expect(view.live.keyList).toBe(true);
    expect(view.reports.map((r) => r.info.id)).toEqual([final.id]);
    expect(view.reports[0]?.mention.keyList).toBe(true);
    expect(view.reports[0]?.mention.top20Rank).toBe(frozen.top20.findIndex((c) => c.id === top.id) + 1);

    // A customer no report names: nothing listed; an unknown one is refused.
    const quiet = b.db
      .prepare('SELECT id FROM customers WHERE id NOT IN (SELECT customer_id FROM revenue) LIMIT 1')
      .pluck()
      .get() as string | undefined;
    if (quiet) expect((await call('reports/for-customer', { customerId: quiet })).reports).toEqual([]);
    expect((await appError(call('reports/for-customer', { customerId: '44059999999000' }))).code).toBe('NOT_FOUND');
  });
});
