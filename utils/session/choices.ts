/** The lasting answers "Not a therapy session" offers, and what each one does. */
import type { DebriefDb } from '../db/open';
import { getRoom, removeRoom, setRoom } from '../db/rooms';
import type { Session } from '../db/schema';
import { platformKind } from '../sites/catalog';
import { roomModes, setPlatformAsked, setRoomMode } from '../storage';

export type LastingChoiceId = 'muteRoom' | 'therapyRoomsOnly' | 'stopAsking';

/** Muting needs the call's meeting; "only my therapy rooms" needs a platform that learns rooms. */
export function lastingChoicesFor(session: Pick<Session, 'platform' | 'roomKey'>): LastingChoiceId[] {
  const choices: LastingChoiceId[] = [];
  if (session.roomKey) choices.push('muteRoom');
  if (platformKind(session.platform) === 'meeting') choices.push('therapyRoomsOnly');
  return [...choices, 'stopAsking'];
}

/** Takes the choice; resolves to what puts things back as they were (the confirmation's Undo). */
export async function takeLastingChoice(
  db: DebriefDb,
  session: Pick<Session, 'platform' | 'roomKey'>,
  choice: LastingChoiceId,
): Promise<() => Promise<void>> {
  const { platform, roomKey } = session;
  if (choice === 'muteRoom' && roomKey) {
    const before = await getRoom(db, roomKey);
    await setRoom(db, { id: roomKey, platform, kind: 'muted' });
    return async () => {
      if (before) await setRoom(db, { id: roomKey, platform, kind: before.kind, name: before.name });
      else await removeRoom(db, roomKey);
    };
  }
  if (choice === 'therapyRoomsOnly') {
    const before = (await roomModes.getValue())[platform] ?? 'every-room';
    await setRoomMode(platform, 'therapy-rooms');
    return () => setRoomMode(platform, before);
  }
  if (choice === 'stopAsking') {
    await setPlatformAsked(platform, false);
    return () => setPlatformAsked(platform, true);
  }
  return async () => undefined;
}
