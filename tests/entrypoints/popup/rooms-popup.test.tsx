import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser, type Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App as Popup } from '@/entrypoints/popup/App';
import { getRoom, setRoom } from '@/utils/db/rooms';
import type { DebriefDb } from '@/utils/db/open';
import { createSession, endSession, getSession } from '@/utils/db/sessions';
import { callsInStorageSession } from '@/utils/session/call-registry';
import { minSessionMinutes, setRoomMode } from '@/utils/storage';
import { useTestDb } from '../../support/db-fixture';

let db: DebriefDb;
const currentDb = useTestDb({ shared: true });
/** The tab the popup opens over; the fake browser has no focused window to ask. */
let activeTab: Browser.tabs.Tab | undefined;
vi.spyOn(browser.tabs, 'query').mockImplementation((async () => (activeTab ? [activeTab] : [])) as typeof browser.tabs.query);
beforeEach(() => {
  db = currentDb();
  activeTab = undefined;
});

const MIN = 60_000;

async function quietCall(platform: string, endedAgoMs: number): Promise<string> {
  const startedMs = Date.now() - endedAgoMs - 47 * MIN;
  const started = await createSession(db, { platform, host: 'example.org', startedMs, roomKey: `${platform}:1` });
  await endSession(db, started.id, { endedMs: startedMs + 47 * MIN, reason: 'call-ended', quiet: true });
  return started.id;
}

/** A call in progress for `minutes` in the active tab, in a room. */
async function liveCall(platform: string, roomKey: string | null, minutes: number): Promise<void> {
  const tab = await fakeBrowser.tabs.create({ url: 'https://app.zoom.us/wc/81234567890/join', active: true });
  activeTab = tab;
  const startedMs = Date.now() - minutes * MIN;
  const session = await createSession(db, { platform, host: 'app.zoom.us', startedMs, roomKey });
  await callsInStorageSession().set({ tabId: tab.id!, frameId: 0, sessionId: session.id, platform, roomUrl: tab.url!, startedMs });
}

describe('the popup and rooms', () => {
  it('lists quiet calls of the last day with platform, length and time, off the waiting list; "Not therapy" lets one go', async () => {
    const recent = await quietCall('zoom', 10 * MIN);
    await quietCall('google-meet', 25 * 60 * MIN);
    render(<Popup />);
    const section = await screen.findByRole('region', { name: 'Calls Debrief did not ask about' });
    const rows = within(section).getAllByRole('listitem');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.textContent).toMatch(/^A 47-minute call on Zoom ended at \d/);
    expect(screen.queryByRole('region', { name: 'Waiting for a check-in' })).toBeNull();
    fireEvent.click(within(rows[0]!).getByRole('button', { name: /^Not therapy: the call on Zoom/ }));
    await screen.findByText('Marked as not a therapy session.');
    expect((await getSession(db, recent))?.status).toBe('dismissed');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Calls Debrief did not ask about' })).toBeNull());
  });

  it.each([
    ['a Doxy.me session', 'doxy-me', null, 30, 'Debrief will ask after this call: Doxy.me is a therapy service.'],
    ['a new Zoom room, Zoom asking everywhere', 'zoom', 'zoom:81234567890', 30, 'Debrief will ask after this call: on Zoom it asks after every call.'],
    ['a call still short', 'zoom', 'zoom:81234567890', 3, 'Not asking yet: shorter than 10 minutes so far.'],
  ])('says during %s whether Debrief will ask after it', async (_case, platform, roomKey, minutes, said) => {
    await liveCall(platform, roomKey, minutes);
    render(<Popup />);
    const section = await screen.findByRole('region', { name: 'This call' });
    expect(within(section).getByRole('status').textContent).toBe(said);
  });

  it('says a muted meeting is not asked about, and offers nothing more there', async () => {
    await setRoom(db, { id: 'zoom:81234567890', platform: 'zoom', kind: 'muted' });
    await liveCall('zoom', 'zoom:81234567890', 30);
    render(<Popup />);
    const section = await screen.findByRole('region', { name: 'This call' });
    expect(within(section).getByRole('status').textContent).toBe('Not asking after this call: you muted this meeting.');
    expect(within(section).queryByRole('button')).toBeNull();
  });

  it('in a room Debrief does not know, on a platform asking only in therapy rooms, lets the person say it is therapy', async () => {
    await minSessionMinutes.setValue(0);
    await setRoomMode('zoom', 'therapy-rooms');
    await liveCall('zoom', 'zoom:81234567890', 30);
    render(<Popup />);
    const section = await screen.findByRole('region', { name: 'This call' });
    expect(within(section).getByRole('status').textContent).toMatch(/^Not asking after this call: on Zoom Debrief asks only in your therapy rooms/);
    fireEvent.click(within(section).getByRole('button', { name: 'This is a therapy session: ask me after it' }));
    await within(section).findByText('Debrief will ask after every call in this room.');
    expect(await getRoom(db, 'zoom:81234567890')).toMatchObject({ kind: 'therapy', platform: 'zoom' });
  });
});
