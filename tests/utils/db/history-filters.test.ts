import { describe, expect, it } from 'vitest';
import {
  EMPTY_FILTER,
  filterCheckIns,
  historyFacets,
  isDateRangeReversed,
  isFiltered,
  MANUAL_PLATFORM,
  type HistoryFilter,
} from '@/utils/checkin/filters';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import type { CheckIn } from '@/utils/db/schema';
import { localIsoString } from '@/utils/db/time';

/** A saved check-in; dates are local, so the table holds in any time zone. */
function checkIn(id: string, at: Date, overrides: Partial<CheckIn> = {}): CheckIn {
  return {
    id,
    createdAt: localIsoString(at),
    createdMs: at.getTime(),
    updatedAt: `${at.getTime()}-0000-device`,
    deviceId: 'device',
    sessionId: null,
    platform: null,
    sessionStartedAt: null,
    sessionEndedAt: null,
    ratings: emptyRatings(),
    overall: 6,
    notes: emptyNotes(),
    goalProgress: [],
    tags: [],
    provider: '',
    reflection: null,
    nextTimeDone: false,
    history: [],
    ...overrides,
  };
}

const day = (month: number, date: number, hour = 10, minute = 0) => new Date(2026, month - 1, date, hour, minute);

// Newest first, as the history holds them.
const HISTORY: CheckIn[] = [
  checkIn('late-night', day(3, 20, 23, 30), {
    platform: 'doxy-me',
    provider: 'Dr. Amara Lee',
    notes: { ...emptyNotes(), helpful: 'Naming the pattern behind my Sunday dread' },
    tags: ['Work', 'sleep'],
  }),
  checkIn('goal-only', day(3, 12), {
    platform: 'zoom',
    provider: 'dr. amara lee ',
    goalProgress: [
      { goalId: 'goal-boundaries', rating: 7, note: 'Said no to my manager' },
      { goalId: 'goal-untouched', rating: null, note: '' },
    ],
  }),
  checkIn('accented', day(3, 5), {
    notes: { ...emptyNotes(), takeaway: 'Call the café owner about the shift' },
    tags: ['homework'],
  }),
  // Written a day after the session it is about: the session date is the one that counts.
  checkIn('late-written', day(3, 2, 9), {
    platform: 'doxy-me',
    sessionStartedAt: localIsoString(day(2, 28, 17)),
    sessionEndedAt: localIsoString(day(2, 28, 18)),
    provider: 'Sam Ortiz',
    notes: { ...emptyNotes(), unhelpful: 'Felt rushed at the end', nextTime: 'Ask about EMDR' },
  }),
  checkIn('reflected', day(2, 10), {
    reflection: { answeredAt: localIsoString(day(2, 11)), used: 8, text: 'Tried the breathing exercise twice' },
    tags: ['Family'],
  }),
];

const ids = (checkIns: CheckIn[]) => checkIns.map((c) => c.id);
const where = (filter: Partial<HistoryFilter>): HistoryFilter => ({ ...EMPTY_FILTER, ...filter });

describe('filterCheckIns', () => {
  it.each<[string, Partial<HistoryFilter>, string[]]>([
    ['no filter keeps everything, newest first', {}, ['late-night', 'goal-only', 'accented', 'late-written', 'reflected']],
    ['search ignores case', { query: 'SUNDAY' }, ['late-night']],
    ['search ignores accents', { query: 'cafe' }, ['accented']],
    ['search finds "anything unhelpful"', { query: 'rushed' }, ['late-written']],
    ['search finds "to bring up next time"', { query: 'emdr' }, ['late-written']],
    ['search finds goal notes', { query: 'manager' }, ['goal-only']],
    ['search finds tags', { query: 'sleep' }, ['late-night']],
    ['search finds the therapist', { query: 'ortiz' }, ['late-written']],
    ['search finds reflections', { query: 'breathing' }, ['reflected']],
    ['every word must appear, in any field and order', { query: 'dread  lee' }, ['late-night']],
    ['a word that appears nowhere finds nothing', { query: 'dread holiday' }, []],
    ['blank search is no search', { query: '   ' }, ['late-night', 'goal-only', 'accented', 'late-written', 'reflected']],
    ['platform: Manual means no detected session', { platform: MANUAL_PLATFORM }, ['accented', 'reflected']],
    ['platform: one site', { platform: 'doxy-me' }, ['late-night', 'late-written']],
    ['therapist ignores case and stray spaces', { provider: 'Dr. Amara Lee' }, ['late-night', 'goal-only']],
    ['tag matches whole tags, ignoring case', { tag: 'work' }, ['late-night']],
    ['goal needs a rating or a note on it', { goalId: 'goal-boundaries' }, ['goal-only']],
    ['an untouched goal entry does not count', { goalId: 'goal-untouched' }, []],
    ['From is inclusive', { from: '2026-03-12' }, ['late-night', 'goal-only']],
    ['To includes the whole day', { to: '2026-03-05' }, ['accented', 'late-written', 'reflected']],
    ['To on the last evening keeps 23:30', { from: '2026-03-20', to: '2026-03-20' }, ['late-night']],
    ['dates use the session, not when it was written', { from: '2026-02-28', to: '2026-02-28' }, ['late-written']],
    ['a day with nothing on it', { from: '2026-03-01', to: '2026-03-01' }, []],
    ['From after To matches nothing', { from: '2026-03-20', to: '2026-03-01' }, []],
    ['a half-typed date is ignored', { from: '2026-03' }, ['late-night', 'goal-only', 'accented', 'late-written', 'reflected']],
    ['filters combine', { platform: 'doxy-me', provider: 'sam ortiz', query: 'rushed', to: '2026-03-31' }, ['late-written']],
    ['filters combine to nothing', { platform: MANUAL_PLATFORM, query: 'sunday' }, []],
  ])('%s', (_name, filter, expected) => {
    expect(ids(filterCheckIns(HISTORY, where(filter)))).toEqual(expected);
  });

  it('does not match words split across two fields', () => {
    // "sleep" is the last tag and "Dr. Amara Lee" the therapist: they must not run together.
    expect(ids(filterCheckIns(HISTORY, where({ query: 'sleepdr' })))).toEqual([]);
  });

  it('stays fast and correct across ten thousand check-ins', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      checkIn(`c${i}`, new Date(2020, 0, 1 + i), { notes: { ...emptyNotes(), helpful: i % 1000 === 0 ? 'a breakthrough' : 'fine' } }),
    );
    expect(filterCheckIns(many, where({ query: 'Breakthrough' }))).toHaveLength(10);
  });
});

describe('isFiltered and isDateRangeReversed', () => {
  it.each<[Partial<HistoryFilter>, boolean, boolean]>([
    [{}, false, false],
    [{ query: ' ' }, false, false],
    [{ tag: 'work' }, true, false],
    [{ from: '2026-03-02', to: '2026-03-01' }, true, true],
    [{ from: '2026-03-01', to: '2026-03-01' }, true, false],
    [{ from: '2026-03-02' }, true, false],
  ])('%o → filtered %s, reversed %s', (filter, filtered, reversed) => {
    expect(isFiltered(where(filter))).toBe(filtered);
    expect(isDateRangeReversed(where(filter))).toBe(reversed);
  });
});

describe('historyFacets', () => {
  it('offers each platform, therapist, tag and goal that occurs, once each', () => {
    expect(historyFacets(HISTORY)).toEqual({
      platforms: ['doxy-me', MANUAL_PLATFORM, 'zoom'],
      // "dr. amara lee " is the same person, spelled as on the newest check-in.
      providers: ['Dr. Amara Lee', 'Sam Ortiz'],
      tags: ['Family', 'homework', 'sleep', 'Work'],
      goalIds: ['goal-boundaries'],
    });
  });

  it('is empty for an empty history', () => {
    expect(historyFacets([])).toEqual({ platforms: [], providers: [], tags: [], goalIds: [] });
  });
});
