/**
 * Grow Therapy's own video, Grow Telehealth. Sources:
 * - https://help.growtherapy.com/en/articles/9740193-navigating-platform-instability (meeting-room links
 *   "starting with 'telehealth.growtherapy.com/join'", which redirect to the provider's waiting room)
 * - https://help.growtherapy.com/clients/en/articles/6464510-overview-of-the-client-portal (clients press
 *   Join Session "to enter your provider's virtual waiting room")
 * - https://help.growtherapy.com/en/articles/12429230-provider-compensation-for-platform-issues-policy
 *   (sessions run "on Grow's telehealth platform"; some providers meet on Zoom instead, covered as Zoom)
 * No source gives the waiting room's or the call's path after the /join redirect. The host serves only
 * Grow Telehealth, so the whole host is watched and the media probe decides what a session is (a
 * connected call while the camera or microphone is live); a camera preview alone is not one.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { platformInfo } from '../catalog';

export const growTherapy: SiteAdapter = {
  ...platformInfo('grow-therapy'),
  hosts: ['telehealth.growtherapy.com'],
  isRoom: () => true,
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const growTherapyExamples: SiteExamples = {
  testUrls: {
    rooms: ['https://telehealth.growtherapy.com/join', 'https://telehealth.growtherapy.com/'],
    notRooms: [],
  },
  wholeHost: true,
  source:
    'https://help.growtherapy.com/en/articles/9740193-navigating-platform-instability; https://help.growtherapy.com/clients/en/articles/6464510-overview-of-the-client-portal; https://help.growtherapy.com/en/articles/12429230-provider-compensation-for-platform-issues-policy',
};
