/**
 * VSee Clinic. Sources:
 * - https://help.vsee.com/kb/articles/guest-scheduling (patients start appointments from the clinic's
 *   links without installing anything)
 * - public test code driving VSee Clinic rooms in a browser: meeting_room_url https://team.vsee.me/u/robin1,
 *   provider login https://team.vsee.me/providers/login, clinic links such as
 *   https://teledentists.vsee.me/u/AI
 * The clinic's waiting room and the visit share the /u/<room> URL.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { pathSegments } from '../paths';
import { platformInfo } from '../catalog';

export const vsee: SiteAdapter = {
  ...platformInfo('vsee'),
  hosts: ['*.vsee.me'],
  isRoom(url) {
    const segments = pathSegments(url);
    return segments.length === 2 && segments[0] === 'u';
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const vseeExamples: SiteExamples = {
  testUrls: {
    rooms: ['https://team.vsee.me/u/robin1', 'https://teledentists.vsee.me/u/AI', 'https://team.vsee.me/u/robin4'],
    notRooms: [
      'https://team.vsee.me/providers/login',
      'https://prohealth.vsee.me/',
      'https://trackmysolutions.vsee.me/auth?sso_token=abc&next=/',
    ],
  },
  source: 'https://help.vsee.com/kb/articles/guest-scheduling; public VSee Clinic test code using https://team.vsee.me/u/<room>',
};
