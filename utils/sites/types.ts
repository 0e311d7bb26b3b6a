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
  /** True when the URL is a call/room page (not a dashboard, sign-in or marketing page). */
  isRoom(url: URL): boolean;
  /**
   * Cheap optional hint that the call has ended on this page (a post-call URL or an
   * end-of-call view). Called at most every 2 s; must not walk the whole DOM.
   */
  postCallHint?(url: URL, doc: Document): boolean;
  /** Real URLs this adapter was checked against (used by the meta-test). */
  testUrls: { rooms: string[]; notRooms: string[]; postCall?: string[] };
  /** Where the hosts came from (help pages or public code). */
  source: string;
}
