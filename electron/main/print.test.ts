import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** What the hidden window was asked to do, and what it saw on disk when asked. */
const seen = vi.hoisted(() => ({
  options: [] as unknown[],
  loaded: [] as { url: string; html: string }[],
  printed: [] as unknown[],
  destroyed: 0,
  failPrint: false,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: unknown) {
      seen.options.push(options);
    }
    async loadURL(url: string): Promise<void> {
      const { readFileSync: read } = await import('node:fs');
      const { fileURLToPath: toPath } = await import('node:url');
      seen.loaded.push({ url, html: read(toPath(url), 'utf8') });
    }
    webContents = {
      printToPDF: async (options: unknown): Promise<Buffer> => {
        seen.printed.push(options);
        if (seen.failPrint) throw new Error('printer gone');
        return Buffer.from('%PDF-1.7 fake');
      },
    };
    destroy(): void {
      seen.destroyed += 1;
    }
  }
  return { BrowserWindow };
});

const { printReportPdf } = await import('./print');

beforeEach(() => {
  seen.options.length = 0;
  seen.loaded.length = 0;
  seen.printed.length = 0;
  seen.destroyed = 0;
  seen.failPrint = false;
});

describe('printReportPdf: the app prints the print view from a hidden window', () => {
  it('loads the very HTML from a temporary file, prints A4 by the page’s own CSS, and cleans up', async () => {
    const html = '<!doctype html><p>汕头 &amp; 报告</p>';
    const pdf = await printReportPdf(html);
    expect(pdf.toString()).toBe('%PDF-1.7 fake');
    expect(seen.options).toEqual([expect.objectContaining({ show: false })]);
    expect(seen.options[0]).toMatchObject({
      webPreferences: { javascript: false, sandbox: true, disableBlinkFeatures: 'Auxclick' },
    });
    expect(seen.loaded).toHaveLength(1);
    expect(seen.loaded[0]?.url).toMatch(/^file:\/\/.*report\.html$/);
    expect(seen.loaded[0]?.html).toBe(html);
    expect(seen.printed).toEqual([{ pageSize: 'A4', preferCSSPageSize: true, printBackground: true }]);
    expect(seen.destroyed).toBe(1);
    expect(existsSync(fileURLToPath(seen.loaded[0]?.url ?? 'file:///nope'))).toBe(false);
  });

  it('closes the window and removes the file when printing fails', async () => {
    seen.failPrint = true;
    await expect(printReportPdf('<p>x</p>')).rejects.toThrow('printer gone');
    expect(seen.destroyed).toBe(1);
    const url = seen.loaded[0]?.url ?? 'file:///nope';
    expect(existsSync(fileURLToPath(url))).toBe(false);
    expect(() => readFileSync(fileURLToPath(url))).toThrow();
  });
});
