/** The moments every bench section shares, so Chromium's and Firefox's figures measure alike. */
import { POLL_MS } from '@/utils/session/hint-schedule';

/** After `load`, content scripts and the page settle (timers, first frames) before load cost is read. */
export const SETTLE_MS = 1000;
/**
 * The first seconds of a call carry one-time work (the session starting, the first post-call check
 * and its lazy compilation); they are reported apart so per-minute figures are the steady state.
 * They run past the first poll: a once-only compile scaled to a minute would look like a steady cost.
 */
export const WARM_UP_MS = POLL_MS + 1000;
/** Long enough to be a session at a minimum length of 0, short enough to keep the bench brisk. */
export const HOLD_MS = 1000;
export const MEET_ROOM = 'https://meet.google.com/abc-mnop-xyz';
export const DOXY_ROOM = 'https://doxy.me/DrKerr';
