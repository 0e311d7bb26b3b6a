/**
 * Webex Meetings web app. Sources:
 * - Webex Meetings API "Join a Meeting" (POST /meetings/join, developer.webex.com; schema and examples as
 *   mirrored at https://raw.githubusercontent.com/api-evangelist/webex/refs/heads/main/examples/webex-meetingjoin-example.json):
 *   joinLink https://<site>.webex.com/wbxmjs/joinservice/sites/<site>/meeting/download/<id>?siteurl=…,
 *   webLink https://<site>.webex.com/<site>/j.php?MTID=… ("a meeting information page where the meeting
 *   client is launched"), and an end page …/mc3300/meetingcenter/meetingend/meetingend.do
 * - https://help.webex.com/en-us/njvqg5x/Set-Your-Webex-Meetings-Personal-Room-Preferences (Personal Room
 *   links on the site)
 * - public code: a browser tab titled "In meeting · Meeting · Webex" at <site>.webex.com/wbxmjs/joinservice
 * - https://www.cisco.com/c/en/us/td/docs/collaboration/meeting_center/wbs30/ (Meeting Center FAQ: a Personal
 *   Room is https://sitename.webex.com/meet/username) and BT's Webex guide (https://sitename.webex.com/join/pgupta)
 * The web app's preview and the meeting share the joinservice URL. The j.php, /meet/<name> and
 * /webappng/…/meeting/info pages launch or describe a meeting and are not rooms.
 * A room key is the meeting's MTID (j.php and the joinservice page opened from it both carry it), else the
 * joinservice page's meeting id, or the Personal Room's name; all on the Webex site (its subdomain).
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { pathSegments, subdomainOf } from '../paths';
import { platformInfo } from '../catalog';

const JOIN_SERVICE = /^\/wbxmjs\/joinservice\/sites\/[^/]+\/meeting\/download\/([0-9a-f]+)\/?$/i;
const MTID = /^m[0-9a-f]{16,64}$/i;
const PERSONAL_ROOM = /^[\w.-]{1,64}$/;
/** Webex's own hosts, never a customer's site. */
const NON_SITES = new Set(['', 'www', 'help', 'developer', 'blog']);

/** The meeting on a Webex site this address names, or null. */
function meetingOf(url: URL): string | null {
  const mtid = url.searchParams.get('MTID') ?? '';
  if (MTID.test(mtid)) return mtid.toLowerCase();
  const download = JOIN_SERVICE.exec(url.pathname)?.[1];
  if (download) return download.toLowerCase();
  const [first = '', name = '', ...rest] = pathSegments(url);
  if ((first === 'meet' || first === 'join') && rest.length === 0 && PERSONAL_ROOM.test(name)) return `pr/${name.toLowerCase()}`;
  return null;
}

export const webex: SiteAdapter = {
  ...platformInfo('webex'),
  hosts: ['*.webex.com'],
  isRoom(url) {
    return JOIN_SERVICE.test(url.pathname);
  },
  isLaunchPage(url) {
    // The meeting's information page, which starts the desktop app or offers to join in the browser.
    return url.pathname.endsWith('/j.php') || /^\/(?:meet|join)\/[^/]+\/?$/.test(url.pathname);
  },
  roomKey(url) {
    const site = subdomainOf(url.hostname.toLowerCase(), 'webex.com');
    const meeting = NON_SITES.has(site) ? null : meetingOf(url);
    return meeting ? `webex:${site}:${meeting}` : null;
  },
  postCallHint(url) {
    return url.pathname.includes('/meetingcenter/meetingend/');
  },
  postCallHintReads: 'url',
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const webexExamples: SiteExamples = {
  testUrls: {
    rooms: [
      'https://example.webex.com/wbxmjs/joinservice/sites/example/meeting/download/cdedf9ae847b4f9993f87e62a8889dad?siteurl=example',
      'https://veteransaffairs.webex.com/wbxmjs/joinservice/sites/veteransaffairs/meeting/download/0602006047574141a9f001afcc3a873c?siteurl=veteransaffairs&MTID=mf85a5856faead97291fe0ce7cfacfb00',
      'https://nckucc.webex.com/wbxmjs/joinservice/sites/nckucc/meeting/download/5b47c96e851b7e15dd241c2d9430d9e1',
    ],
    notRooms: [
      'https://site4-example.webex.com/site4/j.php?MTID=md41817da6a55b0925530cb88b3577b1e',
      'https://ford.webex.com/webappng/sites/ford/meeting/info/123',
      'https://help.webex.com/en-us/njvqg5x/Set-Your-Webex-Meetings-Personal-Room-Preferences',
      'https://www.webex.com/',
    ],
    postCall: [
      'https://convergedint.dmz.webex.com/mc3300/meetingcenter/meetingend/meetingend.do?siteurl=convergedint&from=meeting',
    ],
  },
  roomKeys: [
    // One meeting: its information page (j.php) and the web app opened from it share the MTID.
    ['https://veteransaffairs.webex.com/veteransaffairs/j.php?MTID=mf85a5856faead97291fe0ce7cfacfb00', 'webex:veteransaffairs:mf85a5856faead97291fe0ce7cfacfb00'],
    [
      'https://veteransaffairs.webex.com/wbxmjs/joinservice/sites/veteransaffairs/meeting/download/0602006047574141a9f001afcc3a873c?siteurl=veteransaffairs&MTID=mf85a5856faead97291fe0ce7cfacfb00',
      'webex:veteransaffairs:mf85a5856faead97291fe0ce7cfacfb00',
    ],
    ['https://nckucc.webex.com/wbxmjs/joinservice/sites/nckucc/meeting/download/5b47c96e851b7e15dd241c2d9430d9e1', 'webex:nckucc:5b47c96e851b7e15dd241c2d9430d9e1'],
    ['https://sitename.webex.com/meet/username', 'webex:sitename:pr/username'],
    ['https://sitename.webex.com/join/pgupta', 'webex:sitename:pr/pgupta'],
    ['https://help.webex.com/en-us/njvqg5x/Set-Your-Webex-Meetings-Personal-Room-Preferences', null],
    ['https://ford.webex.com/webappng/sites/ford/meeting/info/123', null],
  ],
  source:
    'https://raw.githubusercontent.com/api-evangelist/webex/refs/heads/main/examples/webex-meetingjoin-example.json (Webex Meetings API, POST /meetings/join); https://help.webex.com/en-us/njvqg5x/Set-Your-Webex-Meetings-Personal-Room-Preferences',
};
