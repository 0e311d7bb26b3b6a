import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BringUpList } from '@/components/BringUpList';
import { CheckInScreen } from '@/components/CheckInScreen';
import { emptyAnswers, hasHiddenDetails } from '@/utils/checkin/answers';
import { markBroughtUp, waitingBringUps } from '@/utils/checkin/bring-up';
import { digitStep, TEN_WINDOW_MS } from '@/utils/checkin/digit-keys';
import { emptyNotes } from '@/utils/checkin/instrument';
import { dbCheckInStore } from '@/utils/checkin/store';
import { saveCheckIn } from '@/utils/db/checkins';
import type { DebriefDb } from '@/utils/db/open';
import { uiLocale } from '@/utils/i18n';
import { newCheckIn, useTestDb } from '../support/db-fixture';
import { radioName } from '../support/rating-names';

let db: DebriefDb;
const currentDb = useTestDb('debrief-moment-test');
beforeEach(() => {
  db = currentDb();
});

describe('typing a digit on a scale', () => {
  it('rates 0 and 2–9 at once, waits after a 1, and makes 10 of a 1 then a 0', () => {
    expect(digitStep('7', false)).toEqual({ rate: 7, advance: 'now' });
    expect(digitStep('0', false)).toEqual({ rate: 0, advance: 'now' });
    expect(digitStep('1', false)).toEqual({ rate: 1, advance: 'wait' });
    expect(digitStep('0', true)).toEqual({ rate: 10, advance: 'now' });
    expect(digitStep('5', true)).toEqual({ rate: 5, advance: 'now' });
    expect(digitStep('a', false)).toBeNull();
    expect(digitStep('Enter', true)).toBeNull();
  });
});

async function renderScreen(props: Partial<Parameters<typeof CheckInScreen>[0]> = {}) {
  render(<CheckInScreen store={dbCheckInStore(async () => db)} session={null} goals={[]} {...props} />);
  await screen.findByRole('button', { name: 'Save check-in' });
}

/** The radio by its full name: the ends carry their anchor words ("0, No lighter"). */
const radio = (group: string, value: number) =>
  within(screen.getByRole('radiogroup', { name: group })).getByRole('radio', { name: radioName(group, value) }) as HTMLInputElement;

describe('the check-in form by keyboard', () => {
  it('a digit rates the focused scale and moves to the next; 1 then 0 is 10; after the last scale, the note', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await renderScreen();
      radio('Overall', 0).focus();
      fireEvent.keyDown(document.activeElement!, { key: '8' });
      expect(radio('Overall', 8).checked).toBe(true);
      expect(document.activeElement).toBe(radio('Emotional release', 0));

      fireEvent.keyDown(document.activeElement!, { key: '1' });
      fireEvent.keyDown(document.activeElement!, { key: '0' });
      expect(radio('Emotional release', 10).checked).toBe(true);
      expect(document.activeElement).toBe(radio('Self-awareness', 0));

      // A lone 1 stays a moment for a possible 0, then moves on.
      fireEvent.keyDown(document.activeElement!, { key: '1' });
      expect(radio('Self-awareness', 1).checked).toBe(true);
      expect(document.activeElement).toBe(radio('Self-awareness', 1));
      vi.advanceTimersByTime(TEN_WINDOW_MS + 10);
      expect(document.activeElement).toBe(radio('Trust and rapport', 0));

      // A 1 followed by another digit: the 1 stands, the digit rates the next scale.
      fireEvent.keyDown(document.activeElement!, { key: '1' });
      fireEvent.keyDown(document.activeElement!, { key: '4' });
      expect(radio('Trust and rapport', 1).checked).toBe(true);
      expect(radio('Goals and progress', 4).checked).toBe(true);
      expect(document.activeElement).toBe(radio('Coping', 0));

      fireEvent.keyDown(document.activeElement!, { key: '3' });
      fireEvent.keyDown(document.activeElement!, { key: '2' });
      expect(document.activeElement).toBe(screen.getByLabelText('To bring up next time'));
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows Clear only once a value is chosen, and keeps focus on the scale after clearing', async () => {
    await renderScreen();
    expect(screen.queryByRole('button', { name: /^Clear / })).toBeNull();
    fireEvent.click(radio('Coping', 6));
    fireEvent.click(screen.getByRole('button', { name: 'Clear Coping' }));
    expect(screen.queryByRole('button', { name: 'Clear Coping' })).toBeNull();
    expect(radio('Coping', 6).checked).toBe(false);
    expect(document.activeElement).toBe(radio('Coping', 0));
  });

  it('keeps other notes, therapist and tags behind "More notes", open when asked or when a draft has them', async () => {
    const toggled: boolean[] = [];
    await renderScreen({ onDetailsToggle: (open) => toggled.push(open) });
    const more = screen.getByText('More notes, therapist and tags').closest('details')!;
    expect(more.open).toBe(false);
    expect(within(more).getByLabelText('Most helpful moment')).toBeTruthy();
    // Opening it fires "toggle", as a click on its summary would.
    more.open = true;
    await waitFor(() => expect(toggled).toEqual([true]));
    expect(hasHiddenDetails({ ...emptyAnswers(), notes: { ...emptyNotes(), nextTime: 'x' } })).toBe(false);
    expect(hasHiddenDetails({ ...emptyAnswers(), notes: { ...emptyNotes(), helpful: 'x' } })).toBe(true);
    expect(hasHiddenDetails({ ...emptyAnswers(), provider: 'Dr. Lee' }, 'Dr. Lee')).toBe(false);
    expect(hasHiddenDetails({ ...emptyAnswers(), provider: 'Dr. Kim' }, 'Dr. Lee')).toBe(true);
  });
});

describe('notes to bring up next time', () => {
  const note = (nextTime: string, createdMs: number, provider = '') =>
    saveCheckIn(db, newCheckIn({ notes: { ...emptyNotes(), nextTime }, provider }), new Date(createdMs));

  it('come back from earlier check-ins on any platform, newest first, the same therapist only where both are known', async () => {
    const sister = await note('The argument with my sister', 1_000, 'Dr. Lee');
    await note('Sleep, again', 2_000, 'Dr. Kim');
    await note('', 3_000);
    const job = await note('The new job', 4_000);
    await note('Written after the session started', 9_000);
    expect((await waitingBringUps(db, { beforeMs: 5_000 })).map((n) => n.text)).toEqual(['The new job', 'Sleep, again', 'The argument with my sister']);
    expect((await waitingBringUps(db, { beforeMs: 5_000, therapist: 'dr. lee' })).map((n) => n.checkInIds)).toEqual([[job.id], [sister.id]]);

    await markBroughtUp(db, { checkInIds: [sister.id] });
    expect((await waitingBringUps(db, { beforeMs: 5_000, therapist: 'Dr. Lee' })).map((n) => n.text)).toEqual(['The new job']);
  });
});

describe('the same note noted again, and how old a note is', () => {
  const DAY = 86_400_000;
  const at = (day: number) => Date.UTC(2026, 10, day, 15);
  const note = (nextTime: string, createdMs: number) =>
    saveCheckIn(db, newCheckIn({ notes: { ...emptyNotes(), nextTime } }), new Date(createdMs));

  it('folds the same words into one note (case, spaces and a full stop aside), "Last time" only for the check-in just before', async () => {
    const first = await note('Ask about sleep', at(16));
    const older = await note('The argument with my sister', at(23));
    const again = await note('ask about  sleep.', at(30));
    await note('', at(30) + DAY); // the last check-in noted nothing
    const notes = await waitingBringUps(db, { beforeMs: at(30) + 2 * DAY });
    expect(notes.map(({ text, checkInIds, lastTime }) => ({ text, checkInIds, lastTime }))).toEqual([
      { text: 'ask about  sleep.', checkInIds: [again.id, first.id], lastTime: false },
      { text: 'The argument with my sister', checkInIds: [older.id], lastTime: false },
    ]);
    const next = await waitingBringUps(db, { beforeMs: at(30) + 1 });
    expect(next.map((n) => [n.checkInIds.length, n.lastTime])).toEqual([
      [2, true],
      [1, false],
    ]);
    // "I did" ticks off every check-in that noted it.
    await markBroughtUp(db, notes[0]!);
    expect((await waitingBringUps(db, { beforeMs: at(30) + 2 * DAY })).map((n) => n.text)).toEqual(['The argument with my sister']);
  });

  it('the window words each note by age, says how often it was noted, and keeps two on the first screen', async () => {
    const notes = [
      { checkInIds: ['a', 'b'], text: 'Ask about sleep', notedMs: at(30), lastTime: true },
      { checkInIds: ['c'], text: 'The new job', notedMs: at(23), lastTime: false },
      { checkInIds: ['d'], text: 'My sister', notedMs: at(16), lastTime: false },
    ];
    render(<BringUpList notes={notes} onDid={() => undefined} onNotYet={() => undefined} />);
    const first = screen.getByRole('list', { name: 'What you wanted to bring up' });
    expect(within(first).getAllByRole('listitem').map((li) => li.querySelector('p')!.textContent)).toEqual([
      'Last time you wanted to bring up: Ask about sleep (noted 2 times)',
      'From Nov 23: The new job',
    ]);
    const more = screen.getByText('1 more to bring up').closest('details')!;
    expect(more.open).toBe(false);
    expect(more.textContent).toContain('From Nov 16: My sister');
    expect(screen.getAllByRole('button', { name: /^I did/, hidden: true })).toHaveLength(3);
  });
});

describe('dates and numbers follow the page’s language', () => {
  it('uses the browser’s locale when the pages are in its language, the pages’ language otherwise', () => {
    fakeBrowser.i18n.getUILanguage = () => 'en-GB';
    expect(uiLocale()).toBe('en-GB');
    fakeBrowser.i18n.getUILanguage = () => 'fr-FR';
    expect(uiLocale()).toBe('en');
  });
});
