import { describe, expect, it } from 'vitest';
import { isProbeMessage } from '@/utils/session/probe-events';

// What the call watcher accepts from the page: only the media probe's own small, typed events.
describe('probe message check', () => {
  const good = { source: 'debrief-probe', v: 1, event: { type: 'pc-state', pcId: 'a1', state: 'connected' } };
  it.each([
    ['a probe state change', good, true],
    ['a probe camera track', { ...good, event: { type: 'gum-track', trackId: 'a2', kind: 'video' } }, true],
    ['a probe close', { ...good, event: { type: 'pc-closed', pcId: 'a1' } }, true],
    ['another source', { ...good, source: 'page' }, false],
    ['another version', { ...good, v: 2 }, false],
    ['an unknown event', { ...good, event: { type: 'pc-hacked', pcId: 'a1' } }, false],
    ['an unknown state', { ...good, event: { type: 'pc-state', pcId: 'a1', state: 'online' } }, false],
    ['a screen track kind', { ...good, event: { type: 'gum-track', trackId: 'a2', kind: 'screen' } }, false],
    ['a missing id', { ...good, event: { type: 'track-stopped' } }, false],
    ['a huge id', { ...good, event: { type: 'pc-created', pcId: 'x'.repeat(1000) } }, false],
    ['a string', JSON.stringify(good), false],
    ['null', null, false],
    ['an array', [good], false],
  ])('%s → %s', (_name, data, expected) => {
    expect(isProbeMessage(data)).toBe(expected);
  });
});
