/**
 * A message for the officer in both interface languages. `zh` is what the command line, stored
 * data and the problem list sent to units carry; `en` is shown only when the interface is in
 * English (DOMAIN-DECISIONS "English messages").
 */
export interface Bilingual {
  zh: string;
  en: string;
}

export function bi(zh: string, en: string): Bilingual {
  return { zh, en };
}

/** How many characters of a cell a message repeats back before it is cut with “…”. */
export const ECHO_LIMIT = 40;

/**
 * A value from the officer's or a unit's file as a message repeats it: cut to ECHO_LIMIT
 * characters so a 32,767-character cell cannot swamp the problem list or the error report.
 */
export function echo(value: string): string {
  const chars = Array.from(value);
  return chars.length <= ECHO_LIMIT ? value : `${chars.slice(0, ECHO_LIMIT).join('')}…`;
}
