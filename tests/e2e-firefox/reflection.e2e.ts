/**
 * The follow-up reflection in real Firefox, driven as the Chromium suite drives it
 * (tests/e2e/reflection.e2e.ts): saving a check-in plans an alarm (seconds ahead here); when it
 * falls due Firefox wakes the suspended background, which invites once, also when the test fires the
 * same alarm again; the popup's
 * "Reflect on …" opens reflection mode and the answer lands in the history entry.
 */
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { t } from '../../utils/i18n/index.ts';
import { wait } from '../e2e/call-fixture';
import { checkInFromPopup, rate } from './check-in';
import { nextWindow, openWindows, setLocal, type ApiWindow } from './debrief';
import { byRole, byRoleWithText, fill } from './dom';
import { sharedFirefox } from './fixtures';
import { openExtensionPage, screenshot } from './harness';

const HOUR = 3_600_000;
const DUE_MS = 8000;
const TAKEAWAY = 'Breathe out longer than in';
// Suspended between steps, so the alarm must wake it.
const shared = sharedFirefox({ backgroundIdleMs: 1000 });

const reflectionAlarms = (page: Page) =>
  page.evaluate(async () => (await (globalThis as unknown as ApiWindow).browser.alarms.getAll()).filter((alarm) => alarm.name.startsWith('reflect:')));

const notificationIds = (page: Page) => page.evaluate(async () => Object.keys(await (globalThis as unknown as ApiWindow).browser.notifications.getAll()));

/** Moves an alarm to `inMs` from now: how the test fires a planned reflection. */
const fireAlarm = (page: Page, name: string, inMs: number) =>
  page.evaluate((name, inMs) => (globalThis as unknown as ApiWindow).browser.alarms.create(name, { when: Date.now() + inMs }), name, inMs);

test('a reflection falls due, wakes the suspended background, invites once, and is answered from the popup into the history entry', { timeout: 120_000 }, async () => {
  const firefox = shared.get();
  // Due seconds after the check-in instead of a day (the Settings field takes whole hours; the plan is the same code).
  await setLocal(firefox, { reflectionDelayHours: DUE_MS / HOUR });
  const savedAt = Date.now();
  const popup = await checkInFromPopup(firefox, { overall: 8, takeaway: TAKEAWAY });
  const savedBy = Date.now();
  const reader = await openExtensionPage(firefox, 'options.html#/history');

  // Saving planned the follow-up as a browser alarm.
  await expect.poll(() => reflectionAlarms(reader)).toHaveLength(1);
  const [planned] = await reflectionAlarms(reader);
  const checkInId = planned!.name.slice('reflect:'.length);
  expect(planned!.scheduledTime).toBeGreaterThanOrEqual(savedAt + DUE_MS - 1000);
  expect(planned!.scheduledTime).toBeLessThanOrEqual(savedBy + DUE_MS + 1000);
  expect(await notificationIds(reader)).toEqual([]);

  await expect.poll(() => notificationIds(reader), { timeout: DUE_MS + 15_000 }).toEqual([`reflect:${checkInId}`]);
  expect(Date.now()).toBeGreaterThanOrEqual(planned!.scheduledTime);
  await expect.poll(() => reflectionAlarms(reader)).toHaveLength(0);

  // The same alarm again does not invite twice.
  await reader.evaluate((id) => (globalThis as unknown as ApiWindow).browser.notifications.clear(id), `reflect:${checkInId}`);
  await fireAlarm(reader, planned!.name, 500);
  await expect.poll(() => reflectionAlarms(reader), { timeout: 10_000 }).toHaveLength(0);
  await wait(1500);
  expect(await notificationIds(reader)).toEqual([]);

  // The popup offers it; its button opens the reflection window.
  await popup.close();
  const again = await openExtensionPage(firefox, 'popup.html');
  const waiting = await byRole(again, 'region', t('popup.reflectHeading'));
  const before = await openWindows(firefox);
  // The entry shows the check-in's label; its button is named after it.
  const entry = await byRoleWithText(waiting, 'listitem', t('common.manualCheckIn'));
  const label = await entry.$eval('span', (span) => span.textContent ?? '');
  await (await byRole(waiting, 'button', t('popup.reflectOn', { label }))).click();
  const window = await nextWindow(firefox, before);
  expect(window).toMatchObject({ kind: 'reflect', id: checkInId });

  await byRole(window.page, 'heading', t('reflection.heading'));
  // The takeaway is shown back to the person, here only.
  await expect.poll(() => window.page.evaluate(() => document.body.innerText)).toContain(TAKEAWAY);
  await rate(window.page, t('reflection.name'), 6);
  await fill(await byRole(window.page, 'textbox', t('reflection.stayed')), 'I breathed out slowly before the meeting');
  await (await byRole(window.page, 'button', t('reflection.save'))).click();
  await byRoleWithText(window.page, 'status', t('reflection.saved'));
  await screenshot(window.page, 'reflection-saved');

  const history = await openExtensionPage(firefox, 'options.html#/history');
  await (await byRole(await byRole(history, 'list', t('history.title')), 'link')).click();
  const section = await byRole(history, 'region', t('detail.reflection'));
  const text = await section.evaluate((node) => (node as HTMLElement).innerText);
  expect(text).toContain('6/10');
  expect(text).toContain('I breathed out slowly before the meeting');
});
