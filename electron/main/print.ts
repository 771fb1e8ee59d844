/**
 * The app's PDF of the report: the same print view the command line prints with Chromium
 * (shared/domain/report/print-html.ts, electron/backend/reports/pdf.ts), here printed by
 * Electron's own Chromium from a hidden window, so no browser needs to be installed. The page's
 * @page rules set A4 and the GB/T 9704 margins (preferCSSPageSize).
 *
 * The HTML is written to a temporary file and loaded from there rather than as a data: URL: a
 * report with embedded fonts runs to megabytes, beyond what a URL should carry.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BrowserWindow } from 'electron';

export async function printReportPdf(html: string): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'kam-print-'));
  const file = join(dir, 'report.html');
  // Nothing in the page runs script or reaches out: it is static markup with inline SVG.
  const win = new BrowserWindow({
    show: false,
    webPreferences: { javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false },
  });
  try {
    await writeFile(file, html, 'utf8');
    await win.loadURL(pathToFileURL(file).href);
    return await win.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true });
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}
