import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { SyncView } from '@/entrypoints/options/views/Sync';
import type { DebriefDb } from '@/utils/db/open';
import { useTestDb } from '../../support/db-fixture';
import { exportData, exportText, serializeExport } from '@/utils/sync/export';
import type { DebriefExport } from '@/utils/sync/format';
import { checkIn, exportOf, goal, session, stamp } from '../../support/sync-fixtures';

const FAST = { iterations: 1_000, minIterations: 1_000 };
let db: DebriefDb;

const sharedDb = useTestDb({ shared: true }, cleanup);
beforeEach(() => {
  db = sharedDb();
});

async function renderSync() {
  render(<SyncView crypto={FAST} win={{}} downloads={null} saveFile={() => undefined} now={() => new Date(2026, 10, 26, 9, 30)} />);
  await screen.findByRole('button', { name: 'Export all data' });
}

function chooseFile(text: string, name = 'debrief-export.json') {
  const input = screen.getByLabelText('Import a file');
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
}

/** A file from another device, whose id a person would not recognise. */
const fileFrom = (data: Partial<DebriefExport>): DebriefExport => ({ ...exportOf(data), deviceId: 'b7e1c2d4-0000-4000-8000-000000000000' });

const many = <T,>(count: number, make: (n: number) => T): T[] => Array.from({ length: count }, (_, n) => make(n));

/** The preview's rows as a person reads them: "New" → "40 check-ins, 38 sessions, 3 goals". */
async function previewRows() {
  const heading = await screen.findByRole('heading', { name: /^What importing/ });
  const preview = heading.parentElement!;
  return { preview, rows: Object.fromEntries([...preview.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.querySelector('strong')!.textContent])) };
}

describe('the import preview says what happened', () => {
  it('counts by kind, and names the other device without its raw id', async () => {
    await renderSync();
    const file = fileFrom({
      checkIns: many(40, (n) => checkIn(`c${n}`, stamp(n + 1, 0, 'dev-b'))),
      sessions: many(38, (n) => session(`s${n}`, stamp(n + 1, 0, 'dev-b'))),
      goals: many(3, (n) => goal(`g${n}`, stamp(n + 1, 0, 'dev-b'))),
    });
    chooseFile(serializeExport(file));
    const { preview, rows } = await previewRows();
    expect(rows.New).toBe('40 check-ins, 38 sessions, 3 goals');
    expect(rows.Updated).toBe('none');
    expect(preview.textContent).not.toMatch(/81|b7e1c2d4/);
    expect(within(preview).getByText(/^Exported .* by another device: 40 check-ins, 38 sessions, 3 goals\.$/)).toBeTruthy();
    expect(within(preview).getByRole('button', { name: 'Import' })).toBeTruthy();
  });

  it('an identical file says there is nothing new and offers no Import', async () => {
    await db.put('checkIns', checkIn('same', stamp(10)));
    await renderSync();
    chooseFile(serializeExport({ ...(await exportData(db)), deviceId: 'b7e1c2d4-0000-4000-8000-000000000000' }));
    const { preview } = await previewRows();
    expect(within(preview).getByText('Nothing new in this file: everything in it is already on this device.')).toBeTruthy();
    expect(within(preview).queryByRole('button', { name: 'Import' })).toBeNull();
    fireEvent.click(within(preview).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('heading', { name: /^What importing/ })).toBeNull();
  });

  it('a file this device exported says so', async () => {
    await db.put('checkIns', checkIn('mine', stamp(10)));
    const own = await exportData(db);
    await db.delete('checkIns', 'mine');
    await renderSync();
    chooseFile(serializeExport(own));
    const { preview } = await previewRows();
    expect(within(preview).getByText(/ by this device: 1 check-in, 0 sessions, 0 goals\.$/)).toBeTruthy();
  });

  it('"Open file" with no passphrase says what is missing and opens nothing', async () => {
    const text = await exportText(fileFrom({ checkIns: [checkIn('secret', stamp(3))] }), 'correct horse', FAST);
    await renderSync();
    chooseFile(text, 'debrief-encrypted.json');
    await screen.findByLabelText('Passphrase for this file');
    fireEvent.click(screen.getByRole('button', { name: 'Open file' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Enter the passphrase to open this file.');
    expect(screen.queryByRole('heading', { name: /^What importing/ })).toBeNull();
  });

  it("the error about a new file sits above the earlier import's Undo", async () => {
    await renderSync();
    chooseFile(serializeExport(fileFrom({ checkIns: [checkIn('new-one', stamp(5, 0, 'dev-b'))] })));
    const { preview } = await previewRows();
    fireEvent.click(within(preview).getByRole('button', { name: 'Import' }));
    await screen.findByText(/^Imported: 1 new/);
    chooseFile('hello, I am a note', 'note.json');
    const alert = await screen.findByRole('alert');
    const undo = screen.getByRole('button', { name: 'Undo import' });
    expect(alert.compareDocumentPosition(undo) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
