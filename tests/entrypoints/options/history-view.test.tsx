import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HistoryView } from '@/entrypoints/options/views/History';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { countCheckIns, getCheckIn, saveCheckIn } from '@/utils/db/checkins';
import type { DebriefDb } from '@/utils/db/open';
import type { Session } from '@/utils/db/schema';
import { newCheckIn as input, putRecordedSession, saveAfterCall, useTestDb } from '../../support/db-fixture';

let db: DebriefDb;

const currentDb = useTestDb({ shared: true }, cleanup);
beforeEach(() => {
  location.hash = '#/history';
  db = currentDb();
});

async function seedThree() {
  await saveCheckIn(db, input({ overall: 4, notes: { ...emptyNotes(), helpful: 'Talking about my brother' }, tags: ['family'] }), new Date(2026, 0, 5, 10));
  await saveAfterCall(
    db,
    'doxy-me',
    {
      overall: 7,
      provider: 'Dr. Amara Lee',
      ratings: { ...emptyRatings(), trust: 8, relief: 3 },
      notes: { ...emptyNotes(), helpful: 'Naming the pattern behind my Sunday dread', nextTime: 'Ask about sleep' },
      tags: ['work', 'sleep'],
      goalProgress: [{ goalId: 'goal-1', rating: 6, note: 'Said no once' }],
    },
    new Date(2026, 0, 12, 10),
  );
  await saveCheckIn(db, input({ overall: 9, notes: { ...emptyNotes(), takeaway: 'Breathe before replying' } }), new Date(2026, 0, 19, 10));
  await db.put('goals', { id: 'goal-1', createdAt: '', createdMs: 1, updatedAt: '', deviceId: 'd', title: 'Set boundaries at work', status: 'active' });
}

const rows = () => within(screen.getByRole('list', { name: 'Check-ins' })).getAllByRole('link');

async function renderHistory(props: Parameters<typeof HistoryView>[0] = {}) {
  render(<HistoryView searchDelayMs={10} {...props} />);
  await screen.findByRole('list', { name: 'Check-ins' });
}

async function openRow(text: RegExp) {
  fireEvent.click(rows().find((row) => text.test(row.textContent ?? ''))!);
  return screen.findByRole('heading', { name: /^Check-in from/ });
}

describe('history view', () => {
  it('lists check-ins newest first, fifty at a time, and "Show more" continues at the next row', async () => {
    for (let day = 1; day <= 60; day++) {
      await saveCheckIn(db, input({ overall: day % 11, notes: { ...emptyNotes(), helpful: `Session ${day}` } }), new Date(2026, 0, day, 10));
    }
    await renderHistory();
    await screen.findByText('60 check-ins');
    expect(rows()).toHaveLength(50);
    expect(rows()[0]!.textContent).toContain('Session 60');
    expect(rows()[49]!.textContent).toContain('Session 11');

    fireEvent.click(screen.getByRole('button', { name: /Show more check-ins/ }));
    await waitFor(() => expect(rows()).toHaveLength(60));
    expect(document.activeElement).toBe(rows()[50]);
    expect(document.activeElement?.textContent).toContain('Session 10');
    expect(screen.queryByRole('button', { name: /Show more/ })).toBeNull();
  });

  it('says so when there is nothing yet', async () => {
    render(<HistoryView />);
    await screen.findByText(/No check-ins yet/);
  });

  it('narrows the list as the person searches, and filters by platform', async () => {
    await seedThree();
    await renderHistory();
    await screen.findByText('3 check-ins');

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes' }), { target: { value: 'SUNDAY' } });
    await screen.findByText('1 of 3 check-ins match');
    expect(rows().map((r) => r.textContent)).toEqual([expect.stringContaining('Sunday dread')]);

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes' }), { target: { value: 'holiday' } });
    await screen.findByText('No check-ins match these filters.');

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search notes' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Platform' }), { target: { value: 'manual' } });
    await screen.findByText('2 of 3 check-ins match');
    expect(rows().every((r) => r.textContent?.includes('Manual'))).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await screen.findByText('3 check-ins');
  });

  it('opens an entry to read all of it, and Back returns focus to its row', async () => {
    await seedThree();
    await renderHistory();
    const heading = await openRow(/Sunday dread/);
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const entry = screen.getByRole('article');
    const fact = (term: string) => within(entry).getByText(term, { selector: 'dt' }).nextElementSibling?.textContent;
    expect(fact('Trust and rapport')).toBe('8/10');
    expect(fact('Emotional release')).toBe('3/10');
    expect(fact('Self-awareness')).toBe('Skipped');
    expect(fact('Overall')).toBe('7/10');
    expect(fact('Therapist')).toBe('Dr. Amara Lee');
    expect(fact('Tags')).toBe('work, sleep');
    expect(fact('To bring up next time')).toBe('Ask about sleep');
    expect(fact('Set boundaries at work')).toBe('6/10 — Said no once');
    expect(screen.queryByRole('list', { name: 'Check-ins' })).toBeNull();

    fireEvent.click(within(entry).getByRole('link', { name: 'Back to history' }));
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Sunday dread'));
  });

  it('keeps an edit: the new answers are saved, the old version kept and the list updated', async () => {
    await seedThree();
    await renderHistory();
    await openRow(/Sunday dread/);
    const before = (await db.getAll('checkIns')).find((c) => c.overall === 7)!;

    fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const note = await screen.findByLabelText('Most helpful moment');
    fireEvent.input(note, { target: { value: 'Naming the pattern, and laughing about it' } });
    fireEvent.click(within(screen.getByRole('radiogroup', { name: 'Overall' })).getByRole('radio', { name: '8' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByText('Changes saved.');

    const after = await getCheckIn(db, before.id);
    expect(after?.notes.helpful).toBe('Naming the pattern, and laughing about it');
    expect(after?.overall).toBe(8);
    expect(after!.updatedAt > before.updatedAt).toBe(true);
    expect(after?.history.map((v) => v.overall)).toEqual([7]);

    fireEvent.click(screen.getByRole('link', { name: 'Back to history' }));
    await waitFor(() => expect(rows().some((r) => r.textContent?.includes('laughing about it'))).toBe(true));
  });

  it('deletes an entry with a tombstone, and Undo brings it back', async () => {
    await seedThree();
    await renderHistory();
    await openRow(/Sunday dread/);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));

    const undo = await screen.findByRole('button', { name: 'Undo' });
    expect(undo.closest('[role="status"]')?.textContent).toMatch(/^Deleted the check-in from/);
    await screen.findByText('2 check-ins');
    expect(rows().some((r) => r.textContent?.includes('Sunday dread'))).toBe(false);
    expect(await countCheckIns(db)).toBe(2);
    expect(await db.count('tombstones')).toBe(1);

    fireEvent.click(undo);
    await screen.findByText('3 check-ins');
    expect(rows()[1]!.textContent).toContain('Sunday dread');
    await waitFor(() => expect(document.activeElement).toBe(rows()[1]));
    expect(await countCheckIns(db)).toBe(3);
    expect(await db.count('tombstones')).toBe(0);
  });

  it('stops offering Undo after a few seconds, and the delete stands', async () => {
    await seedThree();
    await renderHistory({ undoMs: 30 });
    await openRow(/Sunday dread/);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByRole('button', { name: 'Undo' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull());
    expect(await countCheckIns(db)).toBe(2);
  });

  it('undoes with Ctrl+Z too', async () => {
    await seedThree();
    await renderHistory();
    await openRow(/brother/);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await screen.findByText('2 check-ins');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await screen.findByText('3 check-ins');
    expect(await countCheckIns(db)).toBe(3);
  });

  const HOUR = 60 * 60_000;
  const waitingSession = (id: string, status: Session['status'], startedMs: number): Session => ({
    id,
    createdAt: new Date(startedMs).toISOString(),
    createdMs: startedMs,
    updatedAt: '',
    deviceId: 'd',
    platform: 'doxy-me',
    host: 'doxy.me',
    startedAt: new Date(startedMs).toISOString(),
    startedMs,
    lastSeenMs: startedMs,
    endedAt: new Date(startedMs + 50 * 60_000).toISOString(),
    endedMs: startedMs + 50 * 60_000,
    endReason: 'call-ended',
    status,
    snoozedUntil: status === 'snoozed' ? new Date(2026, 0, 13, 15, 47).getTime() : null,
    checkInId: null,
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists sessions waiting for a check-in, told apart by time and length, the ones older than 3 days apart', async () => {
    // An afternoon: a session two hours before a time near midnight would span two days and be labelled so.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 11, 7, 15, 0));
    const now = Date.now();
    await putRecordedSession(db, waitingSession('s-pending', 'pending', now - 2 * HOUR));
    await putRecordedSession(db, waitingSession('s-snoozed', 'snoozed', now - 26 * HOUR));
    await putRecordedSession(db, waitingSession('s-old', 'pending', now - 5 * 24 * HOUR));
    await putRecordedSession(db, waitingSession('s-answered', 'answered', now - 3 * HOUR));
    await db.put('sessions', waitingSession('s-laptop', 'pending', now - HOUR)); // another device's, from a file
    render(<HistoryView />);

    const region = await screen.findByRole('region', { name: 'Waiting for a check-in' });
    const links = within(region).getAllByRole('link', { name: /^Check in on Doxy\.me/ });
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      'chrome-extension://test-extension-id/check-in.html?session=s-pending',
      'chrome-extension://test-extension-id/check-in.html?session=s-snoozed',
      'chrome-extension://test-extension-id/check-in.html?session=s-old',
    ]);
    // "Dec 7, 2:56 – 3:46 PM, 50 min": the start, the end and the length.
    expect(links[0]!.getAttribute('aria-label')).toMatch(/\d:\d\d\s?(AM|PM)?\s?–\s?\d+:\d\d\s(AM|PM), 50 min$/);
    expect(region.textContent).toMatch(/I’ll ask again at 3:47\sPM/);
    const older = region.querySelector('details')!;
    expect(older.open).toBe(false);
    expect(within(older).getByText('Older, not answered (1)')).toBeTruthy();
    expect(within(older).getByRole('link', { name: /^Check in on/ }).getAttribute('href')).toContain('s-old');
  });

  it('marks a waiting session not therapy or skipped from its row, and Undo puts it back exactly as it was', async () => {
    const now = Date.now();
    await putRecordedSession(db, waitingSession('s-pending', 'pending', now - 2 * HOUR));
    await putRecordedSession(db, waitingSession('s-snoozed', 'snoozed', now - 26 * HOUR));
    render(<HistoryView />);
    const region = await screen.findByRole('region', { name: 'Waiting for a check-in' });
    const [pendingRow, snoozedRow] = within(region).getAllByRole('listitem');

    fireEvent.click(within(pendingRow!).getByRole('button', { name: 'Not therapy' }));
    await within(pendingRow!).findByText(/marked as not a therapy session\.$/);
    expect((await db.get('sessions', 's-pending'))!.status).toBe('dismissed');
    fireEvent.click(within(pendingRow!).getByRole('button', { name: 'Undo' }));
    await within(pendingRow!).findByRole('button', { name: 'Not therapy' });
    expect((await db.get('sessions', 's-pending'))!.status).toBe('pending');

    fireEvent.click(within(snoozedRow!).getByRole('button', { name: 'Skip' }));
    await within(snoozedRow!).findByText(/skipped\. Debrief will not ask about it\.$/);
    expect((await db.get('sessions', 's-snoozed'))!.status).toBe('skipped');
    fireEvent.click(within(snoozedRow!).getByRole('button', { name: 'Undo' }));
    await within(snoozedRow!).findByRole('button', { name: 'Skip' });
    expect(await db.get('sessions', 's-snoozed')).toMatchObject({ status: 'snoozed', snoozedUntil: new Date(2026, 0, 13, 15, 47).getTime() });
  });

  it('keeps sessions set aside where they can be found, and "Ask me again" makes one wait again', async () => {
    const now = Date.now();
    await putRecordedSession(db, waitingSession('s-pending', 'pending', now - 2 * HOUR));
    render(<HistoryView />);
    const region = await screen.findByRole('region', { name: 'Waiting for a check-in' });
    fireEvent.click(within(region).getByRole('button', { name: 'Skip' }));
    fireEvent.click(await within(region).findByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Waiting for a check-in' })).toBeNull());
    cleanup();

    render(<HistoryView />);
    const found = await screen.findByText('Not therapy or skipped (1)');
    const list = found.closest('details')!;
    expect(list.textContent).toContain('skipped');
    fireEvent.click(within(list).getByRole('button', { name: 'Ask me again' }));
    const back = await screen.findByRole('region', { name: 'Waiting for a check-in' });
    expect(within(back).getByRole('link', { name: /^Check in on Doxy\.me/ }).getAttribute('href')).toContain('s-pending');
    expect((await db.get('sessions', 's-pending'))!.status).toBe('pending');
  });

  it('explains an entry link whose check-in is gone', async () => {
    location.hash = '#/history/no-such-id';
    render(<HistoryView />);
    await screen.findByText(/no longer stored/);
  });
});
