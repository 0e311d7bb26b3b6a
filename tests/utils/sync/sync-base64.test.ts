// @vitest-environment node
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64, toBase64, utf8Base64 } from '@/utils/sync/base64';

const nodeBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** Puts `value` at `key` of `target` for the length of `run`, then restores what was there. */
function stubbed(target: object, key: string, value: unknown, run: () => void): void {
  const own = Object.getOwnPropertyDescriptor(target, key);
  Object.defineProperty(target, key, { value, configurable: true, writable: true });
  try {
    run();
  } finally {
    if (own) Object.defineProperty(target, key, own);
    else delete (target as Record<string, unknown>)[key];
  }
}

describe('base64 for export files and backups', () => {
  it('round-trips any bytes, matching Node’s own encoder, across the 32 KB chunk edges', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(toBase64(bytes)).toBe(nodeBase64(bytes));
        expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      }),
    );
    for (const length of [0x8000 - 1, 0x8000, 0x8000 + 1, 3 * 0x8000 + 2]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31) & 0xff);
      expect(toBase64(bytes)).toBe(nodeBase64(bytes));
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    }
  });

  it('encodes text as UTF-8 (accents, emoji)', () => {
    const text = 'Señal: ánimo 😊 — “progreso”';
    expect(utf8Base64(text)).toBe(Buffer.from(text, 'utf8').toString('base64'));
  });

  it('refuses text that is not base64', () => {
    expect(() => fromBase64('not base64!')).toThrow();
  });

  // Node 20 lacks them; Chromium 140 and Firefox 133 have them. Stubs stand in for the browser's.
  it('uses the engine’s own Uint8Array methods where the browser has them', () => {
    stubbed(Uint8Array.prototype, 'toBase64', function (this: Uint8Array) {
      return `native:${nodeBase64(this)}`;
    }, () => expect(toBase64(Uint8Array.of(1, 2, 3))).toBe('native:AQID'));
    stubbed(Uint8Array, 'fromBase64', (text: string) => Uint8Array.of(text.length), () => expect(fromBase64('AQID')).toEqual(Uint8Array.of(4)));
  });
});
