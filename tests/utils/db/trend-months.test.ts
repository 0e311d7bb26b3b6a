/**
 * The trends' packed months (utils/db/trend-months.ts) stay the same as the check-ins they are
 * made from through every way a check-in is written: save, edit, delete, undo, import, undo of an
 * import, delete everything; and a database they disagree with is rebuilt, never trusted.
 */
import { describe, expect, it } from 'vitest';
import { emptyRatings } from '@/utils/checkin/instrument';
import { trendEntryOf, type TrendEntry } from '@/utils/checkin/series';
import { newestFirst } from '@/utils/checkin/trend-entry';
import { deleteCheckIn, restoreCheckIn, saveCheckIn, updateCheckIn } from '@/utils/db/checkins';
import { listAllCheckIns } from '@/utils/db/history';
import type { DebriefDb } from '@/utils/db/open';
import { listTrendEntries, monthOf, unpackMonth } from '@/utils/db/trend-months';
import { deleteEverything } from '@/utils/db/wipe';
import { importFile, undoImport } from '@/utils/sync/apply';
import { newCheckIn, useFreshDbs } from '../../support/db-fixture';
import { BASE_MS, checkIn, exportOf, stamp } from '../../support/sync-fixtures';

const freshDb = useFreshDbs('debrief-trend-months');
const DAY = 86_400_000;
const at = (days: number) => new Date(BASE_MS + days * DAY);

/** What the trends must show: made from every stored check-in, newest first. */
async function fromCheckIns(db: DebriefDb): Promise<TrendEntry[]> {
  return (await listAllCheckIns(db)).map(trendEntryOf);
}

/** What the packed months hold, as the trends page reads them when it trusts them. */
async function packed(db: DebriefDb): Promise<TrendEntry[]> {
  return newestFirst((await db.getAll('trendMonths')).flatMap(unpackMonth));
}

async function expectInStep(db: DebriefDb): Promise<void> {
  const truth = await fromCheckIns(db);
  expect(await packed(db)).toEqual(truth);
  expect(await listTrendEntries(db)).toEqual(truth);
}

async function threeCheckIns(db: DebriefDb) {
  const saved = [];
  for (const [i, overall] of [3, 6, 9].entries()) {
    saved.push(await saveCheckIn(db, newCheckIn({ overall, ratings: { ...emptyRatings(), trust: i }, provider: `Dr ${i}` }), at(i * 20)));
  }
  return saved;
}

describe('packed months follow every check-in write', () => {
  it('holds a saved check-in, an edit, a deletion and its undo', async () => {
    const db = await freshDb();
    const [first, second] = await threeCheckIns(db);
    await expectInStep(db);
    await updateCheckIn(db, first!.id, () => ({ overall: 10, provider: 'Sam Ortiz' }), at(70));
    expect((await packed(db)).find((entry) => entry.id === first!.id)).toMatchObject({ provider: 'Sam Ortiz', ratings: [10, null, null, 0, null, null, null] });
    await expectInStep(db);
    const removed = await deleteCheckIn(db, second!.id, at(71));
    expect((await packed(db)).map((entry) => entry.id)).not.toContain(second!.id);
    await expectInStep(db);
    await restoreCheckIn(db, removed!, at(72));
    await expectInStep(db);
  });

  it('lists check-ins written at the same moment in the history\'s order', async () => {
    const db = await freshDb();
    for (const overall of [1, 2, 3, 4]) await saveCheckIn(db, newCheckIn({ overall }), at(3));
    await expectInStep(db);
  });

  it('moves an entry to another month when an edit moves its session', async () => {
    const db = await freshDb();
    const [first] = await threeCheckIns(db);
    const before = monthOf(trendEntryOf(first!).ms);
    const moved = await updateCheckIn(db, first!.id, () => ({ sessionStartedAt: at(-60).toISOString() }), at(70));
    expect(monthOf(trendEntryOf(moved).ms)).not.toBe(before);
    await expectInStep(db);
  });

  it('takes in an import (new, edited elsewhere and deleted elsewhere) and its undo', async () => {
    const db = await freshDb();
    const [first, second] = await threeCheckIns(db);
    const file = exportOf({
      checkIns: [checkIn('from-laptop', stamp(1), { overall: 2, provider: 'Dr Lee' }), { ...first!, overall: 1, updatedAt: stamp(60 * 24 * 400) }],
      tombstones: [{ id: second!.id, store: 'checkIns', deletedAt: stamp(60 * 24 * 400) }],
    });
    const { undo, preview } = await importFile(db, file, at(400));
    expect(preview).toMatchObject({ new: 1, updated: 1, deleted: 1 });
    expect((await packed(db)).map((entry) => entry.id).sort()).toEqual(['from-laptop', first!.id, (await fromCheckIns(db))[0]!.id].sort());
    await expectInStep(db);
    await undoImport(db, undo);
    expect(await packed(db)).toHaveLength(3);
    await expectInStep(db);
  });

  it('is emptied with everything else', async () => {
    const db = await freshDb();
    await threeCheckIns(db);
    await deleteEverything(db);
    expect(await db.getAll('trendMonths')).toEqual([]);
    expect(await listTrendEntries(db)).toEqual([]);
  });
});

describe('packed months that disagree with the check-ins', () => {
  it('are rebuilt from check-ins written by something else (a database from before version 3, a test seed)', async () => {
    const db = await freshDb();
    await threeCheckIns(db);
    const outside = checkIn('written-outside', stamp(5), { overall: 4, provider: 'Dr Lee' });
    await db.put('checkIns', outside);
    expect(await packed(db)).toHaveLength(3);
    const entries = await listTrendEntries(db);
    expect(entries).toEqual(await fromCheckIns(db));
    expect(entries.map((entry) => entry.id)).toContain('written-outside');
    // The rebuild is written, so the next visit reads the packed months.
    await expect.poll(() => packed(db)).toEqual(entries);
  });

  it('are rebuilt when they hold an entry whose check-in is gone', async () => {
    const db = await freshDb();
    const [first] = await threeCheckIns(db);
    await db.delete('checkIns', first!.id);
    expect(await listTrendEntries(db)).toEqual(await fromCheckIns(db));
    expect((await listTrendEntries(db)).map((entry) => entry.id)).not.toContain(first!.id);
  });
});
