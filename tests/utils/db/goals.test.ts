import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addGoal, GoalInputError, listGoals, renameGoal, setGoalStatus } from '@/utils/db/goals';
import { listAllGoals } from '@/utils/db/goals';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';

const NAME = 'debrief-goals-test';
let db: DebriefDb;

beforeEach(async () => {
  db = await openDebriefDb(NAME);
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

describe('goals', () => {
  it('adds active goals that the check-in will ask about, in the order added', async () => {
    await addGoal(db, '  Sleep   before midnight ', new Date('2026-01-01T10:00:00Z'));
    await addGoal(db, 'Call my sister', new Date('2026-01-02T10:00:00Z'));
    const active = await listGoals(db, 'active');
    expect(active.map((g) => g.title)).toEqual(['Sleep before midnight', 'Call my sister']);
    expect(active[0]).toMatchObject({ status: 'active', createdAt: expect.stringMatching(/^2026-01-0[12]T/) });
    expect(active[0]!.updatedAt < active[1]!.updatedAt).toBe(true);
  });

  it.each([
    { name: 'empty', title: '   ', message: /Write a few words/ },
    { name: 'far too long', title: 'x'.repeat(201), message: /under 200 characters/ },
  ])('refuses a goal that is $name and stores nothing', async ({ title, message }) => {
    await expect(addGoal(db, title)).rejects.toThrow(message);
    expect(await listAllGoals(db)).toEqual([]);
  });

  it('refuses a second active goal with the same name, whatever the case', async () => {
    await addGoal(db, 'Walk daily');
    const duplicate = addGoal(db, 'walk DAILY');
    await expect(duplicate).rejects.toBeInstanceOf(GoalInputError);
    await expect(duplicate).rejects.toThrow('“walk DAILY” is already one of your active goals.');
    expect(await listAllGoals(db)).toHaveLength(1);
  });

  it('renames a goal, keeping its id so past progress stays with it, and moves its stamp on', async () => {
    const goal = await addGoal(db, 'Sleep more');
    const renamed = await renameGoal(db, goal.id, 'Sleep eight hours');
    expect(renamed).toMatchObject({ id: goal.id, title: 'Sleep eight hours', status: 'active', createdAt: goal.createdAt });
    expect(renamed.updatedAt > goal.updatedAt).toBe(true);
    expect((await listGoals(db)).map((g) => g.title)).toEqual(['Sleep eight hours']);
  });

  it('will not rename a goal to nothing or onto another active goal', async () => {
    const sleep = await addGoal(db, 'Sleep more', new Date('2026-01-01T10:00:00Z'));
    await addGoal(db, 'Walk daily', new Date('2026-01-02T10:00:00Z'));
    await expect(renameGoal(db, sleep.id, ' ')).rejects.toThrow(/Write a few words/);
    await expect(renameGoal(db, sleep.id, 'walk daily')).rejects.toThrow(/already one of your active goals/);
    expect((await listGoals(db)).map((g) => g.title)).toEqual(['Sleep more', 'Walk daily']);
  });

  it.each([
    { status: 'achieved' as const, activeAfter: ['Walk daily'] },
    { status: 'archived' as const, activeAfter: ['Walk daily'] },
    { status: 'active' as const, activeAfter: ['Sleep more', 'Walk daily'] },
  ])('marking a goal $status decides whether the check-in still asks about it', async ({ status, activeAfter }) => {
    const sleep = await addGoal(db, 'Sleep more', new Date('2026-01-01T10:00:00Z'));
    await addGoal(db, 'Walk daily', new Date('2026-01-02T10:00:00Z'));
    const changed = await setGoalStatus(db, sleep.id, status);
    expect(changed.status).toBe(status);
    expect((await listGoals(db, 'active')).map((g) => g.title)).toEqual(activeAfter);
    if (status !== 'active') expect((await listGoals(db, status)).map((g) => g.title)).toEqual(['Sleep more']);
  });

  it('brings an achieved goal back to active, unless an active goal took its name meanwhile', async () => {
    const first = await addGoal(db, 'Journal');
    await setGoalStatus(db, first.id, 'achieved');
    const second = await addGoal(db, 'Journal');
    await expect(setGoalStatus(db, first.id, 'active')).rejects.toThrow(/already one of your active goals/);
    await setGoalStatus(db, second.id, 'archived');
    await setGoalStatus(db, first.id, 'active');
    expect((await listGoals(db, 'active')).map((g) => g.id)).toEqual([first.id]);
  });

  it('says clearly when the goal is gone, and leaves no tombstone behind any change', async () => {
    await expect(setGoalStatus(db, 'no-such-goal', 'archived')).rejects.toThrow(/no longer exists/);
    const goal = await addGoal(db, 'Breathe');
    await setGoalStatus(db, goal.id, 'archived');
    expect(await db.getAll('tombstones')).toEqual([]);
  });
});
