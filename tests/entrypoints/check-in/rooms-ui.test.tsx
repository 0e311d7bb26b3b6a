import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { App as CheckInWindow } from '@/entrypoints/check-in/App';
import { getRoom, setRoom } from '@/utils/db/rooms';
import type { DebriefDb } from '@/utils/db/open';
import { createSession, endSession, getSession } from '@/utils/db/sessions';
import { roomModes } from '@/utils/storage';
import { useTestDb } from '../../support/db-fixture';

let db: DebriefDb;
const currentDb = useTestDb({ shared: true });
beforeEach(() => {
  db = currentDb();
});

async function endedSession(platform: string, roomKey: string | null): Promise<string> {
  const started = await createSession(db, { platform, host: 'example.org', startedMs: Date.now() - 50 * 60_000, roomKey });
  await endSession(db, started.id, { endedMs: Date.now() - 60_000, reason: 'call-ended' });
  return started.id;
}

async function markNotTherapy(): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name: 'Not a therapy session' }));
  const group = await screen.findByRole('group', { name: 'Not a therapy session' });
  fireEvent.click(within(group).getByText('More choices'));
  return group;
}

describe('teaching Debrief from the check-in window', () => {
  it('mutes the meeting, or makes Zoom ask only in therapy rooms, and says what it did', async () => {
    render(<CheckInWindow sessionId={await endedSession('zoom', 'zoom:81234567890')} />);
    const group = await markNotTherapy();
    fireEvent.click(within(group).getByRole('button', { name: "Don't ask about this meeting again" }));
    await within(group).findByText(/will not ask about this meeting again/);
    expect(await getRoom(db, 'zoom:81234567890')).toMatchObject({ kind: 'muted', platform: 'zoom' });
    fireEvent.click(within(group).getByRole('button', { name: 'On Zoom, ask only in my therapy rooms' }));
    await within(group).findByText(/On Zoom, Debrief now asks only in your therapy rooms/);
    expect(await roomModes.getValue()).toEqual({ zoom: 'therapy-rooms' });
    // A choice taken is not offered again; the one left still is.
    expect(within(group).queryByRole('button', { name: "Don't ask about this meeting again" })).toBeNull();
    expect(within(group).getByRole('button', { name: 'Stop asking on Zoom' })).toBeTruthy();
  });

  it('Undo takes back the session and every lasting choice taken with it', async () => {
    const sessionId = await endedSession('zoom', 'zoom:81234567890');
    render(<CheckInWindow sessionId={sessionId} />);
    const group = await markNotTherapy();
    fireEvent.click(within(group).getByRole('button', { name: "Don't ask about this meeting again" }));
    await within(group).findByText(/will not ask about this meeting again/);
    fireEvent.click(within(group).getByRole('button', { name: 'On Zoom, ask only in my therapy rooms' }));
    await within(group).findByText(/On Zoom, Debrief now asks only in your therapy rooms/);
    fireEvent.click(within(group).getByRole('button', { name: 'Undo' }));
    await screen.findByRole('button', { name: 'Not a therapy session' });
    expect(await getRoom(db, 'zoom:81234567890')).toBeUndefined();
    expect((await roomModes.getValue()).zoom ?? 'every-room').toBe('every-room');
    expect((await getSession(db, sessionId))?.status).toBe('pending');
  });

  it('offers only "Stop asking" on a therapy service, where every call is asked about', async () => {
    render(<CheckInWindow sessionId={await endedSession('doxy-me', null)} />);
    const group = await markNotTherapy();
    expect(within(group).getAllByRole('button').map((button) => button.textContent)).toEqual(['Undo', 'Close', 'Stop asking on Doxy.me']);
  });

  it('says a session in the desktop app ran there and its length is not known', async () => {
    const session = await createSession(db, { platform: 'zoom', host: 'zoom.us', startedMs: Date.now() - 60 * 60_000, roomKey: 'zoom:1', appDueMs: Date.now() - 1 });
    render(<CheckInWindow sessionId={session.id} />);
    expect((await screen.findByText(/in the Zoom app/)).textContent).toMatch(/in the Zoom app · length not known$/);
  });

  it("fills in the therapist with the room's name", async () => {
    await setRoom(db, { id: 'zoom:81234567890', platform: 'zoom', kind: 'therapy', name: 'Dr. Rivera' });
    render(<CheckInWindow sessionId={await endedSession('zoom', 'zoom:81234567890')} />);
    fireEvent.click(await screen.findByText(/More notes/));
    expect((await screen.findByRole<HTMLInputElement>('textbox', { name: 'Therapist (optional)' })).value).toBe('Dr. Rivera');
  });
});
