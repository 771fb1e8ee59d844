/**
 * A sheet's rows as parse-worker.cjs packs them (typed arrays and one string), read as ordinary
 * rows of cell objects, but made on access. Unpacking every cell of a 135,000-row template into
 * objects up front kept ~100 MB of small objects alive on the main thread through the whole
 * preview; the garbage collector copying and marking them paused the thread 15–40 ms at a time
 * (seen with --trace-gc), pushing a ping past 100 ms. Made on access, a row is young garbage once
 * read, which the collector drops almost for free.
 *
 * The rows look like an array (`length`, `rows[r]`, `forEach`, `for…of`, `Array.isArray`); the
 * last thousand rows made are kept, older ones are made again if asked for. Nothing may write to
 * them (a reader that did would see its change vanish, so writes throw).
 */
import { NO_CACHE, NULL_VALUE, TEXT, TYPE_MASK, TYPES } from './packed-format.cjs';
import type { ParsedCell } from './parsed-workbook';

/** One sheet as parse-worker.cjs sends it: cells packed row after row (see `packSheet` there). */
export interface PackedSheet {
  rowLengths: Uint32Array;
  /** One kind per cell: the type code and flags of packed-format.cjs; 0 = no cell. */
  kinds: Uint8Array;
  numbers: Float64Array;
  /** The text values in cell order, joined; cut by `textLengths`. */
  text: string;
  textLengths: Uint32Array;
  /** JSON array of [cell index, formula text] pairs, flattened. */
  formulas: string;
}

export function packedRows(packed: PackedSheet): (ParsedCell | null)[][] {
  const n = packed.rowLengths.length;
  // Where each row starts: its first cell, its first text, that text's offset in `text`.
  const cellStart = new Uint32Array(n + 1);
  const textIndex = new Uint32Array(n + 1);
  const textOffset = new Float64Array(n + 1);
  let i = 0;
  let t = 0;
  let offset = 0;
  for (let r = 0; r < n; r++) {
    cellStart[r] = i;
    textIndex[r] = t;
    textOffset[r] = offset;
    const end = i + (packed.rowLengths[r] as number);
    for (; i < end; i++) {
      const kind = packed.kinds[i] as number;
      if (kind !== 0 && !(kind & NULL_VALUE) && kind & TEXT) offset += packed.textLengths[t++] as number;
    }
  }
  const flat = JSON.parse(packed.formulas) as (number | string)[];
  const formulas = new Map<number, string>();
  for (let k = 0; k < flat.length; k += 2) formulas.set(flat[k] as number, flat[k + 1] as string);

  // The last rows made, by row number modulo RING: a reader that looks at a slice of rows twice
  // (the IDs first, then every cell) makes each row once. Kept small so they die young.
  const RING = 1024;
  const ringAt = new Int32Array(RING).fill(-1);
  const ring: (ParsedCell | null)[][] = new Array(RING);
  const row = (r: number): (ParsedCell | null)[] => {
    const slot = r % RING;
    if (ringAt[slot] === r) return ring[slot] as (ParsedCell | null)[];
    const made = makeRow(r);
    ringAt[slot] = r;
    ring[slot] = made;
    return made;
  };
  const makeRow = (r: number): (ParsedCell | null)[] => {
    const length = packed.rowLengths[r] as number;
    const out: (ParsedCell | null)[] = new Array(length);
    let cell = cellStart[r] as number;
    let text = textIndex[r] as number;
    let at = textOffset[r] as number;
    for (let c = 0; c < length; c++, cell++) {
      const kind = packed.kinds[cell] as number;
      if (kind === 0) {
        out[c] = null;
        continue;
      }
      const type = TYPES[kind & TYPE_MASK] ?? 'z';
      let v: ParsedCell['v'];
      if (kind & NULL_VALUE) v = null;
      else if (kind & TEXT) {
        const end = at + (packed.textLengths[text++] as number);
        v = packed.text.slice(at, end);
        at = end;
      } else v = type === 'b' ? packed.numbers[cell] === 1 : (packed.numbers[cell] as number);
      const made: ParsedCell = { t: type, v };
      if (formulas.size > 0) {
        const f = formulas.get(cell);
        if (f !== undefined) made.f = f;
      }
      if (kind & NO_CACHE) made.noCache = true;
      out[c] = made;
    }
    return out;
  };
  const index = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const r = Number(key);
    return Number.isInteger(r) && r >= 0 && r < n && String(r) === key ? r : -1;
  };
  const target: (ParsedCell | null)[][] = [];
  target.length = n;
  return new Proxy(target, {
    get(array, key, receiver) {
      const r = index(key);
      return r === -1 ? Reflect.get(array, key, receiver) : row(r);
    },
    has(array, key) {
      return index(key) !== -1 || Reflect.has(array, key);
    },
    getOwnPropertyDescriptor(array, key) {
      const r = index(key);
      return r === -1
        ? Reflect.getOwnPropertyDescriptor(array, key)
        : { value: row(r), writable: false, enumerable: true, configurable: true };
    },
    set() {
      throw new Error('表格行只读');
    },
    deleteProperty() {
      throw new Error('表格行只读');
    },
  });
}
