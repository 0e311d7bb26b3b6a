import type { RenderableProps } from 'preact';
import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import '@/components/trends.css';
import { TrendChart } from '@/components/TrendChart';
import { TrendFilters } from '@/components/TrendFilters';
import { TrendInsights } from '@/components/TrendInsights';
import { preloadUPlot, type DrawPlot } from '@/components/TrendUPlot';
import { drawInView } from '@/components/TrendDrawInView';
import { describeSeries } from '@/utils/checkin/insights';
import { filterTrendEntries, providersOfEntries, seriesByMetric, type TrendEntry } from '@/utils/checkin/series';
import { filterFromQuery, filterToQuery, METRICS, ROLLING_WINDOW, type CheckInFilter } from '@/utils/checkin/trends';
import { getDb, type DebriefDb } from '@/utils/db/open';
import { listTrendEntries } from '@/utils/db/trend-months';
import { formatNumber, t } from '@/utils/i18n';
import { ErrorAlert } from '@/components/ErrorAlert';
import { messageOf } from '@/utils/errors';
import { hashRoute, parseHashRoute } from '@/utils/hash-route';

export interface TrendsViewProps {
  openDb?: () => Promise<DebriefDb>;
  now?: () => Date;
  /** Chart drawing; tests replace it because happy-dom has no canvas. */
  draw?: DrawPlot;
}

const systemNow = () => new Date();

let opening: Promise<TrendEntry[] | null> | undefined;

/**
 * Starts the read and the charts' code as the page opens on the trends, before it first renders
 * (which waits for the page's scripts, then the lock). A read that fails here (locked, say) gives
 * null and the view reads again, showing that read's error.
 */
export function preloadTrends(openDb: () => Promise<DebriefDb> = getDb): Promise<unknown> {
  void preloadUPlot().catch(() => undefined);
  opening = openDb()
    .then(listTrendEntries)
    .catch(() => null);
  return opening;
}

/** `#/trends?from=…&to=…&provider=…`: the filter lives in the URL so a reload or a bookmark keeps it. */
function filterFromHash(hash: string): CheckInFilter {
  return filterFromQuery(parseHashRoute(hash).query);
}

function writeHash(filter: CheckInFilter): void {
  // replaceState: filtering is not a navigation the Back button should step through.
  history.replaceState(null, '', hashRoute(['trends'], filterToQuery(filter)));
}

/** The Trends view: what changed recently, then a chart per sign and the overall rating. */
export function TrendsView({ openDb = getDb, now = systemNow, draw }: RenderableProps<TrendsViewProps>) {
  const [entries, setEntries] = useState<TrendEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<CheckInFilter>(() => filterFromHash(location.hash));

  // A layout effect starts the read as the view is first rendered; a plain effect waits a frame for it.
  useLayoutEffect(() => {
    // The charts' code loads while the check-ins are read.
    if (!draw) void preloadUPlot().catch(() => undefined);
    // The page's opening read serves the first view only: a later visit reads afresh.
    const early = opening ?? Promise.resolve(null);
    opening = undefined;
    early
      .then((read) => read ?? openDb().then(listTrendEntries))
      .then(setEntries, (err: unknown) => setError(messageOf(err)));
  }, [openDb, draw]);

  const changeFilter = (next: CheckInFilter) => {
    setFilter(next);
    writeHash(next);
  };
  const providers = useMemo(() => providersOfEntries(entries ?? []), [entries]);
  const filtered = useMemo(() => filterTrendEntries(entries ?? [], filter), [entries, filter]);
  const series = useMemo(() => seriesByMetric(filtered), [filtered]);
  const insights = useMemo(() => describeSeries(series, filtered.length, now()), [series, filtered, now]);

  if (error) return <ErrorAlert message={error} />;
  if (!entries) return <p aria-busy="true">{t('common.loading')}</p>;
  if (entries.length === 0) return <p class="empty">{t('trends.empty')}</p>;
  return (
    <div class="trends">
      <form class="trend-filter-bar" aria-label={t('trends.filterLabel')} onSubmit={(e) => e.preventDefault()}>
        <TrendFilters value={filter} onChange={changeFilter} providers={providers} />
      </form>
      <p class="hint" role="status">
        {t('trends.inCharts', filtered.length, [formatNumber(filtered.length)])}
      </p>
      <TrendInsights insights={insights} />
      {filtered.length > 0 && (
        <div class="trend-grid">
          {METRICS.map((metric, index) => (
            <TrendChart key={metric.id} metric={metric} points={series[index]!} window={ROLLING_WINDOW} draw={draw ?? drawInView} />
          ))}
        </div>
      )}
    </div>
  );
}
