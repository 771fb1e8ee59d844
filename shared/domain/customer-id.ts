/**
 * R16: a customer ID is 14 digits — 6-digit GB/T 2260 code of the home area, 5-digit sequence
 * within that code (from 00001), 3-digit branch number (000 for a head office or a customer
 * without branches; 001… for branches, which share the head office's first 11 digits).
 */
export const MAX_SEQUENCE = 99_999;
export const MAX_BRANCH = 999;

export interface CustomerIdParts {
  areaCode: string;
  sequence: number;
  branch: number;
}

const ID_PATTERN = /^(\d{6})(\d{5})(\d{3})$/;
const AREA_CODE_PATTERN = /^\d{6}$/;

export function isAreaCode(value: string): boolean {
  return AREA_CODE_PATTERN.test(value);
}

export function formatCustomerId(parts: CustomerIdParts): string {
  if (!isAreaCode(parts.areaCode)) throw new RangeError(`区划代码必须是 6 位数字：${parts.areaCode}`);
  if (!Number.isInteger(parts.sequence) || parts.sequence < 1 || parts.sequence > MAX_SEQUENCE) {
    throw new RangeError(`顺序号超出范围 1–${MAX_SEQUENCE}：${parts.sequence}`);
  }
  if (!Number.isInteger(parts.branch) || parts.branch < 0 || parts.branch > MAX_BRANCH) {
    throw new RangeError(`分支编号超出范围 0–${MAX_BRANCH}：${parts.branch}`);
  }
  return `${parts.areaCode}${String(parts.sequence).padStart(5, '0')}${String(parts.branch).padStart(3, '0')}`;
}

/** Returns the parts of a well-formed ID, or null (sequence 00000 is never allocated). */
export function parseCustomerId(id: string): CustomerIdParts | null {
  const match = ID_PATTERN.exec(id);
  if (!match) return null;
  const [, areaCode, seq, branch] = match as unknown as [string, string, string, string];
  const sequence = Number(seq);
  if (sequence < 1) return null;
  return { areaCode, sequence, branch: Number(branch) };
}

export function isHeadOfficeId(id: string): boolean {
  return parseCustomerId(id)?.branch === 0;
}

/** The first 11 digits, shared by a head office and all of its branches. */
export function headOfficePrefix(id: string): string {
  return id.slice(0, 11);
}
