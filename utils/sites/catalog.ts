import type { SiteKind } from './types';

/**
 * Every platform Debrief knows, by the id stored with its sessions: the name people know it by and
 * its kind. Kept apart from the adapters so pages that only name a platform (the check-in window,
 * History) do not load every site's detection code.
 */
const PLATFORMS = {
  alma: { name: 'Alma', kind: 'therapy' },
  betterhelp: { name: 'BetterHelp', kind: 'therapy' },
  'doxy-me': { name: 'Doxy.me', kind: 'therapy' },
  'google-meet': { name: 'Google Meet', kind: 'meeting' },
  'grow-therapy': { name: 'Grow Therapy', kind: 'therapy' },
  'jitsi-meet': { name: 'Jitsi Meet', kind: 'meeting' },
  securevideo: { name: 'SecureVideo', kind: 'therapy' },
  simplepractice: { name: 'SimplePractice', kind: 'therapy' },
  talkspace: { name: 'Talkspace', kind: 'therapy' },
  teams: { name: 'Microsoft Teams', kind: 'meeting' },
  therapynotes: { name: 'TherapyNotes', kind: 'therapy' },
  vsee: { name: 'VSee', kind: 'therapy' },
  webex: { name: 'Webex', kind: 'meeting' },
  whereby: { name: 'Whereby', kind: 'meeting' },
  zoom: { name: 'Zoom', kind: 'meeting' },
} as const satisfies Record<string, { name: string; kind: SiteKind }>;

type PlatformId = keyof typeof PLATFORMS;

/** An adapter's id, name and kind, from this one table. */
export function platformInfo<Id extends PlatformId>(id: Id): { id: Id; name: string; kind: SiteKind } {
  return { id, ...PLATFORMS[id] };
}

function known(platform: string): platform is PlatformId {
  return Object.hasOwn(PLATFORMS, platform);
}

/** Platform ids of sites the person added themselves: `custom:<host>`. */
export const CUSTOM_PLATFORM_PREFIX = 'custom:';

/** A platform's name as people know it ("Doxy.me"); a site the person added is named by its host. */
export function platformName(platform: string): string {
  if (known(platform)) return PLATFORMS[platform].name;
  return platform.startsWith(CUSTOM_PLATFORM_PREFIX) ? platform.slice(CUSTOM_PLATFORM_PREFIX.length) : platform;
}

/** A known platform's kind; sites the person added are theirs for therapy. */
export function platformKind(platform: string): SiteKind {
  return known(platform) ? PLATFORMS[platform].kind : 'therapy';
}
