/**
 * The monthly analysis report and the dashboard (R28) at 20,000 customers with two years of data,
 * each round after one revenue cell is written again (so the figures are gathered afresh, as after
 * an import; exports/cache.ts keeps them only while the database is unchanged):
 *  - dashboard data (`reports/dashboard`) ≤ 300 ms and report data (`reports/get` of a draft: the
 *    facts composed into the document) ≤ 500 ms, each on its first view after a data change and
 *    viewed again; baseline: one bare SQL pass summing the 24 months' revenue (the trend's floor);
 *  - the PDF (`reports/export`, through the system Chromium as `kam report` prints) ≤ 5 s;
 *    baseline: the same Chromium launched and printing a plain page of the same tables (no styles,
 *    no charts, no fonts waited for);
 *  - Word (`reports/export` docx) ≤ 3 s; baseline: the docx package writing the same tables as
 *    plain Word tables (no styles, no charts).
 * `tests/bench/run.ts` wires this in.
 */
import { join } from 'node:path';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import { openBackend } from '../../electron/backend';
import { fillDemo } from '../../electron/backend/demo/fill';
import { fillDemoRevenue } from '../../electron/backend/demo/revenue';
import { printPdf } from '../../electron/backend/reports/pdf';
import { REPORT_LINES } from '../../shared/domain/exports/figures';
import type { RevenueLine } from '../../shared/domain/lines';
import { addMonths } from '../../shared/domain/periods';
import { POLICY_V1 } from '../../shared/domain/policy/policy';
import type { ReportDocument, ReportTable } from '../../shared/domain/report/document';
import { formatCell } from '../../shared/domain/report/format';
import { escapeHtml } from '../../shared/domain/report/print-html';
import { percentile, type Row, round, time, timeAsync } from './stats';

const CUSTOMERS = 20_000;
const PERIOD = '2026-10';
const ROUNDS = 7;
const FILE_ROUNDS = 3;

function tablesOf(doc: ReportDocument): ReportTable[] {
  return doc.blocks.filter((b): b is ReportTable => b.kind === 'table');
}

function cellText(table: ReportTable, row: ReportTable['rows'][number]): string[] {
  return row.map((value, i) => formatCell(value, table.columns[i]?.format ?? 'text'));
}

/** The same tables on a plain page: what Chromium does for any PDF, without our layout. */
function plainHtml(doc: ReportDocument): string {
  const tables = tablesOf(doc)
    .map(
      (t) =>
        `<h3>${escapeHtml(t.title)}</h3><table><tr>${t.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('')}</tr>${t.rows
          .map(
            (r) =>
              `<tr>${cellText(t, r)
                .map((c) => `<td>${escapeHtml(c)}</td>`)
                .join('')}</tr>`,
          )
          .join('')}</table>`,
    )
    .join('');
  return `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body>${tables}</body></html>`;
}

/** The same tables as bare Word tables. */
function plainDocx(doc: ReportDocument): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const children = tablesOf(doc).flatMap((t) => [
    new Paragraph(t.title),
    new Table({
      rows: [
        new TableRow({ children: t.columns.map((c) => cell(c.title)) }),
        ...t.rows.map((r) => new TableRow({ children: cellText(t, r).map(cell) })),
      ],
    }),
  ]);
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

export async function reportsBench(dir: string): Promise<Row[]> {
  const backend = openBackend({ databasePath: join(dir, 'reports.sqlite'), printPdf: (html) => printPdf(html) });
  try {
    fillDemo(backend.db, POLICY_V1, { customers: CUSTOMERS, seed: 9 }, new Date());
    fillDemoRevenue(backend.db, { months: 24, endPeriod: PERIOD, seed: 9 }, new Date().toISOString());
    await backend.registry.call('tiers/run', { kind: 'annual', year: 2025 });
    const draft = await backend.registry.call('reports/create', { period: PERIOD, unitCode: null });
    const touch = backend.db
      .prepare('SELECT customer_id, line, amount_fen FROM revenue WHERE period = ? LIMIT 1')
      .get(PERIOD) as { customer_id: string; line: RevenueLine; amount_fen: number };
    const rewrite = () =>
      backend.registry.call('revenue/set', {
        customerId: touch.customer_id,
        period: PERIOD,
        line: touch.line,
        amount: (touch.amount_fen / 100).toFixed(2),
      });
    // The bare floor of any month's analysis: one SQL pass summing the 24 months' revenue.
    const bare = backend.db.prepare(
      `SELECT period, sum(${REPORT_LINES.join(' + ')}) FROM revenue_months WHERE period BETWEEN ? AND ? GROUP BY period`,
    );
    const from = addMonths(PERIOD, -23);

    const dashboard: number[] = [];
    const dashboardAgain: number[] = [];
    const report: number[] = [];
    const reportAgain: number[] = [];
    const base: number[] = [];
    for (let r = 0; r < ROUNDS + 1; r++) {
      await rewrite();
      const d = (await timeAsync(() => backend.registry.call('reports/dashboard', { period: PERIOD, unitCode: null })))
        .ms;
      const d2 = (await timeAsync(() => backend.registry.call('reports/dashboard', { period: PERIOD, unitCode: null })))
        .ms;
      await rewrite();
      const g = (await timeAsync(() => backend.registry.call('reports/get', { id: draft.id }))).ms;
      const g2 = (await timeAsync(() => backend.registry.call('reports/get', { id: draft.id }))).ms;
      const b = time(() => bare.all(from, PERIOD)).ms;
      // Round 0 warms up (JIT, page cache).
      if (r > 0) {
        dashboard.push(d);
        dashboardAgain.push(d2);
        report.push(g);
        reportAgain.push(g2);
        base.push(b);
      }
    }

    const doc = (await backend.registry.call('reports/get', { id: draft.id })).document;
    const pdf: number[] = [];
    const pdfBase: number[] = [];
    const docx: number[] = [];
    const docxBase: number[] = [];
    const html = plainHtml(doc);
    for (let r = 0; r < FILE_ROUNDS + 1; r++) {
      await rewrite();
      const p = (
        await timeAsync(() =>
          backend.registry.call('reports/export', { id: draft.id, format: 'pdf', path: join(dir, 'report.pdf') }),
        )
      ).ms;
      const pb = (await timeAsync(() => printPdf(html))).ms;
      await rewrite();
      const w = (
        await timeAsync(() =>
          backend.registry.call('reports/export', { id: draft.id, format: 'docx', path: join(dir, 'report.docx') }),
        )
      ).ms;
      const wb = (await timeAsync(() => plainDocx(doc))).ms;
      if (r > 0) {
        pdf.push(p);
        pdfBase.push(pb);
        docx.push(w);
        docxBase.push(wb);
      }
    }

    const row = (name: string, target: number, samples: number[], baseline: number[]): Row => ({
      name,
      target: `≤ ${target} ms`,
      p50: round(percentile(samples, 50)),
      p95: round(percentile(samples, 95)),
      baselineP50: round(percentile(baseline, 50)),
      baselineP95: round(percentile(baseline, 95)),
      ratioP95: round(percentile(samples, 95) / percentile(baseline, 95)),
      pass: percentile(samples, 95) <= target,
    });
    const n = `${CUSTOMERS.toLocaleString('en')} customers × 24 months`;
    const rows = tablesOf(doc).reduce((s, t) => s + t.rows.length, 0);
    return [
      row(`dashboard data, first view after a data change (reports/dashboard), ${n}`, 300, dashboard, base),
      row(
        `dashboard data, viewed again (drill-through, switching back; kept while unchanged)`,
        300,
        dashboardAgain,
        base,
      ),
      row(
        `report data, first view after a data change (reports/get of a draft: facts + document), ${n}`,
        500,
        report,
        base,
      ),
      row(`report data, viewed again (the editor's reads between edits)`, 500, reportAgain, base),
      row(`report PDF (reports/export, system Chromium), ${rows} table rows + charts`, 5000, pdf, pdfBase),
      row(`report Word (reports/export docx), ${rows} table rows + charts`, 3000, docx, docxBase),
    ];
  } finally {
    await backend.close();
  }
}
