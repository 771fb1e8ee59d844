/**
 * What makes an exported workbook look like the bureau's printed tables. SheetJS community
 * edition writes no cell styles, page setup or panes, so the written package is given (through the
 * post-processor, xlsx/package.ts) a styles part, the cells' style indexes (by their role in the layout, never guessed
 * from the XML), and each sheet's page setup, in the order the OOXML schema (CT_Worksheet) asks.
 */
import { type CellStyle, NUMBER_FORMATS, type SheetLayout } from '../../../shared/domain/exports/layout';
import { cellRef } from '../../../shared/domain/spreadsheet/cells';
import { postProcessXlsx } from '../xlsx/package';
import { escapeXml, insertInSchemaOrder } from '../xlsx/worksheet-xml';

/** Built-in number formats 3 and 4 are `#,##0` and `#,##0.00` in every locale; 0.0% needs its own. */
const NUM_FMT_IDS = { money: 4, count: 3, percent: 164 } as const;

// Fonts: 宋体 (SimSun) as on the bureau's forms; LibreOffice substitutes a CJK font where it has none.
const SONG = '<name val="宋体"/><family val="3"/><charset val="134"/>';
const FONTS = [
  `<font><sz val="11"/>${SONG}</font>`, // 0 body
  `<font><b/><sz val="11"/>${SONG}</font>`, // 1 bold: header, caption, totals
  `<font><b/><sz val="18"/>${SONG}</font>`, // 2 title
  `<font><sz val="10"/>${SONG}</font>`, // 3 notes
  '<font><sz val="12"/><name val="黑体"/><family val="3"/><charset val="134"/></font>', // 4 attachment number
];
const FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill></fill>',
];
const THIN = '<color indexed="64"/>';
const BORDERS = [
  '<border><left/><right/><top/><bottom/><diagonal/></border>',
  `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`,
];

interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  horizontal: 'left' | 'center' | 'right';
  vertical: 'center' | 'top';
  wrap: boolean;
  /** A character's space between the text and the border. */
  indent: boolean;
}

const xf = (over: Partial<Xf>): Xf => ({
  numFmtId: 0,
  fontId: 0,
  fillId: 0,
  borderId: 0,
  horizontal: 'left',
  vertical: 'center',
  wrap: false,
  indent: false,
  ...over,
});

const CELL = { borderId: 1, indent: true } as const;
const NUMBER = { ...CELL, horizontal: 'right' } as const;
const BOLD = { fontId: 1 } as const;

/** The cell formats, by style; index 0 (Excel's "Normal") is the plain default. */
const CELL_XFS: readonly [CellStyle | 'default', Xf][] = [
  ['default', xf({ vertical: 'center' })],
  ['attachment', xf({ fontId: 4 })],
  ['title', xf({ fontId: 2, horizontal: 'center' })],
  ['meta', xf({ wrap: true })],
  ['caption', xf({ ...BOLD })],
  ['header', xf({ ...CELL, ...BOLD, fillId: 2, horizontal: 'center', wrap: true })],
  ['text', xf({ ...CELL, wrap: true })],
  ['money', xf({ ...NUMBER, numFmtId: NUM_FMT_IDS.money })],
  ['count', xf({ ...NUMBER, numFmtId: NUM_FMT_IDS.count })],
  ['percent', xf({ ...NUMBER, numFmtId: NUM_FMT_IDS.percent })],
  ['totalText', xf({ ...CELL, ...BOLD, horizontal: 'center' })],
  ['totalMoney', xf({ ...NUMBER, ...BOLD, numFmtId: NUM_FMT_IDS.money })],
  ['totalCount', xf({ ...NUMBER, ...BOLD, numFmtId: NUM_FMT_IDS.count })],
  ['totalPercent', xf({ ...NUMBER, ...BOLD, numFmtId: NUM_FMT_IDS.percent })],
  ['note', xf({ fontId: 3, vertical: 'top', wrap: true })],
];

/** `s="N"` of each style. */
export const STYLE_INDEX = Object.fromEntries(CELL_XFS.map(([name], i) => [name, i])) as Record<
  CellStyle | 'default',
  number
>;

function xfXml(x: Xf): string {
  const apply = [
    x.numFmtId !== 0 ? ' applyNumberFormat="1"' : '',
    x.fontId !== 0 ? ' applyFont="1"' : '',
    x.fillId !== 0 ? ' applyFill="1"' : '',
    x.borderId !== 0 ? ' applyBorder="1"' : '',
  ].join('');
  return (
    `<xf numFmtId="${x.numFmtId}" fontId="${x.fontId}" fillId="${x.fillId}" borderId="${x.borderId}" xfId="0"${apply} applyAlignment="1">` +
    `<alignment horizontal="${x.horizontal}" vertical="${x.vertical}"${x.indent && x.horizontal !== 'center' ? ' indent="1"' : ''}${x.wrap ? ' wrapText="1"' : ''}/></xf>`
  );
}

/** xl/styles.xml, in CT_Stylesheet order: numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs, tableStyles. */
export function stylesXml(): string {
  const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    list('numFmts', [`<numFmt numFmtId="${NUM_FMT_IDS.percent}" formatCode="${escapeXml(NUMBER_FORMATS.percent)}"/>`]) +
    list('fonts', FONTS) +
    list('fills', FILLS) +
    list('borders', BORDERS) +
    list('cellStyleXfs', ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>']) +
    list(
      'cellXfs',
      CELL_XFS.map(([, x]) => xfXml(x)),
    ) +
    list('cellStyles', ['<cellStyle name="Normal" xfId="0" builtinId="0"/>']) +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleMedium4"/>' +
    '</styleSheet>'
  );
}

/** The sheet's name as a formula reference: quoted, quotes doubled. */
export function sheetRefName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** `_xlnm.Print_Titles` of a layout: its header row, e.g. `'附件7'!$7:$7`; null without one. */
export function printTitlesRef(layout: SheetLayout): string | null {
  const row = layout.print.headerRow;
  return row === null ? null : `${sheetRefName(layout.name)}!$${row + 1}:$${row + 1}`;
}

/** Page margins in inches: about 1.5 cm at the sides, room for the page-number footer below. */
const MARGINS = { left: 0.6, right: 0.6, top: 0.7, bottom: 0.8, header: 0.3, footer: 0.4 };

function sheetViewXml(layout: SheetLayout): string {
  const ySplit = layout.print.headerRow === null ? 0 : layout.print.headerRow + 1;
  const xSplit = ySplit === 0 ? 0 : layout.print.frozenColumns;
  const view = '<sheetView showGridLines="0" workbookViewId="0"';
  if (ySplit === 0) return `<sheetViews>${view}/></sheetViews>`;
  const topLeft = cellRef(ySplit, xSplit);
  const pane = xSplit === 0 ? 'bottomLeft' : 'bottomRight';
  const selections = xSplit === 0 ? '' : '<selection pane="topRight"/><selection pane="bottomLeft"/>';
  return (
    `<sheetViews>${view}><pane${xSplit === 0 ? '' : ` xSplit="${xSplit}"`} ySplit="${ySplit}" topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `${selections}<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/** printOptions, pageMargins, pageSetup, headerFooter: consecutive in CT_Worksheet. */
export function pageSetupXml(layout: SheetLayout): string {
  const m = MARGINS;
  return (
    '<printOptions horizontalCentered="1"/>' +
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9" orientation="${layout.print.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>` +
    '<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>'
  );
}

/**
 * Every `<c r="A1"` gets ` s="N"` (SheetJS's own index, from the number format alone, is dropped).
 * A scan with indexOf rather than a regular expression: the customer lists have 100,000 cells.
 */
function setCellStyles(xml: string, styles: ReadonlyMap<string, number>): string {
  const parts: string[] = [];
  const OPEN = '<c r="';
  let from = 0;
  for (let at = xml.indexOf(OPEN, from); at >= 0; at = xml.indexOf(OPEN, from)) {
    const refEnd = xml.indexOf('"', at + OPEN.length);
    const ref = xml.slice(at + OPEN.length, refEnd);
    const s = styles.get(ref);
    if (s === undefined) throw new Error(`单元格 ${ref} 没有样式`);
    parts.push(xml.slice(from, refEnd + 1), ` s="${s}"`);
    from = refEnd + 1;
    // SheetJS writes its style right after the reference: drop it.
    if (xml.startsWith(' s="', from)) from = xml.indexOf('"', from + 4) + 1;
  }
  parts.push(xml.slice(from));
  return parts.join('');
}

/** Elements SheetJS must not have written, or the sheet would have them twice. */
const OURS = ['<sheetPr', '<printOptions', '<pageMargins', '<pageSetup', '<headerFooter'];

/**
 * A SheetJS-written sheet made an official table: `styles` maps "A1" references to style indexes
 * (every written cell has one), and the sheet gets fit-to-width, panes and page setup.
 */
export function styleSheetXml(xml: string, layout: SheetLayout, styles: ReadonlyMap<string, number>): string {
  for (const tag of OURS) if (xml.includes(tag)) throw new Error(`工作表已有 ${tag.slice(1)}`);
  const open = /<worksheet\b[^>]*>/.exec(xml);
  if (open === null) throw new Error('工作表 XML 不完整：没有 <worksheet>');
  const views = /<sheetViews>[\s\S]*?<\/sheetViews>/;
  if (!views.test(xml)) throw new Error('工作表 XML 不完整：没有 <sheetViews>');
  let out =
    xml.slice(0, open.index + open[0].length) +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    xml.slice(open.index + open[0].length);
  out = out.replace(views, sheetViewXml(layout));
  out = setCellStyles(out, styles);
  // printOptions … headerFooter are consecutive in the schema: the run goes where headerFooter does.
  return insertInSchemaOrder(out, 'headerFooter', pageSetupXml(layout));
}

/**
 * Gives a SheetJS-written workbook (its sheets in the order of `layouts`) the styles part and each
 * sheet's styles and page setup.
 */
export function styleWorkbook(
  xlsx: Uint8Array,
  layouts: readonly SheetLayout[],
  styles: readonly ReadonlyMap<string, number>[],
): Uint8Array {
  return postProcessXlsx(xlsx, (parts) => {
    parts.edit('xl/styles.xml', () => stylesXml());
    layouts.forEach((layout, i) => {
      parts.editSheet(i, (xml) => styleSheetXml(xml, layout, styles[i] ?? new Map()));
    });
  });
}
