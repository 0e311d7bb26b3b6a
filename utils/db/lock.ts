/**
 * The lock at the repository layer: check-ins are sealed on the way in when the lock is on (with
 * the public key only, so saving never needs the passphrase) and opened on the way out (with the
 * unlocked private key, or a `locked` StorageError the pages turn into the unlock screen).
 */
import type { StoreNames } from 'idb';
import { t } from '../i18n/index.ts';
import { isSealed, openCheckIn, openKnown, sealCheckIn, type KnownSecrets } from '../lock/checkins';
import { importPublicKey } from '../lock/envelope';
import { openGoal, sealGoal } from '../lock/goals';
import type { LockRecord } from '../lock/keys';
import { isUnlocked, unlockedKey } from '../lock/session';
import { lockedError, StorageError } from './errors';
import { readMeta, stampIn } from './meta';
import type { DebriefDb } from './open';
import type { CheckIn, CheckInVersion, DebriefSchema, Goal } from './schema';

/** The lock as stored, or undefined while it is off. */
export async function readLock(db: DebriefDb): Promise<LockRecord | undefined> {
  return readMeta(db.transaction('meta').store, 'lock');
}

export type LockState = 'off' | 'locked' | 'unlocked';

/** Whether the lock is on, and if so whether this browser session holds the key. */
export async function lockState(db: DebriefDb): Promise<LockState> {
  if (!(await readLock(db))) return 'off';
  return (await isUnlocked()) ? 'unlocked' : 'locked';
}

let publicCache: { raw: string; key: Promise<CryptoKey> } | undefined;

/** The public key records are sealed with, or null while the lock is off. */
export async function sealingKey(db: DebriefDb): Promise<CryptoKey | null> {
  const lock = await readLock(db);
  if (!lock) return null;
  if (publicCache?.raw !== lock.publicKey) publicCache = { raw: lock.publicKey, key: importPublicKey(lock.publicKey) };
  return publicCache.key;
}

/**
 * The key records are sealed with while the lock is on: the private key while unlocked (its data
 * key seals and opens fast), else the public key; null while the lock is off.
 */
export async function writingKey(db: DebriefDb): Promise<CryptoKey | null> {
  const publicKey = await sealingKey(db);
  if (!publicKey) return null;
  return (await unlockedKey()) ?? publicKey;
}

/** Why a file saved while locked cannot be merged here yet; `needsLock`: this profile has no lock and can take on the file's. */
export interface FileLockProblem {
  error: string;
  needsLock: boolean;
}

/**
 * Why a file saved while locked cannot be merged here, or null: its sealed records are merged as
 * they are only into a profile that shares its lock (same public key).
 */
export async function fileLockProblem(db: DebriefDb, file: { lock?: LockRecord }): Promise<FileLockProblem | null> {
  if (!file.lock) return null;
  const mine = await readLock(db);
  if (!mine) return { error: t('lock.adopt.needed'), needsLock: true };
  return mine.publicKey === file.lock.publicKey ? null : { error: t('lock.otherLock'), needsLock: false };
}

/** The check-in as it is stored: sealed while the lock is on. */
export async function storedForm(db: DebriefDb, checkIn: CheckIn): Promise<CheckIn> {
  const key = await writingKey(db);
  return key ? sealCheckIn(key, checkIn) : checkIn;
}

/** The private key, or a `locked` error: for reads that cannot go on without it. */
export async function openingKey(): Promise<CryptoKey> {
  const key = await unlockedKey();
  if (!key) throw lockedError();
  return key;
}

/**
 * Check-ins as the person wrote them (secrets already opened from a sealed month taken from `known`,
 * the private key given or fetched); a sealed one that does not open whole is refused, never shown half-read.
 */
export async function openCheckIns(checkIns: CheckIn[], known?: KnownSecrets, privateKey?: CryptoKey): Promise<CheckIn[]> {
  if (!checkIns.some(isSealed)) return checkIns;
  const key = privateKey ?? (await openingKey());
  try {
    return await Promise.all(checkIns.map((checkIn) => (known && openKnown(checkIn, known)) ?? openCheckIn(key, checkIn, known)));
  } catch (error) {
    throw brokenSeal(error);
  }
}

/** Goals as the person wrote them, or the `locked` error while locked. */
export async function openGoals(goals: Goal[]): Promise<Goal[]> {
  if (!goals.some((goal) => goal.sealed !== undefined)) return goals;
  const key = await openingKey();
  return Promise.all(goals.map((goal) => openGoal(key, goal))).catch((error: unknown) => {
    throw brokenSeal(error);
  });
}

/** The goal as it is stored: its title sealed while the lock is on. */
export async function storedGoal(db: DebriefDb, goal: Goal): Promise<Goal> {
  const key = await writingKey(db);
  return key ? sealGoal(key, goal) : goal;
}

/** A sealed record that did not open whole, in words: it is refused, never shown half-read. */
export function brokenSeal(cause: unknown): StorageError {
  return new StorageError(t('lock.broken'), 'unknown', { cause });
}

/**
 * A stamp taken in a transaction of its own: sealing binds the stamp and cannot run inside the
 * record's transaction (it would close while the cipher works). An unused stamp is harmless.
 */
export async function takeStamp(db: DebriefDb, now: number): Promise<{ stamp: string; deviceId: string }> {
  const tx = db.transaction(['meta'] as StoreNames<DebriefSchema>[], 'readwrite');
  const taken = await stampIn(tx, now);
  await tx.done;
  return taken;
}

/**
 * An import into a locked profile comes in sealed, so no plain word is ever written. A version this
 * profile already holds keeps its own sealed form, so merge sees the same record on both sides.
 */
export async function sealIncoming(db: DebriefDb, incoming: CheckIn[]): Promise<CheckIn[]> {
  const key = await writingKey(db);
  if (!key) return incoming;
  const held = await heldVersions(db);
  const asHeld = <T extends CheckInVersion>(version: T): T => {
    const mine = held.get(`${version.id}|${version.updatedAt}`);
    if (!mine) return version;
    const { history: _history, ...fields } = mine as CheckIn;
    return { ...version, ...fields };
  };
  return Promise.all(
    incoming.map((checkIn) => sealCheckIn(key, { ...asHeld(checkIn), history: checkIn.history.map(asHeld) })),
  );
}

/** Incoming goals sealed likewise, keeping the sealed form of a version this profile holds. */
export async function sealIncomingGoals(db: DebriefDb, incoming: Goal[]): Promise<Goal[]> {
  const key = await writingKey(db);
  if (!key) return incoming;
  const held = new Map((await db.getAll('goals')).map((goal) => [`${goal.id}|${goal.updatedAt}`, goal]));
  return Promise.all(incoming.map((goal) => held.get(`${goal.id}|${goal.updatedAt}`) ?? sealGoal(key, goal)));
}

async function heldVersions(db: DebriefDb): Promise<Map<string, CheckInVersion>> {
  const held = new Map<string, CheckInVersion>();
  for (const checkIn of await db.getAll('checkIns')) {
    for (const version of [checkIn, ...checkIn.history]) held.set(`${version.id}|${version.updatedAt}`, version);
  }
  return held;
}
