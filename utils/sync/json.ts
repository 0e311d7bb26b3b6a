/** Reading untrusted JSON text: size, truncation and dangerous keys, each with a clear message. */
import { MAX_IMPORT_BYTES } from '../checkin/limits';
import { formatNumber, t } from '../i18n/index.ts';

export { MAX_IMPORT_BYTES };

/** The largest file read at all: that text as UTF-8 (3 bytes a character at most), encrypted, in base64, with its header. */
const MAX_FILE_BYTES = Math.ceil((3 * MAX_IMPORT_BYTES + 16) / 3) * 4 + 64 * 1024;

/** Keys that can change an object's prototype when code copies them; Debrief never writes them. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type JsonResult = { ok: true; value: unknown } | { ok: false; error: string };

function megabytes(bytes: number): string {
  return formatNumber(bytes / (1024 * 1024), undefined, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
}

/** Null when a file of `bytes` may be imported; otherwise the message naming the limit. */
export function checkImportSize(bytes: number): string | null {
  if (bytes <= MAX_FILE_BYTES) return null;
  return t('sync.tooLarge', { size: megabytes(bytes), limit: megabytes(MAX_FILE_BYTES) });
}

/** Null when export text of this length may be imported (and so kept); otherwise the message naming the limit. */
export function checkExportLength(length: number): string | null {
  return length <= MAX_IMPORT_BYTES ? null : t('sync.tooLargeText', { limit: megabytes(MAX_IMPORT_BYTES) });
}

/** Parses JSON text, telling apart an empty, oversized, cut-off or non-JSON file; `encrypted` allows an envelope's size. */
export function parseJsonText(text: string, { encrypted = false } = {}): JsonResult {
  if (text.length > (encrypted ? MAX_FILE_BYTES : MAX_IMPORT_BYTES)) {
    return { ok: false, error: t('sync.tooLargeText', { limit: megabytes(encrypted ? MAX_FILE_BYTES : MAX_IMPORT_BYTES) }) };
  }
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { ok: false, error: t('sync.empty') };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch {
    if (looksTruncated(body)) {
      return { ok: false, error: t('sync.truncated') };
    }
    return { ok: false, error: t('sync.notJson') };
  }
}

/** True when the text opens JSON brackets or a string that it never closes. */
function looksTruncated(text: string): boolean {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return false;
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') depth++;
    else if (char === '}' || char === ']') {
      depth--;
      if (depth < 0) return false;
    }
  }
  return inString || depth > 0;
}

/** The path of the first forbidden key anywhere in a parsed value, or null. */
export function findForbiddenKey(value: unknown): { key: string; path: string } | null {
  // A cheap pass first; paths are only built for the rare file that has such a key.
  return hasForbiddenKey(value) ? locateForbiddenKey(value) : null;
}

/** Explicit stacks rather than recursion, so deeply nested input cannot overflow the call stack. */
function hasForbiddenKey(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    for (const key in node) {
      if (FORBIDDEN_KEYS.has(key)) return true;
      const item = (node as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push(item);
    }
  }
  return false;
}

function locateForbiddenKey(value: unknown): { key: string; path: string } | null {
  const stack: { node: unknown; path: string }[] = [{ node: value, path: '' }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push({ node: node[i], path: `${path}[${i}]` });
      continue;
    }
    const keys = Object.keys(node);
    const forbidden = keys.find((key) => FORBIDDEN_KEYS.has(key));
    if (forbidden !== undefined) return { key: forbidden, path: path || t('sync.topLevel') };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      stack.push({ node: (node as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key });
    }
  }
  return null;
}
