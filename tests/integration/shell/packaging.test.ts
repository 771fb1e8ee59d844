/**
 * The Windows package, as far as it can be checked without building the installer (that needs
 * Electron's Windows zip and NSIS from the network): electron-builder.config.cjs validated by
 * electron-builder's own loader and schema, the installer decisions, the icon files, the fuses as
 * electron-builder flips them, and — from the BUILT out/main — that everything the worker threads
 * load (their scripts, chunks, migrations and every package they require, followed through Node's
 * own resolver) is unpacked from the asar by an `asarUnpack` glob, matched with the minimatch
 * electron-builder itself uses.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { FuseState, FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { Configuration, FileSet } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_DIR_NAME } from '../../../electron/backend/paths';
import { iconPath, nativeBindingPath } from '../../../electron/main/policies';

const ROOT = resolve(__dirname, '../../..');
const OUT_MAIN = join(ROOT, 'out', 'main');
const rootRequire = createRequire(join(ROOT, 'package.json'));

// electron-builder's internals, loaded as the CLI loads them (the package index first: its modules
// import each other in a cycle that only resolves from there).
const builderLib = rootRequire('app-builder-lib') as typeof import('app-builder-lib');
const builderConfig = rootRequire(
  'app-builder-lib/out/util/config/config',
) as typeof import('app-builder-lib/out/util/config/config');
const { DebugLogger } = rootRequire('builder-util') as typeof import('builder-util');
// The minimatch electron-builder matches `files` and `asarUnpack` with, and its options
// (app-builder-lib/out/fileMatcher.js: `{ dot: true }`).
const { Minimatch } = createRequire(rootRequire.resolve('app-builder-lib/package.json'))(
  'minimatch',
) as typeof import('minimatch');
const GLOB_OPTIONS = { dot: true };

const loadedConfig = rootRequire('./electron-builder.config.cjs') as Configuration;
const fuses = rootRequire('./scripts/electron-fuses.cjs') as NonNullable<Configuration['electronFuses']>;
// Whether the config takes its fuses from the fuse module itself (not a copy), seen before anything
// else touches the object.
const fusesFromModule = loadedConfig.electronFuses === fuses;
// A copy: electron-builder's loader normalises the (cached) module object in place — `files`
// becomes file sets — and the assertions below are about the file as written.
const config = structuredClone(loadedConfig);
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** electron-builder's pattern list semantics (util/filter.js minimatchAll): later patterns win. */
function globList(patterns: readonly string[]): (file: string) => boolean {
  const parsed = patterns.map((p) => new Minimatch(p.startsWith('./') ? p.slice(2) : p, GLOB_OPTIONS));
  return (file) => {
    let match = false;
    for (const m of parsed) {
      if (match !== m.negate) continue;
      match = m.match(file);
    }
    return match;
  };
}

function asArray<T>(value: T | readonly T[] | null | undefined): T[] {
  if (value == null) return [];
  return Array.isArray(value) ? [...value] : [value as T];
}

const toPosix = (path: string) => path.split(sep).join('/');
const fromRoot = (path: string) => toPosix(relative(ROOT, path));

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** The newest source that ends up in out/main (TypeScript, worker scripts, migrations, build config). */
function newestSourceMtime(): number {
  let newest = statSync(join(ROOT, 'electron.vite.config.ts')).mtimeMs;
  for (const top of ['electron', 'shared']) {
    for (const file of filesUnder(join(ROOT, top))) {
      if (/\.(ts|cjs|sql)$/.test(file)) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  }
  return newest;
}

function buildIfStale(): void {
  let built = 0;
  try {
    built = statSync(join(OUT_MAIN, 'index.js')).mtimeMs;
  } catch {
    built = 0;
  }
  if (built >= newestSourceMtime()) return;
  const vitePkg = rootRequire.resolve('electron-vite/package.json');
  const bin = (JSON.parse(readFileSync(vitePkg, 'utf8')) as { bin: Record<string, string> }).bin['electron-vite'];
  execFileSync(process.execPath, [join(dirname(vitePkg), bin ?? 'bin/electron-vite.js'), 'build'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

const REQUIRE_CALL = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;
const BUILTINS = new Set(builtinModules);

/**
 * Every file a script loads through literal `require` calls, followed the way Node resolves them
 * from where the file is (so a package is found exactly where the unpacked worker will look).
 */
function moduleGraph(entries: readonly string[]): { files: Set<string>; electron: string[] } {
  const files = new Set<string>();
  const electron: string[] = [];
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (files.has(file)) continue;
    files.add(file);
    if (!/\.(c?js)$/.test(file)) continue;
    const req = createRequire(file);
    for (const match of readFileSync(file, 'utf8').matchAll(REQUIRE_CALL)) {
      const spec = match[2] as string;
      if (spec.startsWith('node:') || BUILTINS.has(spec)) continue;
      if (spec === 'electron' || spec.startsWith('electron/')) {
        electron.push(`${fromRoot(file)} → ${spec}`);
        continue;
      }
      queue.push(req.resolve(spec));
    }
  }
  return { files, electron };
}

/** `preferUnpacked(join(dir, "name"))` in the built main bundle: what the backend expects unpacked. */
function unpackedLookups(bundle: string): string[] {
  const names = [...bundle.matchAll(/preferUnpacked\([^;\n]*?\(\s*[\w$]+,\s*["']([^"']+)["']\s*\)\s*\)/g)].map(
    (m) => m[1] as string,
  );
  return [...new Set(names)].sort();
}

describe('electron-builder.config.cjs', () => {
  it('loads and passes electron-builder 26’s own schema validation', async () => {
    const loaded = await builderConfig.getConfig(ROOT, 'electron-builder.config.cjs', null);
    await expect(builderConfig.validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
    // The validator does refuse a misspelt option (so the pass above means something).
    const misspelt = { ...loaded, nsis: { ...loaded.nsis, perMachin: false } } as Configuration;
    await expect(builderConfig.validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(
      /does not match the API schema/,
    );
  });

  it('is what `npm run dist` uses: build first, then an NSIS x64 installer from this file', () => {
    const dist = packageJson.scripts.dist ?? '';
    expect(dist).toMatch(/^electron-vite build && electron-builder /);
    expect(dist).toContain('--config electron-builder.config.cjs');
    expect(dist).toMatch(/--win nsis\b/);
    expect(dist).toMatch(/--x64\b/);
    expect(packageJson.scripts.icons).toBe('tsx scripts/make-icons.ts');
  });

  it('names the product and ships only the build', () => {
    expect(config.productName).toBe('KAM Desk');
    expect(config.appId).toMatch(/^[a-z][a-z0-9]*(\.[a-z][a-z0-9]*)+$/);
    expect(config.asar).toBe(true);
    const files = asArray(config.files) as string[];
    expect(files.filter((p) => !p.startsWith('!'))).toEqual(['out/**', 'package.json']);
    expect(globList(files)(packageJson.main)).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('builds a per-user, Simplified-Chinese NSIS installer for x64 that keeps the data on uninstall', () => {
    expect(config.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    const nsis = config.nsis ?? {};
    expect(nsis.perMachine).toBe(false);
    expect(nsis.oneClick).toBe(true);
    expect(nsis.language).toBe('2052');
    expect(nsis.installerLanguages).toEqual(['zh_CN']);
    // The uninstaller's "delete app data" removes %APPDATA%\<productName>: the database's folder.
    expect(APP_DIR_NAME).toBe(config.productName);
    expect(nsis.deleteAppDataOnUninstall).toBe(false);
  });

  it('uses resources/icon.ico for the app, the installer and the uninstaller', () => {
    const nsis = config.nsis ?? {};
    for (const icon of [config.win?.icon, nsis.installerIcon, nsis.uninstallerIcon, nsis.installerHeaderIcon]) {
      expect(icon).toBe('resources/icon.ico');
    }
  });

  it('puts icon.png where the packaged main process looks for the window icon', () => {
    const sets = asArray(config.extraResources) as FileSet[];
    const icon = sets.find((s) => s.from === 'resources/icon.png');
    expect(icon?.to).toBe('icon.png');
    statSync(join(ROOT, 'resources', 'icon.png'));
    const lookedUp = iconPath({ packaged: true, resourcesPath: '/R', appPath: '/A', join: posix.join });
    expect(lookedUp).toBe(posix.join('/R', icon?.to ?? ''));
  });

  it('rebuilds native modules for Electron', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.buildDependenciesFromSource).toBe(false);
  });
});

describe('icons', () => {
  it('icon.png is a 512×512 RGBA PNG', () => {
    const png = readFileSync(join(ROOT, 'resources', 'icon.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('latin1')).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(png[25]).toBe(6); // colour type 6: RGBA
  });

  it('icon.ico holds 16, 24, 32, 48, 64, 128 and 256 px, 32-bit, each a real picture', () => {
    const ico = readFileSync(join(ROOT, 'resources', 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0); // reserved
    expect(ico.readUInt16LE(2)).toBe(1); // 1 = icon
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const dir = 6 + 16 * i;
      const width = ico[dir] || 256; // 0 means 256
      const height = ico[dir + 1] || 256;
      expect(height).toBe(width);
      expect(ico.readUInt16LE(dir + 6)).toBe(32);
      const bytes = ico.readUInt32LE(dir + 8);
      const offset = ico.readUInt32LE(dir + 12);
      expect(offset + bytes).toBeLessThanOrEqual(ico.length);
      const image = ico.subarray(offset, offset + bytes);
      if (image.subarray(0, 4).toString('hex') === '89504e47') {
        expect([image.readUInt32BE(16), image.readUInt32BE(20)]).toEqual([width, width]);
      } else {
        // BITMAPINFOHEADER; an ICO bitmap declares twice its height (colour rows + AND mask).
        expect(image.readUInt32LE(0)).toBe(40);
        expect(image.readInt32LE(4)).toBe(width);
        expect(image.readInt32LE(8)).toBe(2 * width);
        expect(image.readUInt16LE(14)).toBe(32);
        // Rows bottom-up, BGRA: the rounded tile leaves the corner clear and fills the middle.
        const alpha = (x: number, y: number) => image[40 + ((width - 1 - y) * width + x) * 4 + 3];
        expect(alpha(0, 0)).toBe(0);
        expect(alpha(width >> 1, width >> 1)).toBe(255);
      }
      sizes.push(width);
    }
    expect(sizes.sort((a, b) => a - b)).toEqual(ICO_SIZES);
  });
});

describe('fuses', () => {
  it('are the decided ones, passed through electron-builder’s own fuse step (no afterPack hook)', () => {
    expect(fusesFromModule).toBe(true);
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: true,
    });
    // A hand-written hook would flip them a second time (and before electron-builder's step).
    expect(config.afterPack ?? null).toBeNull();
    // Asar integrity needs the asar and electron-builder's integrity resource in the .exe.
    expect(config.asar).toBe(true);
    expect((config as { disableAsarIntegrity?: boolean }).disableAsarIntegrity ?? false).toBe(false);
  });

  describe('flipped by electron-builder in a stand-in KAM Desk.exe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kam-fuses-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('sets exactly the decided fuses and leaves the rest as Electron ships them', async () => {
      // The fuse wire as Electron 45 ships it: sentinel, version 1, 9 fuses (Electron's defaults).
      const shipped = '101100011';
      const exe = join(dir, 'KAM Desk.exe');
      writeFileSync(
        exe,
        Buffer.concat([
          Buffer.from('MZ…'),
          Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
          Buffer.from([1, shipped.length]),
          Buffer.from(shipped),
          Buffer.from('…'),
        ]),
      );
      // The two steps electron-builder runs after packing (platformPackager.js doAddElectronFuses):
      // our options → @electron/fuses' config, then the flip in <productFilename>.exe.
      const packager = builderLib.PlatformPackager.prototype as unknown as {
        generateFuseConfig(this: unknown, options: typeof fuses): Promise<unknown>;
        addElectronFuses(this: unknown, context: unknown, fuseConfig: unknown): Promise<unknown>;
      };
      const fuseConfig = await packager.generateFuseConfig.call(null, fuses);
      await packager.addElectronFuses.call(
        { appInfo: { productFilename: 'KAM Desk' } },
        { appOutDir: dir, electronPlatformName: 'win32' },
        fuseConfig,
      );
      const wire = await getCurrentFuseWire(exe);
      const state = (on: boolean) => (on ? FuseState.ENABLE : FuseState.DISABLE);
      expect(wire[FuseV1Options.RunAsNode]).toBe(state(false));
      expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(state(false));
      expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(state(false));
      expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(state(true));
      expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(state(true));
      expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(state(true));
      expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(state(true));
      // Not decided here: as shipped.
      expect(wire[FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]).toBe(state(shipped[6] === '1'));
      expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(state(shipped[8] === '1'));
    });
  });
});

describe('asarUnpack covers what Node loads outside Electron’s archive support (built out/main)', () => {
  let bundle = '';
  const unpack = globList(asArray(config.asarUnpack) as string[]);
  const excludedByFiles = (file: string) =>
    (asArray(config.files) as string[])
      .filter((p) => p.startsWith('!'))
      .some((p) => new Minimatch(p.slice(1), GLOB_OPTIONS).match(file));

  beforeAll(() => {
    buildIfStale();
    bundle = readFileSync(join(OUT_MAIN, 'index.js'), 'utf8');
  }, 120_000);

  it('the backend routes its workers and migrations through preferUnpacked', () => {
    expect(unpackedLookups(bundle)).toEqual([
      'migrations',
      'parse-worker.cjs',
      'report-worker.cjs',
      'writer-worker.js',
    ]);
  });

  it('every file those lookups reach — scripts, chunks, migrations, required packages — is unpacked', () => {
    const entries: string[] = [];
    for (const name of unpackedLookups(bundle)) {
      const path = join(OUT_MAIN, name);
      if (statSync(path).isDirectory()) entries.push(...filesUnder(path));
      else entries.push(path);
    }
    expect(entries.some((f) => f.endsWith('.sql'))).toBe(true);
    const { files, electron } = moduleGraph(entries);
    expect(electron).toEqual([]);
    const needed = [...files].map(fromRoot).sort();
    // The graph did follow the workers into their chunk and their packages.
    expect(needed).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^out\/main\/chunks\/.+\.js$/),
        'node_modules/xlsx/xlsx.js',
        'node_modules/better-sqlite3/lib/index.js',
        'node_modules/bindings/bindings.js',
        'node_modules/file-uri-to-path/index.js',
      ]),
    );
    expect(needed.filter((f) => !unpack(f))).toEqual([]);
    expect(needed.filter(excludedByFiles)).toEqual([]);
    // Each package's package.json too: Node reads it to find the entry point.
    const packages = new Set(needed.flatMap((f) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f)?.[1] ?? []));
    const manifests = [...packages].map((p) => `node_modules/${p}/package.json`);
    expect(manifests.filter((f) => !unpack(f))).toEqual([]);
  });

  it('the native binding the main process hands to both threads is unpacked', () => {
    const path = nativeBindingPath({
      packaged: true,
      resourcesPath: '/R',
      appPath: '/A',
      electronVersion: '45.5.0',
      platform: 'win32',
      arch: 'x64',
      join: posix.join,
    });
    expect(path.startsWith('/R/app.asar.unpacked/')).toBe(true);
    const inApp = path.slice('/R/app.asar.unpacked/'.length);
    expect(unpack(inApp)).toBe(true);
    expect(excludedByFiles(inApp)).toBe(false);
    statSync(join(ROOT, inApp));
  });

  it('the app code itself stays inside the integrity-checked asar', () => {
    const app = ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html', 'package.json'];
    expect(app.filter(unpack)).toEqual([]);
    for (const file of filesUnder(join(ROOT, 'out', 'renderer'))) expect(unpack(fromRoot(file))).toBe(false);
  });
});
