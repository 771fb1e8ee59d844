/**
 * R17: how complete an archive is — which required fields are empty. Every required field of the
 * single blocks is one slot; each entry of a repeatable block contributes its required fields, and
 * a block below its minimum entries (one key person) counts the missing entries' required fields
 * as empty. The score is the filled share in whole percent, rounded down, so 100 means complete.
 */
import { ARCHIVE_BLOCKS, type ArchiveDocument, type ArchiveRecord, type RepeatableBlockKey } from './fields';

export interface MissingField {
  path: string;
  zh: string;
  en: string;
}

export interface Completeness {
  /** 0–100, rounded down. */
  score: number;
  filled: number;
  required: number;
  missing: MissingField[];
}

const filledValue = (r: ArchiveRecord, key: string): boolean => {
  const v = r[key];
  return v !== null && v !== undefined && v !== '';
};

export function archiveCompleteness(doc: ArchiveDocument): Completeness {
  let required = 0;
  let filled = 0;
  const missing: MissingField[] = [];
  for (const block of ARCHIVE_BLOCKS) {
    const fields = block.fields.filter((f) => f.required);
    if (!block.repeatable) {
      const r = doc[block.key as 'basic' | 'extended'];
      for (const f of fields) {
        required++;
        if (filledValue(r, f.key)) filled++;
        else missing.push({ path: `${block.key}.${f.key}`, zh: `${block.zh}：${f.zh}`, en: `${block.en}: ${f.en}` });
      }
      continue;
    }
    const entries = doc[block.key as RepeatableBlockKey];
    entries.forEach((e, i) => {
      for (const f of fields) {
        required++;
        if (filledValue(e, f.key)) filled++;
        else
          missing.push({
            path: `${block.key}.${e.key}.${f.key}`,
            zh: `${block.zh}第 ${i + 1} 项：${f.zh}`,
            en: `${block.en} #${i + 1}: ${f.en}`,
          });
      }
    });
    for (let i = entries.length; i < block.minEntries; i++) {
      for (const f of fields) {
        required++;
        missing.push({
          path: `${block.key}.*.${f.key}`,
          zh: `${block.zh}（至少 ${block.minEntries} 项）：${f.zh}`,
          en: `${block.en} (at least ${block.minEntries}): ${f.en}`,
        });
      }
    }
  }
  const score = required === 0 ? 100 : Math.floor((filled * 100) / required);
  return { score, filled, required, missing };
}
