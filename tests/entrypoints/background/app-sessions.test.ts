import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { appSessionDue, joinedInBrowser, launchPageSeen, personActive } from '@/entrypoints/background/app-sessions';
import type { DebriefDb } from '@/utils/db/open';
import { setRoom } from '@/utils/db/rooms';
import { createSession, endSession, getSession } from '@/utils/db/sessions';
import { appSessionMinutes } from '@/utils/storage';
import { useTestDb } from '../../support/db-fixture';

const MIN = 60_000;
const THERAPY_LAUNCH = 'https://us06web.zoom.us/j/88395547586?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1';
const NOW = Date.parse('2026-12-07T15:00:00Z');

let db: DebriefDb;
const currentDb = useTestDb({ shared: true });
const windows = vi.spyOn(browser.windows, 'create');
beforeEach(async () => {
  db = currentDb();
  windows.mockReset().mockResolvedValue({} as never);
  await setRoom(db, { id: 'zoom:88395547586', platform: 'zoom', kind: 'therapy', name: 'Dr. Rivera' });
});

const sessions = () => db.getAll('sessions');

describe('sessions in the desktop app', () => {
  it('records one from a therapy room’s launch page, due after the set wait when the room has no usual length', async () => {
    await appSessionMinutes.setValue(1);
    await launchPageSeen(4, THERAPY_LAUNCH, NOW);
    // A reload of the same launch page is the same session.
    await launchPageSeen(4, `${THERAPY_LAUNCH}#success`, NOW + 5_000);
    const [session, ...more] = await sessions();
    expect(more).toEqual([]);
    expect(session).toMatchObject({ app: true, platform: 'zoom', roomKey: 'zoom:88395547586', status: 'snoozed', snoozedUntil: NOW + MIN, endedMs: null });
    expect(await browser.alarms.get(`app:${session!.id}`)).toMatchObject({ scheduledTime: NOW + MIN });
  });

  it("waits the room's usual length: the median of its past sessions", async () => {
    for (const [day, minutes] of [[1, 50], [8, 45], [15, 40]] as const) {
      const s = await createSession(db, { platform: 'zoom', host: 'zoom.us', startedMs: NOW - day * 86_400_000, roomKey: 'zoom:88395547586' });
      await endSession(db, s.id, { endedMs: s.startedMs + minutes * MIN, reason: 'call-ended' });
    }
    await launchPageSeen(4, THERAPY_LAUNCH, NOW);
    expect((await sessions()).find((s) => s.app)?.snoozedUntil).toBe(NOW + 45 * MIN);
  });

  it('leaves no trace for a work meeting’s launch page, the web client, or any other page', async () => {
    for (const url of ['https://zoom.us/j/1234567890?pwd=test', 'https://app.zoom.us/wc/88395547586/join', 'https://zoom.us/signin', 'not a url']) {
      await launchPageSeen(4, url, NOW);
    }
    expect(await sessions()).toEqual([]);
  });

  it('drops it when a call starts in that tab soon after: the person joined in the browser', async () => {
    await launchPageSeen(4, THERAPY_LAUNCH, NOW);
    await joinedInBrowser(5, NOW + MIN);
    expect(await sessions()).toHaveLength(1);
    await joinedInBrowser(4, NOW + 2 * MIN);
    expect(await sessions()).toEqual([]);
  });

  it('asks once its time has come and the person is back in the browser, never before, and once', async () => {
    await launchPageSeen(4, THERAPY_LAUNCH, NOW);
    const [session] = await sessions();
    await personActive();
    expect(windows).not.toHaveBeenCalled();
    await appSessionDue(session!.id);
    expect(windows).not.toHaveBeenCalled();
    await personActive();
    expect(windows).toHaveBeenCalledTimes(1);
    expect(String(windows.mock.calls[0]![0]!.url)).toContain(`session=${session!.id}`);
    expect((await getSession(db, session!.id))?.status).toBe('pending');
    await personActive();
    expect(windows).toHaveBeenCalledTimes(1);
  });
});
