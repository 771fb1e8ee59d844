/**
 * DOMAIN-DECISIONS "Files read by the app": every channel that reads a file the officer names
 * (imports/preview, customers/import-preview, kam rules evaluate --policy) reads only a regular
 * file, never more than its size limit (counted while reading, since a device or /proc file has
 * stat().size 0), and answers at once for a folder, a device or a named pipe, which before grew
 * the process past 3 GiB (/dev/zero) or kept it from ever answering (a pipe).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBoundedFile } from '../../../electron/backend/imports/import-file';
import { appError } from '../../support/app-error';
import { backendsForTests } from '../../support/backends';
import { dumpTables } from '../../support/db-dump';
import { kam } from '../../support/kam';
import { tempDirsForTests } from '../../support/temp-dir';

const tempDir = tempDirsForTests('kam-bounded-');
const openBackend = backendsForTests();

function fifo(dir: string): string {
  const path = join(dir, 'pipe.xlsx');
  execFileSync('mkfifo', [path]);
  return path;
}

describe('files read by the app are bounded', () => {
  it.each([
    ['imports/preview', '/dev/zero'],
    ['customers/import-preview', '/dev/zero'],
    ['imports/preview', 'fifo'],
    ['customers/import-preview', 'fifo'],
    ['imports/preview', 'folder'],
  ] as const)('%s of %s is refused as not an ordinary file, and nothing changes', async (channel, kind) => {
    const dir = tempDir();
    const path =
      kind === 'fifo'
        ? fifo(dir)
        : kind === 'folder'
          ? (() => {
              const p = join(dir, 'folder.xlsx');
              mkdirSync(p);
              return p;
            })()
          : kind;
    const b = openBackend({ databasePath: ':memory:' });
    const before = dumpTables(b.db);
    const error = await appError(b.registry.call(channel, { path }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/不是普通文件（是文件夹、设备或管道），只能导入 Excel（\.xlsx\/\.xls）或 CSV 文件$/);
    expect(error.messageEn).toContain('is not an ordinary file');
    expect(dumpTables(b.db)).toEqual(before);
  });

  it('counts bytes while reading: a file whose size says 0 but holds more is cut at the limit', async () => {
    // /proc files are regular files with stat().size 0, like a device's zero size the check trusted.
    const error = await appError(readBoundedFile('/proc/self/maps', { maxBytes: 64, timeoutMs: 10_000 }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: '文件“maps”超过上限 0.0 MB，未导入' });
    // Within the limit it reads the whole file.
    expect(
      (await readBoundedFile('/proc/self/maps', { maxBytes: 10_000_000, timeoutMs: 10_000 })).length,
    ).toBeGreaterThan(64);
  });

  it('kam rules evaluate --policy refuses a device and a pipe', async () => {
    const dir = tempDir();
    for (const file of ['/dev/zero', fifo(dir)]) {
      const run = await kam(['rules', 'evaluate', '--policy', file], '{}');
      expect(run.code).toBe(1);
      expect(run.err).toContain(`无法读取政策文件 ${file}：`);
      expect(run.err).toContain('不是普通文件');
    }
  });
});

describe('files written by the app', () => {
  it('are never put in place of a pipe or a folder', async () => {
    const dir = tempDir();
    const pipe = fifo(dir);
    const folder = join(dir, 'folder.xlsx');
    mkdirSync(folder);
    const b = openBackend({ databasePath: ':memory:' });
    for (const path of [pipe, folder]) {
      const error = await appError(
        b.registry.call('lists/export', {
          path,
          title: '客户',
          columns: [{ title: '名称', format: 'text' }],
          rows: [['甲']],
        }),
      );
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toBe(`“${path}”不是普通文件（是文件夹、设备或管道），请换一个文件名`);
    }
    expect(statSync(pipe).isFIFO()).toBe(true);
    expect(statSync(folder).isDirectory()).toBe(true);
  });
});
