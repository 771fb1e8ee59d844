import { describe, expect, it } from 'vitest';
import type { ReportDocument } from './document';
import { footerLine } from './document';
import {
  FIXTURE_AUDIT_HEAD,
  FIXTURE_HASH,
  HOSTILE_WRITING,
  PART_HEADINGS,
  reportDocumentFixture,
} from './document-fixture';
import { escapeHtml, reportHtml } from './print-html';

const final = reportDocumentFixture({ status: 'final' });
const draft = reportDocumentFixture({ status: 'draft' });

/** The page's markup without the <style> sheet (which names fonts and the footer's text). */
const bodyOf = (html: string): string => html.slice(html.indexOf('<body'));

describe('reportHtml: the print view', () => {
  it('is one self-contained page: no external resource of any kind', () => {
    const html = reportHtml(final);
    expect(html).not.toMatch(/<link\b|<script\b|<img\b|<iframe\b/i);
    expect(html).not.toMatch(/(?:src|href)\s*=\s*["']?(?:https?:|file:|\/\/)/i);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html).toContain(`content="default-src 'none'`);
  });

  it('lays the page out after GB/T 9704: A4, 37/26/35/28 mm margins (a 156 × 225 mm block)', () => {
    const html = reportHtml(final);
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('margin: 37mm 26mm 35mm 28mm');
    expect(html).toMatch(/h1\.title \{[^}]*font-size: 22pt/);
    expect(html).toMatch(/body \{[^}]*font-size: 16pt/);
    expect(html).toContain('content: "— " counter(page) " —"');
  });

  it('names the Windows fonts first and Noto CJK last in every stack', () => {
    const html = reportHtml(final);
    for (const windows of [
      '方正小标宋简体',
      'FZXiaoBiaoSong-B05S',
      '仿宋_GB2312',
      'FangSong',
      'SimHei',
      'KaiTi',
      'SimSun',
    ]) {
      expect(html).toContain(`'${windows}'`);
    }
    const stacks = [...html.matchAll(/font-family: ([^;]+);/g)].map((m) => m[1] ?? '');
    expect(stacks.length).toBeGreaterThan(5);
    for (const stack of stacks) expect(stack).toMatch(/'Noto (?:Serif|Sans) CJK SC', (?:serif|sans-serif)$/);
  });

  it('renders every block in the document’s order, headings by level', () => {
    const body = bodyOf(reportHtml(final));
    let at = 0;
    for (const heading of PART_HEADINGS) {
      const next = body.indexOf(`<h2>${heading}</h2>`, at);
      expect(next, heading).toBeGreaterThan(at);
      at = next;
    }
    expect(body).toContain('<h3>（一）收入情况</h3>');
    expect(body).toContain('<h4>1. 增长原因</h4>');
    expect(body.match(/<table>/g)).toHaveLength(5);
    expect(body.match(/<svg\b/g)).toHaveLength(2);
  });

  it('escapes the officer’s text and makes each line a paragraph', () => {
    const body = bodyOf(reportHtml(final));
    expect(body).not.toContain('<script>');
    expect(body).not.toContain('<特惠>');
    for (const line of HOSTILE_WRITING.split('\n'))
      expect(body).toContain(`<p class="writing">${escapeHtml(line)}</p>`);
    expect(body).toContain('&lt;特惠&gt;价格 &amp; 月结返点');
  });

  it('shows an empty judgement part as not filled in, rather than leaving a bare heading', () => {
    expect(bodyOf(reportHtml(final))).toContain(
      '<h2>六、上月工作及好的做法</h2>\n<p class="writing empty">（未填写）</p>',
    );
  });

  it('formats figures by column and bolds a total row', () => {
    const body = bodyOf(reportHtml(final));
    expect(body).toContain('<td class="num">3,672.26</td>');
    expect(body).toContain('<td class="num">+4.2%</td>');
    expect(body).toContain('<td class="num">\u22121.3%</td>');
    expect(body).toMatch(/<tr class="total"><td class="text short">合计<\/td>/);
    // The header repeats on every page a table spans, and no row splits across pages.
    expect(reportHtml(final)).toMatch(/thead \{ display: table-header-group; \}/);
    expect(reportHtml(final)).toMatch(/tr \{ break-inside: avoid;/);
  });

  it('on screen (the app’s 打印预览) shows an A4 sheet on grey with the 草稿 mark and the footer; print is as before', () => {
    const screenRules = (html: string): string => {
      const at = html.indexOf('@media screen {');
      expect(at).toBeGreaterThan(html.indexOf('@page {'));
      return html.slice(at, html.indexOf('</style>'));
    };
    const d = screenRules(reportHtml(draft));
    expect(d).toMatch(/body \{[^}]*width: 210mm;[^}]*padding: 37mm 26mm 35mm 28mm;/);
    expect(d).toMatch(/body::before \{\s*content: "草稿"/);
    // A draft has no snapshot hash, but a copy says after which audit row it was made (sealLines).
    const head = `审计链头 #${FIXTURE_AUDIT_HEAD.id} ${FIXTURE_AUDIT_HEAD.hash}`;
    expect(d).toContain(`content: "${footerLine(draft)}" "\\A" "${head}";`);
    const f = screenRules(reportHtml(final));
    expect(f).toMatch(/body::before \{\s*content: ""/);
    expect(f).toContain(`content: "${footerLine(final)}" "\\A" "SHA-256 ${FIXTURE_HASH}" "\\A" "${head}";`);
    // The print rules stand outside it, unchanged: @page's margins, 16pt body.
    const printed = reportHtml(final).slice(0, reportHtml(final).indexOf('@media screen {'));
    expect(printed).toContain('margin: 37mm 26mm 35mm 28mm');
    expect(printed).toMatch(/body \{[^}]*font-size: 16pt/);
  });

  it('keeps a column’s unit whole: titles break only before the bracket', () => {
    expect(bodyOf(reportHtml(final))).toContain('<th>本月<wbr><span class="unit">（万元）</span></th>');
  });

  it('prints 草稿 in a draft’s header and no hash; a final copy has 定稿 and its hash', () => {
    const d = reportHtml(draft);
    expect(d).toMatch(/@top-center \{\s*content: "草稿"/);
    expect(d).not.toContain('SHA-256');
    expect(d).not.toContain(FIXTURE_HASH.slice(0, 32));
    expect(d).toContain(
      `content: "审计链头 #${FIXTURE_AUDIT_HEAD.id}" "\\A" "${FIXTURE_AUDIT_HEAD.hash.slice(0, 32)}";`,
    );
    expect(footerLine(draft)).toBe('第1版 · 草稿 · 政策版本 3 · 分级批次 12（2025年度）');
    const f = reportHtml(final);
    expect(f).toMatch(/@top-center \{\s*content: ""/);
    expect(footerLine(final)).toBe('第2版 · 定稿 · 政策版本 3 · 分级批次 12（2025年度）');
    expect(f).toContain(
      `content: "SHA-256" "\\A" "${FIXTURE_HASH.slice(0, 32)}" "\\A" "${FIXTURE_HASH.slice(32)}" "\\A" "审计链头 #${FIXTURE_AUDIT_HEAD.id}" "\\A" "${FIXTURE_AUDIT_HEAD.hash.slice(0, 32)}";`,
    );
  });

  it('keeps a quote or backslash in the footer inside its CSS string', () => {
    const odd: ReportDocument = { ...draft, basisLine: 'a"b\\c\n' };
    expect(reportHtml(odd)).toContain('content: "第1版 · 草稿 · a\\"b\\\\c ";');
  });

  it('carries embedded fonts as data: URLs', () => {
    const html = reportHtml(final, {
      embedFonts: [{ family: 'FangSong', data: new Uint8Array([0, 1, 2, 255]), format: 'truetype' }],
    });
    expect(html).toContain(
      `@font-face { font-family: "FangSong"; font-weight: normal; src: url(data:font/ttf;base64,AAEC/w==) format('truetype'); }`,
    );
  });

  it('encodes embedded fonts as base64 of any length', () => {
    for (const [bytes, expected] of [
      [[], ''],
      [[0x66], 'Zg=='],
      [[0x66, 0x6f], 'Zm8='],
      [[0x66, 0x6f, 0x6f], 'Zm9v'],
      [[0xfb, 0xff, 0xbf, 0x00], '+/+/AA=='],
    ] as [number[], string][]) {
      const html = reportHtml(final, { embedFonts: [{ family: 'X', data: new Uint8Array(bytes), format: 'woff2' }] });
      expect(html).toContain(`url(data:font/woff2;base64,${expected})`);
    }
  });

  it('is deterministic', () => {
    expect(reportHtml(reportDocumentFixture())).toBe(reportHtml(reportDocumentFixture()));
  });
});
