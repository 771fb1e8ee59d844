import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BatchedInsert } from './batched-insert';

describe('BatchedInsert', () => {
  it.each([0, 1, 24, 25, 26, 77])('writes exactly %i rows, in order, whatever the remainder', (n) => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (i INTEGER PRIMARY KEY, label TEXT, amount INTEGER) STRICT');
    const insert = new BatchedInsert(db, 't', ['i', 'label', 'amount'], 25);
    for (let i = 0; i < n; i++) {
      const o = insert.offset;
      insert.args[o] = i;
      insert.args[o + 1] = `客户${i}`;
      insert.args[o + 2] = i % 3 === 0 ? null : i * 100;
      insert.push();
    }
    insert.flush();
    const rows = db.prepare('SELECT * FROM t ORDER BY i').all();
    expect(rows).toEqual(
      Array.from({ length: n }, (_, i) => ({ i, label: `客户${i}`, amount: i % 3 === 0 ? null : i * 100 })),
    );
    db.close();
  });

  it('a failing row fails the statement it is in (the caller’s transaction then rolls back)', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (i INTEGER PRIMARY KEY) STRICT');
    const insert = new BatchedInsert(db, 't', ['i'], 4);
    const run = db.transaction(() => {
      for (const i of [1, 2, 3, 3, 5]) {
        insert.args[insert.offset] = i;
        insert.push();
      }
      insert.flush();
    });
    expect(run).toThrow(/UNIQUE/);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
    db.close();
  });
});
