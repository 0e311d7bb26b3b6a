/**
 * Profiles for the sync property test: each a real (fake-indexeddb) database driven through
 * Debrief's own operations on a shared simulated clock, with what the test must remember about
 * it (sessions it recorded, sessions it closed) and the checks that must hold after every step.
 */
import { deleteDB } from 'idb';
import { emptyNotes } from '@/utils/checkin/instrument';
import { deleteCheckIn, saveCheckIn, updateCheckIn } from '@/utils/db/checkins';
import { addGoal, GoalInputError, renameGoal, setGoalStatus } from '@/utils/db/goals';
import { removeRoom, renameRoom, setRoom } from '@/utils/db/rooms';
import { hlcWallTime, MAX_CLOCK_AHEAD_MS } from '@/utils/db/hlc';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import type { SyncedStore } from '@/utils/db/schema';
import { localIsoString } from '@/utils/db/time';
import { createLock, type LockRecord } from '@/utils/lock/keys';
import { forgetUnlocked, rememberUnlocked } from '@/utils/lock/session';
import { dismissSession, offeredSessions, recordingSessions, snoozeSession } from '@/utils/db/sessions';
import { deleteEverything } from '@/utils/db/wipe';
import { importText } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { parseExport, type DebriefExport, type SyncData } from '@/utils/sync/format';
import { isValidStamp } from '@/utils/sync/schemas';
import { movedId } from '@/utils/sync/clash';
import { callEnded, callStarted, recoverInterrupted, type TabCall, type TrackerDeps } from '@/utils/session/tracker';
import { memoryCalls } from './tracker-fixture';
import { newCheckIn } from './db-fixture';

export const STORES: readonly SyncedStore[] = ['checkIns', 'sessions', 'goals', 'rooms'];

/** An id and the ids it moves to, in turn, when another kind of record takes it (clash.ts). */
export function movesOf(id: string, store: SyncedStore): string[] {
  const ids = [id];
  for (let round = 0; round < 8; round++) ids.push(movedId(ids[ids.length - 1]!, store));
  return ids;
}
const MINUTE = 60_000;

/** The simulated clock every profile reads. */
export const clock = { now: Date.UTC(2026, 5, 1, 9, 0, 0) };

export interface Profile {
  name: string;
  db: DebriefDb;
  deviceId: string;
  deps: TrackerDeps;
  calls: Map<number, TabCall>;
  /** Sessions this profile recorded through a call, and those it answered or dismissed. */
  recorded: Set<string>;
  closed: Set<string>;
  /** Every deletion this profile has held ("store/id" → stamp): none may go or grow older. */
  deleted: Map<string, string>;
  /** Older exports of its own, for stale-backup files. */
  backups: string[];
}

let opened = 0;

export async function openProfile(): Promise<Profile> {
  const name = `debrief-property-${++opened}`;
  const db = await openDebriefDb(name);
  const calls = new Map<number, TabCall>();
  const offers = new Map<number, number>();
  const deps: TrackerDeps = {
    db: async () => db,
    calls: memoryCalls(calls),
    minSessionMinutes: async () => 10,
    offer: async () => undefined,
    now: () => clock.now,
    offers: { lastOffer: async (tabId) => offers.get(tabId) ?? null, noteOffer: async (tabId, at) => void offers.set(tabId, at) },
  };
  const file = await exportData(db, new Date(clock.now));
  return { name, db, deviceId: file.deviceId, deps, calls, recorded: new Set(), closed: new Set(), deleted: new Map(), backups: [] };
}

export async function closeProfile(profile: Profile): Promise<void> {
  profile.db.close();
  await deleteDB(profile.name);
}


const at = () => new Date(clock.now);

/** A title an active goal already has is refused, as the person would be told; anything else is a failure. */
function refusedTitle(error: unknown): void {
  if (!(error instanceof GoalInputError)) throw error;
}
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** One thing a person does on a profile; `n` picks which record, `k` varies what is done. */
export type LocalOp = { kind: 'add-check-in' | 'edit-check-in' | 'delete-check-in' | 'add-goal' | 'edit-goal' | 'call' | 'restart' | 'teach-room' | 'remove-room'; n: number; k: number };

export async function runLocal(profile: Profile, op: LocalOp): Promise<void> {
  const { db } = profile;
  const checkIns = await db.getAllKeys('checkIns');
  const goals = await db.getAllKeys('goals');
  switch (op.kind) {
    case 'add-check-in':
      await saveCheckIn(db, newCheckIn({ overall: op.k % 11, notes: { ...emptyNotes(), helpful: `note ${op.n}` } }), at());
      return;
    case 'edit-check-in': {
      const id = pick(checkIns, op.n);
      if (id) await updateCheckIn(db, id, () => ({ overall: op.k % 11 }), at());
      return;
    }
    case 'delete-check-in': {
      const id = pick(checkIns, op.n);
      if (id) await deleteCheckIn(db, id, at());
      return;
    }
    case 'add-goal':
      await addGoal(db, `Goal ${op.n % 7}`, at()).catch(refusedTitle);
      return;
    case 'edit-goal': {
      const id = pick(goals, op.n);
      if (!id) return;
      if (op.k % 2) await setGoalStatus(db, id, op.k % 3 ? 'achieved' : 'active', at()).catch(refusedTitle);
      else await renameGoal(db, id, `Goal ${op.n % 7} (${op.k})`, at()).catch(refusedTitle);
      return;
    }
    case 'call':
      await call(profile, op);
      return;
    case 'teach-room': {
      // Made therapy or muted (as from an answer, the popup or a pasted link), or given a name in Settings.
      const id = `zoom:${81234567890 + (op.n % 4)}`;
      if (op.k % 3 === 2) await renameRoom(db, id, `Dr. ${op.k}`, clock.now);
      else await setRoom(db, { id, platform: 'zoom', kind: op.k % 3 ? 'muted' : 'therapy' }, clock.now);
      return;
    }
    case 'remove-room': {
      const id = pick(await db.getAllKeys('rooms'), op.n);
      if (id) await removeRoom(db, id, clock.now);
      return;
    }
    case 'restart':
      // The browser quit: no call is live any more; the worker recovers what it was recording.
      profile.calls.clear();
      await recoverInterrupted(profile.deps);
  }
}

/** A call on this profile: live, then ended (or left live), then answered, dismissed, snoozed or left waiting. */
async function call(profile: Profile, op: LocalOp): Promise<void> {
  const tabId = 1 + (op.n % 3);
  const live = profile.calls.get(tabId);
  if (!live) {
    const session = await callStarted(profile.deps, { tabId, frameId: 0, platform: 'doxy-me', url: 'https://doxy.me/room', at: clock.now });
    if (session) profile.recorded.add(session.id);
    return;
  }
  clock.now += (op.k % 2 ? 50 : 3) * MINUTE;
  const ended = await callEnded(profile.deps, tabId, { reason: 'call-ended', at: clock.now });
  if (!ended) return;
  const outcome = op.k % 4;
  if (outcome === 0) {
    await saveCheckIn(profile.db, newCheckIn({ sessionId: ended.id }), at());
    profile.closed.add(ended.id);
  } else if (outcome === 1) {
    await dismissSession(profile.db, ended.id, clock.now);
    profile.closed.add(ended.id);
  } else if (outcome === 2) {
    await snoozeSession(profile.db, ended.id, clock.now + 60 * MINUTE, clock.now);
  }
}

export interface Snapshot extends SyncData {
  clock: unknown;
  /** With the lock on: records are sealed, and the lock goes with them into the profile's export. */
  lock?: LockRecord;
}

/** With the lock on: the one lock every profile of a run shares (null: the lock is off). */
let shared: { record: LockRecord; privateKey: CryptoKey } | null = null;

/** Runs `work` with every profile sharing one lock, then turns it off again. */
export async function withSharedLock(work: () => Promise<void>): Promise<void> {
  const lock = await createLock('blue kettle at dawn', 1_000);
  shared = { record: lock.record, privateKey: lock.privateKey };
  try {
    await work();
  } finally {
    shared = null;
    await forgetUnlocked();
  }
}

export function lockIsShared(): boolean {
  return shared !== null;
}

/** Gives a profile the shared lock, if there is one. */
export async function shareLock(db: DebriefDb): Promise<void> {
  if (shared) await db.put('meta', { key: 'lock', value: shared.record });
}

/** Files are written and read while locked (they travel sealed); local work and comparisons while unlocked. */
export async function lockNow(locked: boolean): Promise<void> {
  if (!shared) return;
  if (locked) await forgetUnlocked();
  else await rememberUnlocked(shared.privateKey);
}

/** Everything that syncs and the clock, in one read. */
export async function snapshot(db: DebriefDb): Promise<Snapshot> {
  const tx = db.transaction(['checkIns', 'sessions', 'goals', 'rooms', 'tombstones', 'meta']);
  const [checkIns, sessions, goals, rooms, tombstones, clockEntry, lockEntry] = await Promise.all([
    tx.objectStore('checkIns').getAll(),
    tx.objectStore('sessions').getAll(),
    tx.objectStore('goals').getAll(),
    tx.objectStore('rooms').getAll(),
    tx.objectStore('tombstones').getAll(),
    tx.objectStore('meta').get('clock'),
    tx.objectStore('meta').get('lock'),
  ]);
  await tx.done;
  return { checkIns, sessions, goals, rooms, tombstones, clock: clockEntry?.value, ...(lockEntry ? { lock: lockEntry.value as LockRecord } : {}) };
}

/** The profile's export as `exportData` writes it, from a snapshot. */
export function exportOfSnapshot(profile: Profile, state: Snapshot): DebriefExport {
  const { clock: _clock, ...data } = state;
  return { format: 'debrief', version: 2, exportedAt: localIsoString(new Date(clock.now)), deviceId: profile.deviceId, ...data };
}

function storedProblem(state: Snapshot): string | null {
  const owner = new Map<string, SyncedStore>();
  for (const store of STORES) {
    for (const record of state[store]) {
      if (owner.has(record.id)) return `id ${record.id} in two stores`;
      owner.set(record.id, store);
    }
  }
  const stamps = [...STORES.flatMap((store) => state[store].map((record) => record.updatedAt)), ...state.tombstones.map((t) => t.deletedAt)];
  if (stamps.some((stamp) => !isValidStamp(stamp))) return 'an invalid stamp is stored';
  for (const tombstone of state.tombstones) {
    const held = owner.get(tombstone.id);
    if (held && held !== tombstone.store) return `deletion of ${tombstone.id} names ${tombstone.store}, record is in ${held}`;
    const record = held ? state[held].find((r) => r.id === tombstone.id) : undefined;
    if (record && record.updatedAt <= tombstone.deletedAt) return `resurrected: ${tombstone.store} ${tombstone.id}`;
  }
  if (typeof state.clock === 'string' && hlcWallTime(state.clock) > clock.now + MAX_CLOCK_AHEAD_MS) return 'clock beyond the window';
  return null;
}

/**
 * The invariants of DESIGN §5 on one profile; returns what broke, or null. The own export is
 * validated every time; `fresh` (wiped and reused) also imports it for real when given.
 */
export async function brokenInvariant(profile: Profile, state: Snapshot, fresh?: DebriefDb): Promise<string | null> {
  const stored = storedProblem(state);
  if (stored) return stored;
  const now = new Map(state.tombstones.map((t) => [`${t.store}/${t.id}`, t.deletedAt]));
  // A deletion of a kind that lost its id to another kind lives on under the moved id.
  const held = (key: string) => {
    const [store, id] = key.split(/\/(.*)/s) as [SyncedStore, string];
    return movesOf(id, store).map((moved) => now.get(`${store}/${moved}`)).find((found) => found !== undefined) ?? '';
  };
  for (const [key, deletedAt] of profile.deleted) if (held(key) < deletedAt) return `resurrected: deletion of ${key} lost`;
  profile.deleted = now;
  const offered = await offeredSessions(profile.db, clock.now);
  const foreign = offered.find((s) => !profile.recorded.has(s.id) || profile.closed.has(s.id));
  if (foreign) return `session ${foreign.id} offered here (${foreign.status}) though ${profile.recorded.has(foreign.id) ? 'closed here' : 'not recorded here'}`;
  const recording = await recordingSessions(profile.db);
  if (recording.some((s) => !profile.recorded.has(s.id))) return 'a session recorded elsewhere is in progress here';
  const own = serializeExport(exportOfSnapshot(profile, state));
  const parsed = parseExport(own, { now: clock.now });
  if (!parsed.ok) return `own export refused: ${parsed.error}`;
  if (!fresh) return null;
  await deleteEverything(fresh);
  await shareLock(fresh);
  const result = await importText(fresh, own, '', { now: clock.now });
  return result.ok ? null : `own export refused by a fresh profile: ${result.error}`;
}
