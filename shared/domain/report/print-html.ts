/**
 * The report's print view: one self-contained HTML page with CSS paged media, the single source of
 * every PDF (Electron's printToPDF in the app, Chromium in the command line and the tests), laid
 * out after GB/T 9704-2012 for official documents: A4 portrait, top margin 37 mm, left 28 mm, a
 * text block of 156 × 225 mm; title 二号 (22pt) 小标宋; body 三号 (16pt) 仿宋; headings 一、 黑体,
 * （一） 楷体, 1. 仿宋; the page number "— 1 —" in 四号 (14pt) 宋体 under the text block.
 *
 * No external resource (the app's CSP; a printed page must not depend on a network): fonts come
 * from the system by name, or as data: URLs when the caller embeds them; charts are inline SVG.
 * Every text from the document is escaped: the officer's writing may hold <, & and quotes.
 */
import { chartSvg } from './chart-svg';
import {
  footerLine,
  type ReportBlock,
  type ReportChart,
  type ReportDocument,
  type ReportTable,
  sealLines,
} from './document';
import { cellAlign, formatCell } from './format';

/** A font file to carry inside the page, under a family name the stacks below already use. */
export interface EmbeddedFont {
  /** e.g. 'FangSong' or 'Noto Serif CJK SC'. */
  family: string;
  data: Uint8Array;
  format: 'truetype' | 'opentype' | 'woff' | 'woff2';
  weight?: 'normal' | 'bold';
}

export interface ReportHtmlOptions {
  /** Fonts to carry as data: URLs, so the page prints the same where they are not installed. */
  embedFonts?: readonly EmbeddedFont[];
}

// Windows' fonts first (what the bureau's PCs have and the standard names), then Noto CJK, which
// Linux and the tests have. 方正小标宋 is rarely installed; 宋体 bold stands in for it (the standard
// allows 小标宋 or a similar face).
export const TITLE_FONTS = `'方正小标宋简体', 'FZXiaoBiaoSong-B05S', '宋体', 'SimSun', 'Noto Serif CJK SC', serif`;
const BODY_FONTS = `'仿宋_GB2312', '仿宋', 'FangSong', 'Noto Serif CJK SC', serif`;
export const HEI_FONTS = `'黑体', 'SimHei', 'Noto Sans CJK SC', sans-serif`;
const KAI_FONTS = `'楷体', 'KaiTi', '楷体_GB2312', 'Noto Serif CJK SC', serif`;
export const SONG_FONTS = `'宋体', 'SimSun', 'Noto Serif CJK SC', serif`;
const MONO_FONTS = `'Consolas', 'Noto Sans Mono CJK SC', 'Noto Sans CJK SC', sans-serif`;

/** Text → HTML text or attribute value. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Text → the body of a CSS string ("…"): backslash, quotes and line breaks escaped. */
function cssString(text: string): string {
  return `"${text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n]+/g, ' ')}"`;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes → base64, by hand: this module runs in Node and in the renderer, neither with Buffer and btoa both. */
function base64(data: Uint8Array): string {
  const out: string[] = [];
  for (let i = 0; i < data.length; i += 3) {
    const a = data[i] ?? 0;
    const b = data[i + 1] ?? 0;
    const c = data[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    out.push(
      BASE64.charAt((n >> 18) & 63),
      BASE64.charAt((n >> 12) & 63),
      i + 1 < data.length ? BASE64.charAt((n >> 6) & 63) : '=',
      i + 2 < data.length ? BASE64.charAt(n & 63) : '=',
    );
  }
  return out.join('');
}

const FONT_MIME = {
  truetype: 'font/ttf',
  opentype: 'font/otf',
  woff: 'font/woff',
  woff2: 'font/woff2',
} as const;

function fontFaces(fonts: readonly EmbeddedFont[]): string {
  return fonts
    .map(
      (f) =>
        `@font-face { font-family: ${cssString(f.family)}; font-weight: ${f.weight ?? 'normal'}; ` +
        `src: url(data:${FONT_MIME[f.format]};base64,${base64(f.data)}) format('${f.format}'); }`,
    )
    .join('\n');
}

/**
 * The footer's right side: the snapshot's SHA-256 in two halves of 32 hex digits (a whole line of
 * 64 does not fit beside the page number). A draft has no snapshot, so no hash: printing one would
 * claim the figures are frozen.
 */
function hashContent(doc: ReportDocument): string {
  const lines: string[] = [];
  if (doc.status === 'final' && doc.hash !== null) lines.push('SHA-256', doc.hash.slice(0, 32), doc.hash.slice(32));
  // The audit chain's head (sealLines): its row number and the first half of its hash fit the box.
  if (doc.auditHead !== null) lines.push(`审计链头 #${doc.auditHead.id}`, doc.auditHead.hash.slice(0, 32));
  return lines.length === 0 ? '""' : lines.map(cssString).join(' "\\A" ');
}

function styles(doc: ReportDocument, fonts: readonly EmbeddedFont[]): string {
  const draft = doc.status === 'draft';
  return `
${fontFaces(fonts)}
@page {
  size: A4 portrait;
  /* GB/T 9704-2012 §5.2.1: top 37 mm, left 28 mm; 210 − 28 − 156 = 26 mm right, 297 − 37 − 225 = 35 mm bottom. */
  margin: 37mm 26mm 35mm 28mm;
  @top-center {
    content: ${cssString(draft ? '草稿' : '')};
    font-family: ${HEI_FONTS};
    font-size: 16pt;
    letter-spacing: 0.5em;
    color: #c00;
    vertical-align: bottom;
    padding-bottom: 6mm;
  }
  @bottom-center {
    /* §7.5: the number in 四号 宋体 between two 一字线, 7 mm under the text block. */
    content: "— " counter(page) " —";
    width: 30mm;
    font-family: ${SONG_FONTS};
    font-size: 14pt;
    vertical-align: top;
    padding-top: 7mm;
  }
  /* Under it, small: which revision, whether final, the basis; and the hash that ties the paper to the stored snapshot. */
  @bottom-left {
    content: ${cssString(footerLine(doc))};
    width: 63mm;
    font-family: ${SONG_FONTS};
    font-size: 7.5pt;
    line-height: 1.4;
    text-align: left;
    vertical-align: bottom;
    padding-bottom: 12mm;
  }
  @bottom-right {
    content: ${hashContent(doc)};
    width: 63mm;
    white-space: pre;
    font-family: ${MONO_FONTS};
    font-size: 7.5pt;
    line-height: 1.4;
    text-align: right;
    vertical-align: bottom;
    padding-bottom: 12mm;
  }
}
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0;
  font-family: ${BODY_FONTS};
  font-size: 16pt;
  /* 22 lines of 28 characters fill the 225 mm block (§5.2.2): 225 mm ÷ 22 ≈ 28.9 pt a line. */
  line-height: 28.9pt;
  color: #000;
  text-align: justify;
  orphans: 2;
  widows: 2;
}
.issuer { font-family: ${HEI_FONTS}; font-size: 14pt; text-align: center; margin: 0 0 6mm; letter-spacing: 0.1em; }
h1.title {
  font-family: ${TITLE_FONTS};
  font-size: 22pt;
  font-weight: bold;
  line-height: 1.45;
  text-align: center;
  margin: 0 0 4mm;
}
.subtitle { font-family: ${KAI_FONTS}; font-size: 16pt; text-align: center; margin: 0 0 8mm; }
h2, h3, h4 { font-size: 16pt; line-height: 28.9pt; margin: 0; break-after: avoid; page-break-after: avoid; }
h2 { font-family: ${HEI_FONTS}; font-weight: normal; text-indent: 2em; }
h3 { font-family: ${KAI_FONTS}; font-weight: normal; text-indent: 2em; }
h4 { font-family: ${BODY_FONTS}; font-weight: bold; text-indent: 2em; }
p { margin: 0; text-indent: 2em; }
.issuer, .subtitle, .end { text-indent: 0; }
.writing.empty { color: #666; }
.block-title {
  font-family: ${HEI_FONTS};
  font-size: 12pt;
  line-height: 1.5;
  text-align: center;
  text-indent: 0;
  margin: 4mm 0 2mm;
  break-after: avoid;
  page-break-after: avoid;
}
figure { margin: 0 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
table {
  width: 100%;
  border-collapse: collapse;
  /* 小四 (12pt) is too wide for 8–10 columns on 156 mm; 五号 (10.5pt) fits them. */
  font-family: ${SONG_FONTS};
  font-size: 10.5pt;
  line-height: 1.35;
  margin: 0 0 2mm;
}
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.5pt solid #000; padding: 0.8mm 1mm; vertical-align: middle; }
th { font-family: ${HEI_FONTS}; font-weight: normal; text-align: center; background: #f0f0f0; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.text { text-align: left; }
td.short, th .unit { white-space: nowrap; }
/* A name column gets room for six characters a line before the figures take theirs. */
td.text:not(.short) { min-width: 6em; }
tr.total td { font-weight: bold; }
.note { font-family: ${SONG_FONTS}; font-size: 10.5pt; line-height: 1.5; text-indent: 0; margin: 0 0 4mm; }
.end {
  font-family: ${BODY_FONTS};
  text-align: right;
  margin-top: 10mm;
  padding-right: 4em;
  break-inside: avoid;
}
/*
 * On screen only (the app's 打印预览): the text block on an A4-wide white sheet with the print
 * margins, on grey, with the 草稿 mark and the footer's line and hash that paged media prints in
 * the page margins (margin boxes exist only when printing). Printing ignores all of this.
 */
@media screen {
  html { background: #e9ecef; }
  body {
    box-sizing: border-box;
    width: 210mm;
    min-height: 297mm;
    margin: 8mm auto;
    padding: 37mm 26mm 35mm 28mm;
    background: #fff;
    box-shadow: 0 1px 6px rgba(0, 0, 0, 0.25);
    position: relative;
  }
  body::before {
    content: ${cssString(draft ? '草稿' : '')};
    position: absolute;
    top: 22mm;
    left: 0;
    right: 0;
    text-align: center;
    font-family: ${HEI_FONTS};
    font-size: 16pt;
    line-height: 1;
    letter-spacing: 0.5em;
    color: #c00;
  }
  body::after {
    content: ${[footerLine(doc), ...sealLines(doc)].map(cssString).join(' "\\A" ')};
    display: block;
    white-space: pre-wrap;
    margin-top: 12mm;
    padding-top: 2mm;
    border-top: 0.5pt solid #999;
    font-family: ${SONG_FONTS};
    font-size: 7.5pt;
    line-height: 1.5;
    color: #444;
    text-align: left;
    text-indent: 0;
    word-break: break-all;
  }
}
`;
}

/** The officer's text: one paragraph per line; blank lines dropped. An empty text says so. */
function writingHtml(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  // An empty judgement part stays visible in a draft, so nobody prints it without noticing.
  if (lines.length === 0) return '<p class="writing empty">（未填写）</p>';
  return lines.map((l) => `<p class="writing">${escapeHtml(l)}</p>`).join('\n');
}

/** Labels up to this many characters stay on one line in a table cell. */
const SHORT_TEXT = 4;

/**
 * A column title whose unit is in brackets ("本月（万元）") may break only before the bracket, so
 * the unit stays whole on the second line instead of "本月（万 / 元）".
 */
function headerHtml(title: string): string {
  const at = title.indexOf('（');
  if (at <= 0) return escapeHtml(title);
  return `${escapeHtml(title.slice(0, at))}<wbr><span class="unit">${escapeHtml(title.slice(at))}</span>`;
}

function tableHtml(table: ReportTable): string {
  const head = table.columns.map((c) => `<th>${headerHtml(c.title)}</th>`).join('');
  const last = table.rows.length - 1;
  const body = table.rows
    .map((row, r) => {
      const cells = table.columns
        .map((c, i) => {
          const value = row[i] ?? null;
          // A text label in a figure column ("合计", "58.1%") lines up with the figures.
          const text = formatCell(value, c.format);
          // Short labels (级别, 单位, 是/否) never break: "黄金" over two lines reads as two words.
          const cls = cellAlign(c.format) === 'right' ? 'num' : [...text].length <= SHORT_TEXT ? 'text short' : 'text';
          return `<td class="${cls}">${escapeHtml(text)}</td>`;
        })
        .join('');
      return `<tr${table.totalRow && r === last ? ' class="total"' : ''}>${cells}</tr>`;
    })
    .join('\n');
  const note = table.note ? `\n<p class="note">${escapeHtml(table.note)}</p>` : '';
  return (
    `<section class="table">\n<p class="block-title">${escapeHtml(table.title)}</p>\n` +
    `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>${note}\n</section>`
  );
}

function chartHtml(chart: ReportChart): string {
  // 156 mm at 96 px/in ≈ 590 px; the SVG scales to the text block's width.
  const svg = chartSvg(chart, { width: 590, height: 300 });
  return `<figure>\n<p class="block-title">${escapeHtml(chart.title)}</p>\n${svg}\n</figure>`;
}

function blockHtml(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading': {
      const tag = block.level === 1 ? 'h2' : block.level === 2 ? 'h3' : 'h4';
      return `<${tag}>${escapeHtml(block.text)}</${tag}>`;
    }
    case 'paragraph':
      return `<p>${escapeHtml(block.text)}</p>`;
    case 'writing':
      return writingHtml(block.text);
    case 'table':
      return tableHtml(block);
    case 'chart':
      return chartHtml(block);
  }
}

/** The whole report as one HTML page to print (A4, paged media). Deterministic. */
export function reportHtml(doc: ReportDocument, options: ReportHtmlOptions = {}): string {
  const fonts = options.embedFonts ?? [];
  const body = doc.blocks.map(blockHtml).join('\n');
  const csp = "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(doc.title)}</title>
<style>${styles(doc, fonts)}</style>
</head>
<body class="${doc.status}">
<p class="issuer">${escapeHtml(doc.issuer)}</p>
<h1 class="title">${escapeHtml(doc.title)}</h1>
<p class="subtitle">（${escapeHtml(doc.scopeName)}）</p>
${body}
<p class="end">${escapeHtml(doc.issuer)}<br>${escapeHtml(doc.dateLine)}</p>
</body>
</html>
`;
}
