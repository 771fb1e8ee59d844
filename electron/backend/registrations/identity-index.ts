/**
 * R19a/R19b duplicate check in memory: customers and pending registrations by credit code,
 * identity name (shared/domain/registration/identity.ts), phone, head office (a branch's) and —
 * for `similar` — a deletion neighbourhood of each 字号: every 字号 is filed under itself and under
 * each of its one-character deletions, so two 字号 one edit apart always share a key. A check
 * looks up a handful of keys and runs fastest-levenshtein on the few candidates they give, never
 * a scan: one name against 200,000 customers in well under 20 ms (tests/bench `dupcheck`).
 *
 * The database stays the truth. Like the customer search (customers/search-index.ts), the index is
 * built from the tables on first use and patched after a committed write: a registration write
 * calls `upsertRegistration`/`upsertCustomer` through `afterCommit`; a customer write elsewhere
 * reaches it through the search index's change listener; a commit from another connection
 * (PRAGMA data_version) or a changed area table (region words) rebuilds it.
 */
import type { Database } from 'better-sqlite3';
import { distance } from 'fastest-levenshtein';
import { normaliseCreditCode } from '../../../shared/domain/credit-code';
import {
  type IdentityName,
  identityName,
  PROVINCE_NAMES,
  regionWordsOf,
} from '../../../shared/domain/registration/identity';
import {
  type Classified,
  classifyMatch,
  type IdentityProbe,
  normalisePhone,
  reasonRank,
} from '../../../shared/domain/registration/matches';
import { PENDING_STATES } from '../../../shared/domain/registration/states';

export interface IndexEntry extends IdentityProbe {
  customerId: string | null;
  registrationId: number | null;
  unitId: number;
  /** 'customer' for a customer, else the registration's state. */
  state: string;
  /** YYYY-MM-DD: the customer's creation or the registration's date. */
  since: string;
  alive: boolean;
}

export interface IndexMatch extends Classified {
  entry: IndexEntry;
}

export interface ProbeInput {
  name: string;
  creditCode?: string | null | undefined;
  phone?: string | null | undefined;
}

export interface Exclude {
  registrationId?: number | null;
  customerId?: string | null;
}

interface Snapshot {
  entries: IndexEntry[];
  regions: string[];
  regionStamp: string;
  dataVersion: number;
  byCustomer: Map<string, number>;
  byRegistration: Map<number, number>;
  byCredit: Map<string, number[]>;
  byKey: Map<string, number[]>;
  byPhone: Map<string, number[]>;
  /** Deletion neighbourhood: chained hash table of (industry, 字号 or a deletion of it) → entry. */
  head: Int32Array;
  next: number[];
  owner: number[];
}

function push(map: Map<string, number[]>, key: string | null, i: number): void {
  if (key === null || key === '') return;
  const list = map.get(key);
  if (list) list.push(i);
  else map.set(key, [i]);
}

/** FNV-1a over the UTF-16 code units of `industry \u0001 text`. */
function hashKey(industry: string, text: string): number {
  let h = 0x811c9dc5;
  const s = `${industry}\u0001${text}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The 字号 and its one-character deletions (code points, so a CJK extension character is one). */
function neighbourhood(zihao: string): string[] {
  const chars = [...zihao];
  const out = [zihao];
  for (let i = 0; i < chars.length; i++) out.push(chars.slice(0, i).join('') + chars.slice(i + 1).join(''));
  return out;
}

function similarKeys(identity: IdentityName): string[] | null {
  if (identity.branch !== null || [...identity.zihao].length < 2) return null;
  return neighbourhood(identity.zihao);
}

export class IdentityIndex {
  private snapshot: Snapshot | null = null;

  constructor(private readonly db: Database) {}

  invalidate(): void {
    this.snapshot = null;
  }

  /** A writer-thread commit changed no customer or registration (an import batch): keep the index. */
  keepAfterCommitElsewhere(): void {
    if (this.snapshot) this.snapshot.dataVersion = this.db.pragma('data_version', { simple: true }) as number;
  }

  private regionNames(): { names: string[]; stamp: string } {
    const names = (this.db.prepare('SELECT name FROM area_codes ORDER BY code').pluck().all() as string[]) ?? [];
    return { names, stamp: names.join('\u0001') };
  }

  /** The region words (R19b) the index uses: from the area table. */
  regions(): string[] {
    return this.current().regions;
  }

  /** The R19b identity of a name with the area table's region words. */
  identityOf(name: string): IdentityName {
    return identityName(name, this.current().regions);
  }

  private current(): Snapshot {
    const dataVersion = this.db.pragma('data_version', { simple: true }) as number;
    const { names, stamp } = this.regionNames();
    const s = this.snapshot;
    if (s && s.dataVersion === dataVersion && s.regionStamp === stamp) return s;
    this.snapshot = this.build(names, stamp, dataVersion);
    return this.snapshot;
  }

  private build(names: string[], stamp: string, dataVersion: number): Snapshot {
    const regions = regionWordsOf([...names, ...PROVINCE_NAMES]);
    const s: Snapshot = {
      entries: [],
      regions,
      regionStamp: stamp,
      dataVersion,
      byCustomer: new Map(),
      byRegistration: new Map(),
      byCredit: new Map(),
      byKey: new Map(),
      byPhone: new Map(),
      head: new Int32Array(0),
      next: [],
      owner: [],
    };
    const customers = this.db
      .prepare(
        `SELECT c.id, c.name, c.credit_code, c.unit_id, substr(c.created_at, 1, 10) AS since,
           (SELECT r.phone FROM registrations r WHERE r.customer_id = c.id AND r.phone IS NOT NULL
            ORDER BY r.id DESC LIMIT 1) AS phone
         FROM customers c`,
      )
      .raw()
      .all() as [string, string, string | null, number, string, string | null][];
    const pending = this.pendingRows(null);
    // Sized once for what is there, with room to grow before a rehash.
    s.head = new Int32Array(tableSize((customers.length + pending.length) * 5)).fill(-1);
    for (const [id, name, credit, unitId, since, phone] of customers) {
      this.add(s, {
        customerId: id,
        registrationId: null,
        unitId,
        state: 'customer',
        since,
        identity: identityName(name, regions),
        creditCode: credit,
        phone,
        alive: true,
      });
    }
    for (const row of pending) this.add(s, this.registrationEntry(row, regions));
    return s;
  }

  private pendingRows(id: number | null): RegistrationRow[] {
    const states = JSON.stringify(PENDING_STATES);
    return this.db
      .prepare(
        `SELECT id, name, credit_code AS creditCode, phone, unit_id AS unitId, state, registered_on AS since
         FROM registrations WHERE state IN (SELECT value FROM json_each(?)) AND (? IS NULL OR id = ?)`,
      )
      .all(states, id, id) as RegistrationRow[];
  }

  private registrationEntry(r: RegistrationRow, regions: readonly string[]): IndexEntry {
    return {
      customerId: null,
      registrationId: r.id,
      unitId: r.unitId,
      state: r.state,
      since: r.since,
      identity: identityName(r.name, regions),
      creditCode: r.creditCode,
      phone: r.phone,
      alive: true,
    };
  }

  private add(s: Snapshot, entry: IndexEntry): void {
    const i = s.entries.length;
    s.entries.push(entry);
    if (entry.customerId !== null) s.byCustomer.set(entry.customerId, i);
    if (entry.registrationId !== null) s.byRegistration.set(entry.registrationId, i);
    push(s.byCredit, entry.creditCode, i);
    push(s.byKey, entry.identity.key, i);
    push(s.byPhone, entry.phone, i);
    const keys = similarKeys(entry.identity);
    if (!keys) return;
    if ((s.next.length + keys.length) * 2 > s.head.length) this.rehash(s, (s.next.length + keys.length) * 4);
    for (const k of keys) this.link(s, hashKey(entry.identity.industry, k), i);
  }

  private link(s: Snapshot, hash: number, entry: number): void {
    const slot = hash & (s.head.length - 1);
    s.next.push(s.head[slot] as number);
    s.owner.push(entry);
    s.head[slot] = s.next.length - 1;
  }

  private rehash(s: Snapshot, want: number): void {
    s.head = new Int32Array(tableSize(want)).fill(-1);
    s.next = [];
    s.owner = [];
    s.entries.forEach((e, i) => {
      if (!e.alive) return;
      for (const k of similarKeys(e.identity) ?? []) this.link(s, hashKey(e.identity.industry, k), i);
    });
  }

  private retire(s: Snapshot, i: number | undefined): void {
    if (i === undefined) return;
    (s.entries[i] as IndexEntry).alive = false;
  }

  /** After a committed write of one customer (created, renamed, moved, deleted). */
  upsertCustomer(id: string): void {
    const s = this.snapshot;
    if (!s) return;
    this.retire(s, s.byCustomer.get(id));
    s.byCustomer.delete(id);
    const row = this.db
      .prepare(
        `SELECT c.name, c.credit_code AS creditCode, c.unit_id AS unitId, substr(c.created_at, 1, 10) AS since,
           (SELECT r.phone FROM registrations r WHERE r.customer_id = c.id AND r.phone IS NOT NULL
            ORDER BY r.id DESC LIMIT 1) AS phone
         FROM customers c WHERE c.id = ?`,
      )
      .get(id) as
      | { name: string; creditCode: string | null; unitId: number; since: string; phone: string | null }
      | undefined;
    if (!row) return;
    this.add(s, {
      customerId: id,
      registrationId: null,
      unitId: row.unitId,
      state: 'customer',
      since: row.since,
      identity: identityName(row.name, s.regions),
      creditCode: row.creditCode,
      phone: row.phone,
      alive: true,
    });
  }

  /** After a committed write of one registration: kept while pending, dropped otherwise. */
  upsertRegistration(id: number): void {
    const s = this.snapshot;
    if (!s) return;
    this.retire(s, s.byRegistration.get(id));
    s.byRegistration.delete(id);
    const [row] = this.pendingRows(id);
    if (row) this.add(s, this.registrationEntry(row, s.regions));
  }

  /**
   * R19a/R19b: every holder that matches, each once with its strongest reason, strongest first
   * (then oldest first). The credit code must already be valid (the schema refuses others).
   */
  check(input: ProbeInput, exclude: Exclude = {}): IndexMatch[] {
    const s = this.current();
    const probe: IdentityProbe = {
      creditCode: input.creditCode ? normaliseCreditCode(input.creditCode) : null,
      identity: identityName(input.name, s.regions),
      phone: normalisePhone(input.phone),
    };
    const candidates = new Set<number>();
    const addAll = (list: number[] | undefined) => {
      for (const i of list ?? []) candidates.add(i);
    };
    if (probe.creditCode) addAll(s.byCredit.get(probe.creditCode));
    if (probe.identity.key !== '') addAll(s.byKey.get(probe.identity.key));
    if (probe.identity.branch) addAll(s.byKey.get(probe.identity.branch.headKey));
    if (probe.phone) addAll(s.byPhone.get(probe.phone));
    const keys = similarKeys(probe.identity);
    if (keys && s.head.length > 0) {
      for (const k of keys) {
        const hash = hashKey(probe.identity.industry, k);
        for (let at = s.head[hash & (s.head.length - 1)] as number; at !== -1; at = s.next[at] as number) {
          candidates.add(s.owner[at] as number);
        }
      }
    }
    const out: IndexMatch[] = [];
    for (const i of candidates) {
      const entry = s.entries[i] as IndexEntry;
      if (!entry.alive) continue;
      if (exclude.registrationId != null && entry.registrationId === exclude.registrationId) continue;
      if (exclude.customerId != null && entry.customerId === exclude.customerId) continue;
      const c = classifyMatch(probe, entry, distance);
      // A branch is offered against a head office that is a customer (R16 branch number).
      if (!c || (c.reason === 'branch' && entry.customerId === null)) continue;
      out.push({ ...c, entry });
    }
    return out.sort(
      (a, b) =>
        reasonRank(a.reason) - reasonRank(b.reason) ||
        a.entry.since.localeCompare(b.entry.since) ||
        (a.entry.registrationId ?? 0) - (b.entry.registrationId ?? 0) ||
        (a.entry.customerId ?? '').localeCompare(b.entry.customerId ?? ''),
    );
  }

  /** Entries counted alive (tests and the bench). */
  size(): number {
    return this.current().entries.filter((e) => e.alive).length;
  }
}

interface RegistrationRow {
  id: number;
  name: string;
  creditCode: string | null;
  phone: string | null;
  unitId: number;
  state: string;
  since: string;
}

function tableSize(want: number): number {
  let n = 1024;
  while (n < want) n *= 2;
  return n;
}
