/** `npm run boundaries`: scans shared/, electron/ and renderer/ and fails on a crossed boundary. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkImports, relativePosix, type Violation } from './boundaries';

const ROOT = resolve(__dirname, '..');

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name)) yield path;
  }
}

const violations: Violation[] = [];
let files = 0;
for (const top of ['shared', 'electron', 'renderer']) {
  for (const file of sourceFiles(join(ROOT, top))) {
    files++;
    violations.push(...checkImports(relativePosix(ROOT, file), readFileSync(file, 'utf8')));
  }
}
if (violations.length > 0) {
  for (const v of violations) console.error(`${v.file}: '${v.specifier}' — ${v.rule}`);
  console.error(`分层检查失败：${violations.length} 处越界引用`);
  process.exit(1);
}
console.log(`分层检查通过：${files} 个文件`);
