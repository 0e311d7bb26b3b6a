/**
 * Privacy, proven in a real browser: every request Debrief's pages and service worker make
 * through every flow (check-in, reflection, history, trends, goals, summary, export/import/
 * backup/delete, settings, a detected call) is recorded twice, by Playwright (pages and the
 * MV3 service worker) and by Chromium's own network log, and none leaves the extension.
 * A page that forges the media probe's events gets at most a check-in offered: it reads and
 * changes nothing.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { siteMatchPatterns } from '../../utils/sites/registry';
import type { CheckIn, Session } from '../../utils/db/schema';
import { readSessions, setMinSessionMinutes } from './debrief-state';
import { extensionUrl, openExtensionPage, routeFixture, screenshot, type Debrief, showMoreNotes } from './harness';
import { EXTENSION_DIR } from './paths';
import { readStore } from './page-db';
import { makeCheckIns, makeGoal, makePendingSession, seedRecords } from './records';
import { launchRecorded, netLogRequests, offsite, type Seen } from './request-recorder';

/** The slice of the extension API read inside Debrief's own pages and worker. */
interface ExtensionApi {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  alarms: { getAll(): Promise<{ name: string }[]> };
}

const work = mkdtempSync(join(tmpdir(), 'debrief-privacy-'));
const NET_LOG = join(work, 'netlog.json');
const seen: Seen[] = [];
let debrief: Debrief;
let closed = false;

/** Runs a flow and asserts it made no request off the extension. */
async function noRequestsDuring(flow: () => Promise<void>, served: readonly string[] = []): Promise<void> {
  const from = seen.length;
  await flow();
  const found = offsite(seen.slice(from), served);
  expect(found, `requests off the extension:\n  ${found.join('\n  ')}`).toEqual([]);
}

const checkIns = makeCheckIns(6);
const SESSIONS = [makePendingSession('privacy-session-1'), makePendingSession('privacy-session-2', 'zoom', 'zoom.us')];

beforeAll(async () => {
  debrief = await launchRecorded(seen, NET_LOG);
  await seedRecords(debrief, { checkIns, sessions: SESSIONS, goals: [makeGoal('privacy-goal', 'Say no without apologising')] });
});

afterAll(async () => {
  if (!closed) await debrief.context.close();
  rmSync(debrief.userDataDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const rate = (page: Page, sign: string, value: number) =>
  page.getByRole('radiogroup', { name: sign, exact: true }).getByRole('radio', { name: String(value), exact: true }).check();
const saved = (page: Page) => page.getByRole('status').filter({ hasText: 'Check-in saved' }).waitFor();

describe('Debrief makes no network request', () => {
  it('(the recorder sees the extension’s pages and its service worker)', async () => {
    const page = await openExtensionPage(debrief, 'popup.html');
    await page.getByRole('button', { name: 'Start a manual check-in' }).waitFor();
    await debrief.serviceWorker.evaluate(() => fetch('/manifest.json').then((response) => response.ok));
    const log = seen.map(({ url, by }) => `${url} from ${by}`);
    expect(log.some((line) => /\/chunks\/popup-.*\.js from chrome-extension:.*\/popup\.html$/.test(line)), log.join('\n')).toBe(true);
    expect(log.some((line) => /\/manifest\.json from service worker chrome-extension:/.test(line)), log.join('\n')).toBe(true);
    await page.close();
  });

  it('checking in: the popup, the window after a session, "Remind me later", the follow-up reflection', async () => {
    await noRequestsDuring(async () => {
      const popup = await openExtensionPage(debrief, 'popup.html');
      await popup.getByRole('button', { name: 'Start a manual check-in' }).click();
      await rate(popup, 'Overall', 7);
      await showMoreNotes(popup);
      await popup.getByLabel('Most helpful moment').fill('Naming the pattern behind my Sunday dread');
      await popup.getByRole('button', { name: 'Save check-in' }).click();
      await saved(popup);
      await popup.close();

      const window = await openExtensionPage(debrief, `check-in.html?session=${SESSIONS[0]!.id}`);
      await rate(window, 'Trust and rapport', 9);
      await window.getByLabel('To bring up next time').fill('The argument with my sister');
      await window.getByRole('button', { name: 'Save check-in' }).click();
      await saved(window);
      await window.close();

      const later = await openExtensionPage(debrief, `check-in.html?session=${SESSIONS[1]!.id}`);
      await later.getByRole('button', { name: 'Remind me later' }).click();
      await later.getByRole('status').filter({ hasText: 'I’ll ask again at' }).waitFor();
      await expect.poll(async () => (await readSessions(await reader())).find((s) => s.id === SESSIONS[1]!.id)?.status, { timeout: 5000 }).toBe('snoozed');
      if (!later.isClosed()) await later.close();

      const reflect = await openExtensionPage(debrief, `check-in.html?reflect=${checkIns[5]!.id}`);
      await rate(reflect, 'Used since the session', 6);
      await reflect.getByLabel('What has stayed with you?').fill('Walking after lunch helped');
      await reflect.getByRole('button', { name: 'Save follow-up' }).click();
      await reflect.getByRole('status').filter({ hasText: 'Follow-up saved.' }).waitFor();
      await reflect.close();
    });
  });

  it('history: search, open, edit, delete and undo', async () => {
    await noRequestsDuring(async () => {
      const page = await openExtensionPage(debrief, 'options.html#/history');
      await page.getByRole('searchbox', { name: 'Search notes' }).fill('Sunday');
      const entry = page.getByRole('list', { name: 'Check-ins' }).getByRole('link').filter({ hasText: 'Sunday dread' }).first();
      await entry.click();
      await page.getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('One thing to take with me').fill('Breathe out longer than in');
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.getByRole('status').filter({ hasText: 'Changes saved.' }).waitFor();
      await page.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('button', { name: 'Undo' }).click();
      await page.getByRole('searchbox', { name: 'Search notes' }).fill('');
      await page.getByRole('list', { name: 'Check-ins' }).getByRole('link').filter({ hasText: 'Sunday dread' }).first().waitFor();
      await page.close();
    });
  });

  it('trends, goals and the printable summary', async () => {
    await noRequestsDuring(async () => {
      const page = await openExtensionPage(debrief, 'options.html#/trends');
      await page.locator('canvas').first().waitFor();
      await page.goto(extensionUrl(debrief.extensionId, 'options.html#/goals'));
      await page.getByRole('textbox', { name: 'New goal' }).fill('Sleep before midnight');
      await page.getByRole('button', { name: 'Add goal' }).click();
      await page.getByText('Sleep before midnight').first().waitFor();
      await page.goto(extensionUrl(debrief.extensionId, 'options.html#/summary'));
      await page.locator('main h2 + *').first().waitFor();
      await page.goto(extensionUrl(debrief.extensionId, 'summary.html'));
      await page.locator('canvas').first().waitFor();
      await page.close();
    });
  });

  it('export, CSV, backup, import with undo, delete everything and import it back', async () => {
    await noRequestsDuring(async () => {
      const page = await openExtensionPage(debrief, 'options.html#/sync');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all data' }).click()]);
      const exported = join(work, 'export.json');
      await download.saveAs(exported);
      await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export check-ins as CSV' }).click()]);
      await page.getByRole('button', { name: 'Back up now' }).click();
      await page.getByRole('status').filter({ hasText: /in your downloads folder/ }).waitFor();

      // The profile's own file holds nothing new for it: the preview says so and offers no Import.
      await page.getByLabel('Import a file').setInputFiles(exported);
      await page.getByText(/^Nothing new in this file/).waitFor();
      expect(await page.getByRole('button', { name: 'Import', exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Close', exact: true }).click();

      const before = (await readStore<CheckIn>(page, 'checkIns')).length;
      await page.getByRole('button', { name: 'Delete everything…' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Type DELETE to confirm').fill('DELETE');
      await dialog.getByRole('button', { name: 'Delete everything', exact: true }).click();
      await page.getByRole('status').filter({ hasText: /^Deleted \d+ check-ins?/ }).waitFor();
      expect(await readStore<CheckIn>(page, 'checkIns')).toEqual([]);

      await page.getByLabel('Import a file').setInputFiles(exported);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('status').filter({ hasText: /^Imported: / }).waitFor();
      await page.getByRole('button', { name: 'Undo import' }).click();
      await page.getByRole('status').filter({ hasText: /^Import undone/ }).waitFor();
      expect(await readStore<CheckIn>(page, 'checkIns')).toEqual([]);

      await page.getByLabel('Import a file').setInputFiles(exported);
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByRole('status').filter({ hasText: /^Imported: / }).waitFor();
      expect(await readStore<CheckIn>(page, 'checkIns')).toHaveLength(before);
      await page.close();
    });
  });

  it('settings: minimum length, what happens after a session, reflection delay, platforms', async () => {
    await noRequestsDuring(async () => {
      const page = await openExtensionPage(debrief, 'options.html#/settings');
      await page.getByRole('spinbutton', { name: 'Minimum session length' }).fill('0');
      await page.getByRole('radio', { name: 'Show a notification' }).check();
      await page.getByRole('radio', { name: 'Open the check-in window' }).check();
      await page.getByRole('spinbutton', { name: 'Next-day follow-up after (hours)' }).fill('2');
      await page.getByRole('checkbox', { name: 'Zoom' }).uncheck();
      await page.getByRole('checkbox', { name: 'Zoom' }).check();
      const stored = () => page.evaluate(() => (globalThis as unknown as { chrome: ExtensionApi }).chrome.storage.local.get('minSessionMinutes'));
      await expect.poll(stored).toEqual({ minSessionMinutes: 0 });
      await page.close();
    });
  });

  describe('a page that forges the media probe’s events on a real telehealth address', () => {
    const ROOM = 'https://doxy.me/drkerr';

    it('gets at most a check-in offered: no data back, check-ins unchanged, nothing else done', async () => {
      await setMinSessionMinutes(debrief, 0);
      const page = await reader();
      const checkInsBefore = await readStore<CheckIn>(page, 'checkIns');
      const sessionsBefore = await readStore<Session>(page, 'sessions');
      const alarmsBefore = await alarmNames();
      const unroute = await routeFixture(debrief.context, ROOM, FORGER_PAGE);

      await noRequestsDuring(async () => {
        const forger = await debrief.context.newPage();
        await forger.goto(ROOM);
        const offered = debrief.context.waitForEvent('page', { predicate: (p) => p.url().includes('/check-in.html?session='), timeout: 20_000 });
        const tricks = await forger.evaluate((extensionId) => (window as unknown as ForgerWindow).forge(extensionId), debrief.extensionId);
        const checkInWindow = await offered;

        // The page could not reach Debrief directly, nor read its data.
        expect(tricks).toEqual({ runtime: 'undefined', extensionFile: 'refused', databases: [] });
        // Every message the page saw is one it posted itself: nothing came back.
        const { posted, received } = await forger.evaluate(() => (window as unknown as ForgerWindow).log);
        expect(received.length).toBeGreaterThan(0);
        for (const message of received) expect(posted).toContainEqual(message);
        const pageText = JSON.stringify(received) + (await forger.content());
        const written = checkInsBefore.flatMap((checkIn) => Object.values(checkIn.notes)).filter((note) => note.length > 0);
        expect(written.length).toBeGreaterThan(0);
        for (const note of written) expect(pageText).not.toContain(note);

        // The check-in offered is for the forged session, on the page's own platform.
        await expect.poll(async () => (await readStore<Session>(page, 'sessions')).length).toBe(sessionsBefore.length + 1);
        const sessionsAfter = await readStore<Session>(page, 'sessions');
        const added = sessionsAfter.filter((s) => !sessionsBefore.some((b) => b.id === s.id));
        expect(added).toMatchObject([{ platform: 'doxy-me', host: 'doxy.me', status: 'pending', checkInId: null }]);
        expect(sessionsAfter.filter((s) => s.id !== added[0]!.id)).toEqual(sessionsBefore);
        expect(await readStore<CheckIn>(page, 'checkIns')).toEqual(checkInsBefore);
        // No snooze or reflection was planned for anything (the call's own heartbeat and the badge's recount aside).
        const planned = (names: string[]) => names.filter((name) => name !== 'heartbeat' && name !== 'ageing');
        expect(planned(await alarmNames())).toEqual(planned(alarmsBefore));
        expect(checkInWindow.url()).toContain(added[0]!.id);
        await screenshot(checkInWindow, 'privacy-forged-call-offered');
        await checkInWindow.close();
        await forger.close();
      }, [ROOM]);
      await unroute();
    });
  });

  it('the built manifest grants what wxt.config.ts declares (PRIVACY.md § Permissions), and lets no web page message Debrief', async () => {
    const built = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const manifestOf = config.manifest as (env: object) => Record<string, unknown>;
    const declared = manifestOf({ browser: 'chrome', manifestVersion: 3, mode: 'production', command: 'build' });
    for (const key of ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions']) {
      expect([...((built[key] as string[] | undefined) ?? [])].sort(), key).toEqual([...((declared[key] as string[] | undefined) ?? [])].sort());
    }
    expect(built.host_permissions).toEqual(siteMatchPatterns());
    expect(built).not.toHaveProperty('externally_connectable');
    expect(built).not.toHaveProperty('web_accessible_resources');
    // Default MV3 content security policy: no code from elsewhere.
    expect(built).not.toHaveProperty('content_security_policy');
  });

  it('Chromium’s own network log for the whole run shows no request started by Debrief', async () => {
    await debrief.context.close(); // the log is complete once the browser has quit
    closed = true;
    // Requests started by Debrief's pages and worker, or by its content scripts (which use the page's origin).
    const netLog = netLogRequests(NET_LOG)
      .filter(({ initiator }) => initiator === `chrome-extension://${debrief.extensionId}` || initiator === 'https://doxy.me')
      .map(({ url, initiator }) => `${url} (started by ${initiator})`);
    // Both recorders, side by side: Playwright's (pages and service worker) and Chromium's own.
    expect({ playwright: offsite(seen, ['https://doxy.me/drkerr']), netLog }).toEqual({ playwright: [], netLog: [] });
    expect(debrief.pageErrors).toEqual([]);
  });
});

let readerPage: Page | undefined;
/** One extension page kept open to read Debrief's database and storage. */
async function reader(): Promise<Page> {
  if (!readerPage || readerPage.isClosed()) readerPage = await openExtensionPage(debrief, 'popup.html');
  return readerPage;
}

function alarmNames(): Promise<string[]> {
  return debrief.serviceWorker.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: ExtensionApi }).chrome;
    return (await api.alarms.getAll()).map((alarm) => alarm.name).sort();
  });
}

interface ForgerWindow {
  log: { posted: unknown[]; received: unknown[] };
  forge(extensionId: string): Promise<{ runtime: string; extensionFile: string; databases: string[] }>;
}

/**
 * A hostile page at a telehealth address: it posts a whole fake call in the probe's envelope,
 * page messages and session messages of its own, commands in the envelope, and tries to reach
 * Debrief through chrome.runtime, its files and IndexedDB. It records every message it sees.
 */
const FORGER_PAGE = readFileSync(new URL('./fixtures/forger.html', import.meta.url), 'utf8');

