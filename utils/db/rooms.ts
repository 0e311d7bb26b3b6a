/** The rooms the person taught Debrief: therapy rooms (always ask) and muted rooms (never ask). */
import type { IDBPTransaction, StoreNames } from 'idb';
import { MAX_ROOM_NAME } from '../checkin/limits';
import { sealRoom } from '../lock/rooms';
import { guarded } from './errors';
import { takeStamp, writingKey } from './lock';
import { readableRooms } from './lock-rooms';
import { deleteSyncedIn, stampIn } from './meta';
import type { DebriefDb } from './open';
import type { DebriefSchema, Room, RoomKind, Session } from './schema';
import { localIsoString } from './time';

type RoomTx = IDBPTransaction<DebriefSchema, StoreNames<DebriefSchema>[], 'readwrite'>;

/** A room, its name opened while unlocked (blank while locked). */
export function getRoom(db: DebriefDb, id: string): Promise<Room | undefined> {
  return guarded(async () => {
    const room = await db.get('rooms', id);
    return room && (await readableRooms([room]))[0];
  });
}

/** Every room, names opened while unlocked (blank while locked). */
export function listRooms(db: DebriefDb): Promise<Room[]> {
  return guarded(async () => readableRooms(await db.getAll('rooms')));
}

/**
 * Makes a room therapy or muted inside a transaction that holds `rooms` and `meta`, keeping its name
 * (or taking `name` when it had none). A room already of that kind is left as it is.
 */
export async function setRoomIn(tx: RoomTx, room: { id: string; platform: string; kind: RoomKind; name?: string }, now: number): Promise<Room> {
  const store = tx.objectStore('rooms');
  const current = await store.get(room.id);
  // A sealed name is a name: it is kept as it is.
  const sealed = current?.sealed;
  const name = sealed === undefined ? (current?.name || room.name || '').trim().slice(0, MAX_ROOM_NAME) : '';
  if (current && current.kind === room.kind && current.name === name) return current;
  const { stamp, deviceId } = await stampIn(tx, now);
  const next: Room = {
    id: room.id,
    createdAt: current?.createdAt ?? localIsoString(new Date(now)),
    createdMs: current?.createdMs ?? now,
    updatedAt: stamp,
    deviceId,
    platform: room.platform,
    kind: room.kind,
    name,
    ...(sealed === undefined ? {} : { sealed }),
  };
  await store.put(next);
  return next;
}

/** Makes a room therapy or muted (a mute replaces therapy, and therapy a mute). */
export function setRoom(db: DebriefDb, room: { id: string; platform: string; kind: RoomKind; name?: string }, now: number = Date.now()): Promise<Room> {
  return guarded(async () => {
    // With the lock on a new name is sealed first, outside the transaction.
    const locked = room.name && (await writingKey(db));
    const tx = db.transaction(['rooms', 'meta'], 'readwrite');
    const saved = await setRoomIn(tx, locked ? { ...room, name: undefined } : room, now);
    await tx.done;
    return locked ? nameIfUnnamed(db, saved, room.name!, now) : saved;
  });
}

/** Gives a room with no name this one, sealed with the lock on (the therapist named in a check-in). */
export async function nameIfUnnamed(db: DebriefDb, room: Room, name: string, now: number = Date.now()): Promise<Room> {
  if (room.name !== '' || room.sealed !== undefined || name.trim() === '') return room;
  return (await renameRoom(db, room.id, name, now)) ?? room;
}

/** Gives a room the name the person knows it by; bad input changes nothing. */
export function renameRoom(db: DebriefDb, id: string, name: string, now: number = Date.now()): Promise<Room | undefined> {
  return guarded(async () => {
    const key = await writingKey(db);
    if (key) return renameSealed(db, key, id, name, now);
    const tx = db.transaction(['rooms', 'meta'], 'readwrite');
    const current = await tx.objectStore('rooms').get(id);
    const trimmed = name.trim().slice(0, MAX_ROOM_NAME);
    if (!current || current.name === trimmed) {
      await tx.done;
      return current;
    }
    const { stamp, deviceId } = await stampIn(tx, now);
    const next = { ...current, name: trimmed, updatedAt: stamp, deviceId };
    await tx.objectStore('rooms').put(next);
    await tx.done;
    return next;
  });
}

/** Renames with the lock on: the name is sealed outside the write, which happens only if the room did not move meanwhile. */
async function renameSealed(db: DebriefDb, key: CryptoKey, id: string, name: string, now: number): Promise<Room | undefined> {
  const before = await db.get('rooms', id);
  if (!before) return undefined;
  const { stamp, deviceId } = await takeStamp(db, now);
  const { sealed: _old, ...plain } = before;
  const next = await sealRoom(key, { ...plain, name: name.trim().slice(0, MAX_ROOM_NAME), updatedAt: stamp, deviceId });
  const tx = db.transaction(['rooms'], 'readwrite');
  const latest = await tx.objectStore('rooms').get(id);
  if (latest?.updatedAt !== before.updatedAt) {
    await tx.done;
    return latest && (await readableRooms([latest]))[0];
  }
  await tx.objectStore('rooms').put(next);
  await tx.done;
  return (await readableRooms([next]))[0];
}

/**
 * Forgets a room: calls there are asked about as the platform's setting says. The deletion record
 * carries the removal to other devices, as for any record that syncs.
 */
export function removeRoom(db: DebriefDb, id: string, now: number = Date.now()): Promise<void> {
  return guarded(async () => {
    const tx = db.transaction(['rooms', 'tombstones', 'meta'], 'readwrite');
    await deleteSyncedIn(tx, 'rooms', id, now);
    await tx.done;
  });
}

/** How long calls in this room usually last: the median of its finished sessions, or null with none. */
export async function usualLengthMs(db: DebriefDb, roomKey: string): Promise<number | null> {
  const sessions: Session[] = await guarded(() => db.getAllFromIndex('sessions', 'by-room', roomKey));
  const lengths = sessions
    // Sessions in an app have no known length.
    .filter((s) => !s.app && s.endedMs !== null && s.status !== 'in-progress')
    .map((s) => s.endedMs! - s.startedMs)
    .filter((ms) => ms > 0)
    .sort((a, b) => a - b);
  if (lengths.length === 0) return null;
  const middle = Math.floor(lengths.length / 2);
  return lengths.length % 2 ? lengths[middle]! : Math.round((lengths[middle - 1]! + lengths[middle]!) / 2);
}
