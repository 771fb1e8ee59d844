/**
 * The Electron shell: one window, locked down; one IPC channel bound to the backend registry; one
 * instance per user (two processes must never write one database file); the page names only the
 * files and folders the officer chose in a dialog (./chosen-paths). Everything with logic lives in
 * the backend (plain Node) or in ./policies and ./chosen-paths (pure, tested).
 * tests/e2e/main-boot.e2e.ts loads the built bundle under plain Node with a stand-in `electron`
 * and checks all of this.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, screen, session } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/bridge';
import { isHostChannel } from '../../shared/api/host';
import { type Backend, openBackend } from '../backend';
import { backupsDirFor } from '../backend/backups/store';
import { DATABASE_FILE, defaultDataDir } from '../backend/paths';
import { ChosenPaths, pathRefusal, refusedPathField } from './chosen-paths';
import { invokeHost } from './host';
import {
  iconPath,
  isAllowedFrameNavigation,
  isAllowedNavigation,
  isPermissionAllowed,
  isTrustedSender,
  nativeBindingPath,
  rendererSource,
  windowBounds,
} from './policies';
import { printReportPdf } from './print';

// Before the lock: Electron keys the single-instance lock on the userData folder, which is where
// the database lives (the same folder the command line uses, backend/paths.ts).
app.setPath('userData', defaultDataDir());

// The dev server only in development (policies.ts rendererSource): a packaged app shows its own file.
const renderer = rendererSource({
  packaged: app.isPackaged,
  devServerUrl: process.env.ELECTRON_RENDERER_URL,
  indexHtml: join(__dirname, '../renderer/index.html'),
});
const rendererUrl = renderer.appUrl;

// What the officer picked in the host dialogs since the start: the only paths the page may name.
// Windows and macOS name one file in any letter case.
const chosenPaths = new ChosenPaths(
  { resolve, dirname },
  process.platform === 'win32' || process.platform === 'darwin',
  backupsDirFor(join(defaultDataDir(), DATABASE_FILE)),
);

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
      // A middle click on a link would otherwise open a new window (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  if (renderer.file === null) void win.loadURL(renderer.appUrl);
  else void win.loadFile(renderer.file);
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
    // will-navigate is the main frame's only; this is every frame's (an iframe a page slipped in).
    contents.on('will-frame-navigate', (details) => {
      if (!isAllowedFrameNavigation(details.url, details.isMainFrame, rendererUrl)) details.preventDefault();
    });
  });

  void app.whenReady().then(() => {
    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
      callback(isPermissionAllowed(permission)),
    );
    // Chromium also asks synchronously before it even offers some APIs to the page: the same answer.
    session.defaultSession.setPermissionCheckHandler((_wc, permission) => isPermissionAllowed(permission));
    try {
      backend = openBackend({
        databasePath: join(app.getPath('userData'), DATABASE_FILE),
        nativeBinding: nativeBinding(),
        printPdf: printReportPdf,
        // The day's first backup and the weekly full check (DOMAIN-DECISIONS "Backups").
        maintenance: true,
      });
    } catch (e) {
      dialog.showErrorBox('KAM Desk 无法启动', (e as Error).message);
      app.quit();
      return;
    }
    const opened = backend;
    ipcMain.handle(IPC_CHANNEL, async (event, channel: unknown, input: unknown) => {
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
      const refused = refusedPathField(channel, input, chosenPaths);
      if (refused !== null) return pathRefusal(refused);
      if (isHostChannel(channel)) {
        const answer = await invokeHost(channel, input, BrowserWindow.fromWebContents(event.sender));
        if (answer.ok) chosenPaths.recordDialog(channel, answer.value);
        return answer;
      }
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
