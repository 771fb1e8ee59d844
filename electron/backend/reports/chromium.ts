/**
 * Where the system's Chromium-family browser is: the command line and the tests print the report
 * to PDF with it (pdf.ts), and the browser tests drive the built renderer in it
 * (tests/e2e/harness.ts). One finder, so both look in the same places.
 */
import { existsSync } from 'node:fs';

/**
 * CHROMIUM_PATH alone when it is set (an explicit choice: a wrong path is reported, not silently
 * replaced by another browser), else where Debian, Ubuntu and the vendors install one.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  if (env.CHROMIUM_PATH !== undefined && env.CHROMIUM_PATH !== '') return [env.CHROMIUM_PATH];
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/microsoft-edge',
  ];
}

/** The first candidate that exists, or null: the caller decides how loudly to fail. */
export function locateChromium(
  candidates: readonly string[] = chromiumCandidates(),
  exists: (path: string) => boolean = existsSync,
): string | null {
  return candidates.find((p) => exists(p)) ?? null;
}

/** Fails loudly: a missing browser must never turn into silently skipped tests. */
export function findChromium(
  candidates: readonly string[] = chromiumCandidates(),
  exists: (path: string) => boolean = existsSync,
): string {
  const found = locateChromium(candidates, exists);
  if (found === null) {
    throw new Error(
      `找不到 Chromium 系浏览器（已查找：${candidates.join('、')}）。请安装：apt-get install -y chromium，或设置 CHROMIUM_PATH。`,
    );
  }
  return found;
}

/** Headless and quiet: no sandbox (containers), no GPU, no network chatter of its own. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
