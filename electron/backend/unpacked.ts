/**
 * Where a file the backend hands to Node itself really is, once the app is packaged.
 *
 * Packaged, the main bundle runs from `…/resources/app.asar/out/main`. Electron's patched `fs`
 * reads inside the archive, but a worker thread's script, the packages it requires and a native
 * module must be real files: electron-builder copies those to `…/resources/app.asar.unpacked/…`
 * (`asarUnpack` in electron-builder.config.cjs). The backend never imports `electron`, so it
 * cannot ask `app.isPackaged`; it recognises the archive in its own path instead. Outside a package
 * (tests, CLI, `npm start`) no path has an `app.asar` folder and nothing changes.
 */
import { existsSync } from 'node:fs';

/** An `app.asar` path segment: after a separator or at the start, before a separator or at the end. */
const ASAR_SEGMENT = /(^|[\\/])app\.asar(?=[\\/]|$)/;

/**
 * The same path inside `app.asar.unpacked`, or null when the path has no `app.asar` segment.
 * Only the first segment is swapped (an archive is never nested in another); separators are kept
 * as they are, so a Windows path stays a Windows path.
 */
export function asarUnpackedPath(path: string): string | null {
  return ASAR_SEGMENT.test(path) ? path.replace(ASAR_SEGMENT, '$1app.asar.unpacked') : null;
}

/**
 * `path`, or its `app.asar.unpacked` twin when that exists. Falls back to the path itself, so a
 * file that was not unpacked is still found through Electron's archive support.
 */
export function preferUnpacked(path: string, exists: (candidate: string) => boolean = existsSync): string {
  const unpacked = asarUnpackedPath(path);
  return unpacked !== null && exists(unpacked) ? unpacked : path;
}
