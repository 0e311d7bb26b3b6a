/**
 * Sessions that end the hard ways: the tab closed mid-call, the service worker stopped during the
 * call, the browser quit mid-call. Each still reaches the person as a check-in. Fresh browser each.
 */
import { describe, expect } from 'vitest';
import { doxyMe, doxyMeExamples } from '../../utils/sites/platforms/doxy-me';
import { CallPage, firstConnected, serveCallPages, wait } from './call-fixture';
import { badgeText, CheckInWindows, readSession, readSessions, setMinSessionMinutes, stopServiceWorkers, type CheckInWindow } from './debrief-state';
import { test } from './fixtures';
import { openExtensionPage, restart, type Debrief } from './harness';

const ROOM = doxyMeExamples.testUrls.rooms[0] as string;
const TOLERANCE_MS = 500;

async function prepare(debrief: Debrief): Promise<CheckInWindows> {
  await serveCallPages(debrief.context);
  await setMinSessionMinutes(debrief, 0);
  return new CheckInWindows(debrief.context);
}

/** Waits until the background has recorded the tab's call as a session in progress. */
async function sessionInProgress(debrief: Debrief): Promise<string> {
  const reader = await openExtensionPage(debrief, 'popup.html');
  try {
    // A worker woken from a stop loads its code and the database first: what matters is that the call is not lost.
    await expect.poll(async () => (await readSessions(reader)).filter((s) => s.status === 'in-progress').length, { timeout: 10_000 }).toBe(1);
    return (await readSessions(reader)).find((s) => s.status === 'in-progress')?.id as string;
  } finally {
    await reader.close();
  }
}

/** The one check-in window after `mark`; a second window for the same session would be a bug a person sees. */
async function onlyCheckIn(checkIns: CheckInWindows, mark: number): Promise<CheckInWindow> {
  const window = await checkIns.next(mark);
  await wait(1500);
  expect(checkIns.after(mark).map(({ sessionId }) => sessionId)).toEqual([window.sessionId]);
  return window;
}

async function expectHeader(window: CheckInWindow): Promise<void> {
  await window.page.locator('.session-header').getByText(doxyMe.name, { exact: true }).waitFor();
}

describe('a session that ends the hard way is still offered', () => {
  // Three calls each: the two end signals (the page going away, and the tab event) arrive together,
  // so a race between them shows up as a second window for the same session.
  const leaving: [string, (call: CallPage) => Promise<unknown>, string[]][] = [
    ['closing the tab', (call) => call.page.close(), ['tab-closed', 'navigated']],
    ['navigating the tab away', (call) => call.page.goto('https://example.com/'), ['navigated']],
  ];
  test.for(leaving)('%s mid-call opens one check-in with the call’s duration, every time', async ([, leave, reasons], { debrief }) => {
    const checkIns = await prepare(debrief);
    for (let round = 0; round < 3; round++) {
      const call = await CallPage.open(debrief.context, ROOM);
      const mark = checkIns.mark();
      await call.start();
      await wait(1000);
      const log = await call.log();
      const leftAt = Date.now();
      await leave(call);

      const window = await onlyCheckIn(checkIns, mark);
      const session = await readSession(window.page, window.sessionId);
      expect(session).toMatchObject({ platform: doxyMe.id, status: 'pending' });
      expect(reasons).toContain(session?.endReason);
      expect(Math.abs((session?.startedMs ?? 0) - firstConnected(log))).toBeLessThan(TOLERANCE_MS);
      expect(Math.abs((session?.endedMs ?? 0) - leftAt)).toBeLessThan(TOLERANCE_MS);
      await expectHeader(window);
      await checkIns.closeAll();
      await call.page.close();
    }
  });

  test('a service worker stopped before and during the call loses nothing', async ({ debrief }) => {
    const checkIns = await prepare(debrief);
    const call = await CallPage.open(debrief.context, ROOM);

    // Stopped while idle: the call's start must wake it.
    const idleStop = await stopServiceWorkers(debrief.context, call.page, debrief.extensionId);
    const mark = checkIns.mark();
    await call.start();
    const sessionId = await sessionInProgress(debrief);
    expect(idleStop.statusesSinceStop()).toEqual(expect.arrayContaining(['stopped', 'running']));
    await idleStop.detach();

    // Stopped mid-call: the worker that wakes for the hang-up must find the call where it left it.
    const midCallStop = await stopServiceWorkers(debrief.context, call.page, debrief.extensionId);
    await wait(1500);
    expect(midCallStop.statusesSinceStop().at(-1)).toBe('stopped');
    await call.end();

    const window = await onlyCheckIn(checkIns, mark);
    expect(window.sessionId).toBe(sessionId);
    expect(midCallStop.statusesSinceStop()).toContain('running');
    await midCallStop.detach();
    const log = await call.log();
    const session = await readSession(window.page, window.sessionId);
    expect(session).toMatchObject({ platform: doxyMe.id, status: 'pending', endReason: 'call-ended' });
    expect(Math.abs((session?.startedMs ?? 0) - firstConnected(log))).toBeLessThan(TOLERANCE_MS);
    expect(Math.abs((session?.endedMs ?? 0) - (log.endedAt ?? 0))).toBeLessThan(TOLERANCE_MS);
    await expectHeader(window);
  });

  test('a call left open when the browser quits is offered after a restart with the same profile', async ({ debrief }) => {
    const checkIns = await prepare(debrief);
    const call = await CallPage.open(debrief.context, ROOM);
    await call.start();
    const sessionId = await sessionInProgress(debrief);
    await wait(1500);
    const quitAt = Date.now();
    expect(checkIns.after(0)).toEqual([]);

    await restart(debrief);
    const afterRestart = new CheckInWindows(debrief.context);
    const window = await onlyCheckIn(afterRestart, 0);
    expect(window.sessionId).toBe(sessionId);
    const session = await readSession(window.page, sessionId);
    // Cut off mid-call, it ends when it was last known alive: after it started, never after the quit.
    expect(session).toMatchObject({ platform: doxyMe.id, status: 'pending', endReason: 'interrupted' });
    expect(session?.endedMs).toBeGreaterThanOrEqual(session?.startedMs ?? Infinity);
    expect(session?.endedMs).toBeLessThanOrEqual(quitAt);
    await expectHeader(window);
    expect(await badgeText(window.page)).toBe('1');
  });
});
