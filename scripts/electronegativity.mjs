/**
 * `npm run electronegativity`: Doyensec's Electron security lint over the shell's sources
 * (electron/, renderer/ with its index.html, shared/, and package.json), offline and deterministic.
 * Every finding must be on the reviewed allowlist (scripts/electronegativity-allowlist.json, each
 * entry saying why it does not apply), and every entry must still match a finding.
 *
 * Two things stand between Electronegativity 1.10 and this repository, both handled here rather than
 * by patching node_modules, so a clean `npm ci` of the lockfile is enough:
 * - Its parser (@typescript-eslint/typescript-estree 4.x, hoisted) requires `typescript` and would
 *   get the project's TypeScript 7, whose JS API it cannot use. Electronegativity ships TypeScript
 *   4.2 in its own node_modules; inside this process every `typescript` request resolves to that copy
 *   (nothing else is loaded here).
 * - It fetches translations and Electron's release list with `got`. A stub answers every request
 *   "not found" without touching the network, and the one check that needs the release list
 *   (AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK) is skipped: its answer would depend on the day and the
 *   network. Electron's version is pinned in package.json and raised deliberately.
 *
 * We drive Electronegativity's parser and checks ourselves instead of its CLI because the CLI scans
 * one folder (here it would walk tests, out*, worktrees) and its global checks must see the main
 * process and the page together (a CSP or a permission handler found in one, looked for in the other).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ALLOWLIST = 'scripts/electronegativity-allowlist.json';
const SCAN_DIRS = ['electron', 'renderer', 'shared'];
const SCAN_FILES = ['package.json'];
/** What Electronegativity reads, plus the ES-module and CommonJS spellings (read as .js/.ts); tests are not shipped. */
const SCANNED = /\.(jsx?|tsx?|[cm][jt]s|html?|json)$/;
const asParsed = (file) => file.replace(/\.[cm]([jt]s)$/, '.$1');
const NOT_SHIPPED = /\.test\.[jt]sx?$/;

const require = createRequire(import.meta.url);
const ENEG = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const fromEneg = (request) => require.resolve(request, { paths: [ENEG] });

const OWN_TYPESCRIPT = fromEneg('typescript');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, request === 'typescript' ? OWN_TYPESCRIPT : request, ...rest);
};

const gotPath = fromEneg('got');
const offline = () => Promise.resolve({ statusCode: 404, body: '' });
offline.head = offline;
offline.get = offline;
const gotModule = new Module(gotPath);
gotModule.filename = gotPath;
gotModule.loaded = true;
gotModule.exports = offline;
require.cache[gotPath] = gotModule;

const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

const posix = (path) => relative(ROOT, path).split(sep).join('/');

function* sourceFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (SCANNED.test(entry.name) && !NOT_SHIPPED.test(entry.name)) yield path;
  }
}

/**
 * @typedef {{ check: string, file: string, code?: string, reviewed?: { path: string, sha256: string }[], why: string }} Entry
 * @returns {Entry[]}
 */
function readAllowlist() {
  const list = JSON.parse(readFileSync(join(ROOT, ALLOWLIST), 'utf8')).findings;
  for (const [i, e] of list.entries()) {
    if (typeof e.check !== 'string' || typeof e.file !== 'string' || typeof e.why !== 'string' || !e.why.trim()) {
      throw new Error(`${ALLOWLIST} findings[${i}]: needs check, file and why`);
    }
  }
  return list;
}

/** The text's hash with LF line ends, so a Windows checkout (CRLF) hashes the same. */
function sha256Of(path) {
  const text = readFileSync(join(ROOT, path), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text).digest('hex');
}

const started = Date.now();
const i18n = require(join(ENEG, 'dist/locales/i18n.js'));
const { Parser } = require(join(ENEG, 'dist/parser'));
const { Finder, GlobalChecks } = require(join(ENEG, 'dist/finder'));

await i18n(); // registers the global __() the checks describe themselves with
// The checks judge options by the defaults of the Electron we ship: the installed one, from the lockfile.
const electronVersion = require('electron/package.json').version;
const skipped = SKIPPED_CHECKS.map((c) => c.toLowerCase());
const globalChecks = new GlobalChecks([], skipped, undefined);
const finder = new Finder([], [], undefined);
const parser = new Parser(false, true); // as its CLI: Babel first for TypeScript, typescript-estree as fallback

const files = [...SCAN_DIRS.flatMap((d) => [...sourceFiles(join(ROOT, d))]), ...SCAN_FILES.map((f) => join(ROOT, f))];
const problems = [];
let issues = [];
for (const file of files) {
  const content = readFileSync(file);
  // A suppression in the code would bypass the reviewed list (and Electronegativity honours it).
  if (content.includes('eng-disable')) problems.push(`${posix(file)}: 含 eng-disable 注释；请改在 ${ALLOWLIST} 中说明`);
  try {
    const [type, data, text, warnings] = parser.parse(asParsed(file), content);
    if (data === null) continue;
    for (const w of warnings ?? []) problems.push(`${posix(file)}: 解析警告 / parse warning: ${w.message}`);
    issues.push(...(await finder.find(file, data, type, text, null, electronVersion)));
  } catch (error) {
    problems.push(`${posix(file)}: 无法解析 / cannot parse: ${error.message}`);
  }
}
// A global check marks the per-file findings it has settled (a permission handler exists) as hidden.
issues = (await globalChecks.getResults(issues, undefined)).filter((i) => !i.visibility?.globalCheckDisabled);

const allowlist = readAllowlist();
const used = new Set();
const unlisted = [];
for (const issue of issues) {
  const file = issue.file === 'N/A' ? 'N/A' : posix(issue.file);
  const code = issue.sample?.trim();
  const entry = allowlist.findIndex((e) => e.check === issue.id && e.file === file && (e.code ?? code) === code);
  if (entry >= 0) used.add(entry);
  else unlisted.push({ ...issue, file, code });
}
for (const issue of unlisted) {
  const where = issue.file === 'N/A' ? '(global)' : `${issue.file}:${issue.location.line}:${issue.location.column}`;
  problems.push(
    `${issue.id} [${issue.severity.name}/${issue.confidence.name}] ${where}` +
      `${issue.code ? `\n    ${issue.code}` : ''}\n    ${issue.description} ${issue.shortenedURL}`,
  );
}
for (const [i, e] of allowlist.entries()) {
  if (!used.has(i))
    problems.push(`${ALLOWLIST}: 条目不再匹配任何发现，请删除 / entry matches nothing: ${e.check} ${e.file}`);
  for (const r of e.reviewed ?? []) {
    const now = sha256Of(r.path);
    if (now !== r.sha256) {
      problems.push(
        `${ALLOWLIST}: ${r.path} 在审查 ${e.check} 之后已改动：请重新审查理由，再把 sha256 改为 ${now}` +
          ` / changed since ${e.check} was reviewed: review the reason again, then set its sha256`,
      );
    }
  }
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (problems.length > 0) {
  for (const p of problems) console.error(p);
  console.error(
    `Electronegativity 安全检查失败：${problems.length} 个问题（${files.length} 个文件，${seconds} 秒）。` +
      `修复代码，或经审查后连同理由写入 ${ALLOWLIST}`,
  );
  process.exit(1);
}
console.log(
  `Electronegativity 安全检查通过：${files.length} 个文件，${finder._enabled_checks.length + globalChecks._enabled_checks.length} 项检查，` +
    `${issues.length} 个发现均在已审查清单中（${ALLOWLIST}），${seconds} 秒`,
);
