/**
 * SecureVideo. Sources:
 * - https://hub.securevideo.com/Knowledge/Details/340 (Auto-Start: a participant's waiting room is
 *   https://hub.securevideo.com/Pass/Join/<9-digit connect code>, launching One-Click video in the page)
 * - https://petfriendlytherapist.securevideo.com/Knowledge/Details/359 (joining with the 9-digit access
 *   code; accounts have their own <name>.securevideo.com host; "do not leave this page" while waiting)
 * The waiting room and the One-Click call share the /Pass/Join URL. Sessions that a host runs through
 * SecureVideo's Zoom integration happen in Zoom instead.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { platformInfo } from '../catalog';

const PASS_JOIN = /^\/pass\/join\/\d{9}\/?$/i;

export const secureVideo: SiteAdapter = {
  ...platformInfo('securevideo'),
  hosts: ['securevideo.com', '*.securevideo.com'],
  isRoom(url) {
    return PASS_JOIN.test(url.pathname);
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const secureVideoExamples: SiteExamples = {
  testUrls: {
    rooms: [
      'https://hub.securevideo.com/Pass/Join/111222333?launch=1',
      'https://hub.securevideo.com/Pass/Join/111222333?passkey=4cfbab43-93bf-4af2-ad66-f539133d0d41&launch=1',
    ],
    notRooms: [
      'https://hub.securevideo.com/',
      'https://hub.securevideo.com/Knowledge/Details/144',
      'https://petfriendlytherapist.securevideo.com/Knowledge/Details/359',
    ],
  },
  source: 'https://hub.securevideo.com/Knowledge/Details/340; https://petfriendlytherapist.securevideo.com/Knowledge/Details/359',
};
