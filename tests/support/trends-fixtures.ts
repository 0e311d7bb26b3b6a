import { emptyNotes, emptyRatings, type Ratings } from '@/utils/checkin/instrument';
import type { CheckIn } from '@/utils/db/schema';

let counter = 0;

/** A saved check-in for a session on `day` (local noon), with the given answers. */
export function checkInOn(day: string, answers: Partial<Omit<CheckIn, 'ratings'>> & { ratings?: Partial<Ratings> } = {}): CheckIn {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const when = new Date(y, m - 1, d, 12);
  counter += 1;
  const { ratings, ...rest } = answers;
  return {
    id: `check-in-${counter}`,
    createdAt: when.toISOString(),
    createdMs: when.getTime(),
    updatedAt: `${String(when.getTime()).padStart(15, '0')}-000000-test`,
    deviceId: 'test',
    sessionId: null,
    platform: null,
    sessionStartedAt: null,
    sessionEndedAt: null,
    overall: null,
    notes: emptyNotes(),
    goalProgress: [],
    tags: [],
    provider: '',
    reflection: null,
    nextTimeDone: false,
    history: [],
    ...rest,
    ratings: { ...emptyRatings(), ...ratings },
  };
}

/** Check-ins a week apart starting on `firstDay`, one per overall rating given. */
export function weeklyOverall(firstDay: string, overall: (number | null)[], extra: Partial<CheckIn> = {}): CheckIn[] {
  const [y, m, d] = firstDay.split('-').map(Number) as [number, number, number];
  return overall.map((value, i) => {
    const day = new Date(y, m - 1, d + 7 * i);
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    return checkInOn(iso, { ...extra, overall: value });
  });
}
