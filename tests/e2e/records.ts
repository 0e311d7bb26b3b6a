/**
 * Records shaped exactly like utils/db/schema.ts, written straight into Debrief's IndexedDB
 * through one of its own pages: a few weeks of check-ins and sessions for the accessibility,
 * privacy and store-screenshot tests.
 */
import type { Ratings } from '../../utils/checkin/instrument';
import type { CheckIn, Goal, Session } from '../../utils/db/schema';
import { checkInTimes, storedCheckIn, storedGoal, storedPendingSession } from '../seed/records';
import { openExtensionPage, type Debrief } from './harness';
import { writeRecords, type Records } from './page-db';

const DEVICE = 'e2e-device';
const DAY = 86_400_000;

const HELPFUL = [
  'Naming the pattern behind my Sunday dread',
  'Practising saying no out loud',
  'Noticing I hold my breath before meetings',
  'Writing the letter I will not send',
  'Remembering what helped last spring',
  'Slowing down when I felt frozen at work',
];
const TAKEAWAY = ['Walk after lunch', 'One kind sentence a day', 'Notice the first thought', 'Bed by eleven'];
const NEXT_TIME = ['The argument with my sister', 'Sleep, again', '', 'How the new job feels'];
const TAGS = [['work'], ['family'], ['sleep'], ['work', 'anxiety'], [], ['relationships']];
const PLATFORMS = ['doxy-me', 'zoom', 'google-meet', null] as const;

/** A gentle upward trend with some noise, 0–10. */
function score(n: number, offset: number): number {
  return Math.max(0, Math.min(10, Math.round(4 + n * 0.4 + (((n * 7 + offset * 3) % 5) - 2))));
}

/** `count` weekly check-ins ending a day ago, oldest first, with notes, tags and a therapist. */
export function makeCheckIns(count: number, now = Date.now()): CheckIn[] {
  return Array.from({ length: count }, (_, n) => {
    const startedMs = now - DAY - (count - 1 - n) * 7 * DAY;
    const platform = PLATFORMS[n % PLATFORMS.length]!;
    const ratings: Ratings = {
      relief: score(n, 1),
      insight: score(n, 2),
      trust: score(n, 3),
      goals: n % 4 === 3 ? null : score(n, 4),
      resilience: score(n, 5),
      integration: score(n, 6),
    };
    return storedCheckIn(`e2e-check-in-${n}`, checkInTimes(startedMs, 3, DEVICE), platform, {
      ratings,
      overall: score(n, 0),
      notes: { helpful: HELPFUL[n % HELPFUL.length]!, unhelpful: '', takeaway: TAKEAWAY[n % TAKEAWAY.length]!, nextTime: NEXT_TIME[n % NEXT_TIME.length]! },
      goalProgress: [],
      tags: TAGS[n % TAGS.length]!,
      provider: n % 3 === 2 ? 'Sam Rivera' : 'Dr. Okafor',
    });
  });
}

/** A call that ended `endedAgoMs` ago and is waiting for its check-in. */
export function makePendingSession(id: string, platform = 'doxy-me', host = 'doxy.me', endedAgoMs = 5 * 60_000, now = Date.now()): Session {
  return storedPendingSession(id, { endedMs: now - endedAgoMs, deviceId: DEVICE }, platform, host);
}

export function makeGoal(id: string, title: string, now = Date.now()): Goal {
  return storedGoal(id, title, { createdMs: now - 30 * DAY, deviceId: DEVICE });
}

/**
 * Writes records into Debrief's database. Opens the popup first so Debrief itself has created
 * (and upgraded) the database; the records go in one transaction (`writeRecords`).
 */
export async function seedRecords(debrief: Debrief, seed: Records): Promise<void> {
  const page = await openExtensionPage(debrief, 'popup.html');
  // The stored count (in whatever language the browser speaks) means Debrief has opened its database.
  await page.getByRole('status').filter({ hasText: /\d/ }).first().waitFor();
  await writeRecords(page, seed);
  await page.close();
}
