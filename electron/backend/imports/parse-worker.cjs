// Runs SheetJS on one file inside a worker thread with memory limits (issue 4): a hostile file can
// exhaust this worker, never the app. Plain CommonJS so it runs as-is under Node and Electron.
// It only turns the workbook into plain rows of cells; every rule is applied by the caller.
const { parentPort, workerData } = require('node:worker_threads');
const XLSX = require('xlsx');

function cellOut(cell) {
  if (cell === null || cell === undefined) return null;
  const out = { t: cell.t, v: cell.v === undefined ? null : cell.v };
  if (cell.f !== undefined) {
    out.f = String(cell.f);
    // A formula whose result the spreadsheet program never saved.
    if (cell.v === undefined || cell.t === 'e') out.noCache = true;
  }
  return out;
}

try {
  const { buffer, maxRows, kind } = workerData;
  const workbook = XLSX.read(buffer, {
    type: 'buffer',
    dense: true,
    sheetRows: maxRows + 1,
    cellFormula: true,
    cellHTML: false,
    cellNF: false,
    cellStyles: false,
    cellText: false,
    cellDates: false,
    raw: kind === 'csv',
    codepage: 65001,
  });
  const sheets = workbook.SheetNames.map((name) => {
    const sheet = workbook.Sheets[name] || {};
    const data = sheet['!data'] || [];
    const rows = [];
    for (let r = 0; r < data.length && r <= maxRows; r++) {
      const row = data[r];
      rows.push(row ? Array.from(row, cellOut) : []);
    }
    const declared = sheet['!fullref'] || sheet['!ref'] || null;
    let declaredRows = 0;
    if (declared) declaredRows = XLSX.utils.decode_range(declared).e.r + 1;
    return {
      name,
      rows,
      merges: (sheet['!merges'] || []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } })),
      declaredRows,
      truncated: data.length > maxRows,
      hidden: Boolean(workbook.Workbook?.Sheets?.find((s) => s.name === name && s.Hidden)),
    };
  });
  const props = workbook.Workbook?.WBProps || {};
  parentPort.postMessage({ ok: true, date1904: Boolean(props.date1904), sheets });
} catch (error) {
  parentPort.postMessage({ ok: false, message: String(error?.message || error) });
}
