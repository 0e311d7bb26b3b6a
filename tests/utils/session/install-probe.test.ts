import { describe, expect, it, vi } from 'vitest';
import { installProbe } from '@/utils/session/install-probe';
import { isProbeMessage, WATCHER_LISTENING, type ProbeEvent } from '@/utils/session/probe-events';
import { deliver, fakeWindow, install, watcherListens } from '../../support/probe-window';

describe('media probe: getUserMedia', () => {
  it('resolves to the same stream, called on the same object with the same constraints', async () => {
    const { win } = fakeWindow();
    const { events } = install(win);
    const devices = win.navigator.mediaDevices;
    const constraints = { video: true, audio: true };
    const stream = await devices.getUserMedia(constraints);
    expect(devices.lastCall).toEqual({ self: devices, constraints });
    expect(stream.getTracks().map((track) => track.kind)).toEqual(['video', 'audio']);
    expect(events()).toEqual([
      { type: 'gum-track', trackId: expect.any(String), kind: 'video' },
      { type: 'gum-track', trackId: expect.any(String), kind: 'audio' },
    ]);
  });

  it('rejects with the very same error and reports nothing', async () => {
    const { win, denied } = fakeWindow();
    const { events } = install(win);
    await expect(win.navigator.mediaDevices.getUserMedia()).rejects.toBe(denied);
    expect(events()).toEqual([]);
  });

  it('still looks like the native method', () => {
    const { win, originals } = fakeWindow();
    install(win);
    const wrapped = win.MediaDevices.prototype.getUserMedia;
    expect(wrapped).not.toBe(originals.getUserMedia);
    expect(Object.hasOwn(win.navigator.mediaDevices, 'getUserMedia')).toBe(false);
    expect(wrapped.name).toBe('getUserMedia');
    expect(wrapped.length).toBe(originals.getUserMedia.length);
    expect('prototype' in wrapped).toBe(false);
    expect(String(wrapped)).toBe(Function.prototype.toString.call(originals.getUserMedia));
    expect(Object.getOwnPropertyDescriptor(win.MediaDevices.prototype, 'getUserMedia')).toMatchObject({
      writable: true,
      configurable: true,
    });
  });
});

describe('media probe: tracks', () => {
  it('reports stop() once, returns what stop() returns and stops the real track', async () => {
    const { win } = fakeWindow();
    const { events } = install(win);
    const [camera] = (await win.navigator.mediaDevices.getUserMedia({ video: true })).getTracks();
    const trackId = (events()[0] as { trackId: string }).trackId;
    expect(camera!.stop()).toBeUndefined();
    expect(camera!.readyState).toBe('ended');
    camera!.stop();
    expect(events().slice(1)).toEqual([{ type: 'track-stopped', trackId }]);
  });

  it("reports a track that ends on its own ('ended', e.g. the camera was unplugged)", async () => {
    const { win } = fakeWindow();
    const { events } = install(win);
    const [mic] = (await win.navigator.mediaDevices.getUserMedia({ audio: true })).getTracks();
    mic!.dispatchEvent(new Event('ended'));
    mic!.stop();
    expect(events().map((event) => event.type)).toEqual(['gum-track', 'track-ended']);
  });

  it('ignores tracks that did not come from getUserMedia', () => {
    const { win } = fakeWindow();
    const { events } = install(win);
    const canvasTrack = new win.MediaStreamTrack('video');
    canvasTrack.stop();
    expect(canvasTrack.readyState).toBe('ended');
    expect(events()).toEqual([]);
  });

  it('lets stop() fail exactly as it would (called on a non-track)', () => {
    const { win } = fakeWindow();
    install(win);
    const stop = win.MediaStreamTrack.prototype.stop;
    expect(() => Reflect.apply(stop, undefined, [])).toThrow(TypeError);
  });
});

describe('media probe: RTCPeerConnection', () => {
  it('keeps the constructor, prototype chain and statics the page expects', () => {
    const { win, originals } = fakeWindow();
    install(win);
    const Wrapped = win.RTCPeerConnection;
    const config = { iceServers: [{ urls: 'stun:stun.example.org' }] };
    const pc = new Wrapped(config);
    expect(Wrapped).not.toBe(originals.RTCPeerConnection);
    expect(pc).toBeInstanceOf(Wrapped);
    expect(pc).toBeInstanceOf(originals.RTCPeerConnection);
    expect(pc).toBeInstanceOf(EventTarget);
    expect(Object.getPrototypeOf(pc)).toBe(Wrapped.prototype);
    expect(Wrapped.prototype).toBe(originals.RTCPeerConnection.prototype);
    expect(pc.constructor).toBe(Wrapped);
    expect(pc.config).toBe(config);
    expect(Object.getPrototypeOf(Wrapped)).toBe(EventTarget);
    expect(Wrapped.generateCertificate).toBe(originals.RTCPeerConnection.generateCertificate);
    expect(Wrapped.name).toBe('RTCPeerConnection');
    expect(Wrapped.length).toBe(originals.RTCPeerConnection.length);
    expect(String(Wrapped)).toBe(Function.prototype.toString.call(originals.RTCPeerConnection));
    expect(win.webkitRTCPeerConnection).toBe(Wrapped);
    // The probe adds nothing to the instance (no onconnectionstatechange, no marker).
    expect(Reflect.ownKeys(pc)).toEqual(Reflect.ownKeys(Reflect.construct(originals.RTCPeerConnection, [config])));
  });

  it('lets the constructor throw the very same error', () => {
    const { win, badConfig } = fakeWindow();
    const { events } = install(win);
    expect(() => new win.RTCPeerConnection({ iceServers: [] })).toThrow(badConfig);
    expect(events()).toEqual([]);
  });

  it('throws like the original when called without new', () => {
    const { win, originals } = fakeWindow();
    install(win);
    const callWithout = (ctor: unknown) => () => Reflect.apply(ctor as () => void, undefined, []);
    expect(callWithout(win.RTCPeerConnection)).toThrow(TypeError);
    let original: unknown;
    try {
      callWithout(originals.RTCPeerConnection)();
    } catch (error) {
      original = error;
    }
    expect(callWithout(win.RTCPeerConnection)).toThrow((original as Error).message);
  });

  it('works for page classes that extend it', () => {
    const { win } = fakeWindow();
    const { events } = install(win);
    class PagePeer extends win.RTCPeerConnection {
      hello() {
        return 'hi';
      }
    }
    const pc = new PagePeer();
    expect(pc).toBeInstanceOf(PagePeer);
    expect(pc.hello()).toBe('hi');
    expect(events()).toEqual([{ type: 'pc-created', pcId: expect.any(String) }]);
  });

  it('reports state changes and close(), which fires no state change', () => {
    const { win } = fakeWindow();
    const { events } = install(win);
    const pc = new win.RTCPeerConnection();
    const pageSaw: string[] = [];
    pc.addEventListener('connectionstatechange', () => pageSaw.push(pc.connectionState));
    win.RTCPeerConnection.move(pc, 'connecting');
    win.RTCPeerConnection.move(pc, 'connected');
    expect(pc.close()).toBeUndefined();
    expect(pc.connectionState).toBe('closed');
    pc.close();
    const pcId = (events()[0] as { pcId: string }).pcId;
    expect(events()).toEqual([
      { type: 'pc-created', pcId },
      { type: 'pc-state', pcId, state: 'connecting' },
      { type: 'pc-state', pcId, state: 'connected' },
      { type: 'pc-closed', pcId },
    ]);
    expect(pageSaw).toEqual(['connecting', 'connected']);
  });

  it('gives each connection and track its own id', async () => {
    const { win } = fakeWindow();
    const { events } = install(win);
    new win.RTCPeerConnection();
    new win.RTCPeerConnection();
    await win.navigator.mediaDevices.getUserMedia({ video: true, audio: true });
    const ids = events().map((event: ProbeEvent) => ('pcId' in event ? event.pcId : event.trackId));
    expect(new Set(ids).size).toBe(4);
  });
});

describe('media probe: installing', () => {
  it('wraps once when installed twice', () => {
    const { win } = fakeWindow();
    const first = install(win);
    const wrapped = win.RTCPeerConnection;
    const stop = win.MediaStreamTrack.prototype.stop;
    const second = install(win);
    expect(win.RTCPeerConnection).toBe(wrapped);
    expect(win.MediaStreamTrack.prototype.stop).toBe(stop);
    new win.RTCPeerConnection();
    expect(first.events()).toHaveLength(1);
    expect(second.events()).toHaveLength(0);
  });

  it('posts well-formed messages to its own window by default', () => {
    const { win } = fakeWindow();
    installProbe({ win: win as unknown as Window & typeof globalThis });
    watcherListens(win);
    new win.RTCPeerConnection();
    expect(win.postMessage).toHaveBeenCalledTimes(1);
    const [message, targetOrigin] = win.postMessage.mock.calls[0] as [unknown, string];
    expect(isProbeMessage(message)).toBe(true);
    expect(targetOrigin).toBe('*');
  });

  it('does nothing harmful where WebRTC or camera access is missing (an insecure page)', () => {
    const win = Object.assign(new EventTarget(), { EventTarget, postMessage: vi.fn(), navigator: {} });
    expect(() => installProbe({ win: win as unknown as Window & typeof globalThis })).not.toThrow();
    expect(Object.keys(win)).toEqual(['EventTarget', 'postMessage', 'navigator']);
  });
});

describe('media probe: until the call watcher listens', () => {
  it('holds what it sees, with the time, and posts it all in order once the watcher says it listens', async () => {
    const { win } = fakeWindow();
    const probe = install(win, false, 'later');
    const before = Date.now();
    const pc = new win.RTCPeerConnection();
    await new Promise((resolve) => setTimeout(resolve, 30));
    const moved = Date.now();
    win.RTCPeerConnection.move(pc, 'connected');
    expect(probe.posted).toEqual([]);

    // Not the watcher's word: a message, even one naming it.
    deliver(win, WATCHER_LISTENING);
    deliver(win, { type: WATCHER_LISTENING });
    expect(probe.posted).toEqual([]);

    watcherListens(win);
    expect(probe.events().map((event) => event.type)).toEqual(['pc-created', 'pc-state']);
    const [created, connected] = probe.posted.map((message) => message.at ?? Number.NaN);
    expect(created).toBeGreaterThanOrEqual(before);
    expect(created).toBeLessThan(moved);
    expect(connected).toBeGreaterThanOrEqual(moved);
    expect(probe.posted.every((message) => isProbeMessage(message))).toBe(true);

    // From then on at once, with no time of its own; a second word changes nothing.
    watcherListens(win);
    pc.close();
    expect(probe.posted).toHaveLength(3);
    expect(probe.posted[2]).toEqual({ source: 'debrief-probe', v: 1, event: { type: 'pc-closed', pcId: expect.any(String) } });
  });

  it('posts at once when it arrives in an open page, after the watcher', () => {
    const { win } = fakeWindow();
    const probe = install(win, true, 'later');
    new win.RTCPeerConnection();
    expect(probe.events().map((event) => event.type)).toEqual(['pc-created']);
  });
});

