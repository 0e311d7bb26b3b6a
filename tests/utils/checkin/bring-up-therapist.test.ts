/** The window, the tab's badge and the popup ask the same question the same way: which notes wait for this session's therapist. */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { markBringUp, BRING_UP_BADGE } from '@/entrypoints/background/bring-up';
import { loadWindowData } from '@/entrypoints/check-in/load';
import { loadPopupData } from '@/entrypoints/popup/load';
import { emptyNotes } from '@/utils/checkin/instrument';
import { sessionTherapist } from '@/utils/checkin/bring-up';
import { saveCheckIn } from '@/utils/db/checkins';
import type { DebriefDb } from '@/utils/db/open';
import { setRoom } from '@/utils/db/rooms';
import { createSession, endSession } from '@/utils/db/sessions';
import { callsInStorageSession } from '@/utils/session/call-registry';
import { newCheckIn, saveAfterCall, useTestDb } from '../../support/db-fixture';

const currentDb = useTestDb({ shared: true });
const ROOM = 'zoom:81234567890';
const DAY = 86_400_000;
const NOW = Date.now();

/** Last week with Dr. Lee in the room, a note to bring up; yesterday, another Zoom call with Dr. Kerr. */
async function history(db: DebriefDb, roomName: string | null) {
  if (roomName !== null) await setRoom(db, { id: ROOM, platform: 'zoom', kind: 'therapy', name: roomName }, NOW - 8 * DAY);
  await saveCheckIn(db, newCheckIn({ provider: 'Dr. Lee', notes: { ...emptyNotes(), nextTime: 'Ask about the sleep diary' } }), new Date(NOW - 7 * DAY));
  await saveAfterCall(db, 'zoom', { provider: 'Dr. Kerr' }, new Date(NOW - DAY));
}

async function sessionInRoom(db: DebriefDb) {
  const started = await createSession(db, { platform: 'zoom', host: 'zoom.us', startedMs: NOW - 50 * 60_000, roomKey: ROOM });
  return (await endSession(db, started.id, { endedMs: NOW - 60_000, reason: 'call-ended' }))!;
}

describe('the therapist of a session', () => {
  it.each([
    ['a room the person named', 'Dr. Lee', 'Dr. Lee', ['Ask about the sleep diary']],
    ['a room with no name: the last therapist named on the platform', '', 'Dr. Kerr', []],
    ['no room stored', null, 'Dr. Kerr', []],
  ])('%s', async (_case, roomName, therapist, notes) => {
    const db = currentDb();
    await history(db, roomName);
    const session = await sessionInRoom(db);
    expect(await sessionTherapist(db, session)).toBe(therapist);

    const window = await loadWindowData(session.id);
    expect(window.provider).toBe(therapist);
    expect(window.bringUps.map((note) => note.text)).toEqual(notes);

    // The tab's badge at the call's start promises exactly what the window then lists.
    await markBringUp(7, session);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe(notes.length ? BRING_UP_BADGE : '');

    // And the popup opened over that call lists the same.
    const tab = await fakeBrowser.tabs.create({ url: 'https://app.zoom.us/wc/81234567890/join', active: true });
    vi.spyOn(browser.tabs, 'query').mockImplementation((async () => [tab]) as typeof browser.tabs.query);
    await callsInStorageSession().set({ tabId: tab.id!, frameId: 0, sessionId: session.id, platform: 'zoom', roomUrl: tab.url!, startedMs: session.startedMs });
    expect((await loadPopupData()).nextTime.map((note) => note.text)).toEqual(notes);
  });
});
