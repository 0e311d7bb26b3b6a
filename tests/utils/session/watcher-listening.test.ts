import { Window as HappyWindow } from 'happy-dom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { watchCalls, type SessionMessage, type WatcherClock } from '@/utils/session/call-watcher';
import { WATCHER_LISTENING, type ProbeEvent } from '@/utils/session/probe-events';

// The call watcher runs once the page has loaded; the probe held what it saw before that.
const NOW = 1_700_000_000_000;

let page: HappyWindow;
let win: Window;

beforeEach(() => {
  page = new HappyWindow({ url: 'https://meet.google.com/abc-mnop-xyz' });
  win = page as unknown as Window;
});

afterEach(async () => {
  await page.happyDOM.close();
});

const probe = (event: ProbeEvent, at?: number) =>
  win.dispatchEvent(new page.MessageEvent('message', { data: { source: 'debrief-probe', v: 1, event, at }, source: win as never }) as unknown as Event);

function startWatcher() {
  const sent: SessionMessage[] = [];
  const clock: WatcherClock = { now: () => NOW, setTimeout: () => 0, clearTimeout: () => undefined };
  watchCalls(win, () => undefined, (message) => sent.push(message), clock);
  return sent;
}

describe('call watcher and the events the probe held', () => {
  it('tells the probe it is listening, and the page hears no message of it', async () => {
    let told = 0;
    const messages: unknown[] = [];
    win.addEventListener(WATCHER_LISTENING, () => told++);
    win.addEventListener('message', (event) => messages.push((event as MessageEvent).data));
    startWatcher();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(told).toBe(1);
    expect(messages).toEqual([]);
  });

  it('dates a session that began before it ran from when it began', () => {
    const sent = startWatcher();
    probe({ type: 'gum-track', trackId: 'cam', kind: 'video' }, NOW - 900);
    probe({ type: 'pc-created', pcId: 'pc' }, NOW - 800);
    probe({ type: 'pc-state', pcId: 'pc', state: 'connected' }, NOW - 700);
    expect(sent).toEqual([{ type: 'session-started', at: NOW - 700, room: true, siteId: null, host: 'meet.google.com' }]);
  });

  it('never dates anything later than now, whatever the page posts', () => {
    const sent = startWatcher();
    probe({ type: 'gum-track', trackId: 'cam', kind: 'video' }, NOW + 86_400_000);
    probe({ type: 'pc-created', pcId: 'pc' }, NOW + 86_400_000);
    probe({ type: 'pc-state', pcId: 'pc', state: 'connected' }, NOW + 86_400_000);
    expect(sent[0]).toMatchObject({ type: 'session-started', at: NOW });
  });
});
