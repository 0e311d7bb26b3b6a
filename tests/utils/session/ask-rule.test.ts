import { describe, expect, it } from 'vitest';
import { askRule, type AskFacts } from '@/utils/session/ask-rule';

const MIN = 60_000;
const base: AskFacts = { platformKind: 'meeting', platformOff: false, room: null, mode: 'every-room', lengthMs: 47 * MIN, minMinutes: 10 };

describe('whether Debrief asks about a call', () => {
  it.each<[string, Partial<AskFacts>, string, string]>([
    ['a Doxy.me session', { platformKind: 'therapy' }, 'ask', 'therapy-platform'],
    ['a Doxy.me session even in "therapy rooms only" mode', { platformKind: 'therapy', mode: 'therapy-rooms' }, 'ask', 'therapy-platform'],
    ['a 5-minute Doxy.me call', { platformKind: 'therapy', lengthMs: 5 * MIN }, 'silent', 'too-short'],
    ['a first Zoom call in a new room', {}, 'ask', 'every-room'],
    ['a call in the therapy room on Zoom', { room: 'therapy', mode: 'therapy-rooms' }, 'ask', 'therapy-room'],
    ['a therapy room on a platform that asks everywhere', { room: 'therapy' }, 'ask', 'therapy-room'],
    ['a work meeting once Zoom asks only in therapy rooms', { mode: 'therapy-rooms' }, 'quiet', 'not-therapy-room'],
    ['a muted meeting', { room: 'muted' }, 'silent', 'muted-room'],
    ['a muted meeting that ran long', { room: 'muted', lengthMs: 120 * MIN }, 'silent', 'muted-room'],
    ['a therapy room call shorter than the minimum', { room: 'therapy', lengthMs: 9 * MIN }, 'silent', 'too-short'],
    ['a call exactly the minimum long', { lengthMs: 10 * MIN }, 'ask', 'every-room'],
    ['any call with a minimum of 0', { lengthMs: 0, minMinutes: 0, mode: 'therapy-rooms' }, 'quiet', 'not-therapy-room'],
    ['a call on a platform turned off', { platformOff: true, room: 'therapy' }, 'silent', 'platform-off'],
  ])('%s: %s (%s)', (_case, facts, verdict, reason) => {
    expect(askRule({ ...base, ...facts })).toEqual({ verdict, reason });
  });
});
