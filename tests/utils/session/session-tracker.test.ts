import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import { offersInStorageSession } from '@/utils/session/call-registry';
import type { Session } from '@/utils/db/schema';
import { createSession, getSession, touchSessions } from '@/utils/db/sessions';
import { memoryCalls } from '../../support/tracker-fixture';
import { callEnded, callStarted, OFFER_GAP_MS, recoverInterrupted, type TabCall, type TrackerDeps } from '@/utils/session/tracker';

const NAME = 'debrief-tracker-test';
const MINUTE = 60_000;
let db: DebriefDb;
let now: number;
let offered: Session[];
/** Sessions only counted on the badge, not put in front of the person. */
let quiet: Session[];
let calls: Map<number, TabCall>;

function deps(minMinutes = 10): TrackerDeps {
  return {
    db: async () => db,
    calls: memoryCalls(calls),
    minSessionMinutes: async () => minMinutes,
    offer: async (session, options) => void (options?.quiet ? quiet : offered).push(session),
    now: () => now,
    offers: offersInStorageSession(),
  };
}

const start = { tabId: 7, frameId: 0, platform: 'zoom', url: 'https://app.zoom.us/wc/123/join' };

beforeEach(async () => {
  db = await openDebriefDb(NAME);
  now = Date.parse('2026-11-26T10:00:00Z');
  offered = [];
  quiet = [];
  calls = new Map();
});
afterEach(async () => {
  db.close();
  await deleteDB(NAME);
});

describe('session tracker', () => {
  it('offers a session of at least the minimum length when its call ends', async () => {
    const d = deps(10);
    const session = await callStarted(d, { ...start, at: now });
    expect(session).toMatchObject({ platform: 'zoom', host: 'app.zoom.us', status: 'in-progress' });
    now += 50 * MINUTE;
    await callEnded(d, 7, { reason: 'call-ended', at: now - 4000 });
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ id: session!.id, status: 'pending', endReason: 'call-ended' });
    expect(offered[0]!.endedMs! - offered[0]!.startedMs).toBe(50 * MINUTE - 4000);
    expect(calls.size).toBe(0);
  });

  it('drops a call shorter than the minimum without asking', async () => {
    const d = deps(10);
    const session = await callStarted(d, { ...start, at: now });
    now += 3 * MINUTE;
    await callEnded(d, 7, { reason: 'tab-closed' });
    expect(offered).toEqual([]);
    expect(await getSession(db, session!.id)).toBeUndefined();
  });

  it('counts every connected call when the minimum is 0', async () => {
    const d = deps(0);
    await callStarted(d, { ...start, at: now });
    now += 5000;
    await callEnded(d, 7, { reason: 'tab-closed' });
    expect(offered).toHaveLength(1);
  });

  it('puts at most one check-in per tab per minute in front of the person; the others wait on the badge', async () => {
    const d = deps(0);
    // A page faking call after call (its own postMessage looks like the probe's), two seconds each.
    for (let call = 0; call < 5; call++) {
      await callStarted(d, { ...start, at: now });
      now += 2000;
      await callEnded(d, 7, { reason: 'call-ended', at: now });
    }
    expect(offered).toHaveLength(1);
    expect(quiet).toHaveLength(4);
    expect(quiet.every((session) => session.status === 'pending')).toBe(true); // kept, never lost
    // Another tab's session is its own: offered at once.
    await callStarted(d, { ...start, tabId: 8, at: now });
    now += 2000;
    await callEnded(d, 8, { reason: 'call-ended', at: now });
    expect(offered).toHaveLength(2);
    now += OFFER_GAP_MS;
    await callStarted(d, { ...start, at: now });
    now += 2000;
    await callEnded(d, 7, { reason: 'call-ended', at: now });
    expect(offered).toHaveLength(3);
  });

  it('keeps one session per tab and ignores ends from another frame', async () => {
    const d = deps(0);
    const first = await callStarted(d, { ...start, at: now });
    expect(await callStarted(d, { ...start, at: now + 1 })).toBeNull();
    await callEnded(d, 7, { reason: 'call-ended', frameId: 3 });
    expect(offered).toEqual([]);
    now += 1000;
    await callEnded(d, 7, { reason: 'call-ended', frameId: 0 });
    expect(offered.map((s) => s.id)).toEqual([first!.id]);
  });

  it('does not trust page clocks beyond now', async () => {
    const d = deps(0);
    const session = await callStarted(d, { ...start, at: now + 10 * MINUTE });
    expect(session!.startedMs).toBe(now);
  });

  it('offers a session cut off by a browser quit, ending when it was last seen', async () => {
    const orphan = await createSession(db, { platform: 'doxy-me', host: 'doxy.me', startedMs: now });
    await touchSessions(db, [orphan.id], now + 45 * MINUTE);
    now += 3 * 60 * MINUTE;
    const recovered = await recoverInterrupted(deps(10));
    expect(recovered).toHaveLength(1);
    expect(recovered[0]).toMatchObject({ status: 'pending', endReason: 'interrupted', endedMs: orphan.startedMs + 45 * MINUTE });
    expect(offered).toHaveLength(1);
  });

  it('leaves sessions with a live tab alone on worker restart', async () => {
    const d = deps(0);
    const live = await callStarted(d, { ...start, at: now });
    expect(await recoverInterrupted(d)).toEqual([]);
    expect((await getSession(db, live!.id))!.status).toBe('in-progress');
  });

  it('offers a session once when the page message and the tab closing arrive together', async () => {
    const d = deps(0);
    await callStarted(d, { ...start, at: now });
    now += 5000;
    await Promise.all([
      callEnded(d, 7, { reason: 'navigated', frameId: 0 }),
      callEnded(d, 7, { reason: 'tab-closed' }),
      callEnded(d, 7, { reason: 'tab-closed' }),
    ]);
    expect(offered).toHaveLength(1);
  });

  it('matches the end message by document when the frame id changed on unload', async () => {
    const d = deps(0);
    await callStarted(d, { ...start, documentId: 'doc-1', at: now });
    now += 5000;
    await callEnded(d, 7, { reason: 'navigated', frameId: 5, documentId: 'doc-other' });
    expect(offered).toEqual([]);
    await callEnded(d, 7, { reason: 'navigated', frameId: 5, documentId: 'doc-1' });
    expect(offered).toHaveLength(1);
  });
});
