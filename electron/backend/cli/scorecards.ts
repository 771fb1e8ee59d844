/**
 * `kam scorecards` (R34), through the app's handlers: a month's scorecards as JSON (--json) or as
 * the .xlsx the app exports (--out FILE); without either, a ranking as text. `kam scorecards
 * targets|set-target` keep the managers' yearly revenue targets.
 */
import { writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/api/errors';
import { localDate } from '../../../shared/domain/dates';
import { scorecardPrintHtml } from '../../../shared/domain/scorecards/print-html';
import { printPdf } from '../reports/pdf';
import { withExisting } from './backend';
import { type Command, opt, required, wholeNumber } from './command';

const score = (s: number | null) => (s === null ? '—' : s.toFixed(1));

export const SCORECARD_COMMANDS: Command[] = [
  {
    name: 'scorecards',
    summary: '某月客户经理与单位考核（R34）/ a month’s scorecards per account manager and unit',
    usage:
      'kam scorecards --period YYYY-MM [--unit CODE] (--json | --out FILE.xlsx) [--pdf FILE.pdf [--units]] [--db PATH]',
    options: {
      period: { type: 'string' },
      unit: { type: 'string' },
      out: { type: 'string' },
      pdf: { type: 'string' },
      units: { type: 'boolean' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const period = required(values, 'period');
        const unitCode = opt(values, 'unit');
        const out = opt(values, 'out');
        if (out !== null) {
          const file = await b.registry.call('scorecards/export', { period, unitCode, path: out });
          return { json: file, text: `已导出考核表：${file.path}（${file.size} 字节）` };
        }
        const view = await b.registry.call('scorecards/list', { period, unitCode });
        const pdf = opt(values, 'pdf');
        if (pdf !== null) {
          // The printed page the app prints (shared/domain/scorecards/print-html.ts), through Chromium.
          const html = scorecardPrintHtml(view, values.units === true ? 'units' : 'managers', localDate(new Date()));
          writeFileSync(pdf, await printPdf(html));
          return { json: { ...view, pdf }, text: `已生成 PDF：${pdf}` };
        }
        const lines = [
          `${view.period} 客户经理考核（政策第 ${view.policyVersion} 版）`,
          ...view.managers.map((r) => [r.rank ?? '—', r.name, r.unitName, score(r.total)].join('\t')),
          '',
          `${view.period} 单位考核`,
          ...view.units.map((r) => [r.rank ?? '—', r.unitName, score(r.total)].join('\t')),
        ];
        return { json: view, text: lines.join('\n') };
      }),
  },
  {
    name: 'scorecards targets',
    summary: '列出某年各客户经理的收入目标 / the managers’ revenue targets for a year',
    usage: 'kam scorecards targets --year YYYY [--db PATH] [--json]',
    options: { year: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const year = wholeNumber(values, 'year');
        if (year === null) throw new AppError('VALIDATION', { zh: '缺少 --year', en: '--year is missing' });
        const rows = await b.registry.call('scorecards/targets', { year });
        const text =
          rows.length === 0
            ? '（无）'
            : rows
                .map((r) =>
                  [
                    r.managerId,
                    r.managerName,
                    r.unitName,
                    r.revenueTargetFen === null ? '未定' : r.revenueTargetFen / 100,
                  ].join('\t'),
                )
                .join('\n');
        return { json: rows, text };
      }),
  },
  {
    name: 'scorecards set-target',
    summary: '设置客户经理某年的收入目标（--target 空则删除）/ set a manager’s revenue target for a year',
    usage: 'kam scorecards set-target --manager N --year YYYY --target AMOUNT [--db PATH] [--json]',
    options: { manager: { type: 'string' }, year: { type: 'string' }, target: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const managerId = wholeNumber(values, 'manager');
        const year = wholeNumber(values, 'year');
        if (managerId === null || year === null)
          throw new AppError('VALIDATION', { zh: '请给出 --manager 和 --year', en: 'Give --manager and --year' });
        const r = await b.registry.call('scorecards/set-target', {
          managerId,
          year,
          revenueTargetFen: typeof values.target === 'string' ? values.target : '',
        });
        return {
          json: r,
          text: `${r.managerName} ${r.year} 年收入目标：${r.revenueTargetFen === null ? '未定' : `¥${r.revenueTargetFen / 100}`}`,
        };
      }),
  },
];
