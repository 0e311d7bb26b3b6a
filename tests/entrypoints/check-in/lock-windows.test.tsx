import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { CheckInScreen } from '@/components/CheckInScreen';
import { ReflectionView } from '@/entrypoints/check-in/Reflection';
import { emptyAnswers } from '@/utils/checkin/answers';
import { emptyNotes } from '@/utils/checkin/instrument';
import { dbCheckInStore } from '@/utils/checkin/store';
import { loadWindowData } from '@/entrypoints/check-in/load';
import { getDraft, putDraft } from '@/utils/db/drafts';
import { turnLockOn } from '@/utils/db/lock-turn';
import type { DebriefDb } from '@/utils/db/open';
import { setRoom } from '@/utils/db/rooms';
import { createSession } from '@/utils/db/sessions';
import { unlock } from '@/utils/db/unlock';
import { forgetUnlocked } from '@/utils/lock/session';
import { saveAfterCall, useTestDb } from '../../support/db-fixture';

const FAST = 1_000;
const PASSPHRASE = 'blue kettle at dawn';
let db: DebriefDb;
const currentDb = useTestDb({ shared: true });
beforeEach(async () => {
  db = currentDb();
  await forgetUnlocked();
});

async function unlockWith(secret: string) {
  fireEvent.input(screen.getByLabelText('Passphrase or recovery key'), { target: { value: secret } });
  fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
}

describe('the check-in window while locked', () => {
  it('keeps a check-in started earlier: no form to type over it, unlock inline, then it continues as left', async () => {
    await turnLockOn(db, PASSPHRASE, FAST);
    await forgetUnlocked();
    await putDraft(db, 'manual', { ...emptyAnswers(), notes: { ...emptyNotes(), nextTime: 'the letter from my father' } });
    const sealedBefore = (await db.get('drafts', 'manual'))?.sealed;
    expect(sealedBefore).toBeDefined();

    render(<CheckInScreen store={dbCheckInStore()} session={null} goals={[]} />);
    expect(await screen.findByText(/Unlock to continue the check-in you started/)).toBeTruthy();
    expect(screen.queryByLabelText('To bring up next time')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Save check-in' })).toBeNull();

    await unlockWith('blue kettle at dusk');
    expect((await screen.findByRole('alert')).textContent).toMatch(/neither the passphrase nor the recovery key/);
    expect((await db.get('drafts', 'manual'))?.sealed).toBe(sealedBefore);

    await unlockWith(PASSPHRASE);
    const note = (await screen.findByLabelText('To bring up next time')) as HTMLTextAreaElement;
    expect(note.value).toBe('the letter from my father');
    fireEvent.input(note, { target: { value: 'the letter from my father, and the call' } });
    await waitFor(async () => expect((await getDraft(db, 'manual'))?.notes.nextTime).toBe('the letter from my father, and the call'));
  });

  it('takes a new check-in while locked when none was started: the form is there and its draft is kept sealed', async () => {
    await turnLockOn(db, PASSPHRASE, FAST);
    await forgetUnlocked();
    render(<CheckInScreen store={dbCheckInStore()} session={null} goals={[]} />);
    fireEvent.input(await screen.findByLabelText('To bring up next time'), { target: { value: 'sleep' } });
    await waitFor(async () => expect((await db.get('drafts', 'manual'))?.sealed).toBeDefined());
    expect(JSON.stringify(await db.get('drafts', 'manual'))).not.toContain('sleep');
    expect(screen.queryByText(/Unlock to continue/)).toBeNull();
  });
});

describe('the check-in window’s therapist from a room’s name', () => {
  it('is left blank while locked and filled in once unlocked', async () => {
    await setRoom(db, { id: 'zoom:81234567890', platform: 'zoom', kind: 'therapy', name: 'Dr. Rivera' });
    await turnLockOn(db, PASSPHRASE, FAST);
    await forgetUnlocked();
    const session = await createSession(db, { platform: 'zoom', host: 'zoom.us', startedMs: Date.now(), roomKey: 'zoom:81234567890' });
    expect((await loadWindowData(session.id)).provider).toBe('');
    expect(await unlock(db, PASSPHRASE)).toBe(true);
    expect((await loadWindowData(session.id)).provider).toBe('Dr. Rivera');
  });
});

describe('the follow-up window while locked', () => {
  it('shows the unlock form instead of an error, then the takeaway once unlocked', async () => {
    const checkIn = await saveAfterCall(db, 'zoom', { notes: { ...emptyNotes(), takeaway: 'Pause before replying' }, overall: 6 });
    await turnLockOn(db, PASSPHRASE, FAST);
    await forgetUnlocked();
    render(<ReflectionView checkInId={checkIn.id} />);
    expect(await screen.findByText(/Unlock to see what you took away/)).toBeTruthy();
    expect(screen.queryByText('Pause before replying')).toBeNull();
    await unlockWith(PASSPHRASE);
    expect(await screen.findByText('Pause before replying')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
