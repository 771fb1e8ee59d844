/**
 * `kam report`, `kam report finalise` and `kam report list` (R28, R32) as a script drives them: the
 * file holds the month's figures as `kam revenue summary` states them, a final revision when one
 * exists (its hash printed), else the draft marked 草稿; exporting never writes the database; a
 * refusal names what is wrong and leaves no file.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';
import { PART_HEADINGS } from '../../../shared/domain/report/document-fixture';
import { formatCell } from '../../../shared/domain/report/format';
import { kam } from '../../support/kam';
import { sofficeConvert } from '../../support/libreoffice';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-cli-report-');
const NOW = new Date('2026-11-10T02:00:00Z');
const PERIOD = '2026-10';

let db = '';

/** `kam revenue summary`'s total of the month, in 万元 with two decimals as the report prints it. */
async function summaryWan(database: string): Promise<string> {
  const run = await kam(['revenue', 'summary', '--db', database, '--period', PERIOD, '--json']);
  expect(run.code, run.err).toBe(0);
  const total = (JSON.parse(run.out) as { total: string }).total;
  // Yuan as a decimal string → whole fen, exactly.
  const fen = Number(total.replace('.', ''));
  return formatCell(fen, 'wan');
}

function pdfText(file: string): string {
  // Without -layout: a hash or a figure is one word however the page lays it out.
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
}

function reportRows(database: string): { status: string; hash: string | null; snapshot: string | null }[] {
  const conn = new Database(database, { readonly: true });
  try {
    return conn.prepare('SELECT status, hash, snapshot FROM analysis_reports ORDER BY id').all() as {
      status: string;
      hash: string | null;
      snapshot: string | null;
    }[];
  } finally {
    conn.close();
  }
}

let shared = '';

beforeAll(async () => {
  // One database for the file (the tests follow one report from draft to final); per-test
  // folders hold the files they write.
  shared = mkdtempSync(join(tmpdir(), 'kam-cli-report-db-'));
  db = join(shared, 'kam.sqlite');
  const b = openBackend({ databasePath: db, now: () => NOW });
  try {
    fillDemo(b.db, POLICY_V1, { customers: 200, seed: 4 }, NOW);
    fillDemoRevenue(b.db, { months: 24, endPeriod: PERIOD, seed: 4 }, NOW.toISOString());
    await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
  } finally {
    await b.close();
  }
}, 120_000);
afterAll(() => rmSync(shared, { recursive: true, force: true }));

describe('kam report', () => {
  it('with no report yet writes the draft (草稿, no hash) as PDF and stores nothing', async () => {
    const out = join(tempDir(), 'draft.pdf');
    const run = await kam(['report', '--db', db, '--period', PERIOD, '--format', 'pdf', '--out', out, '--json']);
    expect(run.code, run.err).toBe(0);
    const json = JSON.parse(run.out) as Record<string, unknown>;
    expect(json).toMatchObject({ file: out, format: 'pdf', period: PERIOD, unit: null, revision: 1, status: 'draft' });
    expect(json.hash).toBeNull();
    expect(json.size).toBe(readFileSync(out).length);
    const text = pdfText(out);
    expect(text).toContain('草稿');
    for (const heading of PART_HEADINGS) expect(text).toContain(heading);
    // Table 1's 全部客户 row: the month's total exactly as `kam revenue summary` gives it.
    expect(text).toContain(await summaryWan(db));
    expect(reportRows(db)).toEqual([]);
  }, 120_000);

  it('finalise freezes the numbers under the hash of the stored snapshot; the file is then the final revision', async () => {
    const run = await kam(['report', 'finalise', '--db', db, '--period', PERIOD, '--json']);
    expect(run.code, run.err).toBe(0);
    const info = JSON.parse(run.out) as { id: number; status: string; revision: number; hash: string };
    expect(info).toMatchObject({ status: 'final', revision: 1 });
    const [row] = reportRows(db);
    expect(row?.hash).toBe(info.hash);
    expect(
      createHash('sha256')
        .update(row?.snapshot ?? '')
        .digest('hex'),
    ).toBe(info.hash);

    // A second finalise is refused, naming the revision and how to correct it.
    const again = await kam(['report', 'finalise', '--db', db, '--period', PERIOD]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('第 1 版已定稿');
    expect(again.err).toContain('修订');

    const before = await summaryWan(db);
    // Data changed afterwards moves the live figures, never the final report.
    const customer = (
      new Database(db, { readonly: true })
        .prepare("SELECT customer_id AS id FROM revenue WHERE period = ? AND line = 'letters' LIMIT 1")
        .get(PERIOD) as { id: string }
    ).id;
    const set = await kam([
      'revenue',
      'set',
      '--db',
      db,
      '--customer',
      customer,
      '--period',
      PERIOD,
      '--line',
      'letters',
      '--amount',
      '987654.32',
    ]);
    expect(set.code, set.err).toBe(0);
    expect(await summaryWan(db)).not.toBe(before);

    const out = join(tempDir(), 'final.pdf');
    const file = await kam(['report', '--db', db, '--period', PERIOD, '--format', 'pdf', '--out', out, '--json']);
    expect(file.code, file.err).toBe(0);
    expect(JSON.parse(file.out)).toMatchObject({ status: 'final', revision: 1, hash: info.hash });
    const text = pdfText(out);
    expect(text).toContain('定稿');
    expect(text).not.toContain('草稿');
    // The footer prints the hash in two halves of 32 digits.
    expect(text).toContain(info.hash.slice(0, 32));
    expect(text).toContain(info.hash.slice(32));
    expect(text).toContain(before);

    const list = await kam(['report', 'list', '--db', db, '--json']);
    expect(list.code, list.err).toBe(0);
    expect(JSON.parse(list.out)).toMatchObject([
      { id: info.id, period: PERIOD, unit: null, revision: 1, status: 'final', hash: info.hash, superseded: false },
    ]);
    const listed = await kam(['report', 'list', '--db', db]);
    expect(listed.out).toContain('定稿');
    expect(listed.out).toContain(info.hash);
  }, 180_000);

  it('writes Word that LibreOffice reads back with the headings and the frozen total, and the tables workbook', async () => {
    const final = reportRows(db).find((r) => r.status === 'final');
    const frozen = JSON.parse(final?.snapshot ?? '{}') as { facts: { overall: { all: { thisMonth: number } } } };
    const docx = join(tempDir(), 'report.docx');
    const run = await kam(['report', '--db', db, '--period', PERIOD, '--format', 'docx', '--out', docx]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain('定稿');
    const pdf = await sofficeConvert(docx, 'pdf', tempDir());
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const heading of PART_HEADINGS) expect(text).toContain(heading);
    expect(text).toContain(formatCell(frozen.facts.overall.all.thisMonth, 'wan'));

    const xlsx = join(tempDir(), 'report.xlsx');
    const book = await kam(['report', '--db', db, '--period', PERIOD, '--format', 'xlsx', '--out', xlsx, '--json']);
    expect(book.code, book.err).toBe(0);
    const names = XLSX.read(readFileSync(xlsx)).SheetNames;
    expect(names.some((n) => n.startsWith('表1'))).toBe(true);
  }, 180_000);

  it('narrows to one unit', async () => {
    const out = join(tempDir(), 'unit.xlsx');
    const run = await kam([
      'report',
      '--db',
      db,
      '--period',
      PERIOD,
      '--unit',
      '440515',
      '--format',
      'xlsx',
      '--out',
      out,
      '--json',
    ]);
    expect(run.code, run.err).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ unit: { code: '440515' }, status: 'draft', revision: 1 });
  });

  it('refuses bad input with a clear message and writes no file', async () => {
    const dir = tempDir();
    const cases: { argv: string[]; says: string }[] = [
      { argv: ['--format', 'html', '--out', join(dir, 'a.html')], says: 'pdf、docx 或 xlsx' },
      { argv: ['--format', 'docx', '--out', join(dir, 'b.pdf')], says: '.docx 结尾' },
      { argv: ['--format', 'pdf'], says: '--out' },
      { argv: ['--format', 'pdf', '--out', join(dir, 'c.pdf'), '--unit', 'NOPE'], says: 'NOPE' },
      { argv: ['--format', 'pdf', '--out', join(dir, 'no-such-folder', 'd.pdf')], says: '保存位置不存在' },
    ];
    for (const c of cases) {
      const run = await kam(['report', '--db', db, '--period', PERIOD, ...c.argv]);
      expect(run.code, c.argv.join(' ')).toBe(1);
      expect(run.err, c.argv.join(' ')).toContain(c.says);
    }
    const period = await kam([
      'report',
      '--db',
      db,
      '--period',
      '2026-13',
      '--format',
      'pdf',
      '--out',
      join(dir, 'e.pdf'),
    ]);
    expect(period.code).toBe(1);
    for (const f of ['a.html', 'b.pdf', 'c.pdf', 'e.pdf']) expect(existsSync(join(dir, f)), f).toBe(false);
  });

  it('with no Chromium for the PDF says so and suggests Word', async () => {
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      const out = join(tempDir(), 'x.pdf');
      const run = await kam(['report', '--db', db, '--period', PERIOD, '--format', 'pdf', '--out', out, '--json']);
      expect(run.code).toBe(1);
      const error = (JSON.parse(run.err) as { error: { code: string; message: string } }).error;
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.message).toContain('Chromium');
      expect(error.message).toContain('docx');
      expect(existsSync(out)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });
});
