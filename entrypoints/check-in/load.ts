import type { SessionInfo } from '@/components/SessionHeader';
import { sessionTherapist, waitingBringUps, type BringUp } from '@/utils/checkin/bring-up';
import { isLocked, whenLocked } from '@/utils/db/errors';
import { listGoals } from '@/utils/db/goals';
import { lastProviderForPlatform } from '@/utils/db/history';
import { getDb } from '@/utils/db/open';
import type { Goal, Session } from '@/utils/db/schema';
import { getSession } from '@/utils/db/sessions';
import { platformName } from '@/utils/sites/catalog';
import { checkInDetailsOpen } from '@/utils/storage';

export interface WindowData {
  /** The session asked about; null for a manual check-in or one no longer stored. */
  session: Session | null;
  goals: Goal[];
  provider: string;
  /** Notes from earlier check-ins to bring up in this session. */
  bringUps: BringUp[];
  /** Locked: earlier notes are sealed, so the window says to unlock instead of showing them. */
  bringUpsLocked: boolean;
  detailsOpen: boolean;
}

export function sessionInfo(session: Session): SessionInfo {
  return {
    id: session.id,
    platformName: platformName(session.platform),
    startedAt: session.startedAt,
    startedMs: session.startedMs,
    endedAt: session.endedAt,
    endedMs: session.endedMs,
    app: !!session.app,
  };
}

/** Everything the check-in window shows, read in one go; rejects when storage cannot be read. */
export async function loadWindowData(sessionId: string | null): Promise<WindowData> {
  const db = await getDb();
  const session = sessionId ? ((await getSession(db, sessionId)) ?? null) : null;
  const [goals, provider, detailsOpen] = await Promise.all([
    // While locked goal titles are sealed: no goal progress is asked.
    listGoals(db).catch(whenLocked<Goal[]>([])),
    session ? sessionTherapist(db, session) : lastProviderForPlatform(db, null),
    checkInDetailsOpen.getValue().catch(() => false),
  ]);
  // The background's rule for the tab's badge at the call's start, so the window lists what it promised.
  let bringUps: BringUp[] = [];
  let bringUpsLocked = false;
  try {
    if (session) bringUps = await waitingBringUps(db, { beforeMs: session.startedMs, therapist: provider });
  } catch (error) {
    if (!isLocked(error)) throw error;
    bringUpsLocked = true;
  }
  return { session, goals, provider, bringUps, bringUpsLocked, detailsOpen };
}
