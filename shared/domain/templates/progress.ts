/**
 * 申报进度, the template's sheet for the unit to read: its registrations still in progress or
 * decided in the last three months (with the new ID or the reason) and its marketing applications
 * not yet ended, each with its state (R19). The unit sends new ones on 新客户申报; this sheet is
 * never imported.
 */
import { REGISTRATION_STATE_NAMES_ZH, type RegistrationState } from '../registration/states';

export interface ProgressRegistration {
  id: number;
  name: string;
  registeredOn: string;
  state: RegistrationState;
  customerId: string | null;
  reason: string | null;
}

export interface ProgressApplication {
  id: number;
  customerId: string;
  customerName: string;
  state: 'owner_opinion' | 'ruling' | 'granted' | 'refused';
  endOn: string | null;
}

const APPLICATION_STATE_ZH = {
  owner_opinion: '待归属单位意见',
  ruling: '待中心裁定',
  granted: '已批准',
  refused: '未批准',
};

export const PROGRESS_WIDTHS = [10, 38, 14, 12, 18, 40] as const;

/** The sheet's rows: a title, the registrations' table, a gap, the applications' table. */
export function progressRows(
  unitName: string,
  registrations: readonly ProgressRegistration[],
  applications: readonly ProgressApplication[],
): { rows: (string | number | null)[][]; headerRows: number[] } {
  const rows: (string | number | null)[][] = [[`${unitName}的注册申报和营销申报进度（本表仅供查看，不会被导入）`]];
  const headerRows: number[] = [];
  headerRows.push(rows.length);
  rows.push(['申报号', '客户名称', '申报日期', '状态', '客户编号', '说明']);
  if (registrations.length === 0) rows.push([null, '（无进行中或近三个月处理的注册申报）']);
  for (const r of registrations) {
    rows.push([r.id, r.name, r.registeredOn, REGISTRATION_STATE_NAMES_ZH[r.state], r.customerId, r.reason]);
  }
  rows.push([]);
  headerRows.push(rows.length);
  rows.push(['营销申报号', '客户名称', '客户编号', '状态', '截止日期', '']);
  if (applications.length === 0) rows.push([null, '（无进行中的营销申报）']);
  for (const a of applications) {
    rows.push([a.id, a.customerName, a.customerId, APPLICATION_STATE_ZH[a.state], a.endOn, null]);
  }
  return { rows, headerRows };
}
