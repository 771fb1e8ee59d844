/**
 * The Word report: LibreOffice opens the .docx and prints it to PDF (a real word processor reads
 * it, not only our writer), and the document's XML has Word's heading styles, a repeated header
 * row and rows that cannot split, the GB/T 9704 page and the footer line.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { cjkFontFiles, reportDocx } from '../../../electron/backend/reports/docx';
import {
  FIXTURE_HASH,
  FIXTURE_TOTAL_TEXT,
  GOLD_HEADING,
  LONG_TABLE_TITLE,
  PART_HEADINGS,
  reportDocumentFixture,
} from '../../../shared/domain/report/document-fixture';
import { formatCell } from '../../../shared/domain/report/format';
import { sofficeConvert } from '../../support/libreoffice';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-docx-');

function parts(docx: Buffer): Record<string, string> {
  const files = unzipSync(new Uint8Array(docx));
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('.xml')) out[name] = strFromU8(data);
  }
  out['#media'] = Object.keys(files)
    .filter((n) => n.startsWith('word/media/'))
    .join('\n');
  return out;
}

/** The visible text of a WordprocessingML part, paragraphs on their own lines. */
function textOf(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('reportDocx', () => {
  it('LibreOffice prints it with the title, every part heading, the figures and the hash', async () => {
    const dir = tempDir();
    const input = join(dir, 'report.docx');
    writeFileSync(input, await reportDocx(reportDocumentFixture({ status: 'final' })));
    const pdf = await sofficeConvert(input, 'pdf', dir);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    const doc = reportDocumentFixture();
    // Writer sets a little space between CJK and digits ("2026 年 10 月"): compare without spaces.
    const flat = text.replace(/\s+/g, '');
    expect(flat).toContain(doc.title);
    for (const h of [...PART_HEADINGS, GOLD_HEADING]) expect(flat).toContain(h);
    expect(text).toContain(FIXTURE_TOTAL_TEXT);
    expect(flat).toContain('—1—');
    expect(flat).toContain(`SHA-256${FIXTURE_HASH}`);
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThan(2);
    // The long table runs onto another page with its header row repeated there.
    const pageTexts = text.split('\f').map((p) => p.replace(/\s+/g, ''));
    const longTablePage = pageTexts.findIndex((p) => p.includes(LONG_TABLE_TITLE.replace(/\s+/g, '')));
    expect(longTablePage).toBeGreaterThanOrEqual(0);
    const next = pageTexts[longTablePage + 1] ?? '';
    const doc3 = doc.blocks.find((b) => b.kind === 'table' && b.title === LONG_TABLE_TITLE);
    if (doc3?.kind !== 'table') throw new Error('fixture has no long table');
    expect(next).toContain(doc3.columns[1]?.title ?? '?');
    // No figure wraps inside its cell ("3,672.2" over "6" misreads): each prints whole on a line.
    const figures = doc.blocks.flatMap((b) =>
      b.kind === 'table'
        ? b.rows.flatMap((row) =>
            b.columns.flatMap((c, i) => (c.format === 'text' ? [] : [formatCell(row[i] ?? null, c.format)])),
          )
        : [],
    );
    expect(figures.length).toBeGreaterThan(200);
    expect(figures.filter((f) => !text.includes(f))).toEqual([]);
    const shots = '/tmp/shots-docx';
    mkdirSync(shots, { recursive: true });
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, join(shots, 'docx-page')]);
  }, 240_000);

  it('uses Word heading styles 1–3 restyled 黑体/楷体/仿宋 and real tables with a repeated header row', async () => {
    const x = parts(await reportDocx(reportDocumentFixture({ status: 'final' })));
    const body = x['word/document.xml'] ?? '';
    const styles = x['word/styles.xml'] ?? '';
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading2"/>');
    expect(styles).toMatch(/w:styleId="Heading1"[\s\S]*?w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:styleId="Heading2"[\s\S]*?w:eastAsia="楷体"/);
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toContain('<w:cantSplit/>');
    // Table text by a paragraph style in 宋体 (五号 = 21 half-points, 小五 = 18), not per run.
    expect(styles).toMatch(/w:styleId="KamTableText"[\s\S]*?w:eastAsia="宋体"[\s\S]*?<w:sz w:val="21"\/>/);
    expect(styles).toMatch(/w:styleId="KamTableTextSmall"[\s\S]*?<w:sz w:val="18"\/>/);
    expect(body).toMatch(/<w:pStyle w:val="KamTableText(Small)?"\/>/);
    // A4 with the GB/T 9704 margins (twips: 37 mm top, 35 bottom, 28 left, 26 right).
    expect(body).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(body).toMatch(/w:top="2098"/);
    expect(body).toMatch(/w:left="1587"/);
    // Two charts as PNG pictures, in the order of the blocks.
    expect(x['#media']?.split('\n').filter((n) => n.endsWith('.png'))).toHaveLength(2);
    const text = textOf(body);
    let last = -1;
    for (const h of PART_HEADINGS) {
      const at = text.indexOf(h);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
    // The officer's markup is text, not markup.
    expect(text).toContain('<script>alert(1)</script>');
  });

  it('a draft says 草稿 in the header and carries no hash', async () => {
    const x = parts(await reportDocx(reportDocumentFixture({ status: 'draft' })));
    const headers = Object.entries(x).filter(([n]) => /word\/header\d*\.xml/.test(n));
    const footers = Object.entries(x).filter(([n]) => /word\/footer\d*\.xml/.test(n));
    expect(headers.map(([, v]) => textOf(v)).join('')).toContain('草稿');
    const footerText = footers.map(([, v]) => textOf(v)).join('');
    expect(footerText).toContain('草稿');
    expect(footerText).not.toContain('SHA-256');
    expect(textOf(x['word/document.xml'] ?? '')).toContain('（未填写）');
  });

  it('finds a CJK font for the charts on Windows and on Linux', () => {
    const win = cjkFontFiles('win32', (p) => p.endsWith('msyh.ttc'), { WINDIR: 'C:\\Windows' });
    expect(win).toHaveLength(1);
    expect(win[0]).toMatch(/msyh\.ttc$/);
    expect(cjkFontFiles('linux', () => false)).toEqual([]);
    expect(cjkFontFiles().length).toBeGreaterThan(0);
  });
});
