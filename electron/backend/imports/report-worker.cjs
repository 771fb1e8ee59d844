// Writes the error report workbook (问题清单, DOMAIN-DECISIONS "Imports") in a worker thread, with
// the same memory limits as the parse: reading a unit's 100,000-row workbook again and writing it
// back takes seconds that the main thread must spend answering the UI. Plain CommonJS so Node,
// vitest and Electron run it as-is. What goes where is decided by
// shared/domain/imports/error-report.ts (the `plan`); this script copies every sheet's values
// (never formulas), neutralises formula-like text, adds 有问题/问题.
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require('xlsx');

const { buffer, kind, maxRows, plan, labels, dangerousStart } = workerData;
const dangerous = new RegExp(dangerousStart);
const safeText = (text) => (dangerous.test(text) ? `'${text}` : text);

// Empty cells are left undefined: SheetJS's dense writer reads every non-undefined entry as a cell.
/** A copy of one cell as a value: formulas dropped (their saved result kept), text neutralised. */
function valueCell(cell) {
  if (cell === null || cell === undefined) return undefined;
  if (cell.f !== undefined && (cell.v === undefined || cell.t === 'e')) {
    // No saved result: show the formula as text, so the unit sees what the problem is about.
    return { t: 's', v: safeText(`=${cell.f}`) };
  }
  if (cell.v === undefined || cell.v === null || cell.t === 'z') return undefined;
  if (cell.t === 's' || cell.t === 'd' || typeof cell.v === 'string') return { t: 's', v: safeText(String(cell.v)) };
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

try {
  const source = XLSX.read(buffer, {
    type: 'buffer',
    dense: true,
    sheetRows: maxRows + 1,
    cellFormula: true,
    cellNF: true,
    cellHTML: false,
    cellStyles: false,
    cellText: false,
    cellDates: false,
    raw: kind === 'csv',
    codepage: 65001,
  });
  const out = XLSX.utils.book_new();
  const date1904 = Boolean(source.Workbook?.WBProps?.date1904);
  const taken = new Set(source.SheetNames);
  const summaryName = uniqueName(taken, labels.summary);
  const summary = XLSX.utils.aoa_to_sheet(
    plan.summary.map((row) => row.map((v) => (typeof v === 'string' ? safeText(v) : v))),
    { dense: true },
  );
  summary['!cols'] = [{ wch: 16 }, { wch: 10 }, { wch: 8 }, { wch: 8 }, { wch: 80 }];
  XLSX.utils.book_append_sheet(out, summary, summaryName);
  const sheetsOut = [{ name: summaryName, Hidden: 0 }];
  const plans = new Map(plan.sheets.map((p) => [p.name, p]));
  for (const name of source.SheetNames) {
    const sheet = source.Sheets[name] || {};
    const data = sheet['!data'] || [];
    const p = plans.get(name) || { titleRow: 0, flagRows: false, problems: [] };
    const problems = new Map(p.problems);
    let width = 0;
    for (const row of data) if (row && row.length > width) width = row.length;
    let rowCount = Math.max(data.length, p.titleRow + 1);
    for (const [r] of p.problems) if (r > rowCount) rowCount = r;
    const rows = new Array(rowCount);
    for (let r = 0; r < rowCount; r++) {
      const src = data[r] || [];
      const row = new Array(width + 2);
      let filled = false;
      for (let c = 0; c < src.length; c++) {
        row[c] = valueCell(src[c]);
        if (row[c] !== undefined) filled = true;
      }
      const text = problems.get(r + 1);
      if (r === p.titleRow) {
        row[width] = { t: 's', v: labels.flag };
        row[width + 1] = { t: 's', v: labels.problems };
      } else if (text !== undefined) {
        row[width] = { t: 's', v: labels.yes };
        row[width + 1] = { t: 's', v: safeText(text) };
      } else if (p.flagRows && r > p.titleRow && filled) {
        row[width] = { t: 's', v: labels.no };
      }
      rows[r] = row;
    }
    const ws = { '!data': rows };
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(rowCount - 1, 0), c: width + 1 } });
    if (sheet['!merges']) ws['!merges'] = sheet['!merges'];
    ws['!autofilter'] = {
      ref: XLSX.utils.encode_range({
        s: { r: p.titleRow, c: 0 },
        e: { r: Math.max(rowCount - 1, p.titleRow), c: width + 1 },
      }),
    };
    const cols = [];
    for (let c = 0; c < width; c++) cols.push({ wch: 14 });
    cols.push({ wch: 8 }, { wch: 60 });
    ws['!cols'] = cols;
    XLSX.utils.book_append_sheet(out, ws, name);
    const hidden = source.Workbook?.Sheets?.find((s) => s.name === name)?.Hidden || 0;
    sheetsOut.push({ name, Hidden: hidden });
  }
  out.Workbook = { ...(out.Workbook || {}), Sheets: sheetsOut, WBProps: { date1904 } };
  const bytes = XLSX.write(out, { type: 'buffer', bookType: 'xlsx', compression: true });
  const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  parentPort.postMessage({ ok: true, bytes: view }, [view.buffer]);
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error?.message || error) });
}
