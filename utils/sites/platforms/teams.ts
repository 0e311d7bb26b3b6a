/**
 * Microsoft Teams: work or school (teams.microsoft.com), personal/free (teams.live.com) and the new
 * unified cloud host (teams.cloud.microsoft). Sources:
 * - https://learn.microsoft.com/en-us/graph/api/resources/teamworkonlinemeetinginfo and
 *   https://learn.microsoft.com/en-us/answers/questions/535350 (joinWebUrl is
 *   https://teams.microsoft.com/l/meetup-join/19%3ameeting_…)
 * - https://github.com/microsoftgraph/microsoft-graph-comms-samples/pull/857 (the shorter
 *   https://teams.microsoft.com/meet/<meetingId>?p=<passcode> links)
 * - https://github.com/MicrosoftDocs/office-docs-powershell/pull/13200 (OCDIRedirect: users are
 *   redirected from teams.microsoft.com to the unified domain teams.cloud.microsoft)
 * - https://docs.vexa.ai/platforms/microsoft-teams (personal meetings at teams.live.com/meet/<id>?p=…)
 * - public code following the browser join: /v2/?meetingjoin=true#/l/meetup-join/…,
 *   /light-meetings/launch?… for anonymous guests, /dl/launcher/launcher.html as the app-or-browser chooser
 * Teams shows its pre-join lobby and the call on the same URL. Calls started from inside the Teams web
 * app (chat, calendar) keep that page's URL; the media probe covers those. No end-of-call view could be
 * sourced, so there is no post-call hint.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { platformInfo } from '../catalog';

/** Hash routes of the Teams web app that are a meeting's pre-join or call. */
const MEETING_ROUTE = /^#\/(?:l\/meetup-join\/|meet\/|pre-join-calling\/)/;
/** A meeting's thread in a join link: /l/meetup-join/19%3ameeting_…%40thread.v2/0. */
const MEETUP_THREAD = /\/l\/meetup-join\/([^/?#]+)/i;
const THREAD_ID = /^19:[^/?#\s]+@thread\.[a-z0-9]+$/i;
/** A meeting id link: /meet/352026135202?p=…. */
const MEET_ID = /\/meet\/(\d{6,20})(?=[/?#]|$)/i;

/** Undoes the one or two rounds of percent-encoding Teams links carry; null when malformed. */
function decodeFully(text: string): string | null {
  let decoded = text;
  try {
    for (let round = 0; round < 3 && decoded.includes('%'); round++) decoded = decodeURIComponent(decoded);
  } catch {
    return null;
  }
  return decoded;
}

/** The meeting named by a Teams route (a path, a hash route or the launcher's `url` parameter). */
function meetingIn(route: string): string | null {
  const thread = MEETUP_THREAD.exec(route)?.[1];
  if (thread) {
    const id = decodeFully(thread);
    return id && THREAD_ID.test(id) ? id : null;
  }
  const meetId = MEET_ID.exec(route)?.[1];
  return meetId ? `meet/${meetId}` : null;
}

export const teams: SiteAdapter = {
  ...platformInfo('teams'),
  hosts: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'],
  isRoom(url) {
    const path = url.pathname.toLowerCase();
    if (path.startsWith('/l/meetup-join/') || /^\/meet\/\d+\/?$/.test(path)) return true;
    if (path === '/light-meetings/launch') return true;
    if (url.searchParams.get('meetingjoin') === 'true') return true;
    return MEETING_ROUTE.test(url.hash);
  },
  isLaunchPage(url) {
    // The app-or-browser chooser every join link passes through.
    return url.pathname.toLowerCase().startsWith('/dl/launcher/');
  },
  roomKey(url) {
    // The app-or-browser launcher carries the join link, encoded, in its `url` parameter.
    const launched = url.pathname.toLowerCase().startsWith('/dl/launcher/') ? (url.searchParams.get('url') ?? '') : '';
    const meeting = meetingIn(url.pathname) ?? meetingIn(decodeFully(url.hash) ?? '') ?? meetingIn(launched);
    return meeting ? `teams:${meeting}` : null;
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const teamsExamples: SiteExamples = {
  testUrls: {
    rooms: [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjExOTkxZjktN2RlNS00NjFhLWE2ZWYtYzNlOTE5NWZmN2I1%40thread.v2/0?context=%7b%22Tid%22%3a%2239e63823-376a-43fc-9fdd-4a3932faab97%22%7d',
      'https://teams.microsoft.com/meet/352026135202?p=ve7NYu',
      'https://teams.live.com/meet/1234567890123?p=YOUR_PASSCODE',
      'https://teams.live.com/light-meetings/launch?anon=true&lightExperience=true',
      'https://teams.microsoft.com/v2/?meetingjoin=true#/meet/352026135202?p=ve7NYu&anon=true',
      'https://teams.cloud.microsoft/v2/?meetingjoin=true#/l/meetup-join/19:meeting_x@thread.v2/0?anon=true',
      'https://teams.microsoft.com/_#/l/meetup-join/19:meeting_x@thread.v2/0',
    ],
    notRooms: [
      'https://teams.microsoft.com/',
      'https://teams.cloud.microsoft/',
      'https://teams.live.com/v2/',
      'https://teams.microsoft.com/_#/conversations/General?threadId=19:x&ctx=channel',
      'https://teams.microsoft.com/_#/school//?ctx=teamsGrid',
      'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2f_%23%2fl%2fmeetup-join%2f19%3ameeting_x%40thread.v2%2f0&type=meetup-join&directDl=true&msLaunch=true',
    ],
  },
  roomKeys: [
    // One meeting: its join link, the launcher it opens and the browser join share the key.
    [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjExOTkxZjktN2RlNS00NjFhLWE2ZWYtYzNlOTE5NWZmN2I1%40thread.v2/0?context=%7b%22Tid%22%3a%2239e63823-376a-43fc-9fdd-4a3932faab97%22%7d',
      'teams:19:meeting_NjExOTkxZjktN2RlNS00NjFhLWE2ZWYtYzNlOTE5NWZmN2I1@thread.v2',
    ],
    [
      'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%253ameeting_NjExOTkxZjktN2RlNS00NjFhLWE2ZWYtYzNlOTE5NWZmN2I1%2540thread.v2%2F0%3Fcontext%3D%257b%257d%26anon%3Dtrue&type=meetup-join&deeplinkId=1&directDl=true&msLaunch=true&enableMobilePage=true&suppressPrompt=true',
      'teams:19:meeting_NjExOTkxZjktN2RlNS00NjFhLWE2ZWYtYzNlOTE5NWZmN2I1@thread.v2',
    ],
    [
      'https://teams.microsoft.com/v2/?meetingjoin=true#/l/meetup-join/19:meeting_NjExOTkxZjktN2RlNS00NjFhLWE2ZWYtYzNlOTE5NWZmN2I1@thread.v2/0?anon=true',
      'teams:19:meeting_NjExOTkxZjktN2RlNS00NjFhLWE2ZWYtYzNlOTE5NWZmN2I1@thread.v2',
    ],
    ['https://teams.microsoft.com/meet/352026135202?p=ve7NYu', 'teams:meet/352026135202'],
    ['https://teams.microsoft.com/v2/?meetingjoin=true#/meet/352026135202?p=ve7NYu&anon=true', 'teams:meet/352026135202'],
    ['https://teams.live.com/meet/1234567890123?p=YOUR_PASSCODE', 'teams:meet/1234567890123'],
    ['https://teams.live.com/light-meetings/launch?anon=true&lightExperience=true', null],
    ['https://teams.microsoft.com/_#/conversations/General?threadId=19:x&ctx=channel', null],
  ],
  source:
    'https://learn.microsoft.com/en-us/graph/api/resources/teamworkonlinemeetinginfo; https://github.com/microsoftgraph/microsoft-graph-comms-samples/pull/857; https://github.com/MicrosoftDocs/office-docs-powershell/pull/13200; https://docs.vexa.ai/platforms/microsoft-teams',
};
