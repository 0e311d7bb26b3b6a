/**
 * From the moment a call ends to the check-in window's first paint in Firefox, for the ways of
 * ending that Chromium's bench times against a target: Meet's Leave (site signal), the tab closed
 * and a hang-up (media only) at a doxy.me room.
 */
import { GRACE_MS } from '@/utils/session/machine';
import { firstPaintAt, readSession } from '../e2e/debrief-state';
import { closeWindows, dbPage, FirefoxCall, nextWindow, openWindows, setLocal } from '../e2e-firefox/debrief';
import { launchFirefox, type Firefox } from '../e2e-firefox/harness';
import { alternate, figureOf, median, wait, type Figure } from './stats';
import { DOXY_ROOM, HOLD_MS, MEET_ROOM } from './moments';


interface EndSample {
  ms: number;
  reason: string;
  /** From the end to the end Debrief stored for the session (what it saw, and when). */
  storedMs: number;
}

/** Holds a call at `url`, ends it with `hangUp` (which returns when the end began, epoch ms), times the check-in. */
async function timeEnd(firefox: Firefox, url: string, hangUp: (call: FirefoxCall) => Promise<number>): Promise<EndSample> {
  const before = await openWindows(firefox);
  const call = await FirefoxCall.open(firefox, url);
  try {
    await call.start();
    await wait(HOLD_MS);
    const endedAt = await hangUp(call);
    const checkIn = await nextWindow(firefox, before, GRACE_MS + 15_000);
    const paintedAt = await firstPaintAt(dbPage(checkIn.page));
    const session = await readSession(dbPage(checkIn.page), checkIn.id);
    return { ms: paintedAt - endedAt, reason: session?.endReason ?? 'unknown', storedMs: (session?.endedMs ?? Number.NaN) - endedAt };
  } finally {
    await call.page.close().catch(() => undefined);
    await closeWindows(firefox);
  }
}

/** What Debrief stored, and how much of the time it took to see the end (the rest opened and drew the window). */
const reasons = (list: EndSample[]) => {
  const counts = new Map<string, number>();
  for (const { reason } of list) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  const stored = median(list.map((sample) => sample.storedMs)).toFixed(0);
  return `end reasons stored: ${[...counts].map(([reason, count]) => `${reason} ×${count}`).join(', ')}; stored end ${stored} ms after`;
};

export async function benchFirefoxEnd(extensionDir: string, runs: number): Promise<Figure[]> {
  const firefox = await launchFirefox({ extensionDir });
  let samples: Record<'site' | 'closed' | 'hangUp', EndSample[]>;
  try {
    await setLocal(firefox, { minSessionMinutes: 0 });
    samples = await alternate(runs, {
      site: () => timeEnd(firefox, MEET_ROOM, (call) => call.leave()),
      closed: () =>
        timeEnd(firefox, DOXY_ROOM, async (call) => {
          const endedAt = Date.now();
          await call.page.close();
          return endedAt;
        }),
      hangUp: () => timeEnd(firefox, DOXY_ROOM, (call) => call.end()),
    });
  } finally {
    await firefox.close();
  }
  const area = 'Firefox call end → check-in painted';
  return [
    figureOf(area, 'site signal: Leave pressed, Meet post-call view', samples.site.map((s) => s.ms), {
      target: '≤ 1 s',
      max: 1000,
      note: `connections left up; ${reasons(samples.site)}`,
    }),
    figureOf(area, 'tab closed', samples.closed.map((s) => s.ms), { target: '≤ 1 s', max: 1000, note: reasons(samples.closed) }),
    figureOf(area, 'media only: hung up (connections closed)', samples.hangUp.map((s) => s.ms), {
      target: `≤ grace + 1 s = ${GRACE_MS / 1000 + 1} s`,
      max: GRACE_MS + 1000,
      note: reasons(samples.hangUp),
    }),
  ];
}
