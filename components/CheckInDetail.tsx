import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatDateTime } from '@/utils/checkin/format';
import { t } from '@/utils/i18n';
import type { CheckIn, CheckInAnswers, Goal } from '@/utils/db/schema';
import { CheckInDetailBody } from './CheckInDetailBody';
import { CheckInDetailEditor } from './CheckInDetailEditor';
import { ErrorAlert } from './ErrorAlert';
import { messageOf } from '@/utils/errors';

export interface CheckInDetailProps {
  checkIn: CheckIn;
  /** Every goal, whatever its status, to name old progress and to edit it. */
  goals: Goal[];
  platformName(platform: string): string;
  goalName(goalId: string): string;
  /** Where "Back to history" leads. */
  backHref: string;
  onSave(answers: CheckInAnswers): Promise<void>;
  onDelete(): Promise<void>;
}

/** One check-in, read in full, with Edit and Delete. Focus lands on its heading. */
export function CheckInDetail({ checkIn, goals, platformName, goalName, backHref, onSave, onDelete }: CheckInDetailProps) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);

  // Move focus to the heading on arrival and whenever the mode changes, so screen readers follow.
  useEffect(() => heading.current?.focus(), [checkIn.id, editing]);

  const formGoals = goals.filter((g) => g.status === 'active' || checkIn.goalProgress.some((p) => p.goalId === g.id));
  const when = formatDateTime(checkIn.sessionStartedAt ?? checkIn.createdAt);

  const save = async (answers: CheckInAnswers) => {
    await onSave(answers);
    setEditing(false);
    setSaved(true);
  };
  const remove = async () => {
    if (deleting) return;
    setDeleting(true);
    setError(null);
    try {
      await onDelete();
    } catch (err) {
      setError(messageOf(err));
      setDeleting(false);
    }
  };

  return (
    <article class="checkin-detail" aria-labelledby={`${id}-title`}>
      <p class="checkin-detail-back">
        <a href={backHref}>{t('common.backToHistory')}</a>
      </p>
      <h3 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {editing ? t('detail.editingTitle', { when }) : t('detail.title', { when })}
      </h3>
      <div role="status" class="status-line">
        {saved && t('detail.changesSaved')}
      </div>
      <ErrorAlert message={error} />
      {editing ? (
        <CheckInDetailEditor checkIn={checkIn} goals={formGoals} onSave={save} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <div class="checkin-detail-actions">
            <button
              type="button"
              onClick={() => {
                setSaved(false);
                setEditing(true);
              }}
            >
              {t('detail.edit')}
            </button>
            <button type="button" class="danger" aria-disabled={deleting} onClick={() => void remove()}>
              {t('detail.delete')}
            </button>
          </div>
          <CheckInDetailBody checkIn={checkIn} platformName={platformName} goalName={goalName} />
        </>
      )}
    </article>
  );
}
