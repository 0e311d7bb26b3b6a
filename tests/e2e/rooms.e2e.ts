/**
 * A week of calls as a new user has them, in real Chromium with real WebRTC calls at real room
 * addresses: therapy in one Zoom meeting, work in Google Meet and Zoom meetings (some repeated).
 * After one "Not a therapy session → ask only in my therapy rooms" per platform, work calls open no
 * window and wait quietly in the popup; every therapy call opens one. A muted meeting stays silent;
 * a new therapist's first session, checked in from the popup, teaches its room.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CallPage, wait } from './call-fixture';
import { readSessions, type CheckInWindow, type CheckInWindows } from './debrief-state';
import { launchForCalls } from './call-browser';
import { closeExtension, openExtensionPage, screenshot, type Debrief } from './harness';

/** How long "nothing opens" is watched for after a call ends. */
const QUIET_MS = 2500;

const THERAPY = 'https://app.zoom.us/wc/81234567890/join';
const NEW_THERAPIST = 'https://zoom.us/wc/join/5551234567';
const WORK = {
  standup: 'https://meet.google.com/abc-mnop-xyz',
  review: 'https://meet.google.com/jfz-atvy-hrh',
  oneOnOne: 'https://meet.google.com/kdq-rvwm-pzt',
  allHands: 'https://us02web.zoom.us/wc/join/93322114455',
  client: 'https://zoom.us/wc/join/0123456789',
};
const FAMILY = 'https://meet.jit.si/GarciaFamilySunday';

let debrief: Debrief;
let checkIns: CheckInWindows;
let reader: Page;

beforeAll(async () => {
  ({ debrief, checkIns, reader } = await launchForCalls());
});

afterEach(async ({ task }) => {
  if (task.result?.state === 'fail') {
    for (const [index, page] of debrief.context.pages().entries()) await screenshot(page, `rooms-failed-${index}`).catch(() => undefined);
  }
});

afterAll(async () => {
  await closeExtension(debrief);
});

/** A real call at `url`, connected and hung up; resolves with the window it opened, or null when none did. */
async function callAt(url: string): Promise<CheckInWindow | null> {
  const mark = checkIns.mark();
  const call = await CallPage.open(debrief.context, url);
  await call.start();
  await wait(300);
  await call.end();
  const window = await checkIns.next(mark, QUIET_MS).catch(() => null);
  await wait(300);
  expect(checkIns.after(mark).length).toBe(window ? 1 : 0);
  await call.page.close();
  return window;
}

/** "Not a therapy session", then one lasting choice under More choices; returns the status it says. */
async function notTherapy(window: CheckInWindow, choice: string): Promise<string> {
  await window.page.getByRole('button', { name: 'Not a therapy session' }).click();
  const group = window.page.getByRole('group', { name: 'Not a therapy session' });
  await group.getByText('More choices').click();
  await group.getByRole('button', { name: choice }).click();
  const status = group.getByRole('status');
  // The status first says the session was marked; the choice's own words replace it.
  await status.filter({ hasNotText: 'Marked as not a therapy session' }).waitFor();
  const said = (await status.textContent()) ?? '';
  await window.page.close();
  return said;
}

async function saveCheckIn(page: Page): Promise<void> {
  await page.getByRole('radiogroup', { name: 'Overall', exact: true }).getByRole('radio', { name: '8', exact: true }).check();
  await page.getByRole('button', { name: 'Save check-in' }).click();
  await page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
  await page.close();
}

async function quietRows(): Promise<string[]> {
  const popup = await openExtensionPage(debrief, 'popup.html');
  // The popup draws its lists once it has read the database, when it says how many check-ins are stored.
  await popup.getByRole('status').filter({ hasText: /stored/ }).first().waitFor();
  const section = popup.getByRole('region', { name: 'Calls Debrief did not ask about' });
  const rows = await section.getByRole('listitem').allTextContents().catch(() => []);
  await popup.close();
  return rows;
}

describe('a week of calls', () => {
  it('asks after therapy and not after work, once taught one answer per platform', async () => {
    const windows: Record<string, boolean> = {};
    const record = async (name: string, url: string) => {
      const window = await callAt(url);
      windows[name] = window !== null;
      return window;
    };

    // Monday: a work meeting on Meet opens the window; one answer teaches Meet.
    const standup = await record('Mon standup (Meet)', WORK.standup);
    expect(await notTherapy(standup!, 'On Google Meet, ask only in my therapy rooms')).toMatch(/On Google Meet, Debrief now asks only in your therapy rooms/);
    // Tuesday: therapy on Zoom, checked in: its meeting becomes a therapy room.
    await saveCheckIn((await record('Tue therapy (Zoom)', THERAPY))!.page);
    // A work meeting on Zoom: one answer teaches Zoom.
    const allHands = await record('Tue all-hands (Zoom)', WORK.allHands);
    await notTherapy(allHands!, 'On Zoom, ask only in my therapy rooms');
    // The rest of the week.
    await record('Wed review (Meet)', WORK.review);
    await record('Wed standup (Meet)', WORK.standup);
    await record('Thu client call (Zoom)', WORK.client);
    await record('Thu 1:1 (Meet)', WORK.oneOnOne);
    const therapy = await record('Fri therapy (Zoom)', THERAPY);
    await saveCheckIn(therapy!.page);
    await record('Fri all-hands (Zoom)', WORK.allHands);

    expect(windows).toEqual({
      'Mon standup (Meet)': true,
      'Tue therapy (Zoom)': true,
      'Tue all-hands (Zoom)': true,
      'Wed review (Meet)': false,
      'Wed standup (Meet)': false,
      'Thu client call (Zoom)': false,
      'Thu 1:1 (Meet)': false,
      'Fri therapy (Zoom)': true,
      'Fri all-hands (Zoom)': false,
    });

    // Every silent call waits in the popup with its platform and time, and none is on the badge.
    const rows = await quietRows();
    expect(rows).toHaveLength(5);
    for (const row of rows) expect(row).toMatch(/^A \d+-minute call on (Zoom|Google Meet) ended at \d{1,2}:\d{2}/);
    expect(rows.filter((row) => row.includes('on Zoom'))).toHaveLength(2);
    expect(await reader.evaluate(async () => (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } }).chrome.action.getBadgeText({}))).toBe('');
  });

  it('keeps a muted meeting silent, with nothing left of its next call', async () => {
    const first = await callAt(FAMILY);
    expect(await notTherapy(first!, "Don't ask about this meeting again")).toMatch(/will not ask about this meeting again/);
    const before = (await readSessions(reader)).length;
    expect(await callAt(FAMILY)).toBeNull();
    expect((await readSessions(reader)).length).toBe(before);
    expect((await quietRows()).some((row) => row.includes('Jitsi'))).toBe(false);
  });

  it("checks in a new therapist's first session from the popup; the next call in that room opens the window", async () => {
    expect(await callAt(NEW_THERAPIST)).toBeNull();
    const popup = await openExtensionPage(debrief, 'popup.html');
    const section = popup.getByRole('region', { name: 'Calls Debrief did not ask about' });
    const mark = checkIns.mark();
    // Newest first: the call just ended.
    await section.getByRole('listitem').first().getByRole('button', { name: /^Check in on Zoom/ }).click();
    const window = await checkIns.next(mark);
    await saveCheckIn(window.page);
    expect(await callAt(NEW_THERAPIST)).not.toBeNull();
  });
});
