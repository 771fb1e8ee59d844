/**
 * R17/R18: building the next revision's document from the previous one and an update, and the
 * field-level diff between any two revisions. Repeatable blocks (key persons, competitors) keep a
 * stable key per entry across revisions: an entry sent with its key keeps it; one sent without is
 * matched to a previous entry by its name; anything else is new and gets a key made from the
 * revision number (`r5-2`), which no later revision can give to another entry.
 */
import {
  ARCHIVE_BLOCKS,
  type ArchiveBlock,
  type ArchiveDocument,
  type ArchiveEntry,
  type ArchiveRecord,
  type ArchiveValue,
  blockOf,
  emptyArchive,
  isSensitivePath,
  type RepeatableBlockKey,
} from './fields';

/** What an update sends: any blocks (single blocks patch their fields, repeatable ones replace the list). */
export interface ArchiveUpdate {
  basic?: Record<string, ArchiveValue | undefined> | undefined;
  extended?: Record<string, ArchiveValue | undefined> | undefined;
  keyPersons?: (Record<string, ArchiveValue | undefined> & { key?: string | null | undefined })[] | undefined;
  competitors?: (Record<string, ArchiveValue | undefined> & { key?: string | null | undefined })[] | undefined;
}

const blank = (v: ArchiveValue | undefined): boolean => v === null || v === undefined || v === '';

function clean(block: ArchiveBlock, r: Record<string, ArchiveValue | undefined>): ArchiveRecord {
  const out: ArchiveRecord = {};
  for (const f of block.fields) {
    const v = r[f.key];
    if (blank(v)) continue;
    out[f.key] = typeof v === 'string' ? v.trim() : (v as number);
    if (out[f.key] === '') delete out[f.key];
  }
  return out;
}

const nameOf = (block: ArchiveBlock, e: Record<string, ArchiveValue | undefined>): string | null => {
  if (block.nameField === null) return null;
  const v = e[block.nameField];
  return typeof v === 'string' && v.trim() !== '' ? v.normalize('NFKC').replace(/\s+/g, '') : null;
};

function mergeEntries(
  block: ArchiveBlock,
  previous: readonly ArchiveEntry[],
  incoming: NonNullable<ArchiveUpdate['keyPersons']>,
  revision: number,
): ArchiveEntry[] {
  const unmatched = new Map(previous.map((e) => [e.key, e]));
  const out: ArchiveEntry[] = [];
  const used = new Set<string>();
  // Keys first (an entry sent back as read), then names, so a renamed entry keeps its key.
  const keys: (string | null)[] = incoming.map((e) => {
    const k = typeof e.key === 'string' ? e.key : null;
    if (k !== null && unmatched.has(k) && !used.has(k)) {
      used.add(k);
      unmatched.delete(k);
      return k;
    }
    return null;
  });
  incoming.forEach((e, i) => {
    if (keys[i] !== null) return;
    const name = nameOf(block, e);
    if (name === null) return;
    for (const [k, prev] of unmatched) {
      if (nameOf(block, prev) === name) {
        keys[i] = k;
        unmatched.delete(k);
        return;
      }
    }
  });
  incoming.forEach((e, i) => {
    const values = clean(block, e);
    if (Object.keys(values).length === 0) return;
    out.push({ ...values, key: keys[i] ?? `r${revision}-${i + 1}` });
  });
  return out;
}

/** The document the update makes of `previous` (null: the first revision) as revision `revision`. */
export function applyArchiveUpdate(
  previous: ArchiveDocument | null,
  update: ArchiveUpdate,
  revision: number,
): ArchiveDocument {
  const prev = previous ?? emptyArchive();
  const next: ArchiveDocument = {
    basic: { ...prev.basic },
    extended: { ...prev.extended },
    keyPersons: prev.keyPersons.map((e) => ({ ...e })),
    competitors: prev.competitors.map((e) => ({ ...e })),
  };
  for (const key of ['basic', 'extended'] as const) {
    const patch = update[key];
    if (patch === undefined) continue;
    const block = blockOf(key);
    const merged: Record<string, ArchiveValue | undefined> = { ...next[key] };
    for (const f of block.fields) if (Object.hasOwn(patch, f.key)) merged[f.key] = patch[f.key];
    next[key] = clean(block, merged);
  }
  for (const key of ['keyPersons', 'competitors'] as const) {
    const list = update[key];
    if (list === undefined) continue;
    next[key] = mergeEntries(blockOf(key), prev[key], list, revision);
  }
  return next;
}

export type ArchiveChangeKind = 'changed' | 'added' | 'removed';

export interface ArchiveChange {
  /** `basic.address`, `keyPersons.r2-1.contact`; an added or removed entry: `keyPersons.r2-1`. */
  path: string;
  block: (typeof ARCHIVE_BLOCKS)[number]['key'];
  /** The entry's key (repeatable blocks). */
  entry: string | null;
  field: string | null;
  kind: ArchiveChangeKind;
  before: ArchiveValue;
  after: ArchiveValue;
  /** Personal information (R17): shown masked unless explicitly asked for. */
  sensitive: boolean;
}

function recordChanges(
  block: ArchiveBlock,
  prefix: string,
  entry: string | null,
  a: ArchiveRecord,
  b: ArchiveRecord,
): ArchiveChange[] {
  const out: ArchiveChange[] = [];
  for (const f of block.fields) {
    const before = a[f.key] ?? null;
    const after = b[f.key] ?? null;
    if (before === after) continue;
    const path = `${prefix}.${f.key}`;
    out.push({ path, block: block.key, entry, field: f.key, kind: 'changed', before, after, sensitive: f.sensitive });
  }
  return out;
}

/**
 * The field-level differences from `a` to `b`, in block and field order. Repeatable entries are
 * paired by key, then by name (documents of other lineages, or an entry re-entered by hand); an
 * entry left unpaired is added or removed (its name as the value).
 */
export function diffArchives(a: ArchiveDocument, b: ArchiveDocument): ArchiveChange[] {
  const out: ArchiveChange[] = [];
  for (const block of ARCHIVE_BLOCKS) {
    if (!block.repeatable) {
      const key = block.key as 'basic' | 'extended';
      out.push(...recordChanges(block, key, null, a[key], b[key]));
      continue;
    }
    const key = block.key as RepeatableBlockKey;
    const left = new Map(a[key].map((e) => [e.key, e]));
    const pairs: [ArchiveEntry | null, ArchiveEntry][] = [];
    const rest: ArchiveEntry[] = [];
    for (const e of b[key]) {
      const same = left.get(e.key);
      if (same) {
        left.delete(e.key);
        pairs.push([same, e]);
      } else rest.push(e);
    }
    for (const e of rest) {
      const name = nameOf(block, e);
      let found: ArchiveEntry | null = null;
      if (name !== null) {
        for (const [k, old] of left) {
          if (nameOf(block, old) === name) {
            found = old;
            left.delete(k);
            break;
          }
        }
      }
      pairs.push([found, e]);
    }
    const label = (e: ArchiveEntry): ArchiveValue => (block.nameField === null ? e.key : (e[block.nameField] ?? e.key));
    for (const [old, e] of pairs) {
      if (old === null) {
        const path = `${key}.${e.key}`;
        out.push({
          path,
          block: key,
          entry: e.key,
          field: null,
          kind: 'added',
          before: null,
          after: label(e),
          sensitive: isSensitivePath(`${path}.${block.nameField ?? ''}`),
        });
      } else out.push(...recordChanges(block, `${key}.${e.key}`, e.key, old, e));
    }
    for (const old of left.values()) {
      const path = `${key}.${old.key}`;
      out.push({
        path,
        block: key,
        entry: old.key,
        field: null,
        kind: 'removed',
        before: label(old),
        after: null,
        sensitive: isSensitivePath(`${path}.${block.nameField ?? ''}`),
      });
    }
  }
  return out;
}

/** The diff with personal values masked (R17), for every output that is not an explicit viewing. */
export function maskChanges(changes: readonly ArchiveChange[], mask: string): ArchiveChange[] {
  return changes.map((c) =>
    c.sensitive ? { ...c, before: c.before === null ? null : mask, after: c.after === null ? null : mask } : { ...c },
  );
}
