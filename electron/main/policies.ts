/**
 * Security decisions of the Electron shell as pure functions (no `electron` import), so they are
 * unit-tested under plain Node: which URLs the window may show, which frames may call the backend.
 */

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

/** IPC is answered only for the app window's top frame showing the app's own page. */
export function isTrustedSender(frameUrl: string | undefined, isMainFrame: boolean, appUrl: string): boolean {
  return isMainFrame && frameUrl !== undefined && isAppUrl(frameUrl, appUrl);
}

/** No web permission (camera, notifications, geolocation…) is ever needed by this app. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}

/**
 * Where the Electron-ABI better-sqlite3 binary lives: inside the packaged app's resources, or in
 * `.electron-native/` of the project, prepared by `scripts/prepare-electron-sqlite.mjs`.
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
    ? opts.join(opts.resourcesPath, 'native', 'better_sqlite3.node')
    : opts.join(opts.appPath, '.electron-native', folder, 'better_sqlite3.node');
}
