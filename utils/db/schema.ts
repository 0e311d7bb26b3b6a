import type { DBSchema } from 'idb';
import type { Notes, Rating, Ratings } from '../checkin/instrument';
import type { LockRecord } from '../lock/keys';

export const DB_NAME = 'debrief';
export const DB_VERSION = 4;

/** Fields every record the user creates carries (DESIGN §4). */
export interface RecordMeta {
  id: string;
  /** ISO 8601 with the local offset. */
  createdAt: string;
  /** Epoch ms of `createdAt`, for indexes that must sort across time zones. */
  createdMs: number;
  /** Hybrid logical clock stamp; see hlc.ts. */
  updatedAt: string;
  deviceId: string;
}

export interface GoalProgress {
  goalId: string;
  rating: Rating;
  note: string;
}

export interface Reflection {
  answeredAt: string;
  /** 0–10: how much they used or thought about what they took from the session. */
  used: Rating;
  text: string;
}

/** What the person fills in; shared by drafts and saved check-ins. */
export interface CheckInAnswers {
  ratings: Ratings;
  overall: Rating;
  notes: Notes;
  goalProgress: GoalProgress[];
  tags: string[];
  provider: string;
}

export interface CheckInVersion extends RecordMeta, CheckInAnswers {
  /** The detected session this check-in is about; null for a manual check-in. */
  sessionId: string | null;
  /** Site id from the registry, or null for a manual check-in. */
  platform: string | null;
  /** When the session took place (start), if known. */
  sessionStartedAt: string | null;
  sessionEndedAt: string | null;
  reflection: Reflection | null;
  /** The "to bring up next time" note was ticked off. */
  nextTimeDone: boolean;
  /** With the lock on: what the person wrote and rated, sealed (utils/lock); those fields are then blank. */
  sealed?: string;
}

export interface CheckIn extends CheckInVersion {
  /** Older versions replaced by an edit or a merge, newest last. */
  history: CheckInVersion[];
}

/** `dismissed`: not therapy; `skipped`: therapy, but no check-in wanted. Both can be undone. */
export type SessionStatus = 'in-progress' | 'pending' | 'snoozed' | 'answered' | 'dismissed' | 'skipped';
export type SessionEndReason = 'call-ended' | 'site-signal' | 'navigated' | 'tab-closed' | 'interrupted';

export interface Session extends RecordMeta {
  platform: string;
  host: string;
  startedAt: string;
  startedMs: number;
  endedAt: string | null;
  endedMs: number | null;
  endReason: SessionEndReason | null;
  /** Last time the call was known to be live; the end time of an interrupted session. */
  lastSeenMs: number;
  status: SessionStatus;
  snoozedUntil: number | null;
  checkInId: string | null;
  /**
   * The meeting the call was in (`zoom:81234567890`, see SiteAdapter.roomKey); null on a therapy
   * service or an address naming no meeting. Absent on sessions recorded before rooms were known.
   */
  roomKey?: string | null;
  /**
   * Set while a call in a room not known as therapy waits quietly in the popup (the platform asks only
   * in therapy rooms): no window, no notification, not on the badge.
   */
  quiet?: boolean;
  /**
   * A session handed to the platform's desktop app from a therapy room's launch page: the browser saw
   * it start, not end, so its length is unknown (`endedMs` stays null).
   */
  app?: boolean;
}

/** `therapy`: ask after every call in this room. `muted`: never ask, keep nothing. */
export type RoomKind = 'therapy' | 'muted';

/** A meeting room the person taught Debrief about; its id is the room key. */
export interface Room extends RecordMeta {
  /** Site id from the registry. */
  platform: string;
  kind: RoomKind;
  /** What the person calls it (their therapist's name, say); '' when they gave none. */
  name: string;
  /** With the lock on: the name, sealed (utils/lock); it is then blank. */
  sealed?: string;
}

export type GoalStatus = 'active' | 'achieved' | 'archived';

export interface Goal extends RecordMeta {
  title: string;
  status: GoalStatus;
  /** With the lock on: the title, sealed (utils/lock); it is then blank. */
  sealed?: string;
}

/** Work in progress on a check-in; one per session, or `manual`. */
export interface Draft extends CheckInAnswers {
  key: string;
  savedAt: string;
  /** With the lock on: the answers, sealed (utils/lock); they are then blank. */
  sealed?: string;
}

export type SyncedStore = 'checkIns' | 'sessions' | 'goals' | 'rooms';

export interface Tombstone {
  id: string;
  store: SyncedStore;
  /** HLC stamp of the deletion. */
  deletedAt: string;
}

/** What `meta` holds, key by key: this device's own bookkeeping, never exported. */
export interface MetaValues {
  /** This browser's device id, made once. */
  deviceId: string;
  /** The newest stamp this device wrote or saw (hlc.ts). */
  clock: string;
  /** The sync folder chosen in the Sync view (a directory handle, stored as it is). */
  syncFolder: FileSystemDirectoryHandle;
  /** A session this device recorded: `recording` while the call may be live, `ended` once it may be offered, `set-aside` when not therapy or skipped. */
  [recorded: `recorded:${string}`]: 'recording' | 'ended' | 'set-aside';
  /** The lock's public key and wrapped private key; absent while the lock is off. */
  lock: LockRecord;
}

export type MetaKey = keyof MetaValues;

/** One `meta` record: its key and the value that key holds. */
export type MetaEntry = { [K in MetaKey]: { key: K; value: MetaValues[K] } }[MetaKey];

/** Device-local state of one follow-up reflection (never synced). */
export interface ReflectionSchedule {
  checkInId: string;
  dueMs: number;
  /** When the person was invited; set once so the invitation never repeats. */
  promptedMs: number | null;
}

/**
 * What the trends page reads of the check-ins whose session falls in one UTC month, packed
 * (one array per field, one place per check-in) so thousands are read in a few records.
 * Kept in step with every check-in write (trend-months.ts); never synced or exported.
 */
export interface TrendMonth {
  /** `YYYY-MM` of the session time in UTC. */
  month: string;
  ids: string[];
  /** Session time (checkInTime), epoch ms. */
  ms: number[];
  createdMs: number[];
  providers: string[];
  /** METRICS.length answers per check-in, in METRICS order, one check-in after another. */
  ratings: Rating[];
  /** With the lock on: the lists above, sealed (utils/lock/trend-months.ts); they are then empty. */
  sealed?: string;
  /** With the lock on: the month's check-ins whole (every version), sealed, so History opens a month at once. */
  sealedCheckIns?: string;
}

export interface DebriefSchema extends DBSchema {
  checkIns: {
    key: string;
    value: CheckIn;
    indexes: { 'by-created': number; 'by-platform': string; 'by-session': string };
  };
  sessions: {
    key: string;
    value: Session;
    /** `by-room` since version 4; sessions without a room key are not in it. */
    indexes: { 'by-status': SessionStatus; 'by-started': number; 'by-room': string };
  };
  goals: {
    key: string;
    value: Goal;
    indexes: { 'by-status': GoalStatus };
  };
  drafts: { key: string; value: Draft };
  tombstones: { key: string; value: Tombstone };
  meta: { key: string; value: MetaEntry };
  /** Since version 2; version 1 kept these in `meta` as `reflection:<check-in id>`. */
  reflections: { key: string; value: ReflectionSchedule };
  /** Since version 3: derived from `checkIns`, rebuilt whenever it disagrees with them. */
  trendMonths: { key: string; value: TrendMonth };
  /** Since version 4: the person's therapy rooms and muted rooms, by room key. */
  rooms: { key: string; value: Room; indexes: { 'by-platform': string } };
}

export type StoreName = 'checkIns' | 'sessions' | 'goals' | 'drafts' | 'tombstones' | 'meta' | 'reflections' | 'trendMonths' | 'rooms';
