import { beforeEach, describe, expect, it } from 'vitest';
import type { DebriefDb } from '@/utils/db/open';
import { setRoom } from '@/utils/db/rooms';
import type { Session } from '@/utils/db/schema';
import { getSession } from '@/utils/db/sessions';
import { judgeCall } from '@/utils/session/asking';
import { offersInStorageSession } from '@/utils/session/call-registry';
import { callEnded, callStarted, type TabCall, type TrackerDeps } from '@/utils/session/tracker';
import { siteForUrl } from '@/utils/sites/registry';
import { minSessionMinutes, setRoomMode } from '@/utils/storage';
import { useTestDb } from '../../support/db-fixture';
import { memoryCalls } from '../../support/tracker-fixture';

/** The room the background reads from a call page's address. */
const roomKeyOf = (url: string) => siteForUrl(new URL(url))?.roomKey?.(new URL(url)) ?? null;

const NAME = 'debrief-session-rooms-test';
const MINUTE = 60_000;
let db: DebriefDb;
let now: number;
let offered: Session[];
let quiet: Session[];
let calls: Map<number, TabCall>;

const deps = (): TrackerDeps => ({
  db: async () => db,
  calls: memoryCalls(calls),
  minSessionMinutes: () => minSessionMinutes.getValue(),
  offer: async (session, options) => void (options?.quiet ? quiet : offered).push(session),
  askAbout: async (session, lengthMs) => (await judgeCall(db, session, lengthMs)).verdict,
  now: () => now,
  offers: offersInStorageSession(),
});

/** A 47-minute call at `url` in tab `tabId`, as the background records it from the page's address. */
async function call(url: string, tabId: number): Promise<Session | null> {
  const platform = url.includes('zoom.us') ? 'zoom' : url.includes('meet.google.com') ? 'google-meet' : 'doxy-me';
  const started = await callStarted(deps(), { tabId, frameId: 0, platform, url, roomKey: roomKeyOf(url), at: now });
  now += 47 * MINUTE;
  const ended = await callEnded(deps(), tabId, { reason: 'call-ended', at: now });
  now += 2 * MINUTE;
  return ended ?? (started && ((await getSession(db, started.id)) ?? null));
}

const THERAPY = 'https://app.zoom.us/wc/81234567890/join';
const WORK = 'https://meet.google.com/abc-mnop-xyz';

const testDb = useTestDb(NAME);
beforeEach(() => {
  db = testDb();
  [now, offered, quiet, calls] = [Date.parse('2026-11-26T10:00:00Z'), [], [], new Map()];
});

describe('asking after calls by room', () => {
  it('records the meeting a call was in', async () => {
    const session = await call(THERAPY, 1);
    expect(session?.roomKey).toBe('zoom:81234567890');
    expect((await call('https://doxy.me/DrKerr', 2))?.roomKey).toBeNull();
  });

  it('asks in every room until the platform asks only in therapy rooms; then other rooms wait quietly', async () => {
    await setRoom(db, { id: 'zoom:81234567890', platform: 'zoom', kind: 'therapy' });
    await call(WORK, 1);
    expect(offered.map((s) => s.platform)).toEqual(['google-meet']);
    await setRoomMode('google-meet', 'therapy-rooms');
    await setRoomMode('zoom', 'therapy-rooms');
    const work = await call(WORK, 1);
    const otherZoom = await call('https://zoom.us/wc/join/99988877766', 2);
    const therapy = await call(THERAPY, 3);
    expect(offered.map((s) => s.id)).toEqual([offered[0]!.id, therapy!.id]);
    expect(quiet.map((s) => s.id)).toEqual([work!.id, otherZoom!.id]);
    expect(quiet.every((s) => s.quiet && s.status === 'pending')).toBe(true);
    expect(therapy?.quiet).toBeUndefined();
  });

  it('keeps nothing of a call in a muted room, and asks on a therapy service whatever the mode', async () => {
    await setRoom(db, { id: 'google-meet:abc-mnop-xyz', platform: 'google-meet', kind: 'muted' });
    const muted = await call(WORK, 1);
    expect(muted).toBeNull();
    expect(await db.getAll('sessions')).toEqual([]);
    await setRoomMode('doxy-me', 'therapy-rooms');
    const doxy = await call('https://doxy.me/DrKerr', 2);
    expect(offered.map((s) => s.id)).toEqual([doxy!.id]);
    expect(quiet).toEqual([]);
  });
});
