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
   * end-of-call view). Checked every few seconds during a session and right after a click, a media
   * change or a URL change, so it must be cheap: never match a selector across the whole DOM.
   */
  postCallHint?(url: URL, doc: Document): boolean;
}

/**
 * What an adapter was checked against. Kept apart from the adapter so the call watcher, which
 * loads in every frame of a call page, does not carry test addresses into the page.
 */
export interface SiteExamples {
  /** Real URLs (used by the meta-test and the browser tests). */
  testUrls: { rooms: string[]; notRooms: string[]; postCall?: string[] };
  /**
   * Every page of the hosts counts (`isRoom` is always true, `notRooms` empty): no source gives the
   * room path and the hosts serve only the platform's own app, so the media probe alone decides.
   */
  wholeHost?: true;
  /** Where the hosts came from (help pages or public code). */
  source: string;
}
