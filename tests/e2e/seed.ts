/**
 * Seeding for the history, trends and reflection tests: check-ins shaped exactly like
 * utils/db/schema.ts `CheckIn` (valid HLC `updatedAt`), written straight into the
 * extension's IndexedDB from one of its pages in a single transaction, so 10,000 take
 * a second instead of 10,000 trips through the form.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { emptyNotes, SIGN_IDS, type Notes, type Rating, type Ratings } from '../../utils/checkin/instrument';
import type { CheckIn, GoalProgress } from '../../utils/db/schema';
import { xorshift32, picker, randomRating } from '../seed/random';
import { checkInTimes, storedCheckIn } from '../seed/records';
import { writeRecords } from './page-db';
import { ARTIFACTS_DIR } from './paths';

/** Screenshots the run keeps (gitignored with the rest of artifacts/). */
export const SCREENSHOTS_DIR = join(ARTIFACTS_DIR, 'screenshots');

/** Saves a screenshot (whole page unless `fullPage: false`) as tests/e2e/artifacts/screenshots/<name>.png; returns its path. */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const path = join(SCREENSHOTS_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage });
  return path;
}

/** A seeded check-in's device: as if the records came from another of the person's devices. */
export const SEED_DEVICE = 'seed-device-0001';

const HOUR = 3_600_000;

const HELPFUL = [
  'Naming the pattern with my manager',
  'Slowing down when I froze talking about work',
  'The breathing exercise before the hard part',
  'Being asked what I actually wanted',
  'Writing the letter to my sister I will not send',
  'Remembering what helped last spring',
  'Practising saying no out loud',
  'Seeing the week as calmer than I thought',
];
const UNHELPFUL = ['', '', '', 'Ran out of time at the end', 'The connection kept dropping', 'Felt rushed into homework'];
const TAKEAWAY = ['', 'Walk after lunch', 'Call my sister on Sunday', 'Notice the first thought', 'Bed by eleven'];
const NEXT_TIME = ['', '', 'The argument with my brother', 'Sleep again', 'What happened at the reunion'];
const TAGS = ['work', 'family', 'sleep', 'anxiety', 'grief'];
const PROVIDERS = ['Dr. Okafor', 'Sam Rivera', 'Dr. Lindqvist', ''];
const PLATFORMS = ['doxy-me', 'zoom', 'google-meet', 'teams', 'simplepractice', null] as const;

export interface SeedOptions {
  /** The newest session's start, epoch ms; the rest go back from it. */
  newestMs?: number;
  /** Time between sessions. */
  stepMs?: number;
  seed?: number;
  /** Ratings of the check-in `age` steps before the newest (0 = newest); random when omitted. */
  ratings?: (age: number) => { ratings: Ratings; overall: Rating };
  /** Extra words written into one check-in's "Most helpful moment": age → text. */
  notesAt?: ReadonlyMap<number, string>;
  goalProgress?: (age: number) => GoalProgress[];
}

/**
 * `count` check-ins, newest first, one every `stepMs` back from `newestMs`, on varied
 * platforms (and manual), with varied therapists, tags and notes. Ids are `seed-<age>`.
 */
export function makeCheckIns(count: number, options: SeedOptions = {}): CheckIn[] {
  const { newestMs = Date.now() - 2 * HOUR, stepMs = 6 * HOUR, seed = 20_240_611 } = options;
  const next = xorshift32(seed);
  const pick = picker(next);
  const rating = (): Rating => randomRating(next, 0.08);
  return Array.from({ length: count }, (_, age) => {
    const startedMs = newestMs - age * stepMs;
    const platform = pick(PLATFORMS);
    const given = options.ratings?.(age);
    const ratings = given?.ratings ?? (Object.fromEntries(SIGN_IDS.map((id) => [id, rating()])) as Ratings);
    const extra = options.notesAt?.get(age);
    const notes: Notes = {
      ...emptyNotes(),
      helpful: extra ? `${pick(HELPFUL)}; ${extra}` : pick(HELPFUL),
      unhelpful: pick(UNHELPFUL),
      takeaway: pick(TAKEAWAY),
      nextTime: pick(NEXT_TIME),
    };
    return storedCheckIn(`seed-${age}`, checkInTimes(startedMs, 3, SEED_DEVICE), platform, {
      ratings,
      overall: given ? given.overall : rating(),
      notes,
      goalProgress: options.goalProgress?.(age) ?? [],
      tags: next() < 0.4 ? [pick(TAGS)] : [],
      provider: pick(PROVIDERS),
    });
  });
}

/** Every word a person wrote on a check-in, lower-cased: what the history search looks through. */
export function writtenText(checkIn: CheckIn): string {
  return [
    ...Object.values(checkIn.notes),
    ...checkIn.goalProgress.map((p) => p.note),
    ...checkIn.tags,
    checkIn.provider,
    checkIn.reflection?.text ?? '',
  ]
    .join('\n')
    .toLowerCase();
}

/**
 * Writes check-ins into the extension's database from one of its pages, in one
 * transaction, and moves the database clock past them as an import would. The page
 * must be an extension page; the database must already exist (the extension creates it).
 */
export async function writeCheckIns(page: Page, checkIns: readonly CheckIn[]): Promise<void> {
  await page.waitForFunction(async () => (await indexedDB.databases()).some((db) => db.name === 'debrief' && db.version! >= 1));
  await writeRecords(page, { checkIns });
}

