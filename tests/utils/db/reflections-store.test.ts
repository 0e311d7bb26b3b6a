import { describe, expect, it } from 'vitest';
import { listReflections, scheduleReflection } from '@/utils/db/reflections';
import { deleteEverything } from '@/utils/db/wipe';
import { useTestDb } from '../../support/db-fixture';

const currentDb = useTestDb('debrief-reflections-store');

describe('follow-up reflection plans', () => {
  it('keeps the first plan for a check-in, and go with "delete everything"', async () => {
    const db = currentDb();
    await scheduleReflection(db, 'check-in-1', 1000);
    await scheduleReflection(db, 'check-in-1', 2000);
    expect(await listReflections(db)).toEqual([{ checkInId: 'check-in-1', dueMs: 1000, promptedMs: null }]);
    await deleteEverything(db);
    expect(await listReflections(db)).toEqual([]);
  });
});
