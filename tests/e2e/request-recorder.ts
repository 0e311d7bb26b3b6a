/**
 * Recording every request a browser with Debrief makes, twice: Playwright sees its pages and its
 * MV3 service worker; Chromium's own network log sees everything, content scripts included.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page, type Request } from 'playwright-core';
import { chromiumArgs, freshProfile, type Debrief } from './harness';
import { CHROMIUM } from './paths';

/** A request and who made it. */
export interface Seen {
  url: string;
  /** The page (frame URL) or service worker that made the request. */
  by: string;
}

function madeBy(request: Request): string {
  const worker = request.serviceWorker();
  if (worker) return `service worker ${worker.url()}`;
  try {
    return request.frame().url();
  } catch {
    return 'unknown';
  }
}

/**
 * Chromium with Debrief, as the harness launches it, recording every request of its pages and
 * service worker into `seen`, and Chromium's own network log into `netLogPath`.
 */
export async function launchRecorded(seen: Seen[], netLogPath: string): Promise<Debrief> {
  const userDataDir = freshProfile();
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: process.env.DEBRIEF_HEADED !== '1',
    args: [...chromiumArgs(), `--log-net-log=${netLogPath}`, '--net-log-capture-mode=Default'],
    acceptDownloads: true,
  });
  // Attached before any page or worker starts, so nothing is missed.
  context.on('request', (request) => seen.push({ url: request.url(), by: madeBy(request) }));
  const watchSockets = (page: Page) => page.on('websocket', (socket) => seen.push({ url: socket.url(), by: page.url() }));
  context.pages().forEach(watchSockets);
  context.on('page', watchSockets);
  const pageErrors: Error[] = [];
  context.on('page', (page) => page.on('pageerror', (error) => pageErrors.push(error)));
  const isOurs = (worker: { url(): string }) => worker.url().startsWith('chrome-extension://');
  const serviceWorker =
    context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 15_000 }));
  return { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host, userDataDir, pageErrors };
}

/**
 * Requests that could leave the machine: anything but extension files, data: and blob: (and pages
 * the test served). A web page asking for a Debrief file shows up as chrome-extension://invalid/.
 */
export function offsite(requests: readonly Seen[], served: readonly string[] = []): string[] {
  return requests
    .filter(({ url }) => !/^(chrome-extension|data|blob):/.test(url) && !served.includes(url))
    .map(({ url, by }) => `${url} (from ${by})`);
}

/** Every network request Chromium started, with the origin that started it ("not an origin" for the browser's own). */
export function netLogRequests(netLogPath: string): { url: string; initiator: string }[] {
  const log = JSON.parse(readFileSync(netLogPath, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string } }[];
  };
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((event) => event.type === start && event.params?.url)
    .map((event) => ({ url: event.params!.url!, initiator: event.params!.initiator ?? '' }));
}

