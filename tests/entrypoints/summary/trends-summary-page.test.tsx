import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DrawPlot } from '@/components/TrendUPlot';
import { SummaryView } from '@/entrypoints/options/views/Summary';
import { App as SummaryPage } from '@/entrypoints/summary/App';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { summaryChoiceFromQuery } from '@/utils/checkin/summary';
import { saveCheckIn, type NewCheckIn } from '@/utils/db/checkins';
import type { DebriefDb } from '@/utils/db/open';
import { useTestDb, newCheckIn } from '../../support/db-fixture';

const NAME = 'debrief-summary-test';
let db: DebriefDb;
const openDb = () => Promise.resolve(db);
const noDrawing: DrawPlot = () => () => {};

const currentDb = useTestDb(NAME, cleanup);
beforeEach(() => {
  db = currentDb();
});

const checkIn = (overrides: Partial<NewCheckIn>): NewCheckIn => newCheckIn({ overall: null, ...overrides });

async function seed() {
  await saveCheckIn(
    db,
    checkIn({ overall: 4, ratings: { ...emptyRatings(), trust: 6 }, notes: { ...emptyNotes(), helpful: 'Old news', unhelpful: 'Secret' } }),
    new Date(2025, 11, 1, 10),
  );
  await saveCheckIn(
    db,
    checkIn({ overall: 6, ratings: { ...emptyRatings(), trust: 8 }, notes: { ...emptyNotes(), helpful: 'Naming the pattern', unhelpful: 'Private' } }),
    new Date(2026, 0, 12, 10),
  );
  await saveCheckIn(db, checkIn({ overall: 8, notes: { ...emptyNotes(), nextTime: 'Ask about sleep' } }), new Date(2026, 0, 19, 10));
}

describe('printable summary page', () => {
  it('shows averages per sign, a chart per sign and only the chosen notes for the chosen dates', async () => {
    await seed();
    const print = vi.fn();
    render(<SummaryPage search="?from=2026-01-01&to=2026-01-31&note=helpful" openDb={openDb} print={print} draw={noDrawing} />);

    expect(await screen.findByRole('heading', { level: 1, name: 'Debrief summary' })).toBeTruthy();
    const averages = within(screen.getByRole('region', { name: 'Averages' }));
    const row = (name: string) => averages.getByRole('rowheader', { name }).closest('tr')!.textContent;
    expect(row('Overall')).toMatch(/^Overall72 sessions8 on /);
    expect(row('Trust and rapport')).toMatch(/^Trust and rapport81 session8 on /);
    expect(row('Coping')).toBe('Coping—0 sessions——');
    // The direction beside each average.
    expect(row('Overall')).toMatch(/—$|Up$|Steady$/);

    expect(within(screen.getByRole('region', { name: 'Trends' })).getAllByRole('figure')).toHaveLength(7);
    const notes = within(screen.getByRole('region', { name: 'Notes' }));
    expect(notes.getByText('Naming the pattern')).toBeTruthy();
    expect(screen.queryByText('Private')).toBeNull();
    expect(screen.queryByText('Old news')).toBeNull();
    // Not among the chosen notes, but open: listed once, under what I want to bring up.
    expect(notes.queryByText('Ask about sleep')).toBeNull();
    const open = within(screen.getByRole('region', { name: 'What I want to bring up' }));
    expect(open.getByRole('listitem').textContent).toMatch(/^Ask about sleep \(noted 19 Jan 2026\)$|^Ask about sleep \(noted Jan 19, 2026\)$/);
    expect(within(screen.getByRole('region', { name: 'My active goals' })).getByText('No active goals.')).toBeTruthy();
    expect(document.title).toMatch(/^Debrief summary, .*2026.*2026/);

    fireEvent.click(screen.getByRole('button', { name: 'Print' }));
    expect(print).toHaveBeenCalledOnce();
  });

  it('lists my active goals with their progress, and leaves out what was already brought up', async () => {
    await seed();
    await db.put('goals', { id: 'g1', createdAt: '', createdMs: 1, updatedAt: '', deviceId: 'd', title: 'Sleep before midnight', status: 'active' });
    await db.put('goals', { id: 'g2', createdAt: '', createdMs: 2, updatedAt: '', deviceId: 'd', title: 'Old goal', status: 'archived' });
    await saveCheckIn(db, checkIn({ overall: 7, goalProgress: [{ goalId: 'g1', rating: 6, note: '' }] }), new Date(2026, 0, 26, 10));
    const [asked] = (await db.getAll('checkIns')).filter((c) => c.notes.nextTime === 'Ask about sleep');
    await db.put('checkIns', { ...asked!, nextTimeDone: true });
    render(<SummaryPage search="" openDb={openDb} print={() => {}} draw={noDrawing} />);
    const goals = within(await screen.findByRole('region', { name: 'My active goals' }));
    expect(goals.getAllByRole('listitem').map((li) => li.textContent)).toEqual([expect.stringMatching(/^Sleep before midnight · Rated in 1 session · latest 6\/10/)]);
    expect(within(screen.getByRole('region', { name: 'What I want to bring up' })).getByText('Nothing waiting to be brought up.')).toBeTruthy();
  });

  it('prints no notes at all unless some were chosen', async () => {
    await seed();
    render(<SummaryPage search="" openDb={openDb} print={() => {}} draw={noDrawing} />);
    await screen.findByRole('heading', { level: 1, name: 'Debrief summary' });
    expect(screen.queryByRole('region', { name: 'Notes' })).toBeNull();
    expect(screen.queryByText('Naming the pattern')).toBeNull();
    expect(screen.getByText(/3 check-ins$/)).toBeTruthy();
  });

  it('says what changed in the voice of the person who hands it over', async () => {
    await seed();
    render(<SummaryPage search="" openDb={openDb} print={() => {}} draw={noDrawing} />);
    const changed = await screen.findByRole('region', { name: 'What changed recently' });
    expect(changed.textContent).toMatch(/My overall rating has risen over my last three sessions/);
    expect(changed.textContent).not.toMatch(/\byour?\b/i);
  });
});

describe('summary choices in the options page', () => {
  it('sends the ticked notes and dates to the summary page in its URL', async () => {
    render(<SummaryView openDb={openDb} />);
    const form = screen.getByRole('form', { name: 'What to include' }) as HTMLFormElement;
    expect(form.getAttribute('action')).toBe('summary.html');
    expect(form.getAttribute('target')).toBe('_blank');
    for (const box of screen.getAllByRole('checkbox')) expect((box as HTMLInputElement).checked).toBe(false);

    fireEvent.input(screen.getByLabelText('From'), { target: { value: '2026-01-01' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'One thing to take with me' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'To bring up next time' }));

    const query = new URLSearchParams([...new FormData(form).entries()].map(([key, value]) => [key, String(value)]));
    expect(summaryChoiceFromQuery(query)).toEqual({ from: '2026-01-01', to: '', provider: '', notes: ['takeaway', 'nextTime'], sessions: 6 });
    expect(screen.getByRole('button', { name: 'Open printable summary' })).toBeTruthy();
  });
});
