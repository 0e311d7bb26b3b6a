/**
 * Check-ins for the bench, shaped exactly like utils/db/schema.ts `CheckIn` and valid for the
 * export format, from a seeded generator so every run measures the same data. Runs in Node
 * (seeding the options page) and in the browser (bundled into the sync bench page).
 */
import { emptyNotes, SIGN_IDS, type Rating, type Ratings } from '@/utils/checkin/instrument';
import { formatHlc } from '@/utils/db/hlc';
import type { CheckIn } from '@/utils/db/schema';
import { localIsoString } from '@/utils/db/time';
import { mulberry32, picker, randomRating } from '../seed/random';
import { checkInTimes, SESSION_MS, storedCheckIn } from '../seed/records';
import type { DebriefExport } from '@/utils/sync/format';

/**
 * The first check-in's session, then one an hour: dense, but 20,000 of them (a bench file's local
 * and new entries) still end in 2025, so none is dated in the future for the import's clock check.
 */
const FIRST_MS = Date.UTC(2023, 0, 2, 15, 0, 0);
const STEP_MS = 3600_000;

const HELPFUL = [
  'Naming the pattern with my manager',
  'We slowed down when I felt frozen at work',
  'The breathing exercise before the hard part',
  'Talking about the puzzle of my sleep',
  'Being asked what I actually wanted',
  'Noticing I dozed through my own feelings',
  'Writing the letter I will not send',
  'Seeing the week as less hazy than I thought',
  'Practising saying no out loud',
  'Remembering what helped last spring',
];
const TAKEAWAY = ['Walk after lunch', 'Call my sister', 'Notice the first thought', 'One kind sentence a day', 'Bed by eleven'];
const TAGS = ['work', 'family', 'sleep', 'anxiety', 'grief', 'relationships'];
const PROVIDERS = ['Dr. Okafor', 'Sam Rivera', 'Dr. Lindqvist'];
const PLATFORMS = ['doxy-me', 'google-meet', 'zoom', 'simplepractice', null];

/** `count` check-ins of one device, oldest first, ids `<deviceId>-<n>` counted from `from`. */
export function makeCheckIns(count: number, deviceId = 'bench-a', from = 0): CheckIn[] {
  const next = mulberry32(from * 7919 + deviceId.length);
  const pick = picker(next);
  const rating = (): Rating => randomRating(next, 0.1);
  return Array.from({ length: count }, (_, offset) => {
    const n = from + offset;
    const startedMs = FIRST_MS + n * STEP_MS;
    const platform = pick(PLATFORMS);
    const ratings = Object.fromEntries(SIGN_IDS.map((id) => [id, rating()])) as Ratings;
    return storedCheckIn(`${deviceId}-${n}`, checkInTimes(startedMs, 5, deviceId), platform, {
      ratings,
      overall: rating(),
      notes: { ...emptyNotes(), helpful: pick(HELPFUL), takeaway: next() < 0.6 ? pick(TAKEAWAY) : '' },
      goalProgress: [],
      tags: next() < 0.5 ? [pick(TAGS)] : [],
      provider: pick(PROVIDERS),
    });
  });
}

/**
 * What another device would export after syncing `local` earlier: half of `local` edited there
 * later (newer stamps, so each merge keeps the older version in history), and as many new entries.
 */
export function makeIncomingExport(local: readonly CheckIn[], deviceId = 'bench-b'): DebriefExport {
  const editedAt = FIRST_MS + (local.length + 1) * STEP_MS;
  const edited = local.slice(0, Math.ceil(local.length / 2)).map((checkIn, index) => ({
    ...checkIn,
    updatedAt: formatHlc({ wall: editedAt + index, counter: 0, deviceId }),
    deviceId,
    notes: { ...checkIn.notes, unhelpful: 'Added later on my other laptop' },
  }));
  const added = makeCheckIns(local.length - edited.length, deviceId, local.length);
  return {
    format: 'debrief',
    version: 2,
    exportedAt: localIsoString(new Date(editedAt + local.length)),
    deviceId,
    checkIns: [...edited, ...added],
    sessions: [],
    goals: [],
    tombstones: [],
    rooms: [],
  };
}

/**
 * A file of `count` new check-ins whose sessions fall in `months` months from January 2014 (1: all in that month),
 * as another device would export them: what the trends' monthly bookkeeping takes in on import.
 */
export function makeMonthsExport(count: number, months: number, deviceId = 'bench-m'): DebriefExport {
  const first = Date.UTC(2014, 0, 1, 0, 0, 0);
  const span = Date.UTC(2014, months, 1) - first;
  const checkIns = makeCheckIns(count, deviceId).map((checkIn, n) => {
    const startedMs = first + Math.floor((n * span) / count);
    const { createdMs } = checkInTimes(startedMs, 5, deviceId);
    return {
      ...checkIn,
      createdAt: localIsoString(new Date(createdMs)),
      createdMs,
      updatedAt: formatHlc({ wall: createdMs, counter: 0, deviceId }),
      sessionStartedAt: localIsoString(new Date(startedMs)),
      sessionEndedAt: localIsoString(new Date(startedMs + SESSION_MS)),
    };
  });
  return { format: 'debrief', version: 2, exportedAt: localIsoString(new Date(first + span)), deviceId, checkIns, sessions: [], goals: [], tombstones: [], rooms: [] };
}
