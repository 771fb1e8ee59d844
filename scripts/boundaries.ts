/**
 * Import boundaries (docs/ARCHITECTURE.md): shared/ imports no Node, DOM or Electron module;
 * electron/backend never imports `electron`; renderer/ imports nothing from electron/. DOM and
 * Node *globals* in shared/ are caught by its tsconfig (no DOM lib, no Node types).
 */
import { builtinModules } from 'node:module';
import { dirname, join, normalize, relative, sep } from 'node:path';

export interface Violation {
  file: string;
  specifier: string;
  rule: string;
}

const IMPORT_PATTERNS = [
  /\bimport\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bexport\s+(?:type\s+)?[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

export function importSpecifiers(source: string): string[] {
  const found = new Set<string>();
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of source.matchAll(pattern)) if (match[1]) found.add(match[1]);
  }
  return [...found];
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const DOM_MODULES = new Set(['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime']);

function isNodeBuiltin(spec: string): boolean {
  return spec.startsWith('node:') || NODE_BUILTINS.has(spec) || NODE_BUILTINS.has(spec.split('/')[0] ?? '');
}

function isElectron(spec: string): boolean {
  return spec === 'electron' || spec.startsWith('electron/');
}

/** The project-relative folder a relative import points into (posix separators). */
function target(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return normalize(join(dirname(file), spec))
    .split(sep)
    .join('/');
}

/** `file` is project-relative with forward slashes. */
export function checkImports(file: string, source: string): Violation[] {
  const out: Violation[] = [];
  // Tests beside the code may use the shared test support in tests/; they still obey the rest.
  const isTest = /\.test\.tsx?$/.test(file);
  for (const spec of importSpecifiers(source)) {
    const into = target(file, spec);
    const add = (rule: string) => out.push({ file, specifier: spec, rule });
    if (file.startsWith('shared/')) {
      if (isElectron(spec)) add('shared/ 不得引用 electron');
      else if (isNodeBuiltin(spec)) add('shared/ 不得引用 Node 内置模块');
      else if (DOM_MODULES.has(spec)) add('shared/ 不得引用 DOM/React 模块');
      else if (into !== null && !into.startsWith('shared/')) add('shared/ 只能引用 shared/ 内的文件');
    } else if (file.startsWith('electron/backend/')) {
      if (isElectron(spec)) add('electron/backend 不得引用 electron（须能在纯 Node 下运行）');
      else if (into !== null && !isTest && !(into.startsWith('electron/backend/') || into.startsWith('shared/')))
        add('electron/backend 只能引用 backend 与 shared/');
    } else if (file.startsWith('renderer/')) {
      if (isElectron(spec)) add('renderer/ 不得引用 electron');
      else if (isNodeBuiltin(spec)) add('renderer/ 不得引用 Node 内置模块');
      else if (into?.startsWith('electron/')) add('renderer/ 不得引用 electron/ 下的代码');
    } else if (file.startsWith('electron/preload/')) {
      if (!isElectron(spec) && !(into?.startsWith('shared/') ?? false)) add('preload 只能引用 electron 与 shared/');
    }
  }
  return out;
}

export function relativePosix(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
