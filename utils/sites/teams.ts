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
import type { SiteAdapter, SiteExamples } from './types';

/** Hash routes of the Teams web app that are a meeting's pre-join or call. */
const MEETING_ROUTE = /^#\/(?:l\/meetup-join\/|meet\/|pre-join-calling\/)/;

export const teams: SiteAdapter = {
  id: 'teams',
  name: 'Microsoft Teams',
  hosts: ['teams.microsoft.com', 'teams.live.com', 'teams.cloud.microsoft'],
  isRoom(url) {
    const path = url.pathname.toLowerCase();
    if (path.startsWith('/l/meetup-join/') || /^\/meet\/\d+\/?$/.test(path)) return true;
    if (path === '/light-meetings/launch') return true;
    if (url.searchParams.get('meetingjoin') === 'true') return true;
    return MEETING_ROUTE.test(url.hash);
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
  source:
    'https://learn.microsoft.com/en-us/graph/api/resources/teamworkonlinemeetinginfo; https://github.com/microsoftgraph/microsoft-graph-comms-samples/pull/857; https://github.com/MicrosoftDocs/office-docs-powershell/pull/13200; https://docs.vexa.ai/platforms/microsoft-teams',
};
