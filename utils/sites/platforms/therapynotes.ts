/**
 * TherapyNotes Telehealth, joined by clients through the TherapyPortal client portal. Sources:
 * - https://support.therapynotes.com/article/104-therapyportal-client-portal (clients "conduct telehealth
 *   sessions" on the practice's TherapyPortal.com portal)
 * - https://support.therapynotes.com/article/318-start-a-telehealth-session-telehealth-2-0 (the invite link
 *   "directs the user to your portal's telehealth page" and the clinician's waiting room)
 * - https://www.overcomewithus.com/sop/how-to-do-teletherapy-sessions (a practice's portal telehealth tab:
 *   https://www.therapyportal.com/p/overcomerscounseling/telehealth/)
 * The portal's telehealth page holds both the waiting room and the session, so it counts as the room;
 * the rest of the portal (appointments, documents) does not.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { pathSegments } from '../paths';
import { platformInfo } from '../catalog';

export const therapyNotes: SiteAdapter = {
  ...platformInfo('therapynotes'),
  hosts: ['therapyportal.com', 'www.therapyportal.com'],
  isRoom(url) {
    const [portal, practice, page] = pathSegments(url);
    return portal === 'p' && practice !== undefined && page?.toLowerCase() === 'telehealth';
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const therapyNotesExamples: SiteExamples = {
  testUrls: {
    rooms: ['https://www.therapyportal.com/p/overcomerscounseling/telehealth/'],
    notRooms: [
      'https://www.therapyportal.com/p/rootedpsychotherapy08003/',
      'https://www.therapyportal.com/p/lcpsych41042/appointments/availability/',
      'https://therapyportal.com/p/lumentelepsych2025/',
      'https://www.therapyportal.com/',
    ],
  },
  source:
    'https://support.therapynotes.com/article/104-therapyportal-client-portal; https://support.therapynotes.com/article/318-start-a-telehealth-session-telehealth-2-0; https://www.overcomewithus.com/sop/how-to-do-teletherapy-sessions',
};
