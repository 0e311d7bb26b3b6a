/**
 * Draws a trend with uPlot. Why uPlot: ~50 KB minified (~22 KB gzipped) with no
 * dependencies, draws thousands of points on one canvas in a few milliseconds, and
 * leaves accessibility to us (we hide its legend and give each chart a text
 * alternative). SVG libraries make a DOM node per point; Chart.js is several times larger.
 */
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { timeAxis } from '@/utils/checkin/time-axis';
import { uiLocale } from '@/utils/i18n';

export interface PlotLine {
  label: string;
  /** The sign's chart colour; lightened on dark backgrounds. */
  color: string;
  dash: readonly number[];
  /** Line width in CSS px; 0 draws points only. */
  width: number;
  points: boolean;
  /** Drawn half-transparent, behind the lines that matter. */
  faint?: boolean;
  values: (number | null)[];
}

export interface PlotSpec {
  /** When each value was taken, epoch ms, ascending. */
  times: number[];
  lines: PlotLine[];
  height: number;
}

/** Draws `spec` into `target` and returns a function that removes it again. */
export type DrawPlot = (target: HTMLElement, spec: PlotSpec) => () => void;

interface Palette {
  text: string;
  grid: string;
  dark: boolean;
}

const PRINT_PALETTE: Palette = { text: '#000000', grid: '#bbbbbb', dark: false };

/** Relative luminance of `#rrggbb`, 0 (black) to 1 (white). */
function luminance(hex: string): number {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return 1;
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(match[1]!.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Mixes a `#rrggbb` colour toward white so dark lines keep 3:1 contrast on a dark page. */
function lighten(hex: string, amount: number): string {
  const match = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!match) return hex;
  const channels = [0, 2, 4].map((i) => {
    const c = parseInt(match[1]!.slice(i, i + 2), 16);
    return Math.round(c + (255 - c) * amount);
  });
  return `rgb(${channels.join(', ')})`;
}

/** The page's theme colours (components/styles.css variables), read at draw time. */
function readPalette(target: HTMLElement): Palette {
  const style = getComputedStyle(target);
  const variable = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    text: variable('--text', '#1c1f23'),
    grid: variable('--chart-grid', '#d7dbe0'),
    dark: luminance(variable('--bg', '#ffffff')) < 0.2,
  };
}

/** Whether the page is being printed, so a chart first drawn for print starts in print colours. */
let printingPage = false;
addEventListener('beforeprint', () => (printingPage = true));
addEventListener('afterprint', () => (printingPage = false));

let loading: Promise<typeof uPlot> | undefined;

/** Starts loading uPlot (once per page), so a page can fetch it while it reads its data. */
export function preloadUPlot(): Promise<typeof uPlot> {
  loading ??= import('uplot').then(
    ({ default: UPlot }) => UPlot,
    (error: unknown) => {
      loading = undefined; // the next chart tries again
      throw error;
    },
  );
  return loading;
}

/** A chart waiting for uPlot; `build` draws it at the width measured for it. */
interface PendingPlot {
  target: HTMLElement;
  build(UPlot: typeof uPlot, width: number): void;
}

const pending: PendingPlot[] = [];

const widthOf = (target: HTMLElement) => Math.max(200, Math.floor(target.clientWidth));

/**
 * Draws every chart waiting at once: all widths are measured before any chart is added, so
 * the page is laid out once rather than once per chart.
 */
function drawPending(UPlot: typeof uPlot): void {
  const plots = pending.splice(0);
  const widths = plots.map((plot) => widthOf(plot.target));
  plots.forEach((plot, i) => plot.build(UPlot, widths[i]!));
}

export const drawWithUPlot: DrawPlot = (target, spec) => {
  let plot: uPlot | undefined;
  let removed = false;
  let printing = printingPage;
  // Read when drawn and when the theme changes, not for every stroke.
  let screenPalette: Palette | undefined;
  const palette = () => (printing ? PRINT_PALETTE : (screenPalette ??= readPalette(target)));
  const lineColor = (line: PlotLine) => () => (palette().dark ? lighten(line.color, 0.45) : line.color);
  const repaint = () => plot?.redraw(true, true);

  const build = (UPlot: typeof uPlot, width: number) => {
    if (removed) return;
    const axis: uPlot.Axis = {
      stroke: () => palette().text,
      grid: { stroke: () => palette().grid, width: 1 },
      ticks: { stroke: () => palette().grid, width: 1 },
    };
    // A few points get an axis of whole days around them (uPlot alone would tick hours or years).
    const span = timeAxis(spec.times);
    const dayLabel = new Intl.DateTimeFormat(uiLocale(), { month: 'short', day: 'numeric' });
    const xAxis: uPlot.Axis = span?.ticks
      ? { ...axis, splits: () => span.ticks!.map((ms) => ms / 1000), values: (_u, splits) => splits.map((s) => dayLabel.format(s * 1000)) }
      : axis;
    plot = new UPlot(
      {
        width,
        height: spec.height,
        legend: { show: false },
        cursor: { show: false },
        scales: { x: { time: true, ...(span && { range: (): uPlot.Range.MinMax => [span.min / 1000, span.max / 1000] }) }, y: { range: [0, 10] } },
        axes: [xAxis, { ...axis, size: 36, splits: () => [0, 2, 4, 6, 8, 10] }],
        series: [
          {},
          ...spec.lines.map<uPlot.Series>((line) => ({
            label: line.label,
            stroke: lineColor(line),
            width: line.width,
            dash: [...line.dash],
            spanGaps: true,
            alpha: line.faint ? 0.5 : 1,
            points: { show: line.points, size: 6, width: 1.5, fill: lineColor(line) },
            ...(line.width === 0 ? { paths: () => null } : {}),
          })),
        ],
      },
      [spec.times.map((ms) => ms / 1000), ...spec.lines.map((line) => line.values)],
      target,
    );
  };
  // uPlot is loaded on first draw (or preloaded) so pages without charts never parse it.
  if (pending.push({ target, build }) === 1) void preloadUPlot().then(drawPending, () => pending.splice(0));

  const resize = new ResizeObserver(() => {
    // The first callback comes right after the chart is drawn at this width: no second drawing.
    if (plot && widthOf(target) !== plot.width) plot.setSize({ width: widthOf(target), height: spec.height });
  });
  resize.observe(target);
  const dark = matchMedia('(prefers-color-scheme: dark)');
  const themeChanged = () => {
    screenPalette = undefined;
    repaint();
  };
  // Paper is white whatever the screen theme: repaint in print colours while printing.
  const beforePrint = () => {
    printing = true;
    repaint();
  };
  const afterPrint = () => {
    printing = false;
    repaint();
  };
  dark.addEventListener('change', themeChanged);
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', afterPrint);
  return () => {
    removed = true;
    resize.disconnect();
    dark.removeEventListener('change', themeChanged);
    window.removeEventListener('beforeprint', beforePrint);
    window.removeEventListener('afterprint', afterPrint);
    plot?.destroy();
  };
};
