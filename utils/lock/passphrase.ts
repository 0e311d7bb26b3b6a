import { t } from '../i18n/index.ts';

/** Shortest passphrase accepted: the recovery key, not length, is what saves a forgotten one. */
const MIN_PASSPHRASE = 8;

/** Why a new passphrase (typed twice) cannot be used, or null when it can. */
export function passphraseProblem(passphrase: string, again: string): string | null {
  if (passphrase.normalize('NFC').length < MIN_PASSPHRASE) return t('lock.tooShort', { min: MIN_PASSPHRASE });
  if (passphrase !== again) return t('lock.mismatch');
  return null;
}
