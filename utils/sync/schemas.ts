/**
 * The export file's records as valibot schemas, strict (no unknown keys) and bounded
 * (lengths, counts), mirroring utils/db/schema.ts. The type checks at the bottom make a
 * change to schema.ts that is not reflected here a compile error.
 */
import * as v from 'valibot';
import { t } from '../i18n/index.ts';
import { NOTE_IDS, RATING_MAX, RATING_MIN, SIGN_IDS, type Notes, type Ratings } from '../checkin/instrument';
import { isHlc, MAX_HLC_COUNTER, parseHlc } from '../db/hlc';
import type { CheckIn, CheckInVersion, Goal, Room, Session, Tombstone } from '../db/schema';
import type { LockRecord } from '../lock/keys';
import { MAX_IMPORT_BYTES } from './json';
import { MAX_GOAL_PROGRESS, MAX_HISTORY, MAX_ID_LENGTH, MAX_NOTE_LENGTH, MAX_RECORDS, MAX_ROOM_NAME, MAX_SHORT_TEXT, MAX_TAGS } from '../checkin/limits';

// Messages are functions so they are looked up when a file is checked, in the browser's language.

/** Latest representable date (ECMAScript's limit, year 275760). */
const MAX_EPOCH_MS = 8.64e15;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/;

/** A date and time that exists: no 30 February, no 24:00, no 60th second (the browser would roll them over). */
function isRealDate(text: string): boolean {
  const match = ISO_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day, hour, minute, second = 0, , , offsetHour = 0, offsetMinute = 0] = match.slice(1).map((part) => (part === undefined ? undefined : Number(part)));
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate();
  const inRange = month! >= 1 && month! <= 12 && day! >= 1 && day! <= daysInMonth;
  return inRange && hour! <= 23 && minute! <= 59 && second! <= 59 && offsetHour! <= 23 && offsetMinute! <= 59 && Number.isFinite(Date.parse(text));
}

export const idSchema = v.pipe(
  v.string(),
  v.minLength(1, () => t('sync.rule.notEmpty')),
  v.maxLength(MAX_ID_LENGTH, () => t('sync.rule.idTooLong', { max: MAX_ID_LENGTH })),
  v.regex(ID_PATTERN, () => t('sync.rule.idPattern')),
);

/**
 * A room's id is its room key, `<site id>:<meeting>` (`zoom:81234567890`, `whereby:aoi/agent-smith`):
 * no spaces or invisible characters, and as long as a session's room key may be.
 */
const ROOM_KEY_PATTERN = /^[a-z0-9-]+:[^\s\p{C}]+$/u;

const roomKeySchema = v.pipe(
  v.string(),
  v.maxLength(MAX_SHORT_TEXT, () => t('sync.rule.idTooLong', { max: MAX_SHORT_TEXT })),
  v.regex(ROOM_KEY_PATTERN, () => t('sync.rule.roomKey')),
);

function textSchema(max: number) {
  return v.pipe(v.string(), v.maxLength(max, () => t('sync.rule.textTooLong', { max })));
}

export const isoDateSchema = v.pipe(
  v.string(),
  v.maxLength(40, () => t('sync.rule.dateFormat')),
  v.regex(ISO_PATTERN, () => t('sync.rule.dateFormat')),
  v.check(isRealDate, () => t('sync.rule.realDate')),
);

const epochMsSchema = v.pipe(
  v.number(),
  v.integer(() => t('sync.rule.wholeMs')),
  v.minValue(0, () => t('sync.rule.before1970')),
  v.maxValue(MAX_EPOCH_MS, () => t('sync.rule.farFuture')),
);

/** A hybrid-logical-clock stamp whose device part is a valid id. */
export function isValidStamp(stamp: string): boolean {
  if (stamp.length > 23 + MAX_ID_LENGTH || !isHlc(stamp)) return false;
  const parts = parseHlc(stamp);
  return parts !== null && ID_PATTERN.test(parts.deviceId);
}

export const stampSchema = v.pipe(
  v.string(),
  v.check(isValidStamp, () => t('sync.rule.stamp')),
  // Debrief's clock never counts past this (it moves the time on instead): a higher counter is forged.
  v.check((stamp) => (parseHlc(stamp)?.counter ?? 0) <= MAX_HLC_COUNTER, () => t('sync.clash.counter', { max: MAX_HLC_COUNTER })),
);

const ratingMessage = () => t('sync.rule.rating');

const ratingSchema = v.nullable(
  v.pipe(
    v.number(ratingMessage),
    v.integer(ratingMessage),
    v.minValue(RATING_MIN, ratingMessage),
    v.maxValue(RATING_MAX, ratingMessage),
  ),
);

// Built from the instrument's id lists so adding a sign or prompt needs no edit here;
// valibot cannot infer a type from a computed key list, hence the casts.
const ratingsSchema = v.strictObject(
  Object.fromEntries(SIGN_IDS.map((id) => [id, ratingSchema])),
) as unknown as v.GenericSchema<Ratings>;
const notesSchema = v.strictObject(
  Object.fromEntries(NOTE_IDS.map((id) => [id, textSchema(MAX_NOTE_LENGTH)])),
) as unknown as v.GenericSchema<Notes>;

const goalProgressSchema = v.strictObject({
  goalId: idSchema,
  rating: ratingSchema,
  note: textSchema(MAX_NOTE_LENGTH),
});

const reflectionSchema = v.strictObject({
  answeredAt: isoDateSchema,
  used: ratingSchema,
  text: textSchema(MAX_NOTE_LENGTH),
});

/** A sealed part (utils/lock/envelope.ts): three base64 parts, bounded by the file itself. */
const sealedSchema = v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/), v.maxLength(MAX_IMPORT_BYTES)));

const base64Schema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/), v.maxLength(1_024));
const wrappedKeySchema = v.strictObject({ salt: base64Schema, iv: base64Schema, data: base64Schema });

/** The lock a file saved while locked carries: public key and wrapped private keys, never an opened key. */
export const lockSchema = v.strictObject({
  version: v.literal(1),
  publicKey: base64Schema,
  iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000)),
  byPassphrase: wrappedKeySchema,
  byRecovery: wrappedKeySchema,
});

const recordMetaEntries = {
  id: idSchema,
  createdAt: isoDateSchema,
  createdMs: epochMsSchema,
  updatedAt: stampSchema,
  deviceId: idSchema,
};

const checkInVersionEntries = {
  ...recordMetaEntries,
  ratings: ratingsSchema,
  overall: ratingSchema,
  notes: notesSchema,
  goalProgress: v.pipe(v.array(goalProgressSchema), v.maxLength(MAX_GOAL_PROGRESS, () => t('sync.rule.maxEntries', { max: MAX_GOAL_PROGRESS }))),
  tags: v.pipe(v.array(textSchema(MAX_SHORT_TEXT)), v.maxLength(MAX_TAGS, () => t('sync.rule.maxTags', { max: MAX_TAGS }))),
  provider: textSchema(MAX_SHORT_TEXT),
  sessionId: v.nullable(idSchema),
  platform: v.nullable(textSchema(MAX_SHORT_TEXT)),
  sessionStartedAt: v.nullable(isoDateSchema),
  sessionEndedAt: v.nullable(isoDateSchema),
  reflection: v.nullable(reflectionSchema),
  nextTimeDone: v.boolean(),
  sealed: sealedSchema,
};

export const checkInVersionSchema = v.strictObject(checkInVersionEntries);

export const checkInSchema = v.strictObject({
  ...checkInVersionEntries,
  history: v.pipe(v.array(checkInVersionSchema), v.maxLength(MAX_HISTORY, () => t('sync.rule.maxVersions', { max: MAX_HISTORY }))),
});

export const sessionSchema = v.strictObject({
  ...recordMetaEntries,
  platform: textSchema(MAX_SHORT_TEXT),
  host: textSchema(MAX_SHORT_TEXT),
  startedAt: isoDateSchema,
  startedMs: epochMsSchema,
  endedAt: v.nullable(isoDateSchema),
  endedMs: v.nullable(epochMsSchema),
  endReason: v.nullable(v.picklist(['call-ended', 'site-signal', 'navigated', 'tab-closed', 'interrupted'])),
  lastSeenMs: epochMsSchema,
  status: v.picklist(['in-progress', 'pending', 'snoozed', 'answered', 'dismissed', 'skipped']),
  snoozedUntil: v.nullable(epochMsSchema),
  checkInId: v.nullable(idSchema),
  roomKey: v.optional(v.nullable(textSchema(MAX_SHORT_TEXT))),
  quiet: v.optional(v.boolean()),
  app: v.optional(v.boolean()),
});

export const goalSchema = v.strictObject({
  ...recordMetaEntries,
  title: textSchema(MAX_SHORT_TEXT),
  status: v.picklist(['active', 'achieved', 'archived']),
  sealed: sealedSchema,
});

export const roomSchema = v.strictObject({
  ...recordMetaEntries,
  id: roomKeySchema,
  platform: textSchema(MAX_SHORT_TEXT),
  kind: v.picklist(['therapy', 'muted']),
  name: textSchema(MAX_ROOM_NAME),
  sealed: sealedSchema,
});

// A room's deletion names it by room key; every other deletion by a record id.
export const tombstoneSchema = v.variant('store', [
  v.strictObject({ id: idSchema, store: v.picklist(['checkIns', 'sessions', 'goals']), deletedAt: stampSchema }),
  v.strictObject({ id: roomKeySchema, store: v.literal('rooms'), deletedAt: stampSchema }),
], () => t('sync.issue.mustBeOneOf', { values: ['checkIns', 'sessions', 'goals', 'rooms'].map((store) => `"${store}"`).join(` ${t('sync.issue.or')} `) }));

export function listSchema<T extends v.GenericSchema>(item: T) {
  return v.pipe(v.array(item), v.maxLength(MAX_RECORDS, () => t('sync.rule.maxRecords', { max: MAX_RECORDS })));
}

// Compile-time: each schema's output is exactly the stored type, in both directions.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
/** @public read by the type checker only */
export type SchemaMatchesTypes = [
  Assert<Same<v.InferOutput<typeof checkInVersionSchema>, CheckInVersion>>,
  Assert<Same<v.InferOutput<typeof checkInSchema>, CheckIn>>,
  Assert<Same<v.InferOutput<typeof sessionSchema>, Session>>,
  Assert<Same<v.InferOutput<typeof goalSchema>, Goal>>,
  Assert<Same<v.InferOutput<typeof tombstoneSchema>, Tombstone>>,
  Assert<Same<v.InferOutput<typeof roomSchema>, Room>>,
  Assert<Same<v.InferOutput<typeof lockSchema>, LockRecord>>,
];
