/**
 * The Electron shell: one window, locked down; one IPC channel bound to the backend registry.
 * Everything with logic lives in the backend (plain Node) or in ./policies (pure, tested).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { IPC_CHANNEL } from '../../shared/api/bridge';
import { isHostChannel } from '../../shared/api/host';
import { type Backend, openBackend } from '../backend';
import { DATABASE_FILE, defaultDataDir } from '../backend/paths';
import { invokeHost } from './host';
import { isAllowedNavigation, isPermissionAllowed, isTrustedSender, nativeBindingPath } from './policies';

app.setPath('userData', defaultDataDir());

const rendererUrl = process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(__dirname, '../renderer/index.html')).href;

let backend: Backend | null = null;

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

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'KAM Desk 大客户营销管理',
    show: false,
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
  if (process.env.ELECTRON_RENDERER_URL) void win.loadURL(rendererUrl);
  else void win.loadFile(join(__dirname, '../renderer/index.html'));
}

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, rendererUrl)) event.preventDefault();
  });
});

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(isPermissionAllowed(permission)),
  );
  try {
    backend = openBackend({
      databasePath: join(app.getPath('userData'), DATABASE_FILE),
      nativeBinding: nativeBinding(),
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
      return { ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自非本程序页面的请求' } };
    }
    if (isHostChannel(channel)) return invokeHost(channel, input, BrowserWindow.fromWebContents(event.sender));
    return opened.registry.invoke(channel, input);
  });
  createWindow();
});

app.on('window-all-closed', () => {
  backend?.close();
  backend = null;
  app.quit();
});
