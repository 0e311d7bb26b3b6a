/**
 * The lock's key pair: the public half seals records (no passphrase needed), the private half is
 * kept only wrapped, once by a key from the passphrase (PBKDF2-SHA-256) and once by a key from the
 * random recovery key shown when the lock is set.
 */
import { PBKDF2_ITERATIONS } from '../sync/kdf';
import { fromBase64, toBase64 } from '../sync/base64';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const RECOVERY_BYTES = 20;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** The private key encrypted with AES-GCM under a key derived from a secret. */
export interface WrappedKey {
  salt: string;
  iv: string;
  data: string;
}

/** What `meta` keeps about the lock: nothing in it opens a record without the passphrase or recovery key. */
export interface LockRecord {
  version: 1;
  /** Raw P-256 public point, base64. */
  publicKey: string;
  /** PBKDF2-SHA-256 iterations for the passphrase. */
  iterations: number;
  byPassphrase: WrappedKey;
  byRecovery: WrappedKey;
}

function randomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  // NFC so the same passphrase typed on two systems gives the same key.
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

/** The recovery key is 160 random bits: HKDF is enough, no stretching needed. */
async function recoveryKeyOf(bytes: Uint8Array<ArrayBuffer>, salt: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', bytes, 'HKDF', false, ['deriveKey']);
  const info = new TextEncoder().encode('debrief-lock recovery v1');
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt, info }, material, { name: 'AES-GCM', length: 256 }, false, [
    'wrapKey',
    'unwrapKey',
  ]);
}

async function wrap(privateKey: CryptoKey, salt: Uint8Array<ArrayBuffer>, key: CryptoKey): Promise<WrappedKey> {
  const iv = randomBytes(IV_BYTES);
  const data = await crypto.subtle.wrapKey('pkcs8', privateKey, key, { name: 'AES-GCM', iv });
  return { salt: toBase64(salt), iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

async function unwrap(wrapped: WrappedKey, key: CryptoKey): Promise<CryptoKey | null> {
  try {
    return await crypto.subtle.unwrapKey('pkcs8', fromBase64(wrapped.data), key, { name: 'AES-GCM', iv: fromBase64(wrapped.iv) }, CURVE, true, [
      'deriveBits',
    ]);
  } catch {
    return null;
  }
}

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;
}

/** The recovery key's bytes from what the person typed (case, spaces and dashes ignored), or null. */
function fromBase32(text: string): Uint8Array<ArrayBuffer> | null {
  const clean = text.toUpperCase().replace(/[\s-]/g, '');
  if (clean.length !== Math.ceil((RECOVERY_BYTES * 8) / 5)) return null;
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const digit = BASE32.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(bytes);
}

/** The recovery key as shown: eight groups of four letters and digits. */
function showRecovery(bytes: Uint8Array): string {
  return toBase32(bytes).match(/.{4}/g)!.join('-');
}

export interface NewLock {
  record: LockRecord;
  privateKey: CryptoKey;
  /** Shown once; never stored. */
  recoveryKey: string;
}

/** Makes the key pair and wraps its private half by the passphrase and by a new recovery key. */
export async function createLock(passphrase: string, iterations: number = PBKDF2_ITERATIONS): Promise<NewLock> {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  const recovery = randomBytes(RECOVERY_BYTES);
  const passphraseSalt = randomBytes(SALT_BYTES);
  const recoverySalt = randomBytes(SALT_BYTES);
  const [publicRaw, byPassphrase, byRecovery] = await Promise.all([
    crypto.subtle.exportKey('raw', pair.publicKey),
    passphraseKey(passphrase, passphraseSalt, iterations).then((key) => wrap(pair.privateKey, passphraseSalt, key)),
    recoveryKeyOf(recovery, recoverySalt).then((key) => wrap(pair.privateKey, recoverySalt, key)),
  ]);
  const record: LockRecord = { version: 1, publicKey: toBase64(new Uint8Array(publicRaw)), iterations, byPassphrase, byRecovery };
  return { record, privateKey: pair.privateKey, recoveryKey: showRecovery(recovery) };
}

/** The private key from the passphrase, or null when it is not the lock's passphrase. */
export async function unlockWithPassphrase(record: LockRecord, passphrase: string): Promise<CryptoKey | null> {
  const key = await passphraseKey(passphrase, fromBase64(record.byPassphrase.salt), record.iterations);
  return unwrap(record.byPassphrase, key);
}

/** The private key from the recovery key, or null when it is not this lock's recovery key. */
export async function unlockWithRecovery(record: LockRecord, typed: string): Promise<CryptoKey | null> {
  const bytes = fromBase32(typed);
  if (!bytes) return null;
  return unwrap(record.byRecovery, await recoveryKeyOf(bytes, fromBase64(record.byRecovery.salt)));
}

const RECOVERY_SHAPE = /^[A-Za-z2-7\s-]{32,}$/;

/** True when the private key is the other half of the record's public key: a file's lock is checked before it is taken on. */
async function pairs(record: LockRecord, privateKey: CryptoKey): Promise<boolean> {
  const { d: _private, key_ops: _ops, ...point } = await crypto.subtle.exportKey('jwk', privateKey);
  const publicKey = await crypto.subtle.importKey('jwk', point, CURVE, true, []);
  return toBase64(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey))) === record.publicKey;
}

/** The private key from the passphrase or the recovery key, or null when it is neither (or the record does not hold together). */
export async function openLock(record: LockRecord, secret: string): Promise<CryptoKey | null> {
  if (secret === '') return null;
  const key =
    (RECOVERY_SHAPE.test(secret.trim()) ? await unlockWithRecovery(record, secret) : null) ?? (await unlockWithPassphrase(record, secret));
  return key && (await pairs(record, key)) ? key : null;
}

/** A new passphrase wraps the same private key again: no record is sealed anew. */
export async function rewrapForPassphrase(record: LockRecord, privateKey: CryptoKey, passphrase: string): Promise<LockRecord> {
  const salt = randomBytes(SALT_BYTES);
  const byPassphrase = await wrap(privateKey, salt, await passphraseKey(passphrase, salt, record.iterations));
  return { ...record, byPassphrase };
}
