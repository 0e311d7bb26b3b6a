import type { DebriefDb } from '../db/open';
import type { Session, SessionEndReason } from '../db/schema';
import { createSession, discardSession, endSession, getSession, recordingSessions } from '../db/sessions';
import type { AskVerdict } from './ask-rule';

/** A call in progress in one tab, kept in `storage.session` so a stopped worker loses nothing. */
export interface TabCall {
  tabId: number;
  frameId: number;
  /** The page document that started the call (Chromium); survives frame-id changes on unload. */
  documentId?: string;
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

/** When each tab last had a check-in put in front of the person; in `storage.session` so a worker restart keeps it. */
export interface OfferLog {
  lastOffer(tabId: number): Promise<number | null>;
  noteOffer(tabId: number, at: number): Promise<void>;
}

export interface TrackerDeps {
  db(): Promise<DebriefDb>;
  calls: CallRegistry;
  minSessionMinutes(): Promise<number>;
  /**
   * Puts a finished session in front of the person (window, notification or badge); `quiet`
   * only counts it on the badge and in the popup's list.
   */
  offer(session: Session, options?: { quiet: boolean }): Promise<void>;
  /**
   * What the person taught about calls like this one (ask-rule.ts), for a session long enough to ask
   * about. Left out, every such call is asked about.
   */
  askAbout?(session: Session, lengthMs: number): Promise<AskVerdict>;
  now(): number;
  offers: OfferLog;
}

export interface CallStart {
  tabId: number;
  frameId: number;
  documentId?: string;
  platform: string;
  url: string;
  /** The meeting the call is in (SiteAdapter.roomKey), or null. */
  roomKey?: string | null;
  /** When the page saw the call connect; clamped to the last minute. */
  at: number;
}

/**
 * At most one check-in window (or notification) per tab per minute: a page can fake a call (its
 * own postMessage looks like the media probe's), and with a minimum length of 0 it could otherwise
 * open one window after another. Sessions ending sooner still wait in the popup and on the badge.
 */
export const OFFER_GAP_MS = 60_000;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

// One tab's events run one after another: a tab closing sends both a page message and a
// tab-removed event, and both must not end (and offer) the same session.
const tabQueues = new Map<number, Promise<unknown>>();
function inTabOrder<T>(tabId: number, work: () => Promise<T>): Promise<T> {
  const previous = tabQueues.get(tabId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  tabQueues.set(tabId, settled);
  void settled.then(() => tabQueues.get(tabId) === settled && tabQueues.delete(tabId));
  return next;
}

/** Records a new session for a tab; a tab already in a call keeps its session. */
export function callStarted(deps: TrackerDeps, start: CallStart): Promise<Session | null> {
  return inTabOrder(start.tabId, () => startCall(deps, start));
}

async function startCall(deps: TrackerDeps, start: CallStart): Promise<Session | null> {
  const existing = await deps.calls.get(start.tabId);
  if (existing) return null;
  const now = deps.now();
  const startedMs = clamp(start.at, now - 60_000, now);
  const db = await deps.db();
  const session = await createSession(db, { platform: start.platform, host: new URL(start.url).host, startedMs, roomKey: start.roomKey ?? null });
  await deps.calls.set({
    tabId: start.tabId,
    frameId: start.frameId,
    ...(start.documentId && { documentId: start.documentId }),
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
export function callEnded(deps: TrackerDeps, tabId: number, end: CallEnd): Promise<Session | null> {
  return inTabOrder(tabId, () => endCall(deps, tabId, end));
}

export interface CallEnd {
  reason: SessionEndReason;
  at?: number;
  /** Where a page's end message came from; tab events leave both out. */
  frameId?: number;
  documentId?: string;
}

/** True when an end message comes from the document (or, without ids, the frame) that started the call. */
function sameCaller(call: TabCall, end: CallEnd): boolean {
  if (call.documentId && end.documentId) return call.documentId === end.documentId;
  return end.frameId === undefined || end.frameId === call.frameId;
}

async function endCall(deps: TrackerDeps, tabId: number, end: CallEnd): Promise<Session | null> {
  const call = await deps.calls.get(tabId);
  if (!call || !sameCaller(call, end)) return null;
  await deps.calls.remove(tabId);
  const now = deps.now();
  const endedMs = clamp(end.at ?? now, call.startedMs, now);
  const last = await deps.offers.lastOffer(tabId);
  const quiet = last !== null && Math.abs(now - last) < OFFER_GAP_MS;
  const session = await finish(deps, call.sessionId, call.startedMs, endedMs, end.reason, quiet);
  if (session && !quiet) await deps.offers.noteOffer(tabId, now);
  return session;
}

async function finish(
  deps: TrackerDeps,
  sessionId: string,
  startedMs: number,
  endedMs: number,
  reason: SessionEndReason,
  quiet = false,
): Promise<Session | null> {
  const db = await deps.db();
  const longEnough = endedMs - startedMs >= (await deps.minSessionMinutes()) * 60_000;
  if (!longEnough) {
    await discardSession(db, sessionId, endedMs);
    return null;
  }
  const verdict = await verdictFor(deps, sessionId, endedMs - startedMs);
  if (verdict === 'silent') {
    // A muted room keeps nothing of the call.
    await discardSession(db, sessionId, endedMs);
    return null;
  }
  // Offer only a session this call moved out of progress, never one ended already.
  const session = await endSession(db, sessionId, { endedMs, reason, quiet: verdict === 'quiet' });
  if (!session) return null;
  await deps.offer(session, { quiet: quiet || verdict === 'quiet' });
  return session;
}

async function verdictFor(deps: TrackerDeps, sessionId: string, lengthMs: number): Promise<AskVerdict> {
  if (!deps.askAbout) return 'ask';
  const session = await getSession(await deps.db(), sessionId);
  // Only a call still in progress is judged; one ended already is left to endSession to refuse.
  return session?.status === 'in-progress' ? deps.askAbout(session, lengthMs) : 'ask';
}

/**
 * Closes sessions this device was recording with no live tab left (the browser quit or crashed
 * mid-call), ending them at the last moment they were seen alive, never later than now.
 * Sessions in progress on another device are not this device's to end or offer.
 */
export async function recoverInterrupted(deps: TrackerDeps): Promise<Session[]> {
  const db = await deps.db();
  const live = new Set((await deps.calls.all()).map((call) => call.sessionId));
  const orphans = (await recordingSessions(db)).filter((s) => !live.has(s.id));
  const offered: Session[] = [];
  const now = deps.now();
  for (const orphan of orphans) {
    const startedMs = Math.min(orphan.startedMs, now);
    const session = await finish(deps, orphan.id, startedMs, clamp(orphan.lastSeenMs, startedMs, now), 'interrupted');
    if (session) offered.push(session);
  }
  return offered;
}
