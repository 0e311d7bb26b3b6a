/**
 * Zoom web client, including Zoom for Government. Sources:
 * - https://github.com/EdoardoTosin/Silly-Redirect-for-Zoom-Meetings (hosts *.zoom.us and *.zoomgov.com;
 *   the web client joins at /wc/join/<meeting id>)
 * - https://github.com/zoom/meetingsdk-web (the Client View is "identical to the Zoom Web Client";
 *   Zoom for Government configurations)
 * - https://github.com/chandan-singh/zoom-tab-remover (post-call pages zoom.us/wc/leave and zoom.us/postattendee)
 * - public code opening app.zoom.us/wc/<id>/join, us06web.zoom.us/j/<id>, example.zoomgov.com/wc/join/<id>
 * The web client shows its preview (lobby) and the call at the same /wc/… URL. /j/<id> is the launcher
 * page that hands off to the desktop app, so it is not a room.
 */
import type { SiteAdapter, SiteExamples } from './types';
import { pathSegments } from './paths';

const MEETING_ID = /^\d{9,11}$/;

export const zoom: SiteAdapter = {
  id: 'zoom',
  name: 'Zoom',
  hosts: ['zoom.us', '*.zoom.us', 'zoomgov.com', '*.zoomgov.com'],
  isRoom(url) {
    const [wc, first = '', second = ''] = pathSegments(url);
    if (wc !== 'wc') return false;
    if (first === 'join') return MEETING_ID.test(second);
    return MEETING_ID.test(first) && (second === 'join' || second === 'start');
  },
  postCallHint(url) {
    return url.pathname.startsWith('/wc/leave') || url.pathname.startsWith('/postattendee');
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const zoomExamples: SiteExamples = {
  testUrls: {
    rooms: [
      'https://zoom.us/wc/join/0123456789',
      'https://zoom.us/wc/444555666/join',
      'https://app.zoom.us/wc/88395547586/join?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1',
      'https://us02web.zoom.us/wc/123456789/start',
      'https://us05web.zoom.us/wc/join/123456789',
      'https://zoomgov.com/wc/join/987654321',
      'https://agency.zoomgov.com/wc/join/1600991835',
    ],
    notRooms: [
      'https://zoom.us/',
      'https://zoom.us/j/1234567890?pwd=test',
      'https://us06web.zoom.us/j/88395547586?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1#success',
      'https://example.zoomgov.com/j/123',
      'https://app.zoom.us/wc/home',
      'https://app.zoom.us/wc/team-chat',
      'https://zoom.us/test',
      'https://zoom.us/signin',
    ],
    postCall: ['https://zoom.us/wc/leave', 'https://us02web.zoom.us/postattendee?mn=123456789', 'https://app.zoom.us/wc/leave?meetingId=123456789'],
  },
  source:
    'https://github.com/EdoardoTosin/Silly-Redirect-for-Zoom-Meetings; https://github.com/zoom/meetingsdk-web; https://github.com/chandan-singh/zoom-tab-remover',
};
