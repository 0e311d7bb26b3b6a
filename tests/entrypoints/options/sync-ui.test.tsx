import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { SyncView } from '@/entrypoints/options/views/Sync';
import { emptyNotes, emptyRatings } from '@/utils/checkin/instrument';
import { saveCheckIn, type NewCheckIn } from '@/utils/db/checkins';
import type { DebriefDb } from '@/utils/db/open';
import { wrongPassphrase } from '@/utils/sync/crypto';
import { CSV_MIME } from '@/utils/sync/csv';
import { exportData, exportText, serializeExport } from '@/utils/sync/export';
import { parseExport, type DebriefExport } from '@/utils/sync/format';
import { readExportText } from '@/utils/sync/read';
import { checkIn, stamp } from '../../support/sync-fixtures';
import { newCheckIn, useTestDb } from '../../support/db-fixture';

const FAST = { iterations: 1_000, minIterations: 1_000 };
let db: DebriefDb;
let saved: { name: string; text: string; mime: string }[];

const sharedDb = useTestDb({ shared: true }, cleanup);
beforeEach(() => {
  db = sharedDb();
  saved = [];
});

function entry(helpful: string, overall = 7): NewCheckIn {
  return newCheckIn({ ratings: { ...emptyRatings(), trust: 8 }, overall, notes: { ...emptyNotes(), helpful } });
}

async function renderSync() {
  render(
    <SyncView
      crypto={FAST}
      win={{}}
      downloads={null}
      saveFile={(name, text, mime) => saved.push({ name, text, mime })}
      now={() => new Date(2026, 10, 26, 9, 30)}
    />,
  );
  await screen.findByRole('button', { name: 'Export all data' });
}

/** Everything the person would see after an import: records and deletions (the export time aside). */
async function snapshot() {
  const { exportedAt: _ignored, ...data } = await exportData(db);
  return JSON.stringify(data);
}

function chooseFile(text: string, name = 'debrief-export.json', size?: number) {
  const file = new File([text], name, { type: 'application/json' });
  if (size !== undefined) Object.defineProperty(file, 'size', { value: size });
  const input = screen.getByLabelText('Import a file');
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

function fileFrom(data: Partial<DebriefExport>): string {
  return serializeExport({
    format: 'debrief',
    version: 2,
    exportedAt: '2026-11-20T10:00:00.000+01:00',
    deviceId: 'laptop-0000-4000-8000-000000000000',
    checkIns: [],
    sessions: [],
    goals: [],
    tombstones: [],
    rooms: [],
    ...data,
  });
}


describe('export', () => {
  it('saves a file whose text parses back to every check-in', async () => {
    await saveCheckIn(db, entry('Naming the pattern'));
    await saveCheckIn(db, entry('Breathing out longer'));
    await renderSync();
    fireEvent.click(screen.getByRole('button', { name: 'Export all data' }));
    await screen.findByText(/Saved debrief-export-2026-11-26\.json: 2 check-ins/);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.mime).toBe('application/json');
    const parsed = parseExport(saved[0]!.text);
    expect(parsed.ok && parsed.file.checkIns.map((c) => c.notes.helpful).sort()).toEqual(['Breathing out longer', 'Naming the pattern']);
  });

  it('encrypts with a confirmed passphrase, which opens it again and nothing else does', async () => {
    await saveCheckIn(db, entry('Private words'));
    await renderSync();
    fireEvent.click(screen.getByLabelText('Encrypt with a passphrase'));
    expect(screen.getByText(/nobody can open the file, not even you/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'correct horse' } });
    fireEvent.input(screen.getByLabelText('Confirm passphrase'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export all data' }));
    await screen.findByText(/Saved debrief-export-2026-11-26-encrypted\.json, encrypted/);
    expect(saved[0]!.text).not.toContain('Private words');
    const opened = await readExportText(saved[0]!.text, 'correct horse', FAST);
    expect(opened.ok && opened.file.checkIns[0]!.notes.helpful).toBe('Private words');
    expect(await readExportText(saved[0]!.text, 'wrong horse', FAST)).toMatchObject({ ok: false, error: wrongPassphrase() });
  });

  it.each([
    ['short', 'short', 'at least 8 characters'],
    ['correct horse', 'correct hose', 'not the same'],
  ])('refuses passphrase %j confirmed as %j', async (passphrase, confirm, message) => {
    await renderSync();
    fireEvent.click(screen.getByLabelText('Encrypt with a passphrase'));
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: passphrase } });
    fireEvent.input(screen.getByLabelText('Confirm passphrase'), { target: { value: confirm } });
    fireEvent.click(screen.getByRole('button', { name: 'Export all data' }));
    expect((await screen.findByRole('alert')).textContent).toContain(message);
    expect(saved).toHaveLength(0);
  });

  it('saves check-ins as CSV with one column per sign', async () => {
    await saveCheckIn(db, entry('=HYPERLINK("http://evil")'));
    await renderSync();
    fireEvent.click(screen.getByRole('button', { name: 'Export check-ins as CSV' }));
    await screen.findByText('Saved debrief-check-ins-2026-11-26.csv: 1 check-in.');
    expect(saved[0]!.mime).toBe(CSV_MIME);
    expect(saved[0]!.text).toContain('trust');
    expect(saved[0]!.text).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });
});

describe('import', () => {
  it('previews new, updated, unchanged and kept-as-history, imports on confirm, and undo puts it back', async () => {
    await db.put('checkIns', checkIn('shared', stamp(10)));
    await db.put('checkIns', checkIn('same', stamp(10)));
    const before = await snapshot();
    await renderSync();
    chooseFile(
      fileFrom({
        checkIns: [
          checkIn('shared', stamp(20, 0, 'dev-b'), { overall: 9 }),
          checkIn('same', stamp(10)),
          checkIn('brand-new', stamp(30, 0, 'dev-b')),
        ],
      }),
    );
    const heading = await screen.findByRole('heading', { name: 'What importing debrief-export.json will change' });
    const preview = heading.parentElement!;
    const counts = Object.fromEntries(
      [...preview.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.querySelector('strong')!.textContent]),
    );
    expect(counts).toEqual({ New: '1 check-in', Updated: '1 check-in', Deleted: 'none', Unchanged: '1 check-in', 'Kept as history': '1 check-in' });
    expect(await snapshot()).toBe(before);

    fireEvent.click(within(preview).getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported: 1 new, 1 updated, 0 deleted, 1 unchanged, 1 kept as history/);
    expect((await db.get('checkIns', 'shared'))!.overall).toBe(9);
    expect(await db.get('checkIns', 'brand-new')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Undo import' }));
    await screen.findByText(/^Import undone: 2 records put back as before/);
    expect(await snapshot()).toBe(before);
    expect(screen.queryByRole('button', { name: 'Undo import' })).toBeNull();
  });

  it('cancel leaves everything as it was', async () => {
    await renderSync();
    chooseFile(fileFrom({ checkIns: [checkIn('new-one', stamp(5))] }));
    await screen.findByRole('heading', { name: /What importing/ });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await screen.findByText('Import cancelled: nothing was changed.');
    expect(await db.count('checkIns')).toBe(0);
  });

  const badFiles: [string, () => Promise<string>, string, number?][] = [
    ['not JSON', async () => 'hello, I am a note', 'it is not valid JSON'],
    ['cut off', async () => fileFrom({ checkIns: [checkIn('x', stamp(1))] }).slice(0, 120), 'This file is incomplete'],
    ['empty', async () => '', 'This file is empty.'],
    ['another app', async () => JSON.stringify({ app: 'moodtracker', entries: [] }), 'not a Debrief export'],
    ['newer format', async () => fileFrom({}).replace('"version":2', '"version":3'), 'made by a newer version of Debrief'],
    ['wrong type', async () => fileFrom({ checkIns: [{ ...checkIn('x', stamp(1)), overall: 'seven' as never }] }), '"overall"'],
    ['extra key', async () => fileFrom({ checkIns: [{ ...checkIn('x', stamp(1)), mood: 3 } as never] }), 'a field Debrief does not know: "mood"'],
    ['__proto__ key', async () => fileFrom({}).replace('"checkIns":[]', '"checkIns":[],"__proto__":{"admin":true}'), '"__proto__"'],
    ['too large', async () => fileFrom({}), 'larger than the 200.1 MB Debrief can import', 210 * 1024 * 1024],
    [
      'tampered encryption',
      async () => {
        const text = await exportText(JSON.parse(fileFrom({})) as DebriefExport, 'correct horse', FAST);
        const envelope = JSON.parse(text) as { data: string };
        envelope.data = (envelope.data[0] === 'A' ? 'B' : 'A') + envelope.data.slice(1);
        return JSON.stringify(envelope);
      },
      wrongPassphrase(),
    ],
  ];

  it.each(badFiles)('a file that is %s shows its message and changes nothing', async (_case, make, message, size) => {
    await saveCheckIn(db, entry('Kept safe'));
    const before = await snapshot();
    const text = await make();
    await renderSync();
    chooseFile(text, 'bad.json', size);
    if (message === wrongPassphrase()) {
      await screen.findByLabelText('Passphrase for this file');
      fireEvent.input(screen.getByLabelText('Passphrase for this file'), { target: { value: 'correct horse' } });
      fireEvent.click(screen.getByRole('button', { name: 'Open file' }));
    }
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(message);
    expect(screen.queryByRole('button', { name: 'Import' })).toBeNull();
    expect(await snapshot()).toBe(before);
  });

  it('asks for the passphrase of an encrypted file, says when it is wrong, and opens it on retry', async () => {
    const text = await exportText(JSON.parse(fileFrom({ checkIns: [checkIn('secret', stamp(3))] })) as DebriefExport, 'correct horse', FAST);
    await renderSync();
    chooseFile(text, 'debrief-encrypted.json');
    const field = await screen.findByLabelText('Passphrase for this file');
    expect(screen.getByText('debrief-encrypted.json is encrypted. Enter the passphrase it was saved with.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();

    fireEvent.input(field, { target: { value: 'incorrect horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open file' }));
    expect((await screen.findByRole('alert')).textContent).toBe(wrongPassphrase());
    expect(screen.getByLabelText('Passphrase for this file')).toBeTruthy();

    fireEvent.input(screen.getByLabelText('Passphrase for this file'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Open file' }));
    await screen.findByText(/\(encrypted\): 1 check-in/);
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported: 1 new/);
    expect(await db.get('checkIns', 'secret')).toBeTruthy();
  });
});

describe('delete everything', () => {
  it('asks for DELETE, offers a last export, then clears every store but keeps the device id', async () => {
    await saveCheckIn(db, entry('Gone soon'));
    await db.put('drafts', { key: 'manual', savedAt: '', ...entry('draft') });
    const deviceId = (await exportData(db)).deviceId;
    await renderSync();
    const opener = screen.getByRole('button', { name: 'Delete everything…' });
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Delete everything?' });
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Export first' }));

    const confirm = within(dialog).getByRole('button', { name: 'Delete everything' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export first' }));
    await within(dialog).findByText(/Saved debrief-export-2026-11-26\.json: 1 check-in/);
    expect(parseExport(saved[0]!.text).ok).toBe(true);

    fireEvent.input(within(dialog).getByLabelText('Type DELETE to confirm'), { target: { value: 'delete' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.input(within(dialog).getByLabelText('Type DELETE to confirm'), { target: { value: 'DELETE' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await screen.findByText('Deleted 1 check-in, 0 sessions and 0 goals. Your settings are kept.');
    await waitFor(() => expect(document.activeElement).toBe(opener));

    for (const store of ['checkIns', 'sessions', 'goals', 'drafts', 'tombstones'] as const) expect(await db.count(store)).toBe(0);
    expect((await exportData(db)).deviceId).toBe(deviceId);
  });

  it('Cancel deletes nothing', async () => {
    await saveCheckIn(db, entry('Still here'));
    await renderSync();
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything…' }));
    const dialog = screen.getByRole('dialog');
    fireEvent.input(within(dialog).getByLabelText('Type DELETE to confirm'), { target: { value: 'DELETE' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await db.count('checkIns')).toBe(1);
  });
});
