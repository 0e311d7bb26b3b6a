/**
 * A room's name is what the person called it (often their therapist's name): sealed with the lock on.
 * Its key, platform and kind stay readable: deciding whether to ask after a call needs them while locked.
 */
import type { Room } from '../db/schema';
import { openJson, sealJson, type SealPlace } from './envelope';

/*
 * Bound to the room and its creation, not its stamp: making a room therapy or muted happens inside
 * the transaction that saves a check-in, where the cipher cannot run, and keeps the sealed name.
 */
function placeOf(room: Room): SealPlace {
  return { store: 'rooms', id: room.id, stamp: room.createdAt };
}

/** The room with its name sealed; a room with no name has nothing to seal. */
export async function sealRoom(key: CryptoKey, room: Room): Promise<Room> {
  if (room.sealed !== undefined || room.name === '') return room;
  return { ...room, name: '', sealed: await sealJson(key, placeOf(room), { name: room.name }) };
}

/** The room as named; throws BrokenSealError unless its name opens whole. */
export async function openRoom(privateKey: CryptoKey, room: Room): Promise<Room> {
  if (room.sealed === undefined) return room;
  const { sealed, ...rest } = room;
  const { name } = (await openJson(privateKey, placeOf(room), sealed)) as { name: string };
  return { ...rest, name };
}
