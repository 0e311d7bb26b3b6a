import { PROBE_SOURCE, PROBE_VERSION, WATCHER_LISTENING, type ProbeEvent, type ProbeMessage } from './probe-events';

type ProbeWindow = Window & typeof globalThis & { webkitRTCPeerConnection?: unknown };
type Post = (message: ProbeMessage) => void;

// Captured when the probe loads (document_start, before any page script), so a page that
// later patches Reflect or Function.prototype cannot change how the probe calls through.
const { apply, construct, defineProperty, getOwnPropertyDescriptor, getPrototypeOf, ownKeys, setPrototypeOf } = Reflect;
const toSource = Function.prototype.toString;
const bind = Function.prototype.bind;
const then = Promise.prototype.then;
const now = Date.now;
const INSTALLED = Symbol.for('debrief.media-probe');

function postTo(win: Window): Post {
  const postMessage = win.postMessage;
  return (message) => apply(postMessage, win, [message, '*']);
}

// Make a wrapper look like what it replaces: same name, length, statics and source text.
function disguise(wrapper: object, original: object): void {
  for (const key of ownKeys(original)) {
    const descriptor = getOwnPropertyDescriptor(original, key);
    if (key !== 'prototype' && descriptor) defineProperty(wrapper, key, descriptor);
  }
  defineProperty(wrapper, 'toString', { value: apply(bind, toSource, [original]), writable: true, configurable: true });
}

// Replace `target[key]` (a method) with one that calls the original, then `after(this, result)`.
function patchMethod(target: object | undefined, key: string, after: (self: object, result: unknown) => unknown): void {
  const descriptor = target && getOwnPropertyDescriptor(target, key);
  const original: unknown = descriptor?.value;
  if (!target || typeof original !== 'function') return;
  // A method shorthand, like a native method, has no `prototype` and cannot be called with `new`.
  const wrapper = {
    [key](this: object, ...args: unknown[]): unknown {
      return after(this, apply(original, this, args));
    },
  }[key] as object;
  disguise(wrapper, original);
  defineProperty(target, key, { ...descriptor, value: wrapper });
}

function replaceGlobal(win: ProbeWindow, name: string, value: unknown): void {
  const descriptor = getOwnPropertyDescriptor(win, name) ?? { writable: true, configurable: true };
  defineProperty(win, name, { ...descriptor, value });
}

/** Methods a live call page keeps calling on its connections (statistics for its quality meter, tracks). */
const CALL_METHODS = ['getStats', 'getSenders', 'getReceivers', 'getTransceivers'];

/**
 * Wraps getUserMedia, RTCPeerConnection and MediaStreamTrack.stop in `win` so calls are
 * reported through `post`, while the page sees the same values, `this`, errors and prototypes.
 * The call watcher runs once the page has loaded, outside the page's first task, so until it says
 * it is listening the probe holds its events, with their times, then posts them in order.
 * `late`: the probe arrives in a page already open (the person just chose to watch this site),
 * after the watcher, so it posts at once; connections made before it cannot have been seen; each
 * is taken in, with the camera and microphone it sends, the first time the page calls one of its
 * call methods.
 */
export function installProbe({ win = window as ProbeWindow, post = postTo(win), late = false }: { win?: ProbeWindow; post?: Post; late?: boolean } = {}): void {
  if (getOwnPropertyDescriptor(win, INSTALLED)) return;
  defineProperty(win, INSTALLED, { value: true });

  // Ids are the probe's own; a random prefix keeps frames of one tab apart.
  const prefix = Math.random().toString(36).slice(2, 6);
  let counter = 0;
  const newId = () => `${prefix}${++counter}`;
  const listen = win.EventTarget.prototype.addEventListener;
  const unlisten = win.EventTarget.prototype.removeEventListener;
  let held: ProbeMessage[] | null = late ? null : [];
  const report = (event: ProbeEvent) => {
    if (held) held.push({ source: PROBE_SOURCE, v: PROBE_VERSION, event, at: apply(now, Date, []) });
    else post({ source: PROBE_SOURCE, v: PROBE_VERSION, event });
  };
  if (held) {
    const onListening = () => {
      if (!held) return;
      apply(unlisten, win, [WATCHER_LISTENING, onListening]);
      const waiting = held;
      held = null;
      for (let i = 0; i < waiting.length; i++) post(waiting[i] as ProbeMessage);
    };
    apply(listen, win, [WATCHER_LISTENING, onListening]);
  }
  const trackIds = new WeakMap<object, string>();
  const peerIds = new WeakMap<object, string>();

  const watchTrack = (track: MediaStreamTrack) => {
    if (trackIds.has(track) || track.readyState === 'ended') return;
    const trackId = newId();
    trackIds.set(track, trackId);
    report({ type: 'gum-track', trackId, kind: track.kind === 'video' ? 'video' : 'audio' });
    apply(listen, track, ['ended', () => endTrack(track, 'track-ended')]);
  };

  const endTrack = (track: object, type: 'track-ended' | 'track-stopped') => {
    const trackId = trackIds.get(track);
    if (!trackId) return;
    trackIds.delete(track);
    report({ type, trackId });
  };

  const watchStream = (stream: MediaStream) => {
    try {
      const tracks = stream.getTracks();
      for (let i = 0; i < tracks.length; i++) watchTrack(tracks[i] as MediaStreamTrack);
    } catch {
      // Never let the probe break the page's call.
    }
    return stream;
  };

  // A new promise resolving to the same stream: the original stays untouched, so a rejection
  // the page leaves unhandled is still reported as unhandled.
  patchMethod(win.MediaDevices?.prototype, 'getUserMedia', (_devices, promise) => apply(then, promise, [watchStream]));
  patchMethod(win.MediaStreamTrack?.prototype, 'stop', (track, result) => {
    endTrack(track, 'track-stopped');
    return result;
  });

  type Constructor = new (...args: unknown[]) => object;
  const found = win.RTCPeerConnection as unknown as Constructor | undefined;
  if (typeof found !== 'function') return;
  const Native: Constructor = found;
  const proto: object = Native.prototype;
  const stateOf = getOwnPropertyDescriptor(proto, 'connectionState')?.get;

  const watchPeer = (pc: object) => {
    const pcId = newId();
    peerIds.set(pc, pcId);
    report({ type: 'pc-created', pcId });
    // A listener, not `onconnectionstatechange`, so the page's own handler is left alone.
    apply(listen, pc, [
      'connectionstatechange',
      () => {
        if (peerIds.has(pc) && stateOf) report({ type: 'pc-state', pcId, state: apply(stateOf, pc, []) });
      },
    ]);
  };

  function RTCPeerConnection(this: unknown, ...args: unknown[]): unknown {
    // Called without `new`: let the native constructor throw its own TypeError.
    if (!new.target) return apply(Native, this, args);
    const pc = construct(Native, args, new.target);
    watchPeer(pc);
    return pc;
  }
  disguise(RTCPeerConnection, Native);
  // Same prototype object, so instanceof, subclassing and prototype patches behave as before.
  defineProperty(RTCPeerConnection, 'prototype', { value: proto, writable: false });
  setPrototypeOf(RTCPeerConnection, getPrototypeOf(Native));
  defineProperty(proto, 'constructor', { ...getOwnPropertyDescriptor(proto, 'constructor'), value: RTCPeerConnection });

  // close() fires no connectionstatechange, so it is reported here.
  patchMethod(proto, 'close', (pc, result) => {
    const pcId = peerIds.get(pc);
    if (pcId) {
      peerIds.delete(pc);
      report({ type: 'pc-closed', pcId });
    }
    return result;
  });

  if (late) {
    const sendersOf = getOwnPropertyDescriptor(proto, 'getSenders')?.value as ((this: object) => RTCRtpSender[]) | undefined;
    // A connection made before the probe: reported as new, then in its current state, with the tracks it sends.
    const adopt = (pc: object) => {
      if (peerIds.has(pc) || !stateOf || !sendersOf) return;
      const state = apply(stateOf, pc, []) as RTCPeerConnectionState;
      if (state === 'closed') return;
      watchPeer(pc);
      const senders = apply(sendersOf, pc, []);
      for (let i = 0; i < senders.length; i++) {
        const track = senders[i]?.track;
        if (track) watchTrack(track);
      }
      if (state !== 'new') report({ type: 'pc-state', pcId: peerIds.get(pc) as string, state });
    };
    for (const method of CALL_METHODS) {
      patchMethod(proto, method, (pc, result) => {
        try {
          adopt(pc);
        } catch {
          // Never let the probe break the page's call.
        }
        return result;
      });
    }
  }

  replaceGlobal(win, 'RTCPeerConnection', RTCPeerConnection);
  if (win.webkitRTCPeerConnection === Native) replaceGlobal(win, 'webkitRTCPeerConnection', RTCPeerConnection);
}
