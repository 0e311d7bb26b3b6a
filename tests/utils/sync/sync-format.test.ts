import fc from 'fast-check';
import { deleteDB } from 'idb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import { importFile, importText } from '@/utils/sync/apply';
import { parseExport, type DebriefExport } from '@/utils/sync/format';
import { checkImportSize, MAX_IMPORT_BYTES } from '@/utils/sync/json';
import { serializeExport } from '@/utils/sync/export';
import {
  arbExportFile,
  checkIn,
  exportOf,
  goal,
  NOW_MS,
  session,
  stamp,
  tombstone,
  version,
} from '../../support/sync-fixtures';

const good = (): DebriefExport =>
  exportOf({
    checkIns: [checkIn('c1', stamp(2), {}, [version('c1', stamp(1))])],
    sessions: [session('s1', stamp(1))],
    goals: [goal('g1', stamp(1))],
    tombstones: [tombstone('c0', 'checkIns', stamp(1))],
  });

type Json = Record<string, unknown>;
/** The good file, changed by `edit`, as text. */
function edited(edit: (file: Json & { checkIns: Json[] }) => void): string {
  const file = structuredClone(good()) as unknown as Json & { checkIns: Json[] };
  edit(file);
  return JSON.stringify(file);
}
const goodText = serializeExport(good());
const parse = (text: string) => parseExport(text, { now: NOW_MS });

describe('parseExport accepts what Debrief writes', { timeout: 30_000 }, () => {
  it('reads back the good file exactly', () => {
    expect(parse(goodText)).toEqual({ ok: true, file: good() });
  });

  it('ignores a byte order mark an editor may have added', () => {
    expect(parse(`\uFEFF${goodText}`).ok).toBe(true);
  });

  it('round-trips any generated valid file', () => {
    fc.assert(
      fc.property(arbExportFile, (file) => {
        expect(parse(serializeExport(file))).toEqual({ ok: true, file });
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseExport rejects bad files with a message naming the problem', () => {
  const longId = 'x'.repeat(129);
  const cases: [string, string, RegExp][] = [
    ['empty file', '', /^This file is empty\.$/],
    ['not JSON', 'Dear diary, today…', /not a Debrief export: it is not valid JSON/],
    ['an HTML page', '<!doctype html><html></html>', /not valid JSON/],
    ['truncated in the middle', goodText.slice(0, Math.floor(goodText.length / 2)), /incomplete: it ends too early/],
    ['truncated at the last brace', goodText.slice(0, -1), /incomplete/],
    ['truncated inside a string', '{"format":"debr', /incomplete/],
    ['a JSON array', '[1,2,3]', /not a Debrief export \(it may be another app's file\)/],
    ['a plain string', '"debrief"', /another app's file/],
    ["another app's file", '{"format":"mood-tracker","version":1,"entries":[]}', /another app's file/],
    ['a file without format', '{"checkIns":[]}', /another app's file/],
    ['a newer format version', edited((f) => (f.version = 3)), /newer version of Debrief \(file format 3\); update Debrief/],
    ['a version as text', edited((f) => (f.version = '1')), /missing or unknown format version/],
    ['an extra top-level key', edited((f) => (f.extra = true)), /The file has a field Debrief does not know: "extra"/],
    ['a missing list', edited((f) => delete f.goals), /The file is missing its "goals" field/],
    ['a list that is not a list', edited((f) => (f.checkIns = {} as never)), /The file's "checkIns" must be a list \(found Object\)/],
    ['a record that is not an object', edited((f) => (f.checkIns[0] = 'x' as never)), /^Check-in 1 \(checkIns\[0\]\) must be an object \(found "x"\)/],
    ['an extra key in a check-in', edited((f) => (f.checkIns[0]!.mood = 'ok')), /In check-in 1 \(checkIns\[0\]\), there is a field Debrief does not know: "mood"/],
    ['an unknown sign', edited((f) => ((f.checkIns[0]!.ratings as Json).calm = 3)), /there is a field Debrief does not know: "ratings.calm"/],
    ['a rating of 11', edited((f) => ((f.checkIns[0]!.ratings as Json).trust = 11)), /"ratings.trust" must be a whole number from 0 to 10, or null \(found 11\)/],
    ['a fractional rating', edited((f) => (f.checkIns[0]!.overall = 7.5)), /"overall" must be a whole number from 0 to 10, or null \(found 7.5\)/],
    ['a rating as text', edited((f) => (f.checkIns[0]!.overall = '7')), /"overall" must be a whole number from 0 to 10, or null \(found "7"\)/],
    ['a missing field', edited((f) => delete f.checkIns[0]!.overall), /In check-in 1 \(checkIns\[0\]\), the field "overall" is missing/],
    ['a note that is a number', edited((f) => ((f.checkIns[0]!.notes as Json).helpful = 5)), /"notes.helpful" must be text \(found 5\)/],
    ['a note over the length limit', edited((f) => ((f.checkIns[0]!.notes as Json).helpful = 'a'.repeat(20_001))), /"notes.helpful" must be at most 20000 characters long/],
    ['a boolean as text', edited((f) => (f.checkIns[0]!.nextTimeDone = 'no')), /"nextTimeDone" must be true or false/],
    ['an empty id', edited((f) => (f.checkIns[0]!.id = '')), /"id" must not be empty/],
    ['an overlong id', edited((f) => (f.checkIns[0]!.id = longId)), /"id" must be an id of at most 128 characters/],
    ['an id with spaces', edited((f) => (f.checkIns[0]!.id = 'a b')), /"id" must be an id made of letters/],
    ['a broken stamp', edited((f) => (f.checkIns[0]!.updatedAt = 'yesterday')), /"updatedAt" must be a sync stamp/],
    ['a broken date', edited((f) => (f.checkIns[0]!.createdAt = '5 January')), /"createdAt" must be a date and time like/],
    ['an impossible date', edited((f) => (f.checkIns[0]!.createdAt = '2026-13-45T99:00:00Z')), /"createdAt" must be a real date/],
    ['the 30th of February', edited((f) => (f.checkIns[0]!.createdAt = '2026-02-30T10:00:00Z')), /"createdAt" must be a real date/],
    ['the 29th of February in a common year', edited((f) => (f.checkIns[0]!.createdAt = '2027-02-29T10:00:00+01:00')), /"createdAt" must be a real date/],
    ['the 31st of April', edited((f) => (f.checkIns[0]!.createdAt = '2026-04-31T10:00:00Z')), /"createdAt" must be a real date/],
    ['24 o’clock', edited((f) => (f.checkIns[0]!.createdAt = '2026-03-01T24:00:00Z')), /"createdAt" must be a real date/],
    ['a 60th second', edited((f) => (f.checkIns[0]!.createdAt = '2026-03-01T10:00:60Z')), /"createdAt" must be a real date/],
    ['an offset of 24 hours', edited((f) => (f.checkIns[0]!.createdAt = '2026-03-01T10:00:00+24:00')), /"createdAt" must be a real date/],
    ['a stamp from the future', edited((f) => (f.checkIns[0]!.updatedAt = stamp(10_000_000))), /"updatedAt" is dated 2045-\d\d-\d\d, in the future/],
    ['a bad history entry', edited((f) => ((f.checkIns[0]!.history as Json[])[0]!.extra = 1)), /there is a field Debrief does not know: "history\[0\].extra"/],
    ['history of another record', edited((f) => ((f.checkIns[0]!.history as Json[])[0]!.id = 'c7')), /"history\[0\].id" must be the check-in's own id/],
    ['a duplicated check-in', edited((f) => f.checkIns.push(f.checkIns[0]!)), /The id "c1" appears twice among the file's check-ins \(again at check-in 2 \(checkIns\[1\]\)\)/],
    ['an unknown session status', edited((f) => ((f.sessions as Json[])[0]!.status = 'lost')), /In session 1 \(sessions\[0\]\), "status" must be "in-progress" or "pending"/],
    ['an unknown goal status', edited((f) => ((f.goals as Json[])[0]!.status = 'done')), /In goal 1 \(goals\[0\]\), "status" must be "active" or "achieved" or "archived"/],
    ['a tombstone of an unknown store', edited((f) => ((f.tombstones as Json[])[0]!.store = 'drafts')), /In deletion record 1 \(tombstones\[0\]\), "store" must be "checkIns" or "sessions" or "goals"/],
    ['__proto__ at the top', goodText.replace('{', '{"__proto__":{"polluted":true},'), /contains the key "__proto__" \(at \(top level\)\)/],
    ['__proto__ inside a record', goodText.replace('"ratings":{', '"ratings":{"__proto__":{},'), /contains the key "__proto__" \(at checkIns\[0\].ratings\)/],
    ['__proto__ spelled with an escape', goodText.replace('"ratings":{', '"ratings":{"\\u005f_proto__":1,'), /contains the key "__proto__"/],
    ['constructor key', goodText.replace('"notes":{', '"notes":{"constructor":{"prototype":{}},'), /contains the key "constructor" \(at checkIns\[0\].notes\)/],
    ['prototype key', goodText.replace('"history":[{', '"history":[{"prototype":1,'), /contains the key "prototype" \(at checkIns\[0\].history\[0\]\)/],
    ['an encrypted file read as plain', '{"format":"debrief-encrypted","version":1}', /encrypted: enter its passphrase/],
    ['deeply nested arrays', '['.repeat(100_000) + ']'.repeat(100_000), /not a Debrief export|not valid JSON/],
  ];

  it.each(cases)('%s', (_name, text, message) => {
    const result = parse(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it(`refuses a file larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB and says the limit`, () => {
    expect(parse(' '.repeat(MAX_IMPORT_BYTES + 1))).toEqual({
      ok: false,
      error: 'This file is larger than the 50 MB Debrief can import.',
    });
    // Before reading, a file may be as large as the longest export once encrypted (UTF-8, base64).
    expect(checkImportSize(210 * 1024 * 1024)).toBe('This file is 210 MB, larger than the 200.1 MB Debrief can import.');
    expect(checkImportSize(60 * 1024 * 1024)).toBeNull();
    expect(checkImportSize(1024)).toBeNull();
  });
});

// ---- mutation fuzzing against a real (fake-indexeddb) database ----

type Node = Record<string, unknown> | unknown[];
/** Every object and array inside a value, so a mutation can pick one. */
function containers(value: unknown, found: Node[] = []): Node[] {
  if (value !== null && typeof value === 'object') {
    found.push(value as Node);
    for (const child of Object.values(value)) containers(child, found);
  }
  return found;
}

const SWAPS: unknown[] = [null, 0, -1, 1.5, 11, '', 'x', true, [], {}, '2099-01-01T00:00:00Z', 'a'.repeat(600)];
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

/** A valid file, then one of the ways files get damaged or forged. */
const arbMutatedText = fc
  .tuple(arbExportFile, fc.nat(), fc.nat(), fc.nat(), fc.integer({ min: 0, max: 6 }))
  .map(([file, a, b, c, kind]) => {
    const text = serializeExport(file);
    if (kind === 0) return text.slice(0, a % text.length);
    if (kind === 1) {
      const at = a % text.length;
      return text.slice(0, at) + '"{}[],:0a \\-'.charAt(b % 13) + text.slice(at + 1);
    }
    const copy = structuredClone(file) as unknown;
    const nodes = containers(copy);
    const node = nodes[a % nodes.length]!;
    const keys = Object.keys(node);
    const key = keys.length > 0 ? keys[b % keys.length]! : '0';
    if (kind === 2) (node as Record<string, unknown>)[key] = structuredClone(SWAPS[c % SWAPS.length]);
    if (kind === 3) (node as Record<string, unknown>)[`extra${c % 3}`] = 1;
    if (kind === 4) Object.defineProperty(node, FORBIDDEN[c % 3]!, { value: { polluted: true }, enumerable: true });
    if (kind === 5) delete (node as Record<string, unknown>)[key];
    if (kind === 6 && Array.isArray(node) && node.length > 0) node.push(structuredClone(node[0]));
    return JSON.stringify(copy);
  });

const NAME = 'debrief-sync-format-fuzz';
let db: DebriefDb;
const STORES = ['checkIns', 'sessions', 'goals', 'tombstones', 'meta'] as const;

async function dump(): Promise<unknown[]> {
  return Promise.all(STORES.map((store) => db.getAll(store)));
}

async function restore(snapshot: unknown[]): Promise<void> {
  const tx = db.transaction([...STORES], 'readwrite');
  await Promise.all(
    STORES.map(async (store, index) => {
      await tx.objectStore(store).clear();
      for (const record of snapshot[index] as never[]) await tx.objectStore(store).put(record);
    }),
  );
  await tx.done;
}

// Generous: other work on this shared 2-core machine can slow a property run several-fold.
describe('importText on damaged and forged files', { timeout: 60_000 }, () => {
  let seeded: unknown[];
  beforeAll(async () => {
    db = await openDebriefDb(NAME);
    await importFile(db, good(), new Date(NOW_MS));
    seeded = await dump();
  });
  afterAll(async () => {
    db.close();
    await deleteDB(NAME);
  });

  it('never throws, and a rejected file leaves the database exactly as it was', async () => {
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(arbMutatedText, async (text) => {
        const result = await importText(db, text, '', { now: NOW_MS });
        const after = await dump();
        if (result.ok) {
          await restore(seeded);
        } else {
          rejected++;
          expect(result.error.length).toBeGreaterThan(10);
          expect(after).toEqual(seeded);
        }
      }),
      { numRuns: 1500 },
    );
    // Over half the mutations must be caught (about 70% are), or the generator is not testing the validator.
    expect(rejected).toBeGreaterThan(800);
  });

  it('never throws on arbitrary JSON or arbitrary text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.json(), fc.string({ unit: 'binary' })), async (text) => {
        const result = await importText(db, text, '', { now: NOW_MS });
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
    expect(await dump()).toEqual(seeded);
  });
});
