/**
 * A report chart (bar or line) as one self-contained SVG string: no fonts, images or links to
 * fetch, so the print view (inline SVG under the app's CSP) and Word (a PNG rasterised from it)
 * show the same picture. The chart's caption ("图1　…") is the renderer's, printed outside the
 * picture as GB/T 9704 documents caption figures; the SVG carries it only as its accessible name.
 *
 * Deterministic: every coordinate is rounded to two decimals and nothing depends on the clock,
 * the locale or the fonts installed, so the same chart always gives the same string (a finalised
 * report's outputs can be compared byte for byte).
 *
 * Reading on paper: official documents are often printed in black and white, so a line chart's
 * series differ by dash pattern and marker as well as by colour, and bars by shade.
 */
import type { ReportChart } from './document';
import { MINUS } from './format';

export interface ChartSize {
  width: number;
  height: number;
}

/** About 156 mm wide at 96 dpi (the GB/T 9704 text block) at half the height. */
export const DEFAULT_CHART_SIZE: ChartSize = { width: 640, height: 320 };

/** Sans-serif (黑体 family) reads better than 仿宋 at chart sizes; Windows fonts first, then Noto. */
export const CHART_FONT_FAMILY = "'Microsoft YaHei', '微软雅黑', 'SimHei', '黑体', 'Noto Sans CJK SC', sans-serif";

const FONT_SIZE = 12;
const TEXT_COLOUR = '#262626';
const AXIS_COLOUR = '#595959';
const GRID_COLOUR = '#d9d9d9';
/** Dark to light, distinct in grey print as well as in colour. */
const PALETTE = ['#1f4e8c', '#e07b24', '#3a8f5c', '#8e5ba6', '#b23a3a', '#7f7f7f'];
const DASHES = ['', '6 3', '2 3', '8 3 2 3', '4 4', '1 2'];

/** Two decimals at most, no trailing zeros, no "-0": stable numbers in the markup. */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) || rounded === 0 ? '0' : String(rounded);
}

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The width of a label in the chart's font, estimated without measuring (measuring would need the
 * fonts, and the output must not depend on them): a CJK or full-width character is one em, other
 * characters about 0.6 em.
 */
export function textWidth(text: string, fontSize = FONT_SIZE): number {
  let ems = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    ems += code >= 0x2e80 || (code >= 0x1100 && code <= 0x11ff) ? 1 : 0.6;
  }
  return ems * fontSize;
}

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits.charAt(i);
  }
  return out;
}

/** A value with `decimals` decimals, grouped, with the U+2212 minus the report's tables use. */
export function formatChartNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', frac] = fixed.split('.');
  const body = frac === undefined ? groupThousands(whole) : `${groupThousands(whole)}.${frac}`;
  const isZero = Number(fixed) === 0;
  return value < 0 && !isZero ? `${MINUS}${body}` : body;
}

export interface AxisScale {
  min: number;
  max: number;
  step: number;
  /** Decimals a tick label needs to show the step exactly. */
  decimals: number;
  ticks: number[];
}

/**
 * "Nice" ticks (steps of 1, 2, 2.5 or 5 × 10ⁿ) covering [lo, hi] with about `target` intervals.
 * Ticks are integer multiples of the step rounded to its decimals, so 0.1 + 0.2 never prints as
 * 0.30000000000000004.
 */
export function niceScale(lo: number, hi: number, target = 5): AxisScale {
  let low = Math.min(lo, hi);
  let high = Math.max(lo, hi);
  if (high === low) {
    // One value (or none): show it with room, from zero.
    if (high === 0) high = 1;
    else if (high > 0) low = 0;
    else high = 0;
  }
  const raw = (high - low) / target;
  const exponent = Math.floor(Math.log10(raw));
  const magnitude = 10 ** exponent;
  const fraction = raw / magnitude;
  const nice = [1, 2, 2.5, 5, 10].find((f) => fraction <= f + 1e-9) ?? 10;
  const step = nice * magnitude;
  let decimals = Math.max(0, -exponent);
  if (nice === 2.5 && exponent <= 0) decimals += 1;
  if (nice === 10 && exponent < 0) decimals -= 1;
  decimals = Math.max(0, decimals);
  const first = Math.floor(low / step + 1e-9);
  const last = Math.ceil(high / step - 1e-9);
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) ticks.push(Number((k * step).toFixed(decimals)));
  return {
    min: ticks[0] ?? low,
    max: ticks[ticks.length - 1] ?? high,
    step: Number(step.toFixed(decimals)),
    decimals,
    ticks,
  };
}

/** Decimals for a data label in the chart's unit: money in 万元 with two, a count with none. */
function valueDecimals(unit: string, values: number[]): number {
  if (unit.includes('万元') || unit.includes('元')) return 2;
  if (values.every((v) => Number.isInteger(v))) return 0;
  return 1;
}

function finiteValues(chart: ReportChart): number[] {
  const out: number[] = [];
  for (const s of chart.series) {
    for (let i = 0; i < chart.categories.length; i++) {
      const v = s.values[i];
      if (v !== undefined && Number.isFinite(v)) out.push(v);
    }
  }
  return out;
}

/**
 * The value axis. A bar chart starts at zero (a bar's length is its value). A line chart starts at
 * zero too unless every value lies in the upper half of the range above zero, where a zero baseline
 * would flatten the month-to-month movement the chart is there to show.
 */
function valueScale(chart: ReportChart, values: number[]): AxisScale {
  if (values.length === 0) return niceScale(0, 1);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const fromZero = chart.type === 'bar' || lo <= 0 || hi <= 0 || lo < hi / 2;
  if (fromZero) {
    lo = Math.min(lo, 0);
    hi = Math.max(hi, 0);
  }
  return niceScale(lo, hi);
}

type LabelLayout = { mode: 'horizontal'; every: number } | { mode: 'rotated'; maxWidth: number };

/**
 * How category labels fit under the plot: side by side if they fit; a line chart's many months
 * ("2025-01" × 24) are thinned to every k-th, keeping the last (the report's month); a bar chart's
 * categories are each a bar the reader must name, so they are rotated instead, never dropped.
 */
function categoryLayout(chart: ReportChart, slot: number): LabelLayout {
  const widest = Math.max(0, ...chart.categories.map((c) => textWidth(c)));
  const gap = 6;
  if (widest + gap <= slot) return { mode: 'horizontal', every: 1 };
  if (chart.type === 'line') {
    return { mode: 'horizontal', every: Math.ceil((widest + gap) / slot) };
  }
  return { mode: 'rotated', maxWidth: widest };
}

/** Cut a label to `maxWidth` with an ellipsis (a rotated bar label longer than the room below). */
function fitLabel(text: string, maxWidth: number): string {
  if (textWidth(text) <= maxWidth) return text;
  let out = '';
  for (const ch of text) {
    if (textWidth(`${out}${ch}…`) > maxWidth) break;
    out += ch;
  }
  return `${out}…`;
}

const ROTATION_DEGREES = 40;
const MAX_ROTATED_LABEL = 110;

/** The chart as SVG markup (see the module comment). */
export function chartSvg(chart: ReportChart, size: ChartSize = DEFAULT_CHART_SIZE): string {
  const width = Math.max(200, size.width);
  const height = Math.max(140, size.height);
  const categories = chart.categories;
  const series = chart.series;
  const values = finiteValues(chart);
  const scale = valueScale(chart, values);
  const tickLabels = scale.ticks.map((t) => formatChartNumber(t, scale.decimals));

  // Top band: the unit (left) and the legend (right) on one line.
  const top = FONT_SIZE * 2 + 8;
  // Room for half of the last category label, centred on the plot's right end.
  const lastLabel = categories.length > 0 ? textWidth(categories[categories.length - 1] ?? '') : 0;
  const right = Math.ceil(Math.max(16, lastLabel / 2 - 8));
  const left = Math.ceil(Math.max(...tickLabels.map((l) => textWidth(l)), textWidth('0')) + 14);
  const plotWidth = width - left - right;
  const slot = categories.length > 0 ? plotWidth / categories.length : plotWidth;
  const layout = categoryLayout(chart, slot);
  const rad = (ROTATION_DEGREES * Math.PI) / 180;
  const labelBand =
    layout.mode === 'rotated'
      ? Math.ceil(Math.min(layout.maxWidth, MAX_ROTATED_LABEL) * Math.sin(rad) + FONT_SIZE * 1.6)
      : FONT_SIZE + 12;
  const bottom = labelBand + 4;
  const plotHeight = Math.max(20, height - top - bottom);
  const plotBottom = top + plotHeight;
  const y = (v: number): number => plotBottom - ((v - scale.min) / (scale.max - scale.min)) * plotHeight;
  const xCentre = (i: number): number => left + slot * (i + 0.5);

  const parts: string[] = [];
  const label = escapeXml(chart.title);
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-label="${label}" font-family="${CHART_FONT_FAMILY}" font-size="${FONT_SIZE}">`,
  );
  parts.push(`<title>${label}</title>`);
  parts.push(`<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`);

  // Unit above the value axis.
  if (chart.unit.trim() !== '') {
    parts.push(
      `<text x="${n(left - 8)}" y="${n(FONT_SIZE + 2)}" fill="${TEXT_COLOUR}">单位：${escapeXml(chart.unit)}</text>`,
    );
  }

  // Legend (two or more series), right-aligned on the top band.
  if (series.length >= 2) {
    const swatch = 18;
    const entries = series.map((s) => ({ name: s.name, w: swatch + 6 + textWidth(s.name) + 14 }));
    let x = width - right - entries.reduce((sum, e) => sum + e.w, 0) + 14;
    const ly = FONT_SIZE - 2;
    parts.push('<g class="legend">');
    entries.forEach((e, i) => {
      const colour = PALETTE[i % PALETTE.length];
      if (chart.type === 'line') {
        const dash = DASHES[i % DASHES.length];
        parts.push(
          `<line x1="${n(x)}" y1="${n(ly)}" x2="${n(x + swatch)}" y2="${n(ly)}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
        );
      } else {
        parts.push(`<rect x="${n(x + 3)}" y="${n(ly - 5)}" width="12" height="10" fill="${colour}"/>`);
      }
      parts.push(`<text x="${n(x + swatch + 6)}" y="${n(ly + 4)}" fill="${TEXT_COLOUR}">${escapeXml(e.name)}</text>`);
      x += e.w;
    });
    parts.push('</g>');
  }

  // Grid lines and value-axis ticks.
  parts.push('<g class="value-axis">');
  scale.ticks.forEach((t, i) => {
    const ty = y(t);
    parts.push(
      `<line x1="${n(left)}" y1="${n(ty)}" x2="${n(left + plotWidth)}" y2="${n(ty)}" stroke="${t === 0 ? AXIS_COLOUR : GRID_COLOUR}" stroke-width="${t === 0 ? 1 : 0.8}"/>`,
    );
    parts.push(
      `<text x="${n(left - 6)}" y="${n(ty + FONT_SIZE / 3)}" text-anchor="end" fill="${TEXT_COLOUR}">${tickLabels[i]}</text>`,
    );
  });
  parts.push(
    `<line x1="${n(left)}" y1="${n(top)}" x2="${n(left)}" y2="${n(plotBottom)}" stroke="${AXIS_COLOUR}" stroke-width="1"/>`,
  );
  // The category axis sits at the bottom of the plot (zero is drawn as its own line when above).
  parts.push(
    `<line x1="${n(left)}" y1="${n(plotBottom)}" x2="${n(left + plotWidth)}" y2="${n(plotBottom)}" stroke="${AXIS_COLOUR}" stroke-width="1"/>`,
  );
  parts.push('</g>');

  // Category labels.
  parts.push('<g class="category-axis">');
  const lastIndex = categories.length - 1;
  categories.forEach((c, i) => {
    const cx = xCentre(i);
    if (layout.mode === 'horizontal') {
      if ((lastIndex - i) % layout.every !== 0) return;
      parts.push(
        `<line x1="${n(cx)}" y1="${n(plotBottom)}" x2="${n(cx)}" y2="${n(plotBottom + 4)}" stroke="${AXIS_COLOUR}" stroke-width="1"/>`,
      );
      parts.push(
        `<text x="${n(cx)}" y="${n(plotBottom + FONT_SIZE + 6)}" text-anchor="middle" fill="${TEXT_COLOUR}">${escapeXml(c)}</text>`,
      );
    } else {
      const ty = plotBottom + FONT_SIZE + 2;
      parts.push(
        `<text x="${n(cx)}" y="${n(ty)}" text-anchor="end" transform="rotate(-${ROTATION_DEGREES} ${n(cx)} ${n(ty)})" fill="${TEXT_COLOUR}">${escapeXml(fitLabel(c, MAX_ROTATED_LABEL))}</text>`,
      );
    }
  });
  parts.push('</g>');

  if (values.length === 0) {
    parts.push(
      `<text x="${n(left + plotWidth / 2)}" y="${n(top + plotHeight / 2)}" text-anchor="middle" fill="${AXIS_COLOUR}">无数据</text>`,
    );
  } else if (chart.type === 'bar') {
    parts.push(...barMarks(chart, scale, { left, slot, y, valuesAll: values }));
  } else {
    parts.push(...lineMarks(chart, { xCentre, y }));
  }

  parts.push('</svg>');
  return parts.join('');
}

function barMarks(
  chart: ReportChart,
  scale: AxisScale,
  g: { left: number; slot: number; y: (v: number) => number; valuesAll: number[] },
): string[] {
  const out: string[] = ['<g class="bars">'];
  const count = Math.max(1, chart.series.length);
  const groupWidth = Math.min(g.slot * 0.7, 60 * count);
  const barWidth = groupWidth / count;
  const zeroY = g.y(Math.min(Math.max(0, scale.min), scale.max));
  const decimals = valueDecimals(chart.unit, g.valuesAll);
  // Figures over the bars for all of them or for none: a chart labelling some bars but not
  // others reads as if the unlabelled ones had no figure.
  const widestFigure = Math.max(...g.valuesAll.map((v) => textWidth(formatChartNumber(v, decimals), FONT_SIZE - 2)));
  const showFigures = widestFigure <= barWidth + 4;
  chart.series.forEach((s, si) => {
    const colour = PALETTE[si % PALETTE.length];
    chart.categories.forEach((_, i) => {
      const v = s.values[i];
      if (v === undefined || !Number.isFinite(v)) return;
      const x = g.left + g.slot * i + (g.slot - groupWidth) / 2 + barWidth * si;
      const vy = g.y(v);
      const yTop = Math.min(vy, zeroY);
      const h = Math.abs(zeroY - vy);
      out.push(
        `<rect x="${n(x)}" y="${n(yTop)}" width="${n(Math.max(1, barWidth - 1))}" height="${n(h)}" fill="${colour}"/>`,
      );
      // The figure over (or under, for a fall) its bar, when it fits the bar's width.
      const text = formatChartNumber(v, decimals);
      if (showFigures) {
        const ty = v >= 0 ? vy - 4 : vy + FONT_SIZE;
        out.push(
          `<text x="${n(x + barWidth / 2)}" y="${n(ty)}" text-anchor="middle" font-size="${FONT_SIZE - 2}" fill="${TEXT_COLOUR}">${text}</text>`,
        );
      }
    });
  });
  out.push('</g>');
  return out;
}

function lineMarks(chart: ReportChart, g: { xCentre: (i: number) => number; y: (v: number) => number }): string[] {
  const out: string[] = ['<g class="lines">'];
  chart.series.forEach((s, si) => {
    const colour = PALETTE[si % PALETTE.length];
    const dash = DASHES[si % DASHES.length];
    // A missing month breaks the line rather than joining its neighbours across it.
    const runs: string[][] = [];
    let run: string[] = [];
    const points: [number, number][] = [];
    chart.categories.forEach((_, i) => {
      const v = s.values[i];
      if (v === undefined || !Number.isFinite(v)) {
        if (run.length > 0) runs.push(run);
        run = [];
        return;
      }
      const px = g.xCentre(i);
      const py = g.y(v);
      run.push(`${n(px)},${n(py)}`);
      points.push([px, py]);
    });
    if (run.length > 0) runs.push(run);
    for (const r of runs) {
      if (r.length < 2) continue;
      out.push(
        `<polyline points="${r.join(' ')}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
      );
    }
    for (const [px, py] of points) {
      // Series alternate filled and hollow markers, so two lines differ in grey print too.
      const fill = si % 2 === 0 ? colour : '#ffffff';
      out.push(`<circle cx="${n(px)}" cy="${n(py)}" r="2.5" fill="${fill}" stroke="${colour}" stroke-width="1.2"/>`);
    }
  });
  out.push('</g>');
  return out;
}
