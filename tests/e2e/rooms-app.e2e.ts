/**
 * Sessions in the Zoom desktop app, in real Chromium: the launch page (zoom.us/j/<id>) of a therapy
 * room taught in Settings records an app session; once the wait (set to 1 minute) is over, the
 * check-in opens the next time the person is active in the browser, never before. A work meeting's
 * launch page leaves nothing.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wait } from './call-fixture';
import { readSessions, type CheckInWindows } from './debrief-state';
import { launchForCalls } from './call-browser';
import { closeExtension, openExtensionPage, type Debrief } from './harness';

const THERAPY_LAUNCH = 'https://us06web.zoom.us/j/88395547586?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1';
const WORK_LAUNCH = 'https://zoom.us/j/1234567890?pwd=test';

type StorageArea = { get(key: string): Promise<Record<string, unknown>> };
type Chrome = { storage: { local: StorageArea; session: StorageArea } };

let debrief: Debrief;
let checkIns: CheckInWindows;
let reader: Page;

beforeAll(async () => {
  ({ debrief, checkIns, reader } = await launchForCalls());
});

afterAll(async () => {
  await closeExtension(debrief);
});

/** App sessions whose time came and that wait for the person (storage.session, read without opening a tab). */
function dueAppSessions(): Promise<unknown> {
  return reader.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.session.get('dueAppSessions')).dueAppSessions ?? []);
}

describe('sessions in the desktop app', () => {
  it('asks about a therapy room’s app session after the wait, once the person is active; a work launch page leaves nothing', async () => {
    // Teach the therapy room in Settings, and wait 1 minute for app sessions.
    const settings = await openExtensionPage(debrief, 'options.html#/settings');
    await settings.getByRole('textbox', { name: 'Paste a meeting link' }).fill(THERAPY_LAUNCH);
    await settings.getByRole('button', { name: 'Add as a therapy room' }).click();
    await settings.getByRole('list', { name: 'Therapy rooms on Zoom' }).waitFor();
    await settings.getByRole('spinbutton', { name: /Ask about sessions in the desktop app/ }).fill('1');
    await expect
      .poll(() => reader.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('appSessionMinutes')).appSessionMinutes))
      .toBe(1);
    await settings.close();

    // The work meeting's launch page, then the therapy room's: the meetings go to the app.
    const work = await debrief.context.newPage();
    await work.goto(WORK_LAUNCH);
    const launch = await debrief.context.newPage();
    const mark = checkIns.mark();
    const openedAt = Date.now();
    await launch.goto(THERAPY_LAUNCH);
    await expect.poll(async () => (await readSessions(reader)).length, { timeout: 10_000 }).toBe(1);
    const [session] = (await readSessions(reader)) as (Awaited<ReturnType<typeof readSessions>>[number] & { app?: boolean; roomKey?: string })[];
    expect(session).toMatchObject({ app: true, platform: 'zoom', roomKey: 'zoom:88395547586', status: 'snoozed', endedMs: null });

    // The wait passes with the person away: nothing opens.
    await expect.poll(dueAppSessions, { timeout: 120_000, interval: 1000 }).toEqual([session!.id]);
    expect(Date.now() - openedAt).toBeGreaterThanOrEqual(55_000);
    await wait(1500);
    expect(checkIns.after(mark)).toEqual([]);

    // Back in the browser: a tab chosen opens the check-in, which says the session ran in the app.
    await work.bringToFront();
    const window = await checkIns.next(mark);
    expect(window.sessionId).toBe(session!.id);
    await window.page.getByText('in the Zoom app · length not known', { exact: false }).waitFor();
    await launch.bringToFront();
    await wait(1500);
    expect(checkIns.after(mark)).toHaveLength(1);

    // The work meeting's launch page left no session, and the popup lists only the therapy one.
    expect((await readSessions(reader)).map((s) => s.id)).toEqual([session!.id]);
    const popup = await openExtensionPage(debrief, 'popup.html');
    await popup.getByRole('region', { name: 'Waiting for a check-in' }).waitFor();
    expect(await popup.getByRole('region', { name: 'Waiting for a check-in' }).getByRole('listitem').count()).toBe(1);
  }, 240_000);
});
