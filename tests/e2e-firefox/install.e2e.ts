/**
 * Debrief installed in real Firefox (firefox-esr, temporary add-on): the popup, every options view,
 * the printable summary and a check-in window load with nothing of Debrief's on Firefox's console,
 * and a check-in saved from the popup is listed after a reload.
 */
import type { Page } from 'puppeteer-core';
import { expect, test } from 'vitest';
import { OVERALL, SIGNS } from '../../utils/checkin/instrument';
import { t } from '../../utils/i18n/index.ts';
import { writeRecords } from '../e2e/page-db';
import { makeCheckIns, makeGoal, makePendingSession } from '../e2e/records';
import { dbPage, openWindows } from './debrief';
import { allByRole, byRole, byRoleWithText, textOf } from './dom';
import { sharedFirefox } from './fixtures';
import { consoleProblems, locationOf, extensionUrl, openExtensionPage, reload, screenshot } from './harness';
import { checkInFromPopup } from './check-in';

const shared = sharedFirefox();

test('installs as a temporary add-on; the popup shows Debrief, resolved from its messages', async () => {
  const firefox = shared.get();
  const popup = await openExtensionPage(firefox, 'popup.html');
  await byRole(popup, 'heading', t('app.name'));
  const manifest = await popup.evaluate(async () => (await fetch('/manifest.json')).json());
  expect(manifest).toMatchObject({ manifest_version: 3, browser_specific_settings: { gecko: { id: 'debrief@debrief-checkin.org' } } });
  expect(await locationOf(popup)).toBe(extensionUrl('popup.html'));
  await screenshot(popup, 'popup');
});

test('every options view, the summary and a check-in window load with no error on Firefox’s console', async () => {
  const firefox = shared.get();
  const popup = await openExtensionPage(firefox, 'popup.html');
  await storedCount(popup);
  const pending = makePendingSession('ff-pending');
  await writeRecords(dbPage(popup), { checkIns: makeCheckIns(8), goals: [makeGoal('ff-goal', 'Sleep before midnight')], sessions: [pending] });

  // Every view the options page offers, reached by its own link in the sections navigation, then reloaded.
  const options = await openExtensionPage(firefox, 'options.html');
  const sections = () => byRole(options, 'navigation', t('options.sections'));
  const links = await allByRole(await sections(), 'link');
  expect(links.length).toBeGreaterThanOrEqual(6);
  const views = await Promise.all(links.map(async (link) => ({ name: await textOf(link), href: await link.evaluate((a) => (a as HTMLAnchorElement).href) })));
  for (const view of views) {
    const from = firefox.output.length;
    await (await byRole(await sections(), 'link', view.name)).click();
    await byRole(options, 'heading', view.name);
    expect(await locationOf(options)).toBe(view.href);
    await reload(options);
    await byRole(options, 'heading', view.name);
    expect(await options.title()).toBe(t('options.documentTitle', { view: view.name }));
    // Let the view finish what it loads (charts, lists) before reading the console.
    await new Promise((resolve) => setTimeout(resolve, 400));
    await screenshot(options, `options-${view.name}`);
    expect(consoleProblems(firefox, from), view.name).toEqual([]);
  }
  const history = await openExtensionPage(firefox, 'options.html#/history');
  await byRole(history, 'list', t('history.title'));
  expect(await allByRole(history, 'link')).not.toHaveLength(0);

  const summary = await openExtensionPage(firefox, 'summary.html');
  await byRole(summary, 'heading');
  await screenshot(summary, 'summary');

  const checkIn = await openExtensionPage(firefox, `check-in.html?session=${pending.id}`);
  await byRole(checkIn, 'button', t('checkIn.save'));
  await byRole(checkIn, 'radiogroup', OVERALL.name);
  await screenshot(checkIn, 'check-in');
  expect(await openWindows(firefox)).toHaveLength(1);
});

test('a manual check-in saved from the popup is listed after a reload, in the popup and in history', async () => {
  const firefox = shared.get();
  const before = await storedCount(await openExtensionPage(firefox, 'popup.html'));
  const note = 'Naming the pattern behind my Sunday dread';
  const popup = await checkInFromPopup(firefox, { overall: 7, helpful: note, signs: SIGNS.map((_, i) => 3 + i) });
  await reload(popup);
  await byRoleWithText(popup, 'status', t('popup.stored', before + 1, [String(before + 1)]));

  const history = await openExtensionPage(firefox, 'options.html#/history');
  await reload(history);
  const list = await byRole(history, 'list', t('history.title'));
  await (await byRoleWithText(list, 'link', note)).click();
  const heading = await byRoleWithText(history, 'heading', t('detail.title', { when: '' }));
  expect(await textOf(heading)).not.toBe(t('detail.title', { when: '' }));
  const detail = await history.evaluate(() => document.querySelector('main')?.innerText ?? '');
  expect(detail).toContain(note);
  expect(detail).toContain('7/10');
  await screenshot(history, 'history-entry');
});

/** How many check-ins the popup says are stored (waiting until it has counted them). */
async function storedCount(popup: Page): Promise<number> {
  const status = await byRoleWithText(popup, 'status', /\d+ check-ins? stored/);
  return Number(/(\d+)/.exec(await textOf(status))?.[1]);
}
