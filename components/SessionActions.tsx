import { t } from '@/utils/i18n';

/** A lasting answer offered once a session is marked not therapy ("Stop asking on Zoom"). */
export interface LastingChoice {
  id: string;
  label: string;
  /** What it did, said in place of the button once taken. */
  done: string;
  taken: boolean;
  onChoose(): void;
}

export interface SessionActionsProps {
  /** Set once the person said this was not a therapy session. */
  dismissed: boolean;
  /** Shown once dismissed, under "More choices". */
  choices: LastingChoice[];
  onRemindLater(): void;
  onDismiss(): void;
}

/** The check-in's ways out other than saving: later, not therapy, and the lasting choices after it. */
export function SessionActions(props: SessionActionsProps) {
  if (props.dismissed) {
    return (
      <div class="session-actions" role="group" aria-label={t('checkIn.notTherapy')}>
        {/* The latest choice says what it did; the others stay done, listed in Settings. */}
        <p role="status">{props.choices.findLast((choice) => choice.taken)?.done ?? t('checkIn.dismissed')}</p>
        <details class="more-choices">
          <summary>{t('checkIn.moreChoices')}</summary>
          <div class="choice-list">
            {props.choices.map(
              (choice) =>
                !choice.taken && (
                  <button type="button" key={choice.id} onClick={choice.onChoose}>
                    {choice.label}
                  </button>
                ),
            )}
          </div>
        </details>
      </div>
    );
  }
  return (
    <>
      <button type="button" onClick={props.onRemindLater}>
        {t('checkIn.remindLater')}
      </button>
      <button type="button" onClick={props.onDismiss}>
        {t('checkIn.notTherapy')}
      </button>
    </>
  );
}
