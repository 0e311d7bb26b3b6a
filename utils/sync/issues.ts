/** Turns a valibot issue into a sentence that names the record and field at fault. */
import type * as v from 'valibot';
import { t } from '../i18n/index.ts';
import type { SyncedStore } from '../db/schema';

const RECORD_NAMES: Record<string, () => string> = {
  checkIns: () => t('sync.record.checkIns'),
  sessions: () => t('sync.record.sessions'),
  goals: () => t('sync.record.goals'),
  tombstones: () => t('sync.record.tombstones'),
  rooms: () => t('sync.record.rooms'),
};

/** How a record is named in messages: "check-in 3 (checkIns[2])", "a check-in", "check-ins". */
export const RECORD_WORDS: Record<SyncedStore, { where(index: number): string; one(): string; many(): string }> = {
  checkIns: {
    where: (index) => t('sync.where', { record: t('sync.record.checkIns'), number: index + 1, path: `checkIns[${index}]` }),
    one: () => t('sync.aRecord.checkIns'),
    many: () => t('sync.records.checkIns'),
  },
  sessions: {
    where: (index) => t('sync.where', { record: t('sync.record.sessions'), number: index + 1, path: `sessions[${index}]` }),
    one: () => t('sync.aRecord.sessions'),
    many: () => t('sync.records.sessions'),
  },
  goals: {
    where: (index) => t('sync.where', { record: t('sync.record.goals'), number: index + 1, path: `goals[${index}]` }),
    one: () => t('sync.aRecord.goals'),
    many: () => t('sync.records.goals'),
  },
  rooms: {
    where: (index) => t('sync.where', { record: t('sync.record.rooms'), number: index + 1, path: `rooms[${index}]` }),
    one: () => t('sync.aRecord.rooms'),
    many: () => t('sync.records.rooms'),
  },
};

/** "deletion record 2 (tombstones[1])". */
export function tombstoneWhere(index: number): string {
  return t('sync.where', { record: t('sync.record.tombstones'), number: index + 1, path: `tombstones[${index}]` });
}

const TYPE_WORDS: Record<string, () => string> = {
  string: () => t('sync.issue.text'),
  number: () => t('sync.issue.number'),
  boolean: () => t('sync.issue.boolean'),
  array: () => t('sync.issue.list'),
  strict_object: () => t('sync.issue.object'),
};

type PathKey = string | number;

/** `checkIns[3].ratings.trust` from a list of keys. */
export function formatPath(keys: readonly PathKey[]): string {
  return keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Which record of which list a path points into, and the field path inside it. */
export function locate(keys: readonly PathKey[]): { where: string; field: PathKey[] } | null {
  const [store, index] = keys;
  const record = typeof store === 'string' && Object.hasOwn(RECORD_NAMES, store) ? RECORD_NAMES[store] : undefined;
  if (!record || typeof index !== 'number') return null;
  return {
    where: t('sync.where', { record: record(), number: index + 1, path: formatPath([store!, index]) }),
    field: keys.slice(2) as PathKey[],
  };
}

/** What is wrong, without saying where. */
function reason(issue: v.BaseIssue<unknown>): string {
  if (issue.expected === null || !issue.message.startsWith('Invalid ')) return issue.message;
  if (issue.type === 'picklist' || issue.type === 'literal') {
    const values = issue.expected.replace(/^\((.*)\)$/, '$1').replaceAll(' | ', ` ${t('sync.issue.or')} `);
    return t('sync.issue.mustBeOneOf', { values });
  }
  return TYPE_WORDS[issue.type]?.() ?? shorten(issue.message, 120);
}

/** One clear sentence for the first problem valibot found. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as PathKey);
  const last = keys[keys.length - 1];
  const unknownKey = issue.type === 'strict_object' && issue.expected === 'never';
  const missingKey = issue.type === 'strict_object' && issue.received === 'undefined' && issue.expected !== 'Object';
  const found = issue.type === 'min_length' ? '' : ` ${t('sync.issue.found', { value: shorten(issue.received) })}`;
  const record = locate(keys);

  if (record) {
    const field = formatPath(record.field);
    const where = record.where;
    if (unknownKey) return t('sync.issue.unknownFieldIn', { where, field });
    if (missingKey) return t('sync.issue.missingFieldIn', { where, field });
    if (field === '') return t('sync.issue.record', { where: capitalise(where), reason: reason(issue), found });
    return t('sync.issue.fieldIn', { where, field, reason: reason(issue), found });
  }
  const field = formatPath(keys);
  if (unknownKey) return t('sync.issue.unknownField', { field: String(last) });
  if (missingKey) return t('sync.issue.missingField', { field });
  if (field === '') return t('sync.issue.notExport', { reason: reason(issue), found });
  return t('sync.issue.field', { field, reason: reason(issue), found });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
