/**
 * Passphrase encryption of export files (DESIGN §5): PBKDF2-SHA-256 derives an
 * AES-GCM-256 key; the header (everything but the ciphertext) is bound as additional
 * data, so changing any of it makes decryption fail rather than silently differ.
 */
import * as v from 'valibot';
import { formatNumber, t } from '../i18n/index.ts';
import { fromBase64, toBase64 } from './base64';
import { canonicalJson } from './canonical';
import { describeIssue } from './issues';
import { PBKDF2_ITERATIONS } from './kdf';

export const ENCRYPTED_FORMAT = 'debrief-encrypted';
export const ENCRYPTED_VERSION = 1;
/** Bounds on iterations read from a file: below is too weak to trust, above would hang the page. */
export const MIN_FILE_ITERATIONS = 100_000;
export const MAX_FILE_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** What a wrong passphrase (or a changed file) is told as; looked up when used, in the reader's language. */
export function wrongPassphrase(): string {
  return t('sync.wrongPassphrase');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function base64Of(bytes: number) {
  const length = Math.ceil(bytes / 3) * 4;
  return v.pipe(v.string(), v.length(length, () => t('sync.rule.base64Length', { bytes })), v.regex(BASE64, () => t('sync.rule.base64')));
}

const headerEntries = {
  format: v.literal(ENCRYPTED_FORMAT),
  version: v.literal(ENCRYPTED_VERSION),
  kdf: v.strictObject({
    name: v.literal('PBKDF2'),
    hash: v.literal('SHA-256'),
    iterations: v.pipe(v.number(), v.integer(() => t('sync.rule.wholeNumber'))),
    salt: base64Of(SALT_BYTES),
  }),
  cipher: v.strictObject({ name: v.literal('AES-GCM'), iv: base64Of(IV_BYTES) }),
};

export const envelopeSchema = v.strictObject({
  ...headerEntries,
  data: v.pipe(v.string(), v.minLength(Math.ceil(TAG_BYTES / 3) * 4, () => t('sync.rule.tooShort')), v.regex(BASE64, () => t('sync.rule.base64'))),
});

export type EncryptedEnvelope = v.InferOutput<typeof envelopeSchema>;
export type EnvelopeHeader = Omit<EncryptedEnvelope, 'data'>;

export interface CryptoOptions {
  /** For tests only: fewer iterations so they run fast. Real files always use PBKDF2_ITERATIONS. */
  iterations?: number;
  /** For tests only: accept files with fewer iterations than MIN_FILE_ITERATIONS. */
  minIterations?: number;
  subtle?: SubtleCrypto;
  randomBytes?: (length: number) => Uint8Array<ArrayBuffer>;
}

export type DecryptResult = { ok: true; plaintext: string } | { ok: false; error: string };

function defaultRandomBytes(length: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(length));
}

/** The additional data GCM authenticates: the header in canonical JSON. */
export function headerBytes(header: EnvelopeHeader): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(canonicalJson(header));
}

async function deriveKey(subtle: SubtleCrypto, passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  // NFC so the same passphrase typed on macOS and Windows gives the same key.
  const material = await subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

/** Encrypts export text with a passphrase into an envelope (serialize it with JSON.stringify). */
export async function encryptText(plaintext: string, passphrase: string, options: CryptoOptions = {}): Promise<EncryptedEnvelope> {
  if (passphrase === '') throw new Error(t('sync.encryptPassphrase'));
  const { iterations = PBKDF2_ITERATIONS, subtle = crypto.subtle, randomBytes = defaultRandomBytes } = options;
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const header: EnvelopeHeader = {
    format: ENCRYPTED_FORMAT,
    version: ENCRYPTED_VERSION,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: toBase64(salt) },
    cipher: { name: 'AES-GCM', iv: toBase64(iv) },
  };
  const key = await deriveKey(subtle, passphrase, salt, iterations);
  const ciphertext = await subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: headerBytes(header) },
    key,
    new TextEncoder().encode(plaintext),
  );
  return { ...header, data: toBase64(new Uint8Array(ciphertext)) };
}

/** True when a parsed file claims to be an encrypted Debrief file (its passphrase is needed). */
export function isEncryptedEnvelope(value: unknown): boolean {
  return value !== null && typeof value === 'object' && (value as { format?: unknown }).format === ENCRYPTED_FORMAT;
}

function envelopeProblem(value: unknown, minIterations: number): string | null {
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > ENCRYPTED_VERSION) {
    return t('sync.newerEncrypted', { version });
  }
  const result = v.safeParse(envelopeSchema, value, { abortEarly: true });
  if (!result.success) return t('sync.damaged', { problem: describeIssue(result.issues[0]) });
  const { iterations } = result.output.kdf;
  if (iterations < minIterations || iterations > MAX_FILE_ITERATIONS) {
    return t('sync.iterations', {
      iterations: formatNumber(iterations),
      min: formatNumber(minIterations),
      max: formatNumber(MAX_FILE_ITERATIONS),
    });
  }
  return null;
}

/** Decrypts a parsed envelope; a wrong passphrase and a changed file give the same message. */
export async function decryptEnvelope(value: unknown, passphrase: string, options: CryptoOptions = {}): Promise<DecryptResult> {
  const { minIterations = MIN_FILE_ITERATIONS, subtle = crypto.subtle } = options;
  if (!isEncryptedEnvelope(value)) return { ok: false, error: t('sync.notEncrypted') };
  const problem = envelopeProblem(value, minIterations);
  if (problem) return { ok: false, error: problem };
  if (passphrase === '') return { ok: false, error: t('sync.needsPassphrase') };
  const { data, ...header } = value as EncryptedEnvelope;
  try {
    const key = await deriveKey(subtle, passphrase, fromBase64(header.kdf.salt), header.kdf.iterations);
    const plaintext = await subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(header.cipher.iv), additionalData: headerBytes(header) },
      key,
      fromBase64(data),
    );
    return { ok: true, plaintext: new TextDecoder('utf-8', { fatal: true }).decode(plaintext) };
  } catch {
    // GCM authentication failure (or undecodable base64/UTF-8): the same cause for the user.
    return { ok: false, error: wrongPassphrase() };
  }
}
