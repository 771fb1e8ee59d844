import { posix, win32 } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  iconPath,
  isAllowedFrameNavigation,
  isAllowedNavigation,
  isAppUrl,
  isPermissionAllowed,
  isTrustedSender,
  nativeBindingPath,
  rendererSource,
  windowBounds,
} from './policies';

const WIN_APP = 'file:///C:/Program%20Files/KAM%20Desk/resources/app.asar/out/renderer/index.html';
const POSIX_APP = 'file:///opt/kam-desk/resources/app.asar/out/renderer/index.html';
const DEV_APP = 'http://localhost:5173';

describe('navigation from the packaged app (file:// renderer)', () => {
  it.each([
    [WIN_APP, true, 'the app page itself'],
    [`${WIN_APP}#/customers`, true, 'a hash route'],
    [`${WIN_APP}#/customers/44051500001000?tab=branches`, true, 'a deep hash route'],
    ['file:///C:/Program Files/KAM Desk/resources/app.asar/out/renderer/index.html#/units', true, 'unencoded spaces'],
    [
      'file:///C:/Program%20Files/KAM%20Desk/resources/app.asar/out/renderer/../renderer/index.html',
      true,
      'the same file through ..',
    ],
    [
      'file:///C:/Program%20Files/KAM%20Desk/resources/app.asar/out/renderer/other.html',
      false,
      'another page beside it',
    ],
    ['file:///C:/Users/officer/Downloads/invoice.html', false, 'a dropped file'],
    ['file:///C:/Windows/System32/drivers/etc/hosts', false, 'a system file'],
    [`${WIN_APP}/../../evil.html`, false, 'a path climbing out'],
    ['https://example.com/', false, 'a web page'],
    ['http://localhost:5173/', false, 'the dev server, when packaged'],
    ['javascript:alert(1)', false, 'javascript:'],
    ['data:text/html,<h1>x</h1>', false, 'data:'],
    ['about:blank', false, 'about:blank'],
    ['', false, 'empty'],
    ['not a url', false, 'garbage'],
  ])('%s → %s (%s)', (url, allowed) => {
    expect(isAllowedNavigation(url, WIN_APP)).toBe(allowed);
  });

  it('works the same for a POSIX install path', () => {
    expect(isAllowedNavigation(`${POSIX_APP}#/reports`, POSIX_APP)).toBe(true);
    expect(isAllowedNavigation('file:///etc/passwd', POSIX_APP)).toBe(false);
    expect(isAllowedNavigation('file:///opt/kam-desk/resources/app.asar/out/renderer/index.htm', POSIX_APP)).toBe(
      false,
    );
  });

  it('a file URL on another host (a network share) is not the app, even with the same path', () => {
    // On Windows file://host/… is a UNC path; only the local file is the app.
    expect(new URL('file://fileserver/opt/kam-desk/resources/app.asar/out/renderer/index.html').pathname).toBe(
      new URL(POSIX_APP).pathname,
    );
    expect(
      isAllowedNavigation('file://fileserver/opt/kam-desk/resources/app.asar/out/renderer/index.html', POSIX_APP),
    ).toBe(false);
  });
});

describe('navigation from the dev server', () => {
  it.each([
    ['http://localhost:5173/', true],
    ['http://localhost:5173/#/customers', true],
    ['http://localhost:5173/src/main.tsx', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://127.0.0.1:5173/', false],
    ['http://localhost:5173.evil.com/', false],
    ['http://localhost:5173@evil.com/', false],
    ['http://evil.com/?next=http://localhost:5173/', false],
    ['javascript:alert(1)', false],
    [WIN_APP, false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedNavigation(url, DEV_APP)).toBe(allowed);
  });

  it('an unparsable app URL allows nothing', () => {
    expect(isAppUrl('http://localhost:5173/', 'not a url')).toBe(false);
  });
});

describe('isAllowedFrameNavigation (every frame: will-frame-navigate)', () => {
  it.each([
    [`${WIN_APP}#/reports`, true, true, 'the top frame to the app page'],
    ['https://example.com/', true, false, 'the top frame away'],
    ['about:srcdoc', true, false, 'the top frame to srcdoc'],
    ['about:blank', true, false, 'the top frame to blank'],
    ['about:srcdoc', false, true, 'a sub-frame showing markup the page wrote (the print preview)'],
    ['about:blank', false, true, 'a sub-frame emptied'],
    [WIN_APP, false, true, 'a sub-frame showing the app page'],
    ['https://example.com/', false, false, 'a sub-frame loading a web page'],
    ['file:///C:/Users/officer/Downloads/invoice.html', false, false, 'a sub-frame loading a file'],
    ['data:text/html,<script>x</script>', false, false, 'a sub-frame loading data:'],
    ['javascript:alert(1)', false, false, 'a sub-frame running javascript:'],
    ['about:srcdoc#x', false, false, 'not exactly srcdoc'],
  ] as const)('%s, main frame %s → %s (%s)', (url, isMainFrame, allowed, _why) => {
    expect(isAllowedFrameNavigation(url, isMainFrame, WIN_APP)).toBe(allowed);
  });
});

describe('isTrustedSender', () => {
  it.each([
    [`${WIN_APP}#/customers`, true, WIN_APP, true],
    [WIN_APP, false, WIN_APP, false], // a sub-frame, even of the app page
    [undefined, true, WIN_APP, false], // a frame already gone
    ['about:blank', true, WIN_APP, false],
    ['https://example.com/', true, WIN_APP, false],
    ['file:///C:/Users/officer/Downloads/invoice.html', true, WIN_APP, false],
    ['http://localhost:5173/#/units', true, DEV_APP, true],
    ['http://localhost:5173/#/units', false, DEV_APP, false],
    ['http://localhost:5174/', true, DEV_APP, false],
  ] as const)('frame %s, main=%s, app %s → %s', (frameUrl, isMainFrame, appUrl, trusted) => {
    expect(isTrustedSender(frameUrl, isMainFrame, appUrl)).toBe(trusted);
  });
});

describe('isPermissionAllowed', () => {
  it.each([
    'media',
    'notifications',
    'geolocation',
    'clipboard-read',
    'clipboard-sanitized-write',
    'openExternal',
    'fullscreen',
    'pointerLock',
    '',
  ])('denies %j', (permission) => {
    expect(isPermissionAllowed(permission)).toBe(false);
  });
});

describe('rendererSource', () => {
  const indexHtml = '/opt/kam-desk/resources/app.asar/out/renderer/index.html';
  const file = { appUrl: POSIX_APP, file: indexHtml };

  it('a packaged app always shows its own file, whatever ELECTRON_RENDERER_URL says', () => {
    for (const devServerUrl of [undefined, 'http://localhost:5173', 'https://evil.example/', 'file:///tmp/x.html']) {
      expect(rendererSource({ packaged: true, devServerUrl, indexHtml }), String(devServerUrl)).toEqual(file);
    }
  });

  it('in development, the dev server on this machine', () => {
    expect(rendererSource({ packaged: false, devServerUrl: 'http://localhost:5173', indexHtml })).toEqual({
      appUrl: 'http://localhost:5173',
      file: null,
    });
    expect(rendererSource({ packaged: false, devServerUrl: 'http://127.0.0.1:5174/', indexHtml }).file).toBeNull();
    expect(rendererSource({ packaged: false, devServerUrl: 'http://[::1]:5173', indexHtml }).file).toBeNull();
  });

  it.each([
    ['', 'empty'],
    ['https://evil.example/', 'another machine'],
    ['http://localhost.evil.example:5173/', 'a look-alike host'],
    ['file:///tmp/x.html', 'a file'],
    ['javascript:alert(1)', 'javascript:'],
    ['not a url', 'garbage'],
  ])('in development, %j (%s) is not a dev server: its own file', (devServerUrl) => {
    expect(rendererSource({ packaged: false, devServerUrl, indexHtml })).toEqual(file);
  });

  it('without ELECTRON_RENDERER_URL, its own file', () => {
    expect(rendererSource({ packaged: false, devServerUrl: undefined, indexHtml })).toEqual(file);
  });
});

describe('nativeBindingPath', () => {
  it('points inside the packaged app’s resources', () => {
    expect(
      nativeBindingPath({
        packaged: true,
        resourcesPath: 'C:\\Program Files\\KAM Desk\\resources',
        appPath: 'C:\\Program Files\\KAM Desk\\resources\\app.asar',
        electronVersion: '45.5.0',
        platform: 'win32',
        arch: 'x64',
        join: win32.join,
      }),
    ).toBe(
      'C:\\Program Files\\KAM Desk\\resources\\app.asar.unpacked\\node_modules\\better-sqlite3\\build\\Release\\better_sqlite3.node',
    );
  });

  it('points at .electron-native/<electron-version-platform-arch> of the project in development', () => {
    expect(
      nativeBindingPath({
        packaged: false,
        resourcesPath: '/ignored',
        appPath: '/home/dev/kam-desk',
        electronVersion: '45.5.0',
        platform: 'linux',
        arch: 'x64',
        join: posix.join,
      }),
    ).toBe('/home/dev/kam-desk/.electron-native/electron-v45.5.0-linux-x64/better_sqlite3.node');
    expect(
      nativeBindingPath({
        packaged: false,
        resourcesPath: 'C:\\ignored',
        appPath: 'D:\\src\\kam-desk',
        electronVersion: '45.5.0',
        platform: 'win32',
        arch: 'arm64',
        join: win32.join,
      }),
    ).toBe('D:\\src\\kam-desk\\.electron-native\\electron-v45.5.0-win32-arm64\\better_sqlite3.node');
  });
});

describe('iconPath', () => {
  it('is beside the resources when packaged, in resources/ of the project otherwise', () => {
    const common = { resourcesPath: 'C:\\KAM\\resources', appPath: 'D:\\src\\kam-desk', join: win32.join };
    expect(iconPath({ ...common, packaged: true })).toBe('C:\\KAM\\resources\\icon.png');
    expect(iconPath({ ...common, packaged: false })).toBe('D:\\src\\kam-desk\\resources\\icon.png');
  });
});

describe('windowBounds', () => {
  it.each([
    // [work area, expected width × height, x, y, minimum]
    ['1366×768 with a 40 px taskbar', { x: 0, y: 0, width: 1366, height: 728 }, [1360, 728, 3, 0, 1024, 640]],
    ['1920×1080', { x: 0, y: 0, width: 1920, height: 1040 }, [1360, 860, 280, 90, 1024, 640]],
    ['1280×720 with the taskbar on the left', { x: 60, y: 0, width: 1220, height: 720 }, [1220, 720, 60, 0, 1024, 640]],
    ['1024×600 netbook', { x: 0, y: 0, width: 1024, height: 560 }, [1024, 560, 0, 0, 1024, 560]],
    ['a second display to the left', { x: -1366, y: 0, width: 1366, height: 728 }, [1360, 728, -1363, 0, 1024, 640]],
  ] as const)('%s', (_label, area, [w, h, x, y, minW, minH]) => {
    const b = windowBounds(area);
    expect(b).toEqual({ width: w, height: h, x, y, minWidth: minW, minHeight: minH });
    // Never larger than the work area, never outside it.
    expect(b.x).toBeGreaterThanOrEqual(area.x);
    expect(b.y).toBeGreaterThanOrEqual(area.y);
    expect(b.x + b.width).toBeLessThanOrEqual(area.x + area.width);
    expect(b.y + b.height).toBeLessThanOrEqual(area.y + area.height);
    expect(b.minWidth).toBeLessThanOrEqual(b.width);
    expect(b.minHeight).toBeLessThanOrEqual(b.height);
  });
});
