import { beforeEach, describe, expect, it } from 'vitest';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { countCheckIns, deleteCheckIn, listCheckIns, restoreCheckIn, saveCheckIn, updateCheckIn, type NewCheckIn } from '@/utils/db/checkins';
import { getDraft, putDraft } from '@/utils/db/drafts';
import type { DebriefDb } from '@/utils/db/open';
import { newCheckIn, useTestDb } from '../../support/db-fixture';

const NAME = 'debrief-test';
let db: DebriefDb;

function answers(overrides: Partial<NewCheckIn> = {}): NewCheckIn {
  return newCheckIn({
    ratings: { ...emptyRatings(), trust: 8 },
    overall: 7,
    notes: { ...emptyNotes(), helpful: 'Naming the pattern' },
    ...overrides,
  });
}

const currentDb = useTestDb(NAME);
beforeEach(() => {
  db = currentDb();
});

describe('check-ins', () => {
  it('saves a check-in that can be listed newest first, and clears its draft', async () => {
    await putDraft(db, 'manual', answers());
    await saveCheckIn(db, answers({ overall: 3 }), new Date('2026-01-01T10:00:00Z'));
    await saveCheckIn(db, answers({ overall: 9 }), new Date('2026-02-01T10:00:00Z'));
    const listed = await listCheckIns(db);
    expect(listed.map((c) => c.overall)).toEqual([9, 3]);
    expect(await countCheckIns(db)).toBe(2);
    expect(await getDraft(db, 'manual')).toBeUndefined();
  });

  it('uses one device id and stamps that only move forward', async () => {
    const a = await saveCheckIn(db, answers(), new Date('2026-01-01T10:00:00Z'));
    // The wall clock went backwards; the next stamp must still sort after.
    const b = await saveCheckIn(db, answers(), new Date('2025-12-31T10:00:00Z'));
    expect(a.deviceId).toBe(b.deviceId);
    expect(b.updatedAt > a.updatedAt).toBe(true);
  });

  it('keeps the replaced version in history on edit', async () => {
    const saved = await saveCheckIn(db, answers({ overall: 4 }));
    const edited = await updateCheckIn(db, saved.id, () => ({ overall: 6 }));
    expect(edited.overall).toBe(6);
    expect(edited.history.map((v) => v.overall)).toEqual([4]);
    expect(edited.updatedAt > saved.updatedAt).toBe(true);
  });

  it('leaves a tombstone on delete and can undo it', async () => {
    const saved = await saveCheckIn(db, answers());
    const removed = await deleteCheckIn(db, saved.id);
    expect(await countCheckIns(db)).toBe(0);
    expect(await db.get('tombstones', saved.id)).toMatchObject({ store: 'checkIns' });
    await restoreCheckIn(db, removed!);
    expect(await countCheckIns(db)).toBe(1);
    expect(await db.get('tombstones', saved.id)).toBeUndefined();
  });
});
