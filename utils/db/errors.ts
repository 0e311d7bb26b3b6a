/** A storage failure in words a person can act on. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: 'quota' | 'blocked' | 'unavailable' | 'unknown',
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** Turns an IndexedDB/DOMException into a StorageError with a clear message. */
export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError(
      'Your device is out of storage space, so this was not saved. Free some disk space and try again; what you typed is still here.',
      'quota',
      { cause: error },
    );
  }
  if (name === 'InvalidStateError' || name === 'UnknownError') {
    return new StorageError(
      'Debrief could not reach its storage. Close and reopen this window; if it keeps happening, restart the browser.',
      'unavailable',
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError(`Debrief could not save or read your data (${detail}).`, 'unknown', { cause: error });
}

export const BLOCKED_MESSAGE =
  'Debrief is being updated but another Debrief page is still open with the old version. Close other Debrief windows and tabs, then reopen this one.';
