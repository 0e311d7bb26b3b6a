import type { BringUp } from '@/utils/checkin/bring-up';
import type { Insight, InsightKind } from '@/utils/checkin/insights';
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
  /** Active goals, each with one line on its progress in the period. */
  goals: { id: string; title: string; progress: string }[];
  /** Notes to bring up not yet ticked off (done ones are left out). */
  openItems: BringUp[];
  /** The chosen notes; null when no note prompt was chosen. */
  entries: SummaryEntry[] | null;
  madeOn: Date;
  draw?: DrawPlot;
  locale?: string;
}

function directionWord(kind: InsightKind | undefined): string {
  if (kind === 'rise' || kind === 'higher') return t('summary.up');
  if (kind === 'fall' || kind === 'lower') return t('summary.down');
  return kind === 'steady' ? t('summary.steady') : '—';
}

/**
 * The printable summary. Its first page is what a therapist reads in half a minute: the period,
 * averages with their direction, what changed, my goals and what I want to bring up; then the
 * charts and the chosen notes, newest first.
 */
export function SummarySheet(props: SummarySheetProps) {
  const { period, provider, checkInCount, averages, insights, series, window, entries, madeOn, draw, locale } = props;
  const direction = new Map(insights.filter((i) => i.metricId).map((i) => [i.metricId, i.kind]));
  const allSteady = insights.some((i) => i.kind === 'steady' && !i.metricId);
  const day = (ms: number) => formatDay(ms, locale);
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
              <th scope="col">{t('summary.direction')}</th>
            </tr>
          </thead>
          <tbody>
            {averages.map(({ metric, average, count, latest }) => (
              <tr key={metric.id}>
                <th scope="row">{metric.name}</th>
                <td class="number">{average === null ? '—' : formatAverage(average, locale)}</td>
                <td class="number">{t('common.sessions', count, [formatNumber(count, locale)])}</td>
                <td>{latest ? t('summary.latestOn', { value: latest.value, day: formatDay(latest.ms, locale) }) : '—'}</td>
                <td>{directionWord(direction.get(metric.id) ?? (allSteady && count > 0 ? 'steady' : undefined))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <TrendInsights insights={insights} headingLevel={2} />

      <section aria-labelledby="summary-goals">
        <h2 id="summary-goals">{t('summary.goals')}</h2>
        {props.goals.length === 0 ? (
          <p class="empty">{t('summary.noGoals')}</p>
        ) : (
          <ul class="summary-list">
            {props.goals.map((goal) => (
              <li key={goal.id}>
                <strong>{goal.title}</strong> · {goal.progress}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="summary-open">
        <h2 id="summary-open">{t('summary.openItems')}</h2>
        {props.openItems.length === 0 ? (
          <p class="empty">{t('summary.noOpenItems')}</p>
        ) : (
          <ul class="summary-list">
            {props.openItems.map((item) => (
              <li key={item.checkInIds[0]}>
                {item.text}{' '}
                <span class="summary-meta">
                  ({t('summary.notedTimes', item.checkInIds.length, [formatNumber(item.checkInIds.length, locale)], { day: day(item.notedMs) })})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="summary-trends" class="summary-trends">
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
