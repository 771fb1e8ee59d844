/**
 * Builds one export (R24–R26, DOMAIN-DECISIONS "Exports") for a month: gathers the figures of the
 * scope, lays the tables out (shared/domain/exports) with the R25/R26 thresholds of the policy in
 * force at the month's end, and writes the workbook bytes.
 */

import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { AuditHeadRef } from '../../../shared/api/types';
import type { ExportHeader, TierBasis } from '../../../shared/domain/exports/figures';
import { buildForm61 } from '../../../shared/domain/exports/form-6-1';
import { buildForm62 } from '../../../shared/domain/exports/form-6-2';
import { buildForm7 } from '../../../shared/domain/exports/form-7';
import { EXPORT_FORM_NAMES_ZH, type ExportForm, exportFileName } from '../../../shared/domain/exports/forms';
import { layoutTable, type OfficialTable, type SheetLayout } from '../../../shared/domain/exports/layout';
import { buildProvincePackage } from '../../../shared/domain/exports/province';
import { formatPeriodZh, lastDayOf, type Period } from '../../../shared/domain/periods';
import { readAuditHead } from '../db/audit';
import type { PolicyBook } from '../policies/book';
import { findTierBasis } from '../tiering/in-force';
import { cityFigures } from './cache';
import { resolveScope } from './scope';
import { writeWorkbook } from './xlsx';

export interface ExportRequest {
  form: ExportForm;
  period: Period;
  /** A unit's code for a per-unit table; null for the city. */
  unitCode: string | null;
}

export interface BuiltExport {
  fileName: string;
  unit: { code: string; name: string } | null;
  tierBasis: TierBasis | null;
  layouts: SheetLayout[];
  bytes: Buffer;
  auditHead: AuditHeadRef;
}

function tables(
  db: Database,
  form: ExportForm,
  header: ExportHeader,
  unitIds: ReadonlySet<number> | null,
): OfficialTable[] {
  const city = cityFigures(db, header.period, header.tierBasis);
  const inUnit =
    unitIds === null
      ? null
      : new Set(city.customers.filter((c) => unitIds.has(city.unitOf.get(c.id) ?? -1)).map((c) => c.id));
  const scoped = inUnit === null ? city.customers : city.customers.filter((c) => inUnit.has(c.id));
  switch (form) {
    case '6-1':
      return [buildForm61(header, scoped)];
    case '6-2':
      return [buildForm62(header, scoped)];
    // 附件7 selects over the whole city (R26: "the city's top 10"), then narrows to the unit.
    case '7':
      return [buildForm7(header, city.customers, inUnit)];
    case 'province':
      return buildProvincePackage(header, city.customers);
  }
}

/** Whether any customer in scope has a figure reported for the month (a reported 0 counts). */
function hasRevenue(db: Database, period: Period, unitIds: ReadonlySet<number> | null): boolean {
  if (unitIds === null) {
    return db.prepare('SELECT 1 FROM revenue_months WHERE period = ? LIMIT 1').get(period) !== undefined;
  }
  const ids = [...unitIds];
  return (
    db
      .prepare(
        `SELECT 1 FROM revenue_months r JOIN customers c ON c.id = r.customer_id
         WHERE r.period = ? AND c.unit_id IN (${ids.map(() => '?').join(', ')}) LIMIT 1`,
      )
      .get(period, ...ids) !== undefined
  );
}

export function buildExport(db: Database, policies: PolicyBook, request: ExportRequest, now: Date): BuiltExport {
  if (request.form === 'province' && request.unitCode !== null) {
    throw new AppError(
      'VALIDATION',
      {
        zh: '省局报送包只有全市口径，不能指定单位',
        en: 'The province package covers the whole city; it takes no unit',
      },
      {
        issues: [
          { path: 'unitCode', message: '省局报送包不能指定单位', messageEn: 'The province package takes no unit' },
        ],
      },
    );
  }
  const scope = resolveScope(db, request.unitCode);
  // A month nobody reported has nothing to file: a workbook of zeros would pass for a real table.
  if (!hasRevenue(db, request.period, scope.unitIds)) {
    const where = scope.unit ? `${scope.unit.name}` : '全市';
    const whereEn = scope.unit ? `${scope.unit.name} (${scope.unit.code})` : 'the city';
    throw new AppError(
      'NOT_FOUND',
      {
        zh: `${formatPeriodZh(request.period)}${where}没有任何收入数据，没有可导出的内容；请先导入或录入该月收入`,
        en: `No revenue has been reported for ${whereEn} in ${request.period}: there is nothing to export. Import or enter the month's revenue first.`,
      },
      { reason: 'empty-month', period: request.period, unitCode: request.unitCode },
    );
  }
  const { reports } = policies.forDate(lastDayOf(request.period));
  const tierBasis = findTierBasis(db, request.period);
  const header: ExportHeader = {
    period: request.period,
    centreName: scope.centreName,
    unitName: scope.unit?.name ?? null,
    tierBasis,
    rules: reports,
  };
  const layouts = tables(db, request.form, header, scope.unitIds).map(layoutTable);
  const auditHead = readAuditHead(db);
  const bytes = writeWorkbook(layouts, { title: EXPORT_FORM_NAMES_ZH[request.form], created: now, auditHead });
  return {
    fileName: exportFileName(request.form, request.period, header.unitName),
    unit: scope.unit ? { code: scope.unit.code, name: scope.unit.name } : null,
    tierBasis,
    layouts,
    bytes,
    auditHead,
  };
}
