/**
 * The schema's triggers, checked on every open (DOMAIN-DECISIONS "Audit log"): another program
 * (the `sqlite3` tool) can drop the audit log's guards or a final report's freeze, write what they
 * forbid, and leave them dropped. The app compares each trigger with the migrations' definitions,
 * recreates a missing or altered one, drops one it does not know, and says so in the log.
 */
import type { Database as Db } from 'better-sqlite3';
import Database from 'better-sqlite3';
import { applyMigrations, type Migration } from '../db/migrations';

export interface TriggerRepair {
  missing: string[];
  altered: string[];
  unknown: string[];
}

type TriggerMap = ReadonlyMap<string, string>;

function triggersOf(db: Db): Map<string, string> {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as {
    name: string;
    sql: string;
  }[];
  return new Map(rows.map((r) => [r.name, r.sql]));
}

const expectedCache = new Map<string, TriggerMap>();

/** The triggers the migrations make, read from an empty in-memory database migrated once per process. */
export function expectedTriggers(known: readonly Migration[], nativeBinding?: string): TriggerMap {
  const key = known.map((m) => m.checksum).join(',');
  const cached = expectedCache.get(key);
  if (cached) return cached;
  const scratch = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  try {
    applyMigrations(scratch, [...known], new Date(0).toISOString());
    const map = triggersOf(scratch);
    expectedCache.set(key, map);
    return map;
  } finally {
    scratch.close();
  }
}

/** What differs from the expected triggers (empty lists: nothing). Reads only. */
export function compareTriggers(db: Db, expected: TriggerMap): TriggerRepair {
  const actual = triggersOf(db);
  return {
    missing: [...expected.keys()].filter((n) => !actual.has(n)),
    altered: [...expected.entries()].filter(([n, sql]) => actual.has(n) && actual.get(n) !== sql).map(([n]) => n),
    unknown: [...actual.keys()].filter((n) => !expected.has(n)),
  };
}

export function needsRepair(r: TriggerRepair): boolean {
  return r.missing.length + r.altered.length + r.unknown.length > 0;
}

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** Puts the triggers back as the migrations define them, in the caller's transaction. */
export function repairTriggers(db: Db, expected: TriggerMap, found: TriggerRepair): void {
  for (const name of [...found.altered, ...found.unknown]) db.exec(`DROP TRIGGER IF EXISTS ${quoted(name)}`);
  for (const name of [...found.missing, ...found.altered]) db.exec(expected.get(name) as string);
}
