/**
 * Spreadsheet cell names, the one place they are spelt: the import checks name a problem's column
 * ("D"), the templates' drop-downs cover ranges ("D2:D5000"), the exports style cells ("A1").
 */

/** "A" of the zero-based column 0, "Z" of 25, "AA" of 26. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "A1" of a zero-based cell. */
export function cellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** A zero-based column's rows `first`…`last` (1-based, as Excel shows them), e.g. "D2:D5000". */
export function columnRange(col: number, first: number, last: number): string {
  const letter = columnLetter(col);
  return `${letter}${first}:${letter}${last}`;
}
