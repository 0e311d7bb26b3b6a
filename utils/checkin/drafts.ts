/** The draft of a check-in not tied to a session. */
export const MANUAL_DRAFT_KEY = 'manual';

/** Where a check-in's unsaved answers are kept: its session id, or `manual`. */
export function draftKeyFor(sessionId: string | null): string {
  return sessionId ?? MANUAL_DRAFT_KEY;
}
