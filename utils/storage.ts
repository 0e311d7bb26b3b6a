import { storage } from 'wxt/utils/storage';

/** What happens when a session ends. */
export type EndAction = 'window' | 'notification' | 'badge';

export const DEFAULT_MIN_SESSION_MINUTES = 10;

/** Sessions shorter than this are not asked about; 0 means every connected call counts. */
export const minSessionMinutes = storage.defineItem<number>('local:minSessionMinutes', {
  fallback: DEFAULT_MIN_SESSION_MINUTES,
  version: 1,
});

export const endAction = storage.defineItem<EndAction>('local:endAction', { fallback: 'window', version: 1 });

/** Platform ids the person turned off. */
export const disabledPlatforms = storage.defineItem<string[]>('local:disabledPlatforms', { fallback: [], version: 1 });

/** Hosts the person added themselves (permission granted at runtime). */
export const customSites = storage.defineItem<string[]>('local:customSites', { fallback: [], version: 1 });

/** Follow-up reflection: hours after a check-in; 0 turns it off. */
export const reflectionDelayHours = storage.defineItem<number>('local:reflectionDelayHours', { fallback: 24, version: 1 });

/** How long "Remind me later" waits, in minutes. */
export const SNOOZE_MINUTES = 60;
