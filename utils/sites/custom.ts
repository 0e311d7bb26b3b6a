/**
 * Sites the person adds themselves. Debrief asks for each host's permission at runtime
 * and registers the same two content scripts there; only the media probe detects calls.
 */

import { t } from '../i18n/index.ts';
import { CUSTOM_PLATFORM_PREFIX } from './catalog';

const HOST_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** A clean hostname from what the person typed (a host or a full URL), or an error to show. */
export function parseCustomHost(input: string): { host: string } | { error: string } {
  const text = input.trim().toLowerCase();
  if (!text) return { error: t('settings.siteEmpty') };
  let host: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      const url = new URL(text);
      if (url.protocol !== 'https:') return { error: t('settings.siteNotHttps') };
      host = url.hostname;
    } catch {
      return { error: t('settings.siteNotUrl', { input: input.trim() }) };
    }
  } else {
    host = text.split('/')[0]!;
  }
  if (!HOST_PATTERN.test(host)) return { error: t('settings.siteInvalid', { host }) };
  return { host };
}

/** The match pattern for a custom host. */
export function customMatchPattern(host: string): string {
  return `https://${host}/*`;
}

/** The host of a custom site's match pattern (`https://host/*` → `host`), or null for any other pattern. */
export function customHostOfPattern(pattern: string): string | null {
  const host = /^https:\/\/([^/*]+)\/\*$/.exec(pattern)?.[1];
  return host && HOST_PATTERN.test(host) ? host : null;
}

export function customPlatformId(host: string): string {
  return `${CUSTOM_PLATFORM_PREFIX}${host}`;
}

/** The custom host a URL belongs to, if any. */
export function customHostFor(url: URL, hosts: readonly string[]): string | undefined {
  return url.protocol === 'https:' ? hosts.find((host) => host === url.hostname) : undefined;
}
