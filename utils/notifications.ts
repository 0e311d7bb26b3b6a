/**
 * Every notification Debrief shows, in one table beside the alarms': its id is a prefix and the
 * record it is about, so a click finds its way back. None ever shows what the person wrote.
 */
const NOTIFICATIONS = {
  /** A check-in is waiting: `session:<session id>`; a click opens the check-in. */
  checkIn: 'session:',
  /** A note waits to be brought up in the session that just started: `bring-up:<session id>`. */
  bringUp: 'bring-up:',
  /** The next-day follow-up: `reflect:<check-in id>`, the same name as its alarm; a click opens it. */
  reflect: 'reflect:',
  /** Debrief now watches a site chosen from the toolbar: `watching:<host>`. */
  watching: 'watching:',
} as const;

export type NotificationKind = keyof typeof NOTIFICATIONS;

/** The notification's id for a kind and the record (or host) it is about. */
export function notificationId(kind: NotificationKind, id: string): string {
  return `${NOTIFICATIONS[kind]}${id}`;
}

/** Which notification an id belongs to, or null for one Debrief never shows. */
export function notificationFor(notificationId: string): { kind: NotificationKind; id: string } | null {
  for (const [kind, prefix] of Object.entries(NOTIFICATIONS) as [NotificationKind, string][]) {
    if (notificationId.startsWith(prefix) && notificationId.length > prefix.length) return { kind, id: notificationId.slice(prefix.length) };
  }
  return null;
}
