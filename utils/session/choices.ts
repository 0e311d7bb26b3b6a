/** The lasting answers "Not a therapy session" offers, and what each one does. */
import type { DebriefDb } from '../db/open';
import { setRoom } from '../db/rooms';
import type { Session } from '../db/schema';
import { siteById } from '../sites/registry';
import { setPlatformAsked, setRoomMode } from '../storage';

export type LastingChoiceId = 'muteRoom' | 'therapyRoomsOnly' | 'stopAsking';

/** Muting needs the call's meeting; "only my therapy rooms" needs a platform that learns rooms. */
export function lastingChoicesFor(session: Pick<Session, 'platform' | 'roomKey'>): LastingChoiceId[] {
  const choices: LastingChoiceId[] = [];
  if (session.roomKey) choices.push('muteRoom');
  if (siteById(session.platform)?.kind === 'meeting') choices.push('therapyRoomsOnly');
  return [...choices, 'stopAsking'];
}

export async function takeLastingChoice(db: DebriefDb, session: Pick<Session, 'platform' | 'roomKey'>, choice: LastingChoiceId): Promise<void> {
  if (choice === 'muteRoom' && session.roomKey) await setRoom(db, { id: session.roomKey, platform: session.platform, kind: 'muted' });
  if (choice === 'therapyRoomsOnly') await setRoomMode(session.platform, 'therapy-rooms');
  if (choice === 'stopAsking') await setPlatformAsked(session.platform, false);
}
