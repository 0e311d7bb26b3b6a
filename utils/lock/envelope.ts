/**
 * One record's sealed part (DESIGN §5b). Locked, with the public key only: a fresh ephemeral ECDH
 * P-256 key per record, HKDF-SHA-256 of the shared secret into an AES-GCM-256 key. Unlocked, with
 * the lock's data key (HKDF-SHA-256 of the private key, so only an unlocked Debrief has it): AES-GCM
 * alone, several times cheaper to open, so thousands of entries read fast. Either way the record's
 * store, id and stamp are bound as additional data: a part moved to another record, or changed,
 * is refused whole.
 */
import { fromBase64, toBase64 } from '../sync/base64';
import { movedFrom } from '../sync/clash';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const INFO = new TextEncoder().encode('debrief-lock record v1');
const IV_BYTES = 12;
const DATA_INFO = new TextEncoder().encode('debrief-lock data v1');
/** Marks a part sealed with the data key (an ECDH part starts with a base64 public point). */
const DATA_MARK = 'k';
// One of each for every record: thousands are opened at once.
const ENCODER = new TextEncoder();
const DECODER = new TextDecoder('utf-8', { fatal: true });

const dataKeys = new WeakMap<CryptoKey, Promise<CryptoKey>>();

/** The data key that goes with a private key: derived, never stored. */
function dataKeyOf(privateKey: CryptoKey): Promise<CryptoKey> {
  let key = dataKeys.get(privateKey);
  if (!key) {
    key = crypto.subtle
      .exportKey('pkcs8', privateKey)
      .then((pkcs8) => crypto.subtle.importKey('raw', pkcs8, 'HKDF', false, ['deriveKey']))
      .then((material) =>
        crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: DATA_INFO }, material, { name: 'AES-GCM', length: 256 }, false, [
          'encrypt',
          'decrypt',
        ]),
      );
    dataKeys.set(privateKey, key);
  }
  return key;
}

/** Where a sealed part belongs: it opens only on the record (and version) it was sealed for. */
export interface SealPlace {
  store: string;
  id: string;
  stamp: string;
}

/** A sealed part that does not open: changed, moved, or sealed for another key. */
export class BrokenSealError extends Error {
  constructor() {
    super('A sealed record does not open with this key');
    this.name = 'BrokenSealError';
  }
}

function placeBytes({ store, id, stamp }: SealPlace): Uint8Array<ArrayBuffer> {
  return ENCODER.encode(JSON.stringify([store, id, stamp]));
}

async function recordKey(shared: ArrayBuffer, ephemeralRaw: Uint8Array<ArrayBuffer>, usage: KeyUsage): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: ephemeralRaw, info: INFO }, material, { name: 'AES-GCM', length: 256 }, false, [
    usage,
  ]);
}

/** Imports the lock's public key (raw P-256 point, base64). */
export function importPublicKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), CURVE, true, []);
}

/**
 * Seals `value` (as JSON) with the lock's public key (`ephemeral.iv.ciphertext`, each base64) or,
 * given the private key while unlocked, with its data key (`k.iv.ciphertext`).
 */
export async function sealJson(key: CryptoKey, place: SealPlace, value: unknown): Promise<string> {
  const plaintext = ENCODER.encode(JSON.stringify(value));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  if (key.type === 'private') {
    const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: placeBytes(place) }, await dataKeyOf(key), plaintext);
    return [DATA_MARK, toBase64(iv), toBase64(new Uint8Array(ciphertext))].join('.');
  }
  const ephemeral = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  const ephemeralRaw = new Uint8Array(await crypto.subtle.exportKey('raw', ephemeral.publicKey));
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: key }, ephemeral.privateKey, 256);
  const recordAesKey = await recordKey(shared, ephemeralRaw, 'encrypt');
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: placeBytes(place) }, recordAesKey, plaintext);
  return [toBase64(ephemeralRaw), toBase64(iv), toBase64(new Uint8Array(ciphertext))].join('.');
}

async function ephemeralKey(privateKey: CryptoKey, ephemeralRaw: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  const ephemeral = await crypto.subtle.importKey('raw', ephemeralRaw, CURVE, false, []);
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: ephemeral }, privateKey, 256);
  return recordKey(shared, ephemeralRaw, 'decrypt');
}

/**
 * Opens a sealed part where it is, or where it was sealed before merge moved its record to a new id
 * (an id two kinds of record shared: utils/sync/clash.ts); throws BrokenSealError unless it opens whole.
 */
export async function openJson(privateKey: CryptoKey, place: SealPlace, sealed: string): Promise<unknown> {
  for (let id: string | null = place.id; id !== null; id = movedFrom(id)) {
    try {
      return await openJsonAt(privateKey, { ...place, id }, sealed);
    } catch (error) {
      if (movedFrom(id) === null) throw error;
    }
  }
  throw new BrokenSealError();
}

async function openJsonAt(privateKey: CryptoKey, place: SealPlace, sealed: string): Promise<unknown> {
  try {
    const [ephemeralText, ivText, dataText, extra] = sealed.split('.');
    if (ephemeralText === undefined || ivText === undefined || dataText === undefined || extra !== undefined) throw new BrokenSealError();
    const key = ephemeralText === DATA_MARK ? await dataKeyOf(privateKey) : await ephemeralKey(privateKey, fromBase64(ephemeralText));
    const plaintext = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(ivText), additionalData: placeBytes(place) }, key, fromBase64(dataText));
    return JSON.parse(DECODER.decode(plaintext));
  } catch {
    throw new BrokenSealError();
  }
}
