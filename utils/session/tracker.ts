import type { DebriefDb } from '../db/open';
import type { Session, SessionEndReason } from '../db/schema';
import { createSession, endSession, listSessions } from '../db/sessions';

/** A call in progress in one tab, kept in `storage.session` so a stopped worker loses nothing. */
export interface TabCall {
  tabId: number;
  frameId: number;
  sessionId: string;
  platform: string;
  roomUrl: string;
  startedMs: number;
}

export interface CallRegistry {
  get(tabId: number): Promise<TabCall | null>;
  set(call: TabCall): Promise<void>;
  remove(tabId: number): Promise<void>;
  all(): Promise<TabCall[]>;
}

export interface TrackerDeps {
  db(): Promise<DebriefDb>;
  calls: CallRegistry;
  minSessionMinutes(): Promise<number>;
  /** Puts a finished session in front of the person (window, notification or badge). */
  offer(session: Session): Promise<void>;
  now(): number;
}

export interface CallStart {
  tabId: number;
  frameId: number;
  platform: string;
  url: string;
  /** When the page saw the call connect; clamped to the last minute. */
  at: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

/** Records a new session for a tab; a tab already in a call keeps its session. */
export async function callStarted(deps: TrackerDeps, start: CallStart): Promise<Session | null> {
  const existing = await deps.calls.get(start.tabId);
  if (existing) return null;
  const now = deps.now();
  const startedMs = clamp(start.at, now - 60_000, now);
  const db = await deps.db();
  const session = await createSession(db, { platform: start.platform, host: new URL(start.url).host, startedMs });
  await deps.calls.set({
    tabId: start.tabId,
    frameId: start.frameId,
    sessionId: session.id,
    platform: start.platform,
    roomUrl: start.url,
    startedMs,
  });
  return session;
}

/**
 * Ends the tab's session. Long enough sessions become pending and are offered;
 * shorter ones are removed without asking.
 */
export async function callEnded(
  deps: TrackerDeps,
  tabId: number,
  end: { reason: SessionEndReason; at?: number; frameId?: number },
): Promise<Session | null> {
  const call = await deps.calls.get(tabId);
  if (!call || (end.frameId !== undefined && end.frameId !== call.frameId)) return null;
  await deps.calls.remove(tabId);
  const now = deps.now();
  const endedMs = clamp(end.at ?? now, call.startedMs, now);
  return finish(deps, call.sessionId, call.startedMs, endedMs, end.reason);
}

async function finish(
  deps: TrackerDeps,
  sessionId: string,
  startedMs: number,
  endedMs: number,
  reason: SessionEndReason,
): Promise<Session | null> {
  const db = await deps.db();
  const longEnough = endedMs - startedMs >= (await deps.minSessionMinutes()) * 60_000;
  if (!longEnough) {
    await db.delete('sessions', sessionId);
    return null;
  }
  const session = await endSession(db, sessionId, { endedMs, reason, status: 'pending' });
  if (session?.status === 'pending') await deps.offer(session);
  return session ?? null;
}

/**
 * Closes sessions left in progress with no live tab (the browser quit or crashed mid-call),
 * ending them at the last moment they were seen alive.
 */
export async function recoverInterrupted(deps: TrackerDeps): Promise<Session[]> {
  const db = await deps.db();
  const live = new Set((await deps.calls.all()).map((call) => call.sessionId));
  const orphans = (await listSessions(db, 'in-progress')).filter((s) => !live.has(s.id));
  const offered: Session[] = [];
  for (const orphan of orphans) {
    const session = await finish(deps, orphan.id, orphan.startedMs, orphan.lastSeenMs, 'interrupted');
    if (session) offered.push(session);
  }
  return offered;
}
