/**
 * The Debrief export file (DESIGN §5) and its validation: a file is checked whole, and
 * the first problem is reported in words that name the record and field at fault.
 */
import * as v from 'valibot';
import { parseHlc } from '../db/hlc';
import type { CheckIn, Goal, Session, SyncedStore, Tombstone } from '../db/schema';
import { describeIssue } from './issues';
import { findForbiddenKey, parseJsonText } from './json';
import {
  checkInSchema,
  goalSchema,
  idSchema,
  isoDateSchema,
  listSchema,
  sessionSchema,
  tombstoneSchema,
} from './schemas';

export { MAX_IMPORT_BYTES, checkImportSize } from './json';

export const EXPORT_FORMAT = 'debrief';
export const EXPORT_VERSION = 1;
/** Stamps further ahead of this device's clock than this are refused: they would drag our clock forward for good. */
export const MAX_CLOCK_AHEAD_MS = 2 * 24 * 60 * 60 * 1000;

/** Everything that syncs, in the shape merge works on. */
export interface SyncData {
  checkIns: CheckIn[];
  sessions: Session[];
  goals: Goal[];
  tombstones: Tombstone[];
}

export interface DebriefExport extends SyncData {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  deviceId: string;
}

export const exportSchema = v.strictObject({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: isoDateSchema,
  deviceId: idSchema,
  checkIns: listSchema(checkInSchema),
  sessions: listSchema(sessionSchema),
  goals: listSchema(goalSchema),
  tombstones: listSchema(tombstoneSchema),
});

export type ParseResult = { ok: true; file: DebriefExport } | { ok: false; error: string };

export interface ParseOptions {
  /** This device's clock, to refuse stamps from far in the future. */
  now?: number;
}

const NOT_DEBRIEF = "This file is not a Debrief export (it may be another app's file).";

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
      error: `This file contains the key "${forbidden.key}" (at ${forbidden.path}), which Debrief never writes and refuses for safety. Nothing was imported.`,
    };
  }
  const header = headerProblem(value);
  if (header) return { ok: false, error: header };
  const result = v.safeParse(exportSchema, value, { abortEarly: true });
  if (!result.success) return { ok: false, error: describeIssue(result.issues[0]) };
  const file = result.output as DebriefExport;
  const problem = consistencyProblem(file, now);
  return problem ? { ok: false, error: problem } : { ok: true, file };
}

function headerProblem(value: unknown): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return NOT_DEBRIEF;
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format === 'debrief-encrypted') return 'This file is encrypted: enter its passphrase to import it.';
  if (format !== EXPORT_FORMAT) return NOT_DEBRIEF;
  if (typeof version === 'number' && version > EXPORT_VERSION) {
    return `This file was made by a newer version of Debrief (file format ${version}); update Debrief, then import it again.`;
  }
  if (version !== EXPORT_VERSION) return 'This Debrief file has a missing or unknown format version, so it cannot be read.';
  return null;
}

const STORE_WORDS: Record<SyncedStore, string> = { checkIns: 'check-in', sessions: 'session', goals: 'goal' };

/** Rules that span records: unique ids, history belonging to its record, no stamps from the future. */
function consistencyProblem(file: DebriefExport, now: number): string | null {
  const owner = new Map<string, SyncedStore>();
  for (const store of ['checkIns', 'sessions', 'goals'] as const) {
    for (const [index, record] of file[store].entries()) {
      const where = `${STORE_WORDS[store]} ${index + 1} (${store}[${index}])`;
      const previous = owner.get(record.id);
      if (previous === store) return `The id "${record.id}" appears twice among the file's ${STORE_WORDS[store]}s (again at ${where}).`;
      if (previous) return `The id "${record.id}" is used by both a ${STORE_WORDS[previous]} and a ${STORE_WORDS[store]} (${where}).`;
      owner.set(record.id, store);
      const future = futureStamp(record.updatedAt, now);
      if (future) return `In ${where}, "updatedAt" ${future}`;
    }
  }
  for (const [index, checkIn] of file.checkIns.entries()) {
    for (const [at, version] of checkIn.history.entries()) {
      const where = `check-in ${index + 1} (checkIns[${index}])`;
      if (version.id !== checkIn.id) return `In ${where}, "history[${at}].id" must be the check-in's own id.`;
      const future = futureStamp(version.updatedAt, now);
      if (future) return `In ${where}, "history[${at}].updatedAt" ${future}`;
    }
  }
  const deleted = new Set<string>();
  for (const [index, tombstone] of file.tombstones.entries()) {
    const where = `deletion record ${index + 1} (tombstones[${index}])`;
    if (deleted.has(tombstone.id)) return `The id "${tombstone.id}" is deleted twice (again at ${where}).`;
    deleted.add(tombstone.id);
    const store = owner.get(tombstone.id);
    if (store && store !== tombstone.store) {
      return `In ${where}, the id "${tombstone.id}" belongs to a ${STORE_WORDS[store]}, not to ${tombstone.store}.`;
    }
    const future = futureStamp(tombstone.deletedAt, now);
    if (future) return `In ${where}, "deletedAt" ${future}`;
  }
  return null;
}

function futureStamp(stamp: string, now: number): string | null {
  const wall = parseHlc(stamp)?.wall ?? 0;
  if (wall <= now + MAX_CLOCK_AHEAD_MS) return null;
  const date = new Date(Math.min(wall, 8.64e15)).toISOString().slice(0, 10);
  return `is dated ${date}, in the future; the clock of the device that made this file may be wrong.`;
}
