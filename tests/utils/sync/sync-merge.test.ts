import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckIn, SyncedStore } from '@/utils/db/schema';
import { mergeData, type SyncData } from '@/utils/sync/merge';
import { planMerge } from '@/utils/sync/plan';

/** The counts an import would show, as the Sync page asks for them. */
const previewMerge = (local: SyncData, incoming: SyncData) => planMerge(local, incoming).preview;
import { arbClashingData, arbSyncData, checkIn, emptyData, goal, session, stamp, tombstone, version } from '../../support/sync-fixtures';

const RUNS = { numRuns: 200 };
// Generous: other work on this shared 2-core machine can slow a property run several-fold.
const SLOW = { timeout: 30_000 };
const STORES: SyncedStore[] = ['checkIns', 'sessions', 'goals'];

function deletedAt(data: SyncData, store: SyncedStore, id: string): string | null {
  const found = data.tombstones.find((t) => t.id === id && t.store === store);
  return found ? found.deletedAt : null;
}

function stampsOf(record: CheckIn): string[] {
  return [...record.history.map((v) => v.updatedAt), record.updatedAt];
}

describe('mergeData is a join (any order, any number of times, same result)', SLOW, () => {
  it('is commutative', () => {
    fc.assert(
      fc.property(arbSyncData, arbSyncData, (a, b) => {
        expect(mergeData(a, b)).toEqual(mergeData(b, a));
      }),
      RUNS,
    );
  });

  it('is associative', () => {
    fc.assert(
      fc.property(arbSyncData, arbSyncData, arbSyncData, (a, b, c) => {
        expect(mergeData(mergeData(a, b), c)).toEqual(mergeData(a, mergeData(b, c)));
      }),
      RUNS,
    );
  });

  it('is idempotent: importing the same file again, or your own data, changes nothing', () => {
    fc.assert(
      fc.property(arbSyncData, arbSyncData, (a, b) => {
        const merged = mergeData(a, b);
        expect(mergeData(merged, merged)).toEqual(merged);
        expect(mergeData(merged, a)).toEqual(merged);
        expect(mergeData(merged, b)).toEqual(merged);
      }),
      RUNS,
    );
  });
});

describe('ids shared by two kinds of record are settled the same way in any order', SLOW, () => {
  const ids = (data: SyncData) => [...STORES.flatMap((store) => data[store].map((record) => `${store}/${record.id}`)), ...data.tombstones.map((t) => `${t.store}/${t.id}`)];
  const owners = (data: SyncData) => {
    const owner = new Map<string, string>();
    for (const key of ids(data)) {
      const [store, id] = key.split('/') as [string, string];
      if (owner.has(id) && owner.get(id) !== store) return `${id} in ${owner.get(id)} and ${store}`;
      owner.set(id, store);
    }
    return 'one store per id';
  };

  it('merges commutatively, associatively and idempotently, and leaves every id in one store', () => {
    fc.assert(
      fc.property(arbClashingData, arbClashingData, arbClashingData, (a, b, c) => {
        const ab = mergeData(a, b);
        expect(ab).toEqual(mergeData(b, a));
        expect(mergeData(ab, c)).toEqual(mergeData(a, mergeData(b, c)));
        expect(mergeData(ab, c)).toEqual(mergeData(mergeData(a, c), b));
        expect(mergeData(ab, ab)).toEqual(ab);
        expect(mergeData(ab, a)).toEqual(ab);
        expect(owners(ab)).toBe('one store per id');
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every record of either side, under its own id or a new one', () => {
    fc.assert(
      fc.property(arbClashingData, arbClashingData, (a, b) => {
        const merged = mergeData(a, b);
        // A record survives unless a deletion from either side is as new as its newest copy on either side.
        const newest = (store: SyncedStore, id: string) =>
          [...a[store], ...b[store]].filter((r) => r.id === id).reduce((top, r) => (r.updatedAt > top ? r.updatedAt : top), '');
        const deleted = (store: SyncedStore, id: string) =>
          [...a.tombstones, ...b.tombstones].some((t) => t.store === store && t.id === id && t.deletedAt >= newest(store, id));
        // Each (store, id) alive on either side is one record in the result, a clashing one under a new id.
        const alive = new Set(STORES.flatMap((store) => [...a[store], ...b[store]].filter((r) => !deleted(store, r.id)).map((r) => `${store}/${r.id}`)));
        expect(merged.checkIns.length + merged.sessions.length + merged.goals.length).toBeGreaterThanOrEqual(alive.size);
      }),
      RUNS,
    );
  });

  it('the preview counts a record that moved to a new id as moved, not as new', () => {
    const local = { ...emptyData(), goals: [goal('x1', stamp(1))] };
    const preview = previewMerge(local, { ...emptyData(), checkIns: [checkIn('x1', stamp(2))] });
    expect(preview).toMatchObject({ new: 1, moved: 1, updated: 0, deleted: 0 });
    expect(preview.byStore.goals).toMatchObject({ new: 0, moved: 1 });
  });

  it('a check-in keeps its id; the goal that shared it moves, with its deletion records', () => {
    const local = { ...emptyData(), goals: [goal('x1', stamp(1))], tombstones: [tombstone('x1', 'goals', stamp(0))] };
    const incoming = { ...emptyData(), checkIns: [checkIn('x1', stamp(2))] };
    const merged = mergeData(local, incoming);
    expect(merged.checkIns.map((c) => c.id)).toEqual(['x1']);
    expect(merged.goals).toHaveLength(1);
    expect(merged.goals[0]!.id).toMatch(/^x1\.g[0-9a-f]{16}$/);
    expect(merged.tombstones).toEqual([tombstone(merged.goals[0]!.id, 'goals', stamp(0))]);
  });
});

describe('mergeData never loses an entry', SLOW, () => {
  it('keeps every id of either side, as a record or as a tombstone of its store', () => {
    fc.assert(
      fc.property(arbSyncData, arbSyncData, (a, b) => {
        const merged = mergeData(a, b);
        for (const store of STORES) {
          for (const record of [...a[store], ...b[store]]) {
            const kept = merged[store].some((r) => r.id === record.id) || deletedAt(merged, store, record.id) !== null;
            expect(kept, `${store} ${record.id}`).toBe(true);
          }
        }
        for (const t of [...a.tombstones, ...b.tombstones]) expect(merged.tombstones.some((m) => m.id === t.id)).toBe(true);
      }),
      RUNS,
    );
  });

  it('keeps every check-in version newer than its tombstone, with the newest as the entry', () => {
    fc.assert(
      fc.property(arbSyncData, arbSyncData, (a, b) => {
        const merged = mergeData(a, b);
        for (const input of [...a.checkIns, ...b.checkIns]) {
          const cutoff = deletedAt(merged, 'checkIns', input.id);
          const result = merged.checkIns.find((c) => c.id === input.id);
          for (const stampSeen of stampsOf(input)) {
            if (cutoff !== null && stampSeen <= cutoff) continue;
            expect(result && stampsOf(result)).toContain(stampSeen);
            expect(result!.updatedAt >= stampSeen).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives each check-in a clean history: one version per stamp, oldest first, all older than the entry', () => {
    fc.assert(
      fc.property(arbSyncData, arbSyncData, (a, b) => {
        for (const result of mergeData(a, b).checkIns) {
          const stamps = stampsOf(result);
          expect([...stamps].sort()).toEqual(stamps);
          expect(new Set(stamps).size).toBe(stamps.length);
          expect(result.history.every((v) => v.id === result.id)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('lets a tombstone beat only what is older than it', () => {
    fc.assert(
      fc.property(arbSyncData, arbSyncData, (a, b) => {
        const merged = mergeData(a, b);
        for (const t of merged.tombstones) {
          const record = merged[t.store].find((r) => r.id === t.id);
          if (record) expect(record.updatedAt > t.deletedAt).toBe(true);
          if (record && t.store === 'checkIns') expect(stampsOf(record as CheckIn).every((s) => s > t.deletedAt)).toBe(true);
        }
        for (const store of ['sessions', 'goals'] as const) {
          for (const input of [...a[store], ...b[store]]) {
            const cutoff = deletedAt(merged, store, input.id);
            if (cutoff !== null && input.updatedAt <= cutoff) continue;
            const result = merged[store].find((r) => r.id === input.id);
            expect(result && result.updatedAt >= input.updatedAt).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('merge cases a person would recognise', () => {
  it('takes the newer edit and keeps the older one in history', () => {
    const home = { ...emptyData(), checkIns: [checkIn('c1', stamp(1), { overall: 4 })] };
    const work = { ...emptyData(), checkIns: [checkIn('c1', stamp(2, 0, 'dev-b'), { overall: 6 }, [version('c1', stamp(1), { overall: 4 })])] };
    const merged = mergeData(home, work).checkIns[0]!;
    expect(merged.overall).toBe(6);
    expect(merged.history.map((v) => v.overall)).toEqual([4]);
  });

  it('keeps both sides of a concurrent edit: the later one shown, the other in history', () => {
    const base = version('c1', stamp(1), { overall: 5 });
    const home = { ...emptyData(), checkIns: [checkIn('c1', stamp(3, 0, 'dev-a'), { overall: 8 }, [base])] };
    const work = { ...emptyData(), checkIns: [checkIn('c1', stamp(2, 0, 'dev-b'), { overall: 2 }, [base])] };
    const merged = mergeData(home, work).checkIns[0]!;
    expect(merged.overall).toBe(8);
    expect(merged.history.map((v) => v.overall)).toEqual([5, 2]);
  });

  it('deletes an entry whose newest version is older than the delete', () => {
    const local = { ...emptyData(), checkIns: [checkIn('c1', stamp(1))], goals: [goal('g1', stamp(1))] };
    const incoming = { ...emptyData(), tombstones: [tombstone('c1', 'checkIns', stamp(2)), tombstone('g1', 'goals', stamp(2))] };
    const merged = mergeData(local, incoming);
    expect(merged.checkIns).toEqual([]);
    expect(merged.goals).toEqual([]);
    expect(merged.tombstones).toHaveLength(2);
  });

  it('keeps an edit made after the delete on another device, with its post-delete history only', () => {
    const edited = checkIn('c1', stamp(5, 0, 'dev-b'), { overall: 9 }, [version('c1', stamp(1)), version('c1', stamp(4, 0, 'dev-b'))]);
    const deleted = { ...emptyData(), tombstones: [tombstone('c1', 'checkIns', stamp(3))] };
    const merged = mergeData(deleted, { ...emptyData(), checkIns: [edited] });
    expect(merged.checkIns[0]!.overall).toBe(9);
    expect(merged.checkIns[0]!.history.map((v) => v.updatedAt)).toEqual([stamp(4, 0, 'dev-b')]);
    expect(merged.tombstones).toEqual([tombstone('c1', 'checkIns', stamp(3))]);
  });

  it('does not let a delete of one store touch another store', () => {
    const merged = mergeData({ ...emptyData(), sessions: [session('x1', stamp(1))] }, { ...emptyData(), tombstones: [tombstone('x1', 'goals', stamp(9))] });
    // The goals' deletion keeps the id (goals rank before sessions); the session lives on under a new one.
    expect(merged.sessions).toHaveLength(1);
    expect(merged.sessions[0]!.id).toMatch(/^x1\.s/);
    expect(merged.tombstones).toEqual([tombstone('x1', 'goals', stamp(9))]);
  });
});

describe('the import preview', () => {
  const local: SyncData = {
    checkIns: [checkIn('c1', stamp(1)), checkIn('c2', stamp(1)), checkIn('c3', stamp(5)), checkIn('c4', stamp(1))],
    sessions: [session('s1', stamp(1))],
    goals: [],
    tombstones: [],
    rooms: [],
  };
  const incoming: SyncData = {
    checkIns: [
      checkIn('c1', stamp(1)), // same: unchanged
      checkIn('c2', stamp(2, 0, 'dev-b'), { overall: 1 }), // newer: updated, old kept as history
      checkIn('c3', stamp(4, 0, 'dev-b'), { overall: 2 }), // older: unchanged, kept as history
      checkIn('c9', stamp(3, 0, 'dev-b')), // new
    ],
    sessions: [session('s1', stamp(1))],
    goals: [goal('g1', stamp(1))],
    tombstones: [tombstone('c4', 'checkIns', stamp(3, 0, 'dev-b'))],
    rooms: [],
  };

  it.each([
    ['new', 2],
    ['updated', 1],
    ['deleted', 1],
    ['unchanged', 3],
    ['keptAsHistory', 2],
  ] as const)('counts %s: %i', (key, count) => {
    expect(previewMerge(local, incoming)[key]).toBe(count);
  });

  it('breaks the counts down by store', () => {
    const { byStore } = previewMerge(local, incoming);
    expect(byStore.checkIns).toEqual({ new: 1, updated: 1, deleted: 1, unchanged: 2, keptAsHistory: 2, moved: 0 });
    expect(byStore.goals).toEqual({ new: 1, updated: 0, deleted: 0, unchanged: 0, keptAsHistory: 0, moved: 0 });
  });

  it('reports nothing new when a file is imported twice', () => {
    const once = mergeData(local, incoming);
    const again = previewMerge(once, incoming);
    expect([again.new, again.updated, again.deleted, again.keptAsHistory]).toEqual([0, 0, 0, 0]);
  });
});
