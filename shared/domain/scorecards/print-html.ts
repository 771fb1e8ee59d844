/**
 * R34 scorecards as a printed page: A4 landscape, the title in the official title face, the month,
 * the policy's weights, the ranked table of managers (or units) with each part's figure and score,
 * the notes and the date printed. Static markup, no script, no external resource (the same rules as
 * the report's print view, shared/domain/report/print-html.ts, whose font stacks it uses).
 */
import type { ScorecardRow, ScorecardsView } from '../../api/types-scorecards';
import { SCORECARD_PARTS, type ScorecardPart } from '../policy/policy';
import { escapeHtml, HEI_FONTS, SONG_FONTS, TITLE_FONTS } from '../report/print-html';

export const SCORECARD_PART_NAMES: Record<ScorecardPart, { zh: string; en: string }> = {
  revenue: { zh: '收入完成', en: 'Revenue' },
  newCustomers: { zh: '新增客户', en: 'New customers' },
  visits: { zh: '拜访完成', en: 'Visits' },
  logs: { zh: '营销日志', en: 'Marketing logs' },
  archives: { zh: '档案及时', en: 'Archives on time' },
  complaints: { zh: '投诉及时', en: 'Complaints in time' },
};

const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 0 });
const score = (s: number | null) => (s === null ? '—' : s.toFixed(1));

/** The figure under a part's score, as the page and the print show it (English for the English interface). */
export function partFigure(r: ScorecardRow, part: ScorecardPart, english = false): string {
  const f = r.figures;
  switch (part) {
    case 'revenue':
      return f.revenue.targetFen === null
        ? `${yuan(f.revenue.actualFen)}${english ? ' (no target)' : '（未定目标）'}`
        : `${yuan(f.revenue.actualFen)} / ${yuan(f.revenue.targetFen)}`;
    case 'newCustomers':
      return english ? String(f.newCustomers.count) : `${f.newCustomers.count} 户`;
    case 'visits':
      return `${f.visits.held} / ${f.visits.required}`;
    case 'logs':
      return `${f.logs.kept} / ${f.logs.due}`;
    case 'archives':
      return `${f.archives.onTime} / ${f.archives.due}`;
    case 'complaints':
      return `${f.complaints.inTime} / ${f.complaints.handled}`;
  }
}

export function scorecardPrintHtml(view: ScorecardsView, who: 'managers' | 'units', printedOn: string): string {
  const rows = who === 'managers' ? view.managers : view.units;
  const [year, month] = [view.period.slice(0, 4), Number(view.period.slice(5, 7))];
  const title = `${year} 年 ${month} 月${who === 'managers' ? '客户经理' : '单位'}考核表`;
  const weights = SCORECARD_PARTS.map((p) => `${SCORECARD_PART_NAMES[p].zh} ${view.weights[p]}%`).join('　');
  const head = [
    '排名',
    ...(who === 'managers' ? ['客户经理'] : []),
    '单位',
    '客户数',
    ...SCORECARD_PARTS.map((p) => SCORECARD_PART_NAMES[p].zh),
    '总分',
  ];
  const body = rows
    .map(
      (r) =>
        `<tr><td class="n">${r.rank ?? '—'}</td>${who === 'managers' ? `<td>${escapeHtml(r.name)}</td>` : ''}` +
        `<td>${escapeHtml(r.unitName)}</td><td class="n">${r.customers}</td>` +
        SCORECARD_PARTS.map(
          (p) => `<td class="n"><b>${score(r.scores[p])}</b><br><small>${escapeHtml(partFigure(r, p))}</small></td>`,
        ).join('') +
        `<td class="n total">${score(r.total)}</td></tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: A4 landscape; margin: 20mm 18mm 18mm 18mm; }
body { font-family: ${SONG_FONTS}; font-size: 10.5pt; color: #000; margin: 0; }
h1 { font-family: ${TITLE_FONTS}; font-size: 20pt; font-weight: bold; text-align: center; margin: 0 0 6pt; letter-spacing: 1pt; }
.meta { display: flex; justify-content: space-between; font-size: 10pt; margin: 0 0 6pt; }
table { width: 100%; border-collapse: collapse; }
thead { display: table-header-group; }
th { font-family: ${HEI_FONTS}; font-weight: normal; font-size: 10pt; border: 0.75pt solid #000; padding: 3pt 4pt; background: #f2f2f2; }
td { border: 0.75pt solid #000; padding: 2pt 4pt; vertical-align: middle; }
td.n { text-align: center; }
td.total { font-family: ${HEI_FONTS}; font-size: 11pt; }
small { font-size: 8pt; color: #333; }
tr { page-break-inside: avoid; }
.notes { font-size: 9pt; margin-top: 8pt; line-height: 1.5; }
.empty { text-align: center; padding: 16pt; }
</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<div class="meta"><span>汕头市邮政局大客户中心</span><span>权重（政策第 ${view.policyVersion} 版）：${escapeHtml(weights)}</span></div>
<table>
<thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead>
<tbody>
${body || `<tr><td class="empty" colspan="${head.length}">本月没有可考核的${who === 'managers' ? '客户经理' : '单位'}</td></tr>`}
</tbody>
</table>
<div class="notes">
说明：1. 各项得分 0–100，括号下为完成数 / 应完成数（收入为本月收入 / 本月目标，单位：元；本月目标为年度目标的十二分之一）。<br>
2. 某项本月无可考核内容（未定目标、无应拜访、无应记日志、无应更新档案、无投诉）时记“—”，不计入总分，其余各项按权重折算（R34）。<br>
3. 新增客户以本组最多者为 100 分。数据来自本系统已录入的记录。　　打印日期：${escapeHtml(printedOn)}
</div>
</body></html>`;
}
