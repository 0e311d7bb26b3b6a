/**
 * Whereby. Sources:
 * - https://whereby.helpscoutdocs.com/article/427-create-a-room ("every Whereby meeting takes place in a
 *   room with its own customizable link"; the dashboard is separate)
 * - https://ithelpcentre.atlassian.net/wiki/spaces/KB/pages/30474810 (company rooms at
 *   https://[company_sub_domain].whereby.com)
 * - https://docs.whereby.com/whereby-101/using-the-rest-api/using-create-a-room (Whereby Embedded rooms,
 *   e.g. <prefix>.whereby.com/<room-name>-<uuid>?roomKey=… in public code)
 * The knock/preview screen and the meeting share the room URL.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { pathSegments, subdomainOf } from '../paths';
import { platformInfo } from '../catalog';

/** Whereby's own pages on its hosts (dashboard, marketing, legal), never rooms. */
const APP_PATHS = new Set(['user', 'information', 'blog', 'sitemap']);
/** Whereby's documentation, developer and API hosts. */
const NON_ROOM_SUBDOMAINS = new Set(['docs', 'dev', 'api']);

export const whereby: SiteAdapter = {
  ...platformInfo('whereby'),
  hosts: ['whereby.com', '*.whereby.com'],
  isRoom(url) {
    if (NON_ROOM_SUBDOMAINS.has(subdomainOf(url.hostname, 'whereby.com'))) return false;
    const segments = pathSegments(url);
    if (segments.length !== 1) return false;
    const [room = ''] = segments;
    return !APP_PATHS.has(room.toLowerCase()) && !room.includes('.');
  },
  roomKey(url) {
    if (!whereby.isRoom(url)) return null;
    // A company subdomain has its own rooms: aoi.whereby.com/standup is not whereby.com/standup.
    const company = subdomainOf(url.hostname.toLowerCase(), 'whereby.com');
    const room = pathSegments(url)[0]!.toLowerCase();
    return `whereby:${company && company !== 'www' ? `${company}/` : ''}${room}`;
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const wherebyExamples: SiteExamples = {
  testUrls: {
    rooms: [
      'https://whereby.com/acme-standup',
      'https://aoi.whereby.com/agent-smith',
      'https://garcia.whereby.com/e24f501b-0d97-4f72-b36c-f471e7cbfa85?embed&chat=on&screenshare=on',
      'https://metime.whereby.com/ddc13116-e4a7-40e3-a355-538ed0b737b4?skipMediaPermissionPrompt&embed&displayName=Yoko',
    ],
    notRooms: [
      'https://whereby.com/',
      'https://whereby.com/user',
      'https://whereby.com/user/api-keys',
      'https://whereby.com/information/pricing',
      'https://whereby.com/information',
      'https://whereby.com/favicon.ico',
      'https://docs.whereby.com/whereby-101/using-the-rest-api/using-create-a-room',
      'https://api.whereby.com/v1/meetings',
    ],
  },
  roomKeys: [
    ['https://whereby.com/acme-standup', 'whereby:acme-standup'],
    ['https://whereby.com/Acme-Standup?lang=es', 'whereby:acme-standup'],
    ['https://aoi.whereby.com/agent-smith', 'whereby:aoi/agent-smith'],
    ['https://garcia.whereby.com/e24f501b-0d97-4f72-b36c-f471e7cbfa85?embed&chat=on&screenshare=on', 'whereby:garcia/e24f501b-0d97-4f72-b36c-f471e7cbfa85'],
    ['https://whereby.com/user', null],
  ],
  source:
    'https://whereby.helpscoutdocs.com/article/427-create-a-room; https://ithelpcentre.atlassian.net/wiki/spaces/KB/pages/30474810; https://docs.whereby.com/whereby-101/using-the-rest-api/using-create-a-room',
};
