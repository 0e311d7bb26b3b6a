/**
 * Hybrid logical clock: `updatedAt` strings that sort by wall time, then a counter,
 * then device id, so two devices never produce equal stamps and clock skew cannot
 * make an edit sort before the one it replaced.
 */

const WALL_DIGITS = 15;
const COUNTER_DIGITS = 6;
/** The highest counter Debrief writes; past it the clock moves its wall time by 1 ms instead. */
export const MAX_HLC_COUNTER = 0xffff;
/** How far ahead of this device's clock a stamp may be: further would drag our clock forward for good. */
export const MAX_CLOCK_AHEAD_MS = 2 * 24 * 60 * 60 * 1000;

export interface HlcParts {
  wall: number;
  counter: number;
  deviceId: string;
}

export function formatHlc({ wall, counter, deviceId }: HlcParts): string {
  return `${String(wall).padStart(WALL_DIGITS, '0')}-${String(counter).padStart(COUNTER_DIGITS, '0')}-${deviceId}`;
}

const HLC_PATTERN = /^(\d{15})-(\d{6})-(.+)$/;

export function parseHlc(stamp: string): HlcParts | null {
  const match = HLC_PATTERN.exec(stamp);
  if (!match) return null;
  return { wall: Number(match[1]), counter: Number(match[2]), deviceId: match[3]! };
}

export function isHlc(stamp: unknown): stamp is string {
  return typeof stamp === 'string' && HLC_PATTERN.test(stamp);
}

/**
 * The next stamp after `last` (ours or one received), never going backwards. The counter never
 * passes MAX_HLC_COUNTER: a full counter moves the wall time on by 1 ms instead.
 */
export function nextHlc(last: string | null | undefined, deviceId: string, now: number = Date.now()): string {
  const previous = last ? parseHlc(last) : null;
  if (!previous || now > previous.wall) return formatHlc({ wall: now, counter: 0, deviceId });
  if (previous.counter >= MAX_HLC_COUNTER) return formatHlc({ wall: previous.wall + 1, counter: 0, deviceId });
  return formatHlc({ wall: previous.wall, counter: previous.counter + 1, deviceId });
}

/** True when a stamp is one Debrief could have written by `now`: counter in range, wall time within the window. */
export function withinClockBounds(stamp: string, now: number): boolean {
  const parts = parseHlc(stamp);
  return parts !== null && parts.counter <= MAX_HLC_COUNTER && parts.wall <= now + MAX_CLOCK_AHEAD_MS;
}

/** Milliseconds since the epoch that a stamp records. */
export function hlcWallTime(stamp: string): number {
  return parseHlc(stamp)?.wall ?? 0;
}
