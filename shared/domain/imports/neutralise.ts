/**
 * Exports and the error report (DOMAIN-DECISIONS "Exports", cells): a text cell that a spreadsheet
 * program could read as a formula (starting with = + - @, a tab or a carriage return, or their
 * full-width or small forms) gets a leading apostrophe, so a customer named "=HYPERLINK(…)" stays
 * text in every export. Numbers are never passed through here: they are written as numbers.
 */
// The small forms (U+FE62 ﹢, U+FE63 ﹣, U+FE66 ﹦, U+FE6B ﹫) are included too: NFKC, which
// some programs apply when pasting or importing text, turns them into + - = @ as it does the
// full-width ones.
const DANGEROUS_START = /^[=+\-@\t\r＝＋－＠﹢﹣﹦﹫]/;

export function neutraliseText(text: string): string {
  return DANGEROUS_START.test(text) ? `'${text}` : text;
}

/** The same test for a worker script that cannot import TypeScript (imports/report-worker.cjs). */
export const DANGEROUS_START_SOURCE = DANGEROUS_START.source;
