import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  EMPTY_FILTER,
  filterCheckIns,
  historyFacets,
  isDateRangeReversed,
  isFiltered,
  searchTextOf,
  type HistoryFilter,
} from '@/utils/checkin/filters';
import type { CheckIn } from '@/utils/db/schema';
import { formatNumber, t } from '@/utils/i18n';
import { HistoryFilters } from './HistoryFilters';
import { HistoryList } from './HistoryList';

/** Rows added per page; a first screen at 200% zoom holds far fewer. */
export const HISTORY_PAGE_SIZE = 50;
/** The results heading, where focus goes when no row is left to take it. */
export const HISTORY_RESULTS_ID = 'history-results-title';

export interface HistoryPageProps {
  /** Check-ins newest first: the first page at once, then all of them. */
  checkIns: readonly CheckIn[];
  /** False while only the newest page has been read. */
  complete: boolean;
  /** Sessions waiting for a check-in and those set aside, shown above the search. */
  waiting?: ComponentChildren;
  platformName(platform: string): string;
  goalName(goalId: string): string;
  entryHref(id: string): string;
  /** Hidden (not unmounted) while an entry is open, so filters and paging survive. */
  hidden?: boolean;
  /** Pause after the last keystroke before searching. */
  searchDelayMs?: number;
}

function resultsText(matching: number, total: number, filtered: boolean, complete: boolean): string {
  if (!complete) return filtered ? t('history.foundSoFar', matching, [formatNumber(matching)]) : t('history.reading');
  if (!filtered) return t('common.checkIns', total, [formatNumber(total)]);
  return t('history.matching', total, [formatNumber(total)], { matching: formatNumber(matching) });
}

/** The history's browsing screen: sessions awaiting a check-in, search, filters and the list. */
export function HistoryPage(props: HistoryPageProps) {
  const { checkIns, complete, platformName, goalName, searchDelayMs = 40 } = props;
  const [filter, setFilter] = useState<HistoryFilter>(EMPTY_FILTER);
  const [query, setQuery] = useState('');

  // Search once typing pauses: each keystroke only updates the box.
  useEffect(() => {
    if (filter.query === query) return;
    const timer = setTimeout(() => setQuery(filter.query), searchDelayMs);
    return () => clearTimeout(timer);
  }, [filter.query, query, searchDelayMs]);

  // Prepare every check-in's search text while the page is idle, so the first search is as quick as the rest.
  useEffect(() => {
    if (!complete || typeof requestIdleCallback !== 'function') return;
    let next = 0;
    let handle = 0;
    const step = (deadline: IdleDeadline) => {
      while (next < checkIns.length && deadline.timeRemaining() > 1) searchTextOf(checkIns[next++]!);
      if (next < checkIns.length) handle = requestIdleCallback(step);
    };
    handle = requestIdleCallback(step);
    return () => cancelIdleCallback(handle);
  }, [checkIns, complete]);

  const { from, to, platform, provider, tag, goalId } = filter;
  const applied = useMemo(
    () => ({ query, from, to, platform, provider, tag, goalId }),
    [query, from, to, platform, provider, tag, goalId],
  );
  const matching = useMemo(() => filterCheckIns(checkIns, applied), [checkIns, applied]);
  const facets = useMemo(() => historyFacets(checkIns), [checkIns]);

  // Paging starts over whenever the applied filter changes.
  const [paging, setPaging] = useState({ applied, shown: HISTORY_PAGE_SIZE });
  const shown = paging.applied === applied ? paging.shown : HISTORY_PAGE_SIZE;

  const filtered = isFiltered(applied);
  const emptyMessage = !filtered
    ? t('history.empty')
    : isDateRangeReversed(applied)
      ? t('history.emptyReversed')
      : t('history.emptyFiltered');

  return (
    <div class="history-page" hidden={props.hidden}>
      {props.waiting}
      <HistoryFilters filter={filter} facets={facets} platformName={platformName} goalName={goalName} onChange={setFilter} />
      <h3 id={HISTORY_RESULTS_ID} tabIndex={-1} class="history-results-title">
        {t('history.title')}
      </h3>
      <p role="status" class="history-count">
        {resultsText(matching.length, checkIns.length, filtered, complete)}
      </p>
      <HistoryList
        checkIns={matching}
        shown={shown}
        onShowMore={() => setPaging({ applied, shown: shown + HISTORY_PAGE_SIZE })}
        platformName={platformName}
        entryHref={props.entryHref}
        emptyMessage={emptyMessage}
      />
    </div>
  );
}
