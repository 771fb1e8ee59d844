// The text of a CSV file, read by its encoding (DOMAIN-DECISIONS "Imports", CSV): a byte-order
// mark first (UTF-8, UTF-16LE, UTF-16BE), else UTF-8 when the bytes are valid UTF-8, else GB18030
// (a superset of GBK: Excel's plain "CSV" on a Chinese Windows). Handed to SheetJS as a string,
// never as bytes: SheetJS reads a Uint8Array of CSV as one byte per cell. Plain CommonJS, required
// by both workers (parse-worker.cjs, report-worker.cjs) and copied beside them.

/** @param {Uint8Array} bytes */
function csvText(bytes) {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder('utf-8').decode(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return new TextDecoder('gb18030').decode(b);
  }
}

/**
 * SheetJS read options for one import file: a CSV as text with every cell kept as written (raw:
 * a 14-digit customer ID would become a float, 2026-11 a date); a workbook as bytes.
 */
function readInput(buffer, kind) {
  if (kind === 'csv') return { data: csvText(buffer), options: { type: 'string', raw: true } };
  return { data: buffer, options: { type: 'buffer' } };
}

module.exports = { csvText, readInput };
