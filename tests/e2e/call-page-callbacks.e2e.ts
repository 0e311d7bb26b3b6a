/**
 * What Debrief asks a call page to run for it, found by the stack that asked: in a steady call no
 * animation frames, no idle callbacks, no repeating timer, and no more timers than the backstop poll
 * (none on a site whose post-call hint reads only the address).
 * Counted from a Chromium trace of the built extension on a Meet room (the site whose adapter
 * checks the page during a call), so a loop that awaits `requestAnimationFrame(resolve)` counts
 * even though its callback has no script of Debrief's own.
 */
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { POLL_MS } from '../../utils/session/hint-schedule';
import { callbackWindows, TRACE_CATEGORIES, type CallbackWindow, type TraceEvent } from '../bench/trace';
import { CallPage, serveCallPages, wait } from './call-fixture';
import { readSessions, setMinSessionMinutes, type StoredSession } from './debrief-state';
import { closeExtension, launchExtension, openExtensionPage, type Debrief } from './harness';

const MEET_ROOM = 'https://meet.google.com/abc-mnop-xyz?busy=6000';
const ZOOM_ROOM = 'https://app.zoom.us/wc/88395547586/join?busy=6000';
/** Past the call's first checks (its second connection connecting, the follow-ups after it). */
const WARM_UP_MS = 4_000;
/** Long enough for the backstop poll to come round at least once. */
const STEADY_MS = POLL_MS + 2_000;

let debrief: Debrief;
beforeAll(async () => {
  debrief = await launchExtension();
  await serveCallPages(debrief.context);
  // The call is only held here: no check-in window in the middle.
  await setMinSessionMinutes(debrief, 120);
});
afterAll(() => closeExtension(debrief));

async function trace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/**
 * A steady call in a new page at `room`, traced; the callback windows before, during and after the
 * steady stretch. `inCall` runs after the trace with the call still up (a short call's session is
 * dropped once it ends).
 */
async function steadyCall(room: string, inCall: () => Promise<void> = async () => undefined): Promise<CallbackWindow[]> {
  const page = await debrief.context.newPage();
  const cdp = await debrief.context.newCDPSession(page);
  const events = await trace(cdp, async () => {
    await page.goto(room);
    const call = new CallPage(page);
    await call.start();
    await wait(WARM_UP_MS);
    await page.evaluate(() => performance.mark('steady'));
    await wait(STEADY_MS);
    await page.evaluate(() => performance.mark('steady-end'));
  });
  await inCall();
  await page.close();
  return callbackWindows(events, new URL(room).origin, `chrome-extension://${debrief.extensionId}/`, ['steady', 'steady-end']);
}

const framesAndIdle = (windows: CallbackWindow[]) =>
  windows.reduce((sum, w) => ({ frames: sum.frames + w.framesRequested, idle: sum.idle + w.idleRequested, intervals: sum.intervals + w.intervals }), {
    frames: 0,
    idle: 0,
    intervals: 0,
  });

it('asks a call page for no frames, no idle callbacks and no timer faster than the backstop poll', { timeout: 90_000 }, async () => {
  const windows = await steadyCall(MEET_ROOM);
  const [, steady] = windows as [CallbackWindow, CallbackWindow, CallbackWindow];
  // The session started in this page: Debrief's timers are in the trace at all (the count can fail).
  expect(windows[0]!.timersSet + windows[1]!.timersSet).toBeGreaterThan(0);
  expect(framesAndIdle(windows)).toEqual({ frames: 0, idle: 0, intervals: 0 });
  // The poll's own timer, plus one for the window's edges.
  expect(steady.timersSet, `${steady.timersSet} timers in ${STEADY_MS / 1000} s, shortest ${steady.shortestTimer} ms`).toBeLessThanOrEqual(Math.ceil(STEADY_MS / POLL_MS) + 1);
  expect(steady.shortestTimer).toBeGreaterThanOrEqual(POLL_MS - 1_000);
});

it('asks a Zoom web-client call for nothing at all: its post-call page is an address, which the page reports', { timeout: 90_000 }, async () => {
  let sessions: StoredSession[] = [];
  const windows = await steadyCall(ZOOM_ROOM, async () => {
    const reader = await openExtensionPage(debrief, 'popup.html');
    sessions = await readSessions(reader);
    await reader.close();
  });
  const [, steady] = windows as [CallbackWindow, CallbackWindow, CallbackWindow];
  // The session is in progress (Debrief saw the call), so the quiet is not a watcher that never ran.
  expect(sessions.filter((session) => session.host === new URL(ZOOM_ROOM).host && session.endedMs === null)).toHaveLength(1);
  expect(framesAndIdle(windows)).toEqual({ frames: 0, idle: 0, intervals: 0 });
  expect(steady.timersSet, `${steady.timersSet} timers in ${STEADY_MS / 1000} s, shortest ${steady.shortestTimer} ms`).toBe(0);
});
