import { useEffect, useRef } from 'preact/hooks';
import { formatDateTime, formatRating, notesExcerpt } from '@/utils/checkin/format';
import type { CheckIn } from '@/utils/db/schema';
import { formatNumber, t } from '@/utils/i18n';

export interface HistoryListProps {
  /** The check-ins to list (already filtered), newest first. */
  checkIns: readonly CheckIn[];
  /** How many of them are on the page; the rest wait behind "Show more". */
  shown: number;
  onShowMore(): void;
  /** Display name of a platform id; manual check-ins have no platform. */
  platformName(platform: string): string;
  /** Where a row leads, e.g. `#/history/<id>`. */
  entryHref(id: string): string;
  /** Said when there is nothing to list. */
  emptyMessage: string;
}

/** The DOM id of a check-in's row link, so the view can return focus to it. */
export function historyRowId(checkInId: string): string {
  return `history-row-${checkInId}`;
}

function HistoryRow({ checkIn, platformName, href }: { checkIn: CheckIn; platformName: string; href: string }) {
  const excerpt = notesExcerpt(checkIn);
  const provider = checkIn.provider.trim();
  return (
    <li class="history-row-item">
      <a id={historyRowId(checkIn.id)} class="history-row" href={href}>
        <span class="history-row-summary">
          <span class="history-date">{formatDateTime(checkIn.sessionStartedAt ?? checkIn.createdAt)}</span>
          {' · '}
          <span class="history-platform">{platformName}</span>
          {' · '}
          <span class="history-overall">{t('history.overall', { rating: formatRating(checkIn.overall) })}</span>
          {provider && <> · {t('history.withProvider', { provider })}</>}
        </span>
        {excerpt && (
          <span class="history-excerpt">
            {/* Keeps the excerpt a separate phrase in the link's accessible name. */}
            <span class="visually-hidden">. </span>
            {excerpt}
          </span>
        )}
      </a>
    </li>
  );
}

/**
 * Saved check-ins as a list of links, a page at a time: only `shown` rows are in the
 * document, so ten thousand entries cost what fifty do. "Show more" moves focus to the
 * first newly shown row so keyboard users continue where they were.
 */
export function HistoryList({ checkIns, shown, onShowMore, platformName, entryHref, emptyMessage }: HistoryListProps) {
  const visible = checkIns.slice(0, shown);
  const focusAfterMore = useRef<string | null>(null);

  useEffect(() => {
    if (!focusAfterMore.current) return;
    document.getElementById(historyRowId(focusAfterMore.current))?.focus();
    focusAfterMore.current = null;
  }, [shown]);

  if (checkIns.length === 0) return <p class="empty">{emptyMessage}</p>;
  const remaining = checkIns.length - visible.length;
  const showMore = () => {
    focusAfterMore.current = checkIns[visible.length]?.id ?? null;
    onShowMore();
  };

  return (
    <>
      <ul class="history-rows" aria-label={t('history.title')}>
        {visible.map((checkIn) => (
          <HistoryRow
            key={checkIn.id}
            checkIn={checkIn}
            platformName={checkIn.platform ? platformName(checkIn.platform) : t('common.manual')}
            href={entryHref(checkIn.id)}
          />
        ))}
      </ul>
      {remaining > 0 && (
        <button type="button" class="history-more" onClick={showMore}>
          {t('history.showMore')} <span class="history-more-count">{t('history.moreCount', { count: formatNumber(remaining) })}</span>
        </button>
      )}
    </>
  );
}
