/**
 * The files and folders the officer chose in the host dialogs since the app started, and the check
 * that the page names no other (shared/api/paths.ts lists which fields of which channels are
 * paths; docs/DOMAIN-DECISIONS.md "Files the window may name"). Pure: no `electron` import, the
 * path functions are passed in, so it is unit-tested for Windows paths under any OS.
 *
 * - A file chosen in the open dialog may be read.
 * - A file chosen in the save dialog may be written; so may a file directly inside a chosen folder
 *   (the month's templates are written into one, a file per unit).
 * - A chosen folder may be written into.
 * - Any of these may be shown in the file manager.
 */
import type { ApiError } from '../../shared/api/errors';
import { type PathUse, pathFieldsOf } from '../../shared/api/paths';

/** What the check needs of node:path (posix or win32). */
export interface PathFunctions {
  resolve(...paths: string[]): string;
  dirname(path: string): string;
}

export class ChosenPaths {
  private readonly opened = new Set<string>();
  private readonly saved = new Set<string>();
  private readonly folders = new Set<string>();

  /**
   * @param caseInsensitive Windows (and macOS by default) names one file in any letter case: the
   *   officer's `C:\Users\…` may come back as `c:\users\…` from the page.
   */
  constructor(
    private readonly path: PathFunctions,
    private readonly caseInsensitive: boolean,
    /** The database's backups folder: its copies are listed to the page, which restores one by name. */
    private readonly backupsDir: string | null = null,
  ) {}

  private key(p: string): string {
    const resolved = this.path.resolve(p);
    return this.caseInsensitive ? resolved.toLowerCase() : resolved;
  }

  /** Records what a host dialog answered (nothing when it was cancelled or failed). */
  recordDialog(channel: string, value: unknown): void {
    if (typeof value !== 'object' || value === null) return;
    const v = value as { paths?: unknown; path?: unknown };
    if (channel === 'host/open-file' && Array.isArray(v.paths)) {
      for (const p of v.paths) if (typeof p === 'string' && p !== '') this.opened.add(this.key(p));
    } else if (channel === 'host/save-file' && typeof v.path === 'string' && v.path !== '') {
      this.saved.add(this.key(v.path));
    } else if (channel === 'host/choose-folder' && typeof v.path === 'string' && v.path !== '') {
      this.folders.add(this.key(v.path));
    }
  }

  private inBackups(key: string): boolean {
    return this.backupsDir !== null && this.path.dirname(key) === this.key(this.backupsDir);
  }

  private inChosenFolder(key: string): boolean {
    const parent = this.path.dirname(key);
    return parent !== key && this.folders.has(parent);
  }

  allows(use: PathUse, p: string): boolean {
    const key = this.key(p);
    switch (use) {
      case 'read':
        return this.opened.has(key);
      case 'write':
        return this.saved.has(key) || this.inChosenFolder(key);
      case 'folder':
        return this.folders.has(key);
      case 'reveal':
        return (
          this.opened.has(key) ||
          this.saved.has(key) ||
          this.folders.has(key) ||
          this.inChosenFolder(key) ||
          this.inBackups(key)
        );
      case 'backup':
        return this.opened.has(key) || this.inBackups(key);
    }
  }
}

/**
 * The first path field of a call that names a path the officer did not choose, or null. A field
 * that is absent, null (a channel's "return the bytes instead") or not a non-blank string is left
 * to the channel's own validation, which refuses or ignores it. Strings are trimmed as the
 * schemas trim them, so the path checked is the path used.
 */
export function refusedPathField(channel: unknown, input: unknown, chosen: ChosenPaths): string | null {
  if (typeof channel !== 'string') return null;
  const fields = pathFieldsOf(channel);
  if (!fields || typeof input !== 'object' || input === null) return null;
  for (const [field, use] of Object.entries(fields)) {
    const value = (input as Record<string, unknown>)[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    if (!chosen.allows(use, value.trim())) return field;
  }
  return null;
}

/** The refusal the page gets: it names the field, never echoes the path it was sent. */
export function pathRefusal(field: string): { ok: false; error: ApiError } {
  return {
    ok: false,
    error: {
      code: 'FORBIDDEN',
      message: '拒绝访问：本程序只使用您在对话框中选择的文件或文件夹，请重新选择',
      messageEn: 'Refused: the program uses only the files and folders you chose in a dialog. Choose it again.',
      details: { field },
    },
  };
}
