/**
 * Whether Debrief asks about a call: one rule for the offer after the call and for what the popup
 * says during it. Therapy services and the person's own sites ask after every call long enough;
 * meeting platforms ask in every room until the person says "only in my therapy rooms".
 */
import type { RoomKind } from '../db/schema';
import type { SiteKind } from '../sites/types';
import type { RoomMode } from '../storage';

/** `ask`: window or notification. `quiet`: waits in the popup only. `silent`: nothing is kept. */
export type AskVerdict = 'ask' | 'quiet' | 'silent';

export type AskReason =
  | 'platform-off'
  | 'muted-room'
  | 'too-short'
  | 'therapy-platform'
  | 'therapy-room'
  | 'every-room'
  | 'not-therapy-room';

export interface AskFacts {
  platformKind: SiteKind;
  /** The person turned asking off on this platform. */
  platformOff: boolean;
  /** What the person taught about this call's room; null for a room never taught (or no room key). */
  room: RoomKind | null;
  mode: RoomMode;
  /** How long the call lasted (or has lasted so far). */
  lengthMs: number;
  minMinutes: number;
}

export function askRule(facts: AskFacts): { verdict: AskVerdict; reason: AskReason } {
  if (facts.platformOff) return { verdict: 'silent', reason: 'platform-off' };
  if (facts.room === 'muted') return { verdict: 'silent', reason: 'muted-room' };
  if (facts.lengthMs < facts.minMinutes * 60_000) return { verdict: 'silent', reason: 'too-short' };
  if (facts.platformKind === 'therapy') return { verdict: 'ask', reason: 'therapy-platform' };
  if (facts.room === 'therapy') return { verdict: 'ask', reason: 'therapy-room' };
  if (facts.mode === 'every-room') return { verdict: 'ask', reason: 'every-room' };
  return { verdict: 'quiet', reason: 'not-therapy-room' };
}
