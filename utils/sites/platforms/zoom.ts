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
import type { SiteAdapter, SiteExamples } from '../types';
import { pathSegments } from '../paths';
import { platformInfo } from '../catalog';

const MEETING_ID = /^\d{9,11}$/;

/** The meeting number in a web client address (/wc/join/<id>, /wc/<id>/join) or a launch page (/j/<id>, /s/<id>). */
function meetingNumber(url: URL): string | null {
  const [first = '', second = '', third = ''] = pathSegments(url);
  if (first === 'j' || first === 's') return MEETING_ID.test(second) ? second : null;
  if (first !== 'wc') return null;
  if (second === 'join') return MEETING_ID.test(third) ? third : null;
  return MEETING_ID.test(second) && (third === 'join' || third === 'start') ? second : null;
}

export const zoom: SiteAdapter = {
  ...platformInfo('zoom'),
  hosts: ['zoom.us', '*.zoom.us', 'zoomgov.com', '*.zoomgov.com'],
  isRoom(url) {
    return pathSegments(url)[0] === 'wc' && meetingNumber(url) !== null;
  },
  roomKey(url) {
    const number = meetingNumber(url);
    if (number) return `zoom:${number}`;
    // A personal link (zoom.us/my/<name>) is one room whatever its meeting number.
    const [my, name = ''] = pathSegments(url);
    return my === 'my' && /^[\w.-]{1,64}$/.test(name) ? `zoom:my/${name.toLowerCase()}` : null;
  },
  isLaunchPage(url) {
    return pathSegments(url)[0] === 'j' && meetingNumber(url) !== null;
  },
  postCallHint(url) {
    return url.pathname.startsWith('/wc/leave') || url.pathname.startsWith('/postattendee');
  },
  postCallHintReads: 'url',
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
  roomKeys: [
    // One meeting: the launch page, its web client and the host's start page share the key.
    ['https://us06web.zoom.us/j/88395547586?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1#success', 'zoom:88395547586'],
    ['https://app.zoom.us/wc/88395547586/join?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1', 'zoom:88395547586'],
    ['https://zoom.us/wc/join/88395547586', 'zoom:88395547586'],
    ['https://us02web.zoom.us/s/88395547586', 'zoom:88395547586'],
    ['https://zoom.us/j/1234567890?pwd=test', 'zoom:1234567890'],
    ['https://us02web.zoom.us/wc/123456789/start', 'zoom:123456789'],
    ['https://agency.zoomgov.com/wc/join/1600991835', 'zoom:1600991835'],
    ['https://zoom.us/my/dr.rivera', 'zoom:my/dr.rivera'],
    ['https://example.zoomgov.com/j/123', null],
    ['https://app.zoom.us/wc/home', null],
    ['https://zoom.us/signin', null],
  ],
  source:
    'https://github.com/EdoardoTosin/Silly-Redirect-for-Zoom-Meetings; https://github.com/zoom/meetingsdk-web; https://github.com/chandan-singh/zoom-tab-remover',
};
