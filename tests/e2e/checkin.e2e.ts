import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { OVERALL, SIGNS } from '../../utils/checkin/instrument';
import { test } from './fixtures';
import { openExtensionPage, restart, screenshot, type Debrief, showMoreNotes } from './harness';

/** Rates one sign (or Overall) by clicking the radio named with the number, as a person would. */
async function rate(page: Page, signName: string, value: number): Promise<void> {
  await page
    .getByRole('radiogroup', { name: signName, exact: true })
    .getByRole('radio', { name: String(value), exact: true })
    .check();
}

async function openPopupCheckIn(debrief: Debrief): Promise<Page> {
  const popup = await openExtensionPage(debrief, 'popup.html');
  await popup.getByRole('button', { name: 'Start a manual check-in' }).click();
  await popup.getByRole('button', { name: 'Save check-in' }).waitFor();
  return popup;
}

async function storedCount(page: Page): Promise<string> {
  return (await page.getByText(/\d+ check-ins? stored/).textContent()) ?? '';
}

async function savedConfirmation(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
}

test('a manual check-in saved from the popup survives a browser restart and is listed in history', async ({ debrief }) => {
  const popup = await openExtensionPage(debrief, 'popup.html');
  await expect.poll(() => storedCount(popup)).toBe('0 check-ins stored');
  await popup.getByRole('button', { name: 'Start a manual check-in' }).click();

  for (const [index, sign] of SIGNS.entries()) await rate(popup, sign.name, 4 + index);
  await rate(popup, OVERALL.name, 7);
  await showMoreNotes(popup);
  await popup.getByLabel('Most helpful moment').fill('Naming the pattern behind my Sunday dread');
  await popup.getByLabel('To bring up next time').fill('The argument with my sister');
  await popup.getByRole('button', { name: 'Save check-in' }).click();

  await savedConfirmation(popup);
  await expect.poll(() => storedCount(popup)).toBe('1 check-in stored');
  await screenshot(popup, 'checkin-popup-saved');

  await restart(debrief);

  const popupAgain = await openExtensionPage(debrief, 'popup.html');
  await expect.poll(() => storedCount(popupAgain)).toBe('1 check-in stored');
  const [options] = await Promise.all([
    debrief.context.waitForEvent('page', { predicate: (page) => page.url().includes('/options.html') }),
    popupAgain.getByRole('link', { name: 'Open history' }).click(),
  ]);
  const entry = options.getByRole('listitem').filter({ hasText: 'Overall 7/10' });
  await entry.waitFor();
  expect(await entry.count()).toBe(1);
  const text = await entry.textContent();
  expect(text).toContain('Manual');
  expect(text).toContain('Naming the pattern behind my Sunday dread');
  await screenshot(options, 'checkin-history-after-restart');
});

describe('a check-in closed mid-sentence reopens with every character', () => {
  const halfSentence = 'I want to talk about the way my mum says “fine” — and what I';
  test.for([
    { page: 'popup.html', start: (popup: Page) => popup.getByRole('button', { name: 'Start a manual check-in' }).click() },
    { page: 'check-in.html', start: async () => undefined },
  ])('in $page', async ({ page: path, start }, { debrief }) => {
    const first = await openExtensionPage(debrief, path);
    await start(first);
    await rate(first, 'Trust and rapport', 8);
    // 10 ms a key is far faster than anyone types; the page closes right after the last one.
    await first.getByLabel('To bring up next time').pressSequentially(halfSentence, { delay: 10 });
    await first.close();

    const reopened = await openExtensionPage(debrief, path);
    const note = reopened.getByLabel('To bring up next time');
    await note.waitFor();
    expect(await note.inputValue()).toBe(halfSentence);
    const trust = reopened.getByRole('radiogroup', { name: 'Trust and rapport', exact: true });
    expect(await trust.getByRole('radio', { name: '8', exact: true }).isChecked()).toBe(true);
  });
});

test('Ctrl+Enter saves the check-in, and the next one starts empty', async ({ debrief }) => {
  const popup = await openPopupCheckIn(debrief);
  await rate(popup, OVERALL.name, 4);
  await showMoreNotes(popup);
  const takeaway = popup.getByLabel('One thing to take with me');
  await takeaway.fill('Breathe out longer than in');
  await takeaway.press('Control+Enter');

  await savedConfirmation(popup);
  await expect.poll(() => storedCount(popup)).toBe('1 check-in stored');

  await popup.reload();
  await popup.getByRole('button', { name: 'Start a manual check-in' }).click();
  expect(await popup.getByLabel('One thing to take with me').inputValue()).toBe('');
  const overall = popup.getByRole('radiogroup', { name: OVERALL.name, exact: true });
  expect(await overall.getByRole('radio', { checked: true }).count()).toBe(0);
});
