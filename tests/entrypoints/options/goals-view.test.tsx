import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { GoalsView } from '@/entrypoints/options/views/Goals';
import { saveCheckIn } from '@/utils/db/checkins';
import { addGoal, listGoals } from '@/utils/db/goals';
import type { DebriefDb } from '@/utils/db/open';
import { useTestDb, newCheckIn } from '../../support/db-fixture';

const NAME = 'debrief-goals-view-test';
let db: DebriefDb;
const openDb = () => Promise.resolve(db);

const currentDb = useTestDb(NAME, cleanup);
beforeEach(() => {
  db = currentDb();
});

const section = (name: RegExp) => screen.getByRole('region', { name });
const goalTitles = (name: RegExp) =>
  within(section(name))
    .queryAllByRole('heading', { level: 4 })
    .map((h) => h.textContent);

async function addThroughForm(title: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'New goal' }), { target: { value: title } });
  fireEvent.click(screen.getByRole('button', { name: 'Add goal' }));
}

describe('goals view', () => {
  it('adds a goal, which appears among the active goals and is stored for the next check-in', async () => {
    render(<GoalsView openDb={openDb} />);
    await screen.findByText('No active goals. Add one above.');

    await addThroughForm('Say no without apologising');

    await waitFor(() => expect(goalTitles(/^Active goals/)).toEqual(['Say no without apologising']));
    expect(screen.getByRole('status').textContent).toContain('Added “Say no without apologising”');
    expect((screen.getByRole('textbox', { name: 'New goal' }) as HTMLInputElement).value).toBe('');
    expect((await listGoals(db, 'active')).map((g) => g.title)).toEqual(['Say no without apologising']);
  });

  it('explains why an empty goal was not added and keeps focus in the field', async () => {
    render(<GoalsView openDb={openDb} />);
    await screen.findByText('No active goals. Add one above.');
    await addThroughForm('   ');
    expect((await screen.findByRole('alert')).textContent).toBe('Write a few words for the goal first.');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'New goal' }));
    expect(await listGoals(db)).toEqual([]);
  });

  it('marks a goal achieved, moving it out of the goals the check-in asks about', async () => {
    await addGoal(db, 'Walk daily');
    render(<GoalsView openDb={openDb} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark achieved: Walk daily' }));
    await waitFor(() => expect(goalTitles(/^Achieved/)).toEqual(['Walk daily']));
    expect(goalTitles(/^Active goals/)).toEqual([]);
    expect(await listGoals(db, 'active')).toEqual([]);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Walk daily'));
  });

  it('renames a goal in place', async () => {
    await addGoal(db, 'Sleep more');
    render(<GoalsView openDb={openDb} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Rename: Sleep more' }));
    fireEvent.input(screen.getByRole('textbox', { name: 'New name' }), { target: { value: 'Sleep eight hours' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(goalTitles(/^Active goals/)).toEqual(['Sleep eight hours']));
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'New name' })).toBeNull());
  });

  it("shows each goal's progress across sessions, newest first, with its notes", async () => {
    const goal = await addGoal(db, 'Set boundaries at work');
    await saveCheckIn(db, newCheckIn({ overall: 6, goalProgress: [{ goalId: goal.id, rating: 3, note: 'Stayed late again' }] }), new Date(2026, 0, 5, 10));
    await saveCheckIn(db, newCheckIn({ overall: 6, goalProgress: [{ goalId: goal.id, rating: 7, note: 'Said no once' }] }), new Date(2026, 0, 12, 10));

    render(<GoalsView openDb={openDb} />);
    const list = await screen.findByRole('list', { name: 'Progress on Set boundaries at work, newest first' });
    const entries = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toContain('7/10');
    expect(entries[0]).toContain('Said no once');
    expect(entries[1]).toContain('Stayed late again');
    expect(screen.getByText(/^Rated in 2 sessions · latest 7\/10 on .* · average 5$/)).toBeTruthy();
  });

  it('shows the five newest entries and pages through older ones on request', async () => {
    const goal = await addGoal(db, 'Walk daily');
    for (let day = 1; day <= 7; day++) {
      await saveCheckIn(db, newCheckIn({ overall: null, goalProgress: [{ goalId: goal.id, rating: day, note: `Walk ${day}` }] }), new Date(2026, 1, day, 10));
    }
    render(<GoalsView openDb={openDb} />);
    const recent = await screen.findByRole('list', { name: 'Progress on Walk daily, newest first' });
    expect(within(recent).getAllByRole('listitem').map((li) => li.querySelector('.goal-progress-note')?.textContent)).toEqual([
      'Walk 7',
      'Walk 6',
      'Walk 5',
      'Walk 4',
      'Walk 3',
    ]);
    expect(screen.queryByText('Walk 2')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show earlier entries (2 more)' }));
    const earlier = await screen.findByRole('list', { name: 'Earlier progress on Walk daily' });
    expect(within(earlier).getAllByRole('listitem').map((li) => li.querySelector('.goal-progress-note')?.textContent)).toEqual(['Walk 2', 'Walk 1']);
    expect(screen.queryByRole('button', { name: /Show earlier entries/ })).toBeNull();
  });
});
