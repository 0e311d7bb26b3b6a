/**
 * The Debrief instrument: the six signs of a productive session, in our own words.
 * One definition drives the form, CSV columns, charts and printable summary.
 */

export const SIGN_IDS = ['relief', 'insight', 'trust', 'goals', 'resilience', 'integration'] as const;
export type SignId = (typeof SIGN_IDS)[number];

export interface Sign {
  id: SignId;
  /** Short name, used as the rating's accessible name and chart title. */
  name: string;
  /** The question the client answers, 0–10. */
  question: string;
  /** What 0 and 10 mean, shown at each end of the scale. */
  low: string;
  high: string;
  /** CSV column header. */
  csvColumn: string;
  /** Chart line colour; charts also use `dash` so colour is never the only cue. */
  chartColor: string;
  dash: number[];
}

export const SIGNS: readonly Sign[] = [
  {
    id: 'relief',
    name: 'Emotional release',
    question: 'How much lighter or more relieved do you feel than before the session?',
    low: 'No lighter',
    high: 'Much lighter',
    csvColumn: 'emotional_release',
    chartColor: '#d9480f',
    dash: [],
  },
  {
    id: 'insight',
    name: 'Self-awareness',
    question: 'Did you understand something new about your thoughts, feelings or behaviour?',
    low: 'Nothing new',
    high: 'Something important',
    csvColumn: 'self_awareness',
    chartColor: '#5f3dc4',
    dash: [6, 3],
  },
  {
    id: 'trust',
    name: 'Trust and rapport',
    question: 'Did you feel safe, heard and not judged?',
    low: 'Not at all',
    high: 'Completely',
    csvColumn: 'trust_rapport',
    chartColor: '#1971c2',
    dash: [2, 2],
  },
  {
    id: 'goals',
    name: 'Goals and progress',
    question: 'Did the session work on what matters to you and move it forward?',
    low: 'Off track',
    high: 'Moved forward',
    csvColumn: 'goals_progress',
    chartColor: '#2b8a3e',
    dash: [10, 4, 2, 4],
  },
  {
    id: 'resilience',
    name: 'Coping',
    question: 'Are you leaving with something that helps you handle what comes next?',
    low: 'Nothing yet',
    high: 'Well equipped',
    csvColumn: 'coping',
    chartColor: '#c2255c',
    dash: [12, 6],
  },
  {
    id: 'integration',
    name: 'Reflection',
    question: 'Do you know what you will think about or practise before next time?',
    low: 'Not sure',
    high: 'Clear plan',
    csvColumn: 'reflection',
    chartColor: '#087f5b',
    dash: [4, 8],
  },
];

export const OVERALL = {
  id: 'overall',
  name: 'Overall',
  question: 'How productive did this session feel?',
  low: 'Not productive',
  high: 'Very productive',
  csvColumn: 'overall',
  chartColor: '#343a40',
  dash: [] as number[],
} as const;

export const NOTE_IDS = ['helpful', 'unhelpful', 'takeaway', 'nextTime'] as const;
export type NoteId = (typeof NOTE_IDS)[number];

export interface NotePrompt {
  id: NoteId;
  label: string;
  csvColumn: string;
}

export const NOTE_PROMPTS: readonly NotePrompt[] = [
  { id: 'helpful', label: 'Most helpful moment', csvColumn: 'most_helpful' },
  { id: 'unhelpful', label: 'Anything unhelpful', csvColumn: 'unhelpful' },
  { id: 'takeaway', label: 'One thing to take with me', csvColumn: 'takeaway' },
  { id: 'nextTime', label: 'To bring up next time', csvColumn: 'next_time' },
];

export const RATING_MIN = 0;
export const RATING_MAX = 10;

/** A 0–10 answer, or null when the person skipped it. */
export type Rating = number | null;

export type Ratings = Record<SignId, Rating>;
export type Notes = Record<NoteId, string>;

export function emptyRatings(): Ratings {
  return Object.fromEntries(SIGN_IDS.map((id) => [id, null])) as Ratings;
}

export function emptyNotes(): Notes {
  return Object.fromEntries(NOTE_IDS.map((id) => [id, ''])) as Notes;
}

/** True for an integer 0–10 or null (skipped). */
export function isRating(value: unknown): value is Rating {
  return value === null || (Number.isInteger(value) && (value as number) >= RATING_MIN && (value as number) <= RATING_MAX);
}
