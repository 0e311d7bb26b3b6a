/**
 * Sites the person adds themselves. Debrief asks for each host's permission at runtime
 * and registers the same two content scripts there; only the media probe detects calls.
 */

export const CUSTOM_PLATFORM_PREFIX = 'custom:';

const HOST_PATTERN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** A clean hostname from what the person typed (a host or a full URL), or an error to show. */
export function parseCustomHost(input: string): { host: string } | { error: string } {
  const text = input.trim().toLowerCase();
  if (!text) return { error: 'Type the address of the site, for example video.myclinic.com.' };
  let host: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      const url = new URL(text);
      if (url.protocol !== 'https:') return { error: 'Debrief only works on secure (https) sites.' };
      host = url.hostname;
    } catch {
      return { error: `“${input.trim()}” is not a web address.` };
    }
  } else {
    host = text.split('/')[0]!;
  }
  if (!HOST_PATTERN.test(host)) return { error: `“${host}” is not a valid site address.` };
  return { host };
}

/** The match pattern for a custom host. */
export function customMatchPattern(host: string): string {
  return `https://${host}/*`;
}

export function customPlatformId(host: string): string {
  return `${CUSTOM_PLATFORM_PREFIX}${host}`;
}

/** The custom host a URL belongs to, if any. */
export function customHostFor(url: URL, hosts: readonly string[]): string | undefined {
  return url.protocol === 'https:' ? hosts.find((host) => host === url.hostname) : undefined;
}
