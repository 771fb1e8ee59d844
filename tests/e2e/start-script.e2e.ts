/**
 * `npm start` on a fresh machine (scripts/start.mjs), with the one thing this machine cannot do,
 * downloading Electron, replaced by a local stand-in: `ELECTRON_OVERRIDE_DIST_PATH` pointing at a
 * folder whose `electron` records how it was launched. The script must prepare everything, build,
 * and reach the launch. It lives with the e2e tests because it builds out/ (electron-vite preview),
 * which no other test file may be reading at the time (that project runs one file at a time).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeVersionProblem } from '../../scripts/start-checks.mjs';
import { tempDirsForTests } from '../support/temp-dir';

const ROOT = resolve(__dirname, '../..');
const START = join(ROOT, 'scripts', 'start.mjs');
const electronPackage = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
};
const tempDir = tempDirsForTests('kam-start-');

// The Electron build of better-sqlite3 cannot be made offline either: a placeholder stands in
// for it where scripts/prepare-electron-sqlite.mjs looks (a real one, if a developer has it, is kept).
const nativeDir = join(
  ROOT,
  '.electron-native',
  `electron-v${electronPackage.version}-${process.platform}-${process.arch}`,
);
const nativeFile = join(nativeDir, 'better_sqlite3.node');
let placedNative = false;
beforeAll(() => {
  if (!existsSync(nativeFile)) {
    mkdirSync(nativeDir, { recursive: true });
    writeFileSync(nativeFile, 'placeholder for the start test');
    placedNative = true;
  }
});
afterAll(() => {
  if (placedNative) rmSync(nativeDir, { recursive: true, force: true });
});

function runStart(env: NodeJS.ProcessEnv, args: string[] = []) {
  const base = { ...process.env };
  delete base.ELECTRON_OVERRIDE_DIST_PATH;
  delete base.ELECTRON_EXEC_PATH;
  delete base.ELECTRON_RENDERER_URL;
  return spawnSync(process.execPath, [START, ...args], {
    cwd: ROOT,
    env: { ...base, ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

/** A dist folder holding an `electron` that writes its arguments and folder to a log, then exits 0. */
function fakeElectronDist(): { dist: string; log: string } {
  const dist = tempDir();
  const log = join(dist, 'launched.log');
  const exe = join(dist, 'electron');
  writeFileSync(exe, `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > '${log}'\nexit 0\n`);
  chmodSync(exe, 0o755);
  return { dist, log };
}

const oldNode = nodeVersionProblem(process.versions.node, electronPackage.engines.node) !== null;

describe.runIf(process.platform !== 'win32')('npm start (scripts/start.mjs)', () => {
  it('with a local Electron, prepares, builds and launches it on the project', () => {
    const { dist, log } = fakeElectronDist();
    rmSync(join(ROOT, 'out', 'main', 'index.js'), { force: true });
    const r = runStart({ ELECTRON_OVERRIDE_DIST_PATH: dist });
    expect(r.stderr + r.stdout).toContain(`启动 / launching: ${join(dist, 'electron')}`);
    expect(r.status).toBe(0);
    // electron-vite preview built the app before launching it…
    expect(existsSync(join(ROOT, 'out', 'main', 'index.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'out', 'preload', 'index.js'))).toBe(true);
    expect(existsSync(join(ROOT, 'out', 'renderer', 'index.html'))).toBe(true);
    // …and ran our stand-in on the project folder (its package.json "main" is the built bundle).
    const [cwd, ...args] = readFileSync(log, 'utf8').trim().split('\n');
    expect(cwd).toBe(ROOT);
    expect(args[0]).toBe('.');
  });

  it('--prepare-only stops before building and launching', () => {
    const { dist, log } = fakeElectronDist();
    const r = runStart({ ELECTRON_OVERRIDE_DIST_PATH: dist }, ['--prepare-only']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`已就绪 / ready: ${join(dist, 'electron')}`);
    expect(existsSync(log)).toBe(false);
  });

  it('a dist folder without Electron in it is named, in Chinese and English, and nothing is launched', () => {
    const empty = tempDir();
    const r = runStart({ ELECTRON_OVERRIDE_DIST_PATH: empty });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      `ELECTRON_OVERRIDE_DIST_PATH 指向的文件夹里没有 Electron 程序：${join(empty, 'electron')}`,
    );
    expect(r.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH does not contain the Electron executable');
    expect(r.stdout).not.toContain('launching');
  });

  it('where Electron cannot be downloaded, says what to do in Chinese and English and stops', () => {
    // As on a machine with Node 22 (process.versions patched before the script runs) whose
    // download fails: the mirror is a closed local port, the cache an empty folder.
    const dir = tempDir();
    const asNode22 = join(dir, 'as-node-22.cjs');
    writeFileSync(
      asNode22,
      "Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '22.12.0' } });\n",
    );
    const r = runStart({
      NODE_OPTIONS: `--require ${asNode22}`,
      ELECTRON_MIRROR: 'http://127.0.0.1:9/',
      electron_config_cache: join(dir, 'cache'),
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`检查 Electron ${electronPackage.version} 程序`);
    expect(r.stderr).toContain(`无法下载 Electron ${electronPackage.version} 程序（首次启动需要联网一次`);
    expect(r.stderr).toContain('设置环境变量 ELECTRON_MIRROR');
    expect(r.stderr).toContain(`electron-v${electronPackage.version}-${process.platform}-${process.arch}.zip`);
    expect(r.stderr).toContain(`Could not download the Electron ${electronPackage.version} binary`);
    expect(r.stdout).not.toContain('launching');
  });

  // The refusal can only be shown on a Node older than Electron's launcher wants (CI runs Node 20);
  // nodeVersionProblem itself is tested for every case in tests/integration/shell/start-checks.test.ts.
  it.runIf(oldNode)('on a Node older than Electron’s launcher needs, says so first and does nothing else', () => {
    const r = runStart({});
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`Node.js ${process.versions.node} 版本过低`);
    expect(r.stderr).toContain(`需要 Node.js ≥ 22.12.0`);
    expect(r.stderr).toContain(`Node.js ${process.versions.node} is too old: running the app needs Node.js ≥ 22.12.0`);
    expect(r.stdout).not.toContain('检查 Electron');
  });
});
