/** Rooms' names with the lock on: sealed on disk, opened while unlocked, blank while locked. */
import { openRoom, sealRoom } from '../lock/rooms';
import { unlockedKey } from '../lock/session';
import { brokenSeal, writingKey } from './lock';
import type { DebriefDb } from './open';
import type { Room } from './schema';

/** Rooms with their names opened while unlocked; while locked a sealed room shows no name (its platform label instead). */
export async function readableRooms(rooms: Room[]): Promise<Room[]> {
  if (!rooms.some((room) => room.sealed !== undefined)) return rooms;
  const key = await unlockedKey();
  if (!key) return rooms;
  return Promise.all(rooms.map((room) => openRoom(key, room))).catch((error: unknown) => {
    throw brokenSeal(error);
  });
}

/** Incoming rooms sealed for a locked profile, keeping the sealed form of a version this profile holds. */
export async function sealIncomingRooms(db: DebriefDb, incoming: Room[]): Promise<Room[]> {
  const key = await writingKey(db);
  if (!key) return incoming;
  const held = new Map((await db.getAll('rooms')).map((room) => [`${room.id}|${room.updatedAt}`, room]));
  return Promise.all(incoming.map((room) => held.get(`${room.id}|${room.updatedAt}`) ?? sealRoom(key, room)));
}
