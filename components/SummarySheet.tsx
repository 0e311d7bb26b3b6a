import type { Insight } from '@/utils/checkin/insights';
import { formatNumber, t } from '@/utils/i18n';
import type { SummaryEntry } from '@/utils/checkin/summary';
import type { MetricAverage } from '@/utils/checkin/series';
import { formatAverage, formatDay, type Metric, type TrendPoint } from '@/utils/checkin/trends';
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
        <h1 id="summary-title">{t('summary.title')}</h1>
        <p class="summary-meta">
          {period}
          {provider && ` · ${t('summary.withProvider', { provider })}`} · {t('common.checkIns', checkInCount, [formatNumber(checkInCount, locale)])}
        </p>
        <p class="summary-meta">{t('summary.madeOn', { day: formatDay(madeOn.getTime(), locale) })}</p>
      </header>

      <section aria-labelledby="summary-averages">
        <h2 id="summary-averages">{t('summary.averages')}</h2>
        <table class="summary-averages">
          <thead>
            <tr>
              <th scope="col">{t('summary.sign')}</th>
              <th scope="col">{t('summary.average')}</th>
              <th scope="col">{t('summary.ratedIn')}</th>
              <th scope="col">{t('summary.latest')}</th>
            </tr>
          </thead>
          <tbody>
            {averages.map(({ metric, average, count, latest }) => (
              <tr key={metric.id}>
                <th scope="row">{metric.name}</th>
                <td class="number">{average === null ? '—' : formatAverage(average, locale)}</td>
                <td class="number">{t('common.sessions', count, [formatNumber(count, locale)])}</td>
                <td>{latest ? t('summary.latestOn', { value: latest.value, day: formatDay(latest.ms, locale) }) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <TrendInsights insights={insights} headingLevel={2} />

      <section aria-labelledby="summary-trends">
        <h2 id="summary-trends">{t('summary.trends')}</h2>
        <div class="trend-grid">
          {series.map(({ metric, points }) => (
            <TrendChart key={metric.id} metric={metric} points={points} window={window} draw={draw} locale={locale} />
          ))}
        </div>
      </section>

      {entries && (
        <section aria-labelledby="summary-notes">
          <h2 id="summary-notes">{t('summary.notes')}</h2>
          {entries.length === 0 && <p class="empty">{t('summary.noNotes')}</p>}
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
