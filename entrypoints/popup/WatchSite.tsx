import { messageOf } from '@/utils/errors';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { WatchSiteOffer } from '@/components/WatchSiteOffer';
import { t } from '@/utils/i18n';
import type { PageMessage } from '@/utils/session/messages';
import { removeCustomSite } from '@/utils/sites/custom-scripts';
import { watchOfferFor } from '@/utils/sites/watch-offer';
import { askToWatch } from '@/utils/sites/watch-site';
import { customSites, disabledPlatforms } from '@/utils/storage';

/** The open tab, as `activeTab` lets the popup see it. */
interface OpenTab {
  id: number;
  url: string | undefined;
}


/** "Ask me after calls on this site" for the tab the popup opened on. */
export function WatchSite() {
  const [tab, setTab] = useState<OpenTab | null>(null);
  const [hosts, setHosts] = useState<string[] | null>(null);
  const [disabled, setDisabled] = useState<string[]>([]);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    browser.tabs.query({ active: true, currentWindow: true }).then(([open]) => {
      if (open?.id !== undefined) setTab({ id: open.id, url: open.url });
    }, () => undefined);
    customSites.getValue().then(setHosts, () => undefined);
    disabledPlatforms.getValue().then(setDisabled, () => undefined);
    // The background finishes the offer: the popup redraws when the site joins (or leaves) the list.
    return customSites.watch((next) => {
      setHosts(next);
      setAsking(false);
    });
  }, []);

  // Older Firefox cannot register content scripts, so there is nothing to offer there.
  if (!tab || !hosts || !('registerContentScripts' in (browser.scripting ?? {}))) return null;
  return (
    <WatchSiteOffer
      offer={watchOfferFor(tab.url, { customHosts: hosts, disabledPlatforms: disabled })}
      asking={asking}
      error={error}
      onWatch={(host) => {
        setError(null);
        setAsking(true);
        askToWatch(host, tab.id).then(
          (granted) => {
            if (!granted) {
              setAsking(false);
              setError(t('watchSite.notGranted', { host }));
              return;
            }
            const message: PageMessage = { type: 'watch-site', host };
            return browser.runtime.sendMessage(message);
          },
          (err: unknown) => {
            setAsking(false);
            setError(t('watchSite.failed', { host, error: messageOf(err) }));
          },
        );
      }}
      onStop={(host) => {
        removeCustomSite(host).catch((err: unknown) => setError(messageOf(err)));
      }}
    />
  );
}
