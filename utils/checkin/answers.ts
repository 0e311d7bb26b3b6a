import type { CheckInAnswers } from '../db/schema';
import { emptyNotes, emptyRatings, NOTE_IDS, SIGN_IDS, type NoteId } from './instrument';

/** The one note the check-in shows without opening "More notes and details": it closes the loop next session. */
export const FIRST_NOTE: NoteId = 'nextTime';

/** A blank check-in: every rating skipped, every note empty. */
export function emptyAnswers(): CheckInAnswers {
  return { ratings: emptyRatings(), overall: null, notes: emptyNotes(), goalProgress: [], tags: [], provider: '' };
}

/** True when the person has not answered or written anything (a prefilled therapist does not count). */
export function isBlank(answers: CheckInAnswers): boolean {
  return (
    answers.overall === null &&
    SIGN_IDS.every((id) => answers.ratings[id] === null) &&
    NOTE_IDS.every((id) => answers.notes[id].trim() === '') &&
    answers.goalProgress.every((g) => g.rating === null && g.note.trim() === '') &&
    answers.tags.length === 0
  );
}

/** Splits a comma-separated tag field into clean, unique tags. */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(',').map((tag) => tag.trim()).filter(Boolean))];
}

/** True when something sits behind "More notes and details" (other notes, goals, a changed therapist, tags). */
export function hasHiddenDetails(answers: CheckInAnswers, prefilledProvider = ''): boolean {
  return (
    NOTE_IDS.some((id) => id !== FIRST_NOTE && answers.notes[id].trim() !== '') ||
    answers.goalProgress.some((g) => g.rating !== null || g.note.trim() !== '') ||
    answers.tags.length > 0 ||
    answers.provider.trim() !== prefilledProvider.trim()
  );
}
