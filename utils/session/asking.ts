/** The facts the ask rule needs about one call, read from storage and the person's rooms. */
import type { DebriefDb } from '../db/open';
import type { Session } from '../db/schema';
import { getRoom } from '../db/rooms';
import { platformKind } from '../sites/catalog';
import { disabledPlatforms, minSessionMinutes, roomModes } from '../storage';
import { askRule, type AskReason, type AskVerdict } from './ask-rule';

export interface CallPlace {
  platform: string;
  roomKey?: string | null;
}

/** Whether Debrief asks after a call in this place that lasted (or has lasted so far) `lengthMs`. */
export async function judgeCall(db: DebriefDb, call: CallPlace, lengthMs: number): Promise<{ verdict: AskVerdict; reason: AskReason }> {
  const [disabled, modes, minMinutes, room] = await Promise.all([
    disabledPlatforms.getValue(),
    roomModes.getValue(),
    minSessionMinutes.getValue(),
    call.roomKey ? getRoom(db, call.roomKey) : undefined,
  ]);
  return askRule({
    platformKind: platformKind(call.platform),
    platformOff: disabled.includes(call.platform),
    room: room?.kind ?? null,
    mode: modes[call.platform] ?? 'every-room',
    lengthMs,
    minMinutes,
  });
}

/** A call outside the therapy rooms waits quietly in the popup this long after it ends. */
const QUIET_WAIT_MS = 24 * 60 * 60_000;

/** Splits waiting sessions into those put in front of the person and those waiting quietly (for a day). */
export function splitQuiet(sessions: Session[], now: number): { asked: Session[]; quiet: Session[] } {
  return {
    asked: sessions.filter((s) => !s.quiet),
    quiet: sessions.filter((s) => s.quiet && (s.endedMs ?? s.startedMs) > now - QUIET_WAIT_MS),
  };
}
