import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { RoomsSection } from '@/entrypoints/options/views/RoomsSection';
import type { DebriefDb } from '@/utils/db/open';
import { getRoom, listRooms, setRoom } from '@/utils/db/rooms';
import { turnLockOn } from '@/utils/db/lock-turn';
import { unlock } from '@/utils/db/unlock';
import { forgetUnlocked } from '@/utils/lock/session';
import { roomModes } from '@/utils/storage';
import { useTestDb } from '../../support/db-fixture';

let db: DebriefDb;
const currentDb = useTestDb({ shared: true });
beforeEach(() => {
  db = currentDb();
});

function paste(link: string, button: 'Add as a therapy room' | 'Mute this meeting'): void {
  fireEvent.input(screen.getByRole('textbox', { name: 'Paste a meeting link' }), { target: { value: link } });
  fireEvent.click(screen.getByRole('button', { name: button }));
}

describe('meeting rooms in Settings', () => {
  it('lists therapy and muted rooms per platform as people know them, with a name to give and a way to remove', async () => {
    await setRoom(db, { id: 'zoom:81234567890', platform: 'zoom', kind: 'therapy', name: 'Dr. Rivera' });
    await setRoom(db, { id: 'google-meet:abc-mnop-xyz', platform: 'google-meet', kind: 'muted' });
    render(<RoomsSection />);
    const therapy = await screen.findByRole('list', { name: 'Therapy rooms on Zoom' });
    expect(therapy.textContent).toContain('Zoom meeting 812 3456 7890');
    const name = within(therapy).getByRole<HTMLInputElement>('textbox', { name: 'Name of Zoom meeting 812 3456 7890' });
    expect(name.value).toBe('Dr. Rivera');
    fireEvent.change(name, { target: { value: 'Dr. Ana Rivera' } });
    await expect.poll(async () => (await getRoom(db, 'zoom:81234567890'))?.name).toBe('Dr. Ana Rivera');
    const muted = screen.getByRole('list', { name: 'Muted meetings on Google Meet' });
    fireEvent.click(within(muted).getByRole('button', { name: 'Remove Google Meet meeting abc-mnop-xyz' }));
    await expect.poll(async () => getRoom(db, 'google-meet:abc-mnop-xyz')).toBeUndefined();
    await expect.poll(() => screen.queryByRole('list', { name: 'Muted meetings on Google Meet' })).toBeNull();
  });

  it('with the lock on and locked, a room shows its meeting and no name, and the name is back once unlocked', async () => {
    await setRoom(db, { id: 'zoom:81234567890', platform: 'zoom', kind: 'therapy', name: 'Dr. Rivera' });
    await turnLockOn(db, 'blue kettle at dawn', 1_000);
    await forgetUnlocked();
    const view = render(<RoomsSection />);
    const therapy = await screen.findByRole('list', { name: 'Therapy rooms on Zoom' });
    expect(therapy.textContent).toContain('Zoom meeting 812 3456 7890');
    expect(therapy.textContent).toContain('unlock Debrief to see or change it');
    expect(therapy.textContent).not.toContain('Rivera');
    expect(within(therapy).queryByRole('textbox')).toBeNull();
    view.unmount();
    expect(await unlock(db, 'blue kettle at dawn')).toBe(true);
    render(<RoomsSection />);
    const name = await screen.findByRole<HTMLInputElement>('textbox', { name: 'Name of Zoom meeting 812 3456 7890' });
    expect(name.value).toBe('Dr. Rivera');
    await forgetUnlocked();
  });

  it('adds a pasted meeting link as a therapy room or a muted meeting; a link naming no meeting changes nothing', async () => {
    render(<RoomsSection />);
    await screen.findByRole('textbox', { name: 'Paste a meeting link' });
    paste('https://zoom.us/wc/', 'Add as a therapy room');
    expect((await screen.findByRole('alert')).textContent).toMatch(/names no meeting/);
    paste('not a link at all', 'Mute this meeting');
    expect((await screen.findByRole('alert')).textContent).toMatch(/“not a link at all” is not a link/);
    expect(await listRooms(db)).toEqual([]);
    paste('https://us06web.zoom.us/j/88395547586?pwd=4KcslVk8qLNSDcTSjalXdrLbGG8xmR.1', 'Add as a therapy room');
    await screen.findByRole('list', { name: 'Therapy rooms on Zoom' });
    paste('meet.google.com/jfz-atvy-hrh', 'Mute this meeting');
    await screen.findByRole('list', { name: 'Muted meetings on Google Meet' });
    expect((await listRooms(db)).map((room) => [room.id, room.kind]).sort()).toEqual([
      ['google-meet:jfz-atvy-hrh', 'muted'],
      ['zoom:88395547586', 'therapy'],
    ]);
  });

  it('sets where each platform asks', async () => {
    render(<RoomsSection />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Microsoft Teams' }), { target: { value: 'therapy-rooms' } });
    await expect.poll(() => roomModes.getValue()).toEqual({ teams: 'therapy-rooms' });
  });
});
