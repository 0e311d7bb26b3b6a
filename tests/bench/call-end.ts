/**
 * From the moment a call ends to the check-in window's first paint, for the ways Debrief learns of
 * an end: the site's own post-call view (Meet's "You left the meeting", after the Leave button,
 * and alone, which only the backstop poll sees), the tab closed,
 * and the media alone: a hang-up that closes the connections (reported at once by the probe) or
 * the other side vanishing, which leaves the connection to drop and waits out the grace period.
 */
import { CallPage, type CallLog } from '../e2e/call-fixture';
import { CheckInWindows, firstPaintAt, readSession, setMinSessionMinutes } from '../e2e/debrief-state';
import { openExtensionPage } from '../e2e/harness';
import { FOLLOW_UP_MS, POLL_MS } from '@/utils/session/hint-schedule';
import { GRACE_MS } from '@/utils/session/machine';
import type { BenchBrowser } from './browser';
import { alternate, figureOf, median, wait, type Figure } from './stats';
import { DOXY_ROOM, HOLD_MS, MEET_ROOM } from './moments';


type CallWindow = Window & { call: { therapistVanishes(): void; log: CallLog } };

interface EndSample {
  ms: number;
  reason: string;
  sessionId: string;
}

export async function benchCallEnd(bench: BenchBrowser, runs: number): Promise<{ figures: Figure[]; sessionIds: string[] }> {
  const { debrief } = bench;
  await setMinSessionMinutes(debrief, 0);
  const windows = new CheckInWindows(debrief.context);
  const reader = await openExtensionPage(debrief, 'popup.html');

  /** Holds a call at `url`, ends it with `hangUp` (which returns when the end began, epoch ms), times the check-in. */
  const timeEnd = async (url: string, hangUp: (call: CallPage) => Promise<number>): Promise<EndSample> => {
    const call = await CallPage.open(debrief.context, url);
    try {
      await call.start();
      await wait(HOLD_MS);
      const mark = windows.mark();
      const endedAt = await hangUp(call);
      // Past the grace period or the backstop poll, whichever is longer, with room to spare.
      const checkIn = await windows.next(mark, Math.max(GRACE_MS, POLL_MS) + 15_000);
      const paintedAt = await firstPaintAt(checkIn.page);
      const session = await readSession(reader, checkIn.sessionId);
      return { ms: paintedAt - endedAt, reason: session?.endReason ?? 'unknown', sessionId: checkIn.sessionId };
    } finally {
      await call.page.close().catch(() => undefined);
      await windows.closeAll();
    }
  };

  /** How long the browser took to notice the other side had gone, per run. */
  const noticed: number[] = [];
  const samples = await alternate(runs, {
    site: () => timeEnd(MEET_ROOM, (call) => call.leave()),
    backstop: () =>
      timeEnd(MEET_ROOM, async (call) => {
        // Past the checks that follow the call's own media changes (its second connection connecting).
        await wait(Math.max(...FOLLOW_UP_MS) + 500);
        return call.page.evaluate(() => {
          // Meet's post-call view appearing with no click and no change in the media: only the poll sees it.
          document.getElementById('title')!.textContent = 'You left the meeting';
          return Date.now();
        });
      }),
    closed: () =>
      timeEnd(DOXY_ROOM, async (call) => {
        const endedAt = Date.now();
        await call.page.close();
        return endedAt;
      }),
    hangUp: () => timeEnd(DOXY_ROOM, (call) => call.end()),
    lost: () =>
      timeEnd(DOXY_ROOM, async (call) => {
        // The end the media side can see is my connection dropping; the browser takes seconds to notice.
        const { vanishedAt, droppedAt } = await call.page.evaluate(
          () =>
            new Promise<{ vanishedAt: number; droppedAt: number }>((resolve) => {
              const { call } = window as unknown as CallWindow;
              const vanishedAt = Date.now();
              call.therapistVanishes();
              const timer = setInterval(() => {
                const drop = call.log.states.find((entry) => entry.who === 'me' && entry.at >= vanishedAt && entry.state !== 'connected');
                if (!drop) return;
                clearInterval(timer);
                resolve({ vanishedAt, droppedAt: drop.at });
              }, 20);
            }),
        );
        noticed.push(droppedAt - vanishedAt);
        return droppedAt;
      }),
  });
  await reader.close();

  const reasons = (list: EndSample[]) => {
    const counts = new Map<string, number>();
    for (const { reason } of list) counts.set(reason, (counts.get(reason) ?? 0) + 1);
    return `end reasons stored: ${[...counts].map(([reason, count]) => `${reason} ×${count}`).join(', ')}`;
  };
  const area = 'call end → check-in painted';
  const grace = GRACE_MS / 1000;
  const figures = [
    figureOf(area, 'site signal: Leave pressed, Meet post-call view', samples.site.map((s) => s.ms), {
      target: '≤ 1 s',
      max: 1000,
      note: `connections left up; ${reasons(samples.site)}`,
    }),
    figureOf(area, 'site signal alone: the view, no click, no media change', samples.backstop.map((s) => s.ms), {
      note: `the ${POLL_MS / 1000}-s backstop poll; ${reasons(samples.backstop)}`,
    }),
    figureOf(area, 'tab closed', samples.closed.map((s) => s.ms), { target: '≤ 1 s', max: 1000, note: reasons(samples.closed) }),
    figureOf(area, 'media only: hung up (connections closed)', samples.hangUp.map((s) => s.ms), {
      target: `≤ grace + 1 s = ${grace + 1} s`,
      max: GRACE_MS + 1000,
      note: reasons(samples.hangUp),
    }),
    figureOf(area, 'media only: connection lost (from its drop)', samples.lost.map((s) => s.ms), {
      target: `≤ grace + 1 s = ${grace + 1} s`,
      max: GRACE_MS + 1000,
      note: `${reasons(samples.lost)}; Chromium saw the drop ${(median(noticed) / 1000).toFixed(1)} s after the other side left`,
    }),
  ];
  const sessionIds = [...samples.site, ...samples.backstop, ...samples.closed, ...samples.hangUp, ...samples.lost].map((s) => s.sessionId);
  return { figures, sessionIds };
}
