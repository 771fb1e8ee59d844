/**
 * The Electron shell: one window, locked down; one IPC channel bound to the backend registry; one
 * instance per user (two processes must never write one database file). Everything with logic
 * lives in the backend (plain Node) or in ./policies (pure, tested). tests/e2e/main-boot.e2e.ts
 * loads the built bundle under plain Node with a stand-in `electron` and checks all of this.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, screen, session } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/bridge';
import { isHostChannel } from '../../shared/api/host';
import { type Backend, openBackend } from '../backend';
import { DATABASE_FILE, defaultDataDir } from '../backend/paths';
import { invokeHost } from './host';
import {
  iconPath,
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSender,
  nativeBindingPath,
  windowBounds,
} from './policies';
import { printReportPdf } from './print';

// Before the lock: Electron keys the single-instance lock on the userData folder, which is where
// the database lives (the same folder the command line uses, backend/paths.ts).
app.setPath('userData', defaultDataDir());

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;

let backend: Backend | null = null;
let mainWindow: BrowserWindow | null = null;

function nativeBinding(): string {
  const path = nativeBindingPath({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron ?? 'unknown',
    platform: process.platform,
    arch: process.arch,
    join,
  });
  if (!existsSync(path)) {
    throw new Error(
      `找不到适用于 Electron 的 better-sqlite3 模块：${path}\n请在项目目录运行 “node scripts/prepare-electron-sqlite.mjs”（需要联网一次）。`,
    );
  }
  return path;
}

function createWindow(): BrowserWindow {
  const bounds = windowBounds(screen.getPrimaryDisplay().workArea);
  const icon = iconPath({
    packaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    join,
  });
  const win = new BrowserWindow({
    ...bounds,
    title: 'KAM Desk 大客户营销管理',
    show: false,
    ...(existsSync(icon) ? { icon } : {}),
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(rendererUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
  return win;
}

function start(): void {
  app.on('second-instance', () => {
    // The officer started the app again (a second shortcut, a double click): show the one running.
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
    });
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
      callback(isPermissionAllowed(permission)),
    );
    try {
      backend = openBackend({
        databasePath: join(app.getPath('userData'), DATABASE_FILE),
        nativeBinding: nativeBinding(),
        printPdf: printReportPdf,
      });
    } catch (e) {
      dialog.showErrorBox('KAM Desk 无法启动', (e as Error).message);
      app.quit();
      return;
    }
    const opened = backend;
    ipcMain.handle(IPC_CHANNEL, (event, channel: unknown, input: unknown) => {
      const frame = event.senderFrame;
      const isMain = frame !== null && frame === event.sender.mainFrame;
      if (!isTrustedSender(frame?.url, isMain, rendererUrl)) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: '拒绝来自非本程序页面的请求',
            messageEn: 'Refused: the request did not come from this program’s pages',
          },
        };
      }
      if (isHostChannel(channel)) return invokeHost(channel, input, BrowserWindow.fromWebContents(event.sender));
      return opened.registry.invoke(channel, input);
    });
    mainWindow = createWindow();
  });

  app.on('window-all-closed', () => app.quit());

  // Quitting waits for the database: the writer thread ends, the log is checkpointed into the file,
  // the connection closes; then the app quits for real.
  app.on('will-quit', (event) => {
    const closing = backend;
    if (!closing) return;
    backend = null;
    event.preventDefault();
    closing
      .close()
      .catch((e: unknown) => console.error('关闭数据库时出错 / closing the database failed:', e))
      .finally(() => app.quit());
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
