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

/**
 * English for the Chinese messages written into zod schemas. Zod keeps one message per check, so
 * a schema message is written with `said(zh, en)`: the issue carries the Chinese and the English
 * is found here by it (the registry and validatePolicy attach it as `messageEn`).
 */
const SAID_EN = new Map<string, string>();

/** A schema check's message in both languages, e.g. `.min(1, said('请填写名称', 'Enter the name'))`. */
export function said(zh: string, en: string): { message: string } {
  SAID_EN.set(zh, en);
  return { message: zh };
}

/** A custom issue (superRefine) in both languages: the English rides in its params. */
export function customIssue(message: Bilingual, path?: PropertyKey[]) {
  return {
    code: 'custom' as const,
    message: message.zh,
    params: { messageEn: message.en },
    ...(path === undefined ? {} : { path }),
  };
}

/**
 * The English of one zod issue of ours: a custom issue's `params.messageEn`, else a `said`
 * message's English, else `localeEnglish` (zod's own message in English, if the caller has it).
 */
export function issueEnglish(
  issue: { code: string; message: string; params?: unknown },
  localeEnglish?: string,
): string | undefined {
  const own = issue.code === 'custom' ? (issue.params as { messageEn?: unknown } | undefined)?.messageEn : undefined;
  if (typeof own === 'string') return own;
  return SAID_EN.get(issue.message) ?? localeEnglish;
}
