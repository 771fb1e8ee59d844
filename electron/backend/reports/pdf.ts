/**
 * The report's print view (shared/domain/report/print-html.ts) → PDF bytes through the system's
 * Chromium, for the command line and the tests; the app prints the same HTML with Electron's own
 * Chromium (electron/main/print.ts). The page's @page rules decide size and margins
 * (preferCSSPageSize), so both paths lay it out alike.
 *
 * One browser per call, closed afterwards: a report is printed a few times a month, and a browser
 * kept warm would hold ~100 MB and a child process for a command that exits anyway.
 */
import { chromium } from 'playwright-core';
import { AppError } from '../../../shared/api/errors';
import { CHROMIUM_ARGS, chromiumCandidates, locateChromium } from './chromium';

export interface PrintPdfOptions {
  /** Where to look for a browser (tests); default: CHROMIUM_PATH, then the usual install paths. */
  candidates?: readonly string[];
}

export async function printPdf(html: string, options: PrintPdfOptions = {}): Promise<Buffer> {
  const candidates = options.candidates ?? chromiumCandidates();
  const executablePath = locateChromium(candidates);
  if (executablePath === null) {
    throw new AppError(
      'UNAVAILABLE',
      {
        zh: `没有找到 Chromium 系浏览器，无法生成 PDF（已查找：${candidates.join('、')}）。请改为导出 Word（docx），或安装 Chromium 后设置 CHROMIUM_PATH。`,
        en: `No Chromium-family browser was found, so the PDF cannot be made (looked in: ${candidates.join(', ')}). Export to Word (docx) instead, or install Chromium and set CHROMIUM_PATH.`,
      },
      { candidates: [...candidates] },
    );
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    // The page has no external resource, so "load" means its inline SVG and styles are in; fonts
    // are awaited explicitly, or a page could print in a fallback face.
    await page.setContent(html, { waitUntil: 'load' });
    // Typed by hand: the backend compiles without the DOM library.
    await page.evaluate(() =>
      (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready.then(
        () => undefined,
      ),
    );
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, format: 'A4' });
    return Buffer.from(pdf);
  } finally {
    await browser.close();
  }
}
