/**
 * The end of a video session detected in real Firefox: a real WebRTC call with the fake camera at a
 * telehealth room's real address opens the check-in when the person hangs up or closes the tab,
 * also after Firefox has suspended Debrief's idle background (event page) before and during the call.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { doxyMe, doxyMeExamples } from '../../utils/sites/platforms/doxy-me';
import { firstConnected, wait } from '../e2e/call-fixture';
import { readSession, readSessions } from '../e2e/debrief-state';
import { closeWindows, dbPage, FirefoxCall, nextWindow, openWindows, setLocal, type ApiWindow, type OpenedWindow } from './debrief';
import { sharedFirefox } from './fixtures';
import { openExtensionPage, type Firefox } from './harness';

const ROOM = doxyMeExamples.testUrls.rooms[0] as string;
/** Slack between the page's clock readings and the times Debrief stored. */
const TOLERANCE_MS = 500;

type Leave = [string, (call: FirefoxCall) => Promise<unknown>, string[]];
const LEAVING: Leave[] = [
  ['hanging up', (call) => call.end(), ['call-ended']],
  ['closing the tab', (call) => call.page.close(), ['tab-closed', 'navigated']],
];

/** Whether Debrief's background page is running now, as Firefox lists the extension's views. */
function backgroundRunning(extensionPage: Page): Promise<boolean> {
  return extensionPage.evaluate(() =>
    (globalThis as unknown as ApiWindow).browser.extension.getViews().some((view) => view.location.pathname === '/_generated_background_page.html'),
  );
}

async function suspended(extensionPage: Page): Promise<void> {
  await expect.poll(() => backgroundRunning(extensionPage), { timeout: 15_000, interval: 200 }).toBe(false);
}

/** One new check-in window for the call, and no second one after it. */
async function onlyCheckIn(firefox: Firefox, before: OpenedWindow[]): Promise<OpenedWindow & { seenAt: number }> {
  const window = { ...(await nextWindow(firefox, before)), seenAt: Date.now() };
  await wait(1000);
  const fresh = (await openWindows(firefox)).filter((w) => !before.some((old) => old.page === w.page));
  expect(fresh.map(({ id }) => id)).toEqual([window.id]);
  return window;
}

/** The call's session as Debrief stored it, and the check-in window showing its platform. */
async function expectCheckIn(window: OpenedWindow, log: Awaited<ReturnType<FirefoxCall['log']>>, leftAt: number, reasons: string[], latest = leftAt + TOLERANCE_MS) {
  const session = await readSession(dbPage(window.page), window.id);
  expect(session).toMatchObject({ platform: doxyMe.id, host: 'doxy.me', status: 'pending' });
  expect(reasons).toContain(session?.endReason);
  expect(Math.abs((session?.startedMs ?? 0) - firstConnected(log))).toBeLessThan(TOLERANCE_MS);
  expect(session?.endedMs).toBeGreaterThanOrEqual(leftAt - TOLERANCE_MS);
  expect(session?.endedMs).toBeLessThanOrEqual(latest);
  await expect.poll(() => window.page.evaluate(() => document.body.innerText)).toContain(doxyMe.name);
}

describe('a call at a telehealth room’s real address', () => {
  const shared = sharedFirefox();

  it.each(LEAVING)('%s opens one check-in with the call’s times', async (_name, leave, reasons) => {
    const firefox = shared.get();
    await setLocal(firefox, { minSessionMinutes: 0 });
    for (let round = 0; round < 2; round++) {
      const before = await openWindows(firefox);
      const call = await FirefoxCall.open(firefox, ROOM);
      await call.start();
      await wait(1500);
      const log = await call.log();
      const leftAt = Date.now();
      await leave(call);
      await expectCheckIn(await onlyCheckIn(firefox, before), log, leftAt, reasons);
      await closeWindows(firefox);
      await call.page.close().catch(() => undefined);
    }
  });
});

describe('with Debrief’s background suspended by Firefox before and during the call', () => {
  // Firefox suspends an idle event page after 30 s; here after one second.
  const shared = sharedFirefox({ backgroundIdleMs: 1000 });

  it.each(LEAVING)('%s still opens one check-in with the call’s times', async (_name, leave, reasons) => {
    const firefox = shared.get();
    await setLocal(firefox, { minSessionMinutes: 0 });
    const reader = await openExtensionPage(firefox, 'options.html');
    await suspended(reader);

    // The call's start wakes the background, which records the session and may sleep again.
    const before = await openWindows(firefox);
    const call = await FirefoxCall.open(firefox, ROOM);
    await call.start();
    await expect.poll(async () => (await readSessions(dbPage(reader))).filter((s) => s.status === 'in-progress').length).toBe(1);
    await suspended(reader);
    await wait(500);
    expect(await backgroundRunning(reader)).toBe(false);

    const log = await call.log();
    const leftAt = Date.now();
    await leave(call);
    const window = await onlyCheckIn(firefox, before);
    // A closed tab may be news only to the background, which Firefox must wake first: the end is when it hears.
    await expectCheckIn(window, log, leftAt, reasons, window.seenAt);
    await closeWindows(firefox);
    await call.page.close().catch(() => undefined);
    await reader.close();
  });
});
