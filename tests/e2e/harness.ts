/**
 * Real-browser harness: Debian Chromium through playwright-core with the built
 * extension (.output/chrome-mv3) loaded into a throwaway profile.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { ARTIFACTS_DIR, CHROMIUM, EXTENSION_DIR } from './paths';

/** A running Chromium with Debrief loaded. `restart` swaps `context` and `serviceWorker` in place. */
export interface Debrief {
  context: BrowserContext;
  serviceWorker: Worker;
  extensionId: string;
  userDataDir: string;
  /** Uncaught exceptions from every page opened in this browser, across restarts. */
  pageErrors: Error[];
}

export interface LaunchOptions {
  /** Reuse a profile (e.g. to relaunch); a fresh temporary one when omitted. */
  userDataDir?: string;
  /** Headless unless DEBRIEF_HEADED=1 (watch the test on a display). */
  headless?: boolean;
  /** Chromium flags beyond `chromiumArgs()`, e.g. to open the toolbar popup (see action-popup.ts). */
  extraArgs?: string[];
  /** The browser's UI language, e.g. 'es' (the extension's messages follow it); the system's when omitted. */
  lang?: string;
}

/** Chromium flags: load only our extension, fake camera and mic, nothing talking to the network. */
export function chromiumArgs(extensionDir = EXTENSION_DIR): string[] {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    '--no-sandbox', // tests run as root in CI containers
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
}

/** A new empty Chromium profile directory under the system temp dir. */
export function freshProfile(): string {
  return mkdtempSync(join(tmpdir(), 'debrief-e2e-'));
}

/** Launches Chromium with the built extension and waits for its service worker. */
export async function launchExtension(options: LaunchOptions = {}): Promise<Debrief> {
  const userDataDir = options.userDataDir ?? freshProfile();
  const pageErrors: Error[] = [];
  const { context, serviceWorker } = await startBrowser(userDataDir, options.headless, pageErrors, options);
  const extensionId = new URL(serviceWorker.url()).host;
  return { context, serviceWorker, extensionId, userDataDir, pageErrors };
}

async function startBrowser(
  userDataDir: string,
  headless: boolean | undefined,
  pageErrors: Error[],
  { extraArgs = [], lang }: Pick<LaunchOptions, 'extraArgs' | 'lang'> = {},
) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: headless ?? process.env.DEBRIEF_HEADED !== '1',
    args: [...chromiumArgs(), ...extraArgs, ...(lang ? [`--lang=${lang}`] : [])],
    ...(lang && { locale: lang, env: { ...process.env, LANGUAGE: lang } }),
  });
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error)));
  const isOurs = (worker: Worker) => worker.url().startsWith('chrome-extension://');
  const serviceWorker =
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  return { context, serviceWorker };
}

/** The chrome-extension:// URL of one of the extension's pages, e.g. 'options.html#/history'. */
export function extensionUrl(extensionId: string, path: string): string {
  return `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
}

/** Opens an extension page in a new tab and waits until it has loaded. */
export async function openExtensionPage(debrief: Debrief, path: string): Promise<Page> {
  const page = await debrief.context.newPage();
  await page.goto(extensionUrl(debrief.extensionId, path));
  return page;
}

/**
 * Serves `html` at a real telehealth URL (or URL glob) without the network, so content
 * scripts match exactly as on the live site. Returns a function that stops serving it.
 */
export async function routeFixture(context: BrowserContext, realUrl: string, html: string): Promise<() => Promise<void>> {
  const handler = (route: Parameters<Parameters<BrowserContext['route']>[1]>[0]) =>
    route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
  await context.route(realUrl, handler);
  return () => context.unroute(realUrl, handler);
}

/** Quits Chromium (flushing the profile to disk) and starts it again on the same profile. */
export async function restart(debrief: Debrief): Promise<Debrief> {
  await debrief.context.close();
  const { context, serviceWorker } = await startBrowser(debrief.userDataDir, undefined, debrief.pageErrors);
  debrief.context = context;
  debrief.serviceWorker = serviceWorker;
  return debrief;
}

/** Quits Chromium and deletes the profile unless asked to keep it. */
export async function closeExtension(debrief: Debrief, { keepProfile = false } = {}): Promise<void> {
  await debrief.context.close();
  if (!keepProfile) rmSync(debrief.userDataDir, { recursive: true, force: true });
}

/** Saves a screenshot (full page unless `fullPage` is false: then what is on screen) to tests/e2e/artifacts/<name>.png. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** Opens the check-in's "More notes, … therapist and tags" unless it is open already (it stays as it was left). */
export async function showMoreNotes(page: Page): Promise<void> {
  const summary = page.getByText(/^More notes, /);
  const open = await summary.evaluate((element) => (element.parentElement as HTMLDetailsElement).open);
  if (!open) await summary.click();
}
