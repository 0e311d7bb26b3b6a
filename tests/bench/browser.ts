/**
 * One Chromium for the whole bench, holding two contexts side by side: the default profile with
 * Debrief loaded, and a fresh incognito-like context where no extension runs. Chromium is started
 * here (not by playwright-core's launcher) so that one connection sees both contexts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { chromiumArgs, type Debrief } from '../e2e/harness';
import { CHROMIUM } from '../e2e/paths';

export interface BenchBrowser {
  browser: Browser;
  /** Debrief's context (the default profile): the `Debrief` shape the e2e helpers take. */
  debrief: Debrief;
  /** A context with no extension at all, in the same browser process. */
  plain: BrowserContext;
  /** The second extension loaded beside Debrief (`launchBench`'s `peerDir`): its id. */
  peerId?: string;
  close(): Promise<void>;
}

/** Playwright's own launcher adds these; without them background tabs are throttled and timings drift. */
const STEADY_TIMERS = [
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding',
  '--no-default-browser-check',
];

function devtoolsUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${seen}`)), 30_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited (${code}):\n${seen}`)));
  });
}

const manifestName = (dir: string) => (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { name: string }).name;

/** The service worker of the extension whose manifest.json names it `name` (unlocalised), waiting up to 30 s for it. */
async function serviceWorkerOf(context: BrowserContext, name: string): Promise<Worker> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    for (const worker of context.serviceWorkers().filter((w) => w.url().startsWith('chrome-extension://'))) {
      // The file as written: getManifest() may return the name localised.
      const named = await worker.evaluate(async () => ((await (await fetch('/manifest.json')).json()) as { name: string }).name).catch(() => null);
      if (named === name) return worker;
    }
    if (Date.now() > deadline) throw new Error(`no service worker of "${name}" started within 30 s`);
    await context.waitForEvent('serviceworker', { timeout: 1000 }).catch(() => undefined);
  }
}

/**
 * Starts headless Chromium with the extension built in `extensionDir` (and, with `peerDir`, a
 * second unpacked extension beside it) and waits for their service workers.
 */
export async function launchBench(extensionDir: string, peerDir?: string): Promise<BenchBrowser> {
  // Its own prefix, so a leftover profile is never mistaken for one of the e2e tests' profiles.
  const userDataDir = mkdtempSync(join(tmpdir(), 'debrief-bench-profile-'));
  const child = spawn(
    CHROMIUM,
    [...chromiumArgs(peerDir ? `${extensionDir},${peerDir}` : extensionDir), ...STEADY_TIMERS, '--headless', '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  // Whatever happens to this process, Chromium must not outlive it.
  const killChild = () => child.kill();
  process.once('exit', killChild);
  try {
    const browser = await chromium.connectOverCDP(await devtoolsUrl(child));
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    const serviceWorker = await serviceWorkerOf(context, manifestName(extensionDir));
    const peerId = peerDir ? new URL((await serviceWorkerOf(context, manifestName(peerDir))).url()).host : undefined;
    const pageErrors: Error[] = [];
    context.on('page', (page: Page) => page.on('pageerror', (error) => pageErrors.push(error)));
    const debrief: Debrief = { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host, userDataDir, pageErrors };
    const plain = await browser.newContext();
    return {
      browser,
      debrief,
      plain,
      ...(peerId ? { peerId } : {}),
      async close() {
        // A graceful quit lets Chromium stop its helper processes and release the profile.
        const cdp = await browser.newBrowserCDPSession().catch(() => null);
        await cdp?.send('Browser.close').catch(() => undefined);
        await stop(child, userDataDir, killChild);
      },
    };
  } catch (error) {
    child.kill('SIGTERM');
    await stop(child, userDataDir, killChild);
    throw error;
  }
}

/** Waits up to 10 s for Chromium to quit (after Browser.close), then terminates it; deletes the profile. */
async function stop(child: ChildProcess, userDataDir: string, killChild: () => void): Promise<void> {
  process.off('exit', killChild);
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const terminate = setTimeout(() => child.kill('SIGTERM'), 10_000);
    const kill = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(terminate);
    clearTimeout(kill);
  }
  try {
    // Chromium's helper processes may still be writing to the profile for a moment after it exits.
    rmSync(userDataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
  } catch (error) {
    process.stderr.write(`could not delete the bench profile ${userDataDir}: ${String(error)}\n`);
  }
}
