/**
 * The month's province package (R24, R26, DOMAIN-DECISIONS "Exports"): the city roll-up of 附件6-1
 * and 附件7, in one workbook. It is built only from `CustomerFigures`, which holds a customer's ID,
 * name, unit, tier and revenue and nothing else: no R17 key-person field can reach the province
 * through it.
 */
import type { CustomerFigures, ExportHeader } from './figures';
import { buildForm61 } from './form-6-1';
import { buildForm7 } from './form-7';
import type { OfficialTable } from './layout';

/** `header.unitName` is ignored: the province gets the city as a whole. */
export function buildProvincePackage(header: ExportHeader, cityCustomers: readonly CustomerFigures[]): OfficialTable[] {
  const city: ExportHeader = { ...header, unitName: null };
  return [
    { ...buildForm61(city, cityCustomers), sheetName: '附件6-1（全市汇总）' },
    buildForm7(city, cityCustomers, null),
  ];
}
