/**
 * Search keys stored with each customer: pinyin initials (so `gdyx` finds 广东有线…) and one
 * lower-cased text joining name, short name, initials and credit code, so the search box is a
 * single LIKE. Polyphonic characters take pinyin-pro's reading in context.
 */
import { pinyin } from 'pinyin-pro';

export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

export function pinyinInitials(name: string): string {
  return foldText(pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('')).replace(
    /[^\p{L}\p{N}]/gu,
    '',
  );
}

export function searchText(parts: {
  name: string;
  shortName: string | null;
  initials: string;
  creditCode: string | null;
}): string {
  const shortInitials = parts.shortName ? pinyinInitials(parts.shortName) : '';
  return [parts.name, parts.shortName ?? '', parts.initials, shortInitials, parts.creditCode ?? '']
    .map(foldText)
    .filter(Boolean)
    .join('\u0001');
}

export function foldQuery(query: string): string {
  return foldText(query).replace(/\s+/g, '');
}
