/**
 * Doxy.me. Sources:
 * - https://helpcenter.doxy.me/en/articles/12731708-patient-check-in-experience (the patient opens the
 *   provider's "Waiting Room link", checks in, waits, and the call starts on that same page)
 * - https://helpcenter.doxy.me/en/articles/14715278-shared-rooms (clinic rooms, one check-in link each)
 * - public code linking patients to rooms: doxy.me/DrKerr, doxy.me/restorationcounsel, and clinic
 *   subdomains such as openloophealth.doxy.me/iconix and pvt.doxy.me/<room>
 * The check-in, the waiting room and the call share one URL, so a room URL is also a lobby; the media
 * probe tells them apart. The provider dashboard (/account/…, /sign-in) is not a room.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { pathSegments, subdomainOf } from '../paths';
import { platformInfo } from '../catalog';

/** Doxy.me's own pages on the apex host; anything else in one segment is a room name. */
const APP_PATHS = new Set(['account', 'sign-in']);
/** Doxy.me's help, forum, status and API hosts. */
const NON_ROOM_SUBDOMAINS = new Set(['help', 'helpcenter', 'discuss', 'status', 'api']);
/** Marketing pages live under a language prefix such as /en/. */
const LANGUAGE_PREFIX = /^[a-z]{2}(-[a-z]{2})?$/i;

export const doxyMe: SiteAdapter = {
  ...platformInfo('doxy-me'),
  hosts: ['doxy.me', '*.doxy.me'],
  isRoom(url) {
    if (NON_ROOM_SUBDOMAINS.has(subdomainOf(url.hostname, 'doxy.me'))) return false;
    const segments = pathSegments(url);
    if (segments.length !== 1) return false;
    const [room = ''] = segments;
    return !APP_PATHS.has(room.toLowerCase()) && !LANGUAGE_PREFIX.test(room) && !room.includes('.');
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const doxyMeExamples: SiteExamples = {
  testUrls: {
    rooms: [
      'https://doxy.me/DrKerr',
      'https://doxy.me/restorationcounsel',
      'https://doxy.me/telednpnow',
      'https://openloophealth.doxy.me/iconix?username=Ann%20Lee%20Patient&autocheckin=false&pid=42',
      'https://pvt.doxy.me/patrioticvirtualtelehealth',
    ],
    notRooms: [
      'https://doxy.me/',
      'https://doxy.me/sign-in',
      'https://doxy.me/account/dashboard',
      'https://doxy.me/en/',
      'https://www.doxy.me/',
      'https://help.doxy.me/en/articles/5729712-for-patients-after-you-check-in',
      'https://helpcenter.doxy.me/en/articles/14715278-shared-rooms',
      'https://status.doxy.me/',
    ],
  },
  source:
    'https://helpcenter.doxy.me/en/articles/12731708-patient-check-in-experience; https://helpcenter.doxy.me/en/articles/14715278-shared-rooms; public code linking to doxy.me/<room> and <clinic>.doxy.me/<room>',
};
