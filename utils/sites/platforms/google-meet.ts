/**
 * Google Meet. Sources:
 * - https://developers.google.com/workspace/meet/api/guides/meeting-spaces (a space's meetingUri is
 *   https://meet.google.com/abc-mnop-xyz; the meeting code is its alias)
 * - https://support.google.com/meet/answer/9303164 (ending and leaving a meeting)
 * - public code detecting Meet's post-call view by its "You left the meeting" text and "Rejoin" button
 * - public Meet bots and window-title watchers matching the Spanish view: "Has salido de la reunión" (with
 *   "Regresa a la pantalla de inicio", Spanish for "Return to home screen"), and "has salido de la llamada"
 * The green room (preview) and the call share the meeting URL, and after leaving Meet shows
 * "You left the meeting" at that same URL, so the end is read from the page's top heading, in each
 * language Debrief speaks (Meet follows the Google account's language, not the browser's).
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { platformInfo } from '../catalog';

const MEETING_CODE = /^\/[a-z]{3}-[a-z]{4}-[a-z]{3}\/?$/i;
/** "You left the meeting" in English and Spanish. */
const LEFT_HEADING = /^(?:you(?:'|’)?(?:ve)? left the (?:meeting|call)\b|has salido de la (?:reuni[oó]n|llamada)(?!\p{L}))/iu;

export const googleMeet: SiteAdapter = {
  ...platformInfo('google-meet'),
  hosts: ['meet.google.com'],
  isRoom(url) {
    return MEETING_CODE.test(url.pathname);
  },
  roomKey(url) {
    return MEETING_CODE.test(url.pathname) ? `google-meet:${url.pathname.replaceAll('/', '').toLowerCase()}` : null;
  },
  postCallHint(url, doc) {
    if (!MEETING_CODE.test(url.pathname)) return false;
    // Only the page's h1 headings are read, through the document's live list of them: no selector is
    // matched across Meet's large tree, where a selector with attributes is slow on every check.
    const headings = doc.getElementsByTagName('h1');
    for (let i = 0; i < headings.length; i++) {
      if (LEFT_HEADING.test(headings[i]?.textContent?.trim() ?? '')) return true;
    }
    return false;
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const googleMeetExamples: SiteExamples = {
  testUrls: {
    rooms: [
      'https://meet.google.com/abc-mnop-xyz',
      'https://meet.google.com/jfz-atvy-hrh',
      'https://meet.google.com/abc-defg-hij?authuser=1',
    ],
    notRooms: [
      'https://meet.google.com/',
      'https://meet.google.com/landing',
      'https://meet.google.com/new',
      'https://meet.google.com/lookup/itypedthismeeturl',
    ],
  },
  roomKeys: [
    ['https://meet.google.com/abc-mnop-xyz', 'google-meet:abc-mnop-xyz'],
    ['https://meet.google.com/abc-mnop-xyz?authuser=1&hs=122', 'google-meet:abc-mnop-xyz'],
    ['https://meet.google.com/ABC-MNOP-XYZ/', 'google-meet:abc-mnop-xyz'],
    ['https://meet.google.com/jfz-atvy-hrh', 'google-meet:jfz-atvy-hrh'],
    ['https://meet.google.com/new', null],
    ['https://meet.google.com/landing', null],
  ],
  source:
    'https://developers.google.com/workspace/meet/api/guides/meeting-spaces; https://support.google.com/meet/answer/9303164',
};
