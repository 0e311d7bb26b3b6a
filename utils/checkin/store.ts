import { saveCheckIn, type NewCheckIn } from '../db/checkins';
import { getDraft, putDraft } from '../db/drafts';
import { isLocked } from '../db/errors';
import { unlock } from '../db/unlock';
import { getDb, type DebriefDb } from '../db/open';
import type { CheckIn, CheckInAnswers } from '../db/schema';

/** What the check-in screen needs from storage, so components never open the database. */
export interface CheckInStore {
  /** `locked`: a check-in started earlier is sealed; it is kept, and continues once unlocked. */
  loadDraft(key: string): Promise<CheckInAnswers | undefined | 'locked'>;
  /** Resolves true when the passphrase or recovery key opened the lock. */
  unlock(secret: string): Promise<boolean>;
  saveDraft(key: string, answers: CheckInAnswers): Promise<void>;
  save(input: NewCheckIn): Promise<CheckIn>;
}

/** The check-in store backed by Debrief's IndexedDB. */
export function dbCheckInStore(db: () => Promise<DebriefDb> = getDb): CheckInStore {
  return {
    async loadDraft(key) {
      const draft = await getDraft(await db(), key).catch((error: unknown) => {
        if (isLocked(error)) return 'locked' as const;
        throw error;
      });
      if (!draft || draft === 'locked') return draft;
      const { key: _key, savedAt: _savedAt, ...answers } = draft;
      return answers;
    },
    async saveDraft(key, answers) {
      await putDraft(await db(), key, answers);
    },
    async unlock(secret) {
      return unlock(await db(), secret);
    },
    async save(input) {
      return saveCheckIn(await db(), input);
    },
  };
}
