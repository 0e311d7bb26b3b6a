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
    const taken = props.choices.filter((choice) => choice.taken);
    return (
      <div class="session-actions" role="group" aria-label={t('checkIn.notTherapy')}>
        <p role="status">{taken.length ? taken.map((choice) => choice.done).join(' ') : t('checkIn.dismissed')}</p>
        <details class="more-choices">
          <summary>{t('checkIn.moreChoices')}</summary>
          <ul class="choice-list">
            {props.choices
              .filter((choice) => !choice.taken)
              .map((choice) => (
                <li key={choice.id}>
                  <button type="button" onClick={choice.onChoose}>
                    {choice.label}
                  </button>
                </li>
              ))}
          </ul>
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
