import { describe, expect, it } from 'vitest';
import { alarmFor, alarmName } from '@/utils/alarms';

describe('the alarm table', () => {
  it.each([
    [alarmName('heartbeat'), { kind: 'heartbeat' }],
    [alarmName('backup'), { kind: 'backup' }],
    [alarmName('snooze', 'session-1'), { kind: 'snooze', id: 'session-1' }],
    [alarmName('reflect', 'check-in-1'), { kind: 'reflect', id: 'check-in-1' }],
  ])('routes %s back to what set it', (name, alarm) => {
    expect(alarmFor(name)).toEqual(alarm);
  });

  it.each(['', 'snooze:', 'reflect:', 'backups', 'someone-else'])('ignores %j, a name Debrief never sets', (name) => {
    expect(alarmFor(name)).toBeNull();
  });

  it('gives every kind its own names', () => {
    const names = [alarmName('heartbeat'), alarmName('backup'), alarmName('snooze', 'x'), alarmName('reflect', 'x')];
    expect(new Set(names).size).toBe(names.length);
  });
});
