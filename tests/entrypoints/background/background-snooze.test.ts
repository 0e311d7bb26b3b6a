/** "Remind me later" is one message: the background writes the status by the lifecycle, sets the alarm, and answers. */
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { emptyAnswers } from '@/utils/checkin/answers';
import { saveCheckIn } from '@/utils/db/checkins';
import { getDb, resetSharedDb } from '@/utils/db/open';
import { DB_NAME, type Session } from '@/utils/db/schema';
import { createSession, endSession, getSession } from '@/utils/db/sessions';
import { replyError } from '@/utils/session/messages';

const NOW = Date.now();
const UNTIL = NOW + 15 * 60_000;
const checkInPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/check-in.html') };

async function pendingSession(): Promise<Session> {
  const db = await getDb();
  const session = await createSession(db, { platform: 'zoom', host: 'zoom.us', startedMs: NOW - 3_600_000 });
  return (await endSession(db, session.id, { endedMs: NOW - 600_000, reason: 'call-ended' }))!;
}

async function snooze(sessionId: string): Promise<unknown> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger({ type: 'snooze', sessionId, until: UNTIL }, checkInPage, () => undefined);
  return reply;
}

const alarmNames = async () => (await fakeBrowser.alarms.getAll()).map((alarm) => alarm.name);

describe('the background, asked to snooze by the check-in window', () => {
  let session: Session;

  beforeEach(async () => {
    resetSharedDb();
    // Ended before the worker starts, so its start-up recovery of cut-off calls leaves it be.
    session = await pendingSession();
    // Not in WXT's fake browser; the background only listens to it.
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
    await background.main();
  });

  afterEach(async () => {
    (await getDb()).close();
    resetSharedDb();
    await deleteDB(DB_NAME);
    vi.restoreAllMocks();
  });

  it('a waiting session: answered ok, snoozed until the time asked, its alarm set and the badge cleared', async () => {
    expect(await snooze(session.id)).toEqual({ ok: true });
    expect(await getSession(await getDb(), session.id)).toMatchObject({ status: 'snoozed', snoozedUntil: UNTIL });
    expect(await fakeBrowser.alarms.get(`snooze:${session.id}`)).toMatchObject({ scheduledTime: UNTIL });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });

  it('when the alarm rings the session waits again and is offered', async () => {
    await snooze(session.id);
    const windowsBefore = (await fakeBrowser.windows.getAll()).length;
    await fakeBrowser.alarms.onAlarm.trigger({ name: `snooze:${session.id}`, scheduledTime: UNTIL, persistAcrossSessions: false });
    await vi.waitFor(async () => expect(await getSession(await getDb(), session.id)).toMatchObject({ status: 'pending', snoozedUntil: null }));
    await vi.waitFor(async () => expect((await fakeBrowser.windows.getAll()).length).toBe(windowsBefore + 1));
  });

  it('a session answered meanwhile (in another window): answered with the reason, still answered, no alarm', async () => {
    const db = await getDb();
    await saveCheckIn(db, { ...emptyAnswers(), overall: 6, sessionId: session.id });
    expect(replyError(await snooze(session.id))).toBe('this session is no longer waiting for a check-in');
    expect(await getSession(db, session.id)).toMatchObject({ status: 'answered', snoozedUntil: null });
    expect(await alarmNames()).not.toContain(`snooze:${session.id}`);
  });

  it('a session no longer stored: answered with the reason, nothing written', async () => {
    expect(replyError(await snooze('gone'))).toBe('this session is no longer waiting for a check-in');
    expect(await (await getDb()).getAll('sessions')).toEqual([session]);
    expect(await alarmNames()).not.toContain('snooze:gone');
  });

  it('storage that fails: answered with its error, no alarm', async () => {
    const db = await getDb();
    vi.spyOn(db, 'transaction').mockImplementation(() => {
      throw new Error('The disk is full');
    });
    expect(replyError(await snooze(session.id))).toContain('The disk is full');
    expect(await alarmNames()).not.toContain(`snooze:${session.id}`);
  });
});

describe('a page reads the background’s answer', () => {
  it.each([
    ['done', { ok: true }, null],
    ['refused with a reason', { ok: false, error: 'no longer waiting' }, 'no longer waiting'],
    ['no answer at all (an old background)', undefined, 'undefined'],
    ['an answer of another shape', { ok: 'yes' }, '[object Object]'],
  ])('%s', (_case, reply, error) => {
    expect(replyError(reply)).toBe(error);
  });
});
