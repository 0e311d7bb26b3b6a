/**
 * SimplePractice Telehealth. Sources:
 * - https://support.simplepractice.com/hc/en-us/articles/360002997731-Preparing-for-telehealth-appointments
 *   (each appointment has its own telehealth link that can be shared manually)
 * - public code with SimplePractice appointment emails and calendar feeds: "Your unique video appointment
 *   link" https://video.simplepractice.com/appt-<32 hex digits>, on a host separate from
 *   secure.simplepractice.com (the clinician's and client portal's app)
 * The waiting room and the appointment share the appointment URL.
 */
import type { SiteAdapter, SiteExamples } from '../types';
import { platformInfo } from '../catalog';

const APPOINTMENT = /^\/appt-[0-9a-f]{16,}\/?$/i;

export const simplePractice: SiteAdapter = {
  ...platformInfo('simplepractice'),
  hosts: ['video.simplepractice.com'],
  isRoom(url) {
    return APPOINTMENT.test(url.pathname);
  },
};

/** Real addresses the adapter is tested against, and where its hosts came from. Tests only: kept out of the page bundles. */
export const simplePracticeExamples: SiteExamples = {
  testUrls: {
    rooms: [
      'https://video.simplepractice.com/appt-485bc95d4f126fadb091e02f240ea244',
      'https://video.simplepractice.com/appt-0123456789abcdef0123456789abcdef?origin=client',
    ],
    notRooms: ['https://video.simplepractice.com/', 'https://video.simplepractice.com/x'],
  },
  source:
    'https://support.simplepractice.com/hc/en-us/articles/360002997731-Preparing-for-telehealth-appointments; public code with SimplePractice appointment emails and iCal feeds (video.simplepractice.com/appt-<id>)',
};
