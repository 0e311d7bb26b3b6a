/**
 * Devices converge whatever happens between files: two records of different kinds with one id,
 * an undo after a later deletion, a history longer than a file may carry, a stamp at the edge of
 * the accepted future. After each case every profile's own export imports anywhere.
 */
import { describe, expect, it } from 'vitest';
import { saveCheckIn, updateCheckIn } from '@/utils/db/checkins';
import { addGoal } from '@/utils/db/goals';
import { stampIn } from '@/utils/db/meta';
import { formatHlc, MAX_CLOCK_AHEAD_MS } from '@/utils/db/hlc';
import type { DebriefDb } from '@/utils/db/open';
import type { SyncData } from '@/utils/sync/format';
import { importText, undoImport } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { mergeData } from '@/utils/sync/merge';
import { MAX_HISTORY } from '@/utils/checkin/limits';
import { newCheckIn, useFreshDbs } from '../../support/db-fixture';
import { checkIn, exportOf, goal, session, tombstone, version } from '../../support/sync-fixtures';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const freshDb = useFreshDbs('debrief-sync-converge');
const text = (data: Partial<SyncData>) => JSON.stringify(exportOf(data));
const at = (minutes: number, counter = 0, device = 'dev-b') => formatHlc({ wall: NOW - 3_600_000 + minutes * 60_000, counter, deviceId: device });

async function dataOf(db: DebriefDb): Promise<SyncData> {
  const { checkIns, sessions, goals, tombstones, rooms } = await exportData(db, new Date(NOW));
  return { checkIns, sessions, goals, tombstones, rooms };
}

/** Imports each text in order and expects every one accepted. */
async function importAll(db: DebriefDb, texts: readonly string[], now = NOW): Promise<void> {
  for (const file of texts) {
    const result = await importText(db, file, '', { now });
    expect(result.ok ? 'ok' : result.error).toBe('ok');
  }
}

async function ownExport(db: DebriefDb, now = NOW): Promise<string> {
  return serializeExport(await exportData(db, new Date(now)));
}

describe('records of different kinds that share an id', () => {
  const X = 'shared-id-1';
  it.each([
    ['a check-in and a goal', { checkIns: [checkIn(X, at(1))] }, { goals: [goal(X, at(2))] }],
    ['a goal and a session', { goals: [goal(X, at(1))] }, { sessions: [session(X, at(2))] }],
    ['a check-in and a deletion of a goal with its id', { checkIns: [checkIn(X, at(1))] }, { tombstones: [tombstone(X, 'goals', at(2))] }],
    ['a session and a deletion of a check-in with its id', { sessions: [session(X, at(3))] }, { tombstones: [tombstone(X, 'checkIns', at(2))] }],
  ] as [string, Partial<SyncData>, Partial<SyncData>][])('%s: both files are taken in either order, the profiles agree and take each other’s exports', async (_case, first, second) => {
    const [one, two] = [await freshDb(), await freshDb()];
    await importAll(one, [text(first), text(second)]);
    await importAll(two, [text(second), text(first)]);
    expect(await dataOf(one)).toEqual(await dataOf(two));
    const [fromOne, fromTwo] = [await ownExport(one), await ownExport(two)];
    await importAll(one, [fromTwo]);
    await importAll(two, [fromOne]);
    expect(await dataOf(one)).toEqual(await dataOf(two));
    // Nothing anyone wrote is dropped: both records are still there, one under a new id.
    const data = await dataOf(one);
    const records = [...data.checkIns, ...data.goals, ...data.sessions];
    const incoming = [...(first.checkIns ?? []), ...(first.goals ?? []), ...(first.sessions ?? []), ...(second.checkIns ?? []), ...(second.goals ?? []), ...(second.sessions ?? [])];
    expect(records).toHaveLength(incoming.length);
  });

  it('a local goal keeps what the person wrote when a file brings a check-in with its id', async () => {
    const db = await freshDb();
    const mine = await addGoal(db, 'Sleep before midnight', new Date(NOW - 60_000));
    await importAll(db, [text({ checkIns: [checkIn(mine.id, at(5))] })]);
    const data = await dataOf(db);
    expect(data.goals.map((g) => g.title)).toEqual(['Sleep before midnight']);
    expect(data.checkIns).toHaveLength(1);
    await importAll(await freshDb(), [await ownExport(db)]);
  });
});

describe('undo of an import', () => {
  it.each([
    ['a check-in', { checkIns: [checkIn('c-undo', at(1))] }, 'checkIns' as const],
    ['a goal', { goals: [goal('g-undo', at(1))] }, 'goals' as const],
  ])('never brings back %s that a later file deleted again', async (_case, added, store) => {
    const id = store === 'checkIns' ? 'c-undo' : 'g-undo';
    const db = await freshDb();
    await importAll(db, [text(added)]);
    const deleted = await importText(db, text({ tombstones: [tombstone(id, store, at(2))] }), '', { now: NOW });
    await importAll(db, [text({ tombstones: [tombstone(id, store, at(3))] })]);
    if (!deleted.ok) throw new Error(deleted.error);
    const undone = await undoImport(db, deleted.result.undo);
    expect((await dataOf(db))[store]).toEqual([]);
    expect(undone.notUndone).toEqual([{ store, id, why: 'deleted' }]);
    const fresh = await freshDb();
    await importAll(fresh, [await ownExport(db)]);
    expect(await dataOf(fresh)).toEqual(await dataOf(db));
  });
});

describe('limits kept by every write', () => {
  it('two files of 600 versions of one check-in merge to a history a file may carry', async () => {
    const versions = (device: string) => Array.from({ length: 600 }, (_, i) => version('c-long', at(i % 50, Math.floor(i / 50), device)));
    const file = (device: string) => {
      const [current, ...older] = versions(device).reverse();
      return { checkIns: [{ ...current!, history: older.reverse() }] };
    };
    const merged = mergeData({ ...exportOf(file('dev-b')) }, { ...exportOf(file('dev-c')) });
    expect(merged.checkIns[0]!.history).toHaveLength(MAX_HISTORY);
    const db = await freshDb();
    await importAll(db, [text(file('dev-b')), text(file('dev-c'))]);
    await importAll(await freshDb(), [await ownExport(db)]);
  });

  it('a note past the limit is refused with a message and the own export still imports', async () => {
    const db = await freshDb();
    const long = 'a'.repeat(20_001);
    await expect(saveCheckIn(db, newCheckIn({ notes: { ...newCheckIn().notes, helpful: long } }), new Date(NOW))).rejects.toThrow(/20,?000/);
    const kept = await saveCheckIn(db, newCheckIn(), new Date(NOW));
    await expect(updateCheckIn(db, kept.id, () => ({ tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }), new Date(NOW))).rejects.toThrow(/100/);
    await expect(updateCheckIn(db, kept.id, () => ({ provider: 'p'.repeat(501) }), new Date(NOW))).rejects.toThrow(/500/);
    await importAll(await freshDb(), [await ownExport(db)]);
  });
});

describe('stamps at the edge of the accepted future', () => {
  it('a local write in the same millisecond as a file at the edge waits until its stamp is valid', async () => {
    const db = await freshDb();
    const edge = formatHlc({ wall: NOW + MAX_CLOCK_AHEAD_MS, counter: 0xffff, deviceId: 'dev-b' });
    await importAll(db, [text({ goals: [goal('g-edge', edge)] })]);
    // The device's clock, 1 ms further each time it is read.
    let ticks = 0;
    const clock = () => NOW + ticks++;
    const tx = db.transaction(['goals', 'meta'], 'readwrite');
    const { stamp, deviceId } = await stampIn(tx, NOW, clock);
    await tx.objectStore('goals').put({ ...goal('g-mine', stamp), deviceId });
    await tx.done;
    const at = clock();
    expect(stamp > edge).toBe(true);
    const result = await importText(await freshDb(), await ownExport(db, at), '', { now: at });
    expect(result.ok ? 'ok' : result.error).toBe('ok');
  });
});

