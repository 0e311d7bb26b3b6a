/**
 * The minute after a session (issue 11): the check-in window a detected call opens, at the
 * 440×600 it has inside, says everything about the moment on its first screen; an overall
 * rating alone takes two clicks; an empty save answers where the eye is; "Remind me later" says
 * when and the popup lists the session with that time; a note to bring up next time comes back
 * in the next session's check-in and on the badge while that session runs.
 */
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { examplesOf } from '../../utils/sites/examples';
import { SITES } from '../../utils/sites/registry';
import { CallPage, serveCallPages, wait } from './call-fixture';
import { CheckInWindows, setMinSessionMinutes } from './debrief-state';
import { test } from './fixtures';
import { closeExtension, extensionUrl, launchExtension, openExtensionPage, screenshot, type Debrief } from './harness';
import { makeCheckIns, makePendingSession, seedRecords } from './records';
import { readStore } from './page-db';
import type { CheckIn } from '../../utils/db/schema';

const FIRST_SCREEN = { width: 440, height: 600 };

/** The slice of the extension API read from an extension page. */
interface ExtensionApi {
  tabs: { query(query: { url: string }): Promise<{ id?: number }[]> };
  action: { getBadgeText(details: { tabId?: number }): Promise<string> };
}
const [first, second] = SITES;

/** A real call at `site`'s room URL, hung up after a second; resolves with the check-in window it opens. */
async function detectedCheckIn(debrief: Debrief, windows: CheckInWindows, site = first!): Promise<{ page: Page; sessionId: string }> {
  const call = await CallPage.open(debrief.context, examplesOf(site).testUrls.rooms[0] as string);
  const mark = windows.mark();
  await call.start();
  await wait(1000);
  await call.end();
  const { page, sessionId } = await windows.next(mark);
  await page.setViewportSize(FIRST_SCREEN);
  await page.getByRole('button', { name: 'Save check-in' }).waitFor();
  return { page, sessionId };
}

async function setUp(debrief: Debrief): Promise<CheckInWindows> {
  await serveCallPages(debrief.context);
  await setMinSessionMinutes(debrief, 0);
  return new CheckInWindows(debrief.context);
}

/** Fails unless the element lies wholly inside the page's viewport. */
async function expectOnFirstScreen(page: Page, locator: Locator, what: string): Promise<void> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, `${what} is not rendered`).not.toBeNull();
  const inside = box!.y >= 0 && box!.x >= 0 && box!.y + box!.height <= viewport.height && box!.x + box!.width <= viewport.width;
  expect(inside, `${what} at ${JSON.stringify(box)} is outside ${viewport.width}×${viewport.height}`).toBe(true);
}

test('a detected call’s check-in shows the session, “optional”, both ways out and the first scales on its first screen; overall alone takes two clicks', async ({ debrief }) => {
  const windows = await setUp(debrief);
  const { page, sessionId } = await detectedCheckIn(debrief, windows);
  expect(await page.evaluate(() => scrollY)).toBe(0);

  await expectOnFirstScreen(page, page.locator('p', { hasText: `${first!.name} ·` }).first(), 'the session line');
  await expectOnFirstScreen(page, page.getByText('Every question is optional.', { exact: true }), 'the optional line');
  await expectOnFirstScreen(page, page.getByRole('button', { name: 'Remind me later', exact: true }), 'Remind me later');
  await expectOnFirstScreen(page, page.getByRole('button', { name: 'Not a therapy session', exact: true }), 'Not a therapy session');
  const scales = page.getByRole('radiogroup');
  for (const name of ['Overall', 'Emotional release', 'Self-awareness', 'Trust and rapport']) {
    await expectOnFirstScreen(page, scales.filter({ has: page.getByText(name, { exact: true }) }), `the ${name} scale`);
  }
  await expectOnFirstScreen(page, page.getByRole('button', { name: 'Save check-in' }), 'Save check-in');
  // No "Clear" stands in the way before anything is rated.
  expect(await page.getByRole('button', { name: /^Clear / }).count()).toBe(0);
  const formHeight = await page.getByRole('form', { name: 'Check-in' }).evaluate((form) => form.getBoundingClientRect().height);
  console.log(`check-in form height at 440×600: ${Math.round(formHeight)} px`);
  await screenshot(page, 'checkin-first-screen-en', { fullPage: false });

  // An empty save is refused beside the button, in words that agree with "optional".
  await page.getByRole('button', { name: 'Save check-in' }).click();
  const refused = page.getByRole('alert');
  await refused.waitFor();
  expect(await refused.textContent()).toContain('Every question is optional');
  await expectOnFirstScreen(page, refused, 'the empty-save message');

  let interactions = 0;
  await page.getByRole('radiogroup', { name: 'Overall', exact: true }).getByRole('radio', { name: '7', exact: true }).check();
  interactions++;
  await page.getByRole('button', { name: 'Save check-in' }).click();
  interactions++;
  await page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
  expect(interactions).toBeLessThanOrEqual(3);
  expect(await page.getByRole('alert').count()).toBe(0);
  await expectOnFirstScreen(page, page.getByRole('button', { name: 'Close' }), 'Close after saving');

  const reader = await openExtensionPage(debrief, 'popup.html');
  const saved = (await readStore<CheckIn>(reader, 'checkIns')).filter((checkIn) => checkIn.sessionId === sessionId);
  expect(saved).toMatchObject([{ sessionId, overall: 7, platform: first!.id }]);
});

test('“Remind me later” says when, and the popup lists the session with that time', async ({ debrief }) => {
  const windows = await setUp(debrief);
  const { page } = await detectedCheckIn(debrief, windows);
  await page.getByRole('button', { name: 'Remind me later', exact: true }).click();
  const said = await page.getByRole('status').filter({ hasText: 'I’ll ask again at' }).textContent();
  const time = /I’ll ask again at (\d{1,2}:\d{2}\s[AP]M)/.exec(said ?? '')?.[1];
  expect(time, `no time in “${said}”`).toBeTruthy();
  await screenshot(page, 'checkin-remind-later');

  const popup = await openExtensionPage(debrief, 'popup.html');
  const waiting = popup.getByRole('region', { name: 'Waiting for a check-in' });
  const item = waiting.getByRole('listitem').filter({ hasText: first!.name });
  await item.waitFor();
  expect(await item.textContent()).toContain(`I’ll ask again at ${time}`);
  await item.getByRole('button', { name: new RegExp(`^Check in on ${first!.name}`) }).waitFor();
  // Checking in on this session and a check-in tied to none never share a name.
  expect(await popup.getByRole('button', { name: 'Start a manual check-in', exact: true }).count()).toBe(1);
  expect(await popup.getByRole('button', { name: /Check in now/ }).count()).toBe(0);
  await screenshot(popup, 'popup-snoozed');
});

test('first run: the popup says when Debrief will ask and links to Settings and History; its check-in ends in the window’s done state', async ({ debrief }) => {
  const first = await openExtensionPage(debrief, 'popup.html');
  const intro = first.getByText(/^After a video call of 10 minutes or more on /);
  await intro.waitFor();
  for (const site of SITES) expect(await intro.textContent()).toContain(site.name);
  const links = first.getByRole('navigation', { name: 'Debrief pages' });
  await links.getByRole('link', { name: 'Open history' }).waitFor();
  await links.getByRole('link', { name: 'Settings' }).waitFor();
  await screenshot(first, 'popup-first-run');
  const [settings] = await Promise.all([
    debrief.context.waitForEvent('page', { predicate: (page) => page.url().endsWith('/options.html#/settings') }),
    first.getByRole('link', { name: 'Change this in Settings.' }).click(),
  ]);
  await settings.getByRole('spinbutton', { name: /Minimum session length/ }).waitFor();

  const popup = await openExtensionPage(debrief, 'popup.html');
  await popup.getByRole('button', { name: 'Start a manual check-in' }).click();
  await popup.getByRole('radiogroup', { name: 'Overall', exact: true }).getByRole('radio', { name: '6', exact: true }).check();
  await popup.getByRole('button', { name: 'Save check-in' }).click();
  const done = popup.getByRole('status').filter({ hasText: 'Check-in saved' });
  await done.waitFor();
  await expectOnFirstScreen(popup, done, 'Check-in saved');
  const close = popup.getByRole('button', { name: 'Close' });
  await expectOnFirstScreen(popup, close, 'Close');
  expect(await close.evaluate((button) => button === document.activeElement)).toBe(true);
  expect(await popup.getByRole('button', { name: 'Save check-in' }).count()).toBe(0);
});

test('a note to bring up, saved after session 1, marks session 2 on the badge and comes back in its check-in; “I did” clears it', async ({ debrief }) => {
  const windows = await setUp(debrief);
  const note = 'The argument with my sister';
  const one = await detectedCheckIn(debrief, windows, first);
  await one.page.getByRole('radiogroup', { name: 'Overall', exact: true }).getByRole('radio', { name: '6', exact: true }).check();
  await one.page.getByLabel('To bring up next time').fill(note);
  await one.page.getByRole('button', { name: 'Save check-in' }).click();
  await one.page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();
  await one.page.close();

  // Session 2, on another platform in another tab: while it runs, its tab's badge says a note waits.
  const reader = await openExtensionPage(debrief, 'popup.html');
  const url = examplesOf(second!).testUrls.rooms[0] as string;
  const call = await CallPage.open(debrief.context, url);
  const mark = windows.mark();
  await call.start();
  const badgeOfCallTab = () =>
    reader.evaluate(async (callUrl) => {
      const chrome = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
      const [tab] = await chrome.tabs.query({ url: callUrl });
      return tab?.id === undefined ? '(no tab)' : chrome.action.getBadgeText({ tabId: tab.id });
    }, url);
  await expect.poll(badgeOfCallTab, { timeout: 5000 }).toBe('↑');
  // Elsewhere the badge keeps its own meaning (check-ins waiting: none).
  expect(await reader.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.action.getBadgeText({}))).toBe('');

  await wait(500);
  await call.end();
  const { page: two } = await windows.next(mark);
  await two.setViewportSize(FIRST_SCREEN);
  const waiting = two.getByRole('list', { name: 'What you wanted to bring up' });
  await waiting.waitFor();
  expect(await waiting.textContent()).toContain(`Last time you wanted to bring up: ${note}`);
  await screenshot(two, 'checkin-bring-up', { fullPage: false });
  await two.getByRole('button', { name: `I did: ${note}` }).click();
  await expect.poll(() => waiting.count()).toBe(0);

  const [stored] = await readStore<CheckIn>(reader, 'checkIns');
  expect(stored).toMatchObject({ notes: expect.objectContaining({ nextTime: note }), nextTimeDone: true });
});

test('dark: the first screen of a session’s check-in', async ({ debrief }) => {
  await seedRecords(debrief, { sessions: [makePendingSession('dark-session')] });
  const page = await debrief.context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize(FIRST_SCREEN);
  await page.goto(extensionUrl(debrief.extensionId, 'check-in.html?session=dark-session'));
  await page.getByRole('button', { name: 'Remind me later' }).waitFor();
  await expectOnFirstScreen(page, page.getByRole('button', { name: 'Not a therapy session', exact: true }), 'Not a therapy session');
  await screenshot(page, 'checkin-first-screen-dark', { fullPage: false });
});

test('in Spanish: the check-in’s first screen and an entry whose long labels keep their values in line', async () => {
  const spanish = await launchExtension({ lang: 'es' });
  try {
    const [entry] = makeCheckIns(1);
    await seedRecords(spanish, { sessions: [makePendingSession('es-session')], checkIns: [entry!] });
    const page = await spanish.context.newPage();
    await page.setViewportSize(FIRST_SCREEN);
    await page.goto(extensionUrl(spanish.extensionId, 'check-in.html?session=es-session'));
    await page.getByRole('button', { name: 'Guardar registro' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('es');
    await expectOnFirstScreen(page, page.getByText('Todas las preguntas son opcionales.', { exact: true }), 'the optional line');
    await expectOnFirstScreen(page, page.getByRole('button', { name: 'Recordármelo más tarde', exact: true }), 'Remind me later');
    await expectOnFirstScreen(page, page.getByRole('button', { name: 'No era una sesión de terapia', exact: true }), 'Not a therapy session');
    // The session's date is in Spanish too, like the words around it.
    expect(await page.locator('p', { hasText: 'Doxy.me ·' }).first().textContent()).toMatch(/\b(ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\b/);
    await screenshot(page, 'checkin-first-screen-es', { fullPage: false });

    const options = await spanish.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(extensionUrl(spanish.extensionId, `options.html#/history/${entry!.id}`));
    await options.getByRole('button', { name: 'Editar' }).waitFor();
    const valueEdges = await options.locator('.checkin-fact dd').evaluateAll((values) => [...new Set(values.map((dd) => Math.round(dd.getBoundingClientRect().left)))]);
    expect(valueEdges).toHaveLength(1);
    await screenshot(options, 'history-entry-es');
  } finally {
    await closeExtension(spanish);
  }
});
