// Writes the error report workbook (问题清单, DOMAIN-DECISIONS "Imports") in a worker thread, with
// the same memory limits as the parse: reading a unit's 100,000-row workbook again and writing it
// back takes seconds that the main thread must spend answering the UI. Plain CommonJS so Node,
// vitest and Electron run it as-is. What goes where is decided by
// shared/domain/imports/error-report.ts (the `plan`); this script copies the planned sheets' values
// (never formulas; texts as string cells, exactly as the unit wrote them), adds 有问题/问题 to the
// data sheets, and gives the package what SheetJS Community Edition cannot write (print setup,
// styles) by editing its XML, as xlsx/package.ts does for the exports: A4 landscape one page wide,
// the header row repeated on every page (print titles), the header row bold and the 问题 column
// wrapped.
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require('xlsx');
const { strFromU8, strToU8, unzipSync, zipSync } = require('fflate');
// A CSV is read as text in its own encoding, as the import read it (csv-text.cjs).
const { readInput } = require('./csv-text.cjs');

// writeOptions: xlsx/write.ts's XLSX_WRITE_OPTIONS — texts written as shared strings, which no
// spreadsheet program evaluates, so a text that looks like a formula needs no guard character.
const { buffer, kind, maxRows, plan, labels, writeOptions } = workerData;

// Empty cells are left undefined: SheetJS's dense writer reads every non-undefined entry as a cell.
/** A copy of one cell as a value: formulas dropped (their saved result kept), text as text. */
function valueCell(cell) {
  if (cell === null || cell === undefined) return undefined;
  if (cell.f !== undefined && (cell.v === undefined || cell.t === 'e')) {
    // No saved result: show the formula as text, so the unit sees what the problem is about.
    return { t: 's', v: `=${cell.f}` };
  }
  if (cell.v === undefined || cell.v === null || cell.t === 'z') return undefined;
  if (cell.t === 's' || cell.t === 'd' || typeof cell.v === 'string') return { t: 's', v: String(cell.v) };
  const out = { t: cell.t, v: cell.v };
  // Number formats (dates, thousands, percentages) as the unit had them.
  if (cell.t === 'n' && typeof cell.z === 'string' && cell.z !== 'General') out.z = cell.z;
  return out;
}

function uniqueName(taken, wanted) {
  let name = wanted;
  for (let k = 2; taken.has(name); k++) name = `${wanted}（${k}）`;
  taken.add(name);
  return name;
}

/** Display width of a cell's text in characters: a CJK character is two. */
function textWidth(v) {
  const text = typeof v === 'number' ? v.toLocaleString('en') : String(v);
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Column widths fitted to the first rows' contents, within bounds a printed page can take. */
function fittedWidths(rows, width) {
  const widths = new Array(width).fill(6);
  const sample = Math.min(rows.length, 2000);
  for (let r = 0; r < sample; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < width; c++) {
      const cell = row[c];
      if (cell === undefined) continue;
      widths[c] = Math.max(widths[c], Math.min(40, textWidth(cell.v) + 2));
    }
  }
  return widths.map((wch) => ({ wch }));
}

/** The sheet's name as a formula reference: quoted, quotes doubled. */
const sheetRef = (name) => `'${name.replace(/'/g, "''")}'`;

/** Column letters of a zero-based index (0 → A). */
const columnName = (c) => XLSX.utils.encode_col(c);

// CT_Worksheet's elements after pageSetup, in schema order: the print setup goes before the first.
const AFTER_PAGE_SETUP = [
  '<headerFooter',
  '<rowBreaks',
  '<colBreaks',
  '<customProperties',
  '<cellWatches',
  '<ignoredErrors',
  '<smartTags',
  '<drawing',
  '<legacyDrawing',
  '<legacyDrawingHF',
  '<picture',
  '<oleObjects',
  '<controls',
  '<webPublishItems',
  '<tableParts',
  '<extLst',
  '</worksheet>',
];
const PRINT_SETUP =
  '<printOptions horizontalCentered="1"/>' +
  '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>' +
  '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>' +
  '<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>';

/** A4 landscape, one page wide, page numbers; SheetJS wrote no print setup of its own. */
function withPrintSetup(xml) {
  let out = xml.replace(/<pageMargins[^>]*\/>/, '');
  const open = /<worksheet\b[^>]*>/.exec(out);
  if (open === null) throw new Error('工作表 XML 不完整：没有 <worksheet>');
  const fit = '<pageSetUpPr fitToPage="1"/>';
  if (/<sheetPr\b[^>]*\/>/.test(out)) out = out.replace(/<sheetPr\b([^>]*)\/>/, `<sheetPr$1>${fit}</sheetPr>`);
  else if (out.includes('<sheetPr')) out = out.replace(/<sheetPr\b([^>]*)>/, `<sheetPr$1>${fit}`);
  // sheetPr is CT_Worksheet's first child.
  else out = out.replace(open[0], `${open[0]}<sheetPr>${fit}</sheetPr>`);
  const at = Math.min(...AFTER_PAGE_SETUP.map((tag) => out.indexOf(tag)).filter((i) => i >= 0));
  return out.slice(0, at) + PRINT_SETUP + out.slice(at);
}

/** Gives every cell `<c r="{col}{row}"` of `rows` (1-based, a Set) the style `s`. */
function styleCells(xml, test, s) {
  return xml.replace(/<c r="([A-Z]+)(\d+)"( s="\d+")?/g, (whole, col, row) =>
    test(col, Number(row)) ? `<c r="${col}${row}" s="${s}"` : whole,
  );
}

/** Adds a bold font and two cell formats (header: bold, wrapped; problem: wrapped, top). */
function withReportStyles(stylesXml) {
  const fonts = /<fonts count="(\d+)">/.exec(stylesXml);
  const xfs = /<cellXfs count="(\d+)">/.exec(stylesXml);
  if (fonts === null || xfs === null) throw new Error('工作簿样式不完整');
  const bold = Number(fonts[1]);
  const header = Number(xfs[1]);
  let out = stylesXml
    .replace(fonts[0], `<fonts count="${bold + 1}">`)
    .replace(
      '</fonts>',
      '<font><b/><sz val="12"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>',
    )
    .replace(xfs[0], `<cellXfs count="${header + 2}">`);
  out = out.replace(
    '</cellXfs>',
    `<xf numFmtId="0" fontId="${bold}" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>` +
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf></cellXfs>',
  );
  return { xml: out, header, wrap: header + 1 };
}

try {
  const input = readInput(buffer, kind);
  const source = XLSX.read(input.data, {
    ...input.options,
    dense: true,
    sheetRows: maxRows + 1,
    cellFormula: true,
    cellNF: true,
    cellHTML: false,
    cellStyles: false,
    cellText: false,
    cellDates: false,
  });
  const out = XLSX.utils.book_new();
  const date1904 = Boolean(source.Workbook?.WBProps?.date1904);
  const taken = new Set(source.SheetNames);
  const summaryName = uniqueName(taken, labels.summary);
  const summary = XLSX.utils.aoa_to_sheet(plan.summary, { dense: true });
  summary['!cols'] = [{ wch: 16 }, { wch: 10 }, { wch: 8 }, { wch: 8 }, { wch: 80 }];
  XLSX.utils.book_append_sheet(out, summary, summaryName);
  const sheetsOut = [{ name: summaryName, Hidden: 0 }];
  /** What the XML pass does to each written sheet, by its index in `out`. */
  const styling = [{ header: null, problemColumn: null }];
  const names = [];
  // The planned sheets only, in workbook order: hidden ones and the instructions are left out.
  for (const p of plan.sheets) {
    const sheet = source.Sheets[p.name] || {};
    const data = sheet['!data'] || [];
    const problems = new Map(p.problems);
    let width = 0;
    for (const row of data) if (row && row.length > width) width = row.length;
    const added = p.problemColumns ? 2 : 0;
    let rowCount = Math.max(data.length, p.problemColumns ? p.titleRow + 1 : 0, 1);
    for (const [r] of p.problems) if (r > rowCount) rowCount = r;
    const rows = new Array(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const src = data[r] || [];
      const row = new Array(width + added);
      let filled = false;
      for (let c = 0; c < src.length; c++) {
        row[c] = valueCell(src[c]);
        if (row[c] !== undefined) filled = true;
      }
      if (p.problemColumns) {
        const text = problems.get(r + 1);
        if (r === p.titleRow) {
          row[width] = { t: 's', v: labels.flag };
          row[width + 1] = { t: 's', v: labels.problems };
        } else if (text !== undefined) {
          row[width] = { t: 's', v: labels.yes };
          row[width + 1] = { t: 's', v: text };
        } else if (p.flagRows && r > p.titleRow && filled) {
          row[width] = { t: 's', v: labels.no };
        }
      }
      rows[r] = row;
    }
    const lastColumn = Math.max(width + added - 1, 0);
    const ws = { '!data': rows };
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rowCount - 1, 0), c: lastColumn } });
    if (sheet['!merges']) ws['!merges'] = sheet['!merges'];
    const cols = fittedWidths(rows, width);
    if (p.problemColumns) {
      ws['!autofilter'] = {
        ref: XLSX.utils.encode_range({
          s: { r: p.titleRow, c: 0 },
          e: { r: Math.max(rowCount - 1, p.titleRow), c: lastColumn },
        }),
      };
      cols.push({ wch: 8 }, { wch: 50 });
    }
    ws['!cols'] = cols;
    XLSX.utils.book_append_sheet(out, ws, p.name);
    const index = sheetsOut.length;
    sheetsOut.push({ name: p.name, Hidden: 0 });
    if (p.problemColumns) {
      // The header on every printed page: from the top down to the header row when it is near
      // the top (a title above it, or a two-row header as in the template), else that row alone.
      const first = p.titleRow < 3 ? 1 : p.titleRow + 1;
      const last = p.titleRow + 1;
      names.push({ Name: '_xlnm.Print_Titles', Sheet: index, Ref: `${sheetRef(p.name)}!$${first}:$${last}` });
      styling.push({ header: [first, last], problemColumn: columnName(width + 1) });
    } else styling.push({ header: null, problemColumn: null });
  }
  out.Workbook = { ...(out.Workbook || {}), Sheets: sheetsOut, Names: names, WBProps: { date1904 } };
  // Stored, not compressed: the package is unzipped for the XML pass and compressed once, below.
  const written = XLSX.write(out, writeOptions);
  const parts = unzipSync(new Uint8Array(written.buffer, written.byteOffset, written.byteLength));
  const styles = withReportStyles(strFromU8(parts['xl/styles.xml']));
  parts['xl/styles.xml'] = strToU8(styles.xml);
  styling.forEach((how, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    let xml = withPrintSetup(strFromU8(parts[path]));
    if (how.header !== null) {
      const [first, last] = how.header;
      xml = styleCells(xml, (_col, row) => row >= first && row <= last, styles.header);
      xml = styleCells(xml, (col, row) => row > last && col === how.problemColumn, styles.wrap);
    }
    parts[path] = strToU8(xml);
  });
  const view = zipSync(parts, { level: 6 });
  parentPort.postMessage({ ok: true, bytes: view }, [view.buffer]);
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error?.message || error) });
}
