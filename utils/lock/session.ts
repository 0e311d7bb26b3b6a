/**
 * The unlocked private key lives only in `storage.session` (memory, trusted contexts only, gone
 * when the browser closes) and lapses after the idle minutes set in Settings.
 */
import { fromBase64, toBase64 } from '../sync/base64';

/**
 * Settings are loaded on first use, not when this module is: defining them starts reads of extension
 * storage, and the export file's code, which reaches here, also runs where there is none (Node).
 */
const settings = () => import('../storage');

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const MINUTE = 60_000;

let imported: { pkcs8: string; key: Promise<CryptoKey> } | undefined;

/** Keeps the private key for this browser session, until idle. */
export async function rememberUnlocked(privateKey: CryptoKey, now: number = Date.now()): Promise<void> {
  const { lockIdleMinutes, unlockedLock } = await settings();
  const pkcs8 = toBase64(new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey)));
  await unlockedLock.setValue({ pkcs8, idleUntil: now + (await lockIdleMinutes.getValue()) * MINUTE });
}

/** Forgets the private key: "Lock now", idle, or the lock turned off. */
export async function forgetUnlocked(): Promise<void> {
  imported = undefined;
  const { unlockedLock } = await settings();
  await unlockedLock.setValue(null);
}

/** True while the private key is held and not idle too long; asking does not count as use. */
export async function isUnlocked(now: number = Date.now()): Promise<boolean> {
  const { unlockedLock } = await settings();
  const held = await unlockedLock.getValue();
  return held !== null && held.idleUntil > now;
}

/** The private key while unlocked (each use pushes the idle time back), or null when locked. */
export async function unlockedKey(now: number = Date.now()): Promise<CryptoKey | null> {
  const { lockIdleMinutes, unlockedLock } = await settings();
  const held = await unlockedLock.getValue();
  if (!held || held.idleUntil <= now) {
    if (held) await forgetUnlocked();
    return null;
  }
  await unlockedLock.setValue({ ...held, idleUntil: now + (await lockIdleMinutes.getValue()) * MINUTE });
  if (imported?.pkcs8 !== held.pkcs8) {
    imported = { pkcs8: held.pkcs8, key: crypto.subtle.importKey('pkcs8', fromBase64(held.pkcs8), CURVE, true, ['deriveBits']) };
  }
  return imported.key;
}

/** True when the key lapsed (idle) and was forgotten: for the background's periodic check. */
export async function lapseIfIdle(now: number = Date.now()): Promise<boolean> {
  const { unlockedLock } = await settings();
  const held = await unlockedLock.getValue();
  if (!held || held.idleUntil > now) return false;
  await forgetUnlocked();
  return true;
}
