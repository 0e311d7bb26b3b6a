/**
 * Every alarm Debrief sets, in one table: its name (or name prefix plus an id) and what it wakes.
 * The background routes by `alarmFor`; the code that sets an alarm names it with `alarmName`.
 */
const ALARMS = {
  /** Once a minute while a call is live: notes that the call is still going. */
  heartbeat: { name: 'heartbeat' },
  /** When the next waiting session becomes old: the badge is counted again without it. */
  ageing: { name: 'ageing' },
  /** Hourly: an automatic backup when one is due. */
  backup: { name: 'backup' },
  /** Once a minute while unlocked: locks again once Debrief has been idle for the set minutes. */
  lockIdle: { name: 'lock-idle' },
  /** "Remind me later" on a session: `snooze:<session id>`. */
  snooze: { prefix: 'snooze:' },
  /** A session in a desktop app is due: asked about the next time the person is active, `app:<session id>`. */
  app: { prefix: 'app:' },
  /** The next-day follow-up on a check-in: `reflect:<check-in id>` (also its notification's id). */
  reflect: { prefix: 'reflect:' },
} as const;

type Fixed = { [K in keyof typeof ALARMS]: (typeof ALARMS)[K] extends { name: string } ? K : never }[keyof typeof ALARMS];
type PerRecord = Exclude<keyof typeof ALARMS, Fixed>;

/** A woken alarm: which kind, and for per-record alarms the record's id. */
export type Alarm = { kind: Fixed } | { kind: PerRecord; id: string };

/** The alarm's name: `alarmName('backup')`, `alarmName('snooze', sessionId)`. */
export function alarmName(kind: Fixed): string;
export function alarmName(kind: PerRecord, id: string): string;
export function alarmName(kind: keyof typeof ALARMS, id = ''): string {
  const alarm: { name?: string; prefix?: string } = ALARMS[kind];
  return alarm.name ?? `${alarm.prefix}${id}`;
}

/** Which alarm a name belongs to, or null for a name Debrief never sets. */
export function alarmFor(name: string): Alarm | null {
  for (const [kind, alarm] of Object.entries(ALARMS) as [keyof typeof ALARMS, { name?: string; prefix?: string }][]) {
    if (alarm.name === name) return { kind } as Alarm;
    if (alarm.prefix && name.startsWith(alarm.prefix) && name.length > alarm.prefix.length) {
      return { kind, id: name.slice(alarm.prefix.length) } as Alarm;
    }
  }
  return null;
}
