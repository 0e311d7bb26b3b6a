import type { CheckIn } from '../db/schema';
import { NOTE_IDS } from './instrument';
import { checkInTime } from './trend-entry';

/** The platform filter's value for check-ins made by hand (no detected session). */
export const MANUAL_PLATFORM = 'manual';

/** What the history is narrowed by. Empty strings mean "any". */
export interface HistoryFilter {
  /** Free text; every word must appear somewhere in the check-in's words. */
  query: string;
  /** Inclusive local dates from `<input type="date">`, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** A site id, or MANUAL_PLATFORM. */
  platform: string;
  provider: string;
  tag: string;
  goalId: string;
}

export const EMPTY_FILTER: HistoryFilter = { query: '', from: '', to: '', platform: '', provider: '', tag: '', goalId: '' };

/** True when any part of the filter narrows the history. */
export function isFiltered(filter: HistoryFilter): boolean {
  return Object.values(filter).some((value) => value.trim() !== '');
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Lower-cased and stripped of accents, so "cafe" finds "Café". */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // Most text is plain ASCII; Unicode normalisation is the slow part, so skip it when it cannot matter.
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower;
}

// Check-ins are immutable records (an edit makes a new object), so the folded text can be cached per object.
const searchTexts = new WeakMap<CheckIn, string>();

/** Every word the person wrote on a check-in, folded for searching. */
export function searchTextOf(checkIn: CheckIn): string {
  let text = searchTexts.get(checkIn);
  if (text === undefined) {
    const parts = [
      ...NOTE_IDS.map((id) => checkIn.notes[id]),
      ...checkIn.goalProgress.map((progress) => progress.note),
      ...checkIn.tags,
      checkIn.provider,
      checkIn.reflection?.text ?? '',
    ];
    // A newline between fields keeps a search from matching across two of them.
    text = foldText(parts.filter((part) => part.trim() !== '').join('\n'));
    searchTexts.set(checkIn, text);
  }
  return text;
}

function localDayStart(date: string, addDays = 0): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays).getTime();
}

/** The filter made ready to test many check-ins quickly. */
interface PreparedFilter {
  terms: string[];
  fromMs: number | null;
  /** Exclusive: the start of the day after `to`. */
  toMs: number | null;
  platform: string;
  provider: string;
  tag: string;
  goalId: string;
}

function prepare(filter: HistoryFilter): PreparedFilter {
  return {
    terms: foldText(filter.query).split(/\s+/).filter(Boolean),
    fromMs: localDayStart(filter.from),
    toMs: localDayStart(filter.to, 1),
    platform: filter.platform,
    provider: foldText(filter.provider.trim()),
    tag: foldText(filter.tag.trim()),
    goalId: filter.goalId,
  };
}

/** True when the check-in recorded a rating or a note on the goal. */
export function hasGoalProgress(checkIn: CheckIn, goalId: string): boolean {
  return checkIn.goalProgress.some((p) => p.goalId === goalId && (p.rating !== null || p.note.trim() !== ''));
}

function inDateRange(f: PreparedFilter, time: number): boolean {
  return (f.fromMs === null || time >= f.fromMs) && (f.toMs === null || time < f.toMs);
}

const isProvider = (f: PreparedFilter, provider: string) => !f.provider || foldText(provider.trim()) === f.provider;

function matchesPrepared(checkIn: CheckIn, f: PreparedFilter): boolean {
  if ((f.fromMs !== null || f.toMs !== null) && !inDateRange(f, checkInTime(checkIn))) return false;
  if (f.platform && (checkIn.platform ?? MANUAL_PLATFORM) !== f.platform) return false;
  if (!isProvider(f, checkIn.provider)) return false;
  if (f.tag && !checkIn.tags.some((tag) => foldText(tag.trim()) === f.tag)) return false;
  if (f.goalId && !hasGoalProgress(checkIn, f.goalId)) return false;
  if (f.terms.length > 0) {
    const text = searchTextOf(checkIn);
    if (!f.terms.every((term) => text.includes(term))) return false;
  }
  return true;
}

/** The check-ins that pass the filter, in their given order. */
export function filterCheckIns(checkIns: readonly CheckIn[], filter: HistoryFilter): CheckIn[] {
  if (!isFiltered(filter)) return checkIns.slice();
  const prepared = prepare(filter);
  return checkIns.filter((checkIn) => matchesPrepared(checkIn, prepared));
}

/**
 * The trends' narrowing (date range and provider, the history's rules) as a test on a session's
 * time and provider; null when nothing narrows.
 */
export function trendFilterTest(filter: Pick<HistoryFilter, 'from' | 'to' | 'provider'>): ((time: number, provider: string) => boolean) | null {
  // Only these three: callers may pass a wider object (a summary choice with its notes).
  const narrowed: HistoryFilter = { ...EMPTY_FILTER, from: filter.from, to: filter.to, provider: filter.provider };
  if (!isFiltered(narrowed)) return null;
  const prepared = prepare(narrowed);
  return (time, provider) => inDateRange(prepared, time) && isProvider(prepared, provider);
}

/** True when both dates are set and "From" is after "To", which can match nothing. */
export function isDateRangeReversed(filter: Pick<HistoryFilter, 'from' | 'to'>): boolean {
  const from = localDayStart(filter.from);
  const to = localDayStart(filter.to);
  return from !== null && to !== null && from > to;
}

/** The values present in the history, to offer as filter choices. */
export interface HistoryFacets {
  /** Site ids, plus MANUAL_PLATFORM when any check-in was manual. */
  platforms: string[];
  /** Distinct ignoring case, spelled as most recently written, sorted. */
  providers: string[];
  tags: string[];
  /** Goals with progress recorded on at least one check-in. */
  goalIds: string[];
}

/** Distinct values ignoring case and accents, spelled as first given (callers give newest first), sorted. */
export function distinctByFold(values: Iterable<string>): string[] {
  const byKey = new Map<string, string>();
  const seen = new Set<string>();
  for (const raw of values) {
    // The same few therapists and tags repeat thousands of times: fold each spelling once.
    if (seen.has(raw)) continue;
    seen.add(raw);
    const value = raw.trim();
    const key = foldText(value);
    if (key && !byKey.has(key)) byKey.set(key, value);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' }));
}

/** Collects the filter choices from check-ins given newest first. */
export function historyFacets(checkIns: readonly CheckIn[]): HistoryFacets {
  const platforms = new Set<string>();
  const goalIds = new Set<string>();
  for (const checkIn of checkIns) {
    platforms.add(checkIn.platform ?? MANUAL_PLATFORM);
    for (const progress of checkIn.goalProgress) {
      if (progress.rating !== null || progress.note.trim() !== '') goalIds.add(progress.goalId);
    }
  }
  return {
    platforms: [...platforms].sort(),
    providers: distinctByFold(checkIns.map((checkIn) => checkIn.provider)),
    tags: distinctByFold(checkIns.flatMap((checkIn) => checkIn.tags)),
    goalIds: [...goalIds],
  };
}
