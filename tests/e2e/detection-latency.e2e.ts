/**
 * How long from a call ending to the check-in window being in front of the person, over ten calls.
 * A printed figure (tests/bench/README.md), not a timing assertion.
 */
import { expect, it } from 'vitest';
import { doxyMe, doxyMeExamples } from '../../utils/sites/platforms/doxy-me';
import { CallPage, median, serveCallPages, wait } from './call-fixture';
import { CheckInWindows, firstPaintAt, setMinSessionMinutes } from './debrief-state';
import { closeExtension, launchExtension } from './harness';

const RUNS = 10;

interface Run {
  /** The check-in window exists (Playwright saw the page open). */
  opened: number;
  /** The check-in window's first contentful paint. */
  painted: number;
  /** The session's platform and duration are on screen. */
  detailsShown: number;
}

it(`call end → check-in visible, median of ${RUNS} calls`, { timeout: 180_000 }, async () => {
  const debrief = await launchExtension();
  try {
    await serveCallPages(debrief.context);
    await setMinSessionMinutes(debrief, 0);
    const checkIns = new CheckInWindows(debrief.context);
    const runs: Run[] = [];

    for (let run = 0; run < RUNS; run++) {
      const call = await CallPage.open(debrief.context, doxyMeExamples.testUrls.rooms[0] as string);
      await call.start();
      await wait(1000);
      const mark = checkIns.mark();
      const endedAt = await call.end();
      const window = await checkIns.next(mark);
      const painted = await firstPaintAt(window.page);
      await window.page.locator('.session-header').getByText(doxyMe.name, { exact: true }).waitFor();
      runs.push({ opened: window.seenAt - endedAt, painted: painted - endedAt, detailsShown: Date.now() - endedAt });
      await window.page.close();
      await call.page.close();
    }

    const row = (name: string, values: number[]) =>
      `${name.padEnd(36)} median ${String(Math.round(median(values))).padStart(5)} ms   min ${Math.round(Math.min(...values))}   max ${Math.round(Math.max(...values))}`;
    console.log(
      [
        `Call end (site hangs up) → check-in, ${RUNS} calls, Doxy.me fixture, ${new Date().toISOString()}`,
        row('window opened', runs.map((r) => r.opened)),
        row('window first paint (visible)', runs.map((r) => r.painted)),
        row('platform and duration on screen (polled)', runs.map((r) => r.detailsShown)),
      ].join('\n'),
    );
    expect(runs).toHaveLength(RUNS);
  } finally {
    await closeExtension(debrief);
  }
});
