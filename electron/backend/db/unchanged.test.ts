/** keptWhileUnchanged: an answer is reused exactly while nothing was written, its own scratch rows aside. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { keptWhileUnchanged } from './unchanged';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function open(): { file: string; db: Database.Database } {
  const dir = mkdtempSync(join(tmpdir(), 'kam-unchanged-'));
  dirs.push(dir);
  const file = join(dir, 'x.sqlite');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE t (v INTEGER)');
  db.exec('INSERT INTO t VALUES (1)');
  return { file, db };
}

describe('keptWhileUnchanged', () => {
  it('reuses the answer while nothing is written, even when the read writes scratch rows of its own', () => {
    const { db } = open();
    let reads = 0;
    const sum = keptWhileUnchanged(
      (conn, _: null) => {
        reads++;
        conn.exec('CREATE TEMP TABLE IF NOT EXISTS scratch (x INTEGER)');
        conn.exec('INSERT INTO temp.scratch VALUES (1); DELETE FROM temp.scratch');
        return conn.prepare('SELECT sum(v) FROM t').pluck().get() as number;
      },
      () => 'k',
    );
    expect(sum(db, null)).toBe(1);
    expect(sum(db, null)).toBe(1);
    expect(reads).toBe(1);
    db.exec('INSERT INTO t VALUES (2)');
    expect(sum(db, null)).toBe(3);
    expect(reads).toBe(2);
    db.close();
  });

  it('reads again when another connection committed while it read', () => {
    const { file, db } = open();
    const other = new Database(file);
    let reads = 0;
    const sum = keptWhileUnchanged(
      (conn, _: null) => {
        reads++;
        const value = conn.prepare('SELECT sum(v) FROM t').pluck().get() as number;
        // Another program commits after this read's snapshot: the answer may be stale.
        if (reads === 1) other.exec('INSERT INTO t VALUES (10)');
        return value;
      },
      () => 'k',
    );
    expect(sum(db, null)).toBe(1);
    expect(sum(db, null)).toBe(11);
    expect(reads).toBe(2);
    expect(sum(db, null)).toBe(11);
    expect(reads).toBe(2);
    other.close();
    db.close();
  });
});
