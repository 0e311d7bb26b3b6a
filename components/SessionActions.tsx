import { t } from '@/utils/i18n';

export interface SessionActionsProps {
  platformName: string;
  /** Set once the person said this was not a therapy session. */
  dismissed: boolean;
  /** Set once the person chose to stop asking on this platform. */
  stoppedAsking: boolean;
  onRemindLater(): void;
  onDismiss(): void;
  onStopAsking(): void;
}

/** The check-in's ways out other than saving: later, not therapy, and stop asking on a site. */
export function SessionActions(props: SessionActionsProps) {
  if (props.dismissed) {
    return (
      <div class="session-actions" role="group" aria-label={t('checkIn.notTherapy')}>
        <p>{t('checkIn.dismissed')}</p>
        {props.stoppedAsking ? (
          <p>{t('checkIn.stoppedAsking', { platform: props.platformName })}</p>
        ) : (
          <button type="button" onClick={props.onStopAsking}>
            {t('checkIn.stopAsking', { platform: props.platformName })}
          </button>
        )}
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
