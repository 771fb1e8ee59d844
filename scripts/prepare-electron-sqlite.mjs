#!/usr/bin/env node
/**
 * Prepares better-sqlite3 for Electron's ABI in its own folder (.electron-native/…), leaving the
 * Node build in node_modules untouched (the tests use that one). `npm start` runs this; it does
 * nothing when the file is already there. Needs the network once (prebuilt binary, or Electron's
 * headers to compile); offline it says exactly what to do.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
const { platform, arch } = process;
const folder = join(root, '.electron-native', `electron-v${electronVersion}-${platform}-${arch}`);
const target = join(folder, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = join(root, '.electron-native', `build-${electronVersion}-${platform}-${arch}`);
rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
cpSync(source, work, { recursive: true, filter: (p) => !p.includes(`${join(source, 'build')}`) });

function attempt(label, command, args) {
  try {
    console.log(`[prepare-electron-sqlite] ${label} …`);
    execFileSync(command, args, {
      cwd: work,
      stdio: 'inherit',
      env: { ...process.env, npm_config_runtime: 'electron' },
    });
    return existsSync(join(work, 'build', 'Release', 'better_sqlite3.node'));
  } catch {
    return false;
  }
}

const prebuild = (() => {
  try {
    return require.resolve('prebuild-install/bin.js');
  } catch {
    return null;
  }
})();
const npmDir = process.env.npm_execpath ? dirname(dirname(process.env.npm_execpath)) : null;
const nodeGyp = npmDir ? join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js') : null;

const ok =
  (prebuild !== null &&
    attempt('下载预编译模块 / downloading prebuilt binary', process.execPath, [
      prebuild,
      '--runtime=electron',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      `--platform=${platform}`,
    ])) ||
  (nodeGyp !== null &&
    existsSync(nodeGyp) &&
    attempt('编译 / compiling against Electron headers', process.execPath, [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]));

if (!ok) {
  rmSync(work, { recursive: true, force: true });
  console.error(`
[prepare-electron-sqlite] 无法为 Electron ${electronVersion}（${platform}-${arch}）准备 better-sqlite3。
这一步需要联网一次（下载预编译模块或 Electron 头文件）。请：
  1. 连接网络后在项目目录运行：node scripts/prepare-electron-sqlite.mjs
  2. 或在另一台联网的同型号电脑上运行上面的命令，再把生成的文件复制到：
       ${target}
测试（npm test）与命令行（npm run kam）不需要这一步。
Could not prepare better-sqlite3 for Electron ${electronVersion}. Run the command above once while online,
or copy a better_sqlite3.node built for Electron ${electronVersion} ${platform}-${arch} to the path above.`);
  process.exit(1);
}

mkdirSync(folder, { recursive: true });
cpSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(work, { recursive: true, force: true });
console.log(`[prepare-electron-sqlite] 已就绪 / ready: ${target}`);
