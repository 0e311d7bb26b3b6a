import { formatDateTime, formatRating, notesExcerpt } from '@/utils/checkin/format';
import type { CheckIn } from '@/utils/db/schema';

export interface HistoryListProps {
  checkIns: CheckIn[];
  /** Display name of a platform id; manual check-ins have no platform. */
  platformName(platform: string): string;
}

/** Saved check-ins, newest first: date, platform or Manual, overall rating, first words of notes. */
export function HistoryList({ checkIns, platformName }: HistoryListProps) {
  if (checkIns.length === 0) {
    return <p class="empty">No check-ins yet. After your next video session, Debrief will ask how it went.</p>;
  }
  return (
    <ul class="history-list" aria-label="Check-ins">
      {checkIns.map((checkIn) => {
        const excerpt = notesExcerpt(checkIn);
        return (
          <li key={checkIn.id} class="history-item">
            <span class="history-date">{formatDateTime(checkIn.sessionStartedAt ?? checkIn.createdAt)}</span>
            <span class="history-platform">{checkIn.platform ? platformName(checkIn.platform) : 'Manual'}</span>
            <span class="history-overall">Overall {formatRating(checkIn.overall)}</span>
            {excerpt && <span class="history-excerpt">{excerpt}</span>}
          </li>
        );
      })}
    </ul>
  );
}
