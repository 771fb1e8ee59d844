import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { printPdf } from '../../../electron/backend/reports/pdf';
import { AppError } from '../../../shared/api/errors';
import type { ReportDocument } from '../../../shared/domain/report/document';
import {
  FIXTURE_HASH,
  FIXTURE_TOTAL_TEXT,
  GOLD_HEADING,
  LONG_TABLE_TITLE,
  PART_HEADINGS,
  reportDocumentFixture,
} from '../../../shared/domain/report/document-fixture';
import { formatCell } from '../../../shared/domain/report/format';
import { reportHtml } from '../../../shared/domain/report/print-html';

const dir = mkdtempSync(join(tmpdir(), 'kam-pdf-'));
const finalPdf = join(dir, 'final.pdf');
const draftPdf = join(dir, 'draft.pdf');

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' });
/** pdftotext without layout: one line per text line, so a heading is found whole. */
const text = (file: string, ...args: string[]): string => run('pdftotext', [...args, file, '-']);
/**
 * The text without any white space: pdftotext puts spaces between glyphs set apart (justified
 * lines, the ideographic space) and breaks lines where the page wraps them.
 */
const squeezed = (s: string): string => s.replace(/\s+/g, '');

beforeAll(async () => {
  writeFileSync(finalPdf, await printPdf(reportHtml(reportDocumentFixture({ status: 'final' }))));
  writeFileSync(draftPdf, await printPdf(reportHtml(reportDocumentFixture({ status: 'draft' }))));
  // For looking at: every page at 60 dpi (the brief's check that a reader would not frown).
  const shots = '/tmp/shots-print';
  mkdirSync(shots, { recursive: true });
  run('pdftoppm', ['-r', '60', '-png', finalPdf, join(shots, 'final')]);
  run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', draftPdf, join(shots, 'draft')]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('printPdf: the report as an A4 official document', () => {
  it('holds the title, the seven part headings, the gold section, a figure and the hash', () => {
    const all = squeezed(text(finalPdf));
    expect(all).toContain('2026年10月大客户经营分析报告');
    for (const heading of [...PART_HEADINGS, GOLD_HEADING]) expect(all).toContain(heading);
    expect(all).toContain(`本月大客户收入合计${FIXTURE_TOTAL_TEXT}万元`);
    expect(all).toContain(FIXTURE_HASH);
    expect(all).toContain('定稿');
  });

  it('prints the officer’s markup characters as text, one paragraph per line', () => {
    const all = squeezed(text(finalPdf));
    expect(all).toContain('“次日达”<特惠>价格&月结返点');
    expect(all).toContain('<script>alert(1)</script>');
  });

  it('marks a draft 草稿 in the header and prints no hash', () => {
    // The header comes first in the page's text, before the issuer line.
    const first = squeezed(text(draftPdf, '-f', '1', '-l', '1'));
    expect(first.indexOf('草稿')).toBeGreaterThanOrEqual(0);
    expect(first.indexOf('草稿')).toBeLessThan(first.indexOf('汕头市邮政局大客户中心'));
    expect(squeezed(text(draftPdf))).not.toMatch(/SHA-256|[0-9a-f]{64}/);
  });

  it('numbers every page "— n —" in the footer', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [finalPdf]))?.[1]);
    expect(pages).toBeGreaterThan(2);
    for (let p = 1; p <= pages; p++) {
      expect(squeezed(text(finalPdf, '-f', String(p), '-l', String(p)))).toContain(`—${p}—`);
    }
  });

  it('is A4 portrait on every page', () => {
    // A4 is 595.28 × 841.89 pt; Chromium sets the page box in whole device pixels, so it comes
    // out a fraction of a point off (594.96 × 841.92), which pdfinfo still names A4.
    const info = run('pdfinfo', ['-f', '1', '-l', '99', finalPdf]);
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)];
    expect(sizes.length).toBeGreaterThan(2);
    for (const [, w, h] of sizes) {
      expect(Math.abs(Number(w) - 595.28)).toBeLessThan(0.5);
      expect(Math.abs(Number(h) - 841.89)).toBeLessThan(0.5);
    }
    expect(info).toMatch(/\(A4\)/);
  });

  it('embeds every font it uses', () => {
    const rows = run('pdffonts', [finalPdf])
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      // name type encoding emb sub uni object ID: emb is the fourth column from the end.
      const cols = row.trim().split(/\s+/);
      expect(cols.at(-5), row).toBe('yes');
    }
  });

  it('repeats the long table’s header on the page it continues on, and splits no row', () => {
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [finalPdf]))?.[1]);
    const perPage = Array.from({ length: pages }, (_, i) =>
      squeezed(text(finalPdf, '-f', String(i + 1), '-l', String(i + 1))),
    );
    const start = perPage.findIndex((t) => t.includes(squeezed(LONG_TABLE_TITLE)));
    expect(start).toBeGreaterThanOrEqual(0);
    const next = perPage[start + 1] ?? '';
    // The 45 rows do not fit on one page: the next page starts with the header again, then rows.
    const rows = reportDocumentFixture().blocks.find((b) => b.kind === 'table' && b.title === LONG_TABLE_TITLE);
    if (rows?.kind !== 'table') throw new Error('fixture lost 表3');
    expect(next.startsWith('序客户名称所属单位')).toBe(true);
    for (const title of ['级别', '本月', '上月', '增减', '（万元）', '波动原因']) expect(next).toContain(title);
    // No row split: a row's figures sit on one line of one page, with its whole name on that page.
    const layout = Array.from({ length: pages }, (_, i) =>
      text(finalPdf, '-layout', '-f', String(i + 1), '-l', String(i + 1)),
    );
    for (const row of rows.rows) {
      const figures = [4, 5, 6].map((c) => formatCell(row[c] ?? null, 'wan'));
      figures.push(formatCell(row[7] ?? null, 'ratio'));
      const pattern = new RegExp(figures.map((f) => f.replace(/[+.]/g, '\\$&')).join('\\s+'));
      const on = layout.flatMap((t, i) => (t.split('\n').some((l) => pattern.test(l)) ? [i] : []));
      expect(on, figures.join(' ')).toHaveLength(1);
      const name = String(row[1]);
      const page = perPage[on[0] ?? -1] ?? '';
      expect(page, name).toContain(name.slice(0, 5));
      expect(page, name).toContain(row[2] as string);
    }
  });

  it('keeps each tall row whole on one page', async () => {
    // Rows of six lines each: without break-inside: avoid, Chromium cuts some across a page end.
    const filler = '客户经营情况说明文字'.repeat(8);
    const doc = reportDocumentFixture();
    const tall: ReportDocument = {
      ...doc,
      blocks: [
        {
          kind: 'table',
          title: '表9　高行测试',
          columns: [
            { title: '说明', format: 'text' },
            { title: '本月（万元）', format: 'wan' },
          ],
          rows: Array.from({ length: 30 }, (_, i) => [`甲${i}始${filler}乙${i}终`, 1_000_000 * (i + 1)]),
        },
      ],
    };
    const file = join(dir, 'tall.pdf');
    writeFileSync(file, await printPdf(reportHtml(tall)));
    const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [file]))?.[1]);
    expect(pages).toBeGreaterThan(2);
    const perPage = Array.from({ length: pages }, (_, i) =>
      squeezed(text(file, '-f', String(i + 1), '-l', String(i + 1))),
    );
    for (let i = 0; i < 30; i++) {
      const start = perPage.findIndex((t) => t.includes(`甲${i}始`));
      const end = perPage.findIndex((t) => t.includes(`乙${i}终`));
      expect(start, `row ${i}`).toBeGreaterThanOrEqual(0);
      expect(end, `row ${i}`).toBe(start);
    }
  });

  it('says so and suggests Word when there is no Chromium', async () => {
    const error = await printPdf('<p>x</p>', { candidates: ['/nope/chromium'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('UNAVAILABLE');
    expect((error as AppError).message).toMatch(/找不到|没有找到.*Chromium.*Word（docx）/);
    expect((error as AppError).messageEn).toMatch(/No Chromium.*Word \(docx\)/);
  });
});
