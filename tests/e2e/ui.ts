/** Small steps the browser tests share: pick from a Mantine select, read back a list's export. */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import * as XLSX from 'xlsx';

export async function choose(page: Page, select: Locator, option: RegExp): Promise<void> {
  await select.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Closes the notifications on screen (before a screenshot); one may close by itself meanwhile. */
export async function closeNotifications(page: Page): Promise<void> {
  for (const close of await page.locator('.mantine-Notification-closeButton').all()) {
    await close.click({ timeout: 2_000 }).catch(() => undefined);
  }
}

export function dialog(page: Page): Locator {
  return page.getByRole('dialog');
}

/**
 * A list saved by 导出 Excel: the lines above the header (title, filters, count), the header row
 * (found by its first title) and the rows under it.
 */
export function readListExport(
  path: string,
  firstTitle: string,
): { above: unknown[]; header: unknown[]; rows: unknown[][] } {
  const book = XLSX.read(readFileSync(path));
  const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
  const grid = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, blankrows: false, defval: null });
  const at = grid.findIndex((r) => r[0] === firstTitle);
  if (at < 0) throw new Error(`${path}: no header row starting with ${firstTitle}`);
  return { above: grid.slice(0, at).map((r) => r[0]), header: grid[at] ?? [], rows: grid.slice(at + 1) };
}
