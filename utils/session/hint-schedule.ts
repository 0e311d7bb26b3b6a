import type { SiteAdapter } from '@/utils/sites/types';

/**
 * How often, while a session is in progress, the site adapter's post-call hint is checked when
 * nothing else prompts it: a backstop for a post-call view that keeps its URL (Meet) and appears
 * with no click, no media change and no URL change. Leaving starts with one of those (or a closed
 * tab), and each prompts checks of its own (the follow-ups below), so the backstop is rarely what
 * ends a session; each wake-up costs the call, so it is slow: 3 a minute. A hint that reads only the
 * address needs neither poll nor follow-ups where the Navigation API reports every change of it.
 */
export const POLL_MS = 20_000;

/**
 * When the hint is checked again after the person clicks in the page, the media changes or the
 * URL moves (ms after it): leaving starts with a click on the site's leave button, and the site
 * draws its post-call view moments later. A new prompt restarts the series; it never piles up.
 */
export const FOLLOW_UP_MS: readonly number[] = [250, 1000, 2500];

/** When a session's post-call hint is next due: the backstop poll and the follow-ups of a prompt. */
export interface HintSchedule {
  /** The next time a check is due (ms), or Infinity. */
  due(): number;
  /** A session is in progress: the poll runs (started once). */
  poll(now: number): void;
  /** No session: nothing is due. */
  stop(): void;
  /** Something prompted a look soon: the follow-up series starts again from `now`. */
  followUp(now: number): void;
  /** Whether a check is due at `now`; consumes what was due. */
  take(now: number): boolean;
}

export function hintSchedule(): HintSchedule {
  let nextPollAt: number | null = null;
  let followUps: number[] = [];
  return {
    due: () => Math.min(nextPollAt ?? Infinity, followUps[0] ?? Infinity),
    poll(now) {
      nextPollAt ??= now + POLL_MS;
    },
    stop() {
      nextPollAt = null;
      followUps = [];
    },
    followUp(now) {
      followUps = FOLLOW_UP_MS.map((delay) => now + delay);
    },
    take(now) {
      let check = false;
      while (followUps.length > 0 && (followUps[0] ?? Infinity) <= now) {
        followUps.shift();
        check = true;
      }
      if (nextPollAt !== null && now >= nextPollAt) {
        nextPollAt = now + POLL_MS;
        check = true;
      }
      return check;
    },
  };
}

/** The adapter's post-call hint on the page now; an adapter that throws (its site changed) says no. */
export function hintSaysPostCall(site: SiteAdapter, win: Window): boolean {
  try {
    return site.postCallHint?.(new URL(win.location.href), win.document) === true;
  } catch {
    return false;
  }
}
