/**
 * The drop-down values of the template's service sheets (营销日志 R22, 拜访记录 R23, 投诉登记 R33),
 * written by layout.ts and read back by service-sheets.ts. Apart so layout.ts can build its columns
 * from them without importing the readers.
 */
import { LOG_METHOD_NAMES, STAGE_NAMES } from '../marketing/development';

/** The drop-down values of the four sheets, as written in the template and read back. */
export const STAGE_LIST: readonly string[] = Object.values(STAGE_NAMES).map((s) => s.zh);
export const METHOD_LIST: readonly string[] = Object.values(LOG_METHOD_NAMES).map((m) => m.zh);
export const VISIT_KIND_NAMES = { manager: '客户经理', leader: '领导' } as const;
export const VISIT_STATUS_NAMES = { held: '已拜访', not_held: '未拜访', planned: '计划' } as const;
/** R33: where a complaint came in (the complaint form offers the same). */
export const COMPLAINT_CHANNELS = ['电话', '上门', '信函', '网站', '12305', '其他'] as const;
export const SATISFACTION_LIST: readonly string[] = ['1', '2', '3', '4', '5'];
