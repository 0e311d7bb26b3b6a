/**
 * Another device's calls are never offered here (issue 13): a file written on a laptop during
 * its calls is imported through the Sync view, the browser restarts, and only the call this
 * profile recorded itself is offered; this profile's export then imports into a fresh profile.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { formatHlc } from '../../utils/db/hlc';
import type { Session } from '../../utils/db/schema';
import { localIsoString } from '../../utils/db/time';
import { serializeExport } from '../../utils/sync/export';
import type { DebriefExport } from '../../utils/sync/format';
import { storedCheckIn } from '../seed/records';
import { wait } from './call-fixture';
import { badgeText, CheckInWindows, readSessions } from './debrief-state';
import { test } from './fixtures';
import { closeExtension, launchExtension, openExtensionPage, restart } from './harness';
import { seedRecords } from './records';
import { chooseImport, confirmImport, exportThroughUi } from './sync-ui';

const files = mkdtempSync(join(tmpdir(), 'debrief-sync-sessions-e2e-'));
afterAll(() => rmSync(files, { recursive: true, force: true }));
const MINUTE = 60_000;

/** A call as its device stored it: in progress (still live there) unless ended. */
function call(id: string, deviceId: string, startedMs: number, lastSeenMs: number, ended = false): Session {
  return {
    id,
    createdAt: localIsoString(new Date(startedMs)),
    createdMs: startedMs,
    updatedAt: formatHlc({ wall: lastSeenMs, counter: 0, deviceId }),
    deviceId,
    platform: 'doxy-me',
    host: 'doxy.me',
    startedAt: localIsoString(new Date(startedMs)),
    startedMs,
    endedAt: ended ? localIsoString(new Date(lastSeenMs)) : null,
    endedMs: ended ? lastSeenMs : null,
    endReason: ended ? 'call-ended' : null,
    lastSeenMs,
    status: ended ? 'pending' : 'in-progress',
    snoozedUntil: null,
    checkInId: null,
  };
}

/** The laptop's file, written while three of its calls were live and one waited for a check-in. */
function laptopFile(now: number): string {
  const sessions = [0, 1, 2].map((n) => call(`laptop-call-${n}`, 'laptop', now - (60 + n) * MINUTE, now - 2 * MINUTE));
  sessions.push(call('laptop-call-ended', 'laptop', now - 120 * MINUTE, now - 70 * MINUTE, true));
  const checkIn = storedCheckIn('laptop-check-in', { createdMs: now - 60 * MINUTE, startedMs: now - 120 * MINUTE, deviceId: 'laptop' }, 'doxy-me', {
    ratings: { relief: 5, insight: 6, trust: 7, goals: null, resilience: 5, integration: 4 },
    overall: 7,
    notes: { helpful: 'Written on the laptop', unhelpful: '', takeaway: '', nextTime: '' },
    goalProgress: [],
    tags: [],
    provider: '',
  });
  const file: DebriefExport = { format: 'debrief', version: 2, exportedAt: new Date(now).toISOString(), deviceId: 'laptop', checkIns: [checkIn], sessions, goals: [], tombstones: [], rooms: [] };
  return serializeExport(file);
}

test('a file with another device’s calls in progress, imported and followed by a restart, opens no check-in window for them', { timeout: 180_000 }, async ({ debrief }) => {
  const now = Date.now();
  // This profile's own call, cut off by the restart below: the one window that must open.
  const own = call('own-call', 'e2e-device', now - 50 * MINUTE, now - MINUTE);
  await seedRecords(debrief, { sessions: [own] });

  const laptopPath = join(files, 'laptop.json');
  writeFileSync(laptopPath, laptopFile(now));
  const sync = await openExtensionPage(debrief, 'options.html#/sync');
  await chooseImport(sync, laptopPath);
  await confirmImport(sync, 5);
  await sync.close();

  await restart(debrief);
  const windows = new CheckInWindows(debrief.context);
  const offered = await windows.next(0);
  expect(offered.sessionId).toBe(own.id);
  await wait(4000); // time for any further window the restart would open
  expect(windows.after(0).map((window) => window.sessionId)).toEqual([own.id]);
  expect(await badgeText(offered.page)).toBe('1');
  const stored = await readSessions(offered.page);
  expect(stored.filter((s) => s.id.startsWith('laptop-call-') && s.id !== 'laptop-call-ended').map((s) => s.status)).toEqual(['in-progress', 'in-progress', 'in-progress']);
  await windows.closeAll();

  const page = await openExtensionPage(debrief, 'options.html#/sync');
  const ownPath = await exportThroughUi(page, join(files, 'own.json'));
  const fresh = await launchExtension();
  try {
    const freshSync = await openExtensionPage(fresh, 'options.html#/sync');
    await chooseImport(freshSync, ownPath);
    await confirmImport(freshSync, 6);
    await restart(fresh);
    const freshWindows = new CheckInWindows(fresh.context);
    const popup = await openExtensionPage(fresh, 'popup.html');
    await wait(4000);
    expect(freshWindows.after(0)).toEqual([]);
    expect(await badgeText(popup)).toBe('');
  } finally {
    await closeExtension(fresh);
  }
});
