import { vi } from 'vitest';
import { installProbe } from '@/utils/session/install-probe';
import { WATCHER_LISTENING, type ProbeMessage } from '@/utils/session/probe-events';

/**
 * A window with stand-ins for the browser's media classes, shaped like the real ones (methods
 * and getters on the prototype, classes extending EventTarget), fresh for each test because the
 * probe patches their prototypes.
 */
export function fakeWindow() {
  class MediaStreamTrack extends EventTarget {
    readyState: MediaStreamTrackState = 'live';
    constructor(readonly kind: 'audio' | 'video') {
      super();
    }
    // Like the real stop(): no 'ended' event.
    stop(): undefined {
      this.readyState = 'ended';
      return undefined;
    }
  }
  class MediaStream {
    constructor(private readonly tracks: MediaStreamTrack[]) {}
    getTracks() {
      return [...this.tracks];
    }
  }
  const denied = new DOMException('Permission denied', 'NotAllowedError');
  class MediaDevices extends EventTarget {
    lastCall?: { self: unknown; constraints: unknown };
    getUserMedia(constraints?: MediaStreamConstraints): Promise<MediaStream> {
      this.lastCall = { self: this, constraints };
      if (!constraints) return Promise.reject(denied);
      const tracks = [];
      if (constraints.video) tracks.push(new MediaStreamTrack('video'));
      if (constraints.audio) tracks.push(new MediaStreamTrack('audio'));
      return Promise.resolve(new MediaStream(tracks));
    }
  }
  const badConfig = new TypeError('Invalid iceServers');
  class RTCPeerConnection extends EventTarget {
    #state: RTCPeerConnectionState = 'new';
    constructor(readonly config?: RTCConfiguration) {
      super();
      if (config?.iceServers?.length === 0) throw badConfig;
    }
    get connectionState() {
      return this.#state;
    }
    close(): undefined {
      this.#state = 'closed';
      return undefined;
    }
    readonly senders: { track: MediaStreamTrack | null }[] = [];
    addTrack(track: MediaStreamTrack) {
      const sender = { track };
      this.senders.push(sender);
      return sender;
    }
    getSenders() {
      return [...this.senders];
    }
    getStats() {
      return Promise.resolve(new Map());
    }
    static generateCertificate() {
      return Promise.resolve('certificate');
    }
    /** Test helper: what the browser does when the transport changes. */
    static move(pc: RTCPeerConnection, state: RTCPeerConnectionState) {
      pc.#state = state;
      pc.dispatchEvent(new Event('connectionstatechange'));
    }
  }
  // The window is an EventTarget too: the watcher's "listening" event reaches the probe there.
  const win = Object.assign(new EventTarget(), {
    EventTarget,
    MediaStreamTrack,
    MediaDevices,
    RTCPeerConnection,
    webkitRTCPeerConnection: RTCPeerConnection,
    navigator: { mediaDevices: new MediaDevices() },
    postMessage: vi.fn(),
  });
  const originals = {
    RTCPeerConnection,
    getUserMedia: MediaDevices.prototype.getUserMedia,
    stop: MediaStreamTrack.prototype.stop,
    close: RTCPeerConnection.prototype.close,
  };
  return { win, originals, denied, badConfig };
}

export type FakeWindow = ReturnType<typeof fakeWindow>['win'];

/** The call watcher's word that it listens, as it gives it. */
export function watcherListens(win: EventTarget): void {
  win.dispatchEvent(new Event(WATCHER_LISTENING));
}

/** A message event in `win` as `postMessage` delivers it, from `source`. */
export function deliver(win: EventTarget, data: unknown, source: unknown = win): void {
  win.dispatchEvent(Object.assign(new Event('message'), { data, source }));
}

/**
 * Installs the probe in `win` and collects what it posts; the call watcher then says it is
 * listening unless `watcher` is 'later' (the test says it). `late`: into a page already open.
 */
export function install(win: FakeWindow, late = false, watcher: 'listening' | 'later' = 'listening') {
  const posted: ProbeMessage[] = [];
  installProbe({ win: win as unknown as Window & typeof globalThis, post: (message) => posted.push(message), late });
  if (watcher === 'listening') watcherListens(win);
  return { events: () => posted.map((message) => message.event), posted };
}
