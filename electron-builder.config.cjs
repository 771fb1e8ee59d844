/**
 * electron-builder 26 configuration for the Windows installer (`npm run dist`: an NSIS .exe, x64).
 * Option names follow app-builder-lib/out/configuration.d.ts and targets/nsis/nsisOptions.d.ts;
 * tests/integration/shell/packaging.test.ts validates this file against electron-builder's own schema and checks
 * the decisions below; each says why here (the fuses: scripts/electron-fuses.cjs).
 */
const electronFuses = require('./scripts/electron-fuses.cjs');

/** @type {import('electron-builder').Configuration} */
module.exports = {
  // Also the Windows AppUserModelID and the seed of the installer's GUID (its uninstall registry
  // key): never change it once shipped, or the next installer installs a second copy beside the first.
  appId: 'cn.post.kamdesk',
  productName: 'KAM Desk',
  directories: { buildResources: 'resources', output: 'dist' },

  // Only the build: electron-vite bundles main, preload and renderer into out/. electron-builder
  // adds the production node_modules itself (the main bundle keeps better-sqlite3, xlsx, zod,
  // fflate and pinyin-pro as real packages). better-sqlite3's compile leftovers stay out (~20 MB:
  // the SQLite sources and object files); it runs from lib/ and build/Release/better_sqlite3.node.
  files: [
    'out/**',
    'package.json',
    '!node_modules/better-sqlite3/{deps,src}/**',
    '!node_modules/better-sqlite3/build/{deps,Release/obj,Release/obj.target}/**',
    '!node_modules/better-sqlite3/build/Release/test_extension.node',
  ],
  asar: true,
  // What Node itself must read as real files. The backend finds these through
  // electron/backend/unpacked.ts (…/app.asar/… → …/app.asar.unpacked/… when that exists).
  // Anything unpacked is outside the asar integrity check, so the list stays this short.
  asarUnpack: [
    // Worker-thread scripts (imports/parse.ts, imports/error-report.ts, writer/thread.ts) and the
    // chunk the writer worker shares with the main bundle (writer-worker.js requires ./chunks/*).
    'out/main/*.cjs',
    'out/main/writer-worker.js',
    'out/main/chunks/**',
    // The SQL migrations the backend lists and reads at start (db/migrations.ts).
    'out/main/migrations/**',
    // Packages the workers require, resolved from app.asar.unpacked/out/main upwards: xlsx
    // (parse-worker.cjs, report-worker.cjs), fflate (report-worker.cjs), better-sqlite3 (writer-worker.js; its native binary
    // is what electron/main passes as nativeBinding) and what better-sqlite3 requires at run time.
    'node_modules/xlsx/**',
    'node_modules/fflate/**',
    'node_modules/better-sqlite3/**',
    'node_modules/bindings/**',
    'node_modules/file-uri-to-path/**',
    // The template's service sheets are checked on the writer thread by the channels' own schemas
    // (zod) and complaints' working-day calendar (chinese-days) (imports/template-services.ts).
    'node_modules/zod/**',
    'node_modules/chinese-days/**',
  ],
  // The window icon: electron/main/policies.ts iconPath() looks for `process.resourcesPath/icon.png`.
  extraResources: [{ from: 'resources/icon.png', to: 'icon.png' }],

  // better-sqlite3 must be built for Electron's ABI. electron-builder runs @electron/rebuild on the
  // project's node_modules before packing: a prebuilt Electron binary when one is published for
  // this Electron, else node-gyp (Visual Studio Build Tools). It rebuilds IN PLACE — afterwards
  // run `npm rebuild better-sqlite3` so the tests and the CLI get the Node build back.
  npmRebuild: true,
  buildDependenciesFromSource: false,

  // Chromium's own UI strings (context menus, native dialogs' defaults): the app is zh-CN first,
  // English second; the other ~50 locale files are dead weight.
  electronLanguages: ['zh-CN', 'en-US'],

  // Flipped by electron-builder right before signing (see scripts/electron-fuses.cjs for each fuse).
  electronFuses,

  // No update server: no publish provider, no latest.yml.
  publish: null,

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.ico',
  },

  nsis: {
    // Per-user, one click: installs to %LOCALAPPDATA%\Programs without administrator rights (office
    // PCs rarely give them), no "all users / only me" page (an assisted installer with
    // perMachine:false shows one, and an all-users copy would need elevation for every update).
    oneClick: true,
    perMachine: false,
    // The database lives in %APPDATA%\KAM Desk (electron/backend/paths.ts), which is exactly the
    // folder this option would delete: uninstalling must never take the bureau's data with it.
    deleteAppDataOnUninstall: false,
    installerIcon: 'resources/icon.ico',
    uninstallerIcon: 'resources/icon.ico',
    installerHeaderIcon: 'resources/icon.ico',
    // Simplified Chinese installer and uninstaller (LCID 2052), no language prompt.
    language: '2052',
    installerLanguages: ['zh_CN'],
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: 'KAM Desk',
    // artifactName left at its default, `${productName} Setup ${version}.exe` ("KAM Desk Setup 0.1.0.exe"),
    // the name README.md gives.
  },
};
