import { useId, useRef, useState } from 'preact/hooks';

export const CONFIRM_WORD = 'DELETE';

export interface DeleteEverythingProps {
  /** Saves a last export (plain); resolves to what was saved. */
  onExportFirst(): Promise<string>;
  /** Deletes everything; resolves to what was deleted. */
  onDelete(): Promise<string>;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * "Delete everything…" opens a modal <dialog> (the browser traps focus and closes it on
 * Escape) that offers a last export and asks for DELETE to be typed before it deletes.
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
  const confirmed = typed.trim() === CONFIRM_WORD;

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
      setError(`The export was not saved: ${messageOf(err)}`);
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
      setError(`Nothing was deleted: ${messageOf(err)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="sync-section sync-danger" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Delete everything</h3>
      <p class="hint">Removes every check-in, session, goal and draft from this browser. Your settings stay.</p>
      <button ref={opener} type="button" class="danger" onClick={open}>
        Delete everything…
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
          <h3 id={`${id}-dialog-title`}>Delete everything?</h3>
          <p id={`${id}-dialog-text`}>
            Every check-in, session, goal and draft in this browser will be deleted, and the sync folder disconnected. This
            cannot be undone. Your settings stay. Copies on your other devices, in your sync folder and in your backups are
            not touched.
          </p>
          <p>Save a copy first if you might want your entries back.</p>
          <div class="form-actions">
            <button type="button" data-autofocus aria-disabled={busy || undefined} onClick={() => void exportFirst()}>
              Export first
            </button>
          </div>
          <p class="status-line" role="status">
            {note}
          </p>
          <label class="field">
            <span>Type {CONFIRM_WORD} to confirm</span>
            <input
              type="text"
              autocomplete="off"
              autocapitalize="characters"
              spellcheck={false}
              value={typed}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
          </label>
          {error && (
            <p class="error" role="alert">
              {error}
            </p>
          )}
          <div class="form-actions">
            <button type="submit" class="danger" disabled={!confirmed || busy}>
              Delete everything
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </section>
  );
}
