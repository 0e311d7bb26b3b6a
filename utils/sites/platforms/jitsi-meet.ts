/**
 * Jitsi Meet on meet.jit.si and 8x8's Jitsi as a Service (8x8.vc). Sources:
 * - https://github.com/jitsi/jitsi-meet/blob/master/doc/debian/jitsi-meet/jitsi-meet.example (a room
 *   is any single path segment without / ? & : ' "; static files live under /libs, /css, /static, …;
 *   /<tenant>/<room> is rewritten to the same app)
 * - https://github.com/jitsi/jitsi-meet/blob/master/react/features/app/actions.web.ts (after hanging up
 *   the app goes to static/close.html, close2.html or close3.html when the close page is enabled,
 *   otherwise back to the welcome page at /)
 * - https://developer.8x8.com/jaas/docs/iframe-api-integration (JaaS meetings are on 8x8.vc, room names
 *   are "<AppID>/<room>")
 * The pre-join screen and the call share the room URL. Self-hosted Jitsi servers are custom sites.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { pathSegments } from '../paths';
import { platformInfo } from '../catalog';

/** Top-level folders of the Jitsi web app (from its nginx example), never room names. */
const STATIC_DIRS = new Set([
  'libs', 'css', 'static', 'images', 'fonts', 'lang', 'sounds', 'connection_optimization', '.well-known',
  'http-bind', 'xmpp-websocket',
]);
const ROOM_NAME = /^[^/?&:'".]+$/;
const CLOSE_PAGE = /^\/static\/close[23]?\.html$/;

export const jitsiMeet: SiteAdapter = {
  ...platformInfo('jitsi-meet'),
  hosts: ['meet.jit.si', '8x8.vc'],
  isRoom(url) {
    const segments = pathSegments(url);
    if (segments.length < 1 || segments.length > 2) return false;
    if (STATIC_DIRS.has(segments[0] ?? '')) return false;
    return segments.every((segment) => ROOM_NAME.test(segment));
  },
  roomKey(url) {
    // Jitsi lowercases room names, so MyRoom and myroom are one room; each host has its own rooms.
    return jitsiMeet.isRoom(url) ? `jitsi-meet:${url.hostname.toLowerCase()}/${pathSegments(url).join('/').toLowerCase()}` : null;
  },
  postCallHint(url) {
    return CLOSE_PAGE.test(url.pathname);
  },
  postCallHintReads: 'url',
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const jitsiMeetExamples: SiteExamples = {
  testUrls: {
    rooms: [
      'https://meet.jit.si/AcmeDailyStandup',
      'https://meet.jit.si/Dr_C_2023-08-20_1234',
      'https://8x8.vc/vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe/SampleAppRoom',
    ],
    notRooms: [
      'https://meet.jit.si/',
      'https://meet.jit.si/static/recommendedBrowsers.html',
      'https://meet.jit.si/external_api.js',
      'https://meet.jit.si/libs/app.bundle.min.js',
      'https://8x8.vc/vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe/external_api.js',
    ],
    postCall: ['https://meet.jit.si/static/close.html', 'https://meet.jit.si/static/close2.html', 'https://meet.jit.si/static/close3.html#jitsi_meet_external_api_id=0'],
  },
  roomKeys: [
    ['https://meet.jit.si/AcmeDailyStandup', 'jitsi-meet:meet.jit.si/acmedailystandup'],
    ['https://meet.jit.si/acmedailystandup#config.startWithVideoMuted=true', 'jitsi-meet:meet.jit.si/acmedailystandup'],
    ['https://8x8.vc/vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe/SampleAppRoom', 'jitsi-meet:8x8.vc/vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe/sampleapproom'],
    ['https://meet.jit.si/static/close.html', null],
  ],
  source:
    'https://github.com/jitsi/jitsi-meet (doc/debian/jitsi-meet/jitsi-meet.example; react/features/app/actions.web.ts); https://developer.8x8.com/jaas/docs/iframe-api-integration',
};
