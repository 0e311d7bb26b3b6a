/**
 * Which parts of a check-in the lock seals: what the person wrote and rated. Ids, stamps, session
 * times, platform and the ticked-off flag stay readable, so saving, merging and offers work locked.
 */
import { emptyNotes, emptyRatings } from '../checkin/instrument';
import type { CheckIn, CheckInAnswers, CheckInVersion } from '../db/schema';
import { openJson, sealJson, type SealPlace } from './envelope';

/** What the lock seals of one version of a check-in. */
export type Secrets = CheckInAnswers & Pick<CheckInVersion, 'reflection'>;

/** Opened versions' secrets by `versionKey`, from a sealed month (utils/lock/trend-months.ts). */
export type KnownSecrets = ReadonlyMap<string, Secrets>;

/** Names one version of a check-in: its id and stamp, which its sealed part is bound to. */
export function versionKey({ id, updatedAt }: Pick<CheckInVersion, 'id' | 'updatedAt'>): string {
  return `${id}|${updatedAt}`;
}

/** What the person wrote and rated in an opened version. */
export function secretsOf(version: CheckInVersion): Secrets {
  return { ...answersOf(version), reflection: version.reflection };
}

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
  return { ...version, ...blanks(), sealed: await sealJson(key, placeOf(version), secretsOf(version)) };
}

/** The version with its secrets in place; `whole` when they come from secretsOf (every field there, no blanks needed). */
function withSecrets<T extends CheckInVersion>(version: T, secrets: Secrets, whole = false): T {
  const { sealed: _sealed, ...rest } = version;
  return (whole ? { ...rest, ...secrets } : { ...rest, ...blanks(), ...secrets }) as T;
}

async function openVersion<T extends CheckInVersion>(privateKey: CryptoKey, version: T, known?: KnownSecrets): Promise<T> {
  if (version.sealed === undefined) return version;
  // Authenticated: only Debrief sealed it, for this very record and stamp (or the month holding it).
  const secrets = known?.get(versionKey(version));
  return secrets ? withSecrets(version, secrets, true) : withSecrets(version, (await openJson(privateKey, placeOf(version), version.sealed)) as Secrets);
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

/** True when a sealed version of the check-in is not among `known`: it must be opened on its own. */
export function missing(checkIn: CheckIn, known: KnownSecrets): boolean {
  return [checkIn, ...checkIn.history].some((version) => version.sealed !== undefined && !known.has(versionKey(version)));
}

/** The check-in opened from `known` alone, with no cipher call; null when a sealed version is not there. */
export function openKnown(checkIn: CheckIn, known: KnownSecrets): CheckIn | null {
  if (missing(checkIn, known)) return null;
  const open = <T extends CheckInVersion>(version: T): T => (version.sealed === undefined ? version : withSecrets(version, known.get(versionKey(version))!, true));
  return { ...open(checkIn), history: checkIn.history.map(open) };
}

/**
 * Opens every sealed version of a check-in, taking secrets already opened from `known`; throws
 * BrokenSealError if any does not open whole.
 */
export async function openCheckIn(privateKey: CryptoKey, checkIn: CheckIn, known?: KnownSecrets): Promise<CheckIn> {
  const history = await Promise.all(checkIn.history.map((version) => openVersion(privateKey, version, known)));
  return { ...(await openVersion(privateKey, checkIn, known)), history };
}
