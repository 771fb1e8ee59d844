import { describe, expect, it } from 'vitest';
import { chartSvg, formatChartNumber, niceScale } from './chart-svg';
import type { ReportChart } from './document';
import { MINUS } from './format';

const months = Array.from({ length: 24 }, (_, i) => {
  const m = i + 10; // 2024-11 … 2026-10
  return `${2024 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
});

const line: ReportChart = {
  kind: 'chart',
  title: '图1　近24个月大客户收入走势（万元）',
  type: 'line',
  categories: months,
  unit: '万元',
  series: [
    { name: '本年', values: months.map((_, i) => 3400 + 10 * i) },
    { name: '上年同期', values: months.map((_, i) => 3300 + 5 * i) },
  ],
};

const bar: ReportChart = {
  kind: 'chart',
  title: '图2　分级收入 <A&B>',
  type: 'bar',
  categories: ['钻石', '铂金', '黄金'],
  unit: '万元',
  series: [{ name: '本月', values: [120.5, 98.25, -7.1] }],
};

function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
}

describe('niceScale', () => {
  const cases: [string, number, number, number[]][] = [
    ['0..1,250 in steps of 250', 0, 1210, [0, 250, 500, 750, 1000, 1250]],
    ['decimal steps print exactly', 0, 0.3, [0, 0.1, 0.2, 0.3]],
    ['a negative minimum', -7, 12, [-10, -5, 0, 5, 10, 15]],
    ['one value from zero', 5, 5, [0, 1, 2, 3, 4, 5]],
    ['nothing at all', 0, 0, [0, 0.2, 0.4, 0.6, 0.8, 1]],
  ];
  it.each(cases)('%s', (_, lo, hi, ticks) => {
    expect(niceScale(lo, hi).ticks).toEqual(ticks);
  });
});

describe('formatChartNumber', () => {
  it.each([
    [3672.26, 2, '3,672.26'],
    [1000, 0, '1,000'],
    [-1.3, 1, `${MINUS}1.3`],
    [-0.001, 2, '0.00'],
  ] as const)('%d with %d decimals → %s', (v, d, out) => {
    expect(formatChartNumber(v, d)).toBe(out);
  });
});

describe('chartSvg', () => {
  it('is deterministic and self-contained', () => {
    const a = chartSvg(line);
    expect(chartSvg(line)).toBe(a);
    expect(a.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(a).not.toMatch(/href|url\(|@import|@font-face/);
    expect(a).toContain("'Noto Sans CJK SC', sans-serif");
  });

  it('thins 24 month labels on a line chart, keeping the report month', () => {
    const labels = texts(chartSvg(line)).filter((t) => /^\d{4}-\d{2}$/.test(t));
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.length).toBeLessThan(24);
    expect(labels[labels.length - 1]).toBe('2026-10');
  });

  it('shows every month when the chart is wide enough', () => {
    const labels = texts(chartSvg(line, { width: 2400, height: 400 })).filter((t) => /^\d{4}-/.test(t));
    expect(labels).toEqual(months);
  });

  it('has a legend for two series, none for one, and the unit', () => {
    const t = texts(chartSvg(line));
    expect(t).toContain('本年');
    expect(t).toContain('上年同期');
    expect(t).toContain('单位：万元');
    expect(texts(chartSvg(bar))).not.toContain('本月');
  });

  it('labels every bar in the unit, a fall with the minus sign, and escapes text', () => {
    const svg = chartSvg(bar);
    const t = texts(svg);
    expect(t).toEqual(expect.arrayContaining(['120.50', '98.25', `${MINUS}7.10`, '钻石', '铂金', '黄金']));
    expect(svg).toContain('分级收入 &lt;A&amp;B&gt;');
    expect(svg.match(/<rect [^>]*fill="#1f4e8c"/g)).toHaveLength(3);
  });

  it('rotates bar labels that do not fit rather than dropping any', () => {
    const many: ReportChart = {
      ...bar,
      categories: Array.from({ length: 12 }, (_, i) => `第${i + 1}营业部分公司`),
      series: [{ name: '本月', values: Array.from({ length: 12 }, (_, i) => i * 10) }],
    };
    const svg = chartSvg(many);
    expect(svg.match(/rotate\(-40/g)).toHaveLength(12);
  });

  it('breaks a line at a missing month and says when there is no data', () => {
    const gap: ReportChart = {
      ...line,
      series: [{ name: '本年', values: months.map((_, i) => (i === 5 ? Number.NaN : 100 + i)) }],
    };
    expect(chartSvg(gap).match(/<polyline/g)).toHaveLength(2);
    expect(texts(chartSvg({ ...line, series: [] }))).toContain('无数据');
  });
});
