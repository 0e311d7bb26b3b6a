/**
 * The fixture call page (tests/e2e/fixtures/call.html) served at real telehealth URLs and driven
 * from the tests; what Debrief makes of its calls is read through debrief-state.ts.
 */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import type { UdpRelay } from './fixtures/udp-relay';

export const CALL_PAGE = readFileSync(new URL('./fixtures/call.html', import.meta.url), 'utf8');

/** What the fixture page recorded about its own call (epoch ms, the same clock as Node's). */
export interface CallLog {
  connectedAt: number | null;
  endedAt: number | null;
  /** When the "Leave call" button drew the post-call view. */
  leftAt: number | null;
  states: { who: 'me' | 'therapist'; state: RTCPeerConnectionState; at: number }[];
}

/** `window.call` in the fixture page. */
interface CallApi {
  log: CallLog;
  preview(): Promise<number>;
  start(): Promise<number>;
  prepareRelayed(): Promise<{ address: string; port: number }[]>;
  connectThroughRelay(host: string, port: number): Promise<number>;
  end(): number;
  cameraOff(): Promise<void>;
  cameraOn(): Promise<void>;
  therapistVanishes(): void;
  states(): { me: RTCPeerConnectionState | null; therapist: RTCPeerConnectionState | null };
}

type FixtureWindow = Window & { call: CallApi };

/** Serves the fixture call page for every https URL this browser opens (no network involved). */
export async function serveCallPages(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.protocol === 'https:',
    (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: CALL_PAGE }),
  );
}

/** A fixture call page open in a tab at a real telehealth URL. */
export class CallPage {
  constructor(readonly page: Page) {}

  /** Opens `url` in a new tab of `context`; the caller must have served the call page there. */
  static async open(context: BrowserContext, url: string): Promise<CallPage> {
    const page = await context.newPage();
    await page.goto(url);
    if (page.url() !== url) throw new Error(`expected the call page at ${url}, got ${page.url()}`);
    return new CallPage(page);
  }

  /** Camera preview only, as in a waiting room. */
  preview(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.preview());
  }

  /** Connects the call; resolves with the time it connected. */
  start(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.start());
  }

  /** Connects the call with my side reaching the therapist only through `relay`. */
  async startThroughRelay(relay: UdpRelay): Promise<number> {
    const candidates = await this.page.evaluate(() => (window as unknown as FixtureWindow).call.prepareRelayed());
    const therapist = candidates.find((candidate) => candidate.address.includes('.'));
    if (!therapist) throw new Error(`no IPv4 host candidate to relay to: ${JSON.stringify(candidates)}`);
    relay.forwardTo(therapist);
    return this.page.evaluate(
      ([host, port]) => (window as unknown as FixtureWindow).call.connectThroughRelay(host, port),
      [therapist.address, relay.port] as const,
    );
  }

  /** Hangs up as the site would; resolves with the time the hang-up began. */
  end(): Promise<number> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.end());
  }

  /** Presses "Leave call": the post-call view appears, connections stay up. Resolves with when it appeared. */
  async leave(): Promise<number> {
    await this.page.getByRole('button', { name: 'Leave call' }).click();
    const leftAt = await this.page.evaluate(() => (window as unknown as FixtureWindow).call.log.leftAt);
    if (leftAt === null) throw new Error('the Leave call button drew no post-call view');
    return leftAt;
  }

  /** Both sides' connection states now. */
  states(): Promise<ReturnType<CallApi['states']>> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.states());
  }

  cameraOff(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.cameraOff());
  }

  cameraOn(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.cameraOn());
  }

  /** The therapist's side goes away without a word (no hang-up on my side). */
  therapistVanishes(): Promise<void> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.therapistVanishes());
  }

  log(): Promise<CallLog> {
    return this.page.evaluate(() => (window as unknown as FixtureWindow).call.log);
  }
}

/** The first moment either side of the call was connected, as the page saw it. */
export function firstConnected(log: CallLog): number {
  const times = log.states.filter((entry) => entry.state === 'connected').map((entry) => entry.at);
  if (times.length === 0) throw new Error('the call never connected');
  return Math.min(...times);
}

/** How long each stretch of `state` lasted for one side of the call, in ms. */
export function stretchesOf(log: CallLog, who: CallLog['states'][number]['who'], state: RTCPeerConnectionState): number[] {
  const mine = log.states.filter((entry) => entry.who === who);
  return mine.flatMap((entry, index) => {
    const next = mine[index + 1];
    return entry.state === state && next ? [next.at - entry.at] : [];
  });
}

/** Waits `ms` milliseconds (a quiet period in which nothing must happen). */
export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The median of some numbers. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}
