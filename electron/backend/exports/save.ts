/**
 * Writes an exported workbook where the officer chose (the save dialog's path): all at once
 * through a temporary file beside it and a rename, so an interrupted export never leaves half a
 * workbook under the chosen name; never over the database itself.
 */
import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppError } from '../../../shared/api/errors';

export function saveWorkbook(path: string, bytes: Buffer, databasePath: string): string {
  const target = resolve(path);
  if (databasePath !== ':memory:' && target === resolve(databasePath)) {
    throw new AppError(
      'VALIDATION',
      {
        zh: '不能把导出文件保存到数据库文件上，请换一个文件名',
        en: 'An export cannot be saved over the database file; choose another file name',
      },
      { path: target },
    );
  }
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new AppError(
      'VALIDATION',
      { zh: `保存位置不存在：${folder}`, en: `The folder does not exist: ${folder}` },
      { path: target },
    );
  }
  if (existsSync(target) && !statSync(target).isFile()) {
    // The rename would put the workbook in place of a folder's name, a device or a pipe
    // (DOMAIN-DECISIONS "Files read by the app": only ordinary files).
    throw new AppError(
      'VALIDATION',
      {
        zh: `“${target}”不是普通文件（是文件夹、设备或管道），请换一个文件名`,
        en: `“${target}” is not an ordinary file (it is a folder, a device or a pipe); choose another file name`,
      },
      { path: target },
    );
  }
  const temporary = `${target}.${process.pid}.part`;
  try {
    writeFileSync(temporary, bytes);
    renameSync(temporary, target);
  } catch (e) {
    rmSync(temporary, { force: true });
    throw new AppError(
      'VALIDATION',
      {
        zh: `无法写入文件“${target}”：${(e as Error).message}`,
        en: `Cannot write “${target}”: ${(e as Error).message}`,
      },
      { path: target },
    );
  }
  return target;
}
