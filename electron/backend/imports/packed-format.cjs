// The packed-row wire format between parse-worker.cjs, which packs a sheet's cells, and
// packed-rows.ts, which reads them back as rows: one definition for both sides. Plain CommonJS so
// the worker requires it as-is under Node and Electron (it is copied beside the main bundle with
// the worker, electron.vite.config.ts); packed-rows.ts imports it (types: packed-format.d.cts).
//
// A cell's kind is one byte: the SheetJS type code in the low bits (TYPE_MASK), plus the flags
// below; kind 0 = no cell.

/** SheetJS cell type by code; code 0 is "no cell". */
const TYPES = Object.freeze([undefined, 'n', 's', 'b', 'd', 'e', 'z']);
/** The bits of a kind that hold the type code. */
const TYPE_MASK = 7;
/** The value is text: the next of the sheet's texts, not a number. */
const TEXT = 8;
/** The cell has no value (null or undefined). */
const NULL_VALUE = 16;
/** A formula whose result the spreadsheet program never saved. */
const NO_CACHE = 32;

module.exports = { TYPES, TYPE_MASK, TEXT, NULL_VALUE, NO_CACHE };
