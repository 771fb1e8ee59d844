/**
 * R16 display helpers: a customer ID is 6-digit area code + 5-digit sequence + 3-digit branch.
 * Pure, so that the list, the detail page and the tests share one splitter.
 */
export interface CustomerIdDisplayParts {
  areaCode: string;
  sequence: string;
  branch: string;
}

const ID_PATTERN = /^(\d{6})(\d{5})(\d{3})$/;

/** The three parts as they appear in the ID, or null when the text is not a 14-digit ID. */
export function splitCustomerId(id: string): CustomerIdDisplayParts | null {
  const match = ID_PATTERN.exec(id);
  if (!match) return null;
  const [, areaCode = '', sequence = '', branch = ''] = match;
  return { areaCode, sequence, branch };
}

/** "44051500001000" → "440515 00001 000"; anything else is returned unchanged. */
export function spacedCustomerId(id: string): string {
  const parts = splitCustomerId(id);
  return parts ? `${parts.areaCode} ${parts.sequence} ${parts.branch}` : id;
}

/** A head office or a customer without branches has branch number 000. */
export function isHeadOfficeCustomerId(id: string): boolean {
  return splitCustomerId(id)?.branch === '000';
}

/** Accepts an ID typed with spaces or dashes ("440515 00001 000") and returns the 14 digits. */
export function compactCustomerId(text: string): string {
  return text.replace(/[\s-]/g, '');
}
