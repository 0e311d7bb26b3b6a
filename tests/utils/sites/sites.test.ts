import { describe, expect, it } from 'vitest';
import { SITES, siteForUrl, siteMatchPatterns } from '@/utils/sites/registry';
import { examplesOf } from '@/utils/sites/examples';
import { googleMeet } from '@/utils/sites/platforms/google-meet';
import type { SiteAdapter } from '@/utils/sites/types';

/** A Chrome match-pattern host: `*`-free here, or `*.` followed by a real domain with a dot in it. */
const MATCH_HOST = /^(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]+$/;
const MATCH_PATTERN = /^https:\/\/(?:\*\.)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]+\/\*$/;

function page(html = ''): Document {
  const doc = document.implementation.createHTMLDocument('page');
  doc.body.innerHTML = html;
  return doc;
}

const testUrlsOf = (kind: 'rooms' | 'notRooms' | 'postCall') =>
  SITES.flatMap((site) => (examplesOf(site).testUrls[kind] ?? []).map((url) => [site.id, url, site] as const));

describe('every site adapter follows the house rules', () => {
  it.each(SITES.map((site) => [site.id, site] as const))('%s has a name, hosts, room and non-room URLs and a source', (_id, site) => {
    expect(site.name.trim()).not.toBe('');
    expect(site.hosts.length).toBeGreaterThan(0);
    const { testUrls, source } = examplesOf(site);
    expect(testUrls.rooms.length).toBeGreaterThan(0);
    // A site that watches its whole host has no page that is not a room; every other site lists some.
    expect(testUrls.notRooms.length > 0).toBe(!examplesOf(site).wholeHost);
    expect(source).toMatch(/https:\/\//);
    for (const host of site.hosts) expect(host).toMatch(MATCH_HOST);
    if (testUrls.postCall?.length) expect(site.postCallHint).toBeTypeOf('function');
  });

  const wholeHostSites = SITES.filter((site) => examplesOf(site).wholeHost);
  it.each(wholeHostSites.map((site) => [site.id, site] as const))('%s watches every page of its hosts and leaves the call to the media probe', (_id, site) => {
    for (const host of site.hosts) {
      expect(host.startsWith('*.'), 'a whole host is one host, never every subdomain').toBe(false);
      for (const path of ['/', '/join', '/any/page?x=1']) expect(site.isRoom(new URL(`https://${host}${path}`))).toBe(true);
    }
  });

  it('gives each site its own id', () => {
    const ids = SITES.map((site) => site.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('never lets two sites claim the same host', () => {
    const hosts = SITES.flatMap((site) => site.hosts);
    expect(new Set(hosts).size).toBe(hosts.length);
  });

  it.each(testUrlsOf('rooms'))('%s: %s is a room of that site', (_id, url, site: SiteAdapter) => {
    expect(siteForUrl(new URL(url))).toBe(site);
    expect(site.isRoom(new URL(url))).toBe(true);
    // A live room with nothing on the page is not mistaken for the end of a call.
    expect(site.postCallHint?.(new URL(url), page()) ?? false).toBe(false);
  });

  it.each(testUrlsOf('notRooms'))('%s: %s belongs to the site but is not a room', (_id, url, site: SiteAdapter) => {
    expect(siteForUrl(new URL(url))).toBe(site);
    expect(site.isRoom(new URL(url))).toBe(false);
  });

  it.each(testUrlsOf('postCall'))('%s: %s is a post-call page, not a room', (_id, url, site: SiteAdapter) => {
    expect(siteForUrl(new URL(url))).toBe(site);
    expect(site.postCallHint?.(new URL(url), page())).toBe(true);
    expect(site.isRoom(new URL(url))).toBe(false);
  });
});

describe('siteMatchPatterns', () => {
  const patterns = siteMatchPatterns();

  it('gives valid https match patterns, each once', () => {
    for (const pattern of patterns) expect(pattern).toMatch(MATCH_PATTERN);
    expect(new Set(patterns).size).toBe(patterns.length);
  });

  it('covers every host of every site', () => {
    for (const host of SITES.flatMap((site) => site.hosts)) expect(patterns).toContain(`https://${host}/*`);
  });

  it('merges a host listed by two adapters into one pattern', () => {
    const twin: SiteAdapter = { ...googleMeet, id: 'twin' };
    expect(siteMatchPatterns([googleMeet, twin])).toEqual(['https://meet.google.com/*']);
  });
});

// Real URLs, checked against the registry as a whole: [url, platform or null, is a room].
const ROOM_TABLE: ReadonlyArray<readonly [string, string | null, boolean]> = [
  // Doxy.me: the provider's room link is where the patient checks in, waits and talks.
  ['https://doxy.me/DrKerr', 'doxy-me', true],
  ['https://openloophealth.doxy.me/iconix?autocheckin=false', 'doxy-me', true],
  ['https://doxy.me/sign-in', 'doxy-me', false],
  ['https://doxy.me/account/dashboard', 'doxy-me', false],
  ['https://help.doxy.me/en/articles/5729712-for-patients-after-you-check-in', 'doxy-me', false],
  // SimplePractice
  ['https://video.simplepractice.com/appt-485bc95d4f126fadb091e02f240ea244', 'simplepractice', true],
  ['https://secure.simplepractice.com/appointments/3415461692', null, false],
  // TherapyNotes client portal
  ['https://www.therapyportal.com/p/overcomerscounseling/telehealth/', 'therapynotes', true],
  ['https://www.therapyportal.com/p/Insight32226/appointments/availability/', 'therapynotes', false],
  // Zoom and Zoom for Government
  ['https://us05web.zoom.us/wc/join/123456789', 'zoom', true],
  ['https://app.zoom.us/wc/88395547586/join', 'zoom', true],
  ['https://zoomgov.com/wc/join/987654321', 'zoom', true],
  ['https://zoom.us/j/1234567890?pwd=test', 'zoom', false],
  ['https://app.zoom.us/wc/home', 'zoom', false],
  ['https://zoom.us/wc/leave', 'zoom', false],
  ['https://notzoom.us/wc/12345678901/join', null, false],
  ['https://zoom.us.example.com/wc/12345678901/join', null, false],
  ['http://zoom.us/wc/12345678901/join', null, false],
  // Google Meet
  ['https://meet.google.com/abc-mnop-xyz', 'google-meet', true],
  ['https://meet.google.com/landing', 'google-meet', false],
  ['https://meet.google.com/lookup/itypedthismeeturl', 'google-meet', false],
  // Microsoft Teams: work, personal, the new cloud host
  ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_OTU4ZDM5MzQtNzA3Mi00MWE1LTk5ZDktMWExYzk2YzBhOGU0%40thread.v2/0?context=%7b%22Tid%22%3a%224a252f20-29f8-46e0-bd2b-e5f8de46cefd%22%7d', 'teams', true],
  ['https://teams.live.com/meet/1234567890123?p=YOUR_PASSCODE', 'teams', true],
  ['https://teams.cloud.microsoft/v2/?meetingjoin=true#/meet/352026135202?p=ve7NYu', 'teams', true],
  ['https://teams.microsoft.com/_#/conversations/General?threadId=19:x&ctx=channel', 'teams', false],
  ['https://teams.microsoft.com/dl/launcher/launcher.html?url=%2f_%23%2fl%2fmeetup-join%2f19%3ameeting_x&type=meetup-join', 'teams', false],
  ['https://teams.microsoft.com@evil.example/l/meetup-join/19%3ameeting_x', null, false],
  // VSee Clinic
  ['https://team.vsee.me/u/robin3', 'vsee', true],
  ['https://team.vsee.me/providers/login', 'vsee', false],
  // Webex
  ['https://mche.webex.com/wbxmjs/joinservice/sites/mche/meeting/download/6A5E9486079F2D17E0531AA2FD0A881B', 'webex', true],
  ['https://meetny-gov.webex.com/webappng/sites/meetny-gov/meeting/info/abc', 'webex', false],
  // Whereby
  ['https://ogalearn.whereby.com/demo-3859b172-f62d-469c-883b-51ad2e60960b?roomKey=abc', 'whereby', true],
  ['https://whereby.com/information/tos', 'whereby', false],
  // Jitsi Meet and JaaS
  ['https://meet.jit.si/Dr_D_2023-08-25_5678', 'jitsi-meet', true],
  ['https://meet.jit.si/static/close2.html', 'jitsi-meet', false],
  ['https://8x8.vc/vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe/external_api.js', 'jitsi-meet', false],
  // SecureVideo
  ['https://hub.securevideo.com/Pass/Join/111222333?launch=1', 'securevideo', true],
  ['https://compsych.securevideo.com/Knowledge/Details/205', 'securevideo', false],
  // Therapy services' own video: Talkspace rooms; Grow Therapy, Alma and BetterHelp on their whole hosts.
  ['https://app.talkspace.com/room/2422725', 'talkspace', true],
  ['https://app.talkspace.com/signup', 'talkspace', false],
  ['https://therapist.talkspace.com/room/2422725/lvs-tab', null, false],
  ['https://www.talkspace.com/online-therapy', null, false],
  ['https://telehealth.growtherapy.com/join', 'grow-therapy', true],
  ['https://growtherapy.com/', null, false],
  ['https://telehealth.helloalma.com/', 'alma', true],
  ['https://support.helloalma.com/hc/en-us/articles/25739624478619-Alma-Telehealth-Support', null, false],
  ['https://www.betterhelp.com/', 'betterhelp', true],
  ['https://counselor-onboarding.betterhelp.com/', null, false],
  // Platforms without a sourced video host are not claimed.
  ['https://member.teladoc.com/signin', null, false],
  ['https://app.thera-link.com/', null, false],
  ['https://calmjoints.janeapp.com/locations/calm-joints/book#/list', null, false],
  ['https://app.sprucehealth.com/conversations/123', null, false],
  ['https://example.com/meeting', null, false],
];

describe('room URLs across platforms', () => {
  it.each(ROOM_TABLE)('%s → %s, room: %s', (url, platform, room) => {
    const site = siteForUrl(new URL(url));
    expect(site?.id ?? null).toBe(platform);
    expect(site?.isRoom(new URL(url)) ?? false).toBe(room);
  });
});

describe('post-call hints', () => {
  it.each([
    ['https://zoom.us/wc/leave', true],
    ['https://us02web.zoom.us/postattendee?mn=123456789', true],
    ['https://app.zoom.us/wc/88395547586/join', false],
  ])('Zoom: %s ended: %s', (url, ended) => {
    expect(siteForUrl(new URL(url))?.postCallHint?.(new URL(url), page())).toBe(ended);
  });

  it.each([
    ['https://meet.jit.si/static/close.html', true],
    ['https://meet.jit.si/static/close3.html', true],
    ['https://meet.jit.si/AcmeDailyStandup', false],
  ])('Jitsi: %s ended: %s', (url, ended) => {
    expect(siteForUrl(new URL(url))?.postCallHint?.(new URL(url), page())).toBe(ended);
  });

  const meetRoom = new URL('https://meet.google.com/abc-mnop-xyz');
  it.each([
    ['<h1>You left the meeting</h1><button>Rejoin</button><button>Return to home screen</button>', true],
    ["<main><div><h1>You’ve left the call</h1></div></main>", true],
    // The same view when the Google account speaks Spanish.
    ['<h1>Has salido de la reunión</h1><button>Volver a unirse</button><button>Regresa a la pantalla de inicio</button>', true],
    ['<h1>Has salido de la llamada</h1>', true],
    ['<h1>¿Todo listo para unirte?</h1><button>Unirse ahora</button>', false],
    ['<h1>Has salido de la reuniones antiguas</h1>', false],
    // Only h1 headings are read (a cheap live list): text elsewhere is not taken for the post-call view.
    ["<div role=\"heading\" aria-level=\"1\">You've left the meeting</div>", false],
    ['<h1>Ready to join?</h1><button>Join now</button>', false],
    ['<div aria-label="Leave call"></div><p>Chat: you left the meeting notes in the doc</p>', false],
    ['', false],
  ])('Meet, same URL, page %j ended: %s', (html, ended) => {
    expect(googleMeet.postCallHint?.(meetRoom, page(html))).toBe(ended);
  });

  // Such a hint is checked only when the address changes (no poll): it must not depend on the page.
  it.each([...testUrlsOf('rooms'), ...testUrlsOf('postCall')].filter(([, , site]) => site.postCallHintReads === 'url'))(
    '%s says the same of %s whatever the page shows, as its postCallHintReads: url promises',
    (_id, url, site) => {
      const leftPage = page('<h1>You left the meeting</h1><p>The meeting has ended</p>');
      expect(site.postCallHint?.(new URL(url), leftPage)).toBe(site.postCallHint?.(new URL(url), page()));
    },
  );

  it('Meet, whose post-call view keeps the URL, is looked at on a timer', () => {
    expect(googleMeet.postCallHintReads ?? 'page').toBe('page');
  });

  it('Meet reads the heading only on a meeting URL', () => {
    const left = page('<h1>You left the meeting</h1>');
    expect(googleMeet.postCallHint?.(new URL('https://meet.google.com/landing'), left)).toBe(false);
  });
});
