import { answersOf, blankAnswers } from '../lock/checkins';
import { openJson, sealJson, type SealPlace } from '../lock/envelope';
import { toStorageError } from './errors';
import { brokenSeal, openingKey, writingKey } from './lock';
import type { DebriefDb } from './open';
import type { CheckInAnswers, Draft } from './schema';
import { localIsoString } from './time';

function placeOf(draft: Draft): SealPlace {
  return { store: 'drafts', id: draft.key, stamp: draft.savedAt };
}

/** The draft with its answers sealed (public key, or private key while unlocked; blank in the clear). */
export async function sealDraft(key: CryptoKey, draft: Draft): Promise<Draft> {
  if (draft.sealed !== undefined) return draft;
  return { ...draft, ...blankAnswers(), sealed: await sealJson(key, placeOf(draft), answersOf(draft)) };
}

/** The draft as typed; throws BrokenSealError unless its sealed answers open whole. */
export async function openDraft(privateKey: CryptoKey, draft: Draft): Promise<Draft> {
  if (draft.sealed === undefined) return draft;
  const { sealed, ...rest } = draft;
  // Authenticated: only Debrief sealed it, for this draft and time.
  return { ...rest, ...answersOf((await openJson(privateKey, placeOf(draft), sealed)) as CheckInAnswers) };
}

/** The draft as typed; while locked a sealed one raises the `locked` error (the window says so). */
export async function getDraft(db: DebriefDb, key: string): Promise<Draft | undefined> {
  try {
    const draft = await db.get('drafts', key);
    if (draft?.sealed === undefined) return draft;
    const privateKey = await openingKey();
    return await openDraft(privateKey, draft).catch((error: unknown) => {
      throw brokenSeal(error);
    });
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Keeps what the person has typed so far (sealed while the lock is on); called on every change. */
export async function putDraft(db: DebriefDb, key: string, answers: CheckInAnswers, now: Date = new Date()): Promise<void> {
  try {
    const plain: Draft = { ...answersOf(answers), key, savedAt: localIsoString(now) };
    const sealWith = await writingKey(db);
    const draft = sealWith ? await sealDraft(sealWith, plain) : plain;
    const tx = db.transaction('drafts', 'readwrite');
    void tx.store.put(draft);
    // Commit at once rather than when the task ends: the window may be closing.
    tx.commit();
    await tx.done;
  } catch (error) {
    throw toStorageError(error);
  }
}
