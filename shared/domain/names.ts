import { type Bilingual, bi } from './bilingual';

/**
 * Normalised customer name for duplicate detection (R19: "same normalised name"): NFKC folds
 * full-width letters, digits and brackets; whitespace and punctuation are dropped; Latin letters
 * are lower-cased. Legal suffixes are kept: "XX有限公司" and "XX集团" can be different entities.
 */
export function normaliseCustomerName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '');
}

/** The longest customer fields, in characters (the form, the backend and the customer-list import). */
export const CUSTOMER_TEXT_LIMITS = { name: 80, shortName: 30, industry: 30, address: 120 } as const;

/** Characters as the officer counts them (a CJK extension character is one, not two). */
export function textLength(text: string): number {
  return [...text].length;
}

/**
 * The refusal for a text over its limit, or null. A long name is refused, never cut: a cut name
 * would be a different name, saved without the officer seeing it.
 */
export function tooLongMessage(label: string, max: number, text: string): string | null {
  return tooLongText({ zh: label, en: label }, max, text)?.zh ?? null;
}

/** The same refusal in both interface languages; `label` names the field in each. */
export function tooLongText(label: Bilingual, max: number, text: string): Bilingual | null {
  const n = textLength(text);
  if (n <= max) return null;
  return bi(
    `${label.zh}不能超过 ${max} 个字（现有 ${n} 个字），请删减后再保存`,
    `${label.en} can have at most ${max} characters (it has ${n}): shorten it and save again`,
  );
}
