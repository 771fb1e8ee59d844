import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBackend } from '../../../electron/backend';
import { defaultMigrationsDir, loadMigrations } from '../../../electron/backend/db/migrations';
import { APP_VERSION } from '../../../electron/backend/version';

const SHIPPED = loadMigrations(defaultMigrationsDir()).length;

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('APP_VERSION', () => {
  it('equals package.json’s version', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(APP_VERSION).toBe(pkg.version);
  });

  it('is what app/info reports, with the schema and policy versions and the local date', async () => {
    const b = openBackend({ databasePath: ':memory:', now: () => new Date(2026, 10, 10, 9, 0, 0) });
    try {
      expect(await b.registry.call('app/info', {})).toEqual({
        version: pkg.version,
        databasePath: ':memory:',
        schemaVersion: SHIPPED,
        today: '2026-11-10',
        policyVersion: 1,
      });
    } finally {
      b.close();
    }
  });
});
