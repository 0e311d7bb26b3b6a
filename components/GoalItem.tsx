import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatRating } from '@/utils/checkin/format';
import { goalProgressSummary } from '@/utils/checkin/goal-progress';
import { formatDay, type GoalProgressEntry } from '@/utils/checkin/trends';
import type { Goal, GoalStatus } from '@/utils/db/schema';
import { formatNumber, t } from '@/utils/i18n';
import { ErrorAlert } from './ErrorAlert';
import { useAction } from './use-action';

export interface GoalItemProps {
  goal: Goal;
  /** What check-ins said about this goal, oldest first. */
  progress: GoalProgressEntry[];
  onRename(title: string): Promise<void>;
  onSetStatus(status: GoalStatus): Promise<void>;
  /** Focus the goal's heading on mount: it just moved here after a status change. */
  focusOnMount?: boolean;
  locale?: string;
  /** Newest entries shown before "Earlier entries". */
  visibleEntries?: number;
}

/** The status changes offered from each status, in button order. */
const ACTIONS: Record<GoalStatus, { label(): string; status: GoalStatus }[]> = {
  active: [
    { label: () => t('goals.markAchieved'), status: 'achieved' },
    { label: () => t('goals.archive'), status: 'archived' },
  ],
  achieved: [
    { label: () => t('goals.makeActive'), status: 'active' },
    { label: () => t('goals.archive'), status: 'archived' },
  ],
  archived: [{ label: () => t('goals.makeActive'), status: 'active' }],
};

function ProgressEntry({ entry, locale }: { entry: GoalProgressEntry; locale?: string }) {
  return (
    <li>
      <span class="goal-progress-date">{formatDay(entry.ms, locale)}</span>
      <span class="goal-progress-rating">{entry.rating === null ? t('goals.noRating') : formatRating(entry.rating)}</span>
      {entry.note && <span class="goal-progress-note">{entry.note}</span>}
    </li>
  );
}

/** One goal: its name, progress across sessions with notes, rename and status buttons. */
export function GoalItem({ goal, progress, onRename, onSetStatus, focusOnMount, locale, visibleEntries = 5 }: GoalItemProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  const nameInput = useRef<HTMLInputElement>(null);
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(goal.title);
  const { error, run: attempt } = useAction();
  const [earlierShown, setEarlierShown] = useState(0);

  useEffect(() => {
    if (focusOnMount) heading.current?.focus();
  }, [focusOnMount]);
  useEffect(() => {
    if (renaming) nameInput.current?.select();
  }, [renaming]);

  const startRenaming = () => {
    setName(goal.title);
    setRenaming(true);
  };
  const stopRenaming = () => {
    setRenaming(false);
    // The field is about to disappear: put focus back where renaming started.
    requestAnimationFrame(() => renameButton.current?.focus());
  };
  const saveName = async (event: Event) => {
    event.preventDefault();
    if (name.trim() === goal.title) return stopRenaming();
    if (await attempt(() => onRename(name))) stopRenaming();
  };

  const newestFirst = progress.slice().reverse();
  const shown = newestFirst.slice(0, visibleEntries);
  const earlier = newestFirst.slice(visibleEntries);
  return (
    <li class="goal-item">
      <h4 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {goal.title}
      </h4>
      <p class="goal-summary">{goalProgressSummary(goal, progress, locale)}</p>
      {shown.length > 0 && (
        <ul class="goal-progress-list" aria-label={t('goals.progressList', { goal: goal.title })}>
          {shown.map((entry) => (
            <ProgressEntry key={entry.checkInId} entry={entry} locale={locale} />
          ))}
        </ul>
      )}
      {earlierShown > 0 && (
        <ul class="goal-progress-list" aria-label={t('goals.earlierList', { goal: goal.title })}>
          {earlier.slice(0, earlierShown).map((entry) => (
            <ProgressEntry key={entry.checkInId} entry={entry} locale={locale} />
          ))}
        </ul>
      )}
      {earlier.length > earlierShown && (
        <p class="goal-more">
          {/* A page at a time: years of sessions would otherwise be thousands of rows on every render. */}
          <button type="button" class="link-button" onClick={() => setEarlierShown(earlierShown + visibleEntries * 4)}>
            {t('goals.showEarlier', { count: formatNumber(earlier.length - earlierShown, locale) })}
          </button>
        </p>
      )}
      {renaming ? (
        <form class="goal-rename" onSubmit={saveName} onKeyDown={(e) => e.key === 'Escape' && stopRenaming()}>
          <label class="field">
            <span>{t('goals.newName')}</span>
            <input ref={nameInput} type="text" value={name} maxLength={200} onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <button type="submit" class="primary">
            {t('goals.saveName')}
          </button>
          <button type="button" onClick={stopRenaming}>
            {t('common.cancel')}
          </button>
        </form>
      ) : (
        <div class="goal-actions">
          <button
            type="button"
            ref={renameButton}
            aria-label={t('common.onTarget', { action: t('goals.rename'), target: goal.title })}
            onClick={startRenaming}
          >
            {t('goals.rename')}
          </button>
          {ACTIONS[goal.status].map((action) => (
            <button
              key={action.status}
              type="button"
              aria-label={t('common.onTarget', { action: action.label(), target: goal.title })}
              onClick={() => void attempt(() => onSetStatus(action.status))}
            >
              {action.label()}
            </button>
          ))}
        </div>
      )}
      <ErrorAlert message={error} />
    </li>
  );
}
