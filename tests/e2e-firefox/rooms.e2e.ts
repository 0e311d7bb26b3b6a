/**
 * A shorter week of calls in real Firefox, as tests/e2e/rooms.e2e.ts has it in Chromium: real
 * WebRTC calls at real room addresses. Therapy checked in on one Zoom meeting makes it a therapy
 * room; after one "Not a therapy session → On <platform>, ask only in my therapy rooms" answer on
 * Meet and on Zoom, the next work call on Meet opens no window but waits in the popup with its
 * platform and time, while the next call in the therapy room opens the window by itself.
 */
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { formatTime } from '../../utils/checkin/format';
import { t } from '../../utils/i18n/index.ts';
import { googleMeet } from '../../utils/sites/platforms/google-meet';
import { zoom } from '../../utils/sites/platforms/zoom';
import { wait } from '../e2e/call-fixture';
import { readSession } from '../e2e/debrief-state';
import { answerCheckIn } from './check-in';
import { dbPage, FirefoxCall, nextWindow, openWindows, setLocal, type ApiWindow, type OpenedWindow } from './debrief';
import { allByRole, byName, byRole, byRoleWithText, textOf } from './dom';
import { sharedFirefox } from './fixtures';
import { openExtensionPage, reload, type Firefox } from './harness';

/** How long "nothing opens" is watched for after a call ends. */
const QUIET_MS = 4000;

const THERAPY = 'https://app.zoom.us/wc/81234567890/join';
const STANDUP = 'https://meet.google.com/abc-mnop-xyz';
const REVIEW = 'https://meet.google.com/jfz-atvy-hrh';
const ALL_HANDS = 'https://us02web.zoom.us/wc/join/93322114455';
/** The work calls that teach each platform, with its name. */
const TEACHING: [url: string, platform: string][] = [
  [STANDUP, googleMeet.name],
  [ALL_HANDS, zoom.name],
];

interface Call {
  /** The check-in window the call opened, or null when none did. */
  window: OpenedWindow | null;
  /** When the call was hung up: the minutes it may show as its end. */
  endedBetween: [number, number];
}

/** A real call at `url`, connected and hung up, then watched for the window it opens (at most one). */
async function callAt(firefox: Firefox, url: string): Promise<Call> {
  const before = await openWindows(firefox);
  const call = await FirefoxCall.open(firefox, url);
  await call.start();
  await wait(300);
  const hangingUp = Date.now();
  await call.end();
  const endedBetween: [number, number] = [hangingUp, Date.now()];
  const window = await nextWindow(firefox, before, QUIET_MS).catch(() => null);
  await wait(500);
  const fresh = (await openWindows(firefox)).filter((opened) => !before.some((old) => old.page === opened.page));
  expect(fresh.map(({ id }) => id)).toEqual(window ? [window.id] : []);
  await call.page.close();
  return { window, endedBetween };
}

/** "Not a therapy session", then "On <platform>, ask only in my therapy rooms" under More choices; returns what the window says it did. */
async function therapyRoomsOnly(page: Page, platform: string): Promise<string> {
  await (await byRole(page, 'button', t('checkIn.notTherapy'))).click();
  const group = await byRole(page, 'group', t('checkIn.notTherapy'));
  // "More choices" is a disclosure (<details>), opened by its summary.
  await (await byName(page, t('setAside.moreChoices'))).click();
  await (await byRole(group, 'button', t('checkIn.choice.therapyRoomsOnly', { platform }))).click();
  const status = await byRoleWithText(group, 'status', t('checkIn.chosen.therapyRoomsOnly', { platform }));
  const said = await textOf(status);
  await page.close();
  return said;
}

/** The rows of the popup's "Calls Debrief did not ask about" (none when the section is absent). */
async function quietRows(popup: Page): Promise<string[]> {
  const [section] = await allByRole(popup, 'region', t('popup.quietHeading'));
  if (!section) return [];
  return Promise.all((await allByRole(section, 'listitem')).map(textOf));
}

const badgeText = (page: Page) => page.evaluate(() => (globalThis as unknown as ApiWindow).browser.action.getBadgeText({}));
const notificationIds = (page: Page) => page.evaluate(async () => Object.keys(await (globalThis as unknown as ApiWindow).browser.notifications.getAll()));

describe('a week of calls in Firefox', () => {
  const shared = sharedFirefox();

  it('asks after therapy and not after work, once taught one answer per platform', { timeout: 120_000 }, async () => {
    const firefox = shared.get();
    await setLocal(firefox, { minSessionMinutes: 0 });

    // Monday: therapy on Zoom opens the window; the check-in saved makes its meeting a therapy room.
    const therapy = await callAt(firefox, THERAPY);
    expect(therapy.window).not.toBeNull();
    await answerCheckIn(therapy.window!.page, { overall: 8 });
    await therapy.window!.page.close();

    // Tuesday: a work meeting on Meet, then one on Zoom, each opens the window; one answer per platform teaches it.
    for (const [url, platform] of TEACHING) {
      const work = await callAt(firefox, url);
      expect(work.window).not.toBeNull();
      expect(await therapyRoomsOnly(work.window!.page, platform)).toContain(t('checkIn.chosen.therapyRoomsOnly', { platform }));
    }

    // Wednesday: another work meeting on Meet opens nothing and notifies nothing.
    const popup = await openExtensionPage(firefox, 'popup.html');
    const notifiedBefore = await notificationIds(popup);
    const review = await callAt(firefox, REVIEW);
    expect(review.window).toBeNull();
    expect(await notificationIds(popup)).toEqual(notifiedBefore);

    // It waits in the popup with its platform and the time it ended, and is not counted on the badge.
    await reload(popup);
    const rows = await quietRows(popup);
    expect(rows).toHaveLength(1);
    const endTimes = review.endedBetween.map((ms) => formatTime(ms, 'en-US'));
    expect(rows[0]).toMatch(new RegExp(`^A \\d+-minute call on ${googleMeet.name} ended at (${endTimes.join('|')})`));
    expect(await badgeText(popup)).toBe('');
    await popup.close();

    // Friday: the next call in the therapy room opens the window by itself, Zoom asking only in therapy rooms now.
    const again = await callAt(firefox, THERAPY);
    expect(again.window).not.toBeNull();
    expect(await readSession(dbPage(again.window!.page), again.window!.id)).toMatchObject({ platform: zoom.id, status: 'pending' });
    await again.window!.page.close();
  });
});
