/**
 * Reading an import file off the main thread's critical path, bounded (DOMAIN-DECISIONS "Files
 * read by the app"): only a regular file is read — a folder, a device such as `/dev/zero` or a
 * named pipe is refused before a byte is read — and never more than the size limit plus one byte,
 * counted while reading (a device's `stat().size` is 0), within a time limit (a pipe or a dead
 * network drive must not hold the process). The file is opened without blocking (a pipe with no
 * writer would block `open` itself) and checked through its descriptor (`fstat`), so what is
 * checked is what is read. The SHA-256 is computed a megabyte at a time with a turn of the event
 * loop in between: in one go, a 7 MB workbook held the thread ~20 ms, time taken from the 100 ms
 * within which IPC must answer during an import.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { basename } from 'node:path';
import { AppError } from '../../../shared/api/errors';
import { bi } from '../../../shared/domain/bilingual';
import { DEFAULT_PARSE_LIMITS } from './parse';

const HASH_SLICE = 1 << 20;
const READ_SLICE = 1 << 20;
/** A 20 MB file reads in well under a second from a local disk or a USB stick. */
export const READ_TIMEOUT_MS = 30_000;

export interface ImportFile {
  buf: Buffer;
  sha256: string;
}

export interface ReadLimits {
  maxBytes: number;
  timeoutMs: number;
}

const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: DEFAULT_PARSE_LIMITS.zip.maxFileBytes, timeoutMs: READ_TIMEOUT_MS };

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function readAll(handle: FileHandle, name: string, maxBytes: number, aborted: () => boolean): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(READ_SLICE, maxBytes + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (aborted()) throw new Error('aborted');
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > maxBytes) {
      throw new AppError(
        'VALIDATION',
        bi(
          `文件“${name}”超过上限 ${mb(maxBytes)}，未导入`,
          `“${name}” is over the limit of ${mb(maxBytes)}; nothing was imported`,
        ),
      );
    }
  }
  return Buffer.concat(chunks, total);
}

/** The bytes of a regular file, at most `maxBytes`, within `timeoutMs`; refused otherwise. */
export async function readBoundedFile(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): Promise<Buffer> {
  // The path is bounded by its schema (FILE_PATH_MAX), so it is named whole.
  const name = basename(path);
  let handle: FileHandle;
  try {
    // O_NONBLOCK: opening a named pipe with no writer returns at once instead of waiting forever.
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new AppError('NOT_FOUND', bi(`找不到文件：${path}`, `File not found: ${path}`));
    }
    if (code === 'EISDIR') throw notRegular(name);
    throw new AppError(
      'NOT_FOUND',
      bi(
        `无法读取文件：${path}（${code ?? (e as Error).message}）`,
        `Cannot read the file: ${path} (${code ?? (e as Error).message})`,
      ),
    );
  }
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notRegular(name);
    if (info.size > limits.maxBytes) {
      throw new AppError(
        'VALIDATION',
        bi(
          `文件“${name}”有 ${mb(info.size)}，超过上限 ${mb(limits.maxBytes)}`,
          `“${name}” is ${mb(info.size)}, over the limit of ${mb(limits.maxBytes)}`,
        ),
      );
    }
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(
          new AppError(
            'UNAVAILABLE',
            bi(
              `读取文件“${name}”超时（${limits.timeoutMs / 1000} 秒），未导入：请把文件复制到本机磁盘后重试`,
              `Reading “${name}” timed out (${limits.timeoutMs / 1000} s); nothing was imported: copy the file to this computer's disk and try again`,
            ),
          ),
        );
      }, limits.timeoutMs);
    });
    return await Promise.race([readAll(handle, name, limits.maxBytes, () => timedOut), timeout]);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'NOT_FOUND',
      bi(`无法读取文件：${path}（${(e as Error).message}）`, `Cannot read the file: ${path} (${(e as Error).message})`),
    );
  } finally {
    clearTimeout(timer);
    // Not awaited: after a time-out the read still under way would hold the close, and us.
    void handle.close().catch(() => undefined);
  }
}

function notRegular(name: string): AppError {
  return new AppError(
    'VALIDATION',
    bi(
      `“${name}”不是普通文件（是文件夹、设备或管道），只能导入 Excel（.xlsx/.xls）或 CSV 文件`,
      `“${name}” is not an ordinary file (it is a folder, a device or a pipe); only Excel (.xlsx/.xls) or CSV files can be imported`,
    ),
  );
}

export async function readImportFile(path: string): Promise<ImportFile> {
  const buf = await readBoundedFile(path);
  const hash = createHash('sha256');
  for (let from = 0; from < buf.length; from += HASH_SLICE) {
    hash.update(buf.subarray(from, from + HASH_SLICE));
    if (from + HASH_SLICE < buf.length) await new Promise<void>((resume) => setImmediate(resume));
  }
  return { buf, sha256: hash.digest('hex') };
}
