import { fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { ReflectionView } from '@/entrypoints/check-in/Reflection';
import { emptyNotes } from '@/utils/checkin/instrument';
import { getCheckIn } from '@/utils/db/checkins';
import type { DebriefDb } from '@/utils/db/open';
import { claimReflection, listReflections, scheduleReflection } from '@/utils/db/reflections';
import { saveAfterCall, useTestDb } from '../../support/db-fixture';

let db: DebriefDb;

const currentDb = useTestDb({ shared: true });
beforeEach(() => {
  db = currentDb();
});

async function savedCheckIn(takeaway = 'Pause before replying') {
  return saveAfterCall(db, 'zoom', { notes: { ...emptyNotes(), takeaway }, overall: 6 });
}

describe('follow-up reflection', () => {
  it('invites once, however many alarms fire', async () => {
    const checkIn = await savedCheckIn();
    await scheduleReflection(db, checkIn.id, 1000);
    await scheduleReflection(db, checkIn.id, 999_999);
    expect((await listReflections(db)).map((r) => r.dueMs)).toEqual([1000]);
    const claims = await Promise.all([claimReflection(db, checkIn.id), claimReflection(db, checkIn.id)]);
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimReflection(db, 'never-planned')).toBe(false);
  });

  it('adds the reflection to the check-in it follows and clears the plan', async () => {
    const checkIn = await savedCheckIn();
    await scheduleReflection(db, checkIn.id, 1000);
    render(<ReflectionView checkInId={checkIn.id} />);
    expect(await screen.findByText('Pause before replying')).toBeTruthy();
    const scale = screen.getByRole('radiogroup', { name: 'Used since the session' });
    fireEvent.click(within(scale).getByRole('radio', { name: '8' }));
    fireEvent.input(screen.getByLabelText('What has stayed with you?'), { target: { value: 'Used it twice at work' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save follow-up' }));
    await screen.findByText('Follow-up saved.');
    const updated = await getCheckIn(db, checkIn.id);
    expect(updated!.reflection).toMatchObject({ used: 8, text: 'Used it twice at work' });
    expect(updated!.history).toHaveLength(1);
    expect(await listReflections(db)).toEqual([]);
  });

  it('asks for an answer before saving an empty reflection', async () => {
    const checkIn = await savedCheckIn();
    render(<ReflectionView checkInId={checkIn.id} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Save follow-up' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Choose a number or write/);
    expect((await getCheckIn(db, checkIn.id))!.reflection).toBeNull();
  });
});
