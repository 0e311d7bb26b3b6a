/**
 * What a web page can make Debrief do. A page reaches the background only through the call
 * watcher (it can post forged probe events to it), so the worst a content-script sender may
 * cause is a session on a telehealth page and a check-in offered for it: never a read, a
 * change to check-ins, a snooze, a reflection, or anything sent back.
 */
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { emptyAnswers } from '@/utils/checkin/answers';
import { saveCheckIn } from '@/utils/db/checkins';
import { getDb, resetSharedDb } from '@/utils/db/open';
import { DB_NAME, type CheckIn, type Session } from '@/utils/db/schema';
import { createSession, endSession } from '@/utils/db/sessions';
import { isPageMessage, isSessionMessage } from '@/utils/session/messages';
import { isProbeMessage, PROBE_SOURCE, PROBE_VERSION } from '@/utils/session/probe-events';
import { customSites, disabledPlatforms, minSessionMinutes } from '@/utils/storage';

const NOW = Date.now();
const ROOM = 'https://doxy.me/drkerr';
const started = (extra: object = {}) => ({ type: 'session-started', at: NOW, room: true, host: 'doxy.me', siteId: 'doxy-me', ...extra });
const ended = (extra: object = {}) => ({ type: 'session-ended', at: NOW, startedAt: NOW - 1, reason: 'call-ended', host: 'doxy.me', siteId: 'doxy-me', ...extra });

describe('the shape checks drop anything that is not exactly a known message', () => {
  it.each([
    ['a call watcher start', started(), true],
    ['a call watcher end', ended(), true],
    ['a start on a custom site', started({ siteId: null }), true],
    ['time as a string', started({ at: String(NOW) }), false],
    ['time NaN', started({ at: Number.NaN }), false],
    ['time zero', started({ at: 0 }), false],
    ['time negative', started({ at: -5 }), false],
    ['room as a string', started({ room: 'true' }), false],
    // The place is read from the sender's address (see "fakes a whole call" below), never from these fields.
    ['a start naming another platform and host', started({ host: 'evil.example', siteId: 'zoom' }), true],
    ['an end reason only the background may give', ended({ reason: 'tab-closed' }), false],
    ['an end reason that does not exist', ended({ reason: 'hacked' }), false],
    ['a page message', { type: 'snooze', sessionId: 'x', until: NOW }, false],
    ['an invented request', { type: 'export', at: NOW, host: 'doxy.me', siteId: null }, false],
    ['null', null, false],
    ['a string', 'session-started', false],
    ['an array', [started()], false],
  ])('session message: %s → %s', (_case, message, accepted) => {
    expect(isSessionMessage(message)).toBe(accepted);
  });

  it.each([
    ['what waits changed', { type: 'waiting-changed' }, true],
    ['a snooze', { type: 'snooze', sessionId: 's1', until: NOW }, true],
    ['a saved check-in', { type: 'check-in-saved', checkInId: 'c1', createdMs: NOW }, true],
    ['a snooze with no time', { type: 'snooze', sessionId: 's1' }, false],
    ['a snooze with a numeric id', { type: 'snooze', sessionId: 1, until: NOW }, false],
    ['a saved check-in with its time as text', { type: 'check-in-saved', checkInId: 'c1', createdMs: '1' }, false],
    ['a call watcher start', started(), false],
    ['an invented request', { type: 'delete-everything' }, false],
    ['undefined', undefined, false],
  ])('page message: %s → %s', (_case, message, accepted) => {
    expect(isPageMessage(message)).toBe(accepted);
  });

  const probe = (event: unknown, envelope: object = {}) => ({ source: PROBE_SOURCE, v: PROBE_VERSION, event, ...envelope });
  it.each([
    ['a camera track', probe({ type: 'gum-track', trackId: 't1', kind: 'video' }), true],
    ['a connected call', probe({ type: 'pc-state', pcId: 'p1', state: 'connected' }), true],
    ['another version', probe({ type: 'pc-created', pcId: 'p1' }, { v: 2 }), false],
    ['another source', probe({ type: 'pc-created', pcId: 'p1' }, { source: 'page' }), false],
    ['a state that does not exist', probe({ type: 'pc-state', pcId: 'p1', state: 'hacked' }), false],
    ['a screen track', probe({ type: 'gum-track', trackId: 't1', kind: 'screen' }), false],
    ['page data as an id', probe({ type: 'pc-closed', pcId: 'x'.repeat(65) }), false],
    ['an empty id', probe({ type: 'track-stopped', trackId: '' }), false],
    ['a command', probe({ type: 'read-check-ins' }), false],
    ['a session message', probe(started()), false],
  ])('probe message: %s → %s', (_case, message, accepted) => {
    expect(isProbeMessage(message)).toBe(accepted);
  });
});

type Sender = Browser.runtime.MessageSender;
const ownUrl = (path: string) => fakeBrowser.runtime.getURL(path);
/** A content script in a tab (Chrome sets `url` to the frame's address). */
const contentScript = (url: string, tabId = 7, frameId = 0): Sender => ({ id: fakeBrowser.runtime.id, url, frameId, tab: { id: tabId, url } as Browser.tabs.Tab });
/** The popup or the check-in window. */
const ownPage = (path = 'check-in.html'): Sender => ({ id: fakeBrowser.runtime.id, url: ownUrl(path) });

/** Delivers a message as the browser would and returns what the background answered. */
async function send(message: unknown, sender: Sender): Promise<unknown[]> {
  const replies = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  // The background answers nothing and works on after returning: let that work finish.
  // Positive controls below go through the same wait, so a too-short wait fails loudly.
  await new Promise((resolve) => setTimeout(resolve, 150));
  return replies;
}

interface World {
  checkIns: CheckIn[];
  sessions: Session[];
  alarms: string[];
  windows: number;
  customSites: string[];
}

async function world(): Promise<World> {
  const db = await getDb();
  return {
    checkIns: await db.getAll('checkIns'),
    sessions: await db.getAll('sessions'),
    alarms: (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name).sort(),
    windows: (await fakeBrowser.windows.getAll()).length,
    customSites: await customSites.getValue(),
  };
}

describe('the background, sent forged messages', () => {
  let pending: Session;
  let before: World;

  beforeEach(async () => {
    resetSharedDb();
    // Not in WXT's fake browser; the background only listens to it.
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    await background.main();
    const db = await getDb();
    await saveCheckIn(db, { ...emptyAnswers(), overall: 7, notes: { ...emptyAnswers().notes, helpful: 'Naming the pattern' }, sessionId: null });
    await saveCheckIn(db, { ...emptyAnswers(), overall: 3, provider: 'Dr. Okafor', sessionId: null });
    const session = await createSession(db, { platform: 'zoom', host: 'zoom.us', startedMs: NOW - 3_600_000 });
    pending = (await endSession(db, session.id, { endedMs: NOW - 600_000, reason: 'call-ended' }))!;
    await new Promise((resolve) => setTimeout(resolve, 50)); // the background's start-up work
    before = await world();
  });

  afterEach(async () => {
    (await getDb()).close();
    resetSharedDb();
    await deleteDB(DB_NAME);
    vi.restoreAllMocks();
  });

  describe('from a content script on a telehealth page', () => {
    const tab = contentScript(ROOM);
    it.each([
      ['snooze a session', () => ({ type: 'snooze', sessionId: pending.id, until: NOW + 1000 })],
      ['schedule a reflection', () => ({ type: 'check-in-saved', checkInId: before.checkIns[0]!.id, createdMs: NOW })],
      ['refresh the badge', () => ({ type: 'waiting-changed' })],
      ['export', () => ({ type: 'export' })],
      ['list check-ins', () => ({ type: 'get-check-ins' })],
      ['delete everything', () => ({ type: 'delete-everything' })],
      ['import check-ins', () => ({ type: 'import', checkIns: [{ ...before.checkIns[0]!, overall: 0 }] })],
      ['watch a site of its choosing', () => ({ type: 'watch-site', host: 'evil.example' })],
      ['start a session with its time as text', () => started({ at: String(NOW) })],
      ['start a session with the room flag as text', () => started({ room: 'true' })],
      ['end a session with a reason of its own', () => ended({ reason: 'tab-closed' })],
    ])('cannot %s: nothing answered, nothing changed', async (_case, message) => {
      const replies = await send(message(), tab);
      expect(replies).toEqual([undefined]);
      expect(await world()).toEqual(before);
    });
  });

  it('a page that fakes a whole call gets at most a pending session for its own tab, with nothing it sent in the record', async () => {
    await minSessionMinutes.setValue(0);
    const extra = { status: 'answered', checkInId: before.checkIns[0]!.id, platform: 'zoom', host: 'evil.example', id: pending.id };
    expect(await send(started({ ...extra, at: NOW - 36_000_000 }), contentScript(ROOM))).toEqual([undefined]);
    expect(await send(ended({ ...extra, at: NOW + 36_000_000 }), contentScript(ROOM))).toEqual([undefined]);

    const after = await world();
    expect(after.checkIns).toEqual(before.checkIns);
    const added = after.sessions.filter((s) => !before.sessions.some((b) => b.id === s.id));
    expect(added).toHaveLength(1);
    const [session] = added;
    expect(session).toMatchObject({ platform: 'doxy-me', host: 'doxy.me', status: 'pending', checkInId: null });
    // Times the page claimed are clamped: at most the last minute before the start, never past now.
    expect(session!.startedMs).toBeGreaterThanOrEqual(NOW - 60_000);
    expect(session!.endedMs).toBeLessThanOrEqual(Date.now());
    expect(after.sessions.find((s) => s.id === pending.id)).toEqual(pending);
    expect(after.windows).toBe(before.windows + 1); // the check-in offered
  });

  it('a page faking call after call opens one check-in window; the rest wait on the badge', async () => {
    await minSessionMinutes.setValue(0);
    for (let call = 0; call < 4; call++) {
      await send(started(), contentScript(ROOM));
      await send(ended(), contentScript(ROOM));
    }
    const after = await world();
    expect(after.windows).toBe(before.windows + 1);
    expect(after.sessions.filter((s) => s.status === 'pending')).toHaveLength(1 + 4); // the seeded one and the four
    expect(await fakeBrowser.action.getBadgeText({})).toBe('5');
  });

  it('the one-window-per-minute limit survives a worker restart', async () => {
    await minSessionMinutes.setValue(0);
    await send(started(), contentScript(ROOM));
    await send(ended(), contentScript(ROOM));
    // The browser stops the worker and starts it again: storage.session stays, memory does not.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    await background.main();
    await send(started(), contentScript(ROOM));
    await send(ended(), contentScript(ROOM));
    expect((await world()).windows).toBe(before.windows + 1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });

  it('with the minimum length kept, a faked call is too short to be offered at all', async () => {
    await send(started({ at: NOW - 36_000_000 }), contentScript(ROOM));
    await send(ended({ at: NOW + 36_000_000 }), contentScript(ROOM));
    // Only the call's heartbeat alarm is left, and it clears itself when no call is live.
    expect(await world()).toEqual({ ...before, alarms: ['heartbeat'] });
  });

  it.each([
    ['a site that is not a telehealth platform, claiming to be Doxy.me', contentScript('https://evil.example/drkerr')],
    ['a page of another extension', { id: 'another-extension', url: 'chrome-extension://another-extension/page.html', tab: { id: 7, url: ROOM } as Browser.tabs.Tab }],
    ['an extension page with no tab (the message is not a page message)', ownPage('popup.html')],
  ])('a session start from %s is ignored', async (_case, sender) => {
    await minSessionMinutes.setValue(0);
    await send(started(), sender);
    expect(await world()).toEqual(before);
  });

  it('a session start on a platform the person turned off is ignored', async () => {
    await disabledPlatforms.setValue(['doxy-me']);
    await send(started(), contentScript(ROOM));
    expect(await world()).toEqual(before);
  });

  it('another frame or another tab cannot end the call', async () => {
    await minSessionMinutes.setValue(0);
    await send(started(), contentScript(ROOM, 7, 0));
    const during = await world();
    expect(during.sessions).toHaveLength(before.sessions.length + 1);
    await send(ended(), contentScript('https://doxy.me/drkerr', 7, 3));
    await send(ended(), contentScript('https://doxy.me/drkerr', 8, 0));
    expect(await world()).toEqual(during);
    await send(ended(), contentScript(ROOM, 7, 0));
    expect((await world()).sessions.filter((s) => s.status === 'pending')).toHaveLength(2);
  });

  describe('page messages count only from Debrief’s own pages', () => {
    const snooze = () => ({ type: 'snooze', sessionId: pending.id, until: NOW + 60_000 });

    it('the popup’s word that a site was allowed watches nothing unless the person asked for that site', async () => {
      expect(await send({ type: 'watch-site', host: 'evil.example' }, ownPage('popup.html'))).toEqual([undefined]);
      expect(await world()).toEqual(before);
    });

    it('the check-in window may snooze and plan a reflection', async () => {
      expect(await send(snooze(), ownPage('check-in.html'))).toEqual([{ ok: true }]);
      await send({ type: 'check-in-saved', checkInId: before.checkIns[0]!.id, createdMs: NOW }, ownPage('popup.html'));
      // The session snoozed leaves the badge, so no alarm waits to age it out.
      const after = await world();
      expect(after.alarms).toEqual([`reflect:${before.checkIns[0]!.id}`, `snooze:${pending.id}`]);
      expect(after.sessions.find((s) => s.id === pending.id)).toMatchObject({ status: 'snoozed', snoozedUntil: NOW + 60_000 });
    });

    it.each([
      ['another extension', { id: 'another-extension', url: 'chrome-extension://another-extension/check-in.html' }],
      ['another extension using our page address', { id: 'another-extension', url: ownUrl('check-in.html') }],
      ['our page framed inside a web page', { ...ownPage('check-in.html'), tab: { id: 7, url: ROOM } as Browser.tabs.Tab }],
      ['a content script', contentScript(ROOM)],
    ])('not from %s', async (_case, sender) => {
      expect(await send(snooze(), sender)).toEqual([undefined]);
      expect(await world()).toEqual(before);
    });
  });
});
