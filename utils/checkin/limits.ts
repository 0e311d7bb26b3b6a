/**
 * How much one record may hold, declared once: the import checks a file against these and every
 * write (the check-in form, saving, editing, goals, tags, merge) keeps within them, so whatever
 * Debrief writes it can read back.
 */
export const MAX_ID_LENGTH = 128;
export const MAX_NOTE_LENGTH = 20_000;
export const MAX_SHORT_TEXT = 500;
export const MAX_TAGS = 100;
export const MAX_GOAL_PROGRESS = 200;
/** Earlier versions of one check-in kept in its history; merge keeps the newest this many. */
export const MAX_HISTORY = 1_000;
/** Records of one kind (and deletion records) in a file. */
export const MAX_RECORDS = 200_000;
/** A goal's title: short enough to read at a glance (well within MAX_SHORT_TEXT). */
export const GOAL_TITLE_MAX = 200;
