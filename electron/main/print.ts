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

/** Loads the print view into a hidden window, runs `use` on it, and cleans both up. */
async function withPrintWindow<T>(html: string, use: (win: BrowserWindow) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'kam-print-'));
  const file = join(dir, 'report.html');
  // Nothing in the page runs script or reaches out: it is static markup with inline SVG.
  const win = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      // As the app window (index.ts): a middle click opens nothing.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  try {
    await writeFile(file, html, 'utf8');
    await win.loadURL(pathToFileURL(file).href);
    return await use(win);
  } finally {
    win.destroy();
    await rm(dir, { recursive: true, force: true });
  }
}

export function printReportPdf(html: string): Promise<Buffer> {
  return withPrintWindow(html, (win) =>
    win.webContents.printToPDF({ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }),
  );
}

/**
 * 打印: the same page to a paper printer through the system's print dialog (the officer picks the
 * printer and copies there). Resolves false when the dialog was cancelled; a printer's failure is
 * an error the page shows.
 */
export function printReportToPrinter(html: string, title: string): Promise<{ printed: boolean }> {
  return withPrintWindow(
    html,
    (win) =>
      new Promise((resolve, reject) => {
        win.setTitle(title);
        win.webContents.print({ silent: false, printBackground: true, pageSize: 'A4' }, (success, failureReason) => {
          if (success) resolve({ printed: true });
          else if (failureReason === 'cancelled' || failureReason === '') resolve({ printed: false });
          else reject(new Error(failureReason));
        });
      }),
  );
}
