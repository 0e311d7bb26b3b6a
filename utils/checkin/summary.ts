import type { CheckIn } from '../db/schema';
import { t, uiLocale } from '../i18n/index.ts';
import { checkInTime } from './trend-entry';
import { NOTE_IDS, NOTE_PROMPTS, type NoteId, type NotePrompt } from './instrument';
import { filterFromQuery, formatDay, type CheckInFilter } from './trends';

/** What goes on the printable summary: a date range, a provider, which notes to show and from how many sessions. */
export interface SummaryChoice extends CheckInFilter {
  /** Note prompts to include; none by default, since notes are private until chosen. */
  notes: NoteId[];
  /** Notes from this many of the latest sessions (0: all), so the summary stays short. */
  sessions: number;
}

/** The note budgets offered; the default keeps the summary to two pages. */
export const SUMMARY_SESSIONS = [3, 6, 12, 0] as const;
const DEFAULT_SESSIONS = 6;

/** The choice carried in the summary page's URL (`from`, `to`, `provider`, `note` repeated, `sessions`). */
export function summaryChoiceFromQuery(query: string | URLSearchParams): SummaryChoice {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const asked = new Set(params.getAll('note'));
  const sessions = Number(params.get('sessions') ?? DEFAULT_SESSIONS);
  return {
    ...filterFromQuery(params),
    notes: NOTE_IDS.filter((id) => asked.has(id)),
    sessions: (SUMMARY_SESSIONS as readonly number[]).includes(sessions) ? sessions : DEFAULT_SESSIONS,
  };
}

export interface SummaryEntry {
  checkInId: string;
  ms: number;
  notes: { prompt: NotePrompt; text: string }[];
}

/**
 * The chosen notes of the latest `sessions` check-ins (0: all), one entry per session, newest
 * first; sessions with none of them written are left out.
 */
export function summaryEntries(checkIns: readonly CheckIn[], noteIds: readonly NoteId[], sessions = 0): SummaryEntry[] {
  const prompts = NOTE_PROMPTS.filter((prompt) => noteIds.includes(prompt.id));
  if (prompts.length === 0) return [];
  const newest = [...checkIns].sort((a, b) => checkInTime(b) - checkInTime(a));
  const entries: SummaryEntry[] = [];
  for (const checkIn of sessions > 0 ? newest.slice(0, sessions) : newest) {
    const notes = prompts
      .map((prompt) => ({ prompt, text: checkIn.notes[prompt.id].trim() }))
      .filter((note) => note.text !== '');
    if (notes.length > 0) entries.push({ checkInId: checkIn.id, ms: checkInTime(checkIn), notes });
  }
  return entries;
}

function dayMs(day: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime() : null;
}

/** "3 Mar 2026 – 31 Mar 2026": the chosen range, open ends filled from the check-ins themselves. */
export function summaryPeriod(choice: CheckInFilter, checkIns: readonly CheckIn[], locale: string | undefined = uiLocale()): string {
  let first: number | null = null;
  let last: number | null = null;
  for (const checkIn of checkIns) {
    const ms = checkInTime(checkIn);
    if (first === null || ms < first) first = ms;
    if (last === null || ms > last) last = ms;
  }
  const from = dayMs(choice.from) ?? first;
  const to = dayMs(choice.to) ?? last;
  if (from === null && to === null) return t('summary.periodNone');
  if (from === null) return t('summary.periodUntil', { day: formatDay(to!, locale) });
  if (to === null) return t('summary.periodFrom', { day: formatDay(from, locale) });
  const start = formatDay(from, locale);
  const end = formatDay(to, locale);
  return start === end ? start : t('summary.periodRange', { start, end });
}
