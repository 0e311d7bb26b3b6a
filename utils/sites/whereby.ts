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
import type { SiteAdapter, SiteExamples } from './types';
import { pathSegments, subdomainOf } from './paths';

/** Whereby's own pages on its hosts (dashboard, marketing, legal), never rooms. */
const APP_PATHS = new Set(['user', 'information', 'blog', 'sitemap']);
/** Whereby's documentation, developer and API hosts. */
const NON_ROOM_SUBDOMAINS = new Set(['docs', 'dev', 'api']);

export const whereby: SiteAdapter = {
  id: 'whereby',
  name: 'Whereby',
  hosts: ['whereby.com', '*.whereby.com'],
  isRoom(url) {
    if (NON_ROOM_SUBDOMAINS.has(subdomainOf(url.hostname, 'whereby.com'))) return false;
    const segments = pathSegments(url);
    if (segments.length !== 1) return false;
    const [room = ''] = segments;
    return !APP_PATHS.has(room.toLowerCase()) && !room.includes('.');
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
  source:
    'https://whereby.helpscoutdocs.com/article/427-create-a-room; https://ithelpcentre.atlassian.net/wiki/spaces/KB/pages/30474810; https://docs.whereby.com/whereby-101/using-the-rest-api/using-create-a-room',
};
