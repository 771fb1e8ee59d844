/**
 * What only the desktop host can do: native file dialogs (open a unit's workbook, save an export
 * or an error report, choose a folder for templates) and showing a file in its folder. They travel
 * on the same single IPC channel as the registry's channels, under `host/`, and are answered by
 * the Electron main process (electron/main/host.ts) or, in browser tests, by the test harness.
 */
import { z } from 'zod';

const filters = z
  .array(
    z.object({ name: z.string().max(100), extensions: z.array(z.string().regex(/^[a-z0-9*]+$/)).max(10) }).strict(),
  )
  .max(10)
  .default([]);

export const hostSchemas = {
  'host/open-file': z.object({ title: z.string().max(100), filters, multiple: z.boolean().default(false) }).strict(),
  'host/save-file': z.object({ title: z.string().max(100), defaultName: z.string().max(200), filters }).strict(),
  'host/choose-folder': z.object({ title: z.string().max(100) }).strict(),
  'host/show-in-folder': z.object({ path: z.string().min(1).max(1000) }).strict(),
  /** The report's print view (reports/html) to the system printer, through the system's print dialog. */
  'host/print': z.object({ title: z.string().max(200), html: z.string().min(1).max(20_000_000) }).strict(),
} as const;

export interface HostResults {
  /** Empty when the officer cancelled. */
  'host/open-file': { paths: string[] };
  /** Null when cancelled. */
  'host/save-file': { path: string | null };
  'host/choose-folder': { path: string | null };
  'host/show-in-folder': { ok: true };
  /** False when the officer cancelled the print dialog. */
  'host/print': { printed: boolean };
}

export type HostChannel = keyof typeof hostSchemas;
export type HostInput<C extends HostChannel> = z.input<(typeof hostSchemas)[C]>;
export type HostParsed<C extends HostChannel> = z.output<(typeof hostSchemas)[C]>;

export function isHostChannel(value: unknown): value is HostChannel {
  return typeof value === 'string' && Object.hasOwn(hostSchemas, value);
}

/** Excel workbooks, for every dialog that opens or saves one. */
export const XLSX_FILTERS = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];

/**
 * The files a revenue import reads (DOMAIN-DECISIONS "Imports", CSV): workbooks old and new, and
 * CSV in any of the encodings units save it in. All three together first: the dialog opens on it.
 */
export const IMPORT_FILTERS = [
  { name: 'Excel 工作簿或 CSV 文件', extensions: ['xlsx', 'xls', 'csv'] },
  { name: 'Excel 工作簿', extensions: ['xlsx', 'xls'] },
  { name: 'CSV 文件（逗号分隔）', extensions: ['csv'] },
];
