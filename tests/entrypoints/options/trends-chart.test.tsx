import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOTS_UP_TO, TrendChart } from '@/components/TrendChart';
import type { DrawPlot, PlotSpec } from '@/components/TrendUPlot';
import { preloadTrends, TrendsView } from '@/entrypoints/options/views/Trends';
import { emptyRatings, SIGNS } from '@/utils/checkin/instrument';
import { METRICS, type TrendPoint } from '@/utils/checkin/trends';
import { saveCheckIn } from '@/utils/db/checkins';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import { newCheckIn } from '../../support/db-fixture';

/**
 * happy-dom has no canvas, so these tests check what a person who cannot see the chart
 * gets (its name, description, table and legend) and what is handed to the drawing,
 * never that pixels were drawn: the real-browser tests own that.
 */
function recordingDraw() {
  const calls: { target: HTMLElement; spec: PlotSpec }[] = [];
  const draw: DrawPlot = (target, spec) => {
    calls.push({ target, spec });
    return () => {};
  };
  return { calls, draw };
}

const trust = METRICS.find((m) => m.id === 'trust')!;
const day = (d: number) => new Date(2026, 2, d, 12).getTime();
const POINTS: TrendPoint[] = [
  { ms: day(3), value: 4, average: 4 },
  { ms: day(10), value: 6, average: 5 },
  { ms: day(17), value: 8, average: 6 },
];

afterEach(cleanup);

describe('TrendChart text alternative', () => {
  it('names the chart after its sign and describes the latest value and averages in words', () => {
    const { calls, draw } = recordingDraw();
    render(<TrendChart metric={trust} points={POINTS} window={4} draw={draw} locale="en-GB" />);

    expect(screen.getByRole('figure', { name: 'Trust and rapport' })).toBeTruthy();
    const image = screen.getByRole('img');
    expect(image.getAttribute('aria-label')).toBe(
      'Trust and rapport: 3 sessions from 3 Mar 2026 to 17 Mar 2026. Latest 8 out of 10; ' +
        'average of the last 4 sessions 6; average over the period 6.',
    );
    expect(screen.getByText(/^Latest/).textContent).toBe('Latest 8/10 on 17 Mar 2026 · average 6 over 3 sessions');
    expect(screen.getByText('Each session')).toBeTruthy();
    expect(screen.getByText('Average of last 4 sessions')).toBeTruthy();

    const table = screen.getByRole('table', { name: 'Trust and rapport, 3 most recent sessions' });
    const rows = within(table)
      .getAllByRole('row')
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['Date', 'Rating', 'Average of last 4'],
      ['17 Mar 2026', '8', '6'],
      ['10 Mar 2026', '6', '5'],
      ['3 Mar 2026', '4', '4'],
    ]);

    expect(calls).toHaveLength(1);
    expect(calls[0]!.target).toBe(image);
    const [each, average] = calls[0]!.spec.lines;
    expect(each).toMatchObject({ values: [4, 6, 8], width: 0, points: true });
    expect(average).toMatchObject({ values: [4, 5, 6], dash: trust.dash, color: trust.chartColor });
  });

  it.each([
    { sessions: 40, dots: true },
    { sessions: DOTS_UP_TO + 1, dots: false },
  ])('keeps the table to 12 rows with $sessions sessions (dots for each session: $dots)', ({ sessions, dots }) => {
    const { calls, draw } = recordingDraw();
    const many = Array.from({ length: sessions }, (_, i) => ({ ms: day(1) + i * 86_400_000, value: i % 11, average: 5 }));
    render(<TrendChart metric={trust} points={many} window={4} draw={draw} locale="en-GB" tableRows={12} />);
    expect(within(screen.getByRole('table')).getAllByRole('row')).toHaveLength(13);
    expect(screen.getByRole('img').getAttribute('aria-label')).toMatch(new RegExp(`^Trust and rapport: ${sessions} sessions from`));
    // Past a few months of daily sessions the dots would smear: each session becomes a faint line.
    expect(calls[0]!.spec.lines[0]).toMatchObject({ points: dots, width: dots ? 0 : 1, values: many.map((p) => p.value) });
  });

  it('says so instead of drawing when the sign was never rated', () => {
    const { calls, draw } = recordingDraw();
    render(<TrendChart metric={trust} points={[]} window={4} draw={draw} />);
    expect(screen.getByText('Not rated in this period.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect(calls).toEqual([]);
  });
});

describe('Trends view', () => {
  const NAME = 'debrief-trends-view-test';
  let db: DebriefDb;
  beforeEach(async () => {
    location.hash = '#/trends';
    db = await openDebriefDb(NAME);
  });
  afterEach(async () => {
    db.close();
    await deleteDB(NAME);
  });

  async function seed() {
    const overall = [3, 4, 5, 6, 7, 8];
    for (const [i, value] of overall.entries()) {
      await saveCheckIn(
        db,
        newCheckIn({ ratings: { ...emptyRatings(), trust: 7 }, overall: value, provider: i < 2 ? 'Sam Ortiz' : 'Dr Lee' }),
        new Date(2026, 1, 2 + 7 * i, 10),
      );
    }
  }

  it('puts the plain-language summary above a chart for every sign and the overall rating', async () => {
    await seed();
    const { draw } = recordingDraw();
    render(<TrendsView openDb={() => Promise.resolve(db)} now={() => new Date(2026, 2, 20)} draw={draw} />);
    expect(await screen.findByText('Your overall rating has risen over your last six sessions, by 5 points.')).toBeTruthy();
    const charts = screen.getAllByRole('figure').map((figure) => figure.querySelector('h3')?.textContent);
    expect(charts).toEqual(['Overall', ...SIGNS.map((sign) => sign.name)]);
    expect(screen.getAllByRole('img')).toHaveLength(2); // only overall and trust were rated
  });

  it('narrows to one provider and keeps the choice in the address', async () => {
    await seed();
    render(<TrendsView openDb={() => Promise.resolve(db)} now={() => new Date(2026, 2, 20)} draw={recordingDraw().draw} />);
    await screen.findByText('6 check-ins in these charts.');
    fireEvent.change(screen.getByRole('combobox', { name: 'Therapist' }), { target: { value: 'Sam Ortiz' } });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2 check-ins in these charts.'));
    expect(location.hash).toBe('#/trends?provider=Sam+Ortiz');
    expect(screen.getByRole('img', { name: /^Overall: 2 sessions/ })).toBeTruthy();
    expect(screen.getByText(/^Not enough check-ins yet/)).toBeTruthy();
  });

  it('shows what the page read as it opened on the trends, and reads afresh when the view is opened again', async () => {
    await seed();
    preloadTrends(() => Promise.resolve(db));
    // The view's own read never answers: what it shows came from the page's opening read.
    const first = render(<TrendsView openDb={() => new Promise(() => {})} now={() => new Date(2026, 2, 20)} draw={recordingDraw().draw} />);
    await screen.findByText('6 check-ins in these charts.');
    first.unmount();
    await saveCheckIn(db, newCheckIn({ ratings: emptyRatings(), overall: 9, provider: 'Dr Lee' }), new Date(2026, 2, 1, 10));
    render(<TrendsView openDb={() => Promise.resolve(db)} now={() => new Date(2026, 2, 20)} draw={recordingDraw().draw} />);
    expect(await screen.findByText('7 check-ins in these charts.')).toBeTruthy();
  });

  it('reads again, with no error shown, when the read made as the page opened failed (Debrief was locked then)', async () => {
    await seed();
    preloadTrends(() => Promise.reject(new Error('Debrief is locked.')));
    render(<TrendsView openDb={() => Promise.resolve(db)} now={() => new Date(2026, 2, 20)} draw={recordingDraw().draw} />);
    expect(await screen.findByText('6 check-ins in these charts.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
