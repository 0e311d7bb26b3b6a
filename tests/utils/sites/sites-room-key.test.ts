import { describe, expect, it } from 'vitest';
import { examplesOf } from '@/utils/sites/examples';
import { SITES, siteForUrl } from '@/utils/sites/registry';
import { zoom } from '@/utils/sites/platforms/zoom';

const meetingSites = SITES.filter((site) => site.kind === 'meeting');
const roomKeyCases = meetingSites.flatMap((site) => (examplesOf(site).roomKeys ?? []).map(([url, key]) => [site.id, url, key, site] as const));

describe('room keys: which meeting an address is', () => {
  it('sorts the platforms: the general meeting platforms learn, the therapy services ask about every call', () => {
    expect(meetingSites.map((site) => site.id).sort()).toEqual(['google-meet', 'jitsi-meet', 'teams', 'webex', 'whereby', 'zoom']);
    for (const site of SITES) expect(typeof site.roomKey === 'function').toBe(site.kind === 'meeting');
  });

  it.each(meetingSites.map((site) => [site.id, site] as const))('%s is checked against real addresses, a meeting and a non-meeting among them', (_id, site) => {
    const cases = examplesOf(site).roomKeys ?? [];
    expect(cases.some(([, key]) => key !== null)).toBe(true);
    expect(cases.some(([, key]) => key === null)).toBe(true);
  });

  it.each(roomKeyCases)('%s: %s is %s', (id, url, key, site) => {
    expect(siteForUrl(new URL(url))).toBe(site);
    expect(site.roomKey?.(new URL(url))).toBe(key);
    // The platform leads the key, so two platforms' meetings never share one.
    if (key) expect(key.startsWith(`${id}:`)).toBe(true);
  });

  it.each(meetingSites.flatMap((site) => examplesOf(site).testUrls.rooms.map((url) => [site.id, url, site] as const)))(
    '%s: the room %s names its meeting',
    (id, url, site) => {
      const key = site.roomKey?.(new URL(url)) ?? null;
      // Teams' anonymous "light" join keeps the meeting in the page, not the address: a room, but no key.
      if (url.includes('/light-meetings/launch')) expect(key).toBeNull();
      else expect(key?.startsWith(`${id}:`)).toBe(true);
    },
  );

  it.each([
    ['https://us06web.zoom.us/j/88395547586?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1#success', true],
    ['https://app.zoom.us/wc/88395547586/join', false],
    [
      'https://teams.microsoft.com/dl/launcher/launcher.html?url=%2f_%23%2fl%2fmeetup-join%2f19%3ameeting_x%40thread.v2%2f0&type=meetup-join&directDl=true&msLaunch=true',
      true,
    ],
    ['https://teams.microsoft.com/v2/?meetingjoin=true#/meet/352026135202?p=ve7NYu&anon=true', false],
    ['https://veteransaffairs.webex.com/veteransaffairs/j.php?MTID=mf85a5856faead97291fe0ce7cfacfb00', true],
    ['https://sitename.webex.com/meet/username', true],
    ['https://nckucc.webex.com/wbxmjs/joinservice/sites/nckucc/meeting/download/5b47c96e851b7e15dd241c2d9430d9e1', false],
    ['https://meet.google.com/abc-mnop-xyz', false],
  ])('%s hands the meeting to the desktop app: %s', (url, launch) => {
    const site = siteForUrl(new URL(url))!;
    expect(site.isLaunchPage?.(new URL(url)) ?? false).toBe(launch);
    if (launch) expect(site.roomKey?.(new URL(url))).toMatch(/^[a-z-]+:./);
  });

  it("gives a Zoom meeting's launch page and its web client one key, and only the launch page hands off to the app", () => {
    const launch = new URL('https://us06web.zoom.us/j/88395547586?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1#success');
    const webClient = new URL('https://app.zoom.us/wc/88395547586/join?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1');
    expect(zoom.roomKey?.(launch)).toBe(zoom.roomKey?.(webClient));
    expect(zoom.isLaunchPage?.(launch)).toBe(true);
    expect(zoom.isLaunchPage?.(webClient)).toBe(false);
    expect(zoom.isRoom(launch)).toBe(false);
    expect(zoom.roomKey?.(new URL('https://zoom.us/j/1234567890'))).not.toBe(zoom.roomKey?.(new URL('https://zoom.us/j/1234567891')));
  });
});
