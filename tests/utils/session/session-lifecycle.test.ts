import { describe, expect, it } from 'vitest';
import type { SessionStatus } from '@/utils/db/schema';
import { nextStatus, type SessionEvent } from '@/utils/session/lifecycle';

const STATUSES: SessionStatus[] = ['in-progress', 'pending', 'snoozed', 'answered', 'dismissed', 'skipped'];
const EVENTS: SessionEvent[] = ['call-ended', 'snooze', 'due', 'answer', 'dismiss', 'skip', 'restore', 'restore-snoozed'];

// Every (status, event) pair and where it leaves the session; '—' is "nothing changes".
// Columns in EVENTS order: call-ended, snooze, due, answer, dismiss, skip, restore, restore-snoozed.
const EXPECTED: Record<SessionStatus, (SessionStatus | '—')[]> = {
  'in-progress': ['pending', 'snoozed', '—', 'answered', 'dismissed', 'skipped', '—', '—'],
  pending: ['—', 'snoozed', '—', 'answered', 'dismissed', 'skipped', '—', '—'],
  snoozed: ['—', 'snoozed', 'pending', 'answered', 'dismissed', 'skipped', '—', '—'],
  answered: ['—', '—', '—', '—', '—', '—', '—', '—'],
  dismissed: ['—', 'snoozed', '—', 'answered', 'dismissed', 'skipped', 'pending', 'snoozed'],
  skipped: ['—', 'snoozed', '—', 'answered', 'dismissed', 'skipped', 'pending', 'snoozed'],
};

describe("a session's life: every status and event", () => {
  const pairs = STATUSES.flatMap((status) => EVENTS.map((event, column) => ({ status, event, expected: EXPECTED[status][column]! })));

  it('covers all 48 pairs', () => {
    expect(pairs).toHaveLength(STATUSES.length * EVENTS.length);
  });

  it.each(pairs)('$status + $event → $expected', ({ status, event, expected }) => {
    expect(nextStatus(status, event) ?? '—').toBe(expected);
  });

  it('never brings back an answered session, whatever is pressed elsewhere', () => {
    expect(EVENTS.map((event) => nextStatus('answered', event))).toEqual(EVENTS.map(() => null));
  });

  it('lets only a session set aside be restored, so Undo cannot revive a check-in already saved', () => {
    const restorable = STATUSES.filter((status) => nextStatus(status, 'restore') !== null);
    expect(restorable).toEqual(['dismissed', 'skipped']);
  });
});
