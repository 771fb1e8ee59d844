import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { asarUnpackedPath, preferUnpacked } from './unpacked';

describe('asarUnpackedPath', () => {
  it.each([
    [
      '/opt/kam-desk/resources/app.asar/out/main/parse-worker.cjs',
      '/opt/kam-desk/resources/app.asar.unpacked/out/main/parse-worker.cjs',
    ],
    [
      'C:\\Users\\王\\AppData\\Local\\Programs\\KAM Desk\\resources\\app.asar\\out\\main\\writer-worker.js',
      'C:\\Users\\王\\AppData\\Local\\Programs\\KAM Desk\\resources\\app.asar.unpacked\\out\\main\\writer-worker.js',
    ],
    // Mixed separators (path.join on Windows after a forward-slash __dirname) keep each one as is.
    ['C:/KAM/resources/app.asar\\out\\main\\migrations', 'C:/KAM/resources/app.asar.unpacked\\out\\main\\migrations'],
    // The archive itself, and a relative path starting with it.
    ['/opt/kam/resources/app.asar', '/opt/kam/resources/app.asar.unpacked'],
    ['app.asar/out/main', 'app.asar.unpacked/out/main'],
    // Only the first archive segment is swapped.
    ['/a/app.asar/b/app.asar/c', '/a/app.asar.unpacked/b/app.asar/c'],
  ])('%s → %s', (path, expected) => {
    expect(asarUnpackedPath(path)).toBe(expected);
  });

  it.each([
    // Development and tests: no archive.
    '/work/main/out/main/parse-worker.cjs',
    'D:\\src\\kam-desk\\out\\main\\writer-worker.js',
    // Already unpacked: nothing to swap (and never app.asar.unpacked.unpacked).
    '/opt/kam/resources/app.asar.unpacked/out/main/parse-worker.cjs',
    'C:\\KAM\\resources\\app.asar.unpacked\\out\\main',
    // `app.asar` as part of another folder's name is not the archive.
    '/home/u/my-app.asar/out/main',
    '/home/u/app.asar-backup/out/main',
    '/home/u/app.asarx/out/main',
    'C:\\Projects\\webapp.asar\\out\\main',
    '/home/u/app_asar/out/main',
    '',
  ])('%s has no app.asar segment', (path) => {
    expect(asarUnpackedPath(path)).toBeNull();
  });
});

describe('preferUnpacked', () => {
  const packaged = '/opt/kam/resources/app.asar/out/main/report-worker.cjs';
  const unpacked = '/opt/kam/resources/app.asar.unpacked/out/main/report-worker.cjs';

  it('takes the unpacked twin when it exists', () => {
    expect(preferUnpacked(packaged, (p) => p === unpacked)).toBe(unpacked);
  });

  it('keeps the archive path when nothing was unpacked (Electron can still read it)', () => {
    expect(preferUnpacked(packaged, () => false)).toBe(packaged);
  });

  it('does not even look when the path is outside an archive', () => {
    const seen: string[] = [];
    const path = '/work/main/out/main/report-worker.cjs';
    expect(
      preferUnpacked(path, (p) => {
        seen.push(p);
        return true;
      }),
    ).toBe(path);
    expect(seen).toEqual([]);
  });

  describe('on disk (the default existence check)', () => {
    const root = mkdtempSync(join(tmpdir(), 'kam-unpacked-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('finds a real app.asar.unpacked folder beside a stand-in archive', () => {
      mkdirSync(join(root, 'resources', 'app.asar.unpacked', 'out', 'main', 'migrations'), { recursive: true });
      writeFileSync(join(root, 'resources', 'app.asar'), 'not really an archive');
      const inArchive = join(root, 'resources', 'app.asar', 'out', 'main', 'migrations');
      expect(preferUnpacked(inArchive)).toBe(join(root, 'resources', 'app.asar.unpacked', 'out', 'main', 'migrations'));
      const notUnpacked = join(root, 'resources', 'app.asar', 'out', 'main', 'parse-worker.cjs');
      expect(preferUnpacked(notUnpacked)).toBe(notUnpacked);
    });
  });
});
