/**
 * "Ask me after calls on this site" from the toolbar, in real Chromium: a video call already under
 * way on an https site Debrief does not watch; the real popup (opened on that tab, with activeTab)
 * offers to watch it; the person accepts and allows the site; the call is caught without a reload,
 * hanging up opens the check-in, and stopping from the popup stops it.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_POPUP_ARGS, ActionPopup, openSiteAccess } from './action-popup';
import { CallPage, serveCallPages, wait } from './call-fixture';
import { CheckInWindows, readSessions, setMinSessionMinutes } from './debrief-state';
import { closeExtension, launchExtension, openExtensionPage, screenshot, type Debrief } from './harness';

const HOST = 'video.example-clinic.org';
const ROOM = `https://${HOST}/session/4821`;
/** How long "nothing happens" is watched for. */
const QUIET_MS = 2500;

let debrief: Debrief;
let checkIns: CheckInWindows;
let reader: Page;
let siteAccess: Awaited<ReturnType<typeof openSiteAccess>>;

beforeAll(async () => {
  debrief = await launchExtension({ extraArgs: ACTION_POPUP_ARGS });
  await serveCallPages(debrief.context);
  await setMinSessionMinutes(debrief, 0);
  checkIns = new CheckInWindows(debrief.context);
  reader = await openExtensionPage(debrief, 'options.html#/settings');
  siteAccess = await openSiteAccess(debrief);
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    for (const [index, page] of debrief.context.pages().entries()) await screenshot(page, `failed-watch-site-${index}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await closeExtension(debrief);
});

const sessionsOn = async (host: string) => (await readSessions(reader)).filter((session) => session.host === host);

describe('asking after calls on a site from the toolbar', () => {
  it('catches the call already under way without a reload, opens the check-in at hang-up, and stops when asked', async () => {
    const call = await CallPage.open(debrief.context, ROOM);
    await call.start();
    await call.page.evaluate(() => Object.assign(window, { loadedOnce: true }));
    await wait(1000);
    expect(await sessionsOn(HOST)).toEqual([]); // not watched: nothing runs there

    // The person's "Allow" for the site, given ahead: a test cannot click the browser's prompt, but the
    // browser's own Site access page grants the same permission, and the click's request then finds it.
    await siteAccess.grant(HOST);
    await wait(500);
    expect(await sessionsOn(HOST)).toEqual([]); // a permission alone watches nothing

    // The popup on that tab: one sentence and one button.
    const popup = await ActionPopup.open(debrief, call.page);
    await popup.waitForText(`Debrief does not ask after calls on ${HOST} yet.`);
    await popup.waitForText('check-ins stored'); // everything the popup reads has arrived
    await popup.screenshot('watch-site-offer');
    const clickedAt = Date.now();
    await popup.click('Ask me after calls on this site');
    await popup.waitForText(`Debrief asks after calls on ${HOST}.`);
    await popup.screenshot('watch-site-watching');

    // The call that was already running is now a session in progress, in the same page.
    await expect.poll(async () => (await sessionsOn(HOST)).map((session) => session.status), { timeout: 10_000 }).toEqual(['in-progress']);
    expect(await call.page.evaluate(() => (window as unknown as { loadedOnce?: boolean }).loadedOnce)).toBe(true);
    const settings = reader.getByRole('list', { name: 'Your own sites' });
    await settings.getByText(HOST).waitFor(); // listed with the sites added in Settings

    // Hanging up opens one check-in, naming the site.
    await wait(1500);
    const mark = checkIns.mark();
    const endedAt = await call.end();
    const window = await checkIns.next(mark);
    await window.page.locator('.session-header').getByText(HOST).waitFor();
    const [session] = await sessionsOn(HOST);
    expect(session).toMatchObject({ platform: `custom:${HOST}`, status: 'pending', endReason: 'call-ended' });
    // Counted from when Debrief first saw the call (the page's next statistics read after the click), not before.
    expect(session!.startedMs).toBeGreaterThanOrEqual(clickedAt);
    expect(session!.startedMs - clickedAt).toBeLessThan(5000);
    expect(Math.abs((session?.endedMs ?? 0) - endedAt)).toBeLessThan(1000);
    await window.page.close();

    // Stopping, from the popup, stops it: a new call there (after a reload, or in the page as it is) opens nothing.
    await popup.click(`Stop asking after calls on ${HOST}`);
    await popup.waitForText(`Debrief does not ask after calls on ${HOST} yet.`);
    await settings.waitFor({ state: 'detached' });
    const quietMark = checkIns.mark();
    await call.start();
    await wait(1500);
    await call.end();
    await call.page.reload();
    const again = new CallPage(call.page);
    await again.start();
    await wait(1500);
    await again.end();
    await wait(QUIET_MS);
    expect(checkIns.after(quietMark)).toEqual([]);
    expect(await sessionsOn(HOST)).toHaveLength(1);
    expect(debrief.pageErrors).toEqual([]);
  });
});
