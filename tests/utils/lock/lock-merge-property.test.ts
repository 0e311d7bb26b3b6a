/**
 * Merge with the lock on: two profiles sharing one lock do the same real operations (check-ins and
 * goals) and swap the
 * same files as two profiles without it. Sealed records merge by id and stamp alone, so once opened
 * the locked pair must hold exactly what the plain pair holds (nothing lost, nothing brought back),
 * and after a last swap both locked profiles hold the same check-ins, none of them plain on disk.
 */
import fc from 'fast-check';
import { deleteDB } from 'idb';
import { afterEach, expect, it, vi } from 'vitest';
import { emptyNotes } from '@/utils/checkin/instrument';
import { deleteCheckIn, saveCheckIn, updateCheckIn } from '@/utils/db/checkins';
import { addGoal, listAllGoals, renameGoal } from '@/utils/db/goals';
import { listAllCheckIns } from '@/utils/db/history';
import { readLock } from '@/utils/db/lock';
import { turnLockOn } from '@/utils/db/lock-turn';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import { importFile } from '@/utils/sync/apply';
import { exportData } from '@/utils/sync/export';
import { newCheckIn } from '../../support/db-fixture';

type Op = { kind: 'add' | 'edit' | 'delete' | 'goal' | 'rename'; on: number; n: number } | { kind: 'sync'; from: number; to: number };

const arbOp: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constantFrom('add' as const, 'add' as const, 'edit' as const, 'delete' as const, 'goal' as const, 'rename' as const), on: fc.nat(1), n: fc.nat(1_000) }),
  fc.record({ kind: fc.constant('sync' as const), from: fc.nat(1), to: fc.nat(1) }),
);

let nextId = 0;
vi.spyOn(crypto, 'randomUUID').mockImplementation(() => `00000000-0000-4000-8000-${String(nextId++).padStart(12, '0')}`);

const opened: DebriefDb[] = [];
let made = 0;
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await deleteDB(db.name);
  }
});

async function profile(device: string): Promise<DebriefDb> {
  const db = await openDebriefDb(`debrief-lock-merge-${++made}`);
  opened.push(db);
  await db.put('meta', { key: 'deviceId', value: device });
  return db;
}

async function apply(pair: DebriefDb[], op: Op, now: Date): Promise<void> {
  if (op.kind === 'sync') {
    if (op.from !== op.to) await importFile(pair[op.to]!, await exportData(pair[op.from]!, now), now);
    return;
  }
  const db = pair[op.on]!;
  const ids = (await db.getAllKeys('checkIns')).sort();
  const id = ids[op.n % Math.max(ids.length, 1)];
  if (op.kind === 'add') await saveCheckIn(db, newCheckIn({ overall: op.n % 11, notes: { ...emptyNotes(), nextTime: `note ${op.n}` } }), now);
  else if (op.kind === 'edit' && id) await updateCheckIn(db, id, () => ({ overall: (op.n + 1) % 11, provider: `therapist ${op.n}` }), now);
  else if (op.kind === 'delete' && id) await deleteCheckIn(db, id, now);
  else if (op.kind === 'goal') await addGoal(db, `goal ${op.n % 7}`, now);
  else if (op.kind === 'rename') {
    const goals = (await db.getAllKeys('goals')).sort();
    if (goals.length > 0) await renameGoal(db, goals[op.n % goals.length]!, `goal ${op.n}`, now);
  }
}

it('sealed check-ins merge exactly as plain ones do: nothing lost, nothing resurrected', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(arbOp, { minLength: 5, maxLength: 25 }), async (ops) => {
      const plain = [await profile('dev-a'), await profile('dev-b')];
      const locked = [await profile('dev-a'), await profile('dev-b')];
      await turnLockOn(locked[0]!, 'shared passphrase', 1_000);
      // The second profile shares the lock, as after importing the first one's file.
      await locked[1]!.put('meta', { key: 'lock', value: (await readLock(locked[0]!))! });
      let ms = Date.UTC(2026, 5, 1, 9);
      const finalSwap: Op[] = [{ kind: 'sync', from: 0, to: 1 }, { kind: 'sync', from: 1, to: 0 }];
      for (const [index, op] of [...ops, ...finalSwap].entries()) {
        ms += 60_000;
        // Both pairs make the same new ids, so what they hold can be compared record for record.
        const outcomes: string[] = [];
        for (const pair of [plain, locked]) {
          nextId = index * 10;
          outcomes.push(await apply(pair, op, new Date(ms)).then(() => 'done', (error: unknown) => String(error)));
        }
        expect(outcomes[1]).toBe(outcomes[0]);
      }
      for (const side of [0, 1]) {
        expect(await listAllCheckIns(locked[side]!)).toEqual(await listAllCheckIns(plain[side]!));
        expect(await listAllGoals(locked[side]!)).toEqual(await listAllGoals(plain[side]!));
        expect(JSON.stringify(await locked[side]!.getAll('goals'))).not.toMatch(/goal \d/);
        const raw = await locked[side]!.getAll('checkIns');
        expect(raw.every((checkIn) => checkIn.sealed !== undefined && checkIn.history.every((version) => version.sealed !== undefined))).toBe(true);
        expect(JSON.stringify(raw)).not.toMatch(/note \d|therapist \d/);
      }
      expect(await listAllCheckIns(locked[0]!)).toEqual(await listAllCheckIns(locked[1]!));
      expect(await listAllGoals(locked[0]!)).toEqual(await listAllGoals(locked[1]!));
      await Promise.all(opened.splice(0).map(async (db) => (db.close(), deleteDB(db.name))));
    }),
    { numRuns: 20 },
  );
});
