/**
 * Settings in real Firefox: values typed into the form are kept across a reload, a value out of
 * range is refused with a message and changes nothing; a site of the person's own is added (its
 * permission granted as Firefox grants it without a prompt for tests), a call there opens the
 * check-in through the content scripts Debrief registers at runtime, and removing it takes the
 * permission back.
 */
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { t } from '../../utils/i18n/index.ts';
import { wait } from '../e2e/call-fixture';
import { readSession } from '../e2e/debrief-state';
import { closeWindows, dbPage, FirefoxCall, nextWindow, openWindows, type ApiWindow } from './debrief';
import { allByRole, byRole, byRoleWithText, fill, valueOf } from './dom';
import { sharedFirefox } from './fixtures';
import { openExtensionPage, reload, screenshot } from './harness';

const shared = sharedFirefox({ grantOptionalPermissions: true });
const HOST = 'video.myclinic.example';

async function openSettings(): Promise<Page> {
  const page = await openExtensionPage(shared.get(), 'options.html#/settings');
  await byRole(page, 'heading', t('options.settings'));
  return page;
}

const field = (page: Page, name: string) => byRole(page, 'spinbutton', name);

test('settings typed into the form are kept across a reload; a length out of range is refused and changes nothing', async () => {
  const settings = await openSettings();
  await fill(await field(settings, t('settings.minLength')), '0');
  await fill(await field(settings, t('settings.reflectAfter')), '0');
  await wait(300);
  await reload(settings);
  await expect.poll(async () => valueOf(await field(settings, t('settings.minLength')))).toBe('0');
  expect(await valueOf(await field(settings, t('settings.reflectAfter')))).toBe('0');

  await fill(await field(settings, t('settings.minLength')), '-1');
  await byRoleWithText(settings, 'alert', t('settings.minError'));
  await reload(settings);
  await expect.poll(async () => valueOf(await field(settings, t('settings.minLength')))).toBe('0');
  await screenshot(settings, 'settings');
});

test('a site of the person’s own: added with its permission, a call there opens the check-in, removed with it', { timeout: 120_000 }, async () => {
  const firefox = shared.get();
  const origins = [`https://${HOST}/*`];
  const hasPermission = (page: Page) => page.evaluate((origins) => (globalThis as unknown as ApiWindow).browser.permissions.contains({ origins }), origins);

  const settings = await openSettings();
  expect(await hasPermission(settings)).toBe(false);
  await fill(await byRole(settings, 'textbox', t('settings.siteAddress')), HOST);
  await (await byRole(settings, 'button', t('settings.addSite'))).click();
  const list = await byRole(settings, 'list', t('settings.ownSites'));
  await byRoleWithText(list, 'listitem', HOST);
  expect(await hasPermission(settings)).toBe(true);

  // Minimum length 0 was kept by the test above; a call on the new site is a session like any other.
  const before = await openWindows(firefox);
  const call = await FirefoxCall.open(firefox, `https://${HOST}/room/weekly`);
  await call.start();
  await wait(1000);
  await call.end();
  const window = await nextWindow(firefox, before);
  expect(await readSession(dbPage(window.page), window.id)).toMatchObject({ host: HOST, status: 'pending', endReason: 'call-ended' });
  await closeWindows(firefox);
  await call.page.close();

  await (await byRole(settings, 'button', t('settings.removeSite', { host: HOST }))).click();
  await expect.poll(async () => (await allByRole(settings, 'list', t('settings.ownSites'))).length).toBe(0);
  expect(await hasPermission(settings)).toBe(false);
});
