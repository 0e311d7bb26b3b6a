import type { SessionMessage } from './call-watcher';

const END_REASONS = new Set(['call-ended', 'site-signal', 'navigated']);

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

/**
 * The part of a call watcher's message the background reads: the place comes from the sender's
 * address, never from the message, so only these fields are checked.
 */
type SessionReport =
  | Pick<Extract<SessionMessage, { type: 'session-started' }>, 'type' | 'at' | 'room'>
  | Pick<Extract<SessionMessage, { type: 'session-ended' }>, 'type' | 'at' | 'reason'>;

/** Strict shape check of what the background reads from a call watcher; anything else is dropped. */
export function isSessionMessage(value: unknown): value is SessionReport {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (!isTime(m.at)) return false;
  if (m.type === 'session-started') return typeof m.room === 'boolean';
  if (m.type === 'session-ended') return typeof m.reason === 'string' && END_REASONS.has(m.reason);
  return false;
}

/** Messages Debrief's own pages send the background. */
export type PageMessage =
  /** What waits for the person changed (a session set aside or back, a follow-up answered): the badge is counted again. */
  | { type: 'waiting-changed' }
  /** "Remind me later": the background writes the status and sets the alarm, and answers a PageReply. */
  | { type: 'snooze'; sessionId: string; until: number }
  | { type: 'check-in-saved'; checkInId: string; createdMs: number }
  /** The person allowed Debrief on `host` from the toolbar's offer: finish watching it. */
  | { type: 'watch-site'; host: string };

export function isPageMessage(value: unknown): value is PageMessage {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  if (m.type === 'waiting-changed') return true;
  if (m.type === 'check-in-saved') return typeof m.checkInId === 'string' && isTime(m.createdMs);
  if (m.type === 'watch-site') return typeof m.host === 'string';
  return m.type === 'snooze' && typeof m.sessionId === 'string' && isTime(m.until);
}

/** The background's answer to a page message that can fail: the page says the error and stays open. */
export type PageReply = { ok: true } | { ok: false; error: string };

/** What went wrong by the background's answer, or null when it did what was asked. */
export function replyError(reply: unknown): string | null {
  if (typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === true) return null;
  const error = (reply as { error?: unknown } | null | undefined)?.error;
  return typeof error === 'string' ? error : String(reply);
}
