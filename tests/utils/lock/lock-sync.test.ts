import { beforeEach, describe, expect, it } from 'vitest';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { listCheckIns, saveCheckIn } from '@/utils/db/checkins';
import { addGoal, listAllGoals } from '@/utils/db/goals';
import { readLock } from '@/utils/db/lock';
import { turnLockOn } from '@/utils/db/lock-turn';
import { unlock } from '@/utils/db/unlock';
import type { DebriefDb } from '@/utils/db/open';
import { forgetUnlocked } from '@/utils/lock/session';
import { importFile, previewImport } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { movedId } from '@/utils/sync/clash';
import { readExportText } from '@/utils/sync/read';
import { checkIn, exportOf, stamp } from '../../support/sync-fixtures';
import { newCheckIn, useFreshDbs } from '../../support/db-fixture';

const FAST = 1_000;
const PASSPHRASE = 'blue kettle at dawn';
const freshDb = useFreshDbs('debrief-lock-sync');
beforeEach(() => forgetUnlocked());

const written = (note: string, overall: number) =>
  newCheckIn({ overall, ratings: { ...emptyRatings(), trust: overall }, notes: { ...emptyNotes(), nextTime: note }, provider: 'Dr. Okafor' });

/** A profile that took a check-in and set a goal, then was locked; one more check-in saved locked. */
async function lockedProfile(): Promise<DebriefDb> {
  const db = await freshDb();
  await saveCheckIn(db, written('the letter from my father', 7));
  await addGoal(db, 'Sleep before midnight');
  await turnLockOn(db, PASSPHRASE, FAST);
  await forgetUnlocked();
  await saveCheckIn(db, written('the argument on Sunday', 3));
  return db;
}

async function everything(db: DebriefDb): Promise<number> {
  const counts = await Promise.all((['checkIns', 'sessions', 'goals', 'tombstones'] as const).map((store) => db.count(store)));
  return counts.reduce((a, b) => a + b, 0);
}

describe('backups and the sync folder while locked', () => {
  it('export writes the records still sealed, with the lock that opens them and no opened key', async () => {
    const source = await lockedProfile();
    const file = await exportData(source);
    expect(file.lock).toEqual(await readLock(source));
    const text = serializeExport(file);
    for (const word of ['letter', 'father', 'argument', 'Sunday', 'Okafor', 'Sleep', 'midnight']) expect(text).not.toContain(word);
    const read = await readExportText(text);
    expect(read).toMatchObject({ ok: true, file: { lock: file.lock } });
  });

  it('merges into a profile sharing the lock by id and stamp without opening, and reads there once unlocked', async () => {
    const source = await lockedProfile();
    const file = await exportData(source);
    const target = await freshDb();
    await target.put('meta', { key: 'lock', value: file.lock! });
    await saveCheckIn(target, written('typed on the laptop', 5));

    expect((await importFile(target, file)).preview).toMatchObject({ new: 3 });
    expect((await importFile(target, file)).preview).toMatchObject({ new: 0, updated: 0 });
    expect(await unlock(target, PASSPHRASE)).toBe(true);
    expect((await listCheckIns(target)).map((c) => c.notes.nextTime).sort()).toEqual(['the argument on Sunday', 'the letter from my father', 'typed on the laptop']);
    expect((await listAllGoals(target)).map((g) => g.title)).toEqual(['Sleep before midnight']);
  });

  it.each([
    ['a profile without the lock', async () => freshDb(), { needsLock: true, error: /locked on another device\. Import it/ }],
    [
      'a profile locked with another passphrase',
      async () => {
        const db = await freshDb();
        await turnLockOn(db, 'another kettle entirely', FAST);
        await forgetUnlocked();
        return db;
      },
      { needsLock: false, error: /locked on another device with a different passphrase: .*Nothing was changed/ },
    ],
  ])('into %s refuses clearly and changes nothing', async (_, target, refusal) => {
    const file = await exportData(await lockedProfile());
    const db = await target();
    await saveCheckIn(db, written('mine', 4));
    const before = await everything(db);
    const lockBefore = await readLock(db);
    expect(await previewImport(db, file)).toEqual({ ok: false, needsLock: refusal.needsLock, error: expect.stringMatching(refusal.error) });
    await expect(importFile(db, file)).rejects.toThrow(refusal.error);
    expect(await everything(db)).toBe(before);
    expect(await readLock(db)).toEqual(lockBefore);
  });

  it('refuses sealed records that come without their lock', async () => {
    const { lock: _lock, ...withoutLock } = await exportData(await lockedProfile());
    const read = await readExportText(JSON.stringify(withoutLock));
    expect(read).toMatchObject({ ok: false, error: expect.stringMatching(/without the lock that opens them/) });
  });

  it('a sealed goal that merge moves off an id a check-in shares still opens at its new id', async () => {
    const db = await lockedProfile();
    const [goal] = await db.getAll('goals');
    await importFile(db, exportOf({ checkIns: [checkIn(goal!.id, stamp(1), { notes: { ...emptyNotes(), helpful: 'from the laptop' } })] }));
    expect(await unlock(db, PASSPHRASE)).toBe(true);
    expect((await listAllGoals(db)).map((g) => [g.id, g.title])).toEqual([[movedId(goal!.id, 'goals'), 'Sleep before midnight']]);
    expect((await listCheckIns(db)).map((c) => c.notes.helpful)).toContain('from the laptop');
  });
});
