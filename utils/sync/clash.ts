/**
 * One law for an id claimed by records of different kinds (a check-in and a goal with one id, or
 * a deletion naming a check-in's id as a session's): every device settles it the same way, from
 * ids and stores alone, whatever order the files came in. The kind that ranks first keeps the id;
 * each other kind's records and deletion records move, together, to an id derived from the old
 * one and the kind, so nothing anyone wrote is dropped and every id belongs to one store.
 *
 * A store that loses an id never wins it back: deletion records are kept for good and the ranking
 * is fixed, so the records that kept the id are always there to claim it again.
 */
import type { CheckIn, SyncedStore, Tombstone } from '../db/schema';
import type { SyncData } from './format';

/**
 * Which kind keeps a shared id: a room first (its id is the meeting's address, which another id
 * cannot stand for), then what the person wrote, then what they set, then what was detected.
 */
const RANK: readonly SyncedStore[] = ['rooms', 'checkIns', 'goals', 'sessions'];
const TAG: Record<SyncedStore, string> = { checkIns: 'c', goals: 'g', sessions: 's', rooms: 'r' };
/** A chain of moves longer than this can only be built on purpose, one hash at a time. */
const MAX_ROUNDS = 8;

/** 32-bit FNV-1a from a given offset, as 8 hex digits. */
function fnv1a(text: string, offset: number): string {
  let hash = offset;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** The id a record of `store` moves to when another kind keeps `id`: readable, and the same on every device. */
export function movedId(id: string, store: SyncedStore): string {
  const key = `${store}\u0000${id}`;
  return `${id.slice(0, 64)}.${TAG[store]}${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}`;
}

const MOVED = /^(.+)\.[cgs][0-9a-f]{16}$/;

/** The id a record held before the law moved it (one move back), or null when it never moved. */
export function movedFrom(id: string): string | null {
  return MOVED.exec(id)?.[1] ?? null;
}

type Moves = Map<string, string>;
const moveKey = (store: SyncedStore, id: string) => `${store}/${id}`;

/** The moves the law makes for these copies together; empty when no id is claimed by two kinds. */
function movesFor(copies: readonly SyncData[]): Moves {
  const kinds = new Map<string, Set<SyncedStore>>();
  const claim = (id: string, store: SyncedStore) => {
    const held = kinds.get(id);
    if (!held) kinds.set(id, new Set([store]));
    else held.add(store);
  };
  for (const data of copies) {
    for (const store of RANK) for (const record of data[store]) claim(record.id, store);
    for (const tombstone of data.tombstones) claim(tombstone.id, tombstone.store);
  }
  const moves: Moves = new Map();
  for (const [id, stores] of kinds) {
    if (stores.size < 2) continue;
    const keeper = RANK.find((store) => stores.has(store));
    for (const store of stores) if (store !== keeper) moves.set(moveKey(store, id), movedId(id, store));
  }
  return moves;
}

function moveCheckIn(checkIn: CheckIn, to: string): CheckIn {
  return { ...checkIn, id: to, history: checkIn.history.map((version) => ({ ...version, id: to })) };
}

function applyMoves(data: SyncData, moves: Moves): SyncData {
  const to = (store: SyncedStore, id: string) => moves.get(moveKey(store, id));
  const move = <T extends { id: string }>(store: SyncedStore, records: T[], change: (record: T, id: string) => T): T[] =>
    records.map((record) => {
      const id = to(store, record.id);
      return id === undefined ? record : change(record, id);
    });
  return {
    checkIns: move('checkIns', data.checkIns, moveCheckIn),
    sessions: move('sessions', data.sessions, (record, id) => ({ ...record, id })),
    goals: move('goals', data.goals, (record, id) => ({ ...record, id })),
    rooms: move('rooms', data.rooms, (record, id) => ({ ...record, id })),
    tombstones: data.tombstones.map((tombstone): Tombstone => {
      const id = to(tombstone.store, tombstone.id);
      return id === undefined ? tombstone : { ...tombstone, id };
    }),
  };
}

/**
 * The copies with every shared id settled by the law (each copy is returned as is when nothing
 * is shared), and how many ids of each kind moved. Settling the copies together or one pair at a
 * time ends the same.
 */
export function settleIds(copies: readonly SyncData[]): { settled: SyncData[]; moved: Record<SyncedStore, number> } {
  let settled = [...copies];
  const moved: Record<SyncedStore, number> = { checkIns: 0, goals: 0, sessions: 0, rooms: 0 };
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const moves = movesFor(settled);
    if (moves.size === 0) return { settled, moved };
    for (const key of moves.keys()) moved[key.slice(0, key.indexOf('/')) as SyncedStore]++;
    settled = settled.map((data) => applyMoves(data, moves));
  }
  throw new Error('ids moved too many times');
}
