import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { App } from '@/entrypoints/check-in/App';
import { listCheckIns } from '@/utils/db/checkins';
import type { DebriefDb } from '@/utils/db/open';
import * as sessions from '@/utils/db/sessions';
import { StorageError } from '@/utils/db/errors';
import { SITES } from '@/utils/sites/registry';
import { useTestDb } from '../../support/db-fixture';

vi.mock('@/utils/db/sessions', async (original) => {
  const actual = await original<typeof import('@/utils/db/sessions')>();
  return { ...actual, getSession: vi.fn(actual.getSession) };
});

let db: DebriefDb;
const currentDb = useTestDb({ shared: true });
beforeEach(() => {
  db = currentDb();
});

const site = SITES[0]!;

async function endedSession() {
  const started = await sessions.createSession(db, { platform: site.id, host: 'example.org', startedMs: Date.now() - 50 * 60_000 });
  await sessions.endSession(db, started.id, { endedMs: Date.now() - 60_000, reason: 'call-ended' });
  return started.id;
}

describe('the check-in window opened for a session', () => {
  it('stays that session’s when storage fails while it loads: it says so, retries, and saves to the session', async () => {
    const id = await endedSession();
    vi.mocked(sessions.getSession).mockRejectedValueOnce(new StorageError('The browser refused to open Debrief’s storage.', 'unavailable'));
    render(<App sessionId={id} />);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The browser refused');
    expect(screen.queryByText('Manual check-in')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save check-in' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('button', { name: 'Save check-in' });
    expect(screen.getByText(site.name)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    const overall = screen.getByRole('radiogroup', { name: 'Overall' });
    fireEvent.click(within(overall).getByRole('radio', { name: '7' }));
    fireEvent.click(screen.getByRole('button', { name: 'Save check-in' }));
    await screen.findByText(/Check-in saved/);
    expect(screen.queryByRole('alert')).toBeNull();

    const [saved] = await listCheckIns(db);
    expect(saved).toMatchObject({ sessionId: id, platform: site.id, overall: 7 });
    expect((await sessions.getSession(db, id))?.status).toBe('answered');
  });
});

describe('“Remind me later” in the check-in window', () => {
  it.each([
    ['the background snoozed it', { ok: true }, null],
    ['the background refused', { ok: false, error: 'this session is no longer waiting for a check-in' }, 'The reminder was not set: this session is no longer waiting for a check-in'],
  ])('%s: the window says so and sends one message', async (_case, reply, alertText) => {
    const id = await endedSession();
    // The polyfill's types say sendMessage answers nothing; the background answers a snooze.
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(reply as unknown as void);
    render(<App sessionId={id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Remind me later' }));
    if (alertText === null) {
      await screen.findByText(/I’ll ask again at/);
      expect(screen.queryByRole('alert')).toBeNull();
    } else {
      expect((await screen.findByRole('alert')).textContent).toBe(alertText);
      // The window stays, with its way out still there to try again.
      expect(screen.getByRole('button', { name: 'Remind me later' })).toBeTruthy();
    }
    expect(sent.mock.calls).toEqual([[{ type: 'snooze', sessionId: id, until: expect.any(Number) }]]);
    // The page writes nothing itself: the background owns the status.
    expect((await sessions.getSession(db, id))?.status).toBe('pending');
  });
});
