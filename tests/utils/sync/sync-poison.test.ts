/**
 * Files that pass the format but clash with what the profile holds: ids of another store and
 * deletions naming the wrong store (settled, nothing lost), stamps beyond what Debrief writes
 * (refused with a message). Either way the profile's own export still imports anywhere.
 */
import { describe, expect, it } from 'vitest';
import { deleteCheckIn, saveCheckIn } from '@/utils/db/checkins';
import { addGoal, renameGoal } from '@/utils/db/goals';
import { formatHlc, parseHlc } from '@/utils/db/hlc';
import type { DebriefDb } from '@/utils/db/open';
import type { CheckIn, Goal, Tombstone } from '@/utils/db/schema';
import { importText } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { parseExport } from '@/utils/sync/format';
import { mergeData } from '@/utils/sync/merge';
import { isValidStamp } from '@/utils/sync/schemas';
import { newCheckIn, useFreshDbs } from '../../support/db-fixture';
import { checkIn, emptyData, exportOf, goal, session, stamp, tombstone } from '../../support/sync-fixtures';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const HOUR = 3_600_000;
const freshDb = useFreshDbs('debrief-sync-poison');

const at = (minutes: number) => new Date(NOW + minutes * 60_000);
const text = (data: Parameters<typeof exportOf>[0]) => JSON.stringify(exportOf(data));
const later = (minutes: number, counter = 0) => formatHlc({ wall: NOW + minutes * 60_000, counter, deviceId: 'dev-b' });

/** The profile's own export validates and imports into a fresh profile. */
async function expectOwnExportPortable(db: DebriefDb, now = NOW): Promise<void> {
  const own = serializeExport(await exportData(db, new Date(now)));
  const parsed = parseExport(own, { now });
  expect(parsed.ok ? 'ok' : parsed.error).toBe('ok');
  const fresh = await freshDb();
  const imported = await importText(fresh, own, '', { now });
  expect(imported.ok ? 'ok' : imported.error).toBe('ok');
}

async function snapshot(db: DebriefDb) {
  return { checkIns: await db.getAll('checkIns'), sessions: await db.getAll('sessions'), goals: await db.getAll('goals'), tombstones: await db.getAll('tombstones') };
}

describe('ids belong to one store, in the file and against the database', () => {
  let db: DebriefDb;
  let kept: Goal;
  let entry: CheckIn;
  const setUp = async () => {
    db = await freshDb();
    kept = await addGoal(db, 'Sleep before midnight', at(0));
    entry = await saveCheckIn(db, newCheckIn({ overall: 6, notes: { ...newCheckIn().notes, helpful: 'private note' } }), at(1));
  };

  it.each([
    ['a deletion record naming a local goal as a check-in', () => ({ tombstones: [tombstone(kept.id, 'checkIns', later(5))] })],
    ['a deletion record naming a local check-in as a session', () => ({ tombstones: [tombstone(entry.id, 'sessions', later(5))] })],
    ['a check-in with a local goal’s id', () => ({ checkIns: [checkIn(kept.id, later(5))] })],
    ['a session with a local check-in’s id', () => ({ sessions: [session(entry.id, later(5))] })],
    ['a goal with a local check-in’s id', () => ({ goals: [goal(entry.id, later(5))] })],
  ])('%s is settled: nothing here is lost, every id belongs to one store, and the own export still imports', async (_case, data) => {
    await setUp();
    const result = await importText(db, text(data()), '', { now: NOW });
    expect(result.ok ? 'ok' : result.error).toBe('ok');
    const after = await snapshot(db);
    expect(after.goals.map((g) => g.title)).toContain(kept.title);
    expect(after.checkIns.map((c) => c.notes.helpful)).toContain('private note');
    const ids = [...after.checkIns, ...after.sessions, ...after.goals].map((record) => record.id);
    expect(new Set(ids).size).toBe(ids.length);
    await expectOwnExportPortable(db);
  });

  it('a deleted check-in stays deleted: a deletion record of another store cannot undo its deletion', async () => {
    await setUp();
    await deleteCheckIn(db, entry.id, at(2));
    const backup = text({ checkIns: [{ ...entry }] }); // an old backup that still has it
    await importText(db, text({ tombstones: [tombstone(entry.id, 'sessions', later(10))] }), '', { now: NOW });
    await importText(db, backup, '', { now: NOW });
    expect(await db.get('checkIns', entry.id)).toBeUndefined();
    await expectOwnExportPortable(db);
  });

  it('a record of another store in the database’s deletions is kept under a new id, not brought back as the deleted one', async () => {
    await setUp();
    await deleteCheckIn(db, entry.id, at(2));
    const result = await importText(db, text({ goals: [goal(entry.id, later(10))] }), '', { now: NOW });
    expect(result.ok ? 'ok' : result.error).toBe('ok');
    expect(await db.get('checkIns', entry.id)).toBeUndefined();
    expect(await db.get('goals', entry.id)).toBeUndefined();
    expect((await db.getAll('goals')).map((g) => g.title)).toContain('Sleep before midnight');
    expect(await db.getAll('goals')).toHaveLength(2);
    await expectOwnExportPortable(db);
  });

  it('the merge keys deletion records by store and id: another store’s later deletion does not replace one', () => {
    const local = { ...emptyData(), tombstones: [tombstone('x', 'checkIns', stamp(2))] };
    const incoming = { ...emptyData(), checkIns: [checkIn('x', stamp(1))], tombstones: [tombstone('x', 'sessions', stamp(5))] };
    const merged = mergeData(local, incoming);
    expect(merged.checkIns).toEqual([]);
    expect(mergeData(incoming, local).checkIns).toEqual([]);
    expect(merged.tombstones).toContainEqual<Tombstone>(tombstone('x', 'checkIns', stamp(2)));
  });
});

describe('stamps stay within what Debrief writes', () => {
  it('a counter beyond what Debrief writes is refused with a message', async () => {
    const db = await freshDb();
    const result = await importText(db, text({ goals: [goal('g-far', later(60, 999_999))] }), '', { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/counter/i);
  });

  it('the local clock never widens a counter: after a full counter it moves the wall time', async () => {
    const db = await freshDb();
    const kept = await addGoal(db, 'Walk daily', at(0));
    // The most a file may carry: the top counter, at the edge of the accepted future.
    const top = parseHlc(kept.updatedAt)!;
    const full = formatHlc({ wall: NOW + HOUR, counter: 65_535, deviceId: 'dev-b' });
    const result = await importText(db, text({ goals: [{ ...kept, updatedAt: full, deviceId: 'dev-b', title: 'Walk' }] }), '', { now: NOW });
    expect(result.ok ? 'ok' : result.error).toBe('ok');
    const renamed = await renameGoal(db, kept.id, 'Walk every day', at(1));
    expect(isValidStamp(renamed.updatedAt)).toBe(true);
    expect(renamed.updatedAt > full).toBe(true);
    expect(parseHlc(renamed.updatedAt)).toMatchObject({ wall: NOW + HOUR + 1, counter: 0 });
    expect(top.counter).toBe(0);
    const again = await renameGoal(db, kept.id, 'Walk every single day', at(2));
    expect(again.updatedAt > renamed.updatedAt).toBe(true);
    await expectOwnExportPortable(db);
  });

  it.each([
    ['startedMs', { startedMs: NOW + 30 * 24 * HOUR }],
    ['lastSeenMs', { status: 'in-progress' as const, endedAt: null, endedMs: null, endReason: null, lastSeenMs: NOW + 30 * 24 * HOUR }],
    ['endedMs', { endedMs: NOW + 30 * 24 * HOUR }],
    ['createdMs', { createdMs: NOW + 30 * 24 * HOUR }],
  ])('a session whose %s is a month ahead is refused', async (field, overrides) => {
    const db = await freshDb();
    const result = await importText(db, text({ sessions: [session('s-ahead', later(1), overrides)] }), '', { now: NOW });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(field);
  });
});
