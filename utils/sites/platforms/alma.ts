/**
 * Alma Telehealth. Sources:
 * - https://support.helloalma.com/hc/en-us/articles/25739624478619-Alma-Telehealth-Support (video "built
 *   directly into the Alma portal": the email's "Join session" opens a welcome page with the camera and
 *   microphone, then a waiting room until the provider admits you; Chrome's camera setting names
 *   telehealth.helloalma.com)
 * No source gives the welcome page's or the call's path. The host serves only Alma Telehealth, so the
 * whole host is watched and the media probe decides what a session is (a connected call while the camera
 * or microphone is live); the welcome page's camera preview alone is not one.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { platformInfo } from '../catalog';

export const alma: SiteAdapter = {
  ...platformInfo('alma'),
  hosts: ['telehealth.helloalma.com'],
  isRoom: () => true,
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const almaExamples: SiteExamples = {
  testUrls: { rooms: ['https://telehealth.helloalma.com/'], notRooms: [] },
  wholeHost: true,
  source: 'https://support.helloalma.com/hc/en-us/articles/25739624478619-Alma-Telehealth-Support',
};
