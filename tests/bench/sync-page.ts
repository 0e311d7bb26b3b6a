/**
 * Browser side of the sync bench, bundled by tests/bench/sync.ts and run inside one of Debrief's
 * extension pages: Debrief's own sync code against real IndexedDB and WebCrypto.
 * Each step starts from a fresh scratch database and times only the work named; seeding is not timed.
 */
import { deleteDB } from 'idb';
import { openDebriefDb, type DebriefDb } from '@/utils/db/open';
import type { CheckIn } from '@/utils/db/schema';
import { importText, previewImport } from '@/utils/sync/apply';
import { exportData, exportText } from '@/utils/sync/export';
import { encryptText } from '@/utils/sync/crypto';
import { PBKDF2_ITERATIONS } from '@/utils/sync/kdf';
import { serializeExport } from '@/utils/sync/export';
import type { DebriefExport } from '@/utils/sync/format';
import { readExportText } from '@/utils/sync/read';
import { makeCheckIns, makeIncomingExport, makeMonthsExport } from './seed';

const PASSPHRASE = 'correct horse battery staple';
const DB_NAME = 'bench-sync';

let local: CheckIn[] = [];
let incoming: DebriefExport | null = null;
let incomingPlain = '';
let incomingEncrypted = '';
const monthFiles = { one: '', spread: '' };

async function freshDb(): Promise<DebriefDb> {
  await deleteDB(DB_NAME);
  return openDebriefDb(DB_NAME);
}

async function putAll(db: DebriefDb, checkIns: readonly CheckIn[]): Promise<void> {
  const tx = db.transaction('checkIns', 'readwrite');
  for (const checkIn of checkIns) void tx.store.put(checkIn);
  await tx.done;
}

/** For profiling: the next step waits after its seeding until released, so a profile holds only the work. */
let held: { reached: boolean; release: () => void; go: Promise<void> } | null = null;

/** Runs `work` on a database holding the local check-ins (or none) and returns how long it took. */
async function timed(seeded: boolean, work: (db: DebriefDb) => Promise<unknown>): Promise<{ ms: number; detail: unknown }> {
  const db = await freshDb();
  try {
    if (seeded) await putAll(db, local);
    if (held) {
      held.reached = true;
      await held.go;
      held = null;
    }
    const start = performance.now();
    const detail = await work(db);
    return { ms: performance.now() - start, detail };
  } finally {
    db.close();
  }
}

function expectImported(result: Awaited<ReturnType<typeof importText>>) {
  if (!result.ok) throw new Error(`import rejected the bench file: ${result.error}`);
  const { new: added, updated, keptAsHistory } = result.result.preview;
  return { added, updated, keptAsHistory };
}

const bench = {
  /** The next step stops before its timed work until `release()`; `isHeld()` says it got there. */
  hold() {
    let release = () => {};
    const go = new Promise<void>((resolve) => (release = resolve));
    held = { reached: false, release, go };
  },
  isHeld: () => held?.reached === true,
  release: () => held?.release(),
  /** Makes this device's `count` check-ins and the other device's file (plain and encrypted). */
  async prepare(count: number) {
    local = makeCheckIns(count);
    incoming = makeIncomingExport(local);
    incomingPlain = serializeExport(incoming);
    incomingEncrypted = JSON.stringify(await encryptText(incomingPlain, PASSPHRASE));
    return { checkIns: local.length, incoming: incoming.checkIns.length, bytes: incomingPlain.length };
  },
  /** Two files of `count` new check-ins: every session in one month, and spread over ten years. */
  prepareMonths(count: number) {
    monthFiles.one = serializeExport(makeMonthsExport(count, 1));
    monthFiles.spread = serializeExport(makeMonthsExport(count, 120));
    return { checkIns: count };
  },
  importOneMonth: () => timed(false, async (db) => expectImported(await importText(db, monthFiles.one))),
  importSpread: () => timed(false, async (db) => expectImported(await importText(db, monthFiles.spread))),
  floorWrite: () => timed(false, (db) => putAll(db, local)),
  floorRead: () => timed(true, (db) => db.getAll('checkIns')),
  /** What an import cannot avoid: read what is stored and write the file's records, in one transaction. */
  floorReadWrite: () =>
    timed(true, async (db) => {
      const tx = db.transaction('checkIns', 'readwrite');
      await tx.store.getAll();
      for (const checkIn of incoming?.checkIns ?? []) void tx.store.put(checkIn);
      await tx.done;
    }),
  /** PBKDF2 alone at the rounds Debrief uses: the part of an encrypted export or import no code change can remove. */
  keyDerivation: () =>
    timed(false, async () => {
      const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(PASSPHRASE), 'PBKDF2', false, ['deriveBits']);
      const salt = crypto.getRandomValues(new Uint8Array(16));
      return crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: PBKDF2_ITERATIONS }, material, 256);
    }),
  exportPlain: () => timed(true, async (db) => (await exportText(await exportData(db))).length),
  exportEncrypted: () => timed(true, async (db) => (await exportText(await exportData(db), PASSPHRASE)).length),
  /** What the Sync view does before its confirm button: read and validate the file, then count what would change. */
  previewPlain: () =>
    timed(true, async (db) => {
      const read = await readExportText(incomingPlain);
      if (!read.ok) throw new Error(`the bench file was rejected: ${read.error}`);
      return previewImport(db, read.file);
    }),
  importPlain: () => timed(true, async (db) => expectImported(await importText(db, incomingPlain))),
  importEncrypted: () => timed(true, async (db) => expectImported(await importText(db, incomingEncrypted, PASSPHRASE))),
};

export type SyncBench = typeof bench;
(window as unknown as { bench: SyncBench }).bench = bench;
