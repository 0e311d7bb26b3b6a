import { useId, useMemo } from 'preact/hooks';
import { formatAverage, formatDay, meanValue, type Metric, type TrendPoint } from '@/utils/checkin/trends';
import { formatNumber, t } from '@/utils/i18n';
import { RichText, slots } from './RichText';
import { TrendPlot } from './TrendPlot';
import type { DrawPlot, PlotSpec } from './TrendUPlot';

export interface TrendChartProps {
  metric: Metric;
  /** The metric's ratings, oldest first, each with its rolling average. */
  points: TrendPoint[];
  /** Sessions in the rolling average, for the legend. */
  window: number;
  draw?: DrawPlot;
  locale?: string;
  /** Rows in the screen-reader table, newest first. */
  tableRows?: number;
}

/** The chart's description in words, for people who cannot see the canvas. */
export function describeTrend(metric: Metric, points: TrendPoint[], window: number, locale?: string): string {
  const latest = points.at(-1);
  if (!latest) return t('trends.describeNone', { metric: metric.name });
  const values = {
    metric: metric.name,
    latest: latest.value,
    window,
    rolling: formatAverage(latest.average, locale),
    average: formatAverage(meanValue(points)!, locale),
  };
  if (points.length === 1) return t('trends.describeOne', { ...values, day: formatDay(latest.ms, locale) });
  return t('trends.describeMany', {
    ...values,
    count: formatNumber(points.length, locale),
    first: formatDay(points[0]!.ms, locale),
    last: formatDay(latest.ms, locale),
  });
}

/**
 * Beyond this many sessions the dots would overlap into a smear that is slow to rasterise,
 * so each session becomes a thin line (which uPlot decimates).
 */
export const DOTS_UP_TO = 150;

function plotSpec(metric: Metric, points: TrendPoint[], window: number): PlotSpec {
  const dots = points.length <= DOTS_UP_TO;
  // One pass over thousands of sessions rather than a map per column.
  const times = new Array<number>(points.length);
  const values = new Array<number>(points.length);
  const averages = new Array<number>(points.length);
  points.forEach((p, i) => {
    times[i] = p.ms;
    values[i] = p.value;
    averages[i] = p.average;
  });
  return {
    times,
    height: 180,
    lines: [
      {
        label: t('trends.eachSession'),
        color: metric.chartColor,
        dash: [],
        width: dots ? 0 : 1,
        points: dots,
        faint: !dots,
        values,
      },
      {
        label: t('trends.averageOfLast', { window }),
        color: metric.chartColor,
        dash: metric.dash,
        width: 2.5,
        points: false,
        values: averages,
      },
    ],
  };
}

/** A line sample for the legend (coloured by CSS from --sign-color), so lines differ by shape as well as colour. */
function Swatch({ dash, dots, width }: { dash: readonly number[]; dots: boolean; width: number }) {
  return (
    <svg class="trend-swatch" width="36" height="12" viewBox="0 0 36 12" aria-hidden="true">
      {dots ? (
        [6, 18, 30].map((cx) => <circle key={cx} cx={cx} cy="6" r="3" fill="currentColor" />)
      ) : (
        <line x1="0" y1="6" x2="36" y2="6" stroke="currentColor" stroke-width={width} stroke-dasharray={dash.join(' ') || undefined} />
      )}
    </svg>
  );
}

/** One metric over time: heading, latest and average in words, the chart, and a table for screen readers. */
export function TrendChart({ metric, points, window, draw, locale, tableRows = 12 }: TrendChartProps) {
  const headingId = useId();
  const spec = useMemo(() => plotSpec(metric, points, window), [metric, points, window]);
  const latest = points.at(-1);
  return (
    <figure class="trend-chart" aria-labelledby={headingId} style={{ '--sign-color': metric.chartColor }}>
      <h3 id={headingId}>{metric.name}</h3>
      {latest ? (
        <>
          <p class="trend-stats">
            <RichText
              message={t('trends.stats', points.length, [formatNumber(points.length, locale)], slots('latest', 'day', 'average'))}
              parts={{
                latest: <strong>{latest.value}/10</strong>,
                day: formatDay(latest.ms, locale),
                average: <strong>{formatAverage(meanValue(points)!, locale)}</strong>,
              }}
            />
          </p>
          <TrendPlot label={describeTrend(metric, points, window, locale)} spec={spec} draw={draw} />
          <ul class="trend-legend">
            <li>
              <Swatch dash={[]} dots={points.length <= DOTS_UP_TO} width={1} />
              {t('trends.eachSession')}
            </li>
            <li>
              <Swatch dash={metric.dash} dots={false} width={2.5} />
              {t('trends.averageOfLastSessions', { window })}
            </li>
          </ul>
          <table class="visually-hidden">
            <caption>
              {t('trends.tableCaption', Math.min(tableRows, points.length), [formatNumber(Math.min(tableRows, points.length), locale)], {
                metric: metric.name,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('trends.date')}</th>
                <th scope="col">{t('trends.rating')}</th>
                <th scope="col">{t('trends.averageOfLast', { window })}</th>
              </tr>
            </thead>
            <tbody>
              {points
                .slice(-tableRows)
                .reverse()
                .map((p, i) => (
                  <tr key={i}>
                    <td>{formatDay(p.ms, locale)}</td>
                    <td>{p.value}</td>
                    <td>{formatAverage(p.average, locale)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      ) : (
        <p class="empty">{t('trends.notRated')}</p>
      )}
    </figure>
  );
}
