/**
 * Notes to bring up, one rule and one list: the popup during a call and the check-in window after
 * it show the same notes, the same words noted twice as one, worded by age; with five notes
 * waiting the first scale is still on the window's first screen; the call's tab hands its
 * "something to bring up" tooltip back when the call ends.
 */
import { expect, it } from 'vitest';
import { emptyNotes, emptyRatings } from '../../utils/checkin/instrument';
import type { CheckIn } from '../../utils/db/schema';
import { examplesOf } from '../../utils/sites/examples';
import { SITES } from '../../utils/sites/registry';
import { storedCheckIn } from '../seed/records';
import { ACTION_POPUP_ARGS, ActionPopup } from './action-popup';
import { CallPage, serveCallPages, wait } from './call-fixture';
import { CheckInWindows, setMinSessionMinutes } from './debrief-state';
import { closeExtension, launchExtension, openExtensionPage, screenshot } from './harness';
import { seedRecords } from './records';

const DAY = 86_400_000;
const FIRST_SCREEN = { width: 440, height: 600 };

/** Six check-ins, newest last: "Ask about sleep" noted twice, so five notes wait. */
function noted(now = Date.now()): CheckIn[] {
  const notes = ['Ask about sleep', 'The argument with my sister', 'How the new job feels', 'ask about sleep', 'Money worries', 'The trip home'];
  return notes.map((nextTime, n) => {
    const createdMs = now - (notes.length - n) * 7 * DAY;
    return storedCheckIn(`noted-${n}`, { createdMs, startedMs: createdMs - 3_600_000, deviceId: 'e2e-device' }, 'doxy-me', {
      ratings: emptyRatings(),
      overall: 6,
      notes: { ...emptyNotes(), nextTime },
      goalProgress: [],
      tags: [],
      provider: '',
    });
  });
}

interface ExtensionApi {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  action: { getTitle(details: { tabId?: number }): Promise<string> };
}

it('the popup during the call and the window after it list the same five notes, two identical ones as one, the first scale still on the first screen', async () => {
  const debrief = await launchExtension({ extraArgs: ACTION_POPUP_ARGS });
  try {
    await serveCallPages(debrief.context);
    await setMinSessionMinutes(debrief, 0);
    await seedRecords(debrief, { checkIns: noted() });
    const windows = new CheckInWindows(debrief.context);
    const reader = await openExtensionPage(debrief, 'popup.html');
    const url = examplesOf(SITES[0]!).testUrls.rooms[0] as string;
    const call = await CallPage.open(debrief.context, url);
    const mark = windows.mark();
    await call.start();
    const titleOfCallTab = () =>
      reader.evaluate(async (callUrl) => {
        const chrome = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
        const [tab] = await chrome.tabs.query({ url: callUrl });
        return tab?.id === undefined ? '(no tab)' : chrome.action.getTitle({ tabId: tab.id });
      }, url);
    await expect.poll(titleOfCallTab, { timeout: 5000 }).toBe('Debrief: something to bring up in this session');

    const popup = await ActionPopup.open(debrief, call.page);
    await wait(3000);
    // Opened through DevTools, the popup's first read can run before the tab counts as active: read it again.
    await popup.run(() => {
      location.reload();
      return true;
    });
    await wait(1000);
    await popup.waitForText('To bring up in this session');
    const inPopup = await popup.run(() => [...document.querySelectorAll('.next-time li')].map((li) => (li.textContent ?? '').trim()));
    await popup.screenshot('bring-up-popup');
    expect(inPopup).toHaveLength(5);
    expect(inPopup[0]).toBe('Last time you wanted to bring up: The trip home');
    expect(inPopup.filter((text) => /sleep/i.test(text))).toEqual([expect.stringMatching(/^From \w{3} \d{1,2}: ask about sleep \(noted 2 times\)$/)]);

    await wait(500);
    await call.end();
    const { page } = await windows.next(mark);
    await page.setViewportSize(FIRST_SCREEN);
    await page.getByRole('list', { name: 'What you wanted to bring up' }).waitFor();
    const inWindow = await page.locator('.bring-up > li > p').allTextContents();
    expect(inWindow.map((text) => text.trim())).toEqual(inPopup);
    // Two on the first screen, the other three one step away.
    expect(await page.locator('.bring-up-block > ul > li').count()).toBe(2);
    expect(await page.getByText('3 more to bring up').isVisible()).toBe(true);
    const firstScale = page.getByRole('radiogroup', { name: 'Overall', exact: true });
    const box = (await firstScale.boundingBox())!;
    console.info(`first scale with five notes waiting: y ${Math.round(box.y)}–${Math.round(box.y + box.height)} of ${FIRST_SCREEN.height}`);
    expect(box.y + box.height).toBeLessThanOrEqual(FIRST_SCREEN.height);
    await screenshot(page, 'bring-up-window-five-notes', { fullPage: false });

    // The call is over: its tab's tooltip no longer says there is something to bring up.
    await expect.poll(titleOfCallTab, { timeout: 5000 }).toBe('Debrief: 1 check-in waiting');
  } finally {
    await closeExtension(debrief);
  }
});
