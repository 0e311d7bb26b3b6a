import { t } from '@/utils/i18n';
import type { AskReason } from '@/utils/session/ask-rule';

export interface CallStatusProps {
  platformName: string;
  reason: AskReason;
  minMinutes: number;
  /** The call is in a meeting Debrief does not know yet: it may be taught to ask there. */
  unknownRoom: boolean;
  /** Set once the person made this room a therapy room from here. */
  marked: boolean;
  onMarkTherapy(): void;
}

function reasonText(reason: AskReason, platform: string, minutes: number): string {
  switch (reason) {
    case 'therapy-platform':
      return t('popup.ask.therapyPlatform', { platform });
    case 'therapy-room':
      return t('popup.ask.therapyRoom', { platform });
    case 'every-room':
      return t('popup.ask.everyRoom', { platform });
    case 'not-therapy-room':
      return t('popup.ask.notTherapyRoom', { platform });
    case 'muted-room':
      return t('popup.ask.mutedRoom');
    case 'too-short':
      return t('popup.ask.tooShort', { minutes: String(minutes) });
    case 'platform-off':
      return t('popup.ask.platformOff', { platform });
  }
}

/** During a call: whether Debrief will ask after it and why, and a way to say it is therapy. */
export function CallStatus(props: CallStatusProps) {
  return (
    <section class="call-status" aria-labelledby="call-status-heading">
      <h2 id="call-status-heading">{t('popup.thisCall')}</h2>
      <p role="status">{props.marked ? t('popup.markedTherapy') : reasonText(props.reason, props.platformName, props.minMinutes)}</p>
      {props.unknownRoom && !props.marked && (
        <button type="button" onClick={props.onMarkTherapy}>
          {t('popup.markTherapy')}
        </button>
      )}
    </section>
  );
}
