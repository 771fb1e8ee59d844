/**
 * 申报进度, the template's sheet for the unit to read: its registrations still in progress or
 * decided in the last three months (with the new ID or the reason) and its marketing applications
 * not yet ended, each with its state (R19), and what its earlier templates sent that the centre
 * has not filed (waiting, or declined with the reason). The unit sends new ones on 新客户申报 and
 * 营销申报; this sheet is never imported.
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

/** A template row still in the centre's inbox, or declined (DOMAIN-DECISIONS "Template intake"). */
export interface ProgressSubmission {
  kind: 'registration' | 'application';
  name: string;
  /** The month of the template it came in. */
  period: string | null;
  sheet: string;
  row: number;
  state: 'pending' | 'declined';
  reason: string | null;
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
  submissions: readonly ProgressSubmission[] = [],
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
  // Rows sent in earlier templates that are not yet a registration or application: waiting for the
  // centre, or declined with the reason (send them again, completed, on this template).
  if (submissions.length > 0) {
    rows.push([]);
    headerRows.push(rows.length);
    rows.push(['类型', '客户名称', '报送月份', '状态', '来源', '说明']);
    for (const s of submissions) {
      rows.push([
        s.kind === 'registration' ? '新客户申报' : '营销申报',
        s.name,
        s.period,
        s.state === 'pending' ? '中心待受理' : '不予受理',
        `${s.sheet} 第 ${s.row} 行`,
        s.reason,
      ]);
    }
  }
  return { rows, headerRows };
}
