/**
 * The pure decisions of scripts/start.mjs, unit-tested in tests/integration/shell/start-checks.test.ts.
 */

/** `[major, minor, patch]` of a version such as `22.12.0` or `v20.20.2`. */
function parts(version) {
  const m = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?/.exec(String(version).trim());
  return m ? [Number(m[1]), Number(m[2] ?? 0), Number(m[3] ?? 0)] : null;
}

/**
 * Whether `version` satisfies an `engines` range of the form Electron uses (`>= 22.12.0`).
 * Returns null when it does, or `{ required }` (the minimum, as written) when it does not. A range
 * of another form is not ours to judge: null.
 */
export function nodeVersionProblem(version, range) {
  const m = /^\s*>=\s*(v?\d+(?:\.\d+){0,2})\s*$/.exec(String(range));
  if (!m) return null;
  const have = parts(version);
  const need = parts(m[1]);
  if (!have || !need) return null;
  for (let i = 0; i < 3; i++) {
    if (have[i] > need[i]) return null;
    if (have[i] < need[i]) return { required: `≥ ${m[1]}` };
  }
  return null;
}

/** The executable inside an Electron dist folder, as Electron's own install.js names it. */
export function electronExecutableName(platform) {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}
