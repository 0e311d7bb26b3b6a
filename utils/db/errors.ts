import { t } from '../i18n/index.ts';
import { messageOf } from '../errors';

/** A storage failure in words a person can act on. */
export class StorageError extends Error {
  constructor(
    message: string,
    readonly kind: 'quota' | 'blocked' | 'unavailable' | 'locked' | 'unknown',
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
    return new StorageError(t('storage.quota'), 'quota', { cause: error });
  }
  if (name === 'InvalidStateError' || name === 'UnknownError') {
    return new StorageError(t('storage.unavailable'), 'unavailable', { cause: error });
  }
  const detail = messageOf(error);
  return new StorageError(t('storage.unknown', { detail }), 'unknown', { cause: error });
}

/** Runs storage work, turning any failure into a StorageError. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStorageError(error);
  }
}

/** Reading what the person wrote while the lock is on and not unlocked: pages show the unlock screen. */
export function lockedError(): StorageError {
  return new StorageError(t('lock.locked'), 'locked');
}

/** True for the error a read raises while locked. */
export function isLocked(error: unknown): boolean {
  return error instanceof StorageError && error.kind === 'locked';
}

/** For `.catch`: what a read gives while locked (the window goes on without it); other errors pass. */
export function whenLocked<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if (isLocked(error)) return fallback;
    throw error;
  };
}

/** Said when an upgrade waits on another open Debrief page. */
export function blockedMessage(): string {
  return t('storage.blocked');
}
