import type { SessionStatus } from '../db/schema';

/**
 * What can happen to a session, from its call to the person's answer:
 * - `call-ended`: the call ended (or was cut off) and was long enough to ask about;
 * - `snooze`: "Remind me later", or an app session waiting for its usual length;
 * - `due`: a snoozed session's time came (its alarm, or the person back in the browser after an app session);
 * - `answer`: a check-in was saved for it;
 * - `dismiss`: "Not a therapy session"; `skip`: "Skip";
 * - `restore` / `restore-snoozed`: Undo of a dismissal or a skip, back to waiting as it was.
 */
export type SessionEvent = 'call-ended' | 'snooze' | 'due' | 'answer' | 'dismiss' | 'skip' | 'restore' | 'restore-snoozed';

const SET_ASIDE: Partial<Record<SessionEvent, SessionStatus>> = {
  snooze: 'snoozed',
  answer: 'answered',
  dismiss: 'dismissed',
  skip: 'skipped',
  restore: 'pending',
  'restore-snoozed': 'snoozed',
};

/** Every status a session can be in, and where each event takes it; an event not listed changes nothing. */
const LIFECYCLE: Record<SessionStatus, Partial<Record<SessionEvent, SessionStatus>>> = {
  'in-progress': { 'call-ended': 'pending', snooze: 'snoozed', answer: 'answered', dismiss: 'dismissed', skip: 'skipped' },
  pending: { snooze: 'snoozed', answer: 'answered', dismiss: 'dismissed', skip: 'skipped' },
  snoozed: { snooze: 'snoozed', due: 'pending', answer: 'answered', dismiss: 'dismissed', skip: 'skipped' },
  // Answered is final: a check-in saved is never undone by a later tap elsewhere.
  answered: {},
  dismissed: SET_ASIDE,
  skipped: SET_ASIDE,
};

/** The status `event` takes a session in `status` to, or null when the event does not apply to it. */
export function nextStatus(status: SessionStatus, event: SessionEvent): SessionStatus | null {
  return LIFECYCLE[status][event] ?? null;
}
