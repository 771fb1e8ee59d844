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
