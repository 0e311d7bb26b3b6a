/**
 * Rooms travel with the data: therapy rooms, muted rooms and their names are in the export, merge
 * by the newest answer, carry their removal as a deletion record, and a file from before rooms
 * (format version 1) still imports.
 */
import { describe, expect, it } from 'vitest';
import { listRooms, removeRoom, renameRoom, setRoom } from '@/utils/db/rooms';
import type { DebriefDb } from '@/utils/db/open';
import { importText, undoImport } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { movedId } from '@/utils/sync/clash';
import { useFreshDbs } from '../../support/db-fixture';
import { checkIn, exportOf, room, stamp, tombstone } from '../../support/sync-fixtures';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const MINUTE = 60_000;
const ZOOM = 'zoom:81234567890';
const MEET = 'google-meet:abc-mnop-xyz';
const freshDb = useFreshDbs('debrief-sync-rooms');

async function ownExport(db: DebriefDb, now = NOW): Promise<string> {
  return serializeExport(await exportData(db, new Date(now)));
}

async function importOk(db: DebriefDb, text: string, now = NOW): Promise<void> {
  const result = await importText(db, text, '', { now });
  expect(result.ok ? 'ok' : result.error).toBe('ok');
}

/** What Settings' room list shows: key, kind and name. */
async function roomsOf(db: DebriefDb): Promise<[string, string, string][]> {
  return (await listRooms(db)).map((r) => [r.id, r.kind, r.name] as [string, string, string]).sort();
}

describe('rooms in the export', () => {
  it('rooms taught on one profile, with their names, are known on another after one import', async () => {
    const [laptop, phone] = [await freshDb(), await freshDb()];
    await setRoom(laptop, { id: ZOOM, platform: 'zoom', kind: 'therapy' }, NOW - 10 * MINUTE);
    await renameRoom(laptop, ZOOM, 'Dr. Rivera', NOW - 9 * MINUTE);
    await setRoom(laptop, { id: MEET, platform: 'google-meet', kind: 'muted' }, NOW - 8 * MINUTE);
    await importOk(phone, await ownExport(laptop));
    expect(await roomsOf(phone)).toEqual([
      [MEET, 'muted', ''],
      [ZOOM, 'therapy', 'Dr. Rivera'],
    ]);
  });

  it.each([
    ['muted first, checked in later on the other', 'muted', 'therapy', 'therapy'],
    ['therapy first, muted later on the other', 'therapy', 'muted', 'muted'],
  ] as const)('%s: both profiles end with the newest answer', async (_case, older, newer, expected) => {
    const [one, two] = [await freshDb(), await freshDb()];
    await setRoom(one, { id: ZOOM, platform: 'zoom', kind: older }, NOW - 20 * MINUTE);
    await setRoom(two, { id: ZOOM, platform: 'zoom', kind: newer }, NOW - 5 * MINUTE);
    const [fromOne, fromTwo] = [await ownExport(one), await ownExport(two)];
    await importOk(one, fromTwo);
    await importOk(two, fromOne);
    expect(await roomsOf(one)).toEqual([[ZOOM, expected, '']]);
    expect(await roomsOf(two)).toEqual([[ZOOM, expected, '']]);
  });

  it('removing a room in Settings removes it on the other profile, and an old copy does not bring it back', async () => {
    const [one, two] = [await freshDb(), await freshDb()];
    await setRoom(one, { id: ZOOM, platform: 'zoom', kind: 'therapy' }, NOW - 30 * MINUTE);
    const before = await ownExport(one);
    await importOk(two, before);
    await removeRoom(one, ZOOM, NOW - 10 * MINUTE);
    expect((await exportData(one, new Date(NOW))).tombstones).toEqual([expect.objectContaining({ id: ZOOM, store: 'rooms' })]);
    await importOk(two, await ownExport(one));
    expect(await roomsOf(two)).toEqual([]);
    await importOk(two, before);
    await importOk(one, before);
    expect(await roomsOf(two)).toEqual([]);
    expect(await roomsOf(one)).toEqual([]);
    // Taught again after the removal: the newer answer stands everywhere.
    await setRoom(two, { id: ZOOM, platform: 'zoom', kind: 'muted' }, NOW - MINUTE);
    await importOk(one, await ownExport(two));
    expect(await roomsOf(one)).toEqual([[ZOOM, 'muted', '']]);
  });

  it('a file from before rooms (format version 1) imports and leaves the rooms as they are', async () => {
    const db = await freshDb();
    await setRoom(db, { id: ZOOM, platform: 'zoom', kind: 'therapy' }, NOW - 10 * MINUTE);
    const { rooms: _rooms, ...data } = exportOf({ checkIns: [checkIn('from-v1', stamp(1))] });
    await importOk(db, JSON.stringify({ ...data, version: 1 }));
    expect(await roomsOf(db)).toEqual([[ZOOM, 'therapy', '']]);
    expect((await exportData(db, new Date(NOW))).checkIns.map((c) => c.id)).toEqual(['from-v1']);
  });

  it('undoing an import puts the rooms back as they were', async () => {
    const db = await freshDb();
    // Taught in the first days of the year; the file's answers are newer.
    await setRoom(db, { id: ZOOM, platform: 'zoom', kind: 'therapy' }, Date.UTC(2026, 0, 1));
    const file = exportOf({ rooms: [room(ZOOM, stamp(60), { kind: 'muted' }), room(MEET, stamp(1))] });
    const result = await importText(db, JSON.stringify(file), '', { now: NOW });
    if (!result.ok) throw new Error(result.error);
    expect(await roomsOf(db)).toEqual([
      [MEET, 'therapy', ''],
      [ZOOM, 'muted', ''],
    ]);
    await undoImport(db, result.result.undo);
    expect(await roomsOf(db)).toEqual([[ZOOM, 'therapy', '']]);
  });

  it('a check-in that claims a room’s id moves to a new id; the room keeps its own, on every profile', async () => {
    const [one, two] = [await freshDb(), await freshDb()];
    await setRoom(one, { id: ZOOM, platform: 'zoom', kind: 'therapy' }, NOW - 10 * MINUTE);
    const clash = JSON.stringify(exportOf({ checkIns: [checkIn(ZOOM, stamp(1))] }));
    await importOk(one, clash);
    await importOk(two, clash);
    await importOk(two, await ownExport(one));
    for (const db of [one, two]) {
      expect(await roomsOf(db)).toEqual([[ZOOM, 'therapy', '']]);
      expect((await exportData(db, new Date(NOW))).checkIns.map((c) => c.id)).toEqual([movedId(ZOOM, 'checkIns')]);
    }
  });
});

describe('bad room records are refused with a message and change nothing', () => {
  const good = room(ZOOM, stamp(1));
  it.each([
    ['a room key with a space', { rooms: [{ ...good, id: 'zoom:812 345' }] }, /room 1 \(rooms\[0\]\).*room key/],
    ['a room key without a site', { rooms: [{ ...good, id: '81234567890' }] }, /room key/],
    ['an unknown kind', { rooms: [{ ...good, kind: 'work' }] }, /"kind" must be "therapy" or "muted"/],
    ['a name past the limit', { rooms: [{ ...good, name: 'x'.repeat(201) }] }, /"name" must be at most 200 characters/],
    ['an unknown field', { rooms: [{ ...good, url: 'https://zoom.us/j/81234567890' }] }, /a field Debrief does not know: "url"/],
    ['the same room twice', { rooms: [good, good] }, /appears twice/],
    ['a deletion of a room named by a record id', { tombstones: [{ ...tombstone('c1', 'rooms', stamp(2)) }] }, /room key/],
  ])('%s', async (_case, data, message) => {
    const db = await freshDb();
    await setRoom(db, { id: ZOOM, platform: 'zoom', kind: 'muted' }, NOW - 10 * MINUTE);
    const before = await ownExport(db);
    const result = await importText(db, JSON.stringify({ ...exportOf({}), ...data }), '', { now: NOW });
    expect(result.ok ? 'accepted' : result.error).toMatch(message);
    expect(await ownExport(db)).toBe(before);
  });
});
