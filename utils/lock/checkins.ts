/**
 * Which parts of a check-in the lock seals: what the person wrote and rated. Ids, stamps, session
 * times, platform and the ticked-off flag stay readable, so saving, merging and offers work locked.
 */
import { emptyNotes, emptyRatings } from '../checkin/instrument';
import type { CheckIn, CheckInAnswers, CheckInVersion } from '../db/schema';
import { openJson, sealJson, type SealPlace } from './envelope';

type Secrets = CheckInAnswers & Pick<CheckInVersion, 'reflection'>;

/** What the person filled in (a check-in's or a draft's answers), to be sealed. */
export function answersOf({ ratings, overall, notes, goalProgress, tags, provider }: CheckInAnswers): CheckInAnswers {
  return { ratings, overall, notes, goalProgress, tags, provider };
}

/** What a sealed record shows in place of the answers: nothing. */
export function blankAnswers(): CheckInAnswers {
  return { ratings: emptyRatings(), overall: null, notes: emptyNotes(), goalProgress: [], tags: [], provider: '' };
}

function placeOf(version: CheckInVersion): SealPlace {
  return { store: 'checkIns', id: version.id, stamp: version.updatedAt };
}

function blanks(): Secrets {
  return { ...blankAnswers(), reflection: null };
}

async function sealVersion<T extends CheckInVersion>(key: CryptoKey, version: T): Promise<T> {
  if (version.sealed !== undefined) return version;
  const secrets: Secrets = { ...answersOf(version), reflection: version.reflection };
  return { ...version, ...blanks(), sealed: await sealJson(key, placeOf(version), secrets) };
}

async function openVersion<T extends CheckInVersion>(privateKey: CryptoKey, version: T): Promise<T> {
  if (version.sealed === undefined) return version;
  const { sealed, ...rest } = version;
  // Authenticated: only Debrief sealed it, for this very record and stamp.
  const secrets = (await openJson(privateKey, placeOf(version), sealed)) as Secrets;
  return { ...rest, ...blanks(), ...secrets } as T;
}

/** True when any version of the check-in is sealed. */
export function isSealed(checkIn: CheckIn): boolean {
  return checkIn.sealed !== undefined || checkIn.history.some((version) => version.sealed !== undefined);
}

/** True when some version of the check-in is still plain. */
export function hasPlain(checkIn: CheckIn): boolean {
  return checkIn.sealed === undefined || checkIn.history.some((version) => version.sealed === undefined);
}

/** Seals every plain version of a check-in (its history too): public key, or private key while unlocked. */
export async function sealCheckIn(key: CryptoKey, checkIn: CheckIn): Promise<CheckIn> {
  const history = await Promise.all(checkIn.history.map((version) => sealVersion(key, version)));
  return { ...(await sealVersion(key, checkIn)), history };
}

/** Opens every sealed version of a check-in; throws BrokenSealError if any does not open whole. */
export async function openCheckIn(privateKey: CryptoKey, checkIn: CheckIn): Promise<CheckIn> {
  const history = await Promise.all(checkIn.history.map((version) => openVersion(privateKey, version)));
  return { ...(await openVersion(privateKey, checkIn)), history };
}
