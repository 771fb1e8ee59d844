/**
 * Drop-down lists for the templates. SheetJS community edition writes no data validation, so
 * `<dataValidations>` is put into each sheet's XML at the place the OOXML schema orders it, through
 * the package post-processor (xlsx/package.ts).
 */
import { postProcessXlsx } from '../xlsx/package';
import { escapeXml, insertInSchemaOrder } from '../xlsx/worksheet-xml';

export interface ListValidation {
  /** e.g. `D2:D5000`. */
  sqref: string;
  /** An inline list, or `range`: a reference such as `'_kam_lists'!$A$1:$A$40`. */
  values?: readonly string[];
  range?: string;
  /** false: Excel warns on another value but takes it (a list of suggestions). */
  strict?: boolean;
}

/** Excel's limit for an inline list: 255 characters between the quotes. */
const MAX_INLINE_LIST = 255;

export function dataValidationsXml(validations: readonly ListValidation[]): string {
  const items = validations.map((v) => {
    let formula: string;
    if (v.range !== undefined) formula = escapeXml(v.range);
    else {
      const values = v.values ?? [];
      const list = values.join(',');
      if (values.some((x) => x.includes(',') || x.includes('"')) || list.length > MAX_INLINE_LIST) {
        throw new Error(`下拉列表无法写成内联列表：${list}`);
      }
      // The formula is the quoted list; in element text the quotes need no escaping (Excel writes them so).
      formula = `"${list.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`;
    }
    const strict = v.strict ?? true;
    return (
      `<dataValidation type="list"${strict ? '' : ' errorStyle="warning"'} allowBlank="1" showInputMessage="1" showErrorMessage="1" ` +
      `errorTitle="${escapeXml(strict ? '输入有误' : '请核对')}" error="${escapeXml(strict ? '请从下拉列表中选择' : '不在建议列表中，确认使用此值吗？')}" sqref="${escapeXml(v.sqref)}">` +
      `<formula1>${formula}</formula1></dataValidation>`
    );
  });
  return `<dataValidations count="${validations.length}">${items.join('')}</dataValidations>`;
}

/**
 * Text cells of at most `max` characters (经营分析's 内容, R31): Excel refuses a longer entry as
 * it is typed; the import still checks, as a pasted or other program's file skips this.
 */
export function textLengthValidationXml(sqref: string, max: number, error: string): string {
  return (
    `<dataValidations count="1"><dataValidation type="textLength" operator="lessThanOrEqual" allowBlank="1" ` +
    `showErrorMessage="1" errorTitle="${escapeXml('输入有误')}" error="${escapeXml(error)}" sqref="${escapeXml(sqref)}">` +
    `<formula1>${max}</formula1></dataValidation></dataValidations>`
  );
}

export function insertDataValidations(sheetXml: string, validationsXml: string): string {
  if (sheetXml.includes('<dataValidations')) throw new Error('工作表已有数据验证');
  return insertInSchemaOrder(sheetXml, 'dataValidations', validationsXml);
}

/** Adds validations to a SheetJS-written workbook; keys are zero-based sheet positions. */
export function addValidationsToXlsx(xlsx: Uint8Array, bySheet: ReadonlyMap<number, ListValidation[]>): Uint8Array {
  return postProcessXlsx(
    xlsx,
    (parts) => {
      for (const [index, validations] of bySheet) {
        if (validations.length === 0) continue;
        parts.editSheet(index, (xml) => insertDataValidations(xml, dataValidationsXml(validations)));
      }
    },
    6,
  );
}
