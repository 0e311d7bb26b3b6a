/**
 * The Debrief export file (DESIGN §5) and its validation: a file is checked whole, and
 * the first problem is reported in words that name the record and field at fault.
 */
import * as v from 'valibot';
import { MAX_CLOCK_AHEAD_MS, parseHlc } from '../db/hlc';
import { t } from '../i18n/index.ts';
import type { CheckIn, Goal, Room, Session, Tombstone } from '../db/schema';
import type { LockRecord } from '../lock/keys';
import { describeIssue, RECORD_WORDS, tombstoneWhere } from './issues';
import { findForbiddenKey, parseJsonText } from './json';
import {
  checkInSchema,
  goalSchema,
  idSchema,
  isoDateSchema,
  listSchema,
  lockSchema,
  roomSchema,
  sessionSchema,
  tombstoneSchema,
} from './schemas';

export const EXPORT_FORMAT = 'debrief';
/** Version 2 added `rooms`; a version 1 file (no rooms) still imports. */
export const EXPORT_VERSION = 2;
const READABLE_VERSIONS = [1, EXPORT_VERSION] as const;
export { MAX_CLOCK_AHEAD_MS };

/** Everything that syncs, in the shape merge works on. */
export interface SyncData {
  checkIns: CheckIn[];
  sessions: Session[];
  goals: Goal[];
  tombstones: Tombstone[];
  /** The person's therapy rooms and muted rooms, keyed by room key. */
  rooms: Room[];
}

export interface DebriefExport extends SyncData {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  deviceId: string;
  /** Saved while locked: the records stay sealed and the lock that opens them comes along. */
  lock?: LockRecord;
}

export const exportSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.picklist(READABLE_VERSIONS),
  exportedAt: isoDateSchema,
  deviceId: idSchema,
  checkIns: listSchema(checkInSchema),
  sessions: listSchema(sessionSchema),
  goals: listSchema(goalSchema),
  tombstones: listSchema(tombstoneSchema),
  // Absent from version 1 files, which knew no rooms.
  rooms: v.optional(listSchema(roomSchema), () => []),
  lock: v.optional(lockSchema),
});

export type ParseResult = { ok: true; file: DebriefExport } | { ok: false; error: string };

export interface ParseOptions {
  /** This device's clock, to refuse stamps from far in the future. */
  now?: number;
}

/** Parses and validates the text of an export file. */
export function parseExport(text: string, options: ParseOptions = {}): ParseResult {
  const parsed = parseJsonText(text);
  return parsed.ok ? validateExport(parsed.value, options) : parsed;
}

/** Validates an already-parsed value as a whole export file. */
export function validateExport(value: unknown, { now = Date.now() }: ParseOptions = {}): ParseResult {
  const forbidden = findForbiddenKey(value);
  if (forbidden) {
    return {
      ok: false,
      error: t('sync.forbiddenKey', { key: forbidden.key, path: forbidden.path }),
    };
  }
  const header = headerProblem(value);
  if (header) return { ok: false, error: header };
  const result = v.safeParse(exportSchema, value, { abortEarly: true });
  if (!result.success) return { ok: false, error: describeIssue(result.issues[0]) };
  // A version 1 file is read as the current version: it only lacks rooms, now an empty list.
  const file = { ...result.output, version: EXPORT_VERSION } as DebriefExport;
  const problem = sealedProblem(file) ?? consistencyProblem(file, now);
  return problem ? { ok: false, error: problem } : { ok: true, file };
}

function headerProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return t('sync.notDebrief');
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format === 'debrief-encrypted') return t('sync.needsPassphrase');
  if (format !== EXPORT_FORMAT) return t('sync.notDebrief');
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    return t('sync.newerFile', { version });
  }
  if (!READABLE_VERSIONS.some((readable) => readable === version)) return t('sync.unknownVersion');
  return null;
}

/** Sealed records come only with the lock that opens them. */
function sealedProblem(file: DebriefExport): string | null {
  if (file.lock) return null;
  const sealed = file.checkIns.some((c) => c.sealed !== undefined || c.history.some((h) => h.sealed !== undefined)) ||
    file.goals.some((g) => g.sealed !== undefined) ||
    file.rooms.some((r) => r.sealed !== undefined);
  return sealed ? t('sync.sealedWithoutLock') : null;
}

/** Rules that span records: unique ids, history belonging to its record, no stamps from the future. */
function consistencyProblem(file: DebriefExport, now: number): string | null {
  // An id two kinds of record share is not a fault of the file: merge settles it (clash.ts).
  for (const store of ['checkIns', 'sessions', 'goals', 'rooms'] as const) {
    const seen = new Set<string>();
    for (const [index, record] of file[store].entries()) {
      // Messages are built only for the record at fault: 10,000 sound records cost no lookups.
      const where = () => RECORD_WORDS[store].where(index);
      if (seen.has(record.id)) return t('sync.duplicateId', { id: record.id, records: RECORD_WORDS[store].many(), where: where() });
      seen.add(record.id);
      const future = futureStamp(record.updatedAt, now) ?? futureTimes(record, now);
      if (future) return t('sync.future', { where: where(), ...future });
    }
  }
  for (const [index, checkIn] of file.checkIns.entries()) {
    for (const [at, version] of checkIn.history.entries()) {
      const where = () => RECORD_WORDS.checkIns.where(index);
      if (version.id !== checkIn.id) return t('sync.historyId', { where: where(), at });
      const future = futureStamp(version.updatedAt, now, `history[${at}].updatedAt`) ?? futureTimes(version, now, `history[${at}].`);
      if (future) return t('sync.future', { where: where(), ...future });
    }
  }
  const deleted = new Set<string>();
  for (const [index, tombstone] of file.tombstones.entries()) {
    const where = () => tombstoneWhere(index);
    const key = `${tombstone.store}/${tombstone.id}`;
    if (deleted.has(key)) return t('sync.deletedTwice', { id: tombstone.id, where: where() });
    deleted.add(key);
    const future = futureStamp(tombstone.deletedAt, now, 'deletedAt');
    if (future) return t('sync.future', { where: where(), ...future });
  }
  return null;
}

type Future = { field: string; date: string } | null;

/** The field and day of a time beyond the accepted window, or null when it is not that far ahead. */
function futureTime(ms: number | null, now: number, field: string): Future {
  if (ms === null || ms <= now + MAX_CLOCK_AHEAD_MS) return null;
  return { field, date: new Date(Math.min(ms, 8.64e15)).toISOString().slice(0, 10) };
}

function futureStamp(stamp: string, now: number, field = 'updatedAt'): Future {
  return futureTime(parseHlc(stamp)?.wall ?? 0, now, field);
}

/** A record's own times (a session's start, end and last sign of life) are held to the same window. */
function futureTimes(record: { createdMs: number } & Partial<Pick<Session, 'startedMs' | 'endedMs' | 'lastSeenMs'>>, now: number, prefix = ''): Future {
  for (const field of ['createdMs', 'startedMs', 'endedMs', 'lastSeenMs'] as const) {
    const future = futureTime(record[field] ?? null, now, `${prefix}${field}`);
    if (future) return future;
  }
  return null;
}
