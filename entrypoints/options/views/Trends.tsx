import type { RenderableProps } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import '@/components/trends.css';
import { TrendChart } from '@/components/TrendChart';
import { TrendFilters } from '@/components/TrendFilters';
import { TrendInsights } from '@/components/TrendInsights';
import type { DrawPlot } from '@/components/TrendUPlot';
import { describeChanges } from '@/utils/checkin/insights';
import {
  filterForTrends,
  filterFromQuery,
  filterToQuery,
  METRICS,
  metricSeries,
  providersOf,
  ROLLING_WINDOW,
  type CheckInFilter,
} from '@/utils/checkin/trends';
import { listAllCheckIns } from '@/utils/db/history';
import { getDb, type DebriefDb } from '@/utils/db/open';
import type { CheckIn } from '@/utils/db/schema';
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
  const [checkIns, setCheckIns] = useState<CheckIn[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<CheckInFilter>(() => filterFromHash(location.hash));

  useEffect(() => {
    openDb()
      .then(listAllCheckIns)
      .then(setCheckIns, (err: unknown) => setError(messageOf(err)));
  }, [openDb]);

  const changeFilter = (next: CheckInFilter) => {
    setFilter(next);
    writeHash(next);
  };
  const providers = useMemo(() => providersOf(checkIns ?? []), [checkIns]);
  const filtered = useMemo(() => filterForTrends(checkIns ?? [], filter), [checkIns, filter]);
  const insights = useMemo(() => describeChanges(filtered, now()), [filtered, now]);
  const series = useMemo(() => METRICS.map((metric) => ({ metric, points: metricSeries(filtered, metric.id) })), [filtered]);

  if (error) return <ErrorAlert message={error} />;
  if (!checkIns) return <p aria-busy="true">{t('common.loading')}</p>;
  if (checkIns.length === 0) return <p class="empty">{t('trends.empty')}</p>;
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
          {series.map(({ metric, points }) => (
            <TrendChart key={metric.id} metric={metric} points={points} window={ROLLING_WINDOW} draw={draw} />
          ))}
        </div>
      )}
    </div>
  );
}
