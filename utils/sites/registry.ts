import type { SiteAdapter } from './types';
import { doxyMe } from './doxy-me';
import { googleMeet } from './google-meet';
import { jitsiMeet } from './jitsi-meet';
import { secureVideo } from './securevideo';
import { simplePractice } from './simplepractice';
import { teams } from './teams';
import { therapyNotes } from './therapynotes';
import { vsee } from './vsee';
import { webex } from './webex';
import { whereby } from './whereby';
import { zoom } from './zoom';

/**
 * Every supported platform. Adding one is a new file and one line here.
 * Left out for want of a sourced video host or room URL (see the issue's closing note): Jane, TheraNest,
 * Sessions Health, IntakeQ/PracticeQ, Spruce, Amwell, MDLive. Users can add their hosts as custom sites.
 */
export const SITES: readonly SiteAdapter[] = [
  doxyMe,
  simplePractice,
  therapyNotes,
  zoom,
  googleMeet,
  teams,
  vsee,
  webex,
  whereby,
  jitsiMeet,
  secureVideo,
];

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

/** The platform with this id, if any. */
export function siteById(id: string, sites: readonly SiteAdapter[] = SITES): SiteAdapter | undefined {
  return sites.find((site) => site.id === id);
}

/** Platform ids of sites the person added themselves: `custom:<host>`. */
export const CUSTOM_PLATFORM_PREFIX = 'custom:';

/** A platform's name as people know it ("Doxy.me"); a site the person added is named by its host. */
export function platformName(platform: string, sites: readonly SiteAdapter[] = SITES): string {
  return siteById(platform, sites)?.name ?? (platform.startsWith(CUSTOM_PLATFORM_PREFIX) ? platform.slice(CUSTOM_PLATFORM_PREFIX.length) : platform);
}
