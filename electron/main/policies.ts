/**
 * Security decisions of the Electron shell as pure functions (no `electron` import), so they are
 * unit-tested under plain Node: which URLs the window may show, which frames may call the backend.
 */
import { pathToFileURL } from 'node:url';

/** Loopback hosts as URL.hostname gives them: a dev server runs on the developer's own machine. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Where the window's page comes from, and so which origin is the app's (navigation and IPC are
 * trusted for it alone). ELECTRON_RENDERER_URL (set by `electron-vite dev`) is honoured only in
 * development and only for an http(s) server on this machine: in a packaged app an environment
 * variable must not make the window load, and trust, another page.
 */
export function rendererSource(opts: { packaged: boolean; devServerUrl: string | undefined; indexHtml: string }): {
  appUrl: string;
  file: string | null;
} {
  const own = { appUrl: pathToFileURL(opts.indexHtml).href, file: opts.indexHtml };
  if (opts.packaged || !opts.devServerUrl) return own;
  let dev: URL;
  try {
    dev = new URL(opts.devServerUrl);
  } catch {
    return own;
  }
  if ((dev.protocol !== 'http:' && dev.protocol !== 'https:') || !LOOPBACK.has(dev.hostname)) return own;
  return { appUrl: opts.devServerUrl, file: null };
}

/** The app's own pages: the built renderer's file, or the dev server's origin. */
export function isAppUrl(url: string, appUrl: string): boolean {
  let target: URL;
  let app: URL;
  try {
    target = new URL(url);
    app = new URL(appUrl);
  } catch {
    return false;
  }
  if (app.protocol === 'file:') {
    // Only the renderer's own index.html; hash routes are the app's navigation.
    return target.protocol === 'file:' && target.host === app.host && target.pathname === app.pathname;
  }
  return target.origin === app.origin;
}

/** Navigation away from the app (a link, a dropped file, a redirect) is blocked. */
export function isAllowedNavigation(url: string, appUrl: string): boolean {
  return isAppUrl(url, appUrl);
}

/**
 * A navigation in any frame (will-frame-navigate). The top frame: as {@link isAllowedNavigation}.
 * A sub-frame may also show markup the app page wrote into it itself (about:srcdoc: the report's
 * print preview, a sandboxed iframe) or nothing (about:blank); it never loads another page.
 */
export function isAllowedFrameNavigation(url: string, isMainFrame: boolean, appUrl: string): boolean {
  if (!isMainFrame && (url === 'about:srcdoc' || url === 'about:blank')) return true;
  return isAllowedNavigation(url, appUrl);
}

/** IPC is answered only for the app window's top frame showing the app's own page. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, appUrl: string): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl, appUrl);
}

/** No web permission (camera, notifications, geolocation…) is ever needed by this app. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

/**
 * Where the Electron-ABI better-sqlite3 binary lives. Packaged: the copy electron-builder rebuilt
 * for Electron and unpacked from the asar (a native module must be a real file); the writer
 * thread loads the same one. In development: `.electron-native/` of the project, prepared by
 * `scripts/prepare-electron-sqlite.mjs` (node_modules keeps the Node build for the tests).
 */
export function nativeBindingPath(opts: {
  packaged: boolean;
  resourcesPath: string;
  appPath: string;
  electronVersion: string;
  platform: string;
  arch: string;
  join: (...parts: string[]) => string;
}): string {
  const folder = `electron-v${opts.electronVersion}-${opts.platform}-${opts.arch}`;
  return opts.packaged
    ? opts.join(
        opts.resourcesPath,
        'app.asar.unpacked',
        'node_modules',
        'better-sqlite3',
        'build',
        'Release',
        'better_sqlite3.node',
      )
    : opts.join(opts.appPath, '.electron-native', folder, 'better_sqlite3.node');
}

/** The window's icon: beside the app's resources when packaged, `resources/` of the project otherwise. */
export function iconPath(opts: {
  packaged: boolean;
  resourcesPath: string;
  appPath: string;
  join: (...parts: string[]) => string;
}): string {
  return opts.packaged ? opts.join(opts.resourcesPath, 'icon.png') : opts.join(opts.appPath, 'resources', 'icon.png');
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The size the app is designed for; a larger screen gets this, a smaller one all of its work area. */
export const PREFERRED_WINDOW = { width: 1360, height: 860 } as const;
/** Below this the customer list and the import preview stop being usable. */
export const MINIMUM_WINDOW = { width: 1024, height: 640 } as const;

/**
 * The first window's bounds from the display's work area (the screen less the taskbar): never
 * larger than it, so on a 1366×768 office screen the window and its buttons are all on screen,
 * centred; the minimum size is lowered to fit a work area smaller than it.
 */
export function windowBounds(workArea: Rect): Rect & { minWidth: number; minHeight: number } {
  const width = Math.max(1, Math.min(PREFERRED_WINDOW.width, workArea.width));
  const height = Math.max(1, Math.min(PREFERRED_WINDOW.height, workArea.height));
  return {
    width,
    height,
    x: workArea.x + Math.floor((workArea.width - width) / 2),
    y: workArea.y + Math.floor((workArea.height - height) / 2),
    minWidth: Math.min(MINIMUM_WINDOW.width, width),
    minHeight: Math.min(MINIMUM_WINDOW.height, height),
  };
}
