import { useId, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { ErrorAlert } from './ErrorAlert';
import { messageOf } from '@/utils/errors';

export interface DeleteEverythingProps {
  /** Saves a last export (plain); resolves to what was saved. */
  onExportFirst(): Promise<string>;
  /** Deletes everything; resolves to what was deleted. */
  onDelete(): Promise<string>;
}

/**
 * "Delete everything…" opens a modal <dialog> (the browser traps focus and closes it on
 * Escape) that offers a last export and asks for a word (DELETE in English) to be typed before it deletes.
 */
export function DeleteEverything({ onExportFirst, onDelete }: DeleteEverythingProps) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState('');
  // Translated, so the word typed is one of the reader's own language.
  const confirmWord = t('wipe.confirmWord');
  const confirmed = typed.trim() === confirmWord;

  const open = () => {
    setTyped('');
    setNote('');
    setError(null);
    setDone('');
    dialog.current?.showModal();
    // Start on the safe choice, not on the delete.
    dialog.current?.querySelector<HTMLButtonElement>('[data-autofocus]')?.focus();
  };
  const close = () => dialog.current?.close();

  const exportFirst = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      setNote(await onExportFirst());
    } catch (err) {
      setError(t('wipe.exportFailed', { error: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (event: Event) => {
    event.preventDefault();
    if (busy || !confirmed) return;
    setBusy(true);
    setError(null);
    try {
      const message = await onDelete();
      close();
      setDone(message);
    } catch (err) {
      setError(t('wipe.failed', { error: messageOf(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sync-section sync-danger" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('wipe.title')}</h3>
      <p class="hint">{t('wipe.hint')}</p>
      <button ref={opener} type="button" class="danger" onClick={open}>
        {t('wipe.open')}
      </button>
      <p class="status-line" role="status">
        {done}
      </p>
      <dialog
        ref={dialog}
        class="sync-dialog"
        aria-labelledby={`${id}-dialog-title`}
        aria-describedby={`${id}-dialog-text`}
        // Focus goes back to the button that opened it, however the dialog closes.
        onClose={() => opener.current?.focus()}
      >
        <form onSubmit={remove}>
          <h3 id={`${id}-dialog-title`}>{t('wipe.dialogTitle')}</h3>
          <p id={`${id}-dialog-text`}>{t('wipe.dialogText')}</p>
          <p>{t('wipe.saveFirst')}</p>
          <div class="form-actions">
            <button type="button" data-autofocus aria-disabled={busy || undefined} onClick={() => void exportFirst()}>
              {t('wipe.exportFirst')}
            </button>
          </div>
          <p class="status-line" role="status">
            {note}
          </p>
          <label class="field">
            <span>{t('wipe.typeToConfirm', { word: confirmWord })}</span>
            <input
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
          </label>
          <ErrorAlert message={error} />
          <div class="form-actions">
            <button type="submit" class="danger" disabled={!confirmed || busy}>
              {t('wipe.delete')}
            </button>
            <button type="button" onClick={close}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
