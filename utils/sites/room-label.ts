/** How a room key reads to the person: the meeting as their invitation shows it. */
import { t } from '../i18n/index.ts';
import { platformName } from './catalog';
import { siteForUrl } from './registry';

/** Zoom writes meeting numbers in groups: 123 456 789, 123 456 7890, 123 4567 8901. */
function zoomNumber(digits: string): string {
  const groups = digits.length === 11 ? [3, 4, 4] : [3, 3, digits.length - 6];
  let at = 0;
  return groups.map((size) => digits.slice(at, (at += size))).join(' ');
}

/** The part of a room key that tells the meeting apart, readable ("812 3456 7890", "abc-mnop-xyz"). */
function meetingPart(platform: string, rest: string): string {
  if (platform === 'zoom') return /^\d+$/.test(rest) ? zoomNumber(rest) : `zoom.us/${rest}`;
  if (platform === 'teams') {
    // A join link's thread id is long and opaque: its last characters tell two meetings apart.
    const meetId = /^meet\/(\d+)$/.exec(rest)?.[1];
    return meetId ? meetId.replace(/(\d{3})(?=\d)/g, '$1 ') : `…${rest.replace(/@thread\..*$/, '').slice(-6)}`;
  }
  if (platform === 'webex') {
    const [site = '', meeting = ''] = rest.split(/:(.*)/s);
    return meeting.startsWith('pr/') ? `${site}.webex.com/meet/${meeting.slice(3)}` : `${site} …${meeting.slice(-6)}`;
  }
  return rest;
}

/** A room as people know it: its platform and meeting ("Zoom", "812 3456 7890"). */
export function roomLabelParts(roomKey: string): { platform: string; meeting: string } {
  const split = roomKey.indexOf(':');
  const platform = roomKey.slice(0, split);
  return { platform: platformName(platform), meeting: meetingPart(platform, roomKey.slice(split + 1)) };
}

/** The meeting a pasted link names, or the reason it names none (shown as it is). */
export function parseMeetingLink(input: string): { roomKey: string; platform: string } | { error: string } {
  const text = input.trim();
  if (!text) return { error: t('settings.rooms.linkEmpty') };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { error: t('settings.rooms.linkNotUrl', { input: text }) };
  }
  const site = siteForUrl(url);
  const roomKey = site?.roomKey?.(url) ?? null;
  return site && roomKey ? { roomKey, platform: site.id } : { error: t('settings.rooms.linkNoMeeting') };
}
