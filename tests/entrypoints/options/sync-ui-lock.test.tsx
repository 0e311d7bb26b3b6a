import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { deleteDB } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncView } from '@/entrypoints/options/views/Sync';
import { emptyNotes } from '@/utils/checkin/instrument';
import { listCheckIns, saveCheckIn } from '@/utils/db/checkins';
import { readLock } from '@/utils/db/lock';
import { turnLockOn } from '@/utils/db/lock-turn';
import { getDb, openDebriefDb, resetSharedDb, type DebriefDb } from '@/utils/db/open';
import { DB_NAME } from '@/utils/db/schema';
import { forgetUnlocked } from '@/utils/lock/session';
import { exportData, exportText, serializeExport } from '@/utils/sync/export';
import { newCheckIn } from '../../support/db-fixture';

const FAST = { iterations: 1_000, minIterations: 1_000 };
const PASSPHRASE = 'blue kettle at dawn';
const OTHER_DB = 'debrief-sync-ui-lock-other';
let db: DebriefDb;

beforeEach(async () => {
  await forgetUnlocked();
  db = await getDb();
});
afterEach(async () => {
  cleanup();
  db.close();
  resetSharedDb();
  await Promise.all([deleteDB(DB_NAME), deleteDB(OTHER_DB)]);
});

/** Another device's profile, locked, with one check-in: its export travels sealed. */
async function lockedExport(): Promise<string> {
  const other = await openDebriefDb(OTHER_DB);
  await saveCheckIn(other, newCheckIn({ notes: { ...emptyNotes(), nextTime: 'the letter from my father' } }));
  await turnLockOn(other, PASSPHRASE, FAST.iterations);
  await forgetUnlocked();
  const text = serializeExport(await exportData(other));
  other.close();
  return text;
}

async function renderSync() {
  render(<SyncView crypto={FAST} win={{}} downloads={null} saveFile={() => undefined} />);
  await screen.findByRole('button', { name: 'Export all data' });
}

function chooseFile(text: string) {
  const input = screen.getByLabelText('Import a file');
  Object.defineProperty(input, 'files', { value: [new File([text], 'from-the-laptop.json', { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
}

async function typeAndSubmit(secret: string) {
  const field = await screen.findByLabelText('Passphrase this file was locked with');
  fireEvent.input(field, { target: { value: secret } });
  fireEvent.submit(field.closest('form')!);
}

describe('a file locked on another device, into this profile with no lock', () => {
  it.each([
    ['plain', (text: string) => Promise.resolve(text)],
    ['encrypted for the trip', (text: string) => exportText(JSON.parse(text), 'file secret', FAST)],
  ])('(%s) asks once for its passphrase; a wrong one is an alert and changes nothing; the right one locks here and previews', async (_, wrap) => {
    await saveCheckIn(db, newCheckIn({ notes: { ...emptyNotes(), nextTime: 'typed on the laptop' } }));
    await renderSync();
    chooseFile(await wrap(await lockedExport()));
    if (_ !== 'plain') {
      fireEvent.input(await screen.findByLabelText('Passphrase for this file'), { target: { value: 'file secret' } });
      fireEvent.click(screen.getByRole('button', { name: 'Open file' }));
    }
    expect(await screen.findByText(/was locked on another device\. Enter its passphrase .* Debrief on this device will then be locked/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    await typeAndSubmit('blue kettle at dusk');
    expect((await screen.findByRole('alert')).textContent).toBe('That passphrase or recovery key does not open this file. Nothing was changed.');
    expect(await readLock(db)).toBeUndefined();
    expect((await db.getAll('checkIns')).map((c) => c.notes.nextTime)).toEqual(['typed on the laptop']);

    await typeAndSubmit(PASSPHRASE);
    await screen.findByRole('heading', { name: /^What importing from-the-laptop\.json will change/ });
    expect(await readLock(db)).toBeDefined();
    expect(JSON.stringify(await db.getAll('checkIns'))).not.toContain('laptop');
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported/);
    expect((await listCheckIns(db)).map((c) => c.notes.nextTime).sort()).toEqual(['the letter from my father', 'typed on the laptop']);
  });

  it('into a profile locked with another passphrase: refused with what to do, nothing asked, nothing changed', async () => {
    await turnLockOn(db, 'a different passphrase', FAST.iterations);
    const lock = await readLock(db);
    await renderSync();
    chooseFile(await lockedExport());
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/locked on another device with a different passphrase: .*Nothing was changed/));
    expect(screen.queryByLabelText('Passphrase this file was locked with')).toBeNull();
    expect(await readLock(db)).toEqual(lock);
  });
});
