/** Turns a valibot issue into a sentence that names the record and field at fault. */
import type * as v from 'valibot';

const RECORD_NAMES: Record<string, string> = {
  checkIns: 'check-in',
  sessions: 'session',
  goals: 'goal',
  tombstones: 'deletion record',
};

const TYPE_WORDS: Record<string, string> = {
  string: 'must be text',
  number: 'must be a number',
  boolean: 'must be true or false',
  array: 'must be a list',
  strict_object: 'must be an object',
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
  if (typeof store !== 'string' || typeof index !== 'number' || !(store in RECORD_NAMES)) return null;
  return {
    where: `${RECORD_NAMES[store]} ${index + 1} (${formatPath([store, index])})`,
    field: keys.slice(2) as PathKey[],
  };
}

/** What is wrong, without saying where. */
function reason(issue: v.BaseIssue<unknown>): string {
  if (issue.expected === null || !issue.message.startsWith('Invalid ')) return issue.message;
  if (issue.type === 'picklist' || issue.type === 'literal') {
    return `must be ${issue.expected.replace(/^\((.*)\)$/, '$1').replaceAll(' | ', ' or ')}`;
  }
  return TYPE_WORDS[issue.type] ?? shorten(issue.message, 120);
}

/** One clear sentence for the first problem valibot found. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const keys = (issue.path ?? []).map((item) => item.key as PathKey);
  const last = keys[keys.length - 1];
  const unknownKey = issue.type === 'strict_object' && issue.expected === 'never';
  const missingKey = issue.type === 'strict_object' && issue.received === 'undefined' && issue.expected !== 'Object';
  const found = issue.type === 'min_length' ? '' : ` (found ${shorten(issue.received)})`;
  const record = locate(keys);

  if (record) {
    const field = formatPath(record.field);
    if (unknownKey) return `In ${record.where}, there is a field Debrief does not know: "${field}".`;
    if (missingKey) return `In ${record.where}, the field "${field}" is missing.`;
    if (field === '') return `${capitalise(record.where)} ${reason(issue)}${found}.`;
    return `In ${record.where}, "${field}" ${reason(issue)}${found}.`;
  }
  const field = formatPath(keys);
  if (unknownKey) return `The file has a field Debrief does not know: "${String(last)}".`;
  if (missingKey) return `The file is missing its "${field}" field.`;
  if (field === '') return `This file is not a Debrief export: it ${reason(issue)}${found}.`;
  return `The file's "${field}" ${reason(issue)}${found}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
