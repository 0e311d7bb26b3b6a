import type { ProbeEvent } from './probe-events';

/** How long every peer connection may stay disconnected/failed before the call counts as ended. */
export const GRACE_MS = 5000;

export type EndReason = 'call-ended' | 'site-signal' | 'navigated';

/**
 * What the call watcher feeds the machine: probe events, its grace timer and the site adapter.
 * The page going away is not an input: its end is kept ready (`unloadEnd`) and sent at `pagehide`.
 */
export type CallInput = ProbeEvent | { type: 'tick' } | { type: 'site-post-call' };

export type CallEffect =
  | { type: 'session-started'; at: number }
  | { type: 'session-ended'; at: number; startedAt: number; reason: EndReason };

export interface PeerState {
  state: RTCPeerConnectionState;
  /** Still connected when a session ended: it cannot start or hold another until it reconnects. */
  spent: boolean;
}

/** One frame's call state, kept by its call watcher; copied on every step, never changed in place. */
export interface CallState {
  /** Local camera/microphone tracks from getUserMedia that are still live. */
  liveTracks: string[];
  /** Peer connections that are not closed, by probe id. */
  peers: Record<string, PeerState>;
  /** The session in progress; `downSince` is when its last connected peer dropped. */
  session: { startedAt: number; downSince: number | null } | null;
}

export interface CallStep {
  state: CallState;
  effects: CallEffect[];
  /** When to feed a `tick` (a grace period runs out), or null when no timer is needed. */
  wakeAt: number | null;
}

/** A tab with no media and no peer connections. */
export function initialCallState(): CallState {
  return { liveTracks: [], peers: {}, session: null };
}

function copy(state: CallState): CallState {
  const peers: Record<string, PeerState> = {};
  for (const [id, peer] of Object.entries(state.peers)) peers[id] = { ...peer };
  return { liveTracks: [...state.liveTracks], peers, session: state.session && { ...state.session } };
}

/** A session's end for `reason`; `at` is null when it ends at the moment the end is seen. */
export type PendingEnd = Omit<Extract<CallEffect, { type: 'session-ended' }>, 'at'> & { at: number | null };

function ending(session: NonNullable<CallState['session']>, reason: EndReason): PendingEnd {
  return { type: 'session-ended', at: session.downSince, startedAt: session.startedAt, reason };
}

/** Why a session ends when its page goes away (closed, reloaded or navigated). */
const UNLOAD_REASON: EndReason = 'navigated';

/**
 * The end the page going away would give the session in progress, or null. The call watcher keeps
 * it ready: Firefox stops a closing tab's script at its first JavaScript function call ("Script
 * terminated by timeout"), so the `pagehide` handler must send it without making one.
 */
export function unloadEnd(state: CallState): PendingEnd | null {
  return state.session && ending(state.session, UNLOAD_REASON);
}

function end(state: CallState, reason: EndReason, now: number, effects: CallEffect[]): void {
  const session = state.session;
  if (!session) return;
  const effect = ending(session, reason);
  effects.push({ ...effect, at: effect.at ?? now });
  for (const peer of Object.values(state.peers)) if (peer.state === 'connected') peer.spent = true;
  state.session = null;
}

// Start or end the session according to the current peers and tracks.
function settle(state: CallState, now: number, effects: CallEffect[]): void {
  const peers = Object.values(state.peers).filter((peer) => !peer.spent);
  const connected = peers.some((peer) => peer.state === 'connected');
  const session = state.session;
  if (session) {
    if (connected) {
      session.downSince = null;
      return;
    }
    session.downSince ??= now;
    // Every peer closed: the call is over now. Otherwise one may still recover within the grace period.
    if (peers.length === 0 || now >= session.downSince + GRACE_MS) end(state, 'call-ended', now, effects);
    return;
  }
  // A lobby self-preview (media, no connection) and a connection without local media are not sessions.
  if (connected && state.liveTracks.length > 0) {
    state.session = { startedAt: now, downSince: null };
    effects.push({ type: 'session-started', at: now });
  }
}

function record(state: CallState, input: CallInput, now: number, effects: CallEffect[]): void {
  switch (input.type) {
    case 'gum-track':
      if (!state.liveTracks.includes(input.trackId)) state.liveTracks.push(input.trackId);
      break;
    case 'track-ended':
    case 'track-stopped':
      state.liveTracks = state.liveTracks.filter((id) => id !== input.trackId);
      break;
    case 'pc-created':
      state.peers[input.pcId] = { state: 'new', spent: false };
      break;
    case 'pc-state': {
      if (input.state === 'closed') {
        delete state.peers[input.pcId];
        break;
      }
      const peer = state.peers[input.pcId] ?? { state: 'new', spent: false };
      if (input.state !== 'connected') peer.spent = false;
      peer.state = input.state;
      state.peers[input.pcId] = peer;
      break;
    }
    case 'pc-closed':
      delete state.peers[input.pcId];
      break;
    case 'site-post-call':
      end(state, 'site-signal', now, effects);
      break;
    case 'tick':
      break;
  }
}

/** Applies one input at time `now` (ms) and returns the next state and what the caller must do. */
export function reduceCall(previous: CallState, input: CallInput, now: number): CallStep {
  const state = copy(previous);
  const effects: CallEffect[] = [];
  settle(state, now, effects); // a grace period that ran out before this input has already ended the call
  record(state, input, now, effects);
  settle(state, now, effects);
  const downSince = state.session?.downSince ?? null;
  return { state, effects, wakeAt: downSince === null ? null : downSince + GRACE_MS };
}
