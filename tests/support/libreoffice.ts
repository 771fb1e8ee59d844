/**
 * Headless LibreOffice for cross-checks: a real spreadsheet program writes or reads our
 * workbooks, so a test does not only prove that SheetJS agrees with itself. Every conversion gets
 * its own temporary user profile (`-env:UserInstallation`), because two soffice processes sharing
 * one profile block on its lock or hand the job to each other; a timeout kills the whole process
 * group (soffice starts soffice.bin as a child). `.ci/run` installs libreoffice-calc when missing.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** UTF-8 CSV, comma-separated, double-quoted text (LibreOffice's CSV filter options; 76 = UTF-8). */
export const CSV_UTF8_EXPORT = 'csv:Text - txt - csv (StarCalc):44,34,76';
/** Reading CSV: comma, double quote, UTF-8, from line 1. */
export const CSV_UTF8_IMPORT = 'CSV:44,34,76,1';

const INSTALL_HINT =
  '本测试需要 LibreOffice（soffice）：请执行 apt-get install -y --no-install-recommends libreoffice-calc（.ci/run 会自动安装），或设置 SOFFICE_PATH。LibreOffice is required for this test.';

export class LibreOfficeError extends Error {
  constructor(
    message: string,
    readonly details: { stdout?: string; stderr?: string; code?: number | null } = {},
  ) {
    super(message);
    this.name = 'LibreOfficeError';
  }
}

/** SOFFICE_PATH, else `soffice` on PATH, else Debian's program folder; null when none exists. */
export function findSoffice(): string | null {
  const fromEnv = process.env.SOFFICE_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  const onPath = (process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'soffice'));
  return [...onPath, '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p)) ?? null;
}

/** The soffice path, or an error that says LibreOffice is required and how to install it. */
export function requireSoffice(): string {
  const found = findSoffice();
  if (!found) throw new LibreOfficeError(`找不到 soffice。${INSTALL_HINT}`);
  return found;
}

export interface ConvertOptions {
  /** Default 120 s: the first start in a fresh profile takes a few seconds. */
  timeoutMs?: number;
  /** `--infilter=…`, e.g. CSV_UTF8_IMPORT so a CSV is read as UTF-8. */
  infilter?: string;
}

/**
 * Converts `input` with `soffice --headless --convert-to toFormat` into `outDir` and returns the
 * written file's path. `toFormat` is what soffice takes: `xlsx`, `ods`, or `csv:<filter>:<options>`.
 * soffice exits 0 even when it could not load the file, so success is judged by the output file.
 */
export async function sofficeConvert(
  input: string,
  toFormat: string,
  outDir: string,
  options: ConvertOptions = {},
): Promise<string> {
  const soffice = requireSoffice();
  if (!existsSync(input)) throw new LibreOfficeError(`要转换的文件不存在：${input}`);
  const timeoutMs = options.timeoutMs ?? 120_000;
  const profile = mkdtempSync(join(tmpdir(), 'kam-soffice-profile-'));
  const ext = toFormat.split(':')[0] as string;
  const output = join(outDir, `${basename(input, extname(input))}.${ext}`);
  rmSync(output, { force: true });
  const args = [
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--nodefault',
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
    '--convert-to',
    toFormat,
    '--outdir',
    outDir,
    input,
  ];
  try {
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string; timedOut: boolean }>(
      (done, fail) => {
        // Own process group, so a timeout can end soffice.bin too, not only the launcher.
        const child = spawn(soffice, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        let timedOut = false;
        child.stdout.on('data', (d: Buffer) => {
          stdout += d.toString('utf8');
        });
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString('utf8');
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
          fail(new LibreOfficeError(`无法启动 soffice（${soffice}）：${e.message}。${INSTALL_HINT}`));
        });
        child.on('close', (code) => {
          clearTimeout(timer);
          done({ code, stdout, stderr, timedOut });
        });
      },
    );
    const details = { stdout: run.stdout.trim(), stderr: run.stderr.trim(), code: run.code };
    if (run.timedOut) {
      throw new LibreOfficeError(`soffice 转换“${basename(input)}”超过 ${timeoutMs / 1000} 秒未完成，已终止`, details);
    }
    if (!existsSync(output) || statSync(output).size === 0) {
      throw new LibreOfficeError(
        `soffice 没有写出“${basename(output)}”（退出码 ${run.code}）：${details.stderr || details.stdout || '没有输出'}`,
        details,
      );
    }
    return output;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Writes `csvText` as UTF-8 and has LibreOffice save it as .xlsx (as a unit's officer would). */
export async function csvToXlsxWithLibreOffice(csvText: string, outDir: string, name = 'libreoffice'): Promise<string> {
  const csv = join(outDir, `${name}.csv`);
  writeFileSync(csv, csvText, 'utf8');
  return sofficeConvert(csv, 'xlsx', outDir, { infilter: CSV_UTF8_IMPORT });
}

/**
 * Has LibreOffice read a workbook and save its first sheet as UTF-8 CSV; returns the text (BOM
 * removed). Throws when the bytes are not valid UTF-8, i.e. the filter options were not applied.
 */
export async function xlsxToCsvWithLibreOffice(xlsx: string, outDir: string): Promise<string> {
  const path = await sofficeConvert(xlsx, CSV_UTF8_EXPORT, outDir);
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LibreOfficeError(`soffice 写出的 CSV 不是 UTF-8：${path}`);
  }
  return text.replace(/^\uFEFF/, '');
}
