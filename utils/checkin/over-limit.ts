/**
 * Whether a check-in's answers fit the limits (limits.ts), in words a person can act on. Every
 * write checks this before it stamps anything, so Debrief never stores what its own export
 * would be refused for; the form checks it first and keeps everything typed.
 */
import { formatNumber, t } from '../i18n/index.ts';
import type { CheckInVersion } from '../db/schema';
import { NOTE_PROMPTS } from './instrument';
import { MAX_GOAL_PROGRESS, MAX_NOTE_LENGTH, MAX_SHORT_TEXT, MAX_TAGS } from './limits';

/** A write refused because something is past a limit; its message says what and by how much. */
export class LimitError extends Error {
  override name = 'LimitError';
}

type Answers = Partial<Pick<CheckInVersion, 'notes' | 'goalProgress' | 'tags' | 'provider' | 'platform' | 'reflection'>>;

function tooLong(what: string, text: string, max: number): string | null {
  if (text.length <= max) return null;
  return t('limits.tooLong', { what, length: formatNumber(text.length), max: formatNumber(max) });
}

/** The first thing in these answers past a limit, in words; null when everything fits. */
export function overLimit(answers: Answers): string | null {
  for (const prompt of NOTE_PROMPTS) {
    const problem = answers.notes && tooLong(prompt.label, answers.notes[prompt.id], MAX_NOTE_LENGTH);
    if (problem) return problem;
  }
  const progress = answers.goalProgress ?? [];
  if (progress.length > MAX_GOAL_PROGRESS) return t('limits.goals', { max: formatNumber(MAX_GOAL_PROGRESS) });
  for (const { note } of progress) {
    const problem = tooLong(t('limits.goalNote'), note, MAX_NOTE_LENGTH);
    if (problem) return problem;
  }
  const tags = answers.tags ?? [];
  if (tags.length > MAX_TAGS) return t('limits.tags', { count: formatNumber(tags.length), max: formatNumber(MAX_TAGS) });
  const short = [
    ...tags.map((tag) => [t('limits.tag'), tag] as const),
    [t('checkIn.therapist'), answers.provider ?? ''] as const,
    [t('limits.platform'), answers.platform ?? ''] as const,
  ];
  for (const [what, text] of short) {
    const problem = tooLong(what, text, MAX_SHORT_TEXT);
    if (problem) return problem;
  }
  return answers.reflection ? tooLong(t('limits.reflection'), answers.reflection.text, MAX_NOTE_LENGTH) : null;
}

/** Throws LimitError when the answers do not fit. */
export function checkLimits(answers: Answers): void {
  const problem = overLimit(answers);
  if (problem) throw new LimitError(problem);
}
