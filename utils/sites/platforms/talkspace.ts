/**
 * Talkspace. Sources:
 * - https://help.talkspace.com/hc/en-us/articles/44008210721691-How-to-Join-and-Attend-a-Live-Session (log in,
 *   "go to the room where the session is scheduled" and press Join Session, which appears in the chat room
 *   10 minutes before)
 * - https://applicants-help.talkspace.com/hc/en-us/articles/31336310091419-What-live-session-options-are-available
 *   (live video sessions are "conducted via video call on the Talkspace platform")
 * - public Talkspace test code (Selenium) opening client rooms at https://app.talkspace.com/room/<numeric id>
 *   and account pages below them; therapist.talkspace.com is the provider side, not watched
 * The room holds the chat, the Join Session button and the video call; no source gives a separate video
 * path, so every page under /room/<id> counts and the media probe decides what is a session: a camera
 * preview alone is not one.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { platformInfo } from '../catalog';

const ROOM = /^\/room\/\d+(?:\/|$)/;

export const talkspace: SiteAdapter = {
  ...platformInfo('talkspace'),
  hosts: ['app.talkspace.com'],
  isRoom(url) {
    return ROOM.test(url.pathname);
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const talkspaceExamples: SiteExamples = {
  testUrls: {
    rooms: ['https://app.talkspace.com/room/2422725', 'https://app.talkspace.com/room/2422725?action=apply-coupon&code=X'],
    notRooms: ['https://app.talkspace.com/', 'https://app.talkspace.com/signup', 'https://app.talkspace.com/login'],
  },
  source:
    'https://help.talkspace.com/hc/en-us/articles/44008210721691-How-to-Join-and-Attend-a-Live-Session; https://applicants-help.talkspace.com/hc/en-us/articles/31336310091419-What-live-session-options-are-available; public Talkspace test code opening https://app.talkspace.com/room/<id>',
};
