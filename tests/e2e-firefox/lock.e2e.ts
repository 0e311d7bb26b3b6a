/**
 * The lock's core path in real Firefox: set in Settings, "Lock now" from the popup, a check-in saved
 * while locked with no passphrase and sealed in IndexedDB, History asking to unlock (a wrong
 * passphrase refused with an alert), the right passphrase showing the entry.
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { CheckIn } from '../../utils/db/schema';
import { t } from '../../utils/i18n/index.ts';
import { readStore } from '../e2e/page-db';
import { checkInFromPopup } from './check-in';
import { dbPage } from './debrief';
import { byRole, byRoleWithText, fill } from './dom';
import { test } from './fixtures';
import { openExtensionPage, screenshot } from './harness';

const PASSPHRASE = 'blue kettle at dawn';
const NOTE = 'Naming the pattern behind my Sunday dread';

/** A password field found by its label's text (its accessible role differs between engines). */
async function passwordField(page: Page, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    for (const input of (await page.$$('input[type=password]')) as ElementHandle<HTMLInputElement>[]) {
      if ((await input.evaluate((field) => field.labels?.[0]?.textContent)) === label) return input;
    }
    if (Date.now() > deadline) throw new Error(`no password field labelled ${label}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('the lock in Firefox: set, locked, a check-in saved with no passphrase and sealed, unlocked only by the passphrase', { timeout: 180_000 }, async ({ firefox }) => {
  const settings = await openExtensionPage(firefox, 'options.html#/settings');
  await (await byRole(settings, 'button', t('lock.turnOn'))).click();
  await fill(await passwordField(settings, t('lock.passphrase')), PASSPHRASE);
  await fill(await passwordField(settings, t('lock.passphraseAgain')), PASSPHRASE);
  await (await byRole(settings, 'button', t('lock.set'))).click();
  await byRole(settings, 'heading', t('lock.recoveryHeading'), 30_000);
  await (await byRole(settings, 'button', t('lock.recoverySaved'))).click();

  const popup = await openExtensionPage(firefox, 'popup.html');
  await (await byRole(popup, 'button', t('lock.lockNow'))).click();
  await checkInFromPopup(firefox, { overall: 7, helpful: NOTE });

  const stored = await readStore<CheckIn>(dbPage(popup), 'checkIns');
  expect(stored).toHaveLength(1);
  expect(JSON.stringify(stored)).not.toContain('Sunday');
  expect([stored[0]?.overall, typeof stored[0]?.sealed]).toEqual([null, 'string']);

  const history = await openExtensionPage(firefox, 'options.html#/history');
  await byRole(history, 'heading', t('lock.unlockHeading'));
  const secret = await passwordField(history, t('lock.secret'));
  await fill(secret, 'blue kettle at dusk');
  await (await byRole(history, 'button', t('lock.unlock'))).click();
  await byRoleWithText(history, 'alert', t('lock.wrong'), 30_000);
  await fill(secret, PASSPHRASE);
  await (await byRole(history, 'button', t('lock.unlock'))).click();
  const list = await byRole(history, 'list', t('history.title'), 30_000);
  await byRoleWithText(list, 'link', NOTE);
  await screenshot(history, 'lock-history-unlocked');
});
