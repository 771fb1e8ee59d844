/**
 * What `kam revenue summary` and `kam export` print (DOMAIN-DECISIONS "Exports"): amounts as yuan
 * decimal strings.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import type { ExportFileView, ReportFileView, ReportInfo, RevenueSummary } from '../../../shared/api/types';
import { REPORT_LINES } from '../../../shared/domain/exports/figures';
import { EXPORT_FORM_NAMES_ZH } from '../../../shared/domain/exports/forms';
import { LINE_NAMES_ZH, type RevenueLine } from '../../../shared/domain/lines';
import { fenToYuanString, formatMoney } from '../../../shared/domain/money';
import { formatPeriodZh } from '../../../shared/domain/periods';
import type { CommandOutput } from './command';

/** A report of a database that is not there would create an empty one and print zeros: refuse. */
export function requireExistingDb(db: string): void {
  if (db !== ':memory:' && !existsSync(db)) throw new AppError('NOT_FOUND', `找不到数据库文件：${db}`);
}

export function revenueSummaryOutput(s: RevenueSummary): CommandOutput {
  const byLine = Object.fromEntries(REPORT_LINES.map((l) => [l, fenToYuanString(s.byLine[l])])) as Record<
    RevenueLine,
    string
  >;
  return {
    json: { period: s.period, total: fenToYuanString(s.total), byLine, customers: s.customers },
    text: [
      `${formatPeriodZh(s.period)}收入合计 ${formatMoney(s.total)}（${s.customers} 个客户）`,
      ...REPORT_LINES.map((l) => `${LINE_NAMES_ZH[l]}\t${formatMoney(s.byLine[l])}`),
    ].join('\n'),
  };
}

export function exportOutput(v: ExportFileView): CommandOutput {
  return {
    json: {
      file: v.path,
      form: v.form,
      period: v.period,
      unit: v.unit,
      sheets: v.sheets,
      tierBasis: v.tierBasis,
      size: v.size,
    },
    text: [
      `已导出 ${EXPORT_FORM_NAMES_ZH[v.form]}（${v.unit?.name ?? '全市'}，${formatPeriodZh(v.period)}）→ ${v.path}（${v.size} 字节）`,
      v.tierBasis === null
        ? '分级依据：尚无年度分级，客户分级未知'
        : `分级依据：${v.tierBasis.year} 年度分级（分级批次 ${v.tierBasis.runId}）`,
    ].join('\n'),
  };
}

const STATUS_ZH = { draft: '草稿', final: '定稿' } as const;
const FORMAT_ZH = { pdf: 'PDF', docx: 'Word', xlsx: 'Excel' } as const;

export function reportFileOutput(v: ReportFileView): CommandOutput {
  return {
    json: {
      file: v.path,
      format: v.format,
      period: v.period,
      unit: v.unit,
      revision: v.revision,
      status: v.status,
      hash: v.hash,
      size: v.size,
    },
    text: [
      `已另存 ${v.unit?.name ?? '全市'}${formatPeriodZh(v.period)}大客户分析报告 第 ${v.revision} 版（${STATUS_ZH[v.status]}，${FORMAT_ZH[v.format]}）→ ${v.path}（${v.size} 字节）`,
      v.hash === null ? '草稿：数字随数据变化，页眉标“草稿”' : `SHA-256 ${v.hash}`,
    ].join('\n'),
  };
}

function reportInfoJson(r: ReportInfo) {
  return {
    id: r.id,
    period: r.period,
    unit: r.unit === null ? null : { code: r.unit.code, name: r.unit.name },
    revision: r.revision,
    status: r.status,
    hash: r.hash,
    policyVersion: r.policyVersion,
    runId: r.runId,
    createdAt: r.createdAt,
    finalisedAt: r.finalisedAt,
    finalisedBy: r.finalisedBy,
    superseded: r.superseded,
  };
}

function reportInfoLine(r: ReportInfo): string {
  const hash = r.hash === null ? '' : `  SHA-256 ${r.hash}`;
  const superseded = r.superseded ? '（已有新版本）' : '';
  return `${r.id}\t${formatPeriodZh(r.period)}\t${r.unit?.name ?? '全市'}\t第 ${r.revision} 版\t${STATUS_ZH[r.status]}${superseded}${hash}`;
}

export function reportInfoOutput(r: ReportInfo): CommandOutput {
  return { json: reportInfoJson(r), text: `已定稿：${reportInfoLine(r)}` };
}

export function reportListOutput(list: ReportInfo[]): CommandOutput {
  return {
    json: list.map(reportInfoJson),
    text: list.length === 0 ? '还没有分析报告' : list.map(reportInfoLine).join('\n'),
  };
}
