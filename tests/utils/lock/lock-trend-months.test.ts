/**
 * With the lock on, the trends' packed months are kept sealed (one decrypt per month): the trends
 * read the same as the check-ins say through save, edit, delete and undo, nothing of them is
 * readable on disk, and a month changed or moved is never shown.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { trendEntryOf } from '@/utils/checkin/trend-entry';
import { deleteCheckIn, restoreCheckIn, saveCheckIn, updateCheckIn } from '@/utils/db/checkins';
import { listAllCheckIns } from '@/utils/db/history';
import { openCheckIns } from '@/utils/db/lock';
import { turnLockOn } from '@/utils/db/lock-turn';
import type { DebriefDb } from '@/utils/db/open';
import type { CheckIn, TrendMonth } from '@/utils/db/schema';
import { listTrendEntries } from '@/utils/db/trend-months';
import { BrokenSealError } from '@/utils/lock/envelope';
import { forgetUnlocked, unlockedKey } from '@/utils/lock/session';
import { openMonthCheckIns, openTrendMonth, sealTrendMonth } from '@/utils/lock/trend-months';
import { fromBase64, toBase64 } from '@/utils/sync/base64';
import { newCheckIn, useTestDb } from '../../support/db-fixture';

const FAST = 1_000;
const MONTH: TrendMonth = {
  month: '2026-03',
  ids: ['a', 'b'],
  ms: [1_772_000_000_000, 1_772_100_000_000],
  createdMs: [1_772_000_100_000, 1_772_100_100_000],
  providers: ['Dr. Okafor', ''],
  ratings: [7, 6, null, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, null],
};

let db: DebriefDb;
const currentDb = useTestDb('debrief-lock-trends-test');
beforeEach(() => {
  db = currentDb();
});

function flipCiphertext(sealed: string): string {
  const [mark, iv, data] = sealed.split('.');
  const bytes = fromBase64(data!);
  bytes[0] = bytes[0]! ^ 1;
  return [mark, iv, toBase64(bytes)].join('.');
}

async function lockedKey(): Promise<CryptoKey> {
  await turnLockOn(db, 'blue kettle at dawn', FAST);
  return (await unlockedKey())!;
}

/** A check-in written at `at`, which places it in that month. */
const saveRated = (provider: string, overall: number, at: string) =>
  saveCheckIn(db, newCheckIn({ overall, ratings: { ...emptyRatings(), trust: overall }, provider }), new Date(at));

/** Every stored check-in opened on its own (not from the months), newest first. */
async function oneByOne() {
  return openCheckIns((await db.getAllFromIndex('checkIns', 'by-created')).reverse());
}

/** What the trends must show. */
async function truth() {
  return (await oneByOne()).map(trendEntryOf);
}

/** Waits until the read's copy is written back sealed, one record per month. */
async function sealedMonths(count: number): Promise<TrendMonth[]> {
  return vi.waitFor(async () => {
    const months = await db.getAll('trendMonths');
    expect(months.filter((month) => month.sealed !== undefined)).toHaveLength(count);
    return months;
  });
}

const CHECK_IN: CheckIn = {
  ...newCheckIn({ overall: 7, notes: { ...emptyNotes(), nextTime: 'my mother’s letter' }, provider: 'Dr. Okafor' }),
  platform: null,
  sessionStartedAt: null,
  sessionEndedAt: null,
  id: 'a',
  createdAt: '2026-03-01T10:00:00.000',
  createdMs: 1_772_000_100_000,
  updatedAt: '000001772000100000-000000-dev',
  deviceId: 'dev',
  reflection: { answeredAt: '2026-03-02T10:00:00.000', used: 6, text: 'called her back' },
  nextTimeDone: false,
  history: [],
};

describe('a sealed month', () => {
  it('opens to exactly what was sealed, lists and check-ins, and shows none of it in the clear', async () => {
    const key = await lockedKey();
    const sealed = await sealTrendMonth(key, MONTH, [CHECK_IN]);
    expect({ ...sealed, sealed: '', sealedCheckIns: '' }).toEqual({ month: '2026-03', ids: [], ms: [], createdMs: [], providers: [], ratings: [], sealed: '', sealedCheckIns: '' });
    for (const word of ['Okafor', 'mother', 'called']) expect(JSON.stringify(sealed)).not.toContain(word);
    expect(await openTrendMonth(key, sealed)).toEqual(MONTH);
    expect(await openMonthCheckIns(key, sealed)).toEqual([CHECK_IN]);
  });

  it.each([
    ['its lists changed', (month: TrendMonth) => ({ ...month, sealed: flipCiphertext(month.sealed!) }), [true, false]],
    ['its check-ins changed', (month: TrendMonth) => ({ ...month, sealedCheckIns: flipCiphertext(month.sealedCheckIns!) }), [false, true]],
    ['moved to another month', (month: TrendMonth) => ({ ...month, month: '2026-04' }), [true, true]],
    ['its two parts swapped', (month: TrendMonth) => ({ ...month, sealed: month.sealedCheckIns, sealedCheckIns: month.sealed }), [true, true]],
  ])('is refused where %s', async (_case, spoil, refused) => {
    const key = await lockedKey();
    const spoiled = spoil(await sealTrendMonth(key, MONTH, [CHECK_IN]));
    const opened = await Promise.allSettled([openTrendMonth(key, spoiled), openMonthCheckIns(key, spoiled)]);
    expect(opened.map((result) => result.status === 'rejected' && result.reason instanceof BrokenSealError)).toEqual(refused);
  });
});

describe('the trends and History with the lock on', () => {
  it('read what the check-ins say through save, edit, delete and undo, with the months sealed on disk', async () => {
    const first = await saveRated('Dr. Okafor', 3, '2026-01-10T10:00:00.000Z');
    await saveRated('Dr. Okafor', 6, '2026-02-10T10:00:00.000Z');
    await listTrendEntries(db);
    await lockedKey();
    // Setting the lock seals the months at once: the first read after it opens two months.
    expect((await db.getAll('trendMonths')).map((month) => [month.month, month.ids.length, month.sealed !== undefined])).toEqual([
      ['2026-01', 0, true],
      ['2026-02', 0, true],
    ]);

    expect(await listTrendEntries(db)).toEqual(await truth());
    const months = await sealedMonths(2);
    expect(JSON.stringify(months)).not.toContain('Okafor');

    const third = await saveRated('Dr. Lee', 9, '2026-02-20T10:00:00.000Z');
    await updateCheckIn(db, first.id, () => ({ overall: 4 }));
    expect((await listTrendEntries(db)).map((entry) => [entry.provider, entry.ratings[0]])).toEqual([
      ['Dr. Lee', 9],
      ['Dr. Okafor', 6],
      ['Dr. Okafor', 4],
    ]);
    await sealedMonths(2);
    expect(await listTrendEntries(db)).toEqual(await truth());
    expect(await listAllCheckIns(db)).toEqual(await oneByOne());

    const removed = await deleteCheckIn(db, third.id);
    expect((await listTrendEntries(db)).map((entry) => entry.ratings[0])).toEqual([6, 4]);
    await sealedMonths(2);
    await restoreCheckIn(db, removed!);
    expect(await listAllCheckIns(db)).toEqual(await oneByOne());
    await sealedMonths(2);
    expect(await listAllCheckIns(db)).toEqual(await oneByOne());
    expect(await listTrendEntries(db)).toEqual(await truth());
    expect(await listTrendEntries(db)).toHaveLength(3);
  });

  it('shows the check-ins, never a month that was changed', async () => {
    await saveRated('Dr. Okafor', 3, '2026-01-10T10:00:00.000Z');
    await lockedKey();
    await listTrendEntries(db);
    const [month] = await sealedMonths(1);
    const key = (await unlockedKey())!;
    // Sealed with the right key, for another month, saying 10: moved here, it must not open.
    const opened = await openTrendMonth(key, month!);
    const forged = await sealTrendMonth(key, { ...opened, month: '2026-02', ratings: [10, ...opened.ratings.slice(1)] }, []);
    await db.put('trendMonths', { ...forged, month: month!.month });
    expect((await listTrendEntries(db)).map((entry) => entry.ratings[0])).toEqual([3]);
  });

  it('cannot be read while locked', async () => {
    await saveRated('Dr. Okafor', 3, '2026-01-10T10:00:00.000Z');
    await lockedKey();
    await listTrendEntries(db);
    await sealedMonths(1);
    await forgetUnlocked();
    await expect(listTrendEntries(db)).rejects.toMatchObject({ kind: 'locked' });
  });

  it('History opens a month at once, and reads the same words as the check-ins say through an edit', async () => {
    for (let day = 1; day <= 28; day++) await saveRated(`Dr. ${day}`, day % 11, `2026-0${1 + (day % 2)}-${String(day).padStart(2, '0')}T10:00:00.000Z`);
    await lockedKey();
    const before = await listAllCheckIns(db);
    expect(before).toEqual(await oneByOne());
    await sealedMonths(2);
    const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
    expect(await listAllCheckIns(db)).toEqual(before);
    expect(decrypt).toHaveBeenCalledTimes(2);
    decrypt.mockRestore();

    await updateCheckIn(db, before[3]!.id, () => ({ provider: 'Dr. Lee', notes: { ...emptyNotes(), nextTime: 'the move' } }));
    const after = await listAllCheckIns(db);
    expect([after[3]!.provider, after[3]!.notes.nextTime, after[3]!.history.at(-1)?.provider]).toEqual(['Dr. Lee', 'the move', before[3]!.provider]);
    await sealedMonths(2);
    expect(await listAllCheckIns(db)).toEqual(after);
    expect(after).toEqual(await oneByOne());
  });

  it('History shows the check-ins’ own words when a month’s words were changed, and writes the month again', async () => {
    await saveRated('Dr. Okafor', 3, '2026-01-10T10:00:00.000Z');
    await lockedKey();
    await listAllCheckIns(db);
    const [month] = await sealedMonths(1);
    await db.put('trendMonths', { ...month!, sealedCheckIns: flipCiphertext(month!.sealedCheckIns!) });
    expect((await listAllCheckIns(db)).map((checkIn) => [checkIn.provider, checkIn.overall])).toEqual([['Dr. Okafor', 3]]);
    await vi.waitFor(async () => expect((await db.get('trendMonths', month!.month))?.sealedCheckIns).not.toBe(flipCiphertext(month!.sealedCheckIns!)));
    expect((await listAllCheckIns(db)).map((checkIn) => checkIn.provider)).toEqual(['Dr. Okafor']);
  });
});
