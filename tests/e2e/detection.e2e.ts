/**
 * The end of a video session, detected in real Chromium with the built extension and the fake
 * camera: a real WebRTC call at each platform's real room URL opens the check-in when it ends;
 * waiting rooms, dashboards, short calls, a camera toggled and a network drop open nothing.
 * One browser serves every case to keep the run short.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { formatDuration } from '../../utils/checkin/format';
import { GRACE_MS } from '../../utils/session/machine';
import { examplesOf } from '../../utils/sites/examples';
import { SITES, siteForUrl } from '../../utils/sites/registry';
import type { SiteAdapter } from '../../utils/sites/types';
import { CallPage, firstConnected, serveCallPages, stretchesOf, wait } from './call-fixture';
import { CheckInWindows, readSession, readSessions, setMinSessionMinutes, type CheckInWindow } from './debrief-state';
import { startUdpRelay } from './fixtures/udp-relay';
import { closeExtension, launchExtension, openExtensionPage, screenshot, type Debrief } from './harness';

/** How long each call is held: long enough that a wrong start or end time shows. */
const HOLD_MS = 2000;
/** Slack between the page's own clock readings and the times Debrief stored. */
const TOLERANCE_MS = 500;
/** How long "nothing opens" is watched for after the moment something could have opened. */
const QUIET_MS = 2500;

let debrief: Debrief;
let checkIns: CheckInWindows;
/** An extension page kept open to read Debrief's database. */
let reader: Page;
const calls: CallPage[] = [];

beforeAll(async () => {
  debrief = await launchExtension();
  await serveCallPages(debrief.context);
  await setMinSessionMinutes(debrief, 0);
  checkIns = new CheckInWindows(debrief.context);
  reader = await openExtensionPage(debrief, 'popup.html');
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    for (const [index, page] of debrief.context.pages().entries()) {
      await screenshot(page, `failed-${task.name}-${index}`).catch(() => undefined);
    }
  }
  await Promise.all(calls.splice(0).map(({ page }) => page.close().catch(() => undefined)));
  await checkIns.closeAll();
});

afterAll(async () => {
  await closeExtension(debrief);
});

async function openCall(url: string): Promise<CallPage> {
  const call = await CallPage.open(debrief.context, url);
  calls.push(call);
  return call;
}

/** Waits for the one check-in window a finished call opens, and checks no second one follows. */
async function onlyCheckIn(mark: number): Promise<CheckInWindow> {
  const window = await checkIns.next(mark);
  await wait(500);
  expect(checkIns.after(mark).map(({ sessionId }) => sessionId)).toEqual([window.sessionId]);
  return window;
}

/** The check-in shows the platform and the duration of the session Debrief stored, which matches the call. */
async function expectCheckInFor(window: CheckInWindow, call: CallPage, site: SiteAdapter): Promise<void> {
  const log = await call.log();
  const session = await readSession(window.page, window.sessionId);
  expect(session).toMatchObject({ platform: site.id, host: new URL(call.page.url()).host, status: 'pending' });
  if (!session?.endedMs || log.endedAt === null) throw new Error('the session or the call has no end');
  expect(Math.abs(session.startedMs - firstConnected(log))).toBeLessThan(TOLERANCE_MS);
  expect(Math.abs(session.endedMs - log.endedAt)).toBeLessThan(TOLERANCE_MS);

  const header = window.page.locator('.session-header');
  await header.getByText(site.name, { exact: true }).waitFor();
  expect(await header.textContent()).toContain(formatDuration(session.startedMs, session.endedMs));
}

/** A URL of the platform's own host that is not a room, so both content scripts run there. */
function dashboardUrl(site: SiteAdapter): string {
  const url = examplesOf(site).testUrls.notRooms.find((candidate) => siteForUrl(new URL(candidate)) === site);
  if (!url) throw new Error(`${site.id} lists no non-room URL on its own hosts`);
  return url;
}

describe('a call at each platform’s real room URL', () => {
  it.each(SITES.map((site) => [site.name, site] as const))(
    '%s: hanging up opens its check-in with the call’s duration',
    async (_name, site) => {
      const url = examplesOf(site).testUrls.rooms[0] as string;
      const call = await openCall(url);
      const mark = checkIns.mark();
      await call.start();
      await wait(HOLD_MS);
      expect(checkIns.after(mark)).toEqual([]);

      await call.end();
      const window = await onlyCheckIn(mark);
      await expectCheckInFor(window, call, site);
      const session = await readSession(reader, window.sessionId);
      expect(session?.endReason).toBe('call-ended');
      if (site === SITES[0]) await screenshot(window.page, 'detection-check-in');
      expect(debrief.pageErrors).toEqual([]);
    },
  );
});

describe('the site’s own end signal, connections still up', () => {
  /** One check-in for a session Debrief ended on the site's word, stored at `at` (page clock). */
  async function expectSiteSignal(mark: number, site: SiteAdapter, at: number): Promise<void> {
    const window = await onlyCheckIn(mark);
    // Within the second issue 6 asks for: the click (or the URL) prompted a look, not the slow backstop poll.
    expect(window.seenAt - at).toBeLessThan(1000);
    const session = await readSession(reader, window.sessionId);
    expect(session).toMatchObject({ platform: site.id, status: 'pending', endReason: 'site-signal' });
    expect(Math.abs((session?.endedMs ?? 0) - at)).toBeLessThan(1500);
  }

  it('Google Meet: pressing Leave draws “You left the meeting” at the same URL and opens the check-in', async () => {
    const site = siteForUrl(new URL('https://meet.google.com/abc-mnop-xyz')) as SiteAdapter;
    const call = await openCall(examplesOf(site).testUrls.rooms[0] as string);
    const mark = checkIns.mark();
    await call.start();
    await wait(1000);
    await expectSiteSignal(mark, site, await call.leave());
    expect(await call.states()).toEqual({ me: 'connected', therapist: 'connected' });
  });

  it('Zoom: the web client moving to /wc/leave (pushState) opens the check-in at once', async () => {
    const site = siteForUrl(new URL('https://zoom.us/wc/join/0123456789')) as SiteAdapter;
    const call = await openCall(examplesOf(site).testUrls.rooms[0] as string);
    const mark = checkIns.mark();
    await call.start();
    await wait(1000);
    const leftAt = await call.page.evaluate(() => {
      history.pushState(null, '', '/wc/leave');
      return Date.now();
    });
    await expectSiteSignal(mark, site, leftAt);
  });
});

describe('an end seen from the media alone', () => {
  it('the other side vanishing without a hang-up ends the session a grace period after the connection dropped', async () => {
    const site = SITES[0] as SiteAdapter;
    const call = await openCall(examplesOf(site).testUrls.rooms[0] as string);
    const mark = checkIns.mark();
    await call.start();
    await wait(1000);
    await call.therapistVanishes();

    const window = await checkIns.next(mark, 30_000);
    const dropped = (await call.log()).states.find((entry) => entry.who === 'me' && entry.state !== 'connected' && entry.state !== 'connecting');
    if (!dropped) throw new Error('my side of the call never noticed the other side had gone');
    expect(window.seenAt - dropped.at).toBeGreaterThanOrEqual(GRACE_MS - TOLERANCE_MS);
    const session = await readSession(window.page, window.sessionId);
    expect(session).toMatchObject({ platform: site.id, status: 'pending', endReason: 'call-ended' });
    expect(Math.abs((session?.endedMs ?? 0) - dropped.at)).toBeLessThan(TOLERANCE_MS);
  });
});

describe('what is not a session opens nothing', () => {
  it('a waiting-room camera preview at every platform’s room URL, then leaving', async () => {
    const before = (await readSessions(reader)).length;
    const mark = checkIns.mark();
    for (const site of SITES) {
      const call = await openCall(examplesOf(site).testUrls.rooms[0] as string);
      expect(await call.preview()).toBe(2);
      await call.page.close();
    }
    await wait(QUIET_MS);
    expect(checkIns.after(mark)).toEqual([]);
    expect(await readSessions(reader)).toHaveLength(before);
  });

  // Platforms watched on their whole host have no page that is not a room: there the probe alone decides.
  it('a full call on every platform’s dashboard or other non-room page', async () => {
    const before = (await readSessions(reader)).length;
    const mark = checkIns.mark();
    for (const site of SITES.filter((candidate) => !examplesOf(candidate).wholeHost)) {
      const call = await openCall(dashboardUrl(site));
      await call.start();
      await wait(500);
      await call.end();
    }
    await wait(QUIET_MS);
    expect(checkIns.after(mark)).toEqual([]);
    expect(await readSessions(reader)).toHaveLength(before);
  });

  it('a call shorter than the minimum session length (while a longer one is offered)', async () => {
    const url = examplesOf(SITES[0]!).testUrls.rooms[0] as string;
    await setMinSessionMinutes(debrief, 0.05); // 3 seconds
    try {
      const before = (await readSessions(reader)).length;
      const mark = checkIns.mark();
      const short = await openCall(url);
      await short.start();
      await wait(1000);
      await short.end();
      await wait(QUIET_MS);
      expect(checkIns.after(mark)).toEqual([]);
      expect(await readSessions(reader)).toHaveLength(before); // dropped, not kept

      // The same setting lets a call above it through, so the silence above is the minimum at work.
      const long = await openCall(url);
      await long.start();
      await wait(4000);
      await long.end();
      await expectCheckInFor(await onlyCheckIn(mark), long, SITES[0] as SiteAdapter);
    } finally {
      await setMinSessionMinutes(debrief, 0);
    }
  });
});

describe('a call that carries on is one session', () => {
  it('the camera turned off and on again mid-call opens nothing until the call ends', async () => {
    const site = SITES[0] as SiteAdapter;
    const call = await openCall(examplesOf(site).testUrls.rooms[0] as string);
    const mark = checkIns.mark();
    await call.start();
    await wait(1000);
    await call.cameraOff();
    await wait(1500);
    await call.cameraOn();
    await wait(GRACE_MS);
    expect(checkIns.after(mark)).toEqual([]);

    await call.end();
    await expectCheckInFor(await onlyCheckIn(mark), call, site);
  });

  it('a 3-second network drop (disconnected, then connected again) opens nothing until the call ends', async () => {
    const site = SITES[0] as SiteAdapter;
    const relay = await startUdpRelay();
    try {
      const call = await openCall(examplesOf(site).testUrls.rooms[0] as string);
      const mark = checkIns.mark();
      await call.startThroughRelay(relay);
      await wait(1000);

      // Cut the network; Chromium notices after a few seconds. Keep it down 3 s from then, then restore.
      relay.cut();
      await expect.poll(async () => (await call.log()).states.some((entry) => entry.state === 'disconnected'), { timeout: 20_000 }).toBe(true);
      await wait(3000);
      relay.restore();
      await expect
        .poll(async () => (await call.log()).states.filter((entry) => entry.state === 'connected').length, { timeout: 10_000 })
        .toBeGreaterThanOrEqual(4);
      const down = stretchesOf(await call.log(), 'me', 'disconnected');
      expect(down).toHaveLength(1);
      expect(down[0]).toBeGreaterThanOrEqual(2500);
      expect(down[0]).toBeLessThan(GRACE_MS);

      await wait(GRACE_MS);
      expect(checkIns.after(mark)).toEqual([]);
      await call.end();
      await expectCheckInFor(await onlyCheckIn(mark), call, site);
    } finally {
      await relay.close();
    }
  });
});
