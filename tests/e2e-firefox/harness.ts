/**
 * Real-Firefox harness: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core, with the
 * built extension (.output/firefox-mv3) installed as a temporary add-on into a throwaway profile.
 * Firefox's own console (extension pages, the background, content scripts) is captured from its
 * stdout and stderr, since none of it reaches puppeteer's console events.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { ARTIFACTS_DIR, FIREFOX_EXTENSION_DIR } from '../e2e/paths';

export const FIREFOX = process.env.DEBRIEF_FIREFOX ?? '/usr/bin/firefox-esr';
/** The add-on id in wxt.config.ts (browser_specific_settings.gecko.id). */
export const GECKO_ID = 'debrief@debrief-checkin.org';
/** A fixed internal UUID (pref extensions.webextensions.uuids), so pages are at moz-extension://<UUID>/. */
export const EXTENSION_UUID = '5d0c6b53-2f7e-4a61-9a8e-6b1f0de1b7a4';

export interface FirefoxOptions {
  /** Suspend the idle background after this many ms (extensions.background.idle.timeout; Firefox's default is 30 s). */
  backgroundIdleMs?: number;
  /** Where `<a download>` files land without asking. */
  downloadDir?: string;
  /** Grant optional permissions (permissions.request) without Firefox's prompt, which a test cannot answer. */
  grantOptionalPermissions?: boolean;
  /** The built add-on to install (.output/firefox-mv3 unless given); null installs none, for an A/B baseline. */
  extensionDir?: string | null;
  /** Environment variables for Firefox on top of this process's own (e.g. the Gecko profiler's). */
  env?: Record<string, string>;
  /**
   * `close` lets Firefox finish its own shutdown, as the Gecko profiler needs to write its profile:
   * puppeteer kills the process as soon as Firefox acknowledges the close.
   */
  awaitExit?: boolean;
}

/** How long a Firefox asked to quit may take to exit by itself before it is killed. */
const EXIT_TIMEOUT_MS = 60_000;

/** Asks Firefox to quit over WebDriver BiDi and waits for its process to exit by itself. */
async function quit(browser: Browser): Promise<void> {
  const child = browser.process();
  if (!child || child.exitCode !== null) return;
  let timer: NodeJS.Timeout | undefined;
  const exited = new Promise<boolean>((resolve) => {
    child.once('exit', () => resolve(true));
    timer = setTimeout(() => resolve(false), EXIT_TIMEOUT_MS);
  });
  // puppeteer's BiDi browser keeps its connection out of the public types.
  const { connection } = browser as unknown as { connection: { send(method: 'browser.close', params: object): Promise<unknown> } };
  await connection.send('browser.close', {}).catch(() => undefined);
  const byItself = await exited;
  clearTimeout(timer);
  if (!byItself) throw new Error(`Firefox did not exit within ${EXIT_TIMEOUT_MS / 1000} s of being asked to quit`);
}

/** A running Firefox with Debrief installed (or, with `extensionDir: null`, no add-on at all). */
export interface Firefox {
  browser: Browser;
  /** Everything Firefox printed on stdout and stderr so far. */
  output: string[];
  downloadDir: string;
  close(): Promise<void>;
}

function prefs(options: FirefoxOptions, downloadDir: string): Record<string, unknown> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
    // Console messages and errors of every page, the background included, go to stdout.
    'devtools.console.stdout.chrome': true,
    'devtools.console.stdout.content': true,
    // A fake camera and microphone, granted without a prompt.
    'media.navigator.streams.fake': true,
    'media.navigator.permission.disabled': true,
    // Notifications drawn by Firefox itself: a CI machine has no desktop notification service.
    'alerts.useSystemBackend': false,
    // Downloads go straight to a folder the test reads.
    'browser.download.folderList': 2,
    'browser.download.dir': downloadDir,
    'browser.download.useDownloadDir': true,
    'browser.download.always_ask_before_handling_new_types': false,
    'browser.download.start_downloads_in_tmp_dir': false,
    'browser.download.panel.shown': true,
    ...(options.grantOptionalPermissions ? { 'extensions.webextOptionalPermissionPrompts': false } : {}),
    ...(options.backgroundIdleMs === undefined ? {} : { 'extensions.background.idle.timeout': options.backgroundIdleMs }),
  };
}

/** Launches firefox-esr on a fresh profile and installs the built extension. `close` quits Firefox cleanly (a shutdown profile gets written). */
export async function launchFirefox(options: FirefoxOptions = {}): Promise<Firefox> {
  const downloadDir = options.downloadDir ?? mkdtempSync(join(tmpdir(), 'debrief-ff-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    protocol: 'webDriverBiDi',
    executablePath: FIREFOX,
    headless: process.env.DEBRIEF_HEADED !== '1',
    // Without it Firefox refuses to navigate the test's tabs to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: prefs(options, downloadDir),
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  const output: string[] = [];
  const collect = (chunk: Buffer) => output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
  browser.process()?.stdout?.on('data', collect);
  browser.process()?.stderr?.on('data', collect);
  const extensionDir = options.extensionDir === undefined ? FIREFOX_EXTENSION_DIR : options.extensionDir;
  if (extensionDir !== null) {
    const id = await browser.installExtension(extensionDir).catch(async (error: unknown) => {
      await browser.close();
      throw error;
    });
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
  }
  return {
    browser,
    output,
    downloadDir,
    async close() {
      if (options.awaitExit) await quit(browser).finally(() => browser.close());
      else await browser.close();
      if (!options.downloadDir) rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/** The moz-extension:// URL of one of Debrief's pages, e.g. 'options.html#/history'. */
export function extensionUrl(path: string): string {
  return `moz-extension://${EXTENSION_UUID}/${path.replace(/^\//, '')}`;
}

/**
 * Navigates a tab and waits for the document to complete. Firefox sends no load events to
 * puppeteer for extension pages, so `page.goto` would never resolve: the BiDi browsing context's
 * own navigate command does.
 */
export async function navigate(page: Page, url: string): Promise<void> {
  await contextOf(page).navigate(url, 'complete');
}

/** The WebDriver BiDi browsing context behind a puppeteer page (puppeteer's BidiFrame, not in its public types). */
interface BrowsingContext {
  navigate(url: string, wait: 'complete'): Promise<void>;
  reload(options: { wait: 'complete' }): Promise<void>;
}

function contextOf(page: Page): BrowsingContext {
  return (page.mainFrame() as unknown as { browsingContext: BrowsingContext }).browsingContext;
}

/** Opens one of Debrief's pages in a new tab. */
export async function openExtensionPage(firefox: Firefox, path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await navigate(page, extensionUrl(path));
  return page;
}

/** Reloads a tab (page.reload never resolves on extension pages either). */
export async function reload(page: Page): Promise<void> {
  await contextOf(page).reload({ wait: 'complete' });
}

/** The address the document in `page` is at: `page.url()` lags behind for windows the extension opens. */
export function locationOf(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/**
 * Firefox's console lines that are Debrief's problems: uncaught errors in its pages, background or
 * content scripts, its own `console.error` reports ('Debrief…'), and scripts Firefox cut off.
 * Firefox's internal noise (its own modules, GLib) is not ours and is left out.
 */
export function consoleProblems(firefox: Firefox, from = 0): string[] {
  return firefox.output
    .slice(from)
    .filter(
      (line) =>
        /^JavaScript (error|warning): moz-extension:/.test(line) ||
        /^console\.(error|warn): .*Debrief/.test(line) ||
        line.includes(`moz-extension://${EXTENSION_UUID}`) && /error|exception|failed/i.test(line) ||
        /Script terminated by timeout/.test(line),
    );
}

/** Saves a screenshot of `page` as tests/e2e/artifacts/firefox/<name>.png; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(ARTIFACTS_DIR, 'firefox');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: path as `${string}.png`, fullPage: true });
  return path;
}

/** Writes Firefox's whole output next to the screenshots, for a failed test. */
export function saveOutput(firefox: Firefox, name: string): string {
  const dir = join(ARTIFACTS_DIR, 'firefox');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name.replace(/[^\w.-]+/g, '-')}.log`);
  writeFileSync(path, firefox.output.join('\n'));
  return path;
}
