/**
 * Sync & backup in a Spanish browser: the same flows as tests/sync-ui*.test.tsx, told in Spanish,
 * with Spanish plurals, and the confirmation word a Spanish reader types.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { BackupSettings } from '@/components/BackupSettings';
import { SyncFolder, type SyncFolderState } from '@/components/SyncFolder';
import { SyncView } from '@/entrypoints/options/views/Sync';
import { emptyNotes } from '@/utils/checkin/instrument';
import { saveCheckIn } from '@/utils/db/checkins';
import type { DebriefDb } from '@/utils/db/open';
import es from '@/utils/i18n/locales/es.json';
import { chromeMessages, messageGetter } from '@/tests/support/locale-messages';
import { decryptEnvelope, encryptText, wrongPassphrase } from '@/utils/sync/crypto';
import { serializeExport } from '@/utils/sync/export';
import type { MergePreview } from '@/utils/sync/plan';
import { checkIn, stamp } from '../../support/sync-fixtures';
import { newCheckIn, useTestDb } from '../../support/db-fixture';

const FAST = { iterations: 1_000, minIterations: 1_000 };
let db: DebriefDb;
let saved: string[];

const sharedDb = useTestDb({ shared: true }, cleanup);
beforeEach(() => {
  fakeBrowser.i18n.getMessage = messageGetter(chromeMessages(es)) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'es-ES';
  db = sharedDb();
  saved = [];
});

async function renderSync() {
  render(<SyncView crypto={FAST} win={{}} downloads={null} saveFile={(name) => saved.push(name)} now={() => new Date(2026, 10, 26, 9, 30)} />);
  await screen.findByRole('button', { name: 'Exportar todos los datos' });
}

function chooseFile(text: string, name: string) {
  const input = screen.getByLabelText('Importar un archivo');
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  fireEvent.change(input);
}

const counts = (changes: Partial<MergePreview>): MergePreview => ({
  new: 0,
  updated: 0,
  deleted: 0,
  unchanged: 0,
  keptAsHistory: 0,
  moved: 0,
  byStore: {} as MergePreview['byStore'],
  ...changes,
});

describe('Sync & backup in Spanish', () => {
  it('exports, points to export and import where there is no sync folder, and deletes once BORRAR is typed', async () => {
    for (const helpful of ['Uno', 'Dos']) {
      await saveCheckIn(db, newCheckIn({ overall: 6, notes: { ...emptyNotes(), helpful } }));
    }
    await renderSync();
    fireEvent.click(screen.getByRole('button', { name: 'Exportar todos los datos' }));
    await screen.findByText('Se guardó debrief-export-2026-11-26.json: 2 registros, 0 sesiones y 0 metas.');
    expect(saved).toEqual(['debrief-export-2026-11-26.json']);
    const notice = screen.getByText(/Este navegador no puede usar una carpeta de sincronización/);
    expect(notice.textContent).toContain('usa «Exportar todos los datos», más arriba, en uno e «Importar un archivo» en el otro.');

    fireEvent.click(screen.getByRole('button', { name: 'Borrar todo…' }));
    const dialog = screen.getByRole('dialog', { name: '¿Borrar todo?' });
    const confirm = within(dialog).getByRole('button', { name: 'Borrar todo' }) as HTMLButtonElement;
    fireEvent.input(within(dialog).getByLabelText('Escribe BORRAR para confirmar'), { target: { value: 'DELETE' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.input(within(dialog).getByLabelText('Escribe BORRAR para confirmar'), { target: { value: 'BORRAR' } });
    fireEvent.click(confirm);
    await screen.findByText('Se ha borrado todo: 2 registros, 0 sesiones y 0 metas. Tus ajustes se mantienen.');
    expect(await db.count('checkIns')).toBe(0);
  });

  it('previews, imports and undoes an import in Spanish', async () => {
    await renderSync();
    const file = {
      format: 'debrief' as const, version: 2 as const, exportedAt: '2026-11-20T10:00:00.000+01:00',
      deviceId: 'laptop-0000-4000-8000-000000000000', checkIns: [checkIn('nuevo', stamp(5))], sessions: [], goals: [], tombstones: [], rooms: [],
    };
    chooseFile(serializeExport(file), 'copia.json');
    await screen.findByRole('heading', { name: 'Qué cambiará al importar copia.json' });
    expect(screen.getByText(/^Exportado el .* desde otro dispositivo: 1 registro, 0 sesiones y 0 metas\.$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Importar' }));
    await screen.findByText(/^Importación hecha\. Nuevos: 1; actualizados: 0; borrados: 0; sin cambios: 0; guardados en el historial: 0\./);
    fireEvent.click(screen.getByRole('button', { name: 'Deshacer la importación' }));
    await screen.findByText('Importación deshecha: 1 elemento ha vuelto a quedar como estaba.');
  });

  it('says a wrong passphrase in the language of the moment it is used, not of when the code loaded', async () => {
    const envelope = await encryptText('{}', 'correct horse', FAST);
    const message = 'La frase de contraseña no es correcta, o el archivo se modificó después de guardarlo.';
    expect(wrongPassphrase()).toBe(message);
    expect(await decryptEnvelope(envelope, 'wrong horse', FAST)).toEqual({ ok: false, error: message });
  });

  it('reports each device file with Spanish plurals and a Spanish list', () => {
    const state: SyncFolderState = {
      folderName: 'Dropbox', access: 'granted', deviceName: '', defaultDeviceName: 'abcd1234', ownFile: 'debrief-abcd1234.json',
      encrypt: false, hasPassphrase: false, lastWritten: null,
      report: [
        { name: 'debrief-casa.json', ok: true, preview: counts({ new: 1, updated: 2, keptAsHistory: 3 }) },
        { name: 'debrief-movil.json', ok: true, preview: counts({ unchanged: 4 }) },
        { name: 'debrief-viejo.json', ok: false, error: 'Este archivo está vacío.' },
      ],
    };
    const noop = () => undefined;
    render(
      <SyncFolder supported state={state} busy={false} error={null} onChoose={noop} onAllow={noop} onSyncNow={noop} onForget={noop}
        onDeviceName={noop} onEncrypt={noop} onPassphrase={noop} />,
    );
    expect(screen.getByText('Sincronizado con 3 archivos de otros dispositivos:')).toBeTruthy();
    expect([...document.querySelectorAll('.sync-report li')].map((item) => item.textContent)).toEqual([
      'debrief-casa.json: combinado, 1 nuevo, 2 actualizados, 3 guardados en el historial',
      'debrief-movil.json: combinado, nada nuevo',
      'debrief-viejo.json: no se combinó. Este archivo está vacío.',
    ]);
    expect(screen.getByText('Dropbox').parentElement!.textContent).toBe('Carpeta de sincronización: Dropbox. Este dispositivo escribe debrief-abcd1234.json.');
  });

  it('asks for a number of backups to keep in Spanish', async () => {
    render(
      <BackupSettings frequency="daily" keep={7} lastBackup={null} failure={null} available onFrequency={() => undefined}
        onKeep={() => undefined} onBackUpNow={async () => ''} />,
    );
    expect(screen.getByRole('radio', { name: 'Cada día' })).toHaveProperty('checked', true);
    fireEvent.input(screen.getByLabelText('Copias que conservar'), { target: { value: '0' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Escribe un número entero entre 1 y 100.'));
    expect(screen.getByText('Todavía no se ha hecho ninguna copia.')).toBeTruthy();
  });
});
