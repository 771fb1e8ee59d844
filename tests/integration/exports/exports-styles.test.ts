/**
 * The exported workbooks look like the bureau's printed tables: a styles part, each cell styled by
 * its role (title, header, body numbers keeping their number formats, totals), landscape fit to one
 * page wide, the header row repeated on every page, page numbers, frozen panes, all in the order
 * the OOXML schema asks (Excel calls a file corrupt otherwise). The package is read back with
 * fflate as Excel would see it; exports-libreoffice.test.ts opens the real files in LibreOffice.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type Backend, openBackend } from '../../../electron/backend';
import { fillDemo } from '../../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../../electron/backend/demo/revenue';
import { STYLE_INDEX } from '../../../electron/backend/exports/styles';
import { writeWorkbook } from '../../../electron/backend/exports/xlsx';
import {
  count,
  EMPTY,
  layoutTable,
  money,
  NUMBER_FORMATS,
  type OfficialTable,
  percent,
  type SheetLayout,
  text,
} from '../../../shared/domain/exports/layout';
import { POLICY_V1 } from '../../../shared/domain/policy/policy';

const wide: OfficialTable = {
  sheetName: "附件'宽表",
  attachment: '附件X',
  title: '大客户收入统计表（2026年10月）',
  meta: ['填报单位：市局大客户中心', '金额单位：元'],
  columnWidths: [6, 16, 36, 16, 16, 10, 16, 16, 10],
  sections: [
    {
      caption: null,
      header: ['序号', '客户编号', '客户名称', '本月', '上月', '环比', '本年累计', '去年同期', '累计同比'],
      rows: [
        [count(1), text('44051300008000'), text('=HYPERLINK("x")'), money(123456), money(100), percent(0.125)],
        [count(2), text('44051300008001'), text('乙 & <丙>'), money(5), money(0), percent(null), money(7)],
        [text('合计'), text('2 户'), EMPTY, money(123461), money(100), percent(null), money(7)],
      ],
      totalRows: 1,
    },
  ],
  notes: ['注：1. 环比对比期无收入时留空。'],
  frozenColumns: 3,
};
const narrow: OfficialTable = {
  ...wide,
  sheetName: '窄表',
  columnWidths: [10, 12, 12],
  sections: [
    { caption: '一、户数', header: ['分级', '户数', '收入'], rows: [[text('钻石'), count(3), money(1)]], totalRows: 0 },
  ],
  frozenColumns: 0,
};

function written(tables: OfficialTable[]): { files: Record<string, string>; layouts: SheetLayout[]; bytes: Buffer } {
  const layouts = tables.map(layoutTable);
  const bytes = writeWorkbook(layouts, { title: 't', created: new Date('2026-11-10T00:00:00Z') });
  const raw = unzipSync(bytes);
  return { files: Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, strFromU8(v)])), layouts, bytes };
}

/** Well-formed enough for Excel: one root, tags nest and close, attributes quoted, entities known. */
function expectWellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^>]*\?>\s*/, '');
  const stack: string[] = [];
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  let roots = 0;
  for (let m = tag.exec(body); m !== null; m = tag.exec(body)) {
    if (m[6] !== undefined) throw new Error(`bad tag near ${body.slice(m.index, m.index + 40)}`);
    if (m[5] !== undefined) {
      expect(m[5].replace(/&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, '')).not.toMatch(/[&<>]/);
      continue;
    }
    const [, close, name, , selfClose] = m;
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name as string);
    } else if (stack.length === 0) roots++;
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
}

/** Children of <worksheet> as they come. */
function worksheetChildren(xml: string): string[] {
  const inner = xml.slice(xml.indexOf('>', xml.indexOf('<worksheet')) + 1, xml.lastIndexOf('</worksheet>'));
  const out: string[] = [];
  let depth = 0;
  for (const m of inner.matchAll(/<(\/?)([A-Za-z]+)[^>]*?(\/?)>/g)) {
    if (m[1]) depth--;
    else {
      if (depth === 0) out.push(m[2] as string);
      if (!m[3]) depth++;
    }
  }
  return out;
}

/** CT_Worksheet's sequence (ECMA-376 §18.3.1.99). */
const SCHEMA_ORDER = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
];

const cellXml = (sheet: string, ref: string) => new RegExp(`<c r="${ref}"[^>]*>`).exec(sheet)?.[0] ?? '';
const styleOf = (sheet: string, ref: string) => Number(/ s="(\d+)"/.exec(cellXml(sheet, ref))?.[1] ?? -1);

/** numFmtId → format code, built-ins 3 and 4 included. */
function numFmts(styles: string): Map<number, string> {
  const map = new Map<number, string>([
    [0, 'General'],
    [3, '#,##0'],
    [4, '#,##0.00'],
  ]);
  for (const m of styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)) {
    map.set(Number(m[1]), (m[2] as string).replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  }
  return map;
}

function cellXfs(styles: string): string[] {
  const part = /<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/.exec(styles);
  const xfs = [...(part?.[2] ?? '').matchAll(/<xf [^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
  expect(xfs).toHaveLength(Number(part?.[1]));
  return xfs;
}

const attr = (xml: string, name: string) => new RegExp(` ${name}="([^"]*)"`).exec(xml)?.[1];

describe('exported workbooks look like official tables', () => {
  const { files, layouts, bytes } = written([wide, narrow]);
  const styles = files['xl/styles.xml'] as string;
  const sheet1 = files['xl/worksheets/sheet1.xml'] as string;
  const sheet2 = files['xl/worksheets/sheet2.xml'] as string;

  it('has a well-formed styles part: bold centred title, bold filled header, thin borders, CJK font', () => {
    for (const part of ['xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']) {
      expectWellFormed(files[part] as string);
    }
    const xfs = cellXfs(styles);
    const fonts = [...styles.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1] as string);
    const fills = [...styles.matchAll(/<fill>([\s\S]*?)<\/fill>/g)].map((m) => m[1] as string);
    const borders = [...styles.matchAll(/<border>([\s\S]*?)<\/border>/g)].map((m) => m[1] as string);
    expect(fonts[0]).toContain('<name val="宋体"/>');

    const title = xfs[styleOf(sheet1, 'A2')] as string;
    expect(styleOf(sheet1, 'A2')).toBe(STYLE_INDEX.title);
    const titleFont = fonts[Number(attr(title, 'fontId'))] as string;
    expect(titleFont).toContain('<b/>');
    expect(Number(/<sz val="(\d+)"/.exec(titleFont)?.[1])).toBeGreaterThanOrEqual(16);
    expect(title).toContain('horizontal="center"');

    const headerRow = (layouts[0]?.print.headerRow as number) + 1;
    const head = xfs[styleOf(sheet1, `C${headerRow}`)] as string;
    expect(fonts[Number(attr(head, 'fontId'))]).toContain('<b/>');
    expect(fills[Number(attr(head, 'fillId'))]).toContain('patternType="solid"');
    expect(borders[Number(attr(head, 'borderId'))]).toContain('<left style="thin">');

    // Every cell of the table has a thin border, blanks included (the total row's empty C).
    for (let r = headerRow; r <= headerRow + 3; r++) {
      for (const col of 'ABCDEFGHI') {
        const xf = xfs[styleOf(sheet1, `${col}${r}`)];
        expect(xf, `${col}${r}`).toBeDefined();
        expect(borders[Number(attr(xf as string, 'borderId'))], `${col}${r}`).toContain('<bottom style="thin">');
      }
    }
    // Notes are plain text, not bold, without borders.
    const note = xfs[styleOf(sheet1, `A${headerRow + 5}`)] as string;
    expect(styleOf(sheet1, `A${headerRow + 5}`)).toBe(STYLE_INDEX.note);
    expect(fonts[Number(attr(note, 'fontId'))]).not.toContain('<b/>');
    expect(attr(note, 'borderId')).toBe('0');
  });

  it('numbers keep their number formats, right-aligned; totals are bold', () => {
    const xfs = cellXfs(styles);
    const fmts = numFmts(styles);
    const fonts = [...styles.matchAll(/<font>([\s\S]*?)<\/font>/g)].map((m) => m[1] as string);
    const row = (layouts[0]?.print.headerRow as number) + 2;
    const formatOf = (ref: string) => fmts.get(Number(attr(xfs[styleOf(sheet1, ref)] as string, 'numFmtId')));
    expect(formatOf(`A${row}`)).toBe(NUMBER_FORMATS.count);
    expect(formatOf(`D${row}`)).toBe(NUMBER_FORMATS.money);
    expect(formatOf(`F${row}`)).toBe(NUMBER_FORMATS.percent);
    // A blank ratio keeps the percent style (and its border); a text cell is General.
    expect(formatOf(`F${row + 1}`)).toBe(NUMBER_FORMATS.percent);
    expect(formatOf(`B${row}`)).toBe('General');
    expect(xfs[styleOf(sheet1, `D${row}`)]).toContain('horizontal="right"');
    const total = xfs[styleOf(sheet1, `D${row + 2}`)] as string;
    expect(fmts.get(Number(attr(total, 'numFmtId')))).toBe(NUMBER_FORMATS.money);
    expect(fonts[Number(attr(total, 'fontId'))]).toContain('<b/>');
    expect(fonts[Number(attr(xfs[styleOf(sheet1, `D${row}`)] as string, 'fontId'))]).not.toContain('<b/>');
  });

  it('sets page setup, print titles, footer and panes, in schema order', () => {
    for (const [xml, landscape] of [
      [sheet1, true],
      [sheet2, false],
    ] as const) {
      const children = worksheetChildren(xml);
      const positions = children.map((c) => SCHEMA_ORDER.indexOf(c));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(children).toEqual(
        expect.arrayContaining(['sheetPr', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter']),
      );
      expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
      const setup = /<pageSetup [^>]*\/>/.exec(xml)?.[0] ?? '';
      expect(attr(setup, 'orientation')).toBe(landscape ? 'landscape' : 'portrait');
      expect(attr(setup, 'paperSize')).toBe('9');
      expect(attr(setup, 'fitToWidth')).toBe('1');
      expect(attr(setup, 'fitToHeight')).toBe('0');
      expect(xml).toContain('<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>');
    }
    const headerRow = (layouts[0]?.print.headerRow as number) + 1;
    expect(sheet1).toContain(`<pane xSplit="3" ySplit="${headerRow}" topLeftCell="D${headerRow + 1}"`);
    const workbook = files['xl/workbook.xml'] as string;
    // The sheet name's quote is doubled inside the reference; the whole is XML-escaped.
    expect(workbook).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;附件&apos;&apos;宽表&apos;!$${headerRow}:$${headerRow}</definedName>`,
    );
    expect(workbook.indexOf('<definedNames>')).toBeGreaterThan(workbook.indexOf('</sheets>'));
    // The narrow sheet has a header too, so its row repeats; its caption is bold, not a header.
    const narrowHeader = (layouts[1]?.print.headerRow as number) + 1;
    expect(workbook).toContain(`localSheetId="1">&apos;窄表&apos;!$${narrowHeader}:$${narrowHeader}<`);
    expect(styleOf(sheet2, `A${narrowHeader - 1}`)).toBe(STYLE_INDEX.caption);
  });

  it('still reads back in SheetJS: numbers numeric, text exactly as written, escaped text intact', () => {
    const book = XLSX.read(bytes, { cellNF: true });
    expect(book.SheetNames).toEqual(["附件'宽表", '窄表']);
    const ws = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
    const row = (layouts[0]?.print.headerRow as number) + 2;
    expect(ws[`D${row}`]).toMatchObject({ t: 'n', v: 1234.56, z: NUMBER_FORMATS.money, w: '1,234.56' });
    expect(ws[`F${row}`]).toMatchObject({ t: 'n', v: 0.125, z: NUMBER_FORMATS.percent });
    expect(ws[`A${row}`]).toMatchObject({ t: 'n', v: 1 });
    expect(ws[`C${row}`]).toMatchObject({ t: 's', v: '=HYPERLINK("x")' });
    expect(ws[`C${row}`]?.f).toBeUndefined();
    expect(ws[`C${row + 1}`]).toMatchObject({ t: 's', v: '乙 & <丙>' });
    expect(ws[`B${row}`]).toMatchObject({ t: 's', v: '44051300008000' });
    expect(ws.A2).toMatchObject({ t: 's', v: wide.title });
    expect(ws[`F${row + 1}`]?.v).toBeUndefined();
  });
});

describe('every export form is styled and set up for printing', () => {
  const NOW = new Date('2026-11-10T02:00:00Z');
  let b: Backend;
  beforeAll(async () => {
    b = openBackend({ databasePath: ':memory:', now: () => NOW });
    fillDemo(b.db, POLICY_V1, { customers: 120, seed: 5 }, NOW);
    fillDemoRevenue(b.db, { months: 24, endPeriod: '2026-10', seed: 5 }, NOW.toISOString());
    await b.registry.call('tiers/run', { kind: 'annual', year: 2025 });
  }, 60_000);
  afterAll(() => b?.close());

  it.each([
    ['6-1', 1],
    ['6-2', 1],
    ['7', 1],
    ['province', 2],
  ] as const)(
    '附件 %s: every cell has a style, the title is the title style, each sheet prints',
    async (form, sheets) => {
      const view = await b.registry.call('exports/build', { form, period: '2026-10' });
      const files = unzipSync(Buffer.from(view.base64 as string, 'base64'));
      const styles = strFromU8(files['xl/styles.xml'] as Uint8Array);
      const xfCount = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1]);
      const workbook = strFromU8(files['xl/workbook.xml'] as Uint8Array);
      for (let i = 0; i < sheets; i++) {
        const xml = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`] as Uint8Array);
        const cells = [...xml.matchAll(/<c r="[A-Z]+\d+"([^>]*)>/g)].map((m) => m[1] as string);
        expect(cells.length).toBeGreaterThan(50);
        for (const c of cells) {
          const s = Number(/ s="(\d+)"/.exec(c)?.[1] ?? -1);
          expect(s).toBeGreaterThan(0);
          expect(s).toBeLessThan(xfCount);
        }
        expect(styleOf(xml, 'A2')).toBe(STYLE_INDEX.title);
        expect(styleOf(xml, 'A1')).toBe(STYLE_INDEX.attachment);
        expect(xml).toMatch(/<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"\/>/);
        // The customer lists repeat their header row on every page; 附件6-1 (two headers, one page) does not.
        const sheetName = view.sheets[i]?.name as string;
        expect(workbook.includes(`localSheetId="${i}"`)).toBe(!sheetName.startsWith('附件6-1'));
      }
    },
  );
});
