/**
 * What each entrypoint costs to load: its JavaScript as built (minified) and gzipped at level 9,
 * shared chunks included. Used by tests/build/size-budget.test.ts (the budgets) and by `npm run bench`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Sizes are in KB of 1000 bytes, as Vite's build log prints them. */
export const KB = 1000;

/**
 * Budgets, KB gzipped, for everything the entrypoint can load (lazy chunks too). The check-in's grew
 * from 30 to 34 when it learned limits with counters, the rooms' lasting choices with Undo and notes
 * to bring up folded by one rule; then to 39 for the lock, which adds the same to it on top of those:
 * sealing what it saves while locked (WebCrypto, no library) and unlocking in place, so a check-in
 * started earlier is continued, never typed over (no valibot, file cipher or turn-on code comes with
 * it). Options grew from 90 to 97 for the lock's setup, unlock screen and sealing (rooms' names and
 * the months' sealed copy too), then to 99 for importing a file locked on another device (its
 * passphrase asked once, the lock taken on). The check-in's first paint is judged against a blank page's in the bench.
 */
export const SIZE_BUDGETS: Readonly<Record<string, number>> = {
  'media-probe': 4,
  'call-watcher': 12,
  'check-in': 39,
  background: 30,
  options: 99,
};

export interface EntrypointSize {
  entrypoint: string;
  kind: 'background' | 'content script' | 'page';
  /** JS loaded up front: the entry file, its modulepreloads and static imports (paths from the extension root). */
  files: string[];
  /** JS it may load later through import(), beyond `files`. */
  lazyFiles: string[];
  minified: number;
  gzipped: number;
  lazyMinified: number;
  lazyGzipped: number;
  /** Up front plus lazy: what the budget applies to. */
  totalGzipped: number;
}

const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const STATIC_IMPORT = /\b(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+?\.js)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+?\.js)["'`]\s*\)/g;
const SCRIPT_SRC = /<script\b[^>]*\bsrc=["']([^"']+\.js)["']/g;
const MODULEPRELOAD = /<link\b[^>]*\brel=["']modulepreload["'][^>]*\bhref=["']([^"']+\.js)["']|<link\b[^>]*\bhref=["']([^"']+\.js)["'][^>]*\brel=["']modulepreload["']/g;

/**
 * Builds the production extension into a new temporary folder (`readable`: unminified, for profiles;
 * `firefox`: Firefox's add-on instead of Chromium's); `remove` deletes it.
 */
export function buildExtension({ readable = false, firefox = false } = {}): { extensionDir: string; remove(): void } {
  const outDir = mkdtempSync(join(tmpdir(), 'debrief-build-'));
  let printed: string;
  try {
    printed = execFileSync(
      process.execPath,
      [join(PROJECT_ROOT, 'tests/bench/build.mjs'), outDir, ...(readable ? ['--readable'] : []), ...(firefox ? ['--firefox'] : [])],
      { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
  } catch (error) {
    rmSync(outDir, { recursive: true, force: true });
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`wxt build failed:\n${stdout}\n${stderr}`, { cause: error });
  }
  // build.mjs names the folder it built on its last line.
  const extensionDir = printed.trimEnd().split('\n').at(-1) as string;
  return { extensionDir, remove: () => rmSync(outDir, { recursive: true, force: true }) };
}

/** Paths as written in a file (`/chunks/a.js`, `./a.js`) made relative to the extension root. */
function fromRoot(referrer: string, path: string): string {
  return path.startsWith('/') ? path.slice(1) : posix.normalize(posix.join(posix.dirname(referrer), path));
}

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => (match[1] ?? match[2]) as string);
}

/** Every JS file reachable from `entries` by static imports, then what import() adds on top. */
function reachable(extensionDir: string, entries: string[]): { files: string[]; lazyFiles: string[] } {
  const files = new Set<string>();
  const lazy = new Set<string>();
  const later: string[] = [];
  const walk = (queue: string[], into: Set<string>) => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      if (files.has(file) || lazy.has(file)) continue;
      into.add(file);
      const code = readFileSync(join(extensionDir, file), 'utf8');
      queue.push(...matches(code, STATIC_IMPORT).map((path) => fromRoot(file, path)));
      later.push(...matches(code, DYNAMIC_IMPORT).map((path) => fromRoot(file, path)));
    }
  };
  walk([...entries], files);
  // `later` keeps growing while it is walked, so lazy chunks' own import()s are counted too.
  walk(later, lazy);
  return { files: [...files], lazyFiles: [...lazy] };
}

function bytesOf(extensionDir: string, files: string[]): { minified: number; gzipped: number } {
  let minified = 0;
  let gzipped = 0;
  for (const file of files) {
    const code = readFileSync(join(extensionDir, file));
    minified += code.length;
    gzipped += gzipSync(code, { level: 9 }).length;
  }
  return { minified, gzipped };
}

function sizeOf(extensionDir: string, entrypoint: string, kind: EntrypointSize['kind'], entries: string[]): EntrypointSize {
  const { files, lazyFiles } = reachable(extensionDir, entries);
  const now = bytesOf(extensionDir, files);
  const later = bytesOf(extensionDir, lazyFiles);
  return {
    entrypoint,
    kind,
    files,
    lazyFiles,
    ...now,
    lazyMinified: later.minified,
    lazyGzipped: later.gzipped,
    totalGzipped: now.gzipped + later.gzipped,
  };
}

interface Manifest {
  background?: { service_worker?: string };
  content_scripts?: { js?: string[] }[];
}

/** Measures the background, each content script and each HTML page of a built extension folder. */
export function measureEntrypoints(extensionDir: string): EntrypointSize[] {
  const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Manifest;
  const sizes: EntrypointSize[] = [];
  const worker = manifest.background?.service_worker;
  if (worker) sizes.push(sizeOf(extensionDir, 'background', 'background', [worker]));
  const scripts = new Set((manifest.content_scripts ?? []).flatMap((script) => script.js ?? []));
  for (const script of [...scripts].sort()) {
    sizes.push(sizeOf(extensionDir, posix.basename(script, '.js'), 'content script', [script]));
  }
  const pages = readdirSync(extensionDir).filter((file) => file.endsWith('.html')).sort();
  for (const page of pages) {
    const html = readFileSync(join(extensionDir, page), 'utf8');
    const entries = [...matches(html, SCRIPT_SRC), ...matches(html, MODULEPRELOAD)].map((path) => fromRoot(page, path));
    sizes.push(sizeOf(extensionDir, posix.basename(page, '.html'), 'page', entries.filter((file) => existsSync(join(extensionDir, file)))));
  }
  return sizes;
}

/** `12.3 KB`. */
export function kb(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`;
}

/** Null when within budget; otherwise a sentence naming the entrypoint, its size and its budget. */
export function overBudget(size: EntrypointSize, budgetKb: number): string | null {
  if (size.totalGzipped <= budgetKb * KB) return null;
  const lazy = size.lazyFiles.length ? ` + ${kb(size.lazyGzipped)} loaded lazily (${size.lazyFiles.join(', ')})` : '';
  return (
    `${size.entrypoint} is ${kb(size.totalGzipped)} gzipped, over its ${budgetKb} KB budget ` +
    `(${kb(size.gzipped)} up front in ${size.files.join(', ')}${lazy})`
  );
}
