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
 * The web app's preview and the meeting share the joinservice URL. The j.php, /meet/<name> and
 * /webappng/…/meeting/info pages launch or describe a meeting and are not rooms.
 */
import type { SiteAdapter, SiteExamples } from './types';

const JOIN_SERVICE = /^\/wbxmjs\/joinservice\/sites\/[^/]+\/meeting\/download\/[0-9a-f]+\/?$/i;

export const webex: SiteAdapter = {
  id: 'webex',
  name: 'Webex',
  hosts: ['*.webex.com'],
  isRoom(url) {
    return JOIN_SERVICE.test(url.pathname);
  },
  postCallHint(url) {
    return url.pathname.includes('/meetingcenter/meetingend/');
  },
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
  source:
    'https://raw.githubusercontent.com/api-evangelist/webex/refs/heads/main/examples/webex-meetingjoin-example.json (Webex Meetings API, POST /meetings/join); https://help.webex.com/en-us/njvqg5x/Set-Your-Webex-Meetings-Personal-Room-Preferences',
};
