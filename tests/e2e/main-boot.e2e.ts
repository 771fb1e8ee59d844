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
const OUT_MAIN = join(ROOT, 'out', 'main');
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
function boot(singleInstanceLock = true): Booted {
  const home = tempDir();
  process.env.XDG_CONFIG_HOME = join(home, 'config');
  process.env.APPDATA = join(home, 'config');
  delete process.env.ELECTRON_RENDERER_URL;
  const appPath = join(home, 'app');
  const native = join(appPath, '.electron-native', `electron-vunknown-${process.platform}-${process.arch}`);
  mkdirSync(native, { recursive: true });
  copyFileSync(
    join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'),
    join(native, 'better_sqlite3.node'),
  );
  const electron = createFakeElectron({ singleInstanceLock, appPath, workArea: WORK_AREA_1366 });
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
    expect(o.webPreferences.nodeIntegrationInWorker ?? false).toBe(false);
    expect(o.webPreferences.webviewTag ?? false).toBe(false);
    expect(existsSync(o.webPreferences.preload as string)).toBe(true);
    expect(o.webPreferences.preload).toBe(join(ROOT, 'out', 'preload', 'index.js'));
    expect(win.loadedFile).toBe(join(ROOT, 'out', 'renderer', 'index.html'));
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
    const appPage = pathToFileURL(join(ROOT, 'out', 'renderer', 'index.html')).href;
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

  it('finds its workers and migrations beside the bundle: an import runs through all three workers', async () => {
    for (const f of ['parse-worker.cjs', 'report-worker.cjs', 'writer-worker.js']) {
      expect(existsSync(join(OUT_MAIN, f)), f).toBe(true);
    }
    const b = boot();
    const win = await readyWindow(b);
    const file = await unitWorkbook(b, win);

    // The parse worker reads the file.
    const preview = value<{ token: string; counts: { rows: number; errors: number } }>(
      await invoke(b, win, 'imports/preview', { path: file }),
    );
    // One good row to write, the bad line named as an error.
    expect(preview.counts).toMatchObject({ rows: 1, new: 1, errors: 1 });
    // The report worker writes the problem list.
    const reportPath = join(tempDir(), '问题清单.xlsx');
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

    const second = boot(false);
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
    const preview = value<{ token: string }>(
      await invoke(b, win, 'imports/preview', { path: await unitWorkbook(b, win) }),
    );
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
