import { formatNumber, t } from '@/utils/i18n';

export interface PopupIntroProps {
  /** Minimum session length in minutes; 0 asks after every call. */
  minutes: number;
  /** The watched sites, already joined into one list. */
  sites: string;
  settingsHref: string;
  onSettings(event: Event): void;
}

/** First run: one sentence on when Debrief will ask, and where to change it. */
export function PopupIntro({ minutes, sites, settingsHref, onSettings }: PopupIntroProps) {
  const sentence = minutes > 0 ? t('checkInFlow.whenAsked', { minutes: formatNumber(minutes), sites }) : t('checkInFlow.whenAskedAny', { sites });
  return (
    <p class="popup-intro">
      {sentence}{' '}
      <a href={settingsHref} onClick={onSettings}>
        {t('checkInFlow.changeInSettings')}
      </a>
    </p>
  );
}
