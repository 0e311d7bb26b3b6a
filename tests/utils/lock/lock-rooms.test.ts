import { beforeEach, describe, expect, it } from 'vitest';
import { saveCheckIn } from '@/utils/db/checkins';
import { turnLockOff, turnLockOn } from '@/utils/db/lock-turn';
import type { DebriefDb } from '@/utils/db/open';
import { getRoom, listRooms, renameRoom, setRoom } from '@/utils/db/rooms';
import { createSession, endSession } from '@/utils/db/sessions';
import { unlock } from '@/utils/db/unlock';
import { forgetUnlocked } from '@/utils/lock/session';
import { takeLastingChoice } from '@/utils/session/choices';
import { importFile } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { newCheckIn, useFreshDbs } from '../../support/db-fixture';

const FAST = 1_000;
const PASSPHRASE = 'blue kettle at dawn';
const ZOOM_ROOM = 'zoom:81234567890';
const MEET_ROOM = 'meet:abc-defg-hij';
const AT = Date.UTC(2026, 0, 5, 10);
const freshDb = useFreshDbs('debrief-lock-rooms');
beforeEach(() => forgetUnlocked());

async function roomsOnDisk(db: DebriefDb): Promise<string> {
  return JSON.stringify(await db.getAll('rooms'));
}

async function checkInAfterCall(db: DebriefDb, roomKey: string, provider: string): Promise<void> {
  const session = await createSession(db, { platform: 'zoom', host: 'zoom.us', startedMs: AT, roomKey });
  const ended = (await endSession(db, session.id, { endedMs: AT + 50 * 60_000, reason: 'call-ended' }))!;
  await saveCheckIn(db, newCheckIn({ provider, sessionId: ended.id }));
}

const names = async (db: DebriefDb) => (await listRooms(db)).map((room) => [room.id, room.kind, room.name]).sort();

describe('rooms’ names with the lock on', () => {
  it('seals names in the pass that sets the lock, shows none while locked, opens them unlocked and turns plain when off', async () => {
    const db = await freshDb();
    await setRoom(db, { id: ZOOM_ROOM, platform: 'zoom', kind: 'therapy', name: 'Dr. Okafor' });
    await setRoom(db, { id: MEET_ROOM, platform: 'meet', kind: 'muted' });
    await turnLockOn(db, PASSPHRASE, FAST);
    await forgetUnlocked();
    expect(await roomsOnDisk(db)).not.toContain('Okafor');
    // Locked: the ask rule still reads key, platform and kind; the name is not there to read.
    expect(await names(db)).toEqual([[MEET_ROOM, 'muted', ''], [ZOOM_ROOM, 'therapy', '']]);
    expect(await getRoom(db, ZOOM_ROOM)).toMatchObject({ kind: 'therapy', name: '' });
    expect(await unlock(db, PASSPHRASE)).toBe(true);
    expect(await names(db)).toEqual([[MEET_ROOM, 'muted', ''], [ZOOM_ROOM, 'therapy', 'Dr. Okafor']]);
    await turnLockOff(db);
    expect(await roomsOnDisk(db)).toContain('Dr. Okafor');
    expect((await db.get('rooms', ZOOM_ROOM))?.sealed).toBeUndefined();
  });

  it.each([
    ['locked', true],
    ['unlocked', false],
  ])('a check-in saved %s names a new room after its therapist, sealed', async (_state, lockAgain) => {
    const db = await freshDb();
    await turnLockOn(db, PASSPHRASE, FAST);
    if (lockAgain) await forgetUnlocked();
    await checkInAfterCall(db, ZOOM_ROOM, 'Dr. Rivera');
    expect(await roomsOnDisk(db)).not.toContain('Rivera');
    if (lockAgain) {
      expect(await getRoom(db, ZOOM_ROOM)).toMatchObject({ kind: 'therapy', name: '' });
      expect(await unlock(db, PASSPHRASE)).toBe(true);
    }
    expect(await getRoom(db, ZOOM_ROOM)).toMatchObject({ kind: 'therapy', name: 'Dr. Rivera' });
    // A later check-in naming someone else keeps the name the room was given.
    await checkInAfterCall(db, ZOOM_ROOM, 'Someone else');
    expect((await getRoom(db, ZOOM_ROOM))?.name).toBe('Dr. Rivera');
  });

  it('a room renamed while locked is sealed; muting it and undoing keeps the name', async () => {
    const db = await freshDb();
    await setRoom(db, { id: ZOOM_ROOM, platform: 'zoom', kind: 'therapy' });
    await turnLockOn(db, PASSPHRASE, FAST);
    await forgetUnlocked();
    await renameRoom(db, ZOOM_ROOM, '  Dr. Lee  ');
    expect(await roomsOnDisk(db)).not.toContain('Lee');
    const undo = await takeLastingChoice(db, { platform: 'zoom', roomKey: ZOOM_ROOM }, 'muteRoom');
    expect((await getRoom(db, ZOOM_ROOM))?.kind).toBe('muted');
    await undo();
    expect(await unlock(db, PASSPHRASE)).toBe(true);
    expect(await getRoom(db, ZOOM_ROOM)).toMatchObject({ kind: 'therapy', name: 'Dr. Lee' });
  });

  it('files: locked ones carry names sealed and merge into a profile sharing the lock; unlocked ones carry them plain and are sealed on import', async () => {
    const source = await freshDb();
    await setRoom(source, { id: ZOOM_ROOM, platform: 'zoom', kind: 'therapy', name: 'Dr. Okafor' });
    await turnLockOn(source, PASSPHRASE, FAST);
    await forgetUnlocked();
    const lockedFile = await exportData(source);
    expect(serializeExport(lockedFile)).not.toContain('Okafor');

    const target = await freshDb();
    await target.put('meta', { key: 'lock', value: lockedFile.lock! });
    await importFile(target, lockedFile);
    expect(await roomsOnDisk(target)).not.toContain('Okafor');
    expect(await unlock(target, PASSPHRASE)).toBe(true);
    expect((await getRoom(target, ZOOM_ROOM))?.name).toBe('Dr. Okafor');

    await setRoom(target, { id: MEET_ROOM, platform: 'meet', kind: 'therapy', name: 'Dr. Lee' });
    const openFile = await exportData(target);
    expect(openFile.lock).toBeUndefined();
    expect(openFile.rooms.map((room) => room.name).sort()).toEqual(['Dr. Lee', 'Dr. Okafor']);
    await importFile(source, openFile);
    expect(await roomsOnDisk(source)).not.toMatch(/Okafor|Lee/);
    expect(await unlock(source, PASSPHRASE)).toBe(true);
    expect(await names(source)).toEqual([[MEET_ROOM, 'therapy', 'Dr. Lee'], [ZOOM_ROOM, 'therapy', 'Dr. Okafor']]);
  });
});
