import { describe, expect, it } from 'vitest';
import {
  decryptEnvelope,
  encryptText,
  wrongPassphrase,
  type EncryptedEnvelope,
} from '@/utils/sync/crypto';
import { fromBase64 } from '@/utils/sync/base64';
import { PBKDF2_ITERATIONS } from '@/utils/sync/kdf';
import { exportText } from '@/utils/sync/export';
import { readExportText } from '@/utils/sync/read';
import { checkIn, exportOf, NOW_MS, stamp } from '../../support/sync-fixtures';

// Low iterations keep these tests fast; one test below runs the real 600,000.
const FAST = { iterations: 1_000, minIterations: 1_000 };
const PLAINTEXT = '{"format":"debrief","note":"Ça va — 😊"}';

async function sealed(passphrase = 'correct horse'): Promise<EncryptedEnvelope> {
  return encryptText(PLAINTEXT, passphrase, FAST);
}

/** Flips one base64 character, keeping the text valid base64. */
function flip(base64: string, at = 0): string {
  const replacement = base64[at] === 'A' ? 'B' : 'A';
  return base64.slice(0, at) + replacement + base64.slice(at + 1);
}

describe('encrypted export files', () => {
  it('round-trips text with the right passphrase', async () => {
    expect(await decryptEnvelope(await sealed(), 'correct horse', FAST)).toEqual({ ok: true, plaintext: PLAINTEXT });
  });

  it('writes the documented header, with a fresh salt and IV each time', async () => {
    const [a, b] = [await sealed(), await sealed()];
    expect(a).toMatchObject({
      format: 'debrief-encrypted',
      version: 1,
      kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations: 1_000 },
      cipher: { name: 'AES-GCM' },
    });
    expect(fromBase64(a.kdf.salt)).toHaveLength(16);
    expect(fromBase64(a.cipher.iv)).toHaveLength(12);
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.cipher.iv).not.toBe(b.cipher.iv);
    expect(a.data).not.toContain('Ça va');
  });

  it('treats the same passphrase typed in composed or decomposed form alike', async () => {
    const envelope = await encryptText(PLAINTEXT, 'caf\u00e9', FAST);
    expect((await decryptEnvelope(envelope, 'cafe\u0301', FAST)).ok).toBe(true);
  });

  it('binds the header as additional data (decrypting without it fails)', async () => {
    const envelope = await sealed();
    const material = await crypto.subtle.importKey('raw', new TextEncoder().encode('correct horse'), 'PBKDF2', false, ['deriveKey']);
    const key = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(envelope.kdf.salt), iterations: 1_000 },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt'],
    );
    await expect(crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(envelope.cipher.iv) }, key, fromBase64(envelope.data))).rejects.toThrow();
  });

  const tampered: [string, (e: EncryptedEnvelope) => EncryptedEnvelope][] = [
    ['the ciphertext', (e) => ({ ...e, data: flip(e.data, 10) })],
    ['the authentication tag', (e) => ({ ...e, data: flip(e.data, e.data.length - 4) })],
    ['the ciphertext, cut short', (e) => ({ ...e, data: e.data.slice(0, -8) })],
    ['the salt', (e) => ({ ...e, kdf: { ...e.kdf, salt: flip(e.kdf.salt) } })],
    ['the IV', (e) => ({ ...e, cipher: { ...e.cipher, iv: flip(e.cipher.iv) } })],
    ['the iteration count', (e) => ({ ...e, kdf: { ...e.kdf, iterations: 1_001 } })],
  ];

  it('rejects a wrong passphrase with the documented message', async () => {
    expect(await decryptEnvelope(await sealed(), 'Correct horse', FAST)).toEqual({ ok: false, error: wrongPassphrase() });
  });

  it.each(tampered)('rejects a file whose %s was changed', async (_part, tamper) => {
    expect(await decryptEnvelope(tamper(await sealed()), 'correct horse', FAST)).toEqual({ ok: false, error: wrongPassphrase() });
  });

  const malformed: [string, (e: EncryptedEnvelope) => unknown, RegExp][] = [
    ['an extra header key', (e) => ({ ...e, comment: 'hi' }), /damaged.*field Debrief does not know: "comment"/],
    ['another cipher', (e) => ({ ...e, cipher: { ...e.cipher, name: 'AES-CBC' } }), /"cipher.name" must be "AES-GCM"/],
    ['a salt of the wrong size', (e) => ({ ...e, kdf: { ...e.kdf, salt: 'AAAA' } }), /"kdf.salt" must be 16 bytes in base64/],
    ['an IV that is not base64', (e) => ({ ...e, cipher: { ...e.cipher, iv: '!!!!!!!!!!!!!!!!' } }), /"cipher.iv" must be base64/],
    ['absurdly many iterations', (e) => ({ ...e, kdf: { ...e.kdf, iterations: 50_000_000 } }), /asks for 50,000,000 key-derivation rounds; Debrief accepts 100,000 to 10,000,000/],
    ['too few iterations', (e) => ({ ...e, kdf: { ...e.kdf, iterations: 1_000 } }), /asks for 1,000 key-derivation rounds/],
    ['a newer envelope version', (e) => ({ ...e, version: 2 }), /newer version of Debrief \(format 2\); update Debrief/],
    ['missing ciphertext', ({ data: _data, ...header }) => header, /the field "data" is missing|missing its "data" field/],
  ];

  it.each(malformed)('explains %s', async (_name, change, message) => {
    const result = await decryptEnvelope(change(await sealed()), 'correct horse', { minIterations: 100_000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuses to encrypt with an empty passphrase', async () => {
    await expect(encryptText(PLAINTEXT, '')).rejects.toThrow(/Enter a passphrase/);
  });

  it(`round-trips a real export at the real ${PBKDF2_ITERATIONS.toLocaleString('en')} iterations`, async () => {
    const file = exportOf({ checkIns: [checkIn('c1', stamp(1))] });
    const text = await exportText(file, 'a long passphrase');
    expect(JSON.parse(text).kdf.iterations).toBe(600_000);
    expect(await readExportText(text, 'a long passphrase', { now: NOW_MS })).toEqual({ ok: true, file, encrypted: true });
  }, 20_000);
});

describe('reading an encrypted file the user picked', () => {
  const file = exportOf({ checkIns: [checkIn('c1', stamp(1))] });

  it('asks for the passphrase, then again when it is wrong', async () => {
    const text = await exportText(file, 'pass', FAST);
    expect(await readExportText(text, '', { ...FAST, now: NOW_MS })).toMatchObject({ ok: false, needsPassphrase: true, error: expect.stringMatching(/encrypted/) });
    expect(await readExportText(text, 'nope', { ...FAST, now: NOW_MS })).toEqual({ ok: false, needsPassphrase: true, error: wrongPassphrase() });
    expect(await readExportText(text, 'pass', { ...FAST, now: NOW_MS })).toEqual({ ok: true, file, encrypted: true });
  });

  it('validates what is inside as strictly as a plain file', async () => {
    const envelope = await encryptText('{"format":"debrief","version":1}', 'pass', FAST);
    const result = await readExportText(JSON.stringify(envelope), 'pass', { ...FAST, now: NOW_MS });
    expect(result).toMatchObject({ ok: false, needsPassphrase: false, error: expect.stringMatching(/missing its "exportedAt" field/) });
  });

  it('reports a cut-off encrypted file as incomplete, not as a wrong passphrase', async () => {
    const text = await exportText(file, 'pass', FAST);
    expect(await readExportText(text.slice(0, -20), 'pass', FAST)).toMatchObject({ ok: false, error: expect.stringMatching(/incomplete/) });
  });
});
