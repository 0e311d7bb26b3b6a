/**
 * Seeded property test: devices converge whatever happens between files. Two or three profiles
 * import files (whose records of different kinds often share ids) in every order, undo imports,
 * edit locally (notes at the limit included) and exchange their own exports. After every step:
 * the invariants of DESIGN §5 hold, the own export (plain and encrypted) validates and a fresh
 * profile importing it holds exactly the same data, and the trends' months equal a
 * recomputation. At the end, profiles that saw the same files in other orders agree, and all
 * profiles agree once they have exchanged their exports.
 *
 * The same runs again with the lock on (fewer: each step seals and opens): the profiles, the fresh
 * profile and the twins share one lock; files are imported and exchanged while locked, so they
 * travel sealed, and data is compared opened.
 *
 * DEBRIEF_CONVERGE_RUNS sets how many scenarios are run (default 80); DEBRIEF_CONVERGE_LOCK_RUNS
 * how many with the lock on (default 12).
 */
import fc from 'fast-check';
import { afterAll, expect, it, vi } from 'vitest';
import { deleteDB } from 'idb';
import { MAX_NOTE_LENGTH } from '@/utils/checkin/limits';
import { LimitError } from '@/utils/checkin/over-limit';
import { newestFirst, trendEntryOf } from '@/utils/checkin/trend-entry';
import { saveCheckIn, updateCheckIn } from '@/utils/db/checkins';
import { formatHlc } from '@/utils/db/hlc';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import type { SyncedStore } from '@/utils/db/schema';
import { unpackMonth } from '@/utils/db/trend-months';
import { deleteEverything } from '@/utils/db/wipe';
import { importText, undoImport, type ImportUndo } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { exportText } from '@/utils/sync/export';
import { hasPlain } from '@/utils/lock/checkins';
import type { SyncData } from '@/utils/sync/format';
import { newCheckIn } from '../../support/db-fixture';
import { checkIn, exportOf, goal, room, session, tombstone, version } from '../../support/sync-fixtures';
import { brokenInvariant, clock, closeProfile, lockIsShared, lockNow, openProfile, runLocal, shareLock, snapshot, withSharedLock, type LocalOp, type Profile } from '../../support/sync-property-world';

const RUNS = Number(process.env.DEBRIEF_CONVERGE_RUNS ?? 80);
const LOCK_RUNS = Number(process.env.DEBRIEF_CONVERGE_LOCK_RUNS ?? 12);
const STEPS = 24;
const SEED = 21;
const CRYPTO = { iterations: 1_000, minIterations: 1_000 };
const START = Date.UTC(2026, 7, 1, 9, 0, 0);

const counts = { runs: 0, steps: 0, files: 0, accepted: 0, refused: 0, undos: 0, notUndone: 0, exchanges: 0, longNotes: 0, limitRefused: 0, acceptedBad: 0, divergent: 0, sealed: 0, plainWhileLocked: 0 };

// ---- files whose records of different kinds share a few ids ----

type Item = { kind: 'checkIn' | 'goal' | 'session' | 'room' | 'tombstone'; id: number; store: number; minute: number; counter: number; device: number; older: number };
const STORE_OF: SyncedStore[] = ['checkIns', 'goals', 'sessions', 'rooms'];

const arbItem: fc.Arbitrary<Item> = fc.record({
  kind: fc.constantFrom('checkIn', 'goal', 'session', 'room', 'tombstone'),
  id: fc.nat(3),
  store: fc.nat(3),
  minute: fc.nat(90),
  counter: fc.nat(1),
  device: fc.nat(1),
  older: fc.nat(2),
});

function fileOf(items: readonly Item[]): string {
  const at = (item: Item, minute = item.minute) => formatHlc({ wall: START - 120 * 60_000 + minute * 60_000, counter: item.counter, deviceId: `dev-${item.device}` });
  const data: SyncData = { checkIns: [], goals: [], sessions: [], tombstones: [], rooms: [] };
  const seen = new Set<string>();
  for (const item of items) {
    const store = item.kind === 'tombstone' ? STORE_OF[item.store]! : item.kind === 'checkIn' ? 'checkIns' : item.kind === 'goal' ? 'goals' : item.kind === 'room' ? 'rooms' : 'sessions';
    // Even ids are meeting addresses, which a room and any other kind may claim alike.
    const id = store === 'rooms' || item.id % 2 === 0 ? `zoom:${item.id}` : `shared-${item.id}`;
    const key = `${item.kind === 'tombstone' ? 't' : 'r'}/${store}/${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (item.kind === 'tombstone') data.tombstones.push(tombstone(id, store, at(item)));
    else if (item.kind === 'goal') data.goals.push(goal(id, at(item), { title: `Goal ${item.minute}` }));
    else if (item.kind === 'session') data.sessions.push(session(id, at(item), { status: 'answered' }));
    else if (item.kind === 'room') data.rooms.push(room(id, at(item), { kind: item.older ? 'muted' : 'therapy', name: `Dr. ${item.minute}` }));
    else {
      const history = Array.from({ length: item.older }, (_, n) => version(id, at(item, n), { overall: n }));
      data.checkIns.push(checkIn(id, at(item, item.minute + 3), { overall: item.minute % 11 }, history));
    }
  }
  return JSON.stringify(exportOf(data));
}

// ---- steps ----

type Step =
  | { kind: 'import'; profile: number; file: number }
  | { kind: 'undo'; profile: number }
  | { kind: 'local'; profile: number; op: LocalOp }
  | { kind: 'long-note'; profile: number }
  | { kind: 'exchange'; profile: number; from: number };

const arbLocal: fc.Arbitrary<LocalOp> = fc.record({
  kind: fc.constantFrom('add-check-in', 'edit-check-in', 'delete-check-in', 'add-goal', 'edit-goal', 'call', 'teach-room', 'remove-room'),
  n: fc.nat(50),
  k: fc.nat(50),
});

const arbStep: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('import' as const), profile: fc.nat(2), file: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), profile: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('local' as const), profile: fc.nat(2), op: arbLocal }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('long-note' as const), profile: fc.nat(2) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('exchange' as const), profile: fc.nat(2), from: fc.nat(2) }) },
);

const arbScenario = fc.record({
  profiles: fc.constantFrom(2, 3),
  files: fc.array(fc.array(arbItem, { minLength: 1, maxLength: 5 }), { minLength: 3, maxLength: 6 }),
  steps: fc.array(arbStep, { minLength: STEPS, maxLength: STEPS }),
});

// ---- checks ----

async function dataOf(db: DebriefDb): Promise<SyncData> {
  await lockNow(false);
  const { checkIns, sessions, goals, tombstones, rooms } = await exportData(db, new Date(clock.now));
  return { checkIns, sessions, goals, tombstones, rooms };
}

async function ownText(db: DebriefDb, passphrase = ''): Promise<string> {
  const file = await exportData(db, new Date(clock.now));
  return passphrase ? exportText(file, passphrase, CRYPTO) : serializeExport(file);
}

/** The trends' months hold exactly what a recomputation from the check-ins gives. */
async function monthsProblem(db: DebriefDb): Promise<string | null> {
  const packed = newestFirst((await db.getAll('trendMonths')).flatMap(unpackMonth));
  const fresh = newestFirst((await db.getAll('checkIns')).map(trendEntryOf));
  return JSON.stringify(packed) === JSON.stringify(fresh) ? null : 'trend months differ from the check-ins';
}

/** Every check after a step; the own export goes into `fresh`, plain and encrypted, and must hold the same data. */
async function check(profile: Profile, fresh: DebriefDb, after: string): Promise<void> {
  // Sealed check-ins keep no trends copy: the months are checked with the lock off.
  const broken = (await brokenInvariant(profile, await snapshot(profile.db))) ?? (lockIsShared() ? null : await monthsProblem(profile.db));
  if (broken) throw new Error(`${after}: ${broken}`);
  const mine = await dataOf(profile.db);
  for (const passphrase of ['', 'correct horse']) {
    await deleteEverything(fresh);
    await shareLock(fresh);
    await lockNow(true);
    const result = await importText(fresh, await ownText(profile.db, passphrase), passphrase, { ...CRYPTO, now: clock.now });
    if (!result.ok) throw new Error(`${after}: own export refused by a fresh profile: ${result.error}`);
    expect(await dataOf(fresh), `${after}: a fresh copy of the own export differs`).toEqual(mine);
  }
}

/** With the lock on, what the profiles hold on disk: every check-in, goal title and room name sealed. */
async function countSealed(profiles: Profile[]): Promise<void> {
  for (const { db } of profiles) {
    const [checkIns, goals, rooms] = await Promise.all([db.getAll('checkIns'), db.getAll('goals'), db.getAll('rooms')]);
    counts.sealed += checkIns.length + goals.length;
    counts.plainWhileLocked += checkIns.filter(hasPlain).length + goals.filter((g) => g.sealed === undefined).length;
    counts.plainWhileLocked += rooms.filter((r) => r.name !== '').length;
  }
}

/** Counts end states that differ, then fails on them. */
function agree(ends: readonly SyncData[], what: string): void {
  try {
    for (const end of ends) expect(end, what).toEqual(ends[0]);
  } catch (error) {
    counts.divergent++;
    throw error;
  }
}

async function importInto(profile: Profile, text: string, undos: (ImportUndo | null)[], at: number): Promise<void> {
  counts.files++;
  await lockNow(true);
  const result = await importText(profile.db, text, '', { now: clock.now });
  if (!result.ok) {
    counts.refused++;
    throw new Error(`a file refused: ${result.error}`);
  }
  counts.accepted++;
  undos[at] = result.result.undo;
}

async function runScenario({ profiles: count, files, steps }: { profiles: number; files: Item[][]; steps: Step[] }): Promise<void> {
  counts.runs++;
  clock.now = START;
  const texts = files.map(fileOf);
  const profiles: Profile[] = [];
  for (let i = 0; i < count; i++) profiles.push(await openProfile());
  const undos: (ImportUndo | null)[] = profiles.map(() => null);
  const fresh = await openDebriefDb(`debrief-converge-fresh-${profiles[0]!.name}`);
  const twins = [await openDebriefDb(`debrief-converge-twin-a-${profiles[0]!.name}`), await openDebriefDb(`debrief-converge-twin-b-${profiles[0]!.name}`)];
  for (const db of [...profiles.map((profile) => profile.db), fresh, ...twins]) await shareLock(db);
  try {
    for (const [index, step] of steps.entries()) {
      counts.steps++;
      clock.now += 60_000;
      const at = step.profile % count;
      const profile = profiles[at]!;
      const label = `step ${index} (${JSON.stringify(step)})`;
      if (step.kind === 'import') await importInto(profile, texts[step.file % texts.length]!, undos, at);
      else if (step.kind === 'exchange') {
        counts.exchanges++;
        const from = profiles[step.from % count]!;
        await lockNow(true);
        if (from !== profile) await importInto(profile, await ownText(from.db), undos, at);
      } else if (step.kind === 'undo' && undos[at]) {
        counts.undos++;
        await lockNow(false);
        counts.notUndone += (await undoImport(profile.db, undos[at]!)).notUndone.length;
        undos[at] = null;
        // Undoing an import takes back the deletions it brought: the profile's own record of them starts again.
        profile.deleted = new Map((await profile.db.getAll('tombstones')).map((t) => [`${t.store}/${t.id}`, t.deletedAt]));
      } else if (step.kind === 'local') {
        await lockNow(false);
        await runLocal(profile, step.op);
      } else if (step.kind === 'long-note') {
        counts.longNotes++;
        await lockNow(false);
        const saved = await saveCheckIn(profile.db, newCheckIn({ notes: { ...newCheckIn().notes, helpful: 'n'.repeat(MAX_NOTE_LENGTH) } }), new Date(clock.now));
        const refused = await updateCheckIn(profile.db, saved.id, () => ({ notes: { ...saved.notes, takeaway: 't'.repeat(MAX_NOTE_LENGTH + 1) } }), new Date(clock.now)).catch((error: unknown) => error);
        if (!(refused instanceof LimitError)) throw new Error(`${label}: a note past the limit was not refused`);
        counts.limitRefused++;
      }
      await check(profile, fresh, label).catch((error: unknown) => {
        if (step.kind === 'import' || step.kind === 'exchange') counts.acceptedBad++;
        throw error;
      });
    }
    // The same files in opposite orders give the same data.
    await lockNow(true);
    for (const text of texts) await importText(twins[0]!, text, '', { now: clock.now });
    for (const text of [...texts].reverse()) await importText(twins[1]!, text, '', { now: clock.now });
    agree([await dataOf(twins[0]!), await dataOf(twins[1]!)], 'the same files in opposite orders');
    // Every profile takes every other's export, twice round: then they all agree.
    for (let round = 0; round < 2; round++) {
      for (const profile of profiles) {
        for (const other of profiles) {
          if (other === profile) continue;
          await lockNow(true);
          await importInto(profile, await ownText(other.db), undos, 0);
        }
      }
    }
    agree(await Promise.all(profiles.map((profile) => dataOf(profile.db))), 'profiles after exchanging their exports');
    if (lockIsShared()) await countSealed(profiles);
  } finally {
    for (const db of [fresh, ...twins]) {
      db.close();
      await deleteDB(db.name);
    }
    for (const profile of profiles) await closeProfile(profile);
  }
}

afterAll(() => {
  console.log(`sync converge property: ${JSON.stringify(counts)}`);
});

it(`devices converge over ${RUNS} scenarios of ${STEPS} steps on two and three profiles (seed ${SEED})`, { timeout: 20 * 60_000 }, async () => {
  let id = 0;
  vi.spyOn(crypto, 'randomUUID').mockImplementation(() => `00000000-0000-4000-9000-${String(++id).padStart(12, '0')}`);
  await fc.assert(fc.asyncProperty(arbScenario, runScenario), { seed: SEED, numRuns: RUNS, endOnFailure: true });
  expect(counts).toMatchObject({ acceptedBad: 0, divergent: 0, refused: 0 });
  expect(counts.undos).toBeGreaterThan(0);
  vi.restoreAllMocks();
});

it(`devices sharing a lock converge over ${LOCK_RUNS} scenarios, files travelling sealed (seed ${SEED})`, { timeout: 20 * 60_000 }, async () => {
  let id = 0;
  vi.spyOn(crypto, 'randomUUID').mockImplementation(() => `00000000-0000-4000-9000-${String(++id).padStart(12, '0')}`);
  const before = { ...counts };
  try {
    await withSharedLock(() => fc.assert(fc.asyncProperty(arbScenario, runScenario), { seed: SEED, numRuns: LOCK_RUNS, endOnFailure: true }));
  } finally {
    vi.restoreAllMocks();
  }
  expect(counts).toMatchObject({ acceptedBad: before.acceptedBad, divergent: before.divergent, refused: before.refused, plainWhileLocked: 0 });
  expect(counts.sealed).toBeGreaterThan(0);
  expect(counts.runs - before.runs).toBe(LOCK_RUNS);
  expect(counts.undos).toBeGreaterThan(before.undos);
});
