import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChosenPaths, pathRefusal, refusedPathField } from './chosen-paths';

function windows(): ChosenPaths {
  const c = new ChosenPaths(win32, true);
  c.recordDialog('host/open-file', { paths: ['C:\\Users\\officer\\Desktop\\澄海分局2026年10月.xlsx', 'D:\\u\\b.csv'] });
  c.recordDialog('host/save-file', { path: 'C:\\Users\\officer\\Documents\\报表6-1.xlsx' });
  c.recordDialog('host/choose-folder', { path: 'E:\\模板\\2026-10' });
  return c;
}

describe('ChosenPaths (Windows paths)', () => {
  const c = windows();
  it.each([
    ['read', 'C:\\Users\\officer\\Desktop\\澄海分局2026年10月.xlsx', true, 'the opened file'],
    ['read', 'c:\\users\\OFFICER\\desktop\\澄海分局2026年10月.XLSX', true, 'in another letter case'],
    ['read', 'C:\\Users\\officer\\Desktop\\..\\Desktop\\澄海分局2026年10月.xlsx', true, 'through ..'],
    ['read', 'C:/Users/officer/Desktop/澄海分局2026年10月.xlsx', true, 'with forward slashes'],
    ['read', 'D:\\u\\b.csv', true, 'the second of several picked together'],
    ['read', 'C:\\Users\\officer\\Desktop\\other.xlsx', false, 'a file beside it'],
    ['read', 'C:\\Windows\\System32\\config\\SAM', false, 'a system file'],
    ['read', 'C:\\Users\\officer\\Documents\\报表6-1.xlsx', false, 'the saved file: written, not read'],
    ['read', 'E:\\模板\\2026-10\\x.xlsx', false, 'a file in the chosen folder: written, not read'],
    ['read', '\\\\fileserver\\share\\a.xlsx', false, 'a network share'],
    ['write', 'C:\\Users\\officer\\Documents\\报表6-1.xlsx', true, 'the saved file'],
    ['write', 'E:\\模板\\2026-10\\440515 澄海分局 2026-10.xlsx', true, 'a file directly in the chosen folder'],
    ['write', 'e:\\模板\\2026-10\\a.xlsx', true, 'the folder in another letter case'],
    ['write', 'E:\\模板\\2026-10\\sub\\a.xlsx', false, 'a file in a folder under it'],
    ['write', 'E:\\模板\\2026-10\\..\\a.xlsx', false, 'a file climbing out of it'],
    ['write', 'E:\\模板\\2026-10', false, 'the folder itself as a file'],
    ['write', 'C:\\Users\\officer\\Desktop\\澄海分局2026年10月.xlsx', false, 'the opened file: read, not written'],
    ['write', 'C:\\Users\\officer\\Documents\\报表6-2.xlsx', false, 'another name beside the saved file'],
    ['write', 'C:\\Users\\officer\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\x.xlsx', false, 'elsewhere'],
    ['folder', 'E:\\模板\\2026-10', true, 'the chosen folder'],
    ['folder', 'E:\\模板\\2026-10\\', true, 'with a trailing separator'],
    ['folder', 'E:\\模板', false, 'its parent'],
    ['folder', 'E:\\模板\\2026-10\\sub', false, 'a folder under it'],
    ['folder', 'C:\\Users\\officer\\Desktop', false, 'the opened file’s folder'],
    ['reveal', 'C:\\Users\\officer\\Desktop\\澄海分局2026年10月.xlsx', true, 'the opened file'],
    ['reveal', 'C:\\Users\\officer\\Documents\\报表6-1.xlsx', true, 'the saved file'],
    ['reveal', 'E:\\模板\\2026-10', true, 'the chosen folder'],
    ['reveal', 'E:\\模板\\2026-10\\440515.xlsx', true, 'a template written into it'],
    ['reveal', 'C:\\Windows\\System32\\calc.exe', false, 'anything else'],
  ] as const)('%s %s → %s (%s)', (use, path, allowed, _why) => {
    expect(c.allows(use, path)).toBe(allowed);
  });

  it('a drive root chosen as the folder allows the files on it, not the root as a file', () => {
    const r = new ChosenPaths(win32, true);
    r.recordDialog('host/choose-folder', { path: 'F:\\' });
    expect(r.allows('write', 'F:\\a.xlsx')).toBe(true);
    expect(r.allows('write', 'F:\\')).toBe(false);
    expect(r.allows('folder', 'F:\\')).toBe(true);
  });
});

describe('ChosenPaths (POSIX paths)', () => {
  it('is case-sensitive where the file system is', () => {
    const c = new ChosenPaths(posix, false);
    c.recordDialog('host/open-file', { paths: ['/home/officer/a.xlsx'] });
    expect(c.allows('read', '/home/officer/a.xlsx')).toBe(true);
    expect(c.allows('read', '/home/officer/A.xlsx')).toBe(false);
    expect(c.allows('read', '/home/officer//./a.xlsx')).toBe(true);
  });

  it('records nothing for a cancelled or malformed dialog answer', () => {
    const c = new ChosenPaths(posix, false);
    c.recordDialog('host/open-file', { paths: [] });
    c.recordDialog('host/save-file', { path: null });
    c.recordDialog('host/choose-folder', { path: '' });
    c.recordDialog('host/open-file', { paths: [42, '', null] });
    c.recordDialog('host/open-file', null);
    c.recordDialog('host/show-in-folder', { path: '/etc/passwd' });
    c.recordDialog('imports/preview', { path: '/etc/passwd' });
    // A cwd-relative path is not chosen by an empty answer either.
    for (const use of ['read', 'write', 'folder', 'reveal'] as const) {
      expect(c.allows(use, '/etc/passwd')).toBe(false);
      expect(c.allows(use, process.cwd())).toBe(false);
    }
  });

  it('restores a copy from the database’s backups folder, and only from there, without a dialog', () => {
    const c = new ChosenPaths(posix, false, '/home/officer/.kam/backups');
    const copy = '/home/officer/.kam/backups/kam-20261206-040000-000-manual.sqlite';
    expect(c.allows('backup', copy)).toBe(true);
    expect(c.allows('reveal', copy)).toBe(true);
    expect(c.allows('backup', '/home/officer/.kam/backups/../kam.sqlite')).toBe(false);
    expect(c.allows('backup', '/home/officer/.kam/backups/sub/x.sqlite')).toBe(false);
    expect(c.allows('backup', '/tmp/other.sqlite')).toBe(false);
    expect(c.allows('write', copy)).toBe(false);
    // A copy elsewhere (a USB drive) once opened in the dialog.
    c.recordDialog('host/open-file', { paths: ['/media/usb/kam-copy.sqlite'] });
    expect(c.allows('backup', '/media/usb/kam-copy.sqlite')).toBe(true);
    expect(new ChosenPaths(posix, false).allows('backup', copy)).toBe(false);
  });

  it('nothing is allowed before any dialog', () => {
    const c = new ChosenPaths(posix, false);
    expect(c.allows('read', '/home/officer/a.xlsx')).toBe(false);
    expect(c.allows('reveal', '/')).toBe(false);
  });
});

describe('refusedPathField', () => {
  const c = windows();
  const opened = 'C:\\Users\\officer\\Desktop\\澄海分局2026年10月.xlsx';
  const saved = 'C:\\Users\\officer\\Documents\\报表6-1.xlsx';
  it.each([
    ['imports/preview', { path: opened }, null],
    ['imports/preview', { path: `  ${opened}  ` }, null], // trimmed as the schema trims it
    ['imports/preview', { path: opened, next: 'D:\\u\\b.csv' }, null],
    ['imports/preview', { path: opened, next: 'C:\\secret.xlsx' }, 'next'],
    ['imports/preview', { path: 'C:\\Windows\\win.ini' }, 'path'],
    ['imports/preview', { path: saved }, 'path'],
    ['customers/import-preview', { path: 'C:\\a.xlsx' }, 'path'],
    ['customers/import-template', { path: saved }, null],
    ['customers/import-template', { path: opened }, 'path'],
    ['imports/error-report', { token: 't', path: saved }, null],
    ['imports/error-report', { token: 't', path: null }, null], // the bytes back: no file
    ['imports/error-report', { token: 't' }, null],
    ['imports/error-report', { token: 't', path: 'C:\\Users\\officer\\Startup\\x.xlsx' }, 'path'],
    ['exports/build', { form: '6-1', period: '2026-10', path: saved }, null],
    ['exports/build', { form: '6-1', period: '2026-10', path: 'C:\\x.xlsx' }, 'path'],
    ['lists/export', { path: 'E:\\模板\\2026-10\\list.xlsx' }, null],
    ['lists/export', { path: 'C:\\x.xlsx' }, 'path'],
    ['templates/generate', { period: '2026-10', outDir: 'E:\\模板\\2026-10' }, null],
    ['templates/generate', { period: '2026-10', outDir: 'C:\\Windows' }, 'outDir'],
    ['reports/export', { id: 1, format: 'pdf', path: 'C:\\x.pdf' }, 'path'],
    ['reports/export-month', { period: '2026-10', format: 'pdf', path: 'C:\\x.pdf' }, 'path'],
    ['host/show-in-folder', { path: 'E:\\模板\\2026-10\\440515.xlsx' }, null],
    ['host/show-in-folder', { path: 'C:\\Windows\\System32' }, 'path'],
    // Left to validation: blank, or not text.
    ['imports/preview', { path: '   ' }, null],
    ['imports/preview', { path: 42 }, null],
    ['imports/preview', 'C:\\Windows\\win.ini', null],
    ['imports/preview', null, null],
    // Channels without paths, and names that are not channels.
    ['customers/list', { search: 'C:\\Windows\\win.ini' }, null],
    ['__proto__', { path: 'C:\\Windows\\win.ini' }, null],
  ] as const)('%s %j → %s', (channel, input, refused) => {
    expect(refusedPathField(channel, input, c)).toBe(refused);
  });

  it('a channel that is not a string is left to the registry', () => {
    expect(refusedPathField(42, { path: 'C:\\x' }, c)).toBeNull();
  });

  it('the refusal names the field and does not echo the path', () => {
    expect(pathRefusal('outDir')).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: '拒绝访问：本程序只使用您在对话框中选择的文件或文件夹，请重新选择',
        messageEn: 'Refused: the program uses only the files and folders you chose in a dialog. Choose it again.',
        details: { field: 'outDir' },
      },
    });
  });
});
