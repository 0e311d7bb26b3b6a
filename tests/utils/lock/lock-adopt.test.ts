import { beforeEach, describe, expect, it } from 'vitest';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { listCheckIns, saveCheckIn } from '@/utils/db/checkins';
import { addGoal, listAllGoals } from '@/utils/db/goals';
import { readLock } from '@/utils/db/lock';
import { turnLockOn } from '@/utils/db/lock-turn';
import type { DebriefDb } from '@/utils/db/open';
import { unlock } from '@/utils/db/unlock';
import { forgetUnlocked, isUnlocked } from '@/utils/lock/session';
import { importText } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { newCheckIn, useFreshDbs } from '../../support/db-fixture';

const FAST = 1_000;
const PASSPHRASE = 'blue kettle at dawn';
const freshDb = useFreshDbs('debrief-lock-adopt');
beforeEach(() => forgetUnlocked());

const written = (note: string, overall: number) =>
  newCheckIn({ overall, ratings: { ...emptyRatings(), trust: overall }, notes: { ...emptyNotes(), nextTime: note }, provider: 'Dr. Okafor' });

const A_WORDS = ['letter', 'father', 'Okafor'];
const B_WORDS = ['laptop', 'swimming', 'Tuesdays'];

/** Device A: a check-in, then locked; exports while locked, so its file travels sealed with its lock. */
async function deviceA(): Promise<{ db: DebriefDb; text: string; recoveryKey: string }> {
  const db = await freshDb();
  await saveCheckIn(db, written('the letter from my father', 7));
  const recoveryKey = await turnLockOn(db, PASSPHRASE, FAST);
  await forgetUnlocked();
  return { db, text: serializeExport(await exportData(db)), recoveryKey };
}

/** Device B: no lock, its own plain check-in and goal. */
async function deviceB(): Promise<DebriefDb> {
  const db = await freshDb();
  await saveCheckIn(db, written('typed on the laptop', 5));
  await addGoal(db, 'Go swimming on Tuesdays');
  return db;
}

/** Every stored record, as the disk holds it. */
async function rawText(db: DebriefDb): Promise<string> {
  const stores = ['checkIns', 'drafts', 'goals', 'rooms', 'sessions', 'trendMonths'] as const;
  return JSON.stringify(await Promise.all(stores.map((store) => db.getAll(store))));
}

describe('a locked file into a profile without the lock', () => {
  it('asks for the passphrase first and changes nothing until given', async () => {
    const { text } = await deviceA();
    const b = await deviceB();
    const before = await rawText(b);
    expect(await importText(b, text)).toEqual({
      ok: false,
      needsPassphrase: false,
      needsLock: true,
      error: expect.stringMatching(/locked on another device\. Import it .* enter the passphrase/),
    });
    expect(await readLock(b)).toBeUndefined();
    expect(await rawText(b)).toBe(before);
  });

  it.each([
    ['a wrong passphrase', () => 'blue kettle at dusk'],
    ['the passphrase in other case', () => PASSPHRASE.toUpperCase()],
    ['a recovery key of another lock', () => 'ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567'],
  ])('%s is refused and changes nothing', async (_, secret) => {
    const { text } = await deviceA();
    const b = await deviceB();
    const before = await rawText(b);
    expect(await importText(b, text, '', { lockSecret: secret() })).toEqual({
      ok: false,
      needsPassphrase: false,
      needsLock: true,
      error: 'That passphrase or recovery key does not open this file. Nothing was changed.',
    });
    expect(await readLock(b)).toBeUndefined();
    expect(await isUnlocked()).toBe(false);
    expect(await rawText(b)).toBe(before);
  });

  it('refuses a file whose lock was given another public key, even with the right passphrase', async () => {
    const { text } = await deviceA();
    const other = await freshDb();
    await turnLockOn(other, 'someone else', FAST);
    await forgetUnlocked();
    const forged = JSON.parse(text) as { lock: { publicKey: string } };
    forged.lock.publicKey = (await readLock(other))!.publicKey;
    const b = await deviceB();
    const result = await importText(b, JSON.stringify(forged), '', { lockSecret: PASSPHRASE });
    expect(result).toMatchObject({ ok: false, needsLock: true });
    expect(await readLock(b)).toBeUndefined();
  });

  it.each([
    ['its passphrase', (_recovery: string) => PASSPHRASE],
    ['its recovery key', (recovery: string) => recovery.toLowerCase().replaceAll('-', ' ')],
  ])('with %s: takes on the lock exactly, seals what was here, and reads both devices once unlocked', async (_, secret) => {
    const { db: a, text, recoveryKey } = await deviceA();
    const b = await deviceB();
    const result = await importText(b, text, '', { lockSecret: secret(recoveryKey) });
    expect(result).toMatchObject({ ok: true, result: { preview: { new: 1 } } });
    expect(await readLock(b)).toEqual(await readLock(a));
    expect(await isUnlocked()).toBe(true);
    expect((await listCheckIns(b)).map((c) => c.notes.nextTime).sort()).toEqual(['the letter from my father', 'typed on the laptop']);

    await forgetUnlocked();
    const disk = await rawText(b);
    for (const word of [...A_WORDS, ...B_WORDS]) expect(disk).not.toContain(word);
    expect(await unlock(b, PASSPHRASE)).toBe(true);
    expect((await listCheckIns(b)).map((c) => c.notes.nextTime).sort()).toEqual(['the letter from my father', 'typed on the laptop']);
    expect((await listAllGoals(b)).map((g) => g.title)).toEqual(['Go swimming on Tuesdays']);
  });

  it.each([
    ['unlocked (opened for the file)', true],
    ['locked (sealed, with the shared lock)', false],
  ])("the adopted profile's export, made %s, imports back into the first profile sealed", async (_, unlocked) => {
    const { db: a, text } = await deviceA();
    const b = await deviceB();
    await importText(b, text, '', { lockSecret: PASSPHRASE });
    if (!unlocked) await forgetUnlocked();
    const back = serializeExport(await exportData(b));
    await forgetUnlocked();

    // B's check-in and goal are new there; A's own check-in comes back unchanged.
    expect(await importText(a, back)).toMatchObject({ ok: true, result: { preview: { new: 2, unchanged: 1 } } });
    const disk = await rawText(a);
    for (const word of B_WORDS) expect(disk).not.toContain(word);
    expect(await unlock(a, PASSPHRASE)).toBe(true);
    expect((await listCheckIns(a)).map((c) => c.notes.nextTime).sort()).toEqual(['the letter from my father', 'typed on the laptop']);
    expect((await listAllGoals(a)).map((g) => g.title)).toEqual(['Go swimming on Tuesdays']);
  });
});
