import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckInScreen } from '@/components/CheckInScreen';
import { SIGNS } from '@/utils/checkin/instrument';
import { dbCheckInStore, type CheckInStore } from '@/utils/checkin/store';
import { listCheckIns } from '@/utils/db/checkins';
import { getDraft } from '@/utils/db/drafts';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import type { Goal } from '@/utils/db/schema';

const NAME = 'debrief-form-test';
let db: DebriefDb;
let store: CheckInStore;

beforeEach(async () => {
  db = await openDebriefDb(NAME);
  store = dbCheckInStore(async () => db);
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

function pick(groupName: string, value: string) {
  const group = screen.getByRole('radiogroup', { name: groupName });
  fireEvent.click(within(group).getByRole('radio', { name: value }));
}

async function renderForm(goals: Goal[] = []) {
  const view = render(<CheckInScreen store={store} session={null} goals={goals} />);
  await screen.findByRole('button', { name: 'Save check-in' });
  return view;
}

describe('check-in form', () => {
  it('renders one named 0–10 rating per sign plus overall', async () => {
    await renderForm();
    for (const name of [...SIGNS.map((s) => s.name), 'Overall']) {
      const group = screen.getByRole('radiogroup', { name });
      expect(within(group).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(
        Array.from({ length: 11 }, (_, i) => String(i)),
      );
    }
    expect(screen.getByText('Manual check-in')).toBeTruthy();
  });

  it('counts down near a note’s limit, holds typing at it, and refuses a longer note with a message, losing nothing', async () => {
    await renderForm();
    const note = screen.getByLabelText('Most helpful moment') as HTMLTextAreaElement;
    expect(note.maxLength).toBe(20_000);
    fireEvent.input(note, { target: { value: 'a'.repeat(19_000) } });
    expect(await screen.findByText('1,000 characters left')).toBeTruthy();
    expect(note.getAttribute('aria-describedby')).toBe(screen.getByText('1,000 characters left').id);
    // A longer note can only come from a kept draft or a script: it is shown whole, and refused.
    const long = 'b'.repeat(20_050);
    fireEvent.input(note, { target: { value: long } });
    expect(await screen.findByText('50 characters too many')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    // Found by its words: role queries over a 20,000-character field are too slow for jsdom.
    const message = await screen.findByText(/“Most helpful moment” is 20,050 characters long; it can hold 20,000/);
    expect(message.closest('[role="alert"]')).not.toBeNull();
    expect(await listCheckIns(db)).toEqual([]);
    expect(note.value).toBe(long);
  });

  it('saves the answers, confirms visibly and clears the draft', async () => {
    await renderForm();
    pick('Trust and rapport', '8');
    pick('Overall', '7');
    fireEvent.input(screen.getByLabelText('Most helpful moment'), { target: { value: 'Naming the pattern' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByText(/Check-in saved/);
    const [saved] = await listCheckIns(db);
    expect(saved).toMatchObject({ overall: 7, platform: null, notes: expect.objectContaining({ helpful: 'Naming the pattern' }) });
    expect(saved!.ratings.trust).toBe(8);
    expect(saved!.ratings.relief).toBeNull();
    expect(await getDraft(db, 'manual')).toBeUndefined();
  });

  it('saves with Ctrl+Enter from a text field', async () => {
    await renderForm();
    const notes = screen.getByLabelText('One thing to take with me');
    fireEvent.input(notes, { target: { value: 'Breathe first' } });
    fireEvent.keyDown(notes, { key: 'Enter', ctrlKey: true });
    await screen.findByText(/Check-in saved/);
    expect((await listCheckIns(db)).map((c) => c.notes.takeaway)).toEqual(['Breathe first']);
  });

  it('restores every character of a draft after the form is closed mid-sentence', async () => {
    const first = await renderForm();
    pick('Coping', '3');
    fireEvent.input(screen.getByLabelText('To bring up next time'), { target: { value: 'the argument with my sis' } });
    await waitFor(async () => expect((await getDraft(db, 'manual'))?.notes.nextTime).toBe('the argument with my sis'));
    first.unmount();

    await renderForm();
    expect((screen.getByLabelText('To bring up next time') as HTMLTextAreaElement).value).toBe('the argument with my sis');
    const coping = screen.getByRole('radiogroup', { name: 'Coping' });
    expect((within(coping).getByRole('radio', { name: '3' }) as HTMLInputElement).checked).toBe(true);
  });

  it('refuses to save an empty check-in with a clear message', async () => {
    await renderForm();
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Nothing to save yet\. Every question is optional/);
    expect(await listCheckIns(db)).toEqual([]);
  });

  it('lets a rating be skipped again after choosing it', async () => {
    await renderForm();
    pick('Reflection', '5');
    fireEvent.click(screen.getByRole('button', { name: 'Clear Reflection' }));
    pick('Overall', '6');
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByText(/Check-in saved/);
    const [saved] = await listCheckIns(db);
    expect(saved!.ratings.integration).toBeNull();
  });

  it('keeps what was typed and says why when storage fails', async () => {
    const failing: CheckInStore = {
      ...store,
      save: () => Promise.reject(new Error('Your device is out of storage space, so this was not saved.')),
    };
    render(<CheckInScreen store={failing} session={null} goals={[]} />);
    const field = await screen.findByLabelText('Anything unhelpful');
    fireEvent.input(field, { target: { value: 'Felt rushed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/out of storage space/);
    expect((screen.getByLabelText('Anything unhelpful') as HTMLTextAreaElement).value).toBe('Felt rushed');
  });

  it('asks for progress on each active goal', async () => {
    const goal = { id: 'g1', title: 'Sleep better', status: 'active' } as Goal;
    await renderForm([goal]);
    pick('Progress on Sleep better', '4');
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByText(/Check-in saved/);
    const [saved] = await listCheckIns(db);
    expect(saved!.goalProgress).toEqual([{ goalId: 'g1', rating: 4, note: '' }]);
  });

  it('offers the therapist last named, without counting it as an answer', async () => {
    render(<CheckInScreen store={store} session={null} goals={[]} initialProvider="Dr. Rivera" />);
    const therapist = (await screen.findByLabelText('Therapist (optional)')) as HTMLInputElement;
    expect(therapist.value).toBe('Dr. Rivera');
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Nothing to save yet\. Every question is optional/);
    pick('Overall', '8');
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByText(/Check-in saved/);
    expect((await listCheckIns(db))[0]!.provider).toBe('Dr. Rivera');
  });
});
