/**
 * Debrief's call-page scripts as built, for the manifest and for registering them at runtime on
 * sites the person added. The media probe (MAIN world) runs before any page script; the call
 * watcher (isolated world) once the page has loaded, outside the page's first task, and the probe
 * holds its events until the watcher says it is listening.
 */
export const PROBE_FILE = 'content-scripts/media-probe.js' as const;
/** An unlisted script (entrypoints/call-watcher.ts), so it sits at the root of the build. */
export const WATCHER_FILE = 'call-watcher.js' as const;

/** After the page has loaded, in its own task: the probe holds its events until then. */
const WATCHER_RUN_AT = 'document_idle' as const;

const PROBE_ID = 'debrief-custom-media-probe';
const WATCHER_ID = 'debrief-custom-call-watcher';

/** The manifest's `content_scripts` entry for the call watcher; the probe's is WXT's (entrypoints/media-probe.content.ts). */
export function manifestWatcherScript(matches: string[]) {
  return { matches, js: [WATCHER_FILE], run_at: WATCHER_RUN_AT, all_frames: true };
}

/** Both scripts for `scripting.registerContentScripts`. */
export function registeredCallPageScripts(matches: string[]) {
  return [
    { id: PROBE_ID, matches, js: [PROBE_FILE], world: 'MAIN' as const, runAt: 'document_start' as const, allFrames: true },
    { id: WATCHER_ID, matches, js: [WATCHER_FILE], runAt: WATCHER_RUN_AT, allFrames: true },
  ];
}

/** Ids of what `registeredCallPageScripts` registers, for unregistering. */
export const REGISTERED_IDS = [PROBE_ID, WATCHER_ID];
