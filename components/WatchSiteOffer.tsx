import { t } from '@/utils/i18n';
import type { WatchOffer } from '@/utils/sites/watch-offer';
import { ErrorAlert } from './ErrorAlert';

export interface WatchSiteOfferProps {
  /** What the open tab's site allows (see utils/sites/watch-offer.ts). */
  offer: WatchOffer;
  /** The browser is asking the person for the site. */
  asking: boolean;
  error: string | null;
  onWatch(host: string): void;
  onStop(host: string): void;
}

/** In the toolbar popup: whether Debrief asks after calls on the open site, with one button to start or stop. */
export function WatchSiteOffer({ offer, asking, error, onWatch, onStop }: WatchSiteOfferProps) {
  if (offer.kind === 'not-offerable') return null;
  let body;
  if (offer.kind === 'offered') {
    body = asking ? (
      <p role="status">{t('watchSite.asking', { host: offer.host })}</p>
    ) : (
      <>
        <p>{t('watchSite.offer', { host: offer.host })}</p>
        <button type="button" onClick={() => onWatch(offer.host)}>
          {t('watchSite.watch')}
        </button>
      </>
    );
  } else if (offer.platform === null) {
    body = (
      <p role="status">
        {t('watchSite.watching', { host: offer.host })}{' '}
        <button type="button" aria-label={t('watchSite.stopLabel', { host: offer.host })} onClick={() => onStop(offer.host)}>
          {t('watchSite.stop')}
        </button>
      </p>
    );
  } else {
    body = (
      <p>
        {t('watchSite.watchingPlatform', { platform: offer.platform })} {t('watchSite.stopHint')}
      </p>
    );
  }
  return (
    <section class="watch-site">
      {body}
      <ErrorAlert message={error} />
    </section>
  );
}
