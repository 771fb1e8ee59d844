/**
 * The monthly analysis report as a Word document (.docx): the same blocks in the same order as the
 * print view (shared/domain/report/print-html.ts), but editable — the officer may still retouch
 * the wording before it is sent. Laid out after GB/T 9704-2012 as far as Word allows: A4, margins
 * top 37 / bottom 35 / left 28 / right 26 mm (a 156 × 225 mm text block), body 仿宋 三号 (16 pt),
 * headings by Word's own Heading 1–3 styles restyled 黑体 / 楷体 / 仿宋 (so the navigation pane and
 * a table of contents work), page number "— 1 —" centred in 宋体 四号, and the footer line that ties
 * the paper to the data (revision, 草稿/定稿, SHA-256 of a final report). Tables are real Word
 * tables whose header row repeats on every page and whose rows never split; charts are PNG images
 * rasterised from the same SVG the print view embeds (chartSvg), with a CJK font loaded by path.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { chartSvg } from '../../../shared/domain/report/chart-svg';
import {
  footerLine,
  type ReportBlock,
  type ReportChart,
  type ReportDocument,
  type ReportTable,
  sealLines,
} from '../../../shared/domain/report/document';
import { cellAlign, formatCell } from '../../../shared/domain/report/format';

/** Font names as Word on a Chinese Windows knows them (Windows 10+ ships 仿宋/楷体/黑体/宋体). */
const FANGSONG = '仿宋';
const KAITI = '楷体';
const HEITI = '黑体';
const SONGTI = '宋体';

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
const SIZE_TITLE = 44;
const SIZE_BODY = 32;
const SIZE_FOUR = 28;
const SIZE_TABLE = 21;
const SIZE_SMALL = 18;

/** GB/T 9704 §5.2.2: 22 lines to the 225 mm block → a fixed line pitch of about 28.9 pt. */
const BODY_LINE_TWIPS = 578;
/** A paragraph's first line indented by two characters of 三号 (2 × 16 pt). */
const FIRST_LINE_INDENT = 640;

/** Left and right padding in a table cell, in twips. */
const CELL_MARGIN = 60;

const TEXT_BLOCK_MM = { width: 156, height: 225 };

/** Millimetres → twips, rounded (docx's own helper floors: A4 would come out 11905 × 16837, not Word's 11906 × 16838). */
function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}
/** The chart picture on the page: the text block's width at 96 dpi, half as high. */
const CHART_PX = { width: 590, height: 295 };
/** Rasterised at this many pixels across (≈ 260 dpi over 156 mm): crisp when printed. */
const CHART_RASTER_WIDTH = 1600;

/**
 * CJK font files resvg can draw the charts' Chinese labels with, existing ones only: Windows
 * fonts on Windows (the app's platform), else Noto CJK where Linux distributions put it (tests, CI).
 * `exists` is a parameter so the lookup can be tested for both platforms on either.
 */
export function cjkFontFiles(
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
  env: Record<string, string | undefined> = process.env,
): string[] {
  const candidates =
    platform === 'win32'
      ? ['msyh.ttc', 'simhei.ttf', 'simsun.ttc', 'simfang.ttf'].map((f) =>
          join(env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows', 'Fonts', f),
        )
      : [
          '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
          '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
          '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
          '/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc',
          '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
          '/System/Library/Fonts/PingFang.ttc',
          '/System/Library/Fonts/STHeiti Light.ttc',
        ];
  return candidates.filter((p) => exists(p));
}

/** A chart as PNG bytes, drawn from the same SVG the print view shows. */
export function chartPng(chart: ReportChart): Buffer {
  // One face is enough for the labels, and each file is parsed again for every chart (a CJK
  // collection is ~20 MB): the first found only, so a chart takes ~0.3 s rather than ~0.6 s.
  const fontFiles = cjkFontFiles().slice(0, 1);
  const resvg = new Resvg(chartSvg(chart, CHART_PX), {
    fitTo: { mode: 'width', value: CHART_RASTER_WIDTH },
    background: '#ffffff',
    font: {
      fontFiles,
      // Without a file found, the system's fonts are the last chance for the Chinese labels.
      loadSystemFonts: fontFiles.length === 0,
      defaultFontFamily: 'Noto Sans CJK SC',
      sansSerifFamily: 'Noto Sans CJK SC',
    },
  });
  return Buffer.from(resvg.render().asPng());
}

function run(text: string, options: { bold?: boolean; size?: number; font?: string } = {}): TextRun {
  return new TextRun({ text, bold: options.bold, size: options.size, font: options.font });
}

/** Non-empty lines: the officer's line breaks become paragraphs, as in the print view. */
function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function bodyParagraph(text: string): Paragraph {
  return new Paragraph({ children: [run(text)], indent: { firstLine: FIRST_LINE_INDENT } });
}

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

/** 五号 for a narrow table, 小五 when eight or more columns share the 156 mm. */
function tableFontSize(table: ReportTable): number {
  return table.columns.length >= 8 ? SIZE_SMALL : SIZE_TABLE;
}

/** A text's width in ems: a CJK character one, a digit or Latin letter about 0.62 (allowing for wider fallback fonts). */
function ems(text: string): number {
  let w = 0;
  // '%' and the U+2212 minus are near an em wide in the common fonts.
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 || ch === '%' || ch === '\u2212' ? 1 : 0.62;
  return w;
}

/**
 * Column widths in twips filling the 156 mm block: each column asks for its widest cell on one
 * line (a figure must never wrap: "3,672.2 / 6" misreads) and half its title (titles may take two
 * lines). When they ask for more than there is, the widest text columns (a customer's name) give
 * way first, down to a common cap, so short texts (分局, 钻石) stay on one line; when there is room
 * over, every column widens in proportion.
 */
function columnWidths(table: ReportTable): number[] {
  const total = mmToTwip(TEXT_BLOCK_MM.width);
  const em = (tableFontSize(table) / 2) * 20; // twips per em: half-points → points → twips
  const padding = 2 * CELL_MARGIN + em / 4;
  const isText = table.columns.map((c) => c.format === 'text');
  const wants = table.columns.map((c, i) => {
    const cells = table.rows.map((r) => ems(formatCell(r[i] ?? null, c.format)));
    const need = Math.max(0, ...cells, ems(c.title) / 2, isText[i] ? 2 : 0);
    return Math.ceil(need * em + padding);
  });
  const fixed = wants.reduce((a, w, i) => a + (isText[i] ? 0 : w), 0);
  const textWants = wants.filter((_, i) => isText[i]);
  const textSum = textWants.reduce((a, b) => a + b, 0);
  const room = total - fixed;
  if (textSum === 0 || room < textSum * 0.3) {
    const sum = wants.reduce((a, b) => a + b, 0);
    return wants.map((w) => Math.floor((w * total) / sum));
  }
  if (textSum <= room) {
    // Room over: every column widens in proportion, so figures get air too.
    const sum = fixed + textSum;
    return wants.map((w) => Math.floor((w * total) / sum));
  }
  // The cap c with Σ min(want, c) over the text columns = room, by bisection.
  let lo = 0;
  let hi = Math.max(...textWants);
  for (let k = 0; k < 40; k++) {
    const mid = (lo + hi) / 2;
    const used = textWants.reduce((a, w) => a + Math.min(w, mid), 0);
    if (used > room) hi = mid;
    else lo = mid;
  }
  return wants.map((w, i) => (isText[i] ? Math.floor(Math.min(w, lo)) : w));
}

/**
 * Table cells name a paragraph style (TABLE_STYLES) instead of carrying their font, size and
 * spacing each, and the table sets the cell margins once: a 2,000-row table is then a third of
 * the XML to build and write (measured: the Word export of a 20,000-customer month went from ~7 s
 * to ~3 s), and Word shows the style in its style list for the officer to restyle in one place.
 */
function tableCell(
  text: string,
  width: number,
  options: { align: 'left' | 'right' | 'center'; bold: boolean; header: boolean; small: boolean },
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } : undefined,
    children: [
      new Paragraph({
        style: options.small ? TABLE_TEXT_SMALL : TABLE_TEXT,
        alignment:
          options.align === 'right'
            ? AlignmentType.RIGHT
            : options.align === 'center'
              ? AlignmentType.CENTER
              : undefined,
        children: [options.bold ? new TextRun({ text, bold: true }) : new TextRun(text)],
      }),
    ],
  });
}

const TABLE_TEXT = 'KamTableText';
const TABLE_TEXT_SMALL = 'KamTableTextSmall';

/** 宋体 五号 / 小五, single spacing, left-aligned: what every table cell's paragraph is. */
const TABLE_STYLES = [
  [TABLE_TEXT, '表格文字', SIZE_TABLE],
  [TABLE_TEXT_SMALL, '表格文字（小五）', SIZE_SMALL],
].map(([id, name, size]) => ({
  id: id as string,
  name: name as string,
  basedOn: 'Normal',
  quickFormat: true,
  run: { font: SONGTI, size: size as number },
  paragraph: {
    alignment: AlignmentType.LEFT,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
    indent: { firstLine: 0 },
  },
}));

function tableBlocks(table: ReportTable): (Paragraph | Table)[] {
  const widths = columnWidths(table);
  const small = tableFontSize(table) === SIZE_SMALL;
  const header = new TableRow({
    // Repeated at the top of every page the table runs onto (GB/T 9704 续表 convention).
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((c, i) =>
      tableCell(c.title, widths[i] ?? 0, { align: 'center', bold: true, header: true, small }),
    ),
  });
  const rows = table.rows.map((row, r) => {
    const total = table.totalRow === true && r === table.rows.length - 1;
    return new TableRow({
      cantSplit: true,
      children: table.columns.map((c, i) =>
        tableCell(formatCell(row[i] ?? null, c.format), widths[i] ?? 0, {
          align: cellAlign(c.format),
          bold: total,
          header: false,
          small,
        }),
      ),
    });
  });
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const out: (Paragraph | Table)[] = [
    // The caption stays on the table's first page.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120, after: 60, line: 360, lineRule: LineRuleType.AUTO },
      children: [run(table.title, { font: HEITI, size: SIZE_FOUR })],
    }),
    new Table({
      layout: TableLayoutType.FIXED,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 20, bottom: 20 },
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: [header, ...rows],
    }),
  ];
  if (table.note) {
    out.push(
      new Paragraph({
        spacing: { before: 60, after: 120, line: 300, lineRule: LineRuleType.AUTO },
        children: [run(table.note, { size: SIZE_SMALL })],
      }),
    );
  }
  return out;
}

function chartBlocks(chart: ReportChart): Paragraph[] {
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      // An exact line pitch would clip the picture to one line's height.
      spacing: { before: 120, line: 240, lineRule: LineRuleType.AUTO },
      children: [
        new ImageRun({
          type: 'png',
          data: chartPng(chart),
          transformation: CHART_PX,
          altText: { name: chart.title, title: chart.title, description: chart.title },
        }),
      ],
    }),
    // Figures are captioned below (tables above), as Chinese reports do.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 60, after: 120, line: 360, lineRule: LineRuleType.AUTO },
      children: [run(chart.title, { font: HEITI, size: SIZE_FOUR })],
    }),
  ];
}

function blockParagraphs(block: ReportBlock): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], children: [run(block.text)] })];
    case 'paragraph':
      return lines(block.text).map(bodyParagraph);
    case 'writing': {
      const ls = lines(block.text);
      // The same placeholder as the print view: a draft shows which part is still to be written.
      if (ls.length === 0) {
        return [
          new Paragraph({
            indent: { firstLine: FIRST_LINE_INDENT },
            children: [new TextRun({ text: '（未填写）', color: '666666' })],
          }),
        ];
      }
      return ls.map(bodyParagraph);
    }
    case 'table':
      return tableBlocks(block);
    case 'chart':
      return chartBlocks(block);
  }
}

/**
 * The footer's small print under the page number: revision, 草稿/定稿 and the basis, then for a
 * final report the SHA-256 of its snapshot (the same words as the print view's footer). A draft
 * has no snapshot, so no hash: printing one would claim the figures are frozen.
 */
export function footerLines(doc: ReportDocument): string[] {
  const first = footerLine(doc);
  return [first, ...sealLines(doc)];
}

/** The document as .docx bytes. */
export async function reportDocx(doc: ReportDocument): Promise<Buffer> {
  const draft = doc.status === 'draft';
  const centred = (text: string, font: string, size: number, after = 0, bold = false) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after, line: 240, lineRule: LineRuleType.AUTO },
      children: [run(text, { font, size, bold })],
    });
  const document = new Document({
    creator: doc.issuer,
    title: doc.title,
    description: footerLines(doc).join('\n'),
    styles: {
      default: {
        document: {
          run: { font: FANGSONG, size: SIZE_BODY },
          paragraph: {
            spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            alignment: AlignmentType.JUSTIFIED,
          },
        },
        // Heading 1–3 restyled as GB/T 9704 §7.3.3: 一、黑体, （一）楷体, 1. 仿宋 bold; never bold-faced 黑体.
        heading1: {
          run: { font: HEITI, size: SIZE_BODY, bold: false, color: '000000' },
          paragraph: {
            keepNext: true,
            spacing: { before: 120, line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT },
            indent: { firstLine: FIRST_LINE_INDENT },
          },
        },
        heading2: {
          run: { font: KAITI, size: SIZE_BODY, bold: false, color: '000000' },
          paragraph: {
            keepNext: true,
            spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT },
            indent: { firstLine: FIRST_LINE_INDENT },
          },
        },
        heading3: {
          run: { font: FANGSONG, size: SIZE_BODY, bold: true, color: '000000' },
          paragraph: {
            keepNext: true,
            spacing: { line: BODY_LINE_TWIPS, lineRule: LineRuleType.EXACT },
            indent: { firstLine: FIRST_LINE_INDENT },
          },
        },
        title: {
          run: { font: SONGTI, size: SIZE_TITLE, bold: true, color: '000000' },
          paragraph: { alignment: AlignmentType.CENTER },
        },
      },
      paragraphStyles: TABLE_STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: mmToTwip(210),
              height: mmToTwip(297),
            },
            margin: {
              top: mmToTwip(37),
              bottom: mmToTwip(35),
              left: mmToTwip(28),
              right: mmToTwip(26),
              header: mmToTwip(15),
              footer: mmToTwip(12),
            },
          },
        },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                spacing: { line: 240, lineRule: LineRuleType.AUTO },
                children: draft ? [run('草稿', { font: HEITI, size: SIZE_FOUR, bold: true })] : [],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                spacing: { line: 240, lineRule: LineRuleType.AUTO },
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: SONGTI, size: SIZE_FOUR })],
              }),
              ...footerLines(doc).map(
                (line) =>
                  new Paragraph({
                    alignment: AlignmentType.CENTER,
                    spacing: { line: 240, lineRule: LineRuleType.AUTO },
                    children: [run(line, { font: SONGTI, size: 14 })],
                  }),
              ),
            ],
          }),
        },
        children: [
          centred(doc.issuer, HEITI, SIZE_FOUR, 120),
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            spacing: { after: 120, line: 240, lineRule: LineRuleType.AUTO },
            children: [run(doc.title)],
          }),
          centred(`（${doc.scopeName}）`, KAITI, SIZE_BODY, 240),
          ...doc.blocks.flatMap(blockParagraphs),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: 480 },
            indent: { right: FIRST_LINE_INDENT },
            children: [run(doc.issuer)],
          }),
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            indent: { right: FIRST_LINE_INDENT },
            children: [run(doc.dateLine)],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
