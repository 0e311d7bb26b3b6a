/** The thin save path: the page sends answers and a session id; the database copies the session's fields; the background is told once. */
import { describe, expect, it } from 'vitest';
import { dbCheckInStore } from '@/utils/checkin/store';
import { getCheckIn, saveCheckIn } from '@/utils/db/checkins';
import type { DebriefDb } from '@/utils/db/open';
import { createSession, endSession, getSession } from '@/utils/db/sessions';
import type { PageMessage } from '@/utils/session/messages';
import { newCheckIn, useTestDb } from '../../support/db-fixture';

const currentDb = useTestDb('checkin-store-test');
const START = new Date(2026, 2, 9, 17, 0).getTime();
const END = START + 50 * 60_000;

async function endedCall(db: DebriefDb, platform: string) {
  const session = await createSession(db, { platform, host: 'example.org', startedMs: START });
  return (await endSession(db, session.id, { endedMs: END, reason: 'call-ended' }))!;
}

describe('saving a check-in', () => {
  it.each([
    ['a Zoom call', 'zoom'],
    ['a Doxy.me call', 'doxy-me'],
  ])('after %s: the check-in takes the platform and times from the stored session', async (_case, platform) => {
    const db = currentDb();
    const session = await endedCall(db, platform);
    const saved = await saveCheckIn(db, newCheckIn({ sessionId: session.id, overall: 8 }), new Date(END + 60_000));
    expect(await getCheckIn(db, saved.id)).toMatchObject({ sessionId: session.id, platform, sessionStartedAt: session.startedAt, sessionEndedAt: session.endedAt, overall: 8 });
    expect(await getSession(db, session.id)).toMatchObject({ status: 'answered', checkInId: saved.id });
  });

  it.each([
    ['a manual check-in', null],
    ['a session no longer stored', 'gone'],
  ])('%s has no platform and no session times', async (_case, sessionId) => {
    const db = currentDb();
    const saved = await saveCheckIn(db, newCheckIn({ sessionId }));
    expect(await getCheckIn(db, saved.id)).toMatchObject({ platform: null, sessionStartedAt: null, sessionEndedAt: null });
  });
});

describe('the pages’ check-in store', () => {
  it('tells the background once per save, with the saved check-in', async () => {
    const db = currentDb();
    const told: PageMessage[] = [];
    const store = dbCheckInStore(async () => db, async (message) => void told.push(message));
    const saved = await store.save(newCheckIn({ overall: 6 }));
    expect(told).toEqual([{ type: 'check-in-saved', checkInId: saved.id, createdMs: saved.createdMs }]);
  });

  it('a background that cannot be told does not undo the save', async () => {
    const db = currentDb();
    const store = dbCheckInStore(async () => db, () => Promise.reject(new Error('Could not establish connection')));
    const saved = await store.save(newCheckIn({ overall: 6 }));
    expect(await getCheckIn(db, saved.id)).toMatchObject({ overall: 6 });
  });

  it('nothing is told when the save fails', async () => {
    const db = currentDb();
    const told: PageMessage[] = [];
    const store = dbCheckInStore(async () => db, async (message) => void told.push(message));
    await expect(store.save(newCheckIn({ overall: 6, provider: 'x'.repeat(100_000) }))).rejects.toThrow();
    expect(told).toEqual([]);
  });
});
