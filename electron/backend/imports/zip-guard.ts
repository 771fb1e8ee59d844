/**
 * Checks a spreadsheet file before any parser touches it: size, kind by signature, and for .xlsx
 * (a zip) the central directory — entry count, declared uncompressed total and per-entry
 * compression ratio — so a zip bomb or a renamed Word file is refused in microseconds with a
 * message in Chinese and English. Declared sizes can lie: the parser still runs
 * in a worker with memory and time limits; this is the first of two fences.
 */
import { type Bilingual, bi } from '../../../shared/domain/bilingual';

export interface ZipLimits {
  maxFileBytes: number;
  maxEntries: number;
  maxUncompressedBytes: number;
  /** Largest uncompressed ÷ compressed size of one entry (XML compresses ~10–30×). */
  maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxEntries: 2_000,
  maxUncompressedBytes: 300 * 1024 * 1024,
  maxRatio: 200,
};

export type FileKind = 'xlsx' | 'xls' | 'csv';

export type FileCheck =
  | { ok: true; kind: FileKind; entries: number; uncompressedBytes: number }
  | { ok: false; reason: FileProblem; message: string; messageEn: string };

export type FileProblem =
  | 'empty'
  | 'too_large'
  | 'not_spreadsheet'
  | 'corrupt_zip'
  | 'too_many_entries'
  | 'too_much_data'
  | 'suspicious_ratio'
  | 'unsupported_zip';

const MB = 1024 * 1024;
const fmtMb = (n: number) => `${(n / MB).toFixed(n < 10 * MB ? 1 : 0)} MB`;
const ZIP64 = bi(
  '不支持 ZIP64 格式的文件：请在 Excel 中另存为普通 .xlsx 后再导入',
  'ZIP64 files are not supported: save it again as an ordinary .xlsx in Excel, then import it',
);
const fail = (reason: FileProblem, message: Bilingual): FileCheck => ({
  ok: false,
  reason,
  message: message.zh,
  messageEn: message.en,
});

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

interface Entry {
  name: string;
  compressed: number;
  uncompressed: number;
}

function findEocd(buf: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65,535 bytes, at the very end.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= stop; i--) if (buf.readUInt32LE(i) === EOCD) return i;
  return -1;
}

function centralDirectory(buf: Buffer, limits: ZipLimits): Entry[] | FileCheck {
  const eocd = findEocd(buf);
  if (eocd < 0)
    return fail(
      'corrupt_zip',
      bi(
        '文件已损坏：找不到压缩目录（不是完整的 .xlsx 文件）',
        'The file is damaged: it has no central directory (not a complete .xlsx file)',
      ),
    );
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    return fail('unsupported_zip', ZIP64);
  }
  if (count > limits.maxEntries) {
    return fail(
      'too_many_entries',
      bi(
        `文件包含 ${count} 个内部部件，超过上限 ${limits.maxEntries}，疑似异常文件`,
        `The file holds ${count} parts, more than the limit of ${limits.maxEntries}: it looks malformed`,
      ),
    );
  }
  if (offset + size > eocd)
    return fail(
      'corrupt_zip',
      bi('文件已损坏：压缩目录位置无效', 'The file is damaged: its central directory is out of place'),
    );
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) {
      return fail(
        'corrupt_zip',
        bi('文件已损坏：压缩目录记录无效', 'The file is damaged: a central directory record is invalid'),
      );
    }
    const compressed = buf.readUInt32LE(at + 20);
    const uncompressed = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    if (compressed === 0xffffffff || uncompressed === 0xffffffff) {
      return fail('unsupported_zip', ZIP64);
    }
    const name = buf.toString('utf8', at + 46, Math.min(buf.length, at + 46 + nameLength));
    entries.push({ name, compressed, uncompressed });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** `name` is the file's name as the officer chose it; it only decides how a text file is read. */
export function checkSpreadsheetFile(buf: Buffer, name: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): FileCheck {
  if (buf.length === 0) return fail('empty', bi(`文件“${name}”是空文件`, `The file “${name}” is empty`));
  if (buf.length > limits.maxFileBytes) {
    return fail(
      'too_large',
      bi(
        `文件“${name}”有 ${fmtMb(buf.length)}，超过上限 ${fmtMb(limits.maxFileBytes)}`,
        `The file “${name}” is ${fmtMb(buf.length)}, over the limit of ${fmtMb(limits.maxFileBytes)}`,
      ),
    );
  }
  const isZip = buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50;
  const isCfb = buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1;
  if (isCfb) return { ok: true, kind: 'xls', entries: 0, uncompressedBytes: buf.length };
  if (!isZip) {
    // A text file holds no NUL byte, except UTF-16 text (Excel's "Unicode text"), which starts
    // with its byte-order mark (csv-text.cjs reads it).
    const utf16 = buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff));
    if (/\.csv$/i.test(name) && (utf16 || !buf.subarray(0, 4096).includes(0))) {
      return { ok: true, kind: 'csv', entries: 0, uncompressedBytes: buf.length };
    }
    return fail(
      'not_spreadsheet',
      bi(
        `文件“${name}”不是 Excel 工作簿（.xlsx / .xls）或 CSV 文件`,
        `The file “${name}” is not an Excel workbook (.xlsx / .xls) or a CSV file`,
      ),
    );
  }
  const entries = centralDirectory(buf, limits);
  if (!Array.isArray(entries)) return entries;
  let total = 0;
  for (const e of entries) {
    total += e.uncompressed;
    if (e.uncompressed > 0 && (e.compressed === 0 || e.uncompressed / e.compressed > limits.maxRatio)) {
      return fail(
        'suspicious_ratio',
        bi(
          `文件“${name}”中的部件 ${e.name} 压缩比异常（${fmtMb(e.uncompressed)} 压缩为 ${e.compressed} 字节），疑似“压缩炸弹”，已拒绝`,
          `Refused: the part ${e.name} of “${name}” is compressed abnormally (${fmtMb(e.uncompressed)} in ${e.compressed} bytes), like a “zip bomb”`,
        ),
      );
    }
  }
  if (total > limits.maxUncompressedBytes) {
    return fail(
      'too_much_data',
      bi(
        `文件“${name}”解压后有 ${fmtMb(total)}，超过上限 ${fmtMb(limits.maxUncompressedBytes)}`,
        `The file “${name}” unpacks to ${fmtMb(total)}, over the limit of ${fmtMb(limits.maxUncompressedBytes)}`,
      ),
    );
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml') && !names.has('xl/workbook.bin')) {
    const looks = names.has('word/document.xml') ? 'Word' : names.has('ppt/presentation.xml') ? 'PowerPoint' : null;
    return fail(
      'not_spreadsheet',
      bi(
        `文件“${name}”不是 Excel 工作簿${looks === null ? '' : `（看起来是 ${looks} 文档）`}`,
        `The file “${name}” is not an Excel workbook${looks === null ? '' : ` (it looks like a ${looks} document)`}`,
      ),
    );
  }
  return { ok: true, kind: 'xlsx', entries: entries.length, uncompressedBytes: total };
}
