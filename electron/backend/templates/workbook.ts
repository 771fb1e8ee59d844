/**
 * Writes a unit's monthly template (DOMAIN-DECISIONS "Templates"): instructions, the four data
 * sheets with their drop-downs, and the metadata sheet — very hidden (not listed under 取消隐藏)
 * and protected — so an import knows the form, version, unit and period without trusting the file
 * name.
 */
import * as XLSX from 'xlsx';
import type { Period } from '../../../shared/domain/periods';
import type { Policy } from '../../../shared/domain/policy/policy';
import { columnRange } from '../../../shared/domain/spreadsheet/cells';
import {
  instructionRows,
  type SheetLayout,
  TEMPLATE_FORM,
  TEMPLATE_SHEETS,
  TEMPLATE_VERSION,
  type TemplateCustomer,
  type TemplateKeyCustomer,
  type TemplateUnit,
  templateSheets,
} from '../../../shared/domain/templates/layout';
import { metadataRows, type TemplateMetadata } from '../../../shared/domain/templates/metadata';
import { addValidationsToXlsx, type ListValidation } from './validations';

/** Rows below the prefilled ones that still get the drop-downs (units add rows). */
const SPARE_ROWS = 500;
const MIN_VALIDATED_ROWS = 1000;

export interface TemplateInput {
  unit: TemplateUnit;
  period: Period;
  customers: readonly TemplateCustomer[];
  keyCustomers: readonly TemplateKeyCustomer[];
  policy: Pick<Policy, 'reporting' | 'fluctuationPercent'>;
  generatedAt: Date;
  /** YYYY-MM-DD, local. */
  generatedOn: string;
}

function dataSheet(layout: SheetLayout): { sheet: XLSX.WorkSheet; validations: ListValidation[] } {
  const sheet = XLSX.utils.aoa_to_sheet([layout.columns.map((c) => c.header), ...layout.rows]);
  sheet['!cols'] = layout.columns.map((c) => ({ wch: c.width }));
  const last = Math.max(layout.rows.length + 1 + SPARE_ROWS, MIN_VALIDATED_ROWS);
  const validations: ListValidation[] = [];
  layout.columns.forEach((c, i) => {
    if (c.list) validations.push({ sqref: columnRange(i, 2, last), values: c.list });
  });
  return { sheet, validations };
}

export function buildTemplate(input: TemplateInput): { buffer: Buffer; meta: TemplateMetadata; rows: number } {
  const wb = XLSX.utils.book_new();
  const instructions = XLSX.utils.aoa_to_sheet(
    instructionRows(input.unit, input.period, input.policy, input.generatedOn).map((line) => [line]),
  );
  instructions['!cols'] = [{ wch: 110 }];
  XLSX.utils.book_append_sheet(wb, instructions, TEMPLATE_SHEETS.instructions);
  const validations = new Map<number, ListValidation[]>();
  const layouts = templateSheets(input);
  for (const layout of layouts) {
    const { sheet, validations: v } = dataSheet(layout);
    validations.set(wb.SheetNames.length, v);
    XLSX.utils.book_append_sheet(wb, sheet, layout.name);
  }
  const meta: TemplateMetadata = {
    form: TEMPLATE_FORM,
    version: TEMPLATE_VERSION,
    unitCode: input.unit.code,
    unitName: input.unit.name,
    period: input.period,
    generatedAt: input.generatedAt.toISOString(),
  };
  const metaSheet = XLSX.utils.aoa_to_sheet(metadataRows(meta));
  metaSheet['!cols'] = [{ wch: 14 }, { wch: 30 }, { wch: 12 }];
  // Protection keeps a curious hand from editing it; the import still checks every field.
  metaSheet['!protect'] = { selectLockedCells: true, selectUnlockedCells: true };
  XLSX.utils.book_append_sheet(wb, metaSheet, TEMPLATE_SHEETS.meta);
  wb.Workbook = {
    Sheets: wb.SheetNames.map((name) => ({ name, Hidden: name === TEMPLATE_SHEETS.meta ? 2 : 0 })),
  };
  const written = XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  const buffer = Buffer.from(addValidationsToXlsx(new Uint8Array(written), validations));
  return { buffer, meta, rows: layouts[0]?.rows.length ?? 0 };
}
