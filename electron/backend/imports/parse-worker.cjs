// Runs SheetJS on one file inside a worker thread with memory limits, so a hostile file can
// exhaust this worker, never the app. Plain CommonJS so it runs as-is under Node and Electron.
// It only turns the workbook into plain rows of cells; every rule is applied by the caller.
// Cells travel packed: typed arrays (transferred, not copied) plus a text and a formula string per
// sheet. parse.ts receives them and packed-rows.ts (`packedRows`) reads them back as rows, made on
// access: cloning 100,000 rows of small objects cost the main thread ~300-500 ms on receipt.
const { parentPort } = require('node:worker_threads');
const XLSX = require('xlsx');
// Cell kinds on the wire: the one definition packed-rows.ts reads them with.
const { TYPES, TEXT, NULL_VALUE, NO_CACHE } = require('./packed-format.cjs');
// A CSV is read as text in its own encoding (csv-text.cjs says how).
const { readInput } = require('./csv-text.cjs');

/** SheetJS type → its code in a cell's kind. */
const TYPE = Object.create(null);
TYPES.forEach((t, code) => {
  if (t !== undefined) TYPE[t] = code;
});

function packSheet(data, maxRows) {
  const n = Math.min(data.length, maxRows + 1);
  let total = 0;
  for (let r = 0; r < n; r++) total += data[r] ? data[r].length : 0;
  const rowLengths = new Uint32Array(n);
  const kinds = new Uint8Array(total);
  const numbers = new Float64Array(total);
  const texts = [];
  const formulas = [];
  let i = 0;
  for (let r = 0; r < n; r++) {
    const row = data[r];
    if (!row) continue;
    rowLengths[r] = row.length;
    for (let c = 0; c < row.length; c++, i++) {
      const cell = row[c];
      if (cell === null || cell === undefined) continue;
      let kind = TYPE[cell.t] || TYPE.z;
      const v = cell.v;
      if (v === undefined || v === null) kind |= NULL_VALUE;
      else if (typeof v === 'number') numbers[i] = v;
      else if (typeof v === 'boolean') numbers[i] = v ? 1 : 0;
      else {
        kind |= TEXT;
        texts.push(String(v));
      }
      if (cell.f !== undefined) {
        // A formula whose result the spreadsheet program never saved.
        if (v === undefined || cell.t === 'e') kind |= NO_CACHE;
        formulas.push(i, String(cell.f));
      }
      kinds[i] = kind;
    }
  }
  // Texts as one string plus their lengths: one string clones as one copy, and the main thread
  // can cut it row by row (JSON.parse of 300,000 strings held it for ~50 ms at once).
  const textLengths = Uint32Array.from(texts, (t) => t.length);
  return { rowLengths, kinds, numbers, text: texts.join(''), textLengths, formulas: JSON.stringify(formulas) };
}

// One file per message; parse.ts keeps this worker warm between files and never sends a second
// file before the first is answered.
parentPort.on('message', (job) => parseOne(job));

function parseOne({ buffer, maxRows, kind }) {
  try {
    const input = readInput(buffer, kind);
    const workbook = XLSX.read(input.data, {
      ...input.options,
      dense: true,
      sheetRows: maxRows + 1,
      cellFormula: true,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
      cellText: false,
      cellDates: false,
    });
    const sheets = workbook.SheetNames.map((name) => {
      const sheet = workbook.Sheets[name] || {};
      const data = sheet['!data'] || [];
      const packed = packSheet(data, maxRows);
      const declared = sheet['!fullref'] || sheet['!ref'] || null;
      let declaredRows = 0;
      if (declared) declaredRows = XLSX.utils.decode_range(declared).e.r + 1;
      return {
        name,
        packed,
        merges: (sheet['!merges'] || []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } })),
        declaredRows,
        truncated: data.length > maxRows,
        hidden: Boolean(workbook.Workbook?.Sheets?.find((s) => s.name === name && s.Hidden)),
      };
    });
    const props = workbook.Workbook?.WBProps || {};
    const transfer = sheets.flatMap((s) => [
      s.packed.rowLengths.buffer,
      s.packed.kinds.buffer,
      s.packed.numbers.buffer,
      s.packed.textLengths.buffer,
    ]);
    parentPort.postMessage({ ok: true, date1904: Boolean(props.date1904), sheets }, transfer);
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String(error?.message || error) });
  }
}
