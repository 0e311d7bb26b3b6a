import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64 } from '@/utils/sync/base64';
import { BrokenSealError, importPublicKey, openJson, sealJson, type SealPlace } from '@/utils/lock/envelope';
import { createLock, rewrapForPassphrase, unlockWithPassphrase, unlockWithRecovery } from '@/utils/lock/keys';

// Few iterations keep the unit tests quick; the real count is measured in lock-kdf.test.ts.
const FAST = 1_000;
const place: SealPlace = { store: 'checkIns', id: 'c1', stamp: '000001767261600000-000000-dev' };

async function keys() {
  const lock = await createLock('correct horse battery', FAST);
  return { ...lock, publicKey: await importPublicKey(lock.record.publicKey) };
}

function flipFirstCiphertextByte(sealed: string): string {
  const parts = sealed.split('.');
  const bytes = fromBase64(parts[2]!);
  bytes[0] = bytes[0]! ^ 1;
  return [parts[0], parts[1], toBase64(bytes)].join('.');
}

describe('record envelope', () => {
  it('round-trips any answers sealed to the public key', async () => {
    const { publicKey, privateKey } = await keys();
    await fc.assert(
      fc.asyncProperty(fc.record({ note: fc.string(), overall: fc.option(fc.integer({ min: 0, max: 10 })), tags: fc.array(fc.string()) }), async (value) => {
        expect(await openJson(privateKey, place, await sealJson(publicKey, place, value))).toEqual(value);
      }),
      { numRuns: 30 },
    );
  });

  it('seals the same words differently each time and never shows them', async () => {
    const { publicKey } = await keys();
    const a = await sealJson(publicKey, place, { note: 'I miss my sister' });
    const b = await sealJson(publicKey, place, { note: 'I miss my sister' });
    expect(a).not.toBe(b);
    expect(atob(a.split('.')[2]!)).not.toContain('sister');
  });

  it('while unlocked seals with the data key, which only the private key opens', async () => {
    const mine = await keys();
    const theirs = await keys();
    const sealed = await sealJson(mine.privateKey, place, { note: 'fast' });
    expect(sealed.startsWith('k.')).toBe(true);
    expect(await openJson(mine.privateKey, place, sealed)).toEqual({ note: 'fast' });
    await expect(openJson(theirs.privateKey, place, sealed)).rejects.toBeInstanceOf(BrokenSealError);
    await expect(openJson(mine.privateKey, { ...place, id: 'c2' }, sealed)).rejects.toBeInstanceOf(BrokenSealError);
  });

  it.each([
    ['moved to another record', { ...place, id: 'c2' }, (s: string) => s],
    ['moved to another store', { ...place, store: 'goals' }, (s: string) => s],
    ['replayed at another stamp', { ...place, stamp: '000001767261600001-000000-dev' }, (s: string) => s],
    ['one byte of the ciphertext changed', place, flipFirstCiphertextByte],
    ['truncated', place, (s: string) => s.slice(0, s.lastIndexOf('.'))],
    ['not an envelope at all', place, () => 'hello'],
  ])('refuses a sealed part %s', async (_case, openAt, tamper) => {
    const { publicKey, privateKey } = await keys();
    const sealed = await sealJson(publicKey, place, { note: 'private' });
    await expect(openJson(privateKey, openAt, tamper(sealed))).rejects.toBeInstanceOf(BrokenSealError);
  });

  it('refuses a part sealed for another lock', async () => {
    const mine = await keys();
    const theirs = await keys();
    const sealed = await sealJson(theirs.publicKey, place, { note: 'x' });
    await expect(openJson(mine.privateKey, place, sealed)).rejects.toBeInstanceOf(BrokenSealError);
  });
});

describe('lock keys', () => {
  it('unlocks with the passphrase or the recovery key, and with nothing else', async () => {
    const { record, recoveryKey, publicKey } = await keys();
    expect(recoveryKey).toMatch(/^([A-Z2-7]{4}-){7}[A-Z2-7]{4}$/);
    const sealed = await sealJson(publicKey, place, { note: 'kept' });
    for (const key of [await unlockWithPassphrase(record, 'correct horse battery'), await unlockWithRecovery(record, recoveryKey.toLowerCase().replaceAll('-', ' '))]) {
      expect(key).not.toBeNull();
      expect(await openJson(key!, place, sealed)).toEqual({ note: 'kept' });
    }
    expect(await unlockWithPassphrase(record, 'correct horse batterY')).toBeNull();
    expect(await unlockWithRecovery(record, recoveryKey.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBeNull();
    expect(await unlockWithRecovery(record, 'too short')).toBeNull();
  });

  it('a new passphrase opens the same records and the old one no longer does', async () => {
    const { record, privateKey, publicKey, recoveryKey } = await keys();
    const sealed = await sealJson(publicKey, place, { note: 'kept' });
    const rewrapped = await rewrapForPassphrase(record, privateKey, 'a new passphrase');
    expect(rewrapped.publicKey).toBe(record.publicKey);
    expect(await unlockWithPassphrase(rewrapped, 'correct horse battery')).toBeNull();
    expect(await openJson((await unlockWithPassphrase(rewrapped, 'a new passphrase'))!, place, sealed)).toEqual({ note: 'kept' });
    expect(await unlockWithRecovery(rewrapped, recoveryKey)).not.toBeNull();
  });
});
