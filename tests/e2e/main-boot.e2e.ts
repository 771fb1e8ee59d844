/**
 * The main process, booted without Electron: the BUILT bundle (out/main/index.js, as electron-vite
 * makes it for the app) is loaded under plain Node with a stand-in `electron` module
 * (tests/support/fake-electron.ts). It lives with the e2e tests because `npm run test:e2e` builds
 * first: this checks the bundle of the code under test, never a stale one.
 *
 * Shown here: the hardened window and its preload on disk; the window fitting a 1366×768 screen;
 * the database created and migrated in the userData folder; the workers and migrations found
 * beside the bundle (an import runs through all three workers); `kam:invoke` answering through the
 * real registry and refusing other senders; a second instance refused and the first one focused;
 * quitting that waits for the database and leaves no write-ahead log behind.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as XLSX from 'xlsx';
import { IPC_CHANNEL } from '../../shared/api/bridge';
import {
  createFakeElectron,
  type FakeBrowserWindow,
  type FakeElectron,
  loadWithFakeElectron,
  FakeBrowserWindow as Windows,
} from '../support/fake-electron';
import { tempDirsForTests } from '../support/temp-dir';

const ROOT = resolve(__dirname, '../..');
// KAM_OUT: a build made elsewhere (electron.vite.config.ts), for parallel work on one machine.
const OUT = join(ROOT, process.env.KAM_OUT ?? 'out');
const OUT_MAIN = join(OUT, 'main');
const INDEX_HTML = join(OUT, 'renderer', 'index.html');
const BUNDLE = join(OUT_MAIN, 'index.js');
const WORK_AREA_1366 = { x: 0, y: 0, width: 1366, height: 728 }; // 1366×768 less a 40 px taskbar

const tempDir = tempDirsForTests('kam-main-boot-');

// The window appears once the database is open and migrated, which on a busy machine can take
// longer than a poll's default second.
vi.setConfig({ expect: { poll: { timeout: 20_000 } } });

interface Booted {
  electron: FakeElectron;
  userData: string;
  databasePath: string;
}

let savedEnv: NodeJS.ProcessEnv;
beforeAll(() => {
  if (!existsSync(BUNDLE)) throw new Error(`先构建：找不到 ${BUNDLE}（npm run test:e2e 会先运行 electron-vite build）`);
  savedEnv = { ...process.env };
});
afterAll(() => {
  process.env = savedEnv;
});

/**
 * A fresh "machine": a home for userData, and an app folder whose `.electron-native/` holds the
 * better-sqlite3 build this Node can load, where the shell looks for Electron's own
 * (`process.versions.electron` is undefined under Node, hence `electron-vunknown-…`).
 */
function boot(opts: { singleInstanceLock?: boolean; packaged?: boolean; rendererUrl?: string } = {}): Booted {
  const home = tempDir();
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.APPDATA = join(home, 'config');
  if (opts.rendererUrl === undefined) delete process.env.ELECTRON_RENDERER_URL;
  else process.env.ELECTRON_RENDERER_URL = opts.rendererUrl;
  const appPath = join(home, 'app');
  // Installed: the binding electron-builder unpacked beside the asar; in development: .electron-native/.
  const resourcesPath = join(home, 'resources');
  (process as { resourcesPath?: string }).resourcesPath = resourcesPath;
  const native = opts.packaged
    ? join(resourcesPath, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'build', 'Release')
    : join(appPath, '.electron-native', `electron-vunknown-${process.platform}-${process.arch}`);
  mkdirSync(native, { recursive: true });
  copyFileSync(
    join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    join(native, 'better_sqlite3.node'),
  );
  const electron = createFakeElectron({
    singleInstanceLock: opts.singleInstanceLock ?? true,
    packaged: opts.packaged ?? false,
    appPath,
    workArea: WORK_AREA_1366,
  });
  loadWithFakeElectron(BUNDLE, electron, OUT_MAIN);
  const userData = join(home, 'config', 'KAM Desk');
  return { electron, userData, databasePath: join(userData, 'kam.sqlite') };
}

async function readyWindow(b: Booted): Promise<FakeBrowserWindow> {
  b.electron.app.ready();
  await expect.poll(() => Windows.all.length).toBe(1);
  return Windows.all[0] as FakeBrowserWindow;
}

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

/** Calls the shell's one IPC handler as Electron would for a message from `frameUrl`. */
async function invoke(
  b: Booted,
  win: FakeBrowserWindow,
  channel: string,
  input: unknown,
  frame: { url: string; main: boolean } = { url: win.webContents.mainFrame.url, main: true },
): Promise<Envelope> {
  const handler = b.electron.ipcHandlers.get(IPC_CHANNEL);
  if (!handler) throw new Error('no IPC handler registered');
  const senderFrame = frame.main ? win.webContents.mainFrame : { url: frame.url };
  if (frame.main) win.webContents.mainFrame.url = frame.url;
  const event = { sender: win.webContents, senderFrame };
  return (await handler(event, channel, input)) as Envelope;
}

type DialogChannel = 'host/open-file' | 'host/save-file' | 'host/choose-folder';
const DIALOG_INPUT: Record<DialogChannel, unknown> = {
  'host/open-file': { title: '选择要导入的文件', filters: [{ name: 'Excel 工作簿', extensions: ['xlsx'] }] },
  'host/save-file': { title: '保存', defaultName: '问题清单.xlsx', filters: [] },
  'host/choose-folder': { title: '选择保存模板的文件夹' },
};

/** The page opens a native dialog through `channel`; the officer picks `paths` (none: cancels). */
async function choose(b: Booted, win: FakeBrowserWindow, channel: DialogChannel, paths: string[]): Promise<Envelope> {
  b.electron.dialogAnswers.push(paths);
  return invoke(b, win, channel, DIALOG_INPUT[channel]);
}

async function quit(b: Booted): Promise<void> {
  b.electron.app.quit();
  await expect.poll(() => b.electron.app.quitted, { timeout: 30_000 }).toBe(true);
}

function value<T>(r: Envelope): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

/** A customer, and a unit's workbook for it: one good row and one with an unknown line. */
async function unitWorkbook(b: Booted, win: FakeBrowserWindow): Promise<string> {
  const units = value<{ id: number; code: string }[]>(await invoke(b, win, 'units/list', {}));
  const unitId = units.find((u) => u.code === '440515')?.id;
  const customer = value<{ id: string }>(
    await invoke(b, win, 'customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId }),
  ).id;
  const file = join(tempDir(), '澄海分局2026年10月.xlsx');
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([
      ['客户ID', '月份', '业务种类', '收入(元)'],
      [customer, '2026-10', '函件', 1200],
      [customer, '2026-10', '不存在的业务', 5],
    ]),
    '收入明细',
  );
  writeFileSync(file, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return file;
}

describe('the built main process under a stand-in electron', () => {
  it('opens one hardened window that fits a 1366×768 screen, its preload and page on disk', async () => {
    const b = boot();
    expect(b.electron.app.lockRequested).toBe(true);
    const win = await readyWindow(b);
    const o = win.options as {
      width: number;
      height: number;
      x: number;
      y: number;
      minWidth: number;
      minHeight: number;
      webPreferences: Record<string, unknown>;
    };
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    // Middle-click opens no window (Electronegativity AUXCLICK_JS_CHECK).
    expect(o.webPreferences.disableBlinkFeatures).toBe('Auxclick');
    expect(o.webPreferences.nodeIntegrationInWorker ?? false).toBe(false);
    expect(o.webPreferences.webviewTag ?? false).toBe(false);
    expect(existsSync(o.webPreferences.preload as string)).toBe(true);
    expect(o.webPreferences.preload).toBe(join(OUT, 'preload', 'index.js'));
    expect(win.loadedFile).toBe(INDEX_HTML);
    expect(existsSync(win.loadedFile as string)).toBe(true);
    // Inside the work area, so no edge or button is under the taskbar or off screen.
    expect(o.x).toBeGreaterThanOrEqual(0);
    expect(o.y).toBeGreaterThanOrEqual(0);
    expect(o.x + o.width).toBeLessThanOrEqual(1366);
    expect(o.y + o.height).toBeLessThanOrEqual(728);
    expect(o.minWidth).toBeLessThanOrEqual(o.width);
    expect(o.minHeight).toBeLessThanOrEqual(o.height);
    // Shown when ready (no white flash), not before.
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
    // Pop-ups denied; navigation away from the app prevented; no web permission granted.
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    let prevented = false;
    win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://example.com/');
    expect(prevented).toBe(true);
    const permissions: boolean[] = [];
    b.electron.permissionHandler?.(win.webContents, 'media', (allowed) => permissions.push(allowed));
    expect(permissions).toEqual([false]);
    // Chromium's synchronous permission checks are answered no as well (it asks before some APIs
    // even offer themselves to the page).
    const check = b.electron.permissionCheckHandler;
    expect(check).not.toBeNull();
    const appOrigin = 'file:///';
    for (const p of ['media', 'clipboard-read', 'clipboard-sanitized-write', 'notifications', 'hid', 'serial', 'usb']) {
      expect(check?.(win.webContents, p, appOrigin, { isMainFrame: true }), p).toBe(false);
    }
    // A frame (the main one or a sub-frame) navigating away is stopped; a hash route is not.
    const frameNavigation = (url: string, isMainFrame: boolean): boolean => {
      let stopped = false;
      win.webContents.emit('will-frame-navigate', { url, isMainFrame, preventDefault: () => (stopped = true) });
      return stopped;
    };
    expect(frameNavigation('https://example.com/', false)).toBe(true);
    expect(frameNavigation('https://example.com/', true)).toBe(true);
    expect(frameNavigation('file:///tmp/invoice.html', false)).toBe(true);
    expect(frameNavigation(`${pathToFileURL(INDEX_HTML).href}#/customers`, true)).toBe(false);
    // The report's print preview: markup the page writes into a sandboxed iframe.
    expect(frameNavigation('about:srcdoc', false)).toBe(false);
    expect(frameNavigation('about:srcdoc', true)).toBe(true);
    await quit(b);
  });

  it('creates and migrates the database in the userData folder; kam:invoke answers through the registry', async () => {
    const b = boot();
    expect(existsSync(b.databasePath)).toBe(false);
    const win = await readyWindow(b);
    expect(b.electron.errorBoxes).toEqual([]);
    expect(existsSync(b.databasePath)).toBe(true);

    const migrations = readdirSync(join(OUT_MAIN, 'migrations')).filter((f) => f.endsWith('.sql'));
    expect(migrations.length).toBeGreaterThanOrEqual(6);
    const info = value<{ databasePath: string; schemaVersion: number }>(await invoke(b, win, 'app/info', {}));
    expect(info.databasePath).toBe(b.databasePath);
    expect(info.schemaVersion).toBe(migrations.length);

    const units = value<{ id: number; code: string }[]>(await invoke(b, win, 'units/list', {}));
    const unitId = units.find((u) => u.code === '440515')?.id;
    expect(unitId).toBeDefined();
    const created = value<{ id: string }>(
      await invoke(b, win, 'customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId }),
    );
    const found = value<{ total: number; rows: { id: string; name: string }[] }>(
      await invoke(b, win, 'customers/list', { search: '宏达' }),
    );
    expect(found.total).toBe(1);
    expect(found.rows.map((r) => [r.id, r.name])).toEqual([[created.id, '汕头市宏达电子有限公司']]);

    // A validation error crosses as an envelope, not an exception.
    const bad = await invoke(b, win, 'customers/list', { search: 'x'.repeat(61) });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '输入有误：搜索内容不能超过 60 个字' },
    });
    await quit(b);
  });

  it('refuses kam:invoke from any frame but the app page’s top frame', async () => {
    const b = boot();
    const win = await readyWindow(b);
    const appPage = pathToFileURL(INDEX_HTML).href;
    const refused = {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: '拒绝来自非本程序页面的请求',
        messageEn: 'Refused: the request did not come from this program’s pages',
      },
    };
    expect(await invoke(b, win, 'app/info', {}, { url: 'https://example.com/', main: true })).toEqual(refused);
    expect(await invoke(b, win, 'app/info', {}, { url: 'file:///tmp/invoice.html', main: true })).toEqual(refused);
    expect(await invoke(b, win, 'app/info', {}, { url: appPage, main: false })).toEqual(refused);
    expect(await invoke(b, win, 'app/info', {}, { url: `${appPage}#/customers`, main: true })).toMatchObject({
      ok: true,
    });
    await quit(b);
  });

  it('a packaged app shows its own page, whatever ELECTRON_RENDERER_URL says, and trusts no other', async () => {
    const b = boot({ packaged: true, rendererUrl: 'https://evil.example/' });
    const win = await readyWindow(b);
    expect(b.electron.errorBoxes).toEqual([]);
    expect(win.loadedUrl).toBeNull();
    expect(win.loadedFile).toBe(INDEX_HTML);
    expect(await invoke(b, win, 'app/info', {}, { url: 'https://evil.example/', main: true })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    let prevented = false;
    win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, 'https://evil.example/');
    expect(prevented).toBe(true);
    expect(await invoke(b, win, 'app/info', {}, { url: pathToFileURL(INDEX_HTML).href, main: true })).toMatchObject({
      ok: true,
    });
    await quit(b);
  });

  it('in development it shows the dev server ELECTRON_RENDERER_URL names, on this machine only', async () => {
    const dev = boot({ rendererUrl: 'http://localhost:5173' });
    const win = await readyWindow(dev);
    expect(win.loadedUrl).toBe('http://localhost:5173');
    expect(win.loadedFile).toBeNull();
    expect(await invoke(dev, win, 'app/info', {}, { url: 'http://localhost:5173/#/units', main: true })).toMatchObject({
      ok: true,
    });
    await quit(dev);

    const remote = boot({ rendererUrl: 'https://evil.example/' });
    const own = await readyWindow(remote);
    expect(own.loadedUrl).toBeNull();
    expect(own.loadedFile).toBe(INDEX_HTML);
    await quit(remote);
  });

  it('the page names only files and folders the officer chose in a dialog since the start', async () => {
    const b = boot();
    const win = await readyWindow(b);
    const file = await unitWorkbook(b, win);
    const forbidden = (field: string) => ({ ok: false, error: { code: 'FORBIDDEN', details: { field } } });

    // Reading: a file never chosen is refused before anything reads it; a cancelled dialog chooses nothing.
    expect(await invoke(b, win, 'imports/preview', { path: file })).toMatchObject(forbidden('path'));
    expect(await invoke(b, win, 'customers/import-preview', { path: file })).toMatchObject(forbidden('path'));
    expect(value(await choose(b, win, 'host/open-file', []))).toEqual({ paths: [] });
    expect(await invoke(b, win, 'imports/preview', { path: file })).toMatchObject(forbidden('path'));
    const refused = await invoke(b, win, 'imports/preview', { path: '/etc/passwd' });
    expect(refused).toMatchObject({
      error: {
        message: '拒绝访问：本程序只使用您在对话框中选择的文件或文件夹，请重新选择',
        messageEn: expect.stringMatching(/^Refused: /),
      },
    });
    expect(JSON.stringify(refused)).not.toContain('/etc/passwd');

    expect(value(await choose(b, win, 'host/open-file', [file]))).toEqual({ paths: [file] });
    expect(b.electron.dialogs.at(-1)?.kind).toBe('open');
    const preview = value<{ token: string }>(await invoke(b, win, 'imports/preview', { path: file }));
    // The chosen file is for reading: it cannot be written over.
    expect(await invoke(b, win, 'imports/error-report', { token: preview.token, path: file })).toMatchObject(
      forbidden('path'),
    );

    // Writing: only where the officer chose to save.
    const dir = tempDir();
    const report = join(dir, '问题清单.xlsx');
    expect(await invoke(b, win, 'imports/error-report', { token: preview.token, path: report })).toMatchObject(
      forbidden('path'),
    );
    expect(existsSync(report)).toBe(false);
    // The bytes back (no file) need no dialog.
    expect(await invoke(b, win, 'imports/error-report', { token: preview.token, path: null })).toMatchObject({
      ok: true,
    });
    value(await choose(b, win, 'host/save-file', [report]));
    value(await invoke(b, win, 'imports/error-report', { token: preview.token, path: report }));
    expect(existsSync(report)).toBe(true);
    const list = { title: '客户', columns: [{ title: '名称' }], rows: [['宏达']] };
    expect(await invoke(b, win, 'lists/export', { ...list, path: join(dir, '客户.xlsx') })).toMatchObject(
      forbidden('path'),
    );
    expect(existsSync(join(dir, '客户.xlsx'))).toBe(false);

    // A folder: the templates are written into the chosen one, and nowhere else.
    const folder = join(tempDir(), '模板');
    const templates = { period: '2026-10', unitCode: '440515' };
    expect(await invoke(b, win, 'templates/generate', { ...templates, outDir: folder })).toMatchObject(
      forbidden('outDir'),
    );
    expect(existsSync(folder)).toBe(false);
    value(await choose(b, win, 'host/choose-folder', [folder]));
    const written = value<{ files: { path: string }[] }>(
      await invoke(b, win, 'templates/generate', { ...templates, outDir: folder }),
    );
    expect(written.files.length).toBe(1);
    expect(await invoke(b, win, 'templates/generate', { ...templates, outDir: join(folder, 'sub') })).toMatchObject(
      forbidden('outDir'),
    );
    // A file directly in the chosen folder may be written (and shown).
    value(await invoke(b, win, 'lists/export', { ...list, path: join(folder, '客户.xlsx') }));
    expect(existsSync(join(folder, '客户.xlsx'))).toBe(true);

    // Shown in the file manager: what was chosen or written there, nothing else.
    const templateFile = written.files[0]?.path as string;
    expect(value(await invoke(b, win, 'host/show-in-folder', { path: templateFile }))).toEqual({ ok: true });
    expect(value(await invoke(b, win, 'host/show-in-folder', { path: report }))).toEqual({ ok: true });
    expect(await invoke(b, win, 'host/show-in-folder', { path: '/etc' })).toMatchObject(forbidden('path'));
    expect(b.electron.shownInFolder).toEqual([templateFile, report]);
    await quit(b);
  });

  it('finds its workers and migrations beside the bundle: an import runs through all three workers', async () => {
    for (const f of ['parse-worker.cjs', 'report-worker.cjs', 'writer-worker.js']) {
      expect(existsSync(join(OUT_MAIN, f)), f).toBe(true);
    }
    const b = boot();
    const win = await readyWindow(b);
    const file = await unitWorkbook(b, win);
    value(await choose(b, win, 'host/open-file', [file]));

    // The parse worker reads the file.
    const preview = value<{ token: string; counts: { rows: number; errors: number } }>(
      await invoke(b, win, 'imports/preview', { path: file }),
    );
    // One good row to write, the bad line named as an error.
    expect(preview.counts).toMatchObject({ rows: 1, new: 1, errors: 1 });
    // The report worker writes the problem list.
    const reportPath = join(tempDir(), '问题清单.xlsx');
    value(await choose(b, win, 'host/save-file', [reportPath]));
    value(await invoke(b, win, 'imports/error-report', { token: preview.token, path: reportPath }));
    const report = XLSX.read(readFileSync(reportPath));
    expect(report.SheetNames.length).toBeGreaterThan(0);
    // The writer worker commits it on its own connection.
    const batch = value<{ id: number; created: number }>(
      await invoke(b, win, 'imports/commit', { token: preview.token, excludeErrorRows: true }),
    );
    expect(batch.created).toBe(1);
    await quit(b);
    const db = new Database(b.databasePath, { readonly: true });
    try {
      expect(db.prepare("SELECT count(*) FROM revenue WHERE source_kind = 'import'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('a second instance quits without touching the database, and the first window comes forward', async () => {
    const first = boot();
    const win = await readyWindow(first);
    win.minimize();
    const firstElectron = first.electron;

    const second = boot({ singleInstanceLock: false });
    expect(second.electron.app.lockRequested).toBe(true);
    expect(second.electron.app.quitted).toBe(true);
    second.electron.app.ready();
    await Promise.resolve();
    expect(second.electron.ipcHandlers.size).toBe(0);
    expect(existsSync(second.databasePath)).toBe(false);

    // Electron tells the first instance; it restores and focuses its window.
    firstElectron.app.emit('second-instance', {}, ['KAM Desk.exe'], process.cwd());
    expect(win.calls.slice(-3)).toEqual(['restore', 'show', 'focus']);
    expect(win.isMinimized()).toBe(false);
    await quit(first);
  });

  it('quitting closes the database cleanly: writer thread ended, log checkpointed, no -wal left', async () => {
    const b = boot();
    const win = await readyWindow(b);
    const units = value<{ id: number; code: string }[]>(await invoke(b, win, 'units/list', {}));
    const unitId = units.find((u) => u.code === '440515')?.id;
    for (let i = 0; i < 30; i++) {
      value(
        await invoke(b, win, 'customers/create', { name: `汕头市第${i + 1}贸易有限公司`, areaCode: '440515', unitId }),
      );
    }
    // An import commit starts the writer thread: its connection must end before the log can go.
    const file = await unitWorkbook(b, win);
    value(await choose(b, win, 'host/open-file', [file]));
    const preview = value<{ token: string }>(await invoke(b, win, 'imports/preview', { path: file }));
    value(await invoke(b, win, 'imports/commit', { token: preview.token, excludeErrorRows: true }));
    const wal = `${b.databasePath}-wal`;
    expect(existsSync(wal) && statSync(wal).size > 0).toBe(true);

    // Closing the last window quits; the quit waits for the database before it completes.
    win.close();
    expect(b.electron.app.quitRequests).toBeGreaterThanOrEqual(1);
    await expect.poll(() => b.electron.app.quitted, { timeout: 30_000 }).toBe(true);
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    const db = new Database(b.databasePath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(31);
      expect(db.prepare("SELECT count(*) FROM revenue WHERE source_kind = 'import'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });
});
