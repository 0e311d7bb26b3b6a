import type { Insight } from '@/utils/checkin/insights';
import type { SummaryEntry } from '@/utils/checkin/summary';
import { formatAverage, formatDay, type Metric, type MetricAverage, type TrendPoint } from '@/utils/checkin/trends';
import { TrendChart } from './TrendChart';
import { TrendInsights } from './TrendInsights';
import type { DrawPlot } from './TrendUPlot';

export interface SummarySheetProps {
  /** "1 Jan 2026 – 31 Mar 2026". */
  period: string;
  provider: string;
  checkInCount: number;
  averages: MetricAverage[];
  insights: Insight[];
  series: { metric: Metric; points: TrendPoint[] }[];
  window: number;
  /** The chosen notes; null when no note prompt was chosen. */
  entries: SummaryEntry[] | null;
  madeOn: Date;
  draw?: DrawPlot;
  locale?: string;
}

/** The printable summary: averages per sign, what changed, the trend charts and the chosen notes. */
export function SummarySheet(props: SummarySheetProps) {
  const { period, provider, checkInCount, averages, insights, series, window, entries, madeOn, draw, locale } = props;
  return (
    <article class="summary-sheet" aria-labelledby="summary-title">
      <header>
        <h1 id="summary-title">Debrief summary</h1>
        <p class="summary-meta">
          {period}
          {provider && ` · with ${provider}`} · {checkInCount === 1 ? '1 check-in' : `${checkInCount} check-ins`}
        </p>
        <p class="summary-meta">
          Ratings run from 0 to 10 and were given by me after each session. Made with Debrief on {formatDay(madeOn.getTime(), locale)}.
        </p>
      </header>

      <section aria-labelledby="summary-averages">
        <h2 id="summary-averages">Averages</h2>
        <table class="summary-averages">
          <thead>
            <tr>
              <th scope="col">Sign</th>
              <th scope="col">Average</th>
              <th scope="col">Rated in</th>
              <th scope="col">Latest</th>
            </tr>
          </thead>
          <tbody>
            {averages.map(({ metric, average, count, latest }) => (
              <tr key={metric.id}>
                <th scope="row">{metric.name}</th>
                <td class="number">{average === null ? '—' : formatAverage(average, locale)}</td>
                <td class="number">{count === 1 ? '1 session' : `${count} sessions`}</td>
                <td>{latest ? `${latest.value} on ${formatDay(latest.ms, locale)}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <TrendInsights insights={insights} headingLevel={2} />

      <section aria-labelledby="summary-trends">
        <h2 id="summary-trends">Trends</h2>
        <div class="trend-grid">
          {series.map(({ metric, points }) => (
            <TrendChart key={metric.id} metric={metric} points={points} window={window} draw={draw} locale={locale} />
          ))}
        </div>
      </section>

      {entries && (
        <section aria-labelledby="summary-notes">
          <h2 id="summary-notes">Notes</h2>
          {entries.length === 0 && <p class="empty">None of the chosen notes were written in this period.</p>}
          {entries.map((entry) => (
            <article key={entry.checkInId} class="summary-entry">
              <h3>{formatDay(entry.ms, locale)}</h3>
              <dl>
                {entry.notes.map(({ prompt, text }) => (
                  <div key={prompt.id}>
                    <dt>{prompt.label}</dt>
                    <dd>{text}</dd>
                  </div>
                ))}
              </dl>
            </article>
          ))}
        </section>
      )}
    </article>
  );
}
