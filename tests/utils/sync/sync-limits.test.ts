/**
 * What Debrief accepts it can export and read back, plain and encrypted: an import that would
 * grow the data past what a file may hold (in size, or in records of one kind) is refused and
 * changes nothing. The limits are made small here so the files are too; the code is the real one.
 */
import { describe, expect, it, vi } from 'vitest';
import { formatHlc } from '@/utils/db/hlc';
import type { DebriefDb } from '@/utils/db/open';
import { importText } from '@/utils/sync/apply';
import { exportData, serializeExport } from '@/utils/sync/export';
import { exportText } from '@/utils/sync/export';
import type { SyncData } from '@/utils/sync/format';
import { useFreshDbs } from '../../support/db-fixture';
import { checkIn, exportOf, tombstone } from '../../support/sync-fixtures';

vi.mock('@/utils/checkin/limits', async (original) => ({ ...(await original<object>()), MAX_RECORDS: 200, MAX_IMPORT_BYTES: 400_000 }));

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const freshDb = useFreshDbs('debrief-sync-limits');
const text = (data: Partial<SyncData>) => JSON.stringify(exportOf(data));
const at = formatHlc({ wall: NOW - 3_600_000, counter: 0, deviceId: 'dev-b' });
const notes = (helpful: string) => ({ helpful, unhelpful: '', takeaway: '', nextTime: '' });

/** `count` check-ins of about `size` characters each. */
const checkIns = (prefix: string, count: number, size = 2_000) => ({
  checkIns: Array.from({ length: count }, (_, i) => checkIn(`${prefix}-${i}`, at, { notes: notes('x'.repeat(size - 500)) })),
});

async function dataOf(db: DebriefDb): Promise<SyncData> {
  const { checkIns, sessions, goals, rooms, tombstones } = await exportData(db, new Date(NOW));
  return { checkIns, sessions, goals, rooms, tombstones };
}

async function expectImported(db: DebriefDb, file: string, passphrase = ''): Promise<void> {
  const result = await importText(db, file, passphrase, { now: NOW, minIterations: 1_000 });
  expect(result.ok ? 'ok' : result.error).toBe('ok');
}

describe('the data never grows past what a file may hold', () => {
  it('a file that would grow it past the longest export is refused, changing nothing, and the own export still imports', async () => {
    const db = await freshDb();
    await expectImported(db, text(checkIns('one', 80, 3_000)));
    const before = await dataOf(db);
    const result = await importText(db, text(checkIns('two', 80, 3_000)), '', { now: NOW });
    expect(result.ok ? 'ok' : result.error).toMatch(/larger than the 0.4 MB Debrief can import/);
    expect(await dataOf(db)).toEqual(before);
    await expectImported(await freshDb(), serializeExport(await exportData(db, new Date(NOW))));
  });

  it('two files of 110 deletion records each where a file holds 200: the second is refused, changing nothing', async () => {
    const deletions = (prefix: string) => ({ tombstones: Array.from({ length: 110 }, (_, i) => tombstone(`${prefix}-${i}`, 'checkIns', at)) });
    const db = await freshDb();
    await expectImported(db, text(deletions('one')));
    const result = await importText(db, text(deletions('two')), '', { now: NOW });
    expect(result.ok ? 'ok' : result.error).toMatch(/more than 200 records of one kind/);
    expect(await db.count('tombstones')).toBe(110);
    await expectImported(await freshDb(), serializeExport(await exportData(db, new Date(NOW))));
  });

  it('an export near the limit, past it once encrypted, imports encrypted too', async () => {
    const db = await freshDb();
    await expectImported(db, text(checkIns('one', 190)));
    const plain = serializeExport(await exportData(db, new Date(NOW)));
    const encrypted = await exportText(await exportData(db, new Date(NOW)), 'pass', { iterations: 1_000 });
    expect([plain.length < 400_000, encrypted.length > 400_000]).toEqual([true, true]);
    await expectImported(await freshDb(), encrypted, 'pass');
  });
});
