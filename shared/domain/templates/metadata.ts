/**
 * The template's metadata sheet (DOMAIN-DECISIONS "Templates") — what the file holds (form,
 * version, unit, period, generated at) — written as key/value rows and read back at import. A
 * tampered sheet (a missing field, unknown form or version, unknown or retired unit, bad period or
 * time) is refused with a Chinese message naming the sheet and the cell, before anything else is
 * read.
 */
import { type Bilingual, bi } from '../bilingual';
import type { ImportIssue, SheetInput } from '../imports/revenue-sheet';
import { isPeriod, type Period } from '../periods';
import { SUPPORTED_TEMPLATE_VERSIONS, TEMPLATE_FORM, TEMPLATE_SHEETS } from './layout';

export interface TemplateMetadata {
  form: string;
  version: number;
  unitCode: string;
  unitName: string;
  period: Period;
  /** ISO 8601 instant. */
  generatedAt: string;
}

/** Keys in column A (stable ASCII), values in column B, Chinese labels in column C. */
const FIELDS: readonly { key: keyof TemplateMetadata; label: string }[] = [
  { key: 'form', label: '表单' },
  { key: 'version', label: '模板版本' },
  { key: 'unitCode', label: '单位代码' },
  { key: 'unitName', label: '单位名称' },
  { key: 'period', label: '报送月份' },
  { key: 'generatedAt', label: '生成时间' },
];

export function metadataRows(meta: TemplateMetadata): (string | number)[][] {
  return [
    ['字段', '值', '说明'],
    ...FIELDS.map((f) => [f.key, meta[f.key], f.label]),
    ['notice', '本表由 KAM Desk 生成，请勿修改', '说明'],
  ];
}

export interface MetadataUnit {
  id: number;
  code: string;
  name: string;
  retired: boolean;
}

export type MetadataRead =
  | { ok: true; meta: TemplateMetadata; unit: MetadataUnit }
  | { ok: false; issue: ImportIssue & { row: number | null } };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

function text(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** Reads and checks the metadata sheet; `unitByCode` looks the unit up in the database. */
export function readTemplateMetadata(
  sheet: SheetInput,
  unitByCode: (code: string) => MetadataUnit | null,
): MetadataRead {
  const fail = (row: number | null, column: string | null, message: Bilingual): MetadataRead => ({
    ok: false,
    issue: {
      sheet: sheet.name,
      row,
      column,
      severity: 'error',
      message: `模板信息表“${sheet.name}”${row === null ? '' : `单元格 ${column ?? 'A'}${row}`}：${message.zh}。该文件的模板信息被改动过，无法确认报送单位和月份，未导入任何数据；请使用中心下发的原模板重新填写`,
      messageEn: `Template information sheet "${sheet.name}"${row === null ? '' : `, cell ${column ?? 'A'}${row}`}: ${message.en}. The file's template information was changed, so its unit and month cannot be confirmed and nothing was imported: fill in the template the centre sent again`,
    },
  });
  const found = new Map<string, { row: number; value: string }>();
  sheet.rows.forEach((cells, r) => {
    const key = text(cells?.[0]?.v);
    if (key !== '' && !found.has(key)) found.set(key, { row: r + 1, value: text(cells?.[1]?.v) });
  });
  const values: Partial<Record<keyof TemplateMetadata, { row: number; value: string }>> = {};
  for (const f of FIELDS) {
    const v = found.get(f.key);
    if (!v) return fail(null, null, bi(`缺少“${f.label}”（A 列应有 ${f.key}）`, `"${f.key}" is missing from column A`));
    values[f.key] = v;
  }
  const get = (k: keyof TemplateMetadata) => values[k] as { row: number; value: string };

  const form = get('form');
  if (form.value !== TEMPLATE_FORM) {
    return fail(
      form.row,
      'B',
      bi(`表单“${form.value}”不是本系统的报送模板`, `Form "${form.value}" is not this app's reporting template`),
    );
  }
  const version = get('version');
  const v = Number(version.value);
  if (!/^\d+$/.test(version.value) || !SUPPORTED_TEMPLATE_VERSIONS.includes(v)) {
    return fail(
      version.row,
      'B',
      bi(
        `模板版本“${version.value}”不受支持（本程序支持版本 ${SUPPORTED_TEMPLATE_VERSIONS.join('、')}）`,
        `Template version "${version.value}" is not supported (this app reads version ${SUPPORTED_TEMPLATE_VERSIONS.join(', ')})`,
      ),
    );
  }
  const unitCode = get('unitCode');
  const unit = unitCode.value === '' ? null : unitByCode(unitCode.value);
  if (!unit)
    return fail(unitCode.row, 'B', bi(`单位代码“${unitCode.value}”不存在`, `No unit has code "${unitCode.value}"`));
  if (unit.retired) {
    return fail(
      unitCode.row,
      'B',
      bi(`单位“${unit.name}”（${unit.code}）已撤销`, `Unit "${unit.name}" (${unit.code}) is retired`),
    );
  }
  const period = get('period');
  if (!isPeriod(period.value)) {
    return fail(
      period.row,
      'B',
      bi(
        `报送月份“${period.value}”不是 YYYY-MM 格式的有效月份`,
        `Reporting month "${period.value}" is not a valid YYYY-MM month`,
      ),
    );
  }
  const generatedAt = get('generatedAt');
  if (!ISO_INSTANT.test(generatedAt.value) || Number.isNaN(Date.parse(generatedAt.value))) {
    return fail(
      generatedAt.row,
      'B',
      bi(`生成时间“${generatedAt.value}”无效`, `Generated-at time "${generatedAt.value}" is not valid`),
    );
  }
  return {
    ok: true,
    unit,
    meta: {
      form: form.value,
      version: v,
      unitCode: unit.code,
      unitName: get('unitName').value,
      period: period.value,
      generatedAt: generatedAt.value,
    },
  };
}

export function isMetadataSheet(name: string): boolean {
  return name === TEMPLATE_SHEETS.meta;
}
