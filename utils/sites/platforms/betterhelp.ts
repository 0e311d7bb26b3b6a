/**
 * BetterHelp. Sources:
 * - https://www.betterhelp.com/faq/ (ways to talk with your therapist include "video conferencing with your
 *   therapist"; live sessions are scheduled and you "log in to your account" at that time)
 * - https://www.betterhelp.com/advice/therapy/whats-included-in-your-betterhelp-subscription (one live
 *   weekly session "via video call, audio, live chat, or messaging" on BetterHelp's platform)
 * No source gives the path of the session page inside the signed-in account. BetterHelp's hosts serve
 * only BetterHelp, so the whole host is watched and the media probe decides what a session is (a
 * connected call while the camera or microphone is live); a camera preview alone is not one, and its
 * articles and sign-in pages never make a call.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { platformInfo } from '../catalog';

export const betterHelp: SiteAdapter = {
  ...platformInfo('betterhelp'),
  hosts: ['betterhelp.com', 'www.betterhelp.com'],
  isRoom: () => true,
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const betterHelpExamples: SiteExamples = {
  testUrls: { rooms: ['https://www.betterhelp.com/', 'https://betterhelp.com/'], notRooms: [] },
  wholeHost: true,
  source: 'https://www.betterhelp.com/faq/; https://www.betterhelp.com/advice/therapy/whats-included-in-your-betterhelp-subscription',
};
