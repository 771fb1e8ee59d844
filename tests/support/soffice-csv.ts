/**
 * Every sheet of workbooks as CSV, by LibreOffice. `libreoffice.ts` converts a workbook's first
 * sheet; the exports' province package has two, and LibreOffice names per-sheet output
 * `<file>-<sheet>.csv`, which its converter does not look for. This runs one soffice for several
 * files (a start costs seconds), with the same safeguards: a temporary user profile of its own, a
 * timeout that ends the whole process group, and a clear error when soffice is missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LibreOfficeError, requireSoffice } from './libreoffice';

/** UTF-8, comma, double quote, formatted text as shown, every sheet (-1) to its own file. */
const CSV_EVERY_SHEET = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';

/** `[file][sheet]` → CSV text, for every sheet of every workbook given. */
export async function workbooksToCsvWithLibreOffice(
  files: { path: string; sheets: string[] }[],
  outDir: string,
  timeoutMs = 120_000,
): Promise<Map<string, Map<string, string>>> {
  const soffice = requireSoffice();
  const profile = mkdtempSync(join(tmpdir(), 'kam-soffice-profile-'));
  const args = [
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--nodefault',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--convert-to',
    CSV_EVERY_SHEET,
    '--outdir',
    outDir,
    ...files.map((f) => f.path),
  ];
  try {
    const result = await new Promise<{ code: number | null; output: string; timedOut: boolean }>((done, fail) => {
      const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      let timedOut = false;
      child.stdout.on('data', (d: Buffer) => {
        output += d.toString('utf8');
      });
      child.stderr.on('data', (d: Buffer) => {
        output += d.toString('utf8');
      });
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, timeoutMs);
      child.on('error', (e) => {
        clearTimeout(timer);
        fail(new LibreOfficeError(`无法启动 soffice（${soffice}）：${e.message}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        done({ code, output, timedOut });
      });
    });
    if (result.timedOut) throw new LibreOfficeError(`soffice 转换超过 ${timeoutMs / 1000} 秒未完成，已终止`);
    const out = new Map<string, Map<string, string>>();
    for (const file of files) {
      const sheets = new Map<string, string>();
      for (const sheet of file.sheets) {
        const csv = join(outDir, `${basename(file.path, extname(file.path))}-${sheet}.csv`);
        if (!existsSync(csv)) {
          throw new LibreOfficeError(
            `soffice 没有写出“${basename(csv)}”（退出码 ${result.code}）：${result.output.trim()}`,
          );
        }
        sheets.set(sheet, new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(csv)).replace(/^\uFEFF/, ''));
      }
      out.set(file.path, sheets);
    }
    return out;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** RFC 4180 CSV → rows of fields (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted) {
      if (ch === '"' && text.charAt(i + 1) === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
