/**
 * The weekly loop around the check-in, in real Chromium: sessions left unanswered can each be
 * skipped or marked not therapy from the popup and from History, and undone; an old one leaves the
 * badge; Ctrl+Enter saves whatever has focus; the new states pass axe in light and dark, en and es.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { badgeText, readSession } from './debrief-state';
import { test } from './fixtures';
import { closeExtension, extensionUrl, launchExtension, openExtensionPage, screenshot, type Debrief } from './harness';
import { makePendingSession, seedRecords } from './records';

const HOUR = 60 * 60_000;
const DAY = 24 * HOUR;

/** Three sessions left unanswered today, and one from five days ago. */
function unanswered(now = Date.now()) {
  return [
    makePendingSession('s-morning', 'doxy-me', 'doxy.me', 6 * HOUR, now),
    makePendingSession('s-noon', 'doxy-me', 'doxy.me', 3 * HOUR, now),
    makePendingSession('s-evening', 'zoom', 'app.zoom.us', HOUR, now),
    makePendingSession('s-old', 'doxy-me', 'doxy.me', 5 * DAY, now),
  ];
}

/** Asks the background to count again, as any page of Debrief's does after a change. */
async function recount(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: object): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'waiting-changed' }));
}

async function expectBadge(page: Page, text: string): Promise<void> {
  await expect.poll(() => badgeText(page), { timeout: 10_000 }).toBe(text);
}

async function seriousViolations(target: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: target }).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

test('three sessions left unanswered: each skipped or marked not therapy from the popup and History, with Undo; an old one is not counted', async ({ debrief }) => {
  await seedRecords(debrief, { sessions: unanswered() });
  const popup = await openExtensionPage(debrief, 'popup.html');
  await recount(popup);
  // Five days old: listed apart, not on the badge (Settings: 3 days).
  await expectBadge(popup, '3');
  await popup.reload();
  const waiting = popup.getByRole('region', { name: 'Waiting for a check-in' });
  const rows = waiting.locator(':scope > ul > li');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(3);
  const older = waiting.locator('details', { hasText: 'Older, not answered (1)' });
  expect(await older.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
  // Rows tell themselves apart: start–end and length (the end dated too when the session spans
  // midnight, as these do when the test runs in the early hours).
  const labels = await rows.locator('span[id]').allTextContents();
  expect(new Set(labels).size).toBe(3);
  for (const label of labels) expect(label).toMatch(/\d:\d\d\s?[AP]?M?\s?–\s?(?:\d{1,2}\/\d{1,2}\/\d{4},\s)?\d{1,2}:\d\d\s[AP]M, 50 min$/);
  await screenshot(popup, 'loop-popup-three-waiting');

  // Not therapy → Undo → the session waits again.
  const evening = rows.filter({ hasText: 'Zoom' });
  await evening.getByRole('button', { name: 'Not therapy' }).click();
  await evening.getByRole('status').filter({ hasText: 'marked as not a therapy session' }).waitFor();
  await expectBadge(popup, '2');
  expect((await readSession(popup, 's-evening'))?.status).toBe('dismissed');
  const more = evening.locator('details.more-choices');
  expect(await more.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
  await more.locator('summary').click();
  await evening.getByRole('button', { name: 'Stop asking on Zoom' }).waitFor();
  await screenshot(popup, 'loop-popup-not-therapy');
  await evening.getByRole('button', { name: 'Undo' }).click();
  await evening.getByRole('button', { name: 'Not therapy' }).waitFor();
  expect((await readSession(popup, 's-evening'))?.status).toBe('pending');
  await expectBadge(popup, '3');

  // Marked again and closed; the next one skipped.
  await evening.getByRole('button', { name: 'Not therapy' }).click();
  await evening.getByRole('button', { name: 'Close' }).click();
  const noon = rows.filter({ hasText: /Doxy\.me/ }).first();
  await noon.getByRole('button', { name: 'Skip' }).click();
  await noon.getByRole('status').filter({ hasText: 'skipped' }).waitFor();
  await expectBadge(popup, '1');

  // The last one from History.
  const history = await openExtensionPage(debrief, 'options.html#/history');
  const historyWaiting = history.getByRole('region', { name: 'Waiting for a check-in' });
  const morning = historyWaiting.locator(':scope > ul > li');
  await morning.first().waitFor();
  expect(await morning.count()).toBe(1);
  await morning.getByRole('button', { name: 'Skip' }).click();
  await morning.getByRole('status').filter({ hasText: 'skipped' }).waitFor();
  await expectBadge(history, '');
  await morning.getByRole('button', { name: 'Undo' }).click();
  await expectBadge(history, '1');
  await morning.getByRole('button', { name: 'Not therapy' }).click();
  await expectBadge(history, '');

  // Set aside, found again in History, and waiting again.
  await history.reload();
  const setAside = history.locator('details', { hasText: 'Not therapy or skipped (3)' });
  await setAside.locator('summary').click();
  await screenshot(history, 'loop-history-set-aside');
  await setAside.getByRole('listitem').filter({ hasText: 'skipped' }).getByRole('button', { name: 'Ask me again' }).click();
  await expectBadge(history, '1');
  expect((await readSession(history, 's-noon'))?.status).toBe('pending');
});

test('after the set number of days a session leaves the badge; a longer setting counts it again', async ({ debrief }) => {
  await seedRecords(debrief, { sessions: unanswered() });
  const settings = await openExtensionPage(debrief, 'options.html#/settings');
  await recount(settings);
  await expectBadge(settings, '3');
  const days = settings.getByRole('spinbutton', { name: /Stop counting a session without a check-in after/ });
  await days.fill('7');
  await expectBadge(settings, '4');
  await days.fill('0');
  await settings.getByRole('alert').filter({ hasText: 'from 1 to 60' }).waitFor();
  await expectBadge(settings, '4');
  await days.fill('1');
  await expectBadge(settings, '3');
});

test('“Not a therapy session” in the check-in window: a confirmation with Undo, Close and More choices; Undo makes it wait again', async ({ debrief }) => {
  await seedRecords(debrief, { sessions: [makePendingSession('s-window')] });
  const page = await openExtensionPage(debrief, 'check-in.html?session=s-window');
  const remind = page.getByRole('button', { name: 'Remind me later', exact: true });
  const notTherapy = page.getByRole('button', { name: 'Not a therapy session', exact: true });
  await notTherapy.waitFor();
  // The quieter of the two ways out.
  const looks = await Promise.all([remind, notTherapy].map((button) => button.evaluate((b) => getComputedStyle(b).borderTopStyle)));
  expect(looks).toEqual(['solid', 'none']);
  await notTherapy.click();
  await page.getByRole('status').filter({ hasText: 'Marked as not a therapy session.' }).waitFor();
  expect((await readSession(page, 's-window'))?.status).toBe('dismissed');
  // The pressed button is gone: focus waits on Undo.
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
  expect(await page.getByRole('button', { name: 'Stop asking on Doxy.me' }).isVisible()).toBe(false);
  await page.getByText('More choices').click();
  await page.getByRole('button', { name: 'Stop asking on Doxy.me' }).waitFor();
  await screenshot(page, 'loop-window-not-therapy');
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('radiogroup', { name: 'Overall', exact: true }).waitFor();
  expect((await readSession(page, 's-window'))?.status).toBe('pending');
});

test('Ctrl+Enter with focus on any button of the check-in saves it and presses nothing else', async ({ debrief }) => {
  const count = 14;
  await seedRecords(debrief, { sessions: Array.from({ length: count }, (_, n) => makePendingSession(`s-key-${n}`)) });
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    const page = await openExtensionPage(debrief, `check-in.html?session=s-key-${n}`);
    await page.getByRole('radiogroup', { name: 'Overall', exact: true }).getByRole('radio', { name: '7', exact: true }).check();
    const buttons = page.locator('button:visible, summary:visible');
    const total = await buttons.count();
    if (n >= total) {
      await page.close();
      break;
    }
    const target = buttons.nth(n);
    names.push((await target.textContent()) ?? '');
    await target.focus();
    await page.keyboard.press('Control+Enter');
    await page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
    expect((await readSession(page, `s-key-${n}`))?.status, `focus on “${names.at(-1)}”`).toBe('answered');
    await page.close();
  }
  console.info(`Ctrl+Enter saved with focus on each of: ${names.join(' | ')}`);
  expect(names).toEqual(expect.arrayContaining(['Remind me later', 'Not a therapy session', 'Save check-in']));
});

describe.each(['en', 'es'] as const)('axe on the new states (%s)', (lang) => {
  it.each(['light', 'dark'] as const)('%s: popup rows, a row set aside, the older list, History’s lists and the window’s confirmation', async (colorScheme) => {
    const debrief: Debrief = await launchExtension({ lang });
    try {
      await seedRecords(debrief, { sessions: [...unanswered(), makePendingSession('s-window')] });
      const problems: string[] = [];
      const check = async (page: Page, what: string) => {
        for (const found of await seriousViolations(page)) problems.push(`${what}: ${found}`);
      };
      const popup = await debrief.context.newPage();
      await popup.emulateMedia({ colorScheme });
      await popup.goto(extensionUrl(debrief.extensionId, 'popup.html'));
      const rows = popup.locator('section.pending > ul > li');
      await rows.first().waitFor();
      await popup.locator('.pending-older summary').click();
      await check(popup, 'popup');
      // The first row is the window's session, left waiting for the window below.
      await rows.nth(1).locator('button').nth(1).click();
      await rows.nth(1).locator('.more-choices summary').click();
      await rows.nth(2).locator('button').nth(2).click();
      await rows.nth(2).getByRole('status').waitFor();
      await check(popup, 'popup, set aside');
      await screenshot(popup, `loop-popup-${lang}-${colorScheme}`);

      const history = await debrief.context.newPage();
      await history.emulateMedia({ colorScheme });
      await history.goto(extensionUrl(debrief.extensionId, 'options.html#/history'));
      await history.locator('.set-aside-list summary').click();
      await history.locator('.pending-older summary').click();
      await check(history, 'history');

      const window = await debrief.context.newPage();
      await window.emulateMedia({ colorScheme });
      await window.goto(extensionUrl(debrief.extensionId, 'check-in.html?session=s-window'));
      await window.locator('.check-in-ways-out button').nth(1).click();
      await window.locator('.more-choices summary').click();
      await window.locator('.set-aside [role=status]').waitFor();
      await check(window, 'check-in window, not therapy');
      await screenshot(window, `loop-window-${lang}-${colorScheme}`);
      expect(problems).toEqual([]);
    } finally {
      await closeExtension(debrief);
    }
  });
});
