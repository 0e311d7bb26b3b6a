import { toStorageError } from './errors';
import type { DebriefDb } from './open';
import type { Session } from './schema';

export async function getSession(db: DebriefDb, id: string): Promise<Session | undefined> {
  try {
    return await db.get('sessions', id);
  } catch (error) {
    throw toStorageError(error);
  }
}
