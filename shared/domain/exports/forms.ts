/** The exports (R24–R26): which forms there are, their names and the file name offered to save. */
import { formatPeriodZh, type Period } from '../periods';

export const EXPORT_FORMS = ['6-1', '6-2', '7', 'province'] as const;
export type ExportForm = (typeof EXPORT_FORMS)[number];

export const EXPORT_FORM_NAMES_ZH: Record<ExportForm, string> = {
  '6-1': '附件6-1 大客户数量及收入统计表',
  '6-2': '附件6-2 重点大客户收入统计表',
  '7': '附件7 大客户收入情况表（报省局）',
  province: '省局报送包（附件6-1 全市汇总、附件7）',
};

export function isExportForm(value: unknown): value is ExportForm {
  return typeof value === 'string' && (EXPORT_FORMS as readonly string[]).includes(value);
}

/** Characters Windows and macOS refuse in a file name; control characters are dropped too. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|]/g;

export function safeFileName(name: string): string {
  return [...name.replace(UNSAFE_IN_FILE_NAME, '_')].filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20).join('');
}

/** "附件6-1_澄海分局_2026年10月.xlsx", "省局报送包_2026年10月.xlsx": what the save dialog offers. */
export function exportFileName(form: ExportForm, period: Period, unitName: string | null): string {
  const stem = form === 'province' ? '省局报送包' : `附件${form}`;
  const scope = form === 'province' ? null : (unitName ?? '全市');
  const parts = [stem, scope, formatPeriodZh(period)].filter((p): p is string => p !== null);
  return `${safeFileName(parts.join('_'))}.xlsx`;
}
