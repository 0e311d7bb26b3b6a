/**
 * What the toolbar popup offers for the tab it opened on: the site is watched already, Debrief can
 * offer to ask after calls there, or there is nothing to offer (not an https web page, or a page
 * where no extension may run).
 */
import { customHostFor, parseCustomHost } from './custom';
import { SITES, siteForUrl } from './registry';
import type { SiteAdapter } from './types';

export type WatchOffer =
  /** `platform`: the supported platform's name, or null for a site the person added. */
  | { kind: 'watched'; host: string; platform: string | null }
  | { kind: 'offered'; host: string }
  | { kind: 'not-offerable' };

/** Browser add-on stores: browsers let no extension's scripts run on them. */
const STORE_HOSTS = new Set(['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org', 'microsoftedge.microsoft.com']);

/** What Debrief watches now: the sites the person added and the platforms they turned off. */
export interface Watched {
  customHosts: readonly string[];
  disabledPlatforms: readonly string[];
}

/**
 * The offer for the page at `url` (undefined when the browser does not say which page it is). A
 * platform the person turned off in Settings gets nothing here: Settings is where it comes back.
 */
export function watchOfferFor(url: string | undefined, watched: Watched, sites: readonly SiteAdapter[] = SITES): WatchOffer {
  let page: URL;
  try {
    page = new URL(url ?? '');
  } catch {
    return { kind: 'not-offerable' };
  }
  if (page.protocol !== 'https:') return { kind: 'not-offerable' };
  const site = siteForUrl(page, sites);
  if (site) return watched.disabledPlatforms.includes(site.id) ? { kind: 'not-offerable' } : { kind: 'watched', host: page.hostname, platform: site.name };
  if (customHostFor(page, watched.customHosts)) return { kind: 'watched', host: page.hostname, platform: null };
  const parsed = parseCustomHost(page.hostname);
  if ('error' in parsed || STORE_HOSTS.has(parsed.host)) return { kind: 'not-offerable' };
  return { kind: 'offered', host: parsed.host };
}
