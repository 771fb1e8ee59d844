/**
 * Which input fields of which channels name a file or a folder on the officer's computer, and what
 * the channel does with it. The Electron shell (electron/main/chosen-paths.ts) lets the page name
 * only paths the officer chose in one of the host dialogs since the app started
 * (docs/DOMAIN-DECISIONS.md "Files the window may name"): a page that went wrong can then neither
 * read nor overwrite any other file. The command line and the tests call the registry directly and
 * are not affected. shared/api/paths.test.ts checks that every schema field that looks like a path
 * is listed here, so a new channel cannot slip past the shell.
 */
import type { Channel } from './contract';
import type { HostChannel } from './host';

/**
 * - read: a file the channel reads — chosen in the open dialog.
 * - write: a file the channel writes — chosen in the save dialog, or directly inside a chosen folder.
 * - folder: a folder the channel writes files into — chosen in the folder dialog.
 * - reveal: shown in the system's file manager — any path the officer chose, or a file in a chosen folder.
 */
export type PathUse = 'read' | 'write' | 'folder' | 'reveal' | 'backup';

export type PathFields = Readonly<Record<string, PathUse>>;

/** Top-level input fields only: a path nested deeper would not be checked (the test refuses one). */
export const PATH_FIELDS: { readonly [C in Channel | HostChannel]?: PathFields } = {
  'imports/preview': { path: 'read', next: 'read' },
  'imports/error-report': { path: 'write' },
  'customers/import-preview': { path: 'read' },
  'manager-changes/preview': { path: 'read' },
  'customers/import-template': { path: 'write' },
  'exports/build': { path: 'write' },
  'scorecards/export': { path: 'write' },
  'lists/export': { path: 'write' },
  'templates/generate': { outDir: 'folder' },
  'receipts/generate': { outDir: 'folder' },
  'reports/export': { path: 'write' },
  'backups/create': { folder: 'folder', file: 'write' },
  // A copy from 设置 → 备份与恢复's list (in the database's backups folder), or one opened in the dialog.
  'backups/restore': { file: 'backup' },
  'reports/export-month': { path: 'write' },
  'host/show-in-folder': { path: 'reveal' },
};

export function pathFieldsOf(channel: string): PathFields | undefined {
  return Object.hasOwn(PATH_FIELDS, channel) ? PATH_FIELDS[channel as Channel | HostChannel] : undefined;
}
