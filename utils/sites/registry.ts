import type { SiteAdapter } from './types';
import { alma } from './platforms/alma';
import { betterHelp } from './platforms/betterhelp';
import { doxyMe } from './platforms/doxy-me';
import { googleMeet } from './platforms/google-meet';
import { growTherapy } from './platforms/grow-therapy';
import { jitsiMeet } from './platforms/jitsi-meet';
import { secureVideo } from './platforms/securevideo';
import { simplePractice } from './platforms/simplepractice';
import { talkspace } from './platforms/talkspace';
import { teams } from './platforms/teams';
import { therapyNotes } from './platforms/therapynotes';
import { vsee } from './platforms/vsee';
import { webex } from './platforms/webex';
import { whereby } from './platforms/whereby';
import { zoom } from './platforms/zoom';

/**
 * Every supported platform. Adding one is a new file and one line here.
 * Left out for want of a source naming the host where their sessions run:
 * Jane, TheraNest, thera-LINK, Sessions Health, IntakeQ/PracticeQ, Psychology Today Sessions, Spruce,
 * Amwell, Teladoc, MDLive. People can watch their hosts from the toolbar or in Settings ("Your own sites").
 * Headway, Rula and Brightside hand sessions to Zoom, Doxy.me or Google Meet, which are here
 * (https://help.headway.co/hc/en-us/articles/4421041745684,
 * https://patientsupport.rula.com/hc/en-us/articles/23308340850971-Joining-your-telehealth-appointment,
 * https://www.brightside.com/faqs/what-should-expect-in-my-first-visit-with-my-provider/); Headway's own
 * newer "Headway telehealth" has no sourced host.
 */
export const SITES: readonly SiteAdapter[] = [
  doxyMe,
  simplePractice,
  therapyNotes,
  talkspace,
  growTherapy,
  alma,
  betterHelp,
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

