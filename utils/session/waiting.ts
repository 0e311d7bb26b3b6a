/** When a session left without a check-in stops pressing: the badge counts only recent ones. */
import type { Session } from '../db/schema';

const DAY_MS = 24 * 60 * 60_000;

type Timed = Pick<Session, 'startedMs' | 'endedMs' | 'lastSeenMs'>;

/** The time a session becomes old: `days` after it ended (or was last seen). */
export function oldAt(session: Timed, days: number): number {
  return (session.endedMs ?? session.lastSeenMs) + days * DAY_MS;
}

/** Waiting sessions split into recent (counted, listed first) and older (listed apart, not counted). */
export function splitByAge<T extends Timed>(sessions: readonly T[], days: number, now: number): { recent: T[]; older: T[] } {
  const recent: T[] = [];
  const older: T[] = [];
  for (const session of sessions) (oldAt(session, days) <= now ? older : recent).push(session);
  return { recent, older };
}

/** When the next of these recent sessions becomes old, or null when none will. */
export function nextAgeing(sessions: readonly Timed[], days: number, now: number): number | null {
  const times = sessions.map((s) => oldAt(s, days)).filter((at) => at > now);
  return times.length ? Math.min(...times) : null;
}
