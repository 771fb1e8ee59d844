/**
 * R34 scorecards as an .xlsx workbook (the officer's 导出 and `kam scorecards --out`): one sheet
 * for the account managers and one for the units, ranked, each part's figure and score, laid out
 * as the bureau's tables are (exports/xlsx.ts) so it prints like one.
 */

import type { AuditHeadRef } from '../../../shared/api/types';
import type { ScorecardRow, ScorecardsView } from '../../../shared/api/types-scorecards';
import {
  type Cell,
  count,
  EMPTY,
  layoutTable,
  money,
  type OfficialTable,
  text,
} from '../../../shared/domain/exports/layout';
import { SCORECARD_PARTS } from '../../../shared/domain/policy/policy';
import { SCORECARD_PART_NAMES } from '../../../shared/domain/scorecards/print-html';
import { writeWorkbook } from '../exports/xlsx';

const score = (s: number | null): Cell => (s === null ? text('—') : text(s.toFixed(1)));

function row(r: ScorecardRow, withManager: boolean): Cell[] {
  const f = r.figures;
  return [
    r.rank === null ? text('—') : count(r.rank),
    ...(withManager ? [text(r.name)] : []),
    text(r.unitName),
    count(r.customers),
    money(f.revenue.actualFen),
    f.revenue.targetFen === null ? EMPTY : money(f.revenue.targetFen),
    count(f.newCustomers.count),
    text(`${f.visits.held}/${f.visits.required}`),
    text(`${f.logs.kept}/${f.logs.due}`),
    text(`${f.archives.onTime}/${f.archives.due}`),
    text(`${f.complaints.inTime}/${f.complaints.handled}`),
    ...SCORECARD_PARTS.map((p) => score(r.scores[p])),
    score(r.total),
  ];
}

function table(view: ScorecardsView, rows: ScorecardRow[], withManager: boolean): OfficialTable {
  const weights = SCORECARD_PARTS.map((p) => `${SCORECARD_PART_NAMES[p].zh} ${view.weights[p]}%`).join('，');
  return {
    sheetName: withManager ? '客户经理考核' : '单位考核',
    attachment: '',
    title: `${view.period.slice(0, 4)} 年 ${Number(view.period.slice(5, 7))} 月${withManager ? '客户经理' : '单位'}考核表`,
    meta: [`权重（政策第 ${view.policyVersion} 版）：${weights}`, '金额单位：元'],
    columnWidths: [6, ...(withManager ? [10] : []), 16, 8, 14, 14, 8, 9, 9, 9, 9, ...SCORECARD_PARTS.map(() => 9), 8],
    sections: [
      {
        caption: null,
        header: [
          '排名',
          ...(withManager ? ['客户经理'] : []),
          '单位',
          '客户数',
          '本月收入',
          '本月目标',
          '新增客户',
          '拜访 已/应',
          '日志 已/应',
          '档案 及时/应',
          '投诉 及时/应',
          ...SCORECARD_PARTS.map((p) => `${SCORECARD_PART_NAMES[p].zh}得分`),
          '总分',
        ],
        rows: rows.map((r) => row(r, withManager)),
        totalRows: 0,
      },
    ],
    notes: [
      '说明：各项得分 0–100；某项本月无可考核内容（未定目标、无应拜访、无应记日志、无应更新档案、无投诉）时不计入，其余各项按权重折算（R34）。',
      '新增客户得分以同组最多者为 100；本月目标为年度目标的十二分之一。',
    ],
  };
}

export function scorecardWorkbook(view: ScorecardsView, now: Date, auditHead: AuditHeadRef): Buffer {
  const layouts = [table(view, view.managers, true), table(view, view.units, false)].map(layoutTable);
  return writeWorkbook(layouts, { title: `${view.period} 考核表`, created: now, auditHead });
}

export const scorecardFileName = (period: string, unitCode: string | null) =>
  `考核表_${period}${unitCode === null ? '' : `_${unitCode}`}.xlsx`;
