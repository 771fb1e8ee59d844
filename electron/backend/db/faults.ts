/**
 * The one place a database fault becomes an error the officer can act on (DOMAIN-DECISIONS
 * "Database faults"). SQLite reports a lock held by another program, a full disk, a read-only
 * file, a path it cannot open, a damaged file or an I/O failure by its extended result code
 * (better-sqlite3's `SqliteError.code`, e.g. `SQLITE_IOERR_WRITE`); each becomes its own code with
 * a message saying what happened and what to do. The write that met it was one transaction and
 * is rolled back, so every message can say that nothing was written. The registry's catch, the
 * database open and the writer thread all come here.
 */
import { AppError, type ErrorCode } from '../../../shared/api/errors';
import { type Bilingual, bi } from '../../../shared/domain/bilingual';
import { MAX_YEAR, MIN_YEAR, PeriodRangeError } from '../../../shared/domain/periods';

const NOTHING_WRITTEN = bi('本次操作未写入任何数据', 'nothing was written');

function faultOf(sqliteCode: string): { code: ErrorCode; message: Bilingual } | null {
  // Extended codes (SQLITE_READONLY_DBMOVED, SQLITE_IOERR_WRITE…) share their primary's meaning.
  const primary = /^SQLITE_[A-Z]+/.exec(sqliteCode)?.[0];
  switch (primary) {
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return {
        code: 'DB_BUSY',
        message: bi(
          `数据库被其他程序占用，请关闭其他打开该数据库的程序后重试；${NOTHING_WRITTEN.zh}`,
          `The database is in use by another program: close any other program that has it open and try again; ${NOTHING_WRITTEN.en}`,
        ),
      };
    case 'SQLITE_FULL':
      return {
        code: 'DB_FULL',
        message: bi(
          `磁盘空间不足，${NOTHING_WRITTEN.zh}：请清理数据库所在磁盘（或把数据库移到空间充足的磁盘）后重试`,
          `The disk is full and ${NOTHING_WRITTEN.en}: free space on the database's disk (or move the database to a disk with room) and try again`,
        ),
      };
    case 'SQLITE_READONLY':
      return {
        code: 'DB_READONLY',
        message: bi(
          `数据库文件是只读的（或所在文件夹不允许写入），${NOTHING_WRITTEN.zh}：请取消文件的“只读”属性或检查文件夹权限，或把数据库复制到可写的位置后重试`,
          `The database file is read-only (or its folder cannot be written to) and ${NOTHING_WRITTEN.en}: clear the file's read-only attribute or check the folder's permissions, or copy the database somewhere writable, and try again`,
        ),
      };
    case 'SQLITE_CANTOPEN':
      return {
        code: 'DB_CANNOT_OPEN',
        message: bi(
          '无法打开数据库文件：路径不存在、是文件夹或无权访问。请给出数据库文件（.sqlite）的路径',
          'Cannot open the database file: the path does not exist, is a folder or cannot be accessed. Give the path of the database file (.sqlite)',
        ),
      };
    case 'SQLITE_NOTADB':
    case 'SQLITE_CORRUPT':
      return {
        code: 'DB_CORRUPT',
        message: bi(
          `数据库文件已损坏或不是本程序的数据库，${NOTHING_WRITTEN.zh}：请从备份恢复，或给出正确的数据库文件`,
          `The database file is damaged or is not this program's database, and ${NOTHING_WRITTEN.en}: restore it from a backup, or give the right database file`,
        ),
      };
    case 'SQLITE_IOERR':
      return {
        code: 'DB_IO',
        message: bi(
          `读写数据库文件时出错（磁盘、U 盘或网络驱动器故障），${NOTHING_WRITTEN.zh}：请检查存储设备后重试`,
          `Reading or writing the database file failed (a disk, USB drive or network drive fault) and ${NOTHING_WRITTEN.en}: check the storage and try again`,
        ),
      };
    default:
      return null;
  }
}

/** SQLite's result code of an error thrown by better-sqlite3, if it is one. */
function sqliteCodeOf(e: unknown): string | null {
  if (typeof e !== 'object' || e === null) return null;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/**
 * The AppError for a database fault or a month out of range, or null for anything else (which
 * stays an internal error). `file`, when known, is named in the message (opening the database).
 */
export function knownFault(e: unknown, file?: string): AppError | null {
  if (e instanceof PeriodRangeError) {
    // A month far enough from 1900–9999 that the rule's window (a year earlier, twelve months
    // back, the next month) leaves the calendar the program keeps.
    return new AppError('VALIDATION', {
      zh: `所需的月份超出本程序可处理的范围（${MIN_YEAR}–${MAX_YEAR} 年）：请选择 ${MIN_YEAR + 1}–${MAX_YEAR - 1} 年之间的年份或月份；数据未改变`,
      en: `A month this needs is outside the range the program handles (${MIN_YEAR}–${MAX_YEAR}): choose a year or month between ${MIN_YEAR + 1} and ${MAX_YEAR - 1}; no data changed`,
    });
  }
  const path = pathFault(e);
  if (path !== null) return path;
  const sqlite = sqliteCodeOf(e);
  if (sqlite === null) return null;
  const fault = faultOf(sqlite);
  if (fault === null) return null;
  const where = file === undefined ? null : bi(`（${file}）`, ` (${file})`);
  return new AppError(
    fault.code,
    where === null ? fault.message : bi(`${fault.message.zh}${where.zh}`, `${fault.message.en}${where.en}`),
    { sqlite },
  );
}

/**
 * A file path the system cannot use as given: longer than a name may be, a NUL in it, a file where
 * a folder must be (or the reverse), no permission there. The input's fault, refused as such with
 * what to do, and without the path: a hostile one would come back whole (DOMAIN-DECISIONS
 * "Bounded inputs").
 */
const PATH_FAULTS: Record<string, Bilingual> = {
  ENAMETOOLONG: bi(
    '输入有误：文件路径或文件名太长，系统无法使用，请选短一些的名称',
    'Invalid input: the file path or name is too long for the system; choose a shorter one',
  ),
  EEXIST: bi(
    '输入有误：所选位置已有同名文件，无法在此建立文件夹，请另选位置',
    'Invalid input: a file of that name stands where the folder should be; choose another place',
  ),
  ENOTDIR: bi(
    '输入有误：路径中的某一级是文件而不是文件夹，请另选位置',
    'Invalid input: a part of the path is a file, not a folder; choose another place',
  ),
  EISDIR: bi('输入有误：所选的是文件夹，不是文件', 'Invalid input: that is a folder, not a file'),
  EACCES: bi(
    '没有权限在所选位置读写，请另选位置（例如“文档”文件夹或U盘）',
    'No permission to read or write there; choose another place (e.g. Documents or a USB drive)',
  ),
  EPERM: bi(
    '没有权限在所选位置读写，请另选位置（例如“文档”文件夹或U盘）',
    'No permission to read or write there; choose another place (e.g. Documents or a USB drive)',
  ),
  EROFS: bi('所选位置是只读的，请另选位置', 'That place is read-only; choose another one'),
};

function pathFault(e: unknown): AppError | null {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const message = (e as Error | null)?.message ?? '';
  if (code === 'ERR_INVALID_ARG_VALUE' && message.includes('null bytes')) {
    return new AppError(
      'VALIDATION',
      bi(
        '输入有误：文件路径中含有空字符，请重新选择文件或文件夹',
        'Invalid input: the file path holds a NUL character; choose the file or folder again',
      ),
    );
  }
  // Only errors of the file system (they carry a syscall); a database's own codes are below.
  const known =
    code === undefined || (e as NodeJS.ErrnoException).syscall === undefined ? undefined : PATH_FAULTS[code];
  return known === undefined ? null : new AppError('VALIDATION', known);
}

/** A database fault or month out of range as its AppError; anything else as it was. */
export function asKnownFault(e: unknown, file?: string): unknown {
  return knownFault(e, file) ?? e;
}
