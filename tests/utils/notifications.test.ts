import { describe, expect, it } from 'vitest';
import { notificationFor, notificationId, type NotificationKind } from '@/utils/notifications';

describe('every notification finds its way back from its id', () => {
  it.each<[NotificationKind, string, string]>([
    ['checkIn', 'a1b2', 'session:a1b2'],
    ['bringUp', 'a1b2', 'bring-up:a1b2'],
    ['reflect', 'c3d4', 'reflect:c3d4'],
    ['watching', 'clinic.example', 'watching:clinic.example'],
  ])('%s for %s is %s, and back', (kind, id, expected) => {
    expect(notificationId(kind, id)).toBe(expected);
    expect(notificationFor(expected)).toEqual({ kind, id });
  });

  it.each(['', 'session:', 'backup', 'other:1'])('"%s" is none of Debrief’s', (id) => {
    expect(notificationFor(id)).toBeNull();
  });
});
