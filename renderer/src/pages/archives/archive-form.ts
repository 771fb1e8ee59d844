/**
 * 档案 (R17–R18): the edit form's values ↔ the archives/update input, the diff grouped for display,
 * and the overview's order.
 * The form holds strings (what the inputs hold); integers are turned into numbers here, and a
 * masked value (＊＊＊) is never sent back (the editor opens on the unmasked document only).
 */
import type { ArchiveDutyRow } from '../../../../shared/api/types-archives';
import type { ArchiveChange } from '../../../../shared/domain/archive/document';
import {
  ARCHIVE_BLOCKS,
  type ArchiveBlock,
  type ArchiveBlockKey,
  type ArchiveDocument,
  type ArchiveRecord,
  blockOf,
  MASK,
  type RepeatableBlockKey,
} from '../../../../shared/domain/archive/fields';

export type ArchiveFieldValues = Record<string, string>;
/** A repeatable entry as the form holds it: its stored key (null: new) and a row id for React. */
export type ArchiveEntryValues = ArchiveFieldValues & { entryKey: string; rowId: string };

export interface ArchiveFormValues extends Record<string, unknown> {
  basic: ArchiveFieldValues;
  extended: ArchiveFieldValues;
  keyPersons: ArchiveEntryValues[];
  competitors: ArchiveEntryValues[];
  note: string;
}

type InputRecord = Record<string, string | number | null>;
export interface ArchiveUpdateInput {
  customerId: string;
  basic: InputRecord;
  extended: InputRecord;
  keyPersons: (InputRecord & { key?: string | null })[];
  competitors: (InputRecord & { key?: string | null })[];
  verified: boolean;
  note: string | null;
}

let rowSeq = 0;
const nextRowId = () => `row-${++rowSeq}`;

function recordValues(block: ArchiveBlock, r: ArchiveRecord): ArchiveFieldValues {
  const out: ArchiveFieldValues = {};
  for (const f of block.fields) {
    const v = r[f.key];
    out[f.key] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** An empty entry of a repeatable block (the 添加 button). */
export function emptyEntry(key: RepeatableBlockKey): ArchiveEntryValues {
  return { ...recordValues(blockOf(key), {}), entryKey: '', rowId: nextRowId() };
}

/** The form's starting values from a stored (unmasked) document. */
export function formValuesOf(doc: ArchiveDocument): ArchiveFormValues {
  const entries = (key: RepeatableBlockKey) =>
    doc[key].map((e) => ({ ...recordValues(blockOf(key), e), entryKey: e.key, rowId: nextRowId() }));
  return {
    basic: recordValues(blockOf('basic'), doc.basic),
    extended: recordValues(blockOf('extended'), doc.extended),
    keyPersons: entries('keyPersons'),
    competitors: entries('competitors'),
    note: '',
  };
}

/** Whether a document shown holds any masked value (editing it needs the unmasked one). */
export function hasMaskedValues(doc: ArchiveDocument): boolean {
  const masked = (r: ArchiveRecord) => Object.values(r).some((v) => v === MASK);
  return masked(doc.basic) || masked(doc.extended) || doc.keyPersons.some(masked) || doc.competitors.some(masked);
}

/** A field's input value as the channel takes it: blank → null, integers as numbers (else left for the schema to refuse). */
function fieldInput(block: ArchiveBlock, key: string, raw: string | undefined): string | number | null {
  const field = block.fields.find((f) => f.key === key);
  const v = (raw ?? '').trim();
  if (v === '') return null;
  if (field?.type === 'integer') {
    const digits = v.replace(/[,，\s]/g, '');
    return /^-?\d+$/.test(digits) ? Number(digits) : v;
  }
  return v;
}

function recordInput(block: ArchiveBlock, values: ArchiveFieldValues): InputRecord {
  const out: InputRecord = {};
  for (const f of block.fields) out[f.key] = fieldInput(block, f.key, values[f.key]);
  return out;
}

const blankEntry = (block: ArchiveBlock, e: ArchiveFieldValues) =>
  block.fields.every((f) => (e[f.key] ?? '').trim() === '');

/** The archives/update input for the whole form (every block sent; entirely blank rows dropped). */
export function toUpdateInput(customerId: string, values: ArchiveFormValues): ArchiveUpdateInput {
  const entries = (key: RepeatableBlockKey) => {
    const block = blockOf(key);
    return values[key]
      .filter((e) => !blankEntry(block, e))
      .map((e) => ({ ...recordInput(block, e), key: e.entryKey === '' ? null : e.entryKey }));
  };
  const note = values.note.trim();
  return {
    customerId,
    basic: recordInput(blockOf('basic'), values.basic),
    extended: recordInput(blockOf('extended'), values.extended),
    keyPersons: entries('keyPersons'),
    competitors: entries('competitors'),
    verified: false,
    note: note === '' ? null : note,
  };
}

/**
 * Where an input issue shows in the form: the input drops blank rows, so `keyPersons.1.name` of
 * the input is the form's row that was second among the non-blank ones.
 */
export function formPathOf(values: ArchiveFormValues, inputPath: string): string {
  const [blockKey, index, ...rest] = inputPath.split('.');
  if (blockKey !== 'keyPersons' && blockKey !== 'competitors') return inputPath;
  const block = blockOf(blockKey);
  const kept = values[blockKey].map((e, i) => [e, i] as const).filter(([e]) => !blankEntry(block, e));
  const row = kept[Number(index)]?.[1];
  return row === undefined ? inputPath : [blockKey, String(row), ...rest].join('.');
}

export interface DiffEntryGroup {
  /** The entry's key (repeatable blocks), null for basic/extended. */
  entry: string | null;
  /** 1-based position among the block's entries in this diff. */
  ordinal: number;
  changes: ArchiveChange[];
}

export interface DiffBlockGroup {
  block: ArchiveBlockKey;
  entries: DiffEntryGroup[];
}

/** The diff by block (in the 附件3 order), then by entry in order of appearance. */
export function groupDiff(changes: readonly ArchiveChange[]): DiffBlockGroup[] {
  const out: DiffBlockGroup[] = [];
  for (const block of ARCHIVE_BLOCKS) {
    const mine = changes.filter((c) => c.block === block.key);
    if (mine.length === 0) continue;
    const entries: DiffEntryGroup[] = [];
    for (const c of mine) {
      let group = entries.find((g) => g.entry === c.entry);
      if (!group) {
        group = { entry: c.entry, ordinal: entries.length + 1, changes: [] };
        entries.push(group);
      }
      group.changes.push(c);
    }
    out.push({ block: block.key, entries });
  }
  return out;
}

/**
 * A revision's changed paths as one label per block, in the 附件3 order, each field once:
 * `basic.address`, `basic.postcode` → 基本情况：地址、邮政编码; `keyPersons.r1-1.name` → 关键人信息：姓名;
 * an added/removed entry alone (`competitors.r1-1`) → 竞争对手信息. At most `perBlock` fields are
 * named, then 等 N 项.
 */
export function changedLabels(paths: readonly string[], language: 'zh-CN' | 'en', perBlock = 4): string[] {
  const out: string[] = [];
  const en = language === 'en';
  for (const block of ARCHIVE_BLOCKS) {
    const mine = paths.map((p) => p.split('.')).filter((parts) => parts[0] === block.key);
    if (mine.length === 0) continue;
    const fields = block.fields.filter((f) =>
      mine.some((parts) => (block.repeatable ? parts[2] === f.key : parts[1] === f.key)),
    );
    const blockName = en ? block.en : block.zh;
    if (fields.length === 0) {
      out.push(blockName);
      continue;
    }
    const names = fields.slice(0, perBlock).map((f) => (en ? f.en : f.zh));
    const more = fields.length - names.length;
    const list = names.join(en ? ', ' : '、');
    const tail = more > 0 ? (en ? ` and ${more} more` : ` 等 ${fields.length} 项`) : '';
    out.push(`${blockName}${en ? ': ' : '：'}${list}${tail}`);
  }
  return out;
}

/** Overdue first (most days first), then by due date, then by name. */
export function sortDuties(rows: readonly ArchiveDutyRow[]): ArchiveDutyRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      b.daysOverdue - a.daysOverdue ||
      a.dueOn.localeCompare(b.dueOn) ||
      a.customerName.localeCompare(b.customerName, 'zh-CN'),
  );
}
