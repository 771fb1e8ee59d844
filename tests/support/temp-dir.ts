import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';

/** A `tempDir()` for the calling test file; every folder it made is removed after each test. */
export function tempDirsForTests(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}

/** A migrations folder holding exactly these files. */
export function writeMigrationsDir(parent: string, files: Record<string, string>): string {
  const dir = join(parent, 'migrations');
  mkdirSync(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(dir, name), sql, 'utf8');
  return dir;
}

/** A migrations folder holding the shipped migrations up to `version`: a database of that version. */
export function migrationsUpTo(parent: string, version: number): string {
  const source = join(__dirname, '../../electron/backend/db/migrations');
  const files: Record<string, string> = {};
  for (const f of readdirSync(source)) {
    if (Number(f.slice(0, 4)) <= version) files[f] = readFileSync(join(source, f), 'utf8');
  }
  return writeMigrationsDir(parent, files);
}
