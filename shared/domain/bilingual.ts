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
