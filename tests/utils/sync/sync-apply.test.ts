import { describe, expect, it } from 'vitest';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { deleteCheckIn, saveCheckIn, updateCheckIn, type NewCheckIn } from '@/utils/db/checkins';
import { stampIn } from '@/utils/db/meta';
import type { DebriefDb } from '@/utils/db/open';
import type { Goal } from '@/utils/db/schema';
import { localIsoString } from '@/utils/db/time';
import { importFile, importText, previewImport, undoImport } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { exportText } from '@/utils/sync/export';
import { BASE_MS } from '../../support/sync-fixtures';
import { newCheckIn, useFreshDbs } from '../../support/db-fixture';

const freshDb = useFreshDbs('debrief-sync-apply');

const at = (minute: number) => new Date(BASE_MS + minute * 60_000);

function answers(overall: number, helpful = ''): NewCheckIn {
  return newCheckIn({ ratings: { ...emptyRatings(), trust: overall }, overall, notes: { ...emptyNotes(), helpful }, tags: ['work'], provider: 'Dr. Rivera' });
}

async function addGoal(db: DebriefDb, title: string, now: Date): Promise<Goal> {
  const tx = db.transaction(['goals', 'meta'], 'readwrite');
  const { stamp, deviceId } = await stampIn(tx, now.getTime());
  const goal: Goal = { id: crypto.randomUUID(), createdAt: localIsoString(now), createdMs: now.getTime(), updatedAt: stamp, deviceId, title, status: 'active' };
  await tx.objectStore('goals').put(goal);
  await tx.done;
  return goal;
}

/** What a person would call "the data": everything that syncs, without the export header. */
async function dataOf(db: DebriefDb) {
  const { checkIns, sessions, goals, tombstones } = await exportData(db);
  return { checkIns, sessions, goals, tombstones };
}

async function seeded(): Promise<DebriefDb> {
  const db = await freshDb();
  const kept = await saveCheckIn(db, answers(4, 'First session'), at(0));
  await updateCheckIn(db, kept.id, () => ({ overall: 6 }), at(1));
  const removed = await saveCheckIn(db, answers(2), at(2));
  await deleteCheckIn(db, removed.id, at(3));
  await addGoal(db, 'Sleep before midnight', at(4));
  return db;
}

describe('export then import', () => {
  it('gives an empty profile identical data', async () => {
    const source = await seeded();
    const target = await freshDb();
    const result = await importFile(target, await exportData(source, at(10)), at(10));
    expect(await dataOf(target)).toEqual(await dataOf(source));
    expect(result.preview).toMatchObject({ new: 2, updated: 0, deleted: 0, unchanged: 1, keptAsHistory: 0 });
  });

  it('survives the trip through text, plain and encrypted', async () => {
    const source = await seeded();
    const file = await exportData(source, at(10));
    for (const passphrase of ['', 'swordfish']) {
      const target = await freshDb();
      const text = await exportText(file, passphrase, { iterations: 1_000 });
      const result = await importText(target, text, passphrase, { minIterations: 1_000, now: at(10).getTime() });
      expect(result.ok).toBe(true);
      expect(await dataOf(target)).toEqual(await dataOf(source));
    }
  });

  it('changes nothing when the same file is imported again', async () => {
    const source = await seeded();
    const target = await freshDb();
    const file = await exportData(source, at(10));
    await importFile(target, file, at(10));
    const before = await dataOf(target);
    const again = await importFile(target, file, at(11));
    expect(again.preview).toMatchObject({ new: 0, updated: 0, deleted: 0, keptAsHistory: 0, unchanged: 3 });
    expect(again.undo.entries).toEqual([]);
    expect(await dataOf(target)).toEqual(before);
  });

  it('moves the local clock past the imported stamps, so the next local edit wins', async () => {
    const source = await seeded();
    const late = await saveCheckIn(source, answers(5), at(600));
    const target = await freshDb();
    await importFile(target, await exportData(source), at(0));
    // The target's wall clock is behind the source's; its edit must still sort later.
    const edited = await updateCheckIn(target, late.id, () => ({ overall: 9 }), at(1));
    expect(edited.updatedAt > late.updatedAt).toBe(true);
  });

  it('previews without writing anything', async () => {
    const source = await seeded();
    const target = await freshDb();
    const file = await exportData(source);
    expect(await previewImport(target, file)).toMatchObject({ ok: true, preview: { new: 2, unchanged: 1 } });
    expect((await dataOf(target)).checkIns).toEqual([]);
  });
});

/** Two profiles that share a start, then are edited apart, each in its own way. */
async function divergedPair(): Promise<[DebriefDb, DebriefDb]> {
  const home = await seeded();
  const work = await freshDb();
  await importFile(work, await exportData(home, at(10)), at(10));
  const [shared] = (await dataOf(home)).checkIns;
  const extra = await saveCheckIn(home, answers(3, 'To be deleted at work'), at(11));
  await importFile(work, await exportData(home, at(12)), at(12));

  await updateCheckIn(home, shared!.id, () => ({ overall: 8 }), at(20)); // concurrent edit, older
  await updateCheckIn(work, shared!.id, () => ({ overall: 9 }), at(21)); // concurrent edit, newer
  await deleteCheckIn(work, extra.id, at(22)); // deleted at work...
  await updateCheckIn(home, extra.id, () => ({ overall: 4 }), at(23)); // ...edited at home afterwards
  await saveCheckIn(home, answers(7, 'Only at home'), at(24));
  await saveCheckIn(work, answers(1, 'Only at work'), at(25));
  await addGoal(work, 'Walk daily', at(26));
  return [home, work];
}

describe('two profiles edited separately', { timeout: 30_000 }, () => {
  it.each([
    ['home imports first', true],
    ['work imports first', false],
  ])('end with the same data whichever imports first (%s)', async (_name, homeFirst) => {
    const [home, work] = await divergedPair();
    const [first, second] = homeFirst ? [home, work] : [work, home];
    await importFile(first, await exportData(second, at(30)), at(30));
    await importFile(second, await exportData(first, at(31)), at(31));

    const [homeData, workData] = [await dataOf(home), await dataOf(work)];
    expect(homeData).toEqual(workData);
    const notes = homeData.checkIns.map((c) => c.notes.helpful).sort();
    expect(notes).toEqual(['First session', 'Only at home', 'Only at work', 'To be deleted at work']);
    const shared = homeData.checkIns.find((c) => c.notes.helpful === 'First session')!;
    expect(shared.overall).toBe(9);
    expect(shared.history.map((v) => v.overall)).toEqual([4, 6, 8]);
    expect(homeData.goals.map((g) => g.title).sort()).toEqual(['Sleep before midnight', 'Walk daily']);
  });

  it('end equal whatever the order, including imports repeated and in a chain', async () => {
    const [home, work] = await divergedPair();
    const third = await freshDb();
    await importFile(third, await exportData(work), at(40));
    await importFile(home, await exportData(third), at(41));
    await importFile(third, await exportData(home), at(42));
    await importFile(work, await exportData(third), at(43));
    await importFile(work, await exportData(home), at(44));
    const all = await Promise.all([home, work, third].map(dataOf));
    expect(all[0]).toEqual(all[1]);
    expect(all[1]).toEqual(all[2]);
  });
});

describe('undo of the last import', () => {
  it('restores every touched record exactly', async () => {
    const [home, work] = await divergedPair();
    const before = await dataOf(home);
    const { undo, preview } = await importFile(home, await exportData(work), at(30));
    expect(preview.new + preview.updated + preview.deleted).toBeGreaterThan(0);
    expect(await dataOf(home)).not.toEqual(before);
    expect(await undoImport(home, undo)).toEqual({ restored: undo.entries.length, notUndone: [] });
    expect(await dataOf(home)).toEqual(before);
  });

  it('keeps an edit made after the import instead of undoing over it', async () => {
    const source = await seeded();
    const target = await freshDb();
    const { undo } = await importFile(target, await exportData(source), at(10));
    const [imported] = (await dataOf(target)).checkIns;
    await updateCheckIn(target, imported!.id, () => ({ overall: 10 }), at(11));
    const result = await undoImport(target, undo);
    expect(result.notUndone).toEqual([{ store: 'checkIns', id: imported!.id, why: 'changed' }]);
    expect((await dataOf(target)).checkIns.map((c) => c.overall)).toEqual([10]);
  });
});

describe('a rejected file', () => {
  it.each([
    ['cut off', (text: string) => text.slice(0, -30), ''],
    ['with a forged key', (text: string) => text.replace('"ratings":{', '"ratings":{"__proto__":{},'), ''],
    ['encrypted, wrong passphrase', (text: string) => text, 'wrong'],
  ])('changes nothing (%s)', async (_name, damage, passphrase) => {
    const target = await seeded();
    const before = await dataOf(target);
    const file = await exportData(await divergedPair().then(([, work]) => work));
    const text = passphrase ? await exportText(file, 'right', { iterations: 1_000 }) : serializeExport(file);
    const result = await importText(target, damage(text), passphrase, { minIterations: 1_000, now: at(100).getTime() });
    expect(result.ok).toBe(false);
    expect(await dataOf(target)).toEqual(before);
  });
});
