/**
 * The Debrief instrument: the six signs of a productive session, in our own words.
 * One definition drives the form, CSV columns, charts and printable summary. The words
 * live in utils/i18n/locales; CSV columns are file format and stay English.
 */
import { t } from '../i18n/index.ts';

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
  /** CSV column header (file format: never translated). */
  csvColumn: string;
  /** Chart line colour; charts also use `dash` so colour is never the only cue. */
  chartColor: string;
  dash: number[];
}

type MetricKey = SignId | 'overall';

/** A sign whose words are looked up when read, so they are always in the browser's language. */
function sign<Id extends MetricKey>(id: Id, csvColumn: string, chartColor: string, dash: number[]) {
  const key: MetricKey = id;
  return {
    id,
    csvColumn,
    chartColor,
    dash,
    get name() {
      return t(`signs.${key}.name`);
    },
    get question() {
      return t(`signs.${key}.question`);
    },
    get low() {
      return t(`signs.${key}.low`);
    },
    get high() {
      return t(`signs.${key}.high`);
    },
  };
}

export const SIGNS: readonly Sign[] = [
  sign('relief', 'emotional_release', '#d9480f', []),
  sign('insight', 'self_awareness', '#5f3dc4', [6, 3]),
  sign('trust', 'trust_rapport', '#1971c2', [2, 2]),
  sign('goals', 'goals_progress', '#2b8a3e', [10, 4, 2, 4]),
  sign('resilience', 'coping', '#c2255c', [12, 6]),
  sign('integration', 'reflection', '#087f5b', [4, 8]),
];

export const OVERALL = sign('overall', 'overall', '#343a40', []);

export const NOTE_IDS = ['helpful', 'unhelpful', 'takeaway', 'nextTime'] as const;
export type NoteId = (typeof NOTE_IDS)[number];

export interface NotePrompt {
  id: NoteId;
  label: string;
  csvColumn: string;
}

function notePrompt(id: NoteId, csvColumn: string): NotePrompt {
  return {
    id,
    csvColumn,
    get label() {
      return t(`notes.${id}`);
    },
  };
}

export const NOTE_PROMPTS: readonly NotePrompt[] = [
  notePrompt('helpful', 'most_helpful'),
  notePrompt('unhelpful', 'unhelpful'),
  notePrompt('takeaway', 'takeaway'),
  notePrompt('nextTime', 'next_time'),
];

export const RATING_MIN = 0;
export const RATING_MAX = 10;

/**
 * What a screen reader says for one value of a scale: the ends carry their anchor words
 * ("0, Not productive"), the middle values are just the number.
 */
export function ratingName(value: number, low: string, high: string): string {
  if (value === RATING_MIN) return `${value}, ${low}`;
  if (value === RATING_MAX) return `${value}, ${high}`;
  return String(value);
}

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
