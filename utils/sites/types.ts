export type SiteKind = 'therapy' | 'meeting';

/** Everything Debrief knows about one telehealth platform. One file per platform. */
export interface SiteAdapter {
  /** Stable id stored with sessions, e.g. `doxy-me`. */
  id: string;
  /** Name shown to the user, e.g. `Doxy.me`. */
  name: string;
  /**
   * Match-pattern hosts where sessions take place, e.g. `doxy.me`, `*.doxy.me`.
   * Content-script `matches` and `host_permissions` are derived from these.
   */
  hosts: string[];
  /**
   * `therapy`: a therapy service or practice platform, where every call is asked about.
   * `meeting`: a general meeting platform, where Debrief learns which rooms are therapy.
   */
  kind: SiteKind;
  /** True when the URL is a call/room page (not a dashboard, sign-in or marketing page). */
  isRoom(url: URL): boolean;
  /**
   * The meeting's identity, with the platform in front (`zoom:81234567890`), from a room page or the
   * meeting's launch page alike; null when the URL names no meeting. Meeting platforms only.
   */
  roomKey?(url: URL): string | null;
  /** True on the page that hands a meeting to the desktop app (Zoom's /j/<id>). Meeting platforms only. */
  isLaunchPage?(url: URL): boolean;
  /**
   * Cheap optional hint that the call has ended on this page (a post-call URL or an
   * end-of-call view). Checked during a session at each change of address, and (see
   * `postCallHintReads`) every 20 s and moments after a click or a media change, so it must be
   * cheap: never match a selector across the whole DOM.
   */
  postCallHint?(url: URL, doc: Document): boolean;
  /**
   * `url`: the hint reads the address alone, so a change of address (which the Navigation API
   * reports) says all the backstop poll would; `page` (the default): it reads the page, which can
   * change with no event.
   */
  postCallHintReads?: 'url' | 'page';
}

/**
 * What an adapter was checked against. Kept apart from the adapter so the call watcher, which
 * loads in every frame of a call page, does not carry test addresses into the page.
 */
export interface SiteExamples {
  /** Real URLs (used by the meta-test and the browser tests). */
  testUrls: { rooms: string[]; notRooms: string[]; postCall?: string[] };
  /**
   * Meeting platforms: real addresses and the room key each gives. Addresses of one meeting (its
   * launch page and its web client) share a key; `null` marks an address that names no meeting.
   */
  roomKeys?: [url: string, key: string | null][];
  /**
   * Every page of the hosts counts (`isRoom` is always true, `notRooms` empty): no source gives the
   * room path and the hosts serve only the platform's own app, so the media probe alone decides.
   */
  wholeHost?: true;
  /** Where the hosts came from (help pages or public code). */
  source: string;
}
