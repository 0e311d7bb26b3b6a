import type { SiteAdapter } from './types';

/** Every supported platform. Adding one is a new file and one line here. */
export const SITES: readonly SiteAdapter[] = [];

/** Match patterns (`https://host/*`) for content scripts and host permissions. */
export function siteMatchPatterns(sites: readonly SiteAdapter[] = SITES): string[] {
  return [...new Set(sites.flatMap((site) => site.hosts.map((host) => `https://${host}/*`)))];
}

function hostMatches(pattern: string, hostname: string): boolean {
  if (pattern.startsWith('*.')) {
    const base = pattern.slice(2);
    return hostname === base || hostname.endsWith(`.${base}`);
  }
  return hostname === pattern;
}

/** The platform a URL belongs to, if any. */
export function siteForUrl(url: URL, sites: readonly SiteAdapter[] = SITES): SiteAdapter | undefined {
  if (url.protocol !== 'https:') return undefined;
  return sites.find((site) => site.hosts.some((host) => hostMatches(host, url.hostname)));
}

export function siteById(id: string, sites: readonly SiteAdapter[] = SITES): SiteAdapter | undefined {
  return sites.find((site) => site.id === id);
}
