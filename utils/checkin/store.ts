import { browser } from 'wxt/browser';
import { saveCheckIn, type NewCheckIn } from '../db/checkins';
import { getDraft, putDraft } from '../db/drafts';
import { isLocked } from '../db/errors';
import { unlock } from '../db/unlock';
import { getDb, type DebriefDb } from '../db/open';
import type { CheckIn, CheckInAnswers } from '../db/schema';
import type { PageMessage } from '../session/messages';

/** What the check-in screen needs from storage, so components never open the database. */
export interface CheckInStore {
  /** `locked`: a check-in started earlier is sealed; it is kept, and continues once unlocked. */
  loadDraft(key: string): Promise<CheckInAnswers | undefined | 'locked'>;
  /** Resolves true when the passphrase or recovery key opened the lock. */
  unlock(secret: string): Promise<boolean>;
  saveDraft(key: string, answers: CheckInAnswers): Promise<void>;
  save(input: NewCheckIn): Promise<CheckIn>;
}

/** The check-in store backed by Debrief's IndexedDB; a save is told to the background. */
export function dbCheckInStore(db: () => Promise<DebriefDb> = getDb, tell: (message: PageMessage) => Promise<unknown> = (message) => browser.runtime.sendMessage(message)): CheckInStore {
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
      const checkIn = await saveCheckIn(await db(), input);
      // Told here, once for every page that saves: the background plans the follow-up reflection.
      const saved: PageMessage = { type: 'check-in-saved', checkInId: checkIn.id, createdMs: checkIn.createdMs };
      await tell(saved).catch(() => undefined);
      return checkIn;
    },
  };
}
