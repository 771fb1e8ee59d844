#!/usr/bin/env node
/**
 * `npm start` / `npm run dev`: everything the app needs before electron-vite launches it, in order,
 * each step saying plainly what to do when it cannot go on:
 *   1. Node new enough for Electron's launcher (its `engines`, 22.12 for Electron 45);
 *   2. the Electron binary: Electron 45 has no install step, and electron-vite reads
 *      `node_modules/electron/path.txt` itself and throws "Electron uninstall" without it, so a
 *      fresh `npm install && npm start` could never launch. We run Electron's own install.js
 *      (downloads once, then does nothing), or use `ELECTRON_OVERRIDE_DIST_PATH` when set;
 *   3. better-sqlite3 built for Electron's ABI (scripts/prepare-electron-sqlite.mjs);
 *   4. electron-vite (preview: build then launch; dev: dev server), told the binary's path through
 *      `ELECTRON_EXEC_PATH` so it does not look for path.txt again.
 * `--prepare-only` stops after step 3.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronExecutableName, nodeVersionProblem } from './start-checks.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const dev = args.includes('--dev');
const prepareOnly = args.includes('--prepare-only');

function fail(zh, en) {
  console.error(`\n[kam start] ${zh}\n[kam start] ${en}\n`);
  process.exit(1);
}

const require = createRequire(join(root, 'package.json'));
let electronDir;
try {
  electronDir = dirname(require.resolve('electron/package.json'));
} catch {
  fail(
    '尚未安装依赖：请先在项目目录运行 npm install。',
    'Dependencies are not installed: run `npm install` in the project folder first.',
  );
}
const electronPackage = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8'));

// 1. Node. With a binary of one's own (ELECTRON_OVERRIDE_DIST_PATH) the downloader that declares
// this requirement never runs, and electron-vite itself accepts Node 20.19.
const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const nodeProblem = nodeVersionProblem(process.versions.node, electronPackage.engines?.node ?? '>=0');
if (nodeProblem && !override) {
  fail(
    `Node.js ${process.versions.node} 版本过低：运行本程序需要 Node.js ${nodeProblem.required}（Electron ${electronPackage.version} 的启动器要求）。请安装 Node.js 22 LTS 或更新版本后重试。测试（npm test）和命令行（npm run kam）在 Node 20 上也能运行。`,
    `Node.js ${process.versions.node} is too old: running the app needs Node.js ${nodeProblem.required} (Electron ${electronPackage.version}'s launcher). Install Node.js 22 LTS or newer and try again. The tests (npm test) and the command line (npm run kam) also run on Node 20.`,
  );
}
if (nodeProblem) {
  console.warn(
    `[kam start] Node.js ${process.versions.node}：使用 ELECTRON_OVERRIDE_DIST_PATH 指定的 Electron，不需要下载器。 / using the Electron in ELECTRON_OVERRIDE_DIST_PATH; no download needed.`,
  );
}

// 2. The Electron binary.
let executable;
if (override) {
  executable = join(override, electronExecutableName(process.platform));
  if (!existsSync(executable)) {
    fail(
      `ELECTRON_OVERRIDE_DIST_PATH 指向的文件夹里没有 Electron 程序：${executable}`,
      `ELECTRON_OVERRIDE_DIST_PATH does not contain the Electron executable: ${executable}`,
    );
  }
} else {
  console.log(`[kam start] 检查 Electron ${electronPackage.version} 程序 / checking the Electron binary …`);
  const installed = spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'inherit' });
  const pathFile = join(electronDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  executable = relative ? join(electronDir, 'dist', relative) : '';
  if (installed.status !== 0 || !relative || !existsSync(executable)) {
    fail(
      `无法下载 Electron ${electronPackage.version} 程序（首次启动需要联网一次，约 100 MB）。请任选其一：
  1. 连接网络后重新运行 npm start；
  2. 若所在网络只能访问内部镜像，设置环境变量 ELECTRON_MIRROR 为该镜像的 Electron 地址后重试；
  3. 在另一台联网电脑上下载 electron-v${electronPackage.version}-${process.platform}-${process.arch}.zip，解压到一个文件夹，
     再设置 ELECTRON_OVERRIDE_DIST_PATH=该文件夹 后运行 npm start。`,
      `Could not download the Electron ${electronPackage.version} binary (the first start needs the network once, ~100 MB). Either
  1. connect and run npm start again;
  2. set ELECTRON_MIRROR to your organisation's Electron mirror and retry; or
  3. unzip electron-v${electronPackage.version}-${process.platform}-${process.arch}.zip (downloaded elsewhere) into a folder and
     set ELECTRON_OVERRIDE_DIST_PATH to that folder.`,
    );
  }
}

// 3. better-sqlite3 for Electron's ABI (prints its own bilingual message when offline).
const native = spawnSync(process.execPath, [join(root, 'scripts', 'prepare-electron-sqlite.mjs')], {
  stdio: 'inherit',
});
if (native.status !== 0) process.exit(native.status ?? 1);

if (prepareOnly) {
  console.log(`[kam start] 已就绪 / ready: ${executable}`);
  process.exit(0);
}

// 4. Launch through electron-vite with the binary found above.
console.log(`[kam start] 启动 / launching: ${executable}`);
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const child = spawn(process.execPath, [electronVite, dev ? 'dev' : 'preview'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ELECTRON_EXEC_PATH: executable },
});
child.on('close', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
