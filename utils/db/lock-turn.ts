/** Turning the lock on and off and changing the passphrase: each rewrite in one transaction (unlocking: unlock.ts). */
import type { IDBPTransaction } from 'idb';
import { t } from '../i18n/index.ts';
import { hasPlain, isSealed, openCheckIn, sealCheckIn } from '../lock/checkins';
import { openGoal, sealGoal } from '../lock/goals';
import { openRoom, sealRoom } from '../lock/rooms';
import { createLock, openLock, rewrapForPassphrase, type LockRecord } from '../lock/keys';
import { forgetUnlocked, rememberUnlocked } from '../lock/session';
import { openDraft, sealDraft } from './drafts';
import { StorageError, toStorageError } from './errors';
import { openingKey, readLock } from './lock';
import { writeSealedMonths } from './trend-months';
import type { DebriefDb } from './open';
import type { CheckIn, DebriefSchema, Draft, Goal, Room } from './schema';

type RewriteTx = IDBPTransaction<DebriefSchema, ('checkIns' | 'drafts' | 'goals' | 'rooms' | 'meta' | 'trendMonths')[], 'readwrite'>;

const ATTEMPTS = 3;

/** What a rewrite does to each record: its new form, or null to leave it as it is. */
interface Rewrite {
  checkIn(checkIn: CheckIn): Promise<CheckIn> | null;
  draft(draft: Draft): Promise<Draft> | null;
  goal(goal: Goal): Promise<Goal> | null;
  room(room: Room): Promise<Room> | null;
}

function signature(checkIns: CheckIn[], drafts: Draft[], goals: Goal[], rooms: Room[]): string {
  return [
    ...rooms.map((room) => `room:${room.id}|${room.updatedAt}|${room.sealed === undefined}`),
    ...goals.map((goal) => `goal:${goal.id}|${goal.updatedAt}|${goal.sealed === undefined}`),
    ...checkIns.map((checkIn) => `${checkIn.id}|${checkIn.updatedAt}|${checkIn.history.length}|${checkIn.sealed === undefined}`),
    ...drafts.map((draft) => `draft:${draft.key}|${draft.savedAt}|${draft.sealed === undefined}`),
  ]
    .sort()
    .join('\n');
}

/**
 * Rewrites every check-in and draft in ONE transaction, never half. The cipher cannot run inside a
 * transaction, so the records are read, changed, then written only if none moved since (a check-in
 * saved or a draft typed meanwhile makes it start again).
 */
async function rewriteAll(db: DebriefDb, rewrite: Rewrite, finish: (tx: RewriteTx) => Promise<unknown>): Promise<CheckIn[]> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const [checkIns, drafts, goals, rooms] = await Promise.all([db.getAll('checkIns'), db.getAll('drafts'), db.getAll('goals'), db.getAll('rooms')]);
    const changed = await Promise.all([...checkIns.map((checkIn) => rewrite.checkIn(checkIn))].filter((work) => work !== null));
    const changedDrafts = await Promise.all([...drafts.map((draft) => rewrite.draft(draft))].filter((work) => work !== null));
    const changedGoals = await Promise.all([...goals.map((goal) => rewrite.goal(goal))].filter((work) => work !== null));
    const changedRooms = await Promise.all([...rooms.map((room) => rewrite.room(room))].filter((work) => work !== null));
    const tx = db.transaction(['checkIns', 'drafts', 'goals', 'rooms', 'meta', 'trendMonths'], 'readwrite');
    const [checkInsNow, draftsNow, goalsNow, roomsNow] = await Promise.all(
      [tx.objectStore('checkIns').getAll(), tx.objectStore('drafts').getAll(), tx.objectStore('goals').getAll(), tx.objectStore('rooms').getAll()] as const,
    );
    if (signature(checkInsNow, draftsNow, goalsNow, roomsNow) !== signature(checkIns, drafts, goals, rooms)) {
      tx.abort();
      await tx.done.catch(() => undefined);
      continue;
    }
    await Promise.all([
      ...changed.map((checkIn) => tx.objectStore('checkIns').put(checkIn)),
      ...changedDrafts.map((draft) => tx.objectStore('drafts').put(draft)),
      ...changedGoals.map((goal) => tx.objectStore('goals').put(goal)),
      ...changedRooms.map((room) => tx.objectStore('rooms').put(room)),
      finish(tx),
    ]);
    await tx.done;
    return checkIns;
  }
  throw new StorageError(t('lock.busy'), 'unknown');
}

/**
 * Puts `record` in place as this profile's lock and seals every plain check-in, draft, goal and room
 * name with its private key, in one pass; then keeps the key as an unlock does.
 */
async function lockWith(db: DebriefDb, record: LockRecord, key: CryptoKey): Promise<void> {
  if (await readLock(db)) throw new StorageError(t('lock.alreadyOn'), 'unknown');
  // Sealed with the private key's data key: they open fast once unlocked.
  const seal: Rewrite = {
    checkIn: (checkIn) => (hasPlain(checkIn) ? sealCheckIn(key, checkIn) : null),
    draft: (draft) => (draft.sealed === undefined ? sealDraft(key, draft) : null),
    goal: (goal) => (goal.sealed === undefined ? sealGoal(key, goal) : null),
    room: (room) => (room.sealed === undefined && room.name !== '' ? sealRoom(key, room) : null),
  };
  const plain = await rewriteAll(db, seal, (tx) =>
    // The packed months hold ratings: emptied here, then written again sealed.
    Promise.all([tx.objectStore('meta').put({ key: 'lock', value: record }), tx.objectStore('trendMonths').clear()]),
  );
  await rememberUnlocked(key);
  // Sealing keeps each record's stamp, so the records as read stand for those written.
  await writeSealedMonths(db, key, plain, plain, new Map());
}

/** Sets the lock: seals every check-in, draft, goal and room name in one pass and returns the recovery key, shown once. */
export async function turnLockOn(db: DebriefDb, passphrase: string, iterations?: number): Promise<string> {
  try {
    if (await readLock(db)) throw new StorageError(t('lock.alreadyOn'), 'unknown');
    const lock = await createLock(passphrase, iterations);
    await lockWith(db, lock.record, lock.privateKey);
    return lock.recoveryKey;
  } catch (error) {
    throw toStorageError(error);
  }
}

/**
 * Takes on the lock a file from another device was saved with (this profile has none): its
 * passphrase or recovery key opens it, then this profile is locked the same way, so both share
 * the lock. False, changing nothing, when the secret does not open it.
 */
export async function adoptLock(db: DebriefDb, record: LockRecord, secret: string): Promise<boolean> {
  try {
    const key = await openLock(record, secret);
    if (!key) return false;
    await lockWith(db, record, key);
    return true;
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Turns the lock off (unlocked only): opens every check-in, draft, goal and room name in one pass and forgets the keys. */
export async function turnLockOff(db: DebriefDb): Promise<void> {
  try {
    const key = await openingKey();
    const open: Rewrite = {
      checkIn: (checkIn) => (isSealed(checkIn) ? openCheckIn(key, checkIn) : null),
      draft: (draft) => (draft.sealed === undefined ? null : openDraft(key, draft)),
      goal: (goal) => (goal.sealed === undefined ? null : openGoal(key, goal)),
      room: (room) => (room.sealed === undefined ? null : openRoom(key, room)),
    };
    await rewriteAll(db, open, (tx) =>
      Promise.all([tx.objectStore('meta').delete('lock'), tx.objectStore('trendMonths').clear()]),
    );
    await forgetUnlocked();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** A new passphrase (unlocked only): the private key is wrapped again, no record changes. */
export async function changePassphrase(db: DebriefDb, passphrase: string): Promise<void> {
  try {
    const key = await openingKey();
    const lock = await readLock(db);
    if (!lock) return;
    const record = await rewrapForPassphrase(lock, key, passphrase);
    await db.put('meta', { key: 'lock', value: record });
  } catch (error) {
    throw toStorageError(error);
  }
}
