/** What the media probe (MAIN world) tells the call watcher (isolated world). */
export type ProbeEvent =
  /** getUserMedia handed the page a local camera or microphone track. */
  | { type: 'gum-track'; trackId: string; kind: 'audio' | 'video' }
  /** A local track ended on its own (device unplugged, permission revoked). */
  | { type: 'track-ended'; trackId: string }
  /** The page called `track.stop()`, which fires no 'ended' event. */
  | { type: 'track-stopped'; trackId: string }
  | { type: 'pc-created'; pcId: string }
  | { type: 'pc-state'; pcId: string; state: RTCPeerConnectionState }
  /** The page called `pc.close()`, which fires no connectionstatechange. */
  | { type: 'pc-closed'; pcId: string };

export const PROBE_SOURCE = 'debrief-probe';
export const PROBE_VERSION = 1;

/** The envelope posted with `window.postMessage`; the marker tells it from the page's own messages. */
export interface ProbeMessage {
  source: typeof PROBE_SOURCE;
  v: typeof PROBE_VERSION;
  event: ProbeEvent;
  /** When it happened (epoch ms), on an event the probe held until the watcher was listening. */
  at?: number;
}

/**
 * The event the call watcher dispatches on its window once it listens; the probe then posts what it
 * held. An event of its own type, not a message: it wakes none of the page's message listeners and
 * brings the page nothing back.
 */
export const WATCHER_LISTENING = 'debrief-call-watcher-listening';

const PC_STATES: readonly string[] = ['new', 'connecting', 'connected', 'disconnected', 'failed', 'closed'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Ids are made by the probe: short strings, never page data.
function isId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= 64;
}

function isProbeEvent(event: unknown): event is ProbeEvent {
  if (!isRecord(event)) return false;
  switch (event.type) {
    case 'gum-track':
      return isId(event.trackId) && (event.kind === 'audio' || event.kind === 'video');
    case 'track-ended':
    case 'track-stopped':
      return isId(event.trackId);
    case 'pc-created':
    case 'pc-closed':
      return isId(event.pcId);
    case 'pc-state':
      return isId(event.pcId) && typeof event.state === 'string' && PC_STATES.includes(event.state);
    default:
      return false;
  }
}

/** True only for a well-formed probe message; anything else a page posts is ignored. */
export function isProbeMessage(data: unknown): data is ProbeMessage {
  return (
    isRecord(data) &&
    data.source === PROBE_SOURCE &&
    data.v === PROBE_VERSION &&
    isProbeEvent(data.event) &&
    (data.at === undefined || (typeof data.at === 'number' && Number.isFinite(data.at)))
  );
}
