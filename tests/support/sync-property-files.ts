/**
 * Files for the sync property test: another profile's export, this profile's own (current or an
 * old backup), each optionally bent with mutations that reuse the profile's own ids, stores,
 * device id and stamps, or carry stamps and times at and past the bounds Debrief writes.
 */
import fc from 'fast-check';
import { formatHlc, MAX_CLOCK_AHEAD_MS, MAX_HLC_COUNTER } from '@/utils/db/hlc';
import type { CheckIn, Room, Session, SessionStatus, SyncedStore } from '@/utils/db/schema';
import type { DebriefExport, SyncData } from '@/utils/sync/format';
import { checkIn, goal, room, session } from './sync-fixtures';
import { clock, movesOf, STORES, type Profile, type Snapshot } from './sync-property-world';

const HOUR = 3_600_000;
const WALL_OFFSETS = [-30 * 24 * HOUR, -HOUR, -1, 0, HOUR, MAX_CLOCK_AHEAD_MS - 1, MAX_CLOCK_AHEAD_MS, MAX_CLOCK_AHEAD_MS + 1, 30 * 24 * HOUR];
const COUNTERS = [0, 1, MAX_HLC_COUNTER - 1, MAX_HLC_COUNTER, MAX_HLC_COUNTER + 1, 999_999];
const MUTATIONS = ['tombstone-any', 'cross-store', 'restamp', 'foreign-call', 'reopen-own-session', 'delete-own', 'session-times', 'history', 'duplicate', 'same-stamp'] as const;

export interface Mutation {
  kind: (typeof MUTATIONS)[number];
  n: number;
  k: number;
  store: number;
}

export interface FileStep {
  base: 'peer' | 'own' | 'backup' | 'empty';
  source: number;
  mutations: Mutation[];
}

const arbMutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom(...MUTATIONS),
  n: fc.nat(1_000),
  k: fc.nat(10_000),
  store: fc.nat(3),
});

export const arbFileStep: fc.Arbitrary<FileStep> = fc.record({
  base: fc.constantFrom('peer', 'peer', 'own', 'backup', 'empty'),
  source: fc.nat(2),
  mutations: fc.array(arbMutation, { maxLength: 3 }),
});

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length ? list[n % list.length] : undefined);

/** A stamp at one of the edges: wall time around now and the window, counter around its top, any device. */
function edgeStamp(k: number, devices: readonly string[]): string {
  const wall = clock.now + WALL_OFFSETS[k % WALL_OFFSETS.length]!;
  const counter = COUNTERS[Math.floor(k / WALL_OFFSETS.length) % COUNTERS.length]!;
  const deviceId = devices[Math.floor(k / (WALL_OFFSETS.length * COUNTERS.length)) % devices.length]!;
  return formatHlc({ wall, counter, deviceId });
}

function ids(data: SyncData): string[] {
  return [...STORES.flatMap((store) => data[store].map((record) => record.id)), ...data.tombstones.map((t) => t.id)];
}

/** A record of `store` with the given id and stamp, built from the shared fixtures. */
type AnyRecord = CheckIn | Session | ReturnType<typeof goal> | Room;

function recordOf(store: SyncedStore, id: string, updatedAt: string): AnyRecord {
  if (store === 'checkIns') return checkIn(id, updatedAt);
  if (store === 'sessions') return session(id, updatedAt);
  // A record id (no colon) is no room key: such a room makes the file refused, as it should.
  if (store === 'rooms') return room(id, updatedAt, { platform: 'zoom' });
  return goal(id, updatedAt);
}

function push(file: DebriefExport, store: SyncedStore, record: AnyRecord): void {
  (file[store] as (typeof record)[]).push(record);
}

/** A stamp the profile already holds, on a record or a deletion. */
function heldStamp(held: Snapshot, n: number): string | undefined {
  return pick([...STORES.flatMap((store) => (held[store] as { updatedAt: string }[]).map((r) => r.updatedAt)), ...held.tombstones.map((t) => t.deletedAt)], n);
}

function mutate(file: DebriefExport, mutation: Mutation, target: Profile, held: Snapshot): void {
  const devices = ['dev-x', target.deviceId, file.deviceId];
  // Half the time a stamp the profile already holds, else one at the edges.
  const stampK = (mutation.k % 2 ? heldStamp(held, mutation.n + mutation.k) : undefined) ?? edgeStamp(mutation.k >> 1, devices);
  const store = STORES[mutation.store]!;
  const heldId = pick(ids(held), mutation.n) ?? `new-${mutation.n}`;
  switch (mutation.kind) {
    case 'tombstone-any':
      file.tombstones.push({ id: heldId, store, deletedAt: stampK });
      return;
    case 'cross-store':
      push(file, store, recordOf(store, heldId, stampK));
      return;
    case 'restamp': {
      const record = pick(file[store] as { updatedAt: string }[], mutation.n);
      if (record) record.updatedAt = stampK;
      return;
    }
    case 'foreign-call': {
      const statuses: SessionStatus[] = ['in-progress', 'pending', 'snoozed'];
      const reuse = mutation.n % 2 ? pick(held.sessions, mutation.n)?.id : undefined;
      const lastSeenMs = clock.now + [-HOUR, HOUR, 30 * 24 * HOUR][mutation.k % 3]!;
      push(file, 'sessions', session(reuse ?? `call-${mutation.n}`, stampK, { deviceId: devices[mutation.k % 3]!, status: statuses[mutation.n % 3]!, endedAt: null, endedMs: null, endReason: null, lastSeenMs, snoozedUntil: null }));
      return;
    }
    case 'reopen-own-session': {
      const own = pick(held.sessions, mutation.n);
      if (own) push(file, 'sessions', { ...own, status: mutation.k % 2 ? 'in-progress' : 'pending', checkInId: null, updatedAt: stampK });
      return;
    }
    case 'delete-own': {
      const own = pick(held[store] as { id: string }[], mutation.n);
      if (own) file.tombstones.push({ id: own.id, store, deletedAt: stampK });
      return;
    }
    case 'session-times': {
      const ahead = clock.now + [HOUR, MAX_CLOCK_AHEAD_MS + 1, 30 * 24 * HOUR][mutation.k % 3]!;
      const field = (['startedMs', 'endedMs', 'createdMs', 'lastSeenMs'] as const)[mutation.n % 4]!;
      push(file, 'sessions', session(`times-${mutation.n}`, stampK, { [field]: ahead }));
      return;
    }
    case 'history': {
      const entry = pick(file.checkIns, mutation.n);
      if (entry) {
        const { history: _history, ...version } = entry;
        entry.history = [...entry.history, { ...version, id: mutation.k % 5 ? entry.id : heldId, updatedAt: stampK }];
      }
      return;
    }
    case 'same-stamp': {
      // The profile's own record, changed, under the very stamp it holds.
      const record = pick(held[store] as AnyRecord[], mutation.n);
      if (!record) return;
      const changed =
        'kind' in record
          ? { ...record, kind: record.kind === 'muted' ? ('therapy' as const) : ('muted' as const) }
          : 'title' in record
            ? { ...record, title: `Changed ${mutation.k}` }
            : 'status' in record
              ? { ...record, status: 'pending' as const, checkInId: null }
              : { ...record, overall: mutation.k % 11 };
      push(file, store, changed);
      return;
    }
    case 'duplicate': {
      const record = pick(file[store] as AnyRecord[], mutation.n);
      const into = STORES[(mutation.store + (mutation.k % STORES.length)) % STORES.length]!;
      if (record) push(file, into, into === store ? structuredClone(record) : recordOf(into, record.id, record.updatedAt));
    }
  }
}

/** The file text for one step: its base export, bent by its mutations. */
export function buildFile(step: FileStep, target: Profile, exports: readonly DebriefExport[], held: Snapshot): { text: string; mutated: boolean } {
  const peer = exports[step.source % exports.length]!;
  const base: DebriefExport =
    step.base === 'peer'
      ? peer
      : step.base === 'own'
        ? exports[exports.length - 1]!
        : step.base === 'backup' && target.backups.length
          ? (JSON.parse(pick(target.backups, step.source)!) as DebriefExport)
          : { ...peer, deviceId: 'dev-x', checkIns: [], sessions: [], goals: [], tombstones: [], rooms: [] };
  const file = structuredClone(base);
  for (const mutation of step.mutations) mutate(file, mutation, target, held);
  return { text: JSON.stringify(file), mutated: step.mutations.length > 0 };
}

/** Records of `file` or of `before` that neither `after` holds (under their id or the one they moved to) (same or newer) nor a deletion there covers. */
export function lostRecords(before: SyncData, file: SyncData, after: SyncData): number {
  let lost = 0;
  for (const store of STORES) {
    const now = new Map((after[store] as { id: string; updatedAt: string }[]).map((r) => [r.id, r.updatedAt]));
    const deleted = new Map(after.tombstones.filter((t) => t.store === store).map((t) => [t.id, t.deletedAt]));
    for (const record of [...before[store], ...file[store]] as { id: string; updatedAt: string }[]) {
      // A record of a kind that lost its id to another kind lives on under its moved id (moved again if that one is taken).
      const at = (map: Map<string, string>) => movesOf(record.id, store).map((id) => map.get(id)).find((found) => found !== undefined) ?? '';
      const kept = at(now) >= record.updatedAt;
      const covered = at(deleted) >= record.updatedAt;
      if (!kept && !covered) lost++;
    }
  }
  return lost;
}
