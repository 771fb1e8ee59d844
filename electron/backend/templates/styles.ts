/**
 * What makes a unit's template easy to fill and print (DOMAIN-DECISIONS "Templates"). SheetJS
 * community edition writes no styles, panes or page setup, so the written package gets them
 * through the one post-processor (xlsx/package.ts): a styles part of its own, each cell's style
 * by its role in the layout (never guessed from the XML), frozen panes and the page setup, in the
 * order the OOXML schema (CT_Worksheet) asks.
 */
import { cellRef } from '../../../shared/domain/spreadsheet/cells';
import { insertInSchemaOrder } from '../xlsx/worksheet-xml';

/** Built-in number formats: 2 `0.00`, 4 `#,##0.00`, 49 text (`@`, so an ID stays as typed). */
const FMT = { rate: 2, money: 4, text: 49 } as const;

const SONG = '<name val="宋体"/><family val="3"/><charset val="134"/>';
const FONTS = [
  `<font><sz val="11"/>${SONG}</font>`, // 0 body
  `<font><b/><sz val="11"/>${SONG}</font>`, // 1 bold header
  `<font><b/><sz val="14"/>${SONG}</font>`, // 2 title
  `<font><sz val="11"/><color rgb="FF595959"/>${SONG}</font>`, // 3 reference figures, greyed
];
const FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>', // 2 header
  '<fill><patternFill patternType="solid"><fgColor rgb="FFEDEDED"/><bgColor indexed="64"/></patternFill></fill>', // 3 read-only
];
const THIN = '<color indexed="64"/>';
const BORDERS = [
  '<border><left/><right/><top/><bottom/><diagonal/></border>',
  `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`,
];

export type TemplateStyle =
  | 'default'
  | 'header'
  | 'id'
  | 'text'
  | 'lastMonth'
  | 'money'
  | 'rate'
  | 'title'
  | 'paragraph'
  | 'analysisLabel'
  | 'analysisText';

interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  horizontal: 'general' | 'left' | 'center' | 'right';
  vertical: 'center' | 'top';
  wrap: boolean;
}

const xf = (over: Partial<Xf>): Xf => ({
  numFmtId: 0,
  fontId: 0,
  fillId: 0,
  borderId: 0,
  horizontal: 'general',
  vertical: 'center',
  wrap: false,
  ...over,
});

const CELL_XFS: readonly [TemplateStyle, Xf][] = [
  ['default', xf({})],
  ['header', xf({ fontId: 1, fillId: 2, borderId: 1, horizontal: 'center', wrap: true })],
  ['id', xf({ numFmtId: FMT.text, borderId: 1, horizontal: 'left' })],
  ['text', xf({ borderId: 1, horizontal: 'left' })],
  ['lastMonth', xf({ numFmtId: FMT.money, fontId: 3, fillId: 3, borderId: 1, horizontal: 'right' })],
  ['money', xf({ numFmtId: FMT.money, borderId: 1, horizontal: 'right' })],
  ['rate', xf({ numFmtId: FMT.rate, borderId: 1, horizontal: 'right' })],
  ['title', xf({ fontId: 2 })],
  ['paragraph', xf({ vertical: 'top', wrap: true })],
  // 经营分析: the item's label bold on the header fill, the text cell wrapped from the top left and
  // formatted as text, so a line starting with = or a number stays what the unit typed.
  ['analysisLabel', xf({ fontId: 1, fillId: 2, borderId: 1, horizontal: 'center', wrap: true })],
  ['analysisText', xf({ numFmtId: FMT.text, borderId: 1, horizontal: 'left', vertical: 'top', wrap: true })],
];

export const TEMPLATE_STYLE = Object.fromEntries(CELL_XFS.map(([name], i) => [name, i])) as Record<
  TemplateStyle,
  number
>;

function xfXml(x: Xf): string {
  const apply = [
    x.numFmtId !== 0 ? ' applyNumberFormat="1"' : '',
    x.fontId !== 0 ? ' applyFont="1"' : '',
    x.fillId !== 0 ? ' applyFill="1"' : '',
    x.borderId !== 0 ? ' applyBorder="1"' : '',
  ].join('');
  const horizontal = x.horizontal === 'general' ? '' : ` horizontal="${x.horizontal}"`;
  return (
    `<xf numFmtId="${x.numFmtId}" fontId="${x.fontId}" fillId="${x.fillId}" borderId="${x.borderId}" xfId="0"${apply} applyAlignment="1">` +
    `<alignment${horizontal} vertical="${x.vertical}"${x.wrap ? ' wrapText="1"' : ''}/></xf>`
  );
}

/** xl/styles.xml, in CT_Stylesheet order; the number formats used are all built in. */
export function templateStylesXml(): string {
  const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
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

export interface SheetLook {
  /** Style index of a written cell (0-based row and column). */
  style: (row: number, col: number) => number;
  /** Rows and columns kept in view while scrolling (0: none). */
  frozenRows: number;
  frozenColumns: number;
  landscape: boolean;
  /** 1 × 1 pages (the instructions); otherwise one page wide, as many long as needed. */
  onePage: boolean;
}

/** Page margins in inches: about 1.5 cm at the sides. */
const MARGINS = { left: 0.6, right: 0.6, top: 0.7, bottom: 0.7, header: 0.3, footer: 0.3 };

function cellRefToIndex(ref: string): [row: number, col: number] {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    col = col * 26 + (code - 64);
  }
  return [Number(ref.slice(i)) - 1, col - 1];
}

function sheetViewXml(look: SheetLook): string {
  const view = '<sheetView workbookViewId="0"';
  const { frozenRows: y, frozenColumns: x } = look;
  if (y === 0 && x === 0) return `<sheetViews>${view}/></sheetViews>`;
  const topLeft = cellRef(y, x);
  const pane = x === 0 ? 'bottomLeft' : y === 0 ? 'topRight' : 'bottomRight';
  const selections = x !== 0 && y !== 0 ? '<selection pane="topRight"/><selection pane="bottomLeft"/>' : '';
  return (
    `<sheetViews>${view}><pane${x === 0 ? '' : ` xSplit="${x}"`}${y === 0 ? '' : ` ySplit="${y}"`} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `${selections}<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

/**
 * Every `<c r="A1"` gets ` s="N"` from `look.style`. A scan with indexOf rather than a regular
 * expression: a large unit's sheet has several hundred thousand cells.
 */
function setCellStyles(xml: string, style: SheetLook['style']): string {
  const parts: string[] = [];
  const OPEN = '<c r="';
  let from = 0;
  for (let at = xml.indexOf(OPEN, from); at >= 0; at = xml.indexOf(OPEN, from)) {
    const refEnd = xml.indexOf('"', at + OPEN.length);
    const [row, col] = cellRefToIndex(xml.slice(at + OPEN.length, refEnd));
    parts.push(xml.slice(from, refEnd + 1), ` s="${style(row, col)}"`);
    from = refEnd + 1;
    // SheetJS writes its own style (from a number format) right after the reference: drop it.
    if (xml.startsWith(' s="', from)) from = xml.indexOf('"', from + 4) + 1;
  }
  parts.push(xml.slice(from));
  return parts.join('');
}

const OURS = ['<sheetPr', '<printOptions', '<pageMargins', '<pageSetup'];

/** A SheetJS-written sheet given its cell styles, panes and page setup. */
export function styleTemplateSheetXml(xml: string, look: SheetLook): string {
  for (const tag of OURS) if (xml.includes(tag)) throw new Error(`工作表已有 ${tag.slice(1)}`);
  const open = /<worksheet\b[^>]*>/.exec(xml);
  if (open === null) throw new Error('工作表 XML 不完整：没有 <worksheet>');
  const views = /<sheetViews>[\s\S]*?<\/sheetViews>/;
  if (!views.test(xml)) throw new Error('工作表 XML 不完整：没有 <sheetViews>');
  let out =
    xml.slice(0, open.index + open[0].length) +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    xml.slice(open.index + open[0].length);
  out = out.replace(views, sheetViewXml(look));
  out = setCellStyles(out, look.style);
  const m = MARGINS;
  const setup =
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="9" orientation="${look.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="${look.onePage ? 1 : 0}"/>`;
  return insertInSchemaOrder(out, 'pageSetup', setup);
}
