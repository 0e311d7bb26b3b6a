import { deleteDB, openDB } from 'idb';
import { afterEach, describe, expect, it } from 'vitest';
import { saveCheckIn } from '@/utils/db/checkins';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import { getRoom, listRooms, removeRoom, renameRoom, setRoom, usualLengthMs } from '@/utils/db/rooms';
import { DB_VERSION, type Session } from '@/utils/db/schema';
import { createSession, endSession } from '@/utils/db/sessions';
import { newCheckIn } from '../../support/db-fixture';
import { createVersion1Stores } from '../../support/db-versions';
import { recordMeta } from '../../seed/records';

const NAME = 'debrief-rooms-test';
const AT = Date.UTC(2026, 0, 5, 10);
const MIN = 60_000;
const ZOOM_ROOM = 'zoom:81234567890';

/** Version 3 exactly as it shipped: version 1's stores, reflections and trend months. */
async function seedVersion3(sessions: Session[]): Promise<void> {
  const v3 = await openDB(NAME, 3, {
    upgrade(db) {
      createVersion1Stores(db);
      db.createObjectStore('reflections', { keyPath: 'checkInId' });
      db.createObjectStore('trendMonths', { keyPath: 'month' });
    },
  });
  for (const session of sessions) await v3.put('sessions', session);
  v3.close();
}

function oldSession(id: string, startedMs: number, minutes: number): Session {
  return {
    ...recordMeta(id, startedMs, 'device-a'),
    platform: 'zoom',
    host: 'zoom.us',
    startedAt: new Date(startedMs).toISOString(),
    startedMs,
    endedAt: new Date(startedMs + minutes * MIN).toISOString(),
    endedMs: startedMs + minutes * MIN,
    endReason: 'call-ended',
    lastSeenMs: startedMs + minutes * MIN,
    status: 'answered',
    snoozedUntil: null,
    checkInId: null,
  };
}

async function endedSession(db: DebriefDb, roomKey: string | null, startedMs: number, minutes: number): Promise<Session> {
  const session = await createSession(db, { platform: 'zoom', host: 'zoom.us', startedMs, roomKey });
  return (await endSession(db, session.id, { endedMs: startedMs + minutes * MIN, reason: 'call-ended' }))!;
}

let db: DebriefDb | undefined;
afterEach(async () => {
  db?.close();
  db = undefined;
  await deleteDB(NAME);
});

describe('rooms in the database', () => {
  it('upgrades a version-3 database: its sessions stay, rooms start empty, and new sessions are found by room', async () => {
    const before = oldSession('session-old', AT, 50);
    await seedVersion3([before]);
    db = await openDebriefDb(NAME);
    expect(db.version).toBe(DB_VERSION);
    expect(await db.getAll('sessions')).toEqual([before]);
    expect(await listRooms(db)).toEqual([]);
    // Sessions from before rooms have no room and no usual length to give.
    expect(await usualLengthMs(db, ZOOM_ROOM)).toBeNull();
    await endedSession(db, ZOOM_ROOM, AT + 86_400_000, 45);
    expect(await usualLengthMs(db, ZOOM_ROOM)).toBe(45 * MIN);
  });

  it('makes the room of a checked-in session a therapy room, named after the therapist, and replaces a mute', async () => {
    db = await openDebriefDb(NAME);
    await setRoom(db, { id: ZOOM_ROOM, platform: 'zoom', kind: 'muted' }, AT);
    const session = await endedSession(db, ZOOM_ROOM, AT, 50);
    await saveCheckIn(db, newCheckIn({ provider: 'Dr. Rivera', sessionId: session.id }));
    expect(await getRoom(db, ZOOM_ROOM)).toMatchObject({ id: ZOOM_ROOM, platform: 'zoom', kind: 'therapy', name: 'Dr. Rivera' });
    // A later check-in naming someone else keeps the name the room was given.
    const next = await endedSession(db, ZOOM_ROOM, AT + 7 * 86_400_000, 50);
    await saveCheckIn(db, newCheckIn({ provider: 'Someone else', sessionId: next.id }));
    expect((await getRoom(db, ZOOM_ROOM))?.name).toBe('Dr. Rivera');
  });

  it('teaches nothing from a check-in without a room: a manual one, or a session on a therapy service', async () => {
    db = await openDebriefDb(NAME);
    const session = await endedSession(db, null, AT, 50);
    await saveCheckIn(db, newCheckIn({ provider: '', sessionId: session.id }));
    await saveCheckIn(db, newCheckIn({ provider: 'Dr. Lee', sessionId: null }));
    expect(await listRooms(db)).toEqual([]);
  });

  it('renames and removes a room, and gives the median length of its sessions', async () => {
    db = await openDebriefDb(NAME);
    await setRoom(db, { id: ZOOM_ROOM, platform: 'zoom', kind: 'therapy' }, AT);
    expect((await renameRoom(db, ZOOM_ROOM, '  Dr. Rivera  '))?.name).toBe('Dr. Rivera');
    for (const [day, minutes] of [[0, 50], [7, 40], [14, 55], [21, 45]] as const) await endedSession(db, ZOOM_ROOM, AT + day * 86_400_000, minutes);
    await endedSession(db, 'zoom:99999999999', AT, 10);
    expect(await usualLengthMs(db, ZOOM_ROOM)).toBe(47.5 * MIN);
    await removeRoom(db, ZOOM_ROOM);
    expect(await getRoom(db, ZOOM_ROOM)).toBeUndefined();
  });
});
