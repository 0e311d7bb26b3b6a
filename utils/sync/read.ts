/** Reading a file the user picked: plain or encrypted, validated whole before anything is written. */
import { t } from '../i18n/index.ts';
import { decryptEnvelope, isEncryptedEnvelope, wrongPassphrase, type CryptoOptions } from './crypto';
import { parseExport, validateExport, type DebriefExport, type ParseOptions } from './format';
import { checkExportLength, checkImportSize, findForbiddenKey, parseJsonText } from './json';

export type ReadResult =
  | { ok: true; file: DebriefExport; encrypted: boolean }
  /** `needsPassphrase`: ask (again) for the passphrase rather than give up on the file. */
  | { ok: false; error: string; needsPassphrase: boolean };

/** Reads export text, decrypting it with `passphrase` when it is an encrypted file. */
export async function readExportText(
  text: string,
  passphrase = '',
  options: ParseOptions & CryptoOptions = {},
): Promise<ReadResult> {
  // Read as big as an encrypted file may be; a plain file is then held to the text limit.
  const parsed = parseJsonText(text, { encrypted: true });
  if (!parsed.ok) return { ...parsed, needsPassphrase: false };
  if (!isEncryptedEnvelope(parsed.value) || findForbiddenKey(parsed.value)) {
    const tooLong = checkExportLength(text.length);
    if (tooLong) return { ok: false, error: tooLong, needsPassphrase: false };
    const result = validateExport(parsed.value, options);
    return result.ok ? { ...result, encrypted: false } : { ...result, needsPassphrase: false };
  }
  if (passphrase === '') {
    return { ok: false, error: t('sync.needsPassphrase'), needsPassphrase: true };
  }
  const decrypted = await decryptEnvelope(parsed.value, passphrase, options);
  if (!decrypted.ok) return { ...decrypted, needsPassphrase: decrypted.error === wrongPassphrase() };
  const result = parseExport(decrypted.plaintext, options);
  return result.ok ? { ...result, encrypted: true } : { ...result, needsPassphrase: false };
}

/** What an import reads from: a file the person picked, a file in the sync folder, or text (importText). */
export interface ImportSource {
  /** In bytes, checked before the file is read into memory. */
  size: number;
  text(): Promise<string>;
}

/**
 * The one way an import reads a file, for the Sync page, the sync folder and importText: the size
 * checked first, then the text read, parsed and validated (decrypted with `passphrase` when it is
 * encrypted). Writes nothing.
 */
export async function readImport(source: ImportSource, passphrase = '', options: ParseOptions & CryptoOptions = {}): Promise<ReadResult> {
  const tooLarge = checkImportSize(source.size);
  if (tooLarge) return { ok: false, error: tooLarge, needsPassphrase: false };
  return readExportText(await source.text(), passphrase, options);
}
