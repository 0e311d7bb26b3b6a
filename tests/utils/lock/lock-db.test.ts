import { beforeEach, describe, expect, it } from 'vitest';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { getCheckIn, listCheckIns, saveCheckIn, updateCheckIn } from '@/utils/db/checkins';
import { getDraft, putDraft } from '@/utils/db/drafts';
import { addGoal, listAllGoals, setGoalStatus } from '@/utils/db/goals';
import { isLocked } from '@/utils/db/errors';
import { listAllCheckIns } from '@/utils/db/history';
import { changePassphrase, turnLockOff, turnLockOn } from '@/utils/db/lock-turn';
import { unlock } from '@/utils/db/unlock';
import type { DebriefDb } from '@/utils/db/open';
import { listTrendEntries } from '@/utils/db/trend-months';
import { forgetUnlocked } from '@/utils/lock/session';
import { lockIdleMinutes } from '@/utils/storage';
import { newCheckIn, useTestDb } from '../../support/db-fixture';

const FAST = 1_000;
const PASSPHRASE = 'blue kettle at dawn';
let db: DebriefDb;
const currentDb = useTestDb('debrief-lock-test');
beforeEach(() => {
  db = currentDb();
});

const written = (note: string, overall: number) =>
  newCheckIn({ overall, ratings: { ...emptyRatings(), trust: overall }, notes: { ...emptyNotes(), nextTime: note }, provider: 'Dr. Okafor', tags: ['grief'] });

/** Everything the database holds, as text: what someone copying the profile could read. */
async function onDisk(): Promise<string> {
  return JSON.stringify([await db.getAll('checkIns'), await db.getAll('trendMonths'), await db.getAll('meta')]);
}

async function lockedRead(read: Promise<unknown>): Promise<boolean> {
  return read.then(
    () => false,
    (error: unknown) => isLocked(error),
  );
}

describe('the lock on check-ins', () => {
  it('seals what was written, keeps it readable once unlocked, and saves while locked with no passphrase', async () => {
    await saveCheckIn(db, written('my mother’s letter', 7));
    await listTrendEntries(db);
    const recovery = await turnLockOn(db, PASSPHRASE, FAST);
    await forgetUnlocked();

    const saved = await saveCheckIn(db, written('the argument on Sunday', 3));
    // Locked: sealed to the public key (an ephemeral point first); unlocked: with the data key.
    expect((await db.get('checkIns', saved.id))?.sealed?.startsWith('k.')).toBe(false);
    const disk = await onDisk();
    for (const word of ['mother', 'letter', 'argument', 'Sunday', 'Okafor', 'grief']) expect(disk).not.toContain(word);
    expect((await db.get('checkIns', saved.id))?.overall).toBeNull();

    const reads = [() => listCheckIns(db), () => listAllCheckIns(db), () => getCheckIn(db, saved.id), () => listTrendEntries(db)];
    for (const read of reads) expect(await lockedRead(read())).toBe(true);

    expect(await unlock(db, 'blue kettle at dusk')).toBe(false);
    expect(await lockedRead(listCheckIns(db))).toBe(true);
    expect(await unlock(db, PASSPHRASE)).toBe(true);
    expect((await listCheckIns(db)).map((c) => [c.notes.nextTime, c.overall, c.provider])).toEqual([
      ['the argument on Sunday', 3, 'Dr. Okafor'],
      ['my mother’s letter', 7, 'Dr. Okafor'],
    ]);
    expect((await listTrendEntries(db)).map((entry) => entry.provider)).toEqual(['Dr. Okafor', 'Dr. Okafor']);
    const whileUnlocked = await saveCheckIn(db, written('said while unlocked', 9));
    expect((await db.get('checkIns', whileUnlocked.id))?.sealed?.startsWith('k.')).toBe(true);
    expect(JSON.stringify(await db.get('checkIns', whileUnlocked.id))).not.toContain('unlocked');

    await forgetUnlocked();
    expect(await unlock(db, recovery)).toBe(true);
    expect((await getCheckIn(db, saved.id))?.notes.nextTime).toBe('the argument on Sunday');
    expect((await getCheckIn(db, whileUnlocked.id))?.notes.nextTime).toBe('said while unlocked');
  });

  it('keeps edits sealed, with the replaced version sealed in the history', async () => {
    const saved = await saveCheckIn(db, written('first words', 4));
    await turnLockOn(db, PASSPHRASE, FAST);
    await updateCheckIn(db, saved.id, () => ({ notes: { ...emptyNotes(), nextTime: 'second words' } }));
    expect(await onDisk()).not.toContain('words');
    const opened = await getCheckIn(db, saved.id);
    expect([opened?.notes.nextTime, opened?.history.map((version) => version.notes.nextTime)]).toEqual(['second words', ['first words']]);
  });

  it('seals drafts: one typed before the lock, one typed while locked; both read back once unlocked and plain once off', async () => {
    await putDraft(db, 'manual', written('half a thought about work', 2));
    await turnLockOn(db, PASSPHRASE, FAST);
    await forgetUnlocked();
    await putDraft(db, 'session-1', written('the dream again', 5));
    expect(JSON.stringify(await db.getAll('drafts'))).not.toMatch(/thought|dream|Okafor/);
    expect(await lockedRead(getDraft(db, 'session-1'))).toBe(true);
    await unlock(db, PASSPHRASE);
    expect([(await getDraft(db, 'manual'))?.notes.nextTime, (await getDraft(db, 'session-1'))?.overall]).toEqual(['half a thought about work', 5]);
    await turnLockOff(db);
    expect((await db.get('drafts', 'session-1'))?.notes.nextTime).toBe('the dream again');
  });

  it('seals goal titles; the goals read back once unlocked, keep their order and refuse a duplicate; plain once off', async () => {
    await addGoal(db, 'Call my brother on Sundays');
    await turnLockOn(db, PASSPHRASE, FAST);
    const second = await addGoal(db, 'Sleep before midnight');
    await setGoalStatus(db, second.id, 'achieved');
    expect(JSON.stringify(await db.getAll('goals'))).not.toMatch(/brother|midnight/);
    await forgetUnlocked();
    expect(await lockedRead(listAllGoals(db))).toBe(true);
    await unlock(db, PASSPHRASE);
    expect((await listAllGoals(db)).map((goal) => [goal.title, goal.status])).toEqual([
      ['Call my brother on Sundays', 'active'],
      ['Sleep before midnight', 'achieved'],
    ]);
    await expect(addGoal(db, 'call my brother on sundays')).rejects.toThrow(/already/i);
    await turnLockOff(db);
    expect((await db.getAll('goals')).map((goal) => [goal.title, goal.sealed])).toEqual(
      expect.arrayContaining([['Sleep before midnight', undefined]]),
    );
  });

  it('refuses a tampered or moved record rather than showing part of it', async () => {
    const a = await saveCheckIn(db, written('one', 1));
    const b = await saveCheckIn(db, written('two', 2));
    await turnLockOn(db, PASSPHRASE, FAST);
    const storedA = (await db.get('checkIns', a.id))!;
    const storedB = (await db.get('checkIns', b.id))!;
    await db.put('checkIns', { ...storedB, sealed: storedA.sealed });
    await expect(listCheckIns(db)).rejects.toThrow(/changed outside Debrief/);
    await expect(getCheckIn(db, b.id)).rejects.toThrow(/changed outside Debrief/);
    expect((await getCheckIn(db, a.id))?.notes.nextTime).toBe('one');
  });

  it('locks again once idle for the set minutes', async () => {
    await saveCheckIn(db, written('idle', 1));
    await lockIdleMinutes.setValue(15);
    const start = Date.now();
    await turnLockOn(db, PASSPHRASE, FAST);
    const { unlockedKey } = await import('@/utils/lock/session');
    expect(await unlockedKey(start + 14 * 60_000)).not.toBeNull();
    // That use pushed the time back: 14 more minutes are still within it, 16 are not.
    expect(await unlockedKey(start + 28 * 60_000)).not.toBeNull();
    expect(await unlockedKey(start + 45 * 60_000)).toBeNull();
    expect(await lockedRead(listCheckIns(db))).toBe(true);
  });

  it('a new passphrase unlocks and the old one does not; turning off restores plain records', async () => {
    await saveCheckIn(db, written('kept through it all', 6));
    await turnLockOn(db, PASSPHRASE, FAST);
    await changePassphrase(db, 'a new passphrase here');
    await forgetUnlocked();
    expect(await unlock(db, PASSPHRASE)).toBe(false);
    expect(await unlock(db, 'a new passphrase here')).toBe(true);
    await turnLockOff(db);
    const [plain] = await db.getAll('checkIns');
    expect([plain?.sealed, plain?.notes.nextTime, plain?.overall]).toEqual([undefined, 'kept through it all', 6]);
    expect(await db.get('meta', 'lock')).toBeUndefined();
    expect((await listTrendEntries(db)).map((entry) => entry.ratings[0])).toHaveLength(1);
  });
});
